"""Product calculators: ready-made LCC methods for the product groups procurers evaluate.

Each calculator is a module with the same interface:

- ``alternative(name, **inputs) -> lcc.Alternative`` turns the figures the
  buyer and a bidder supply into cost items (unit counts become
  :attr:`lcc.Alternative.quantity`); unknown, missing, misplaced or invalid
  inputs raise :class:`lcc.LCCError` naming the calculator, the input and
  what was expected; inputs that are multiplied together reach the model as
  an :class:`lcc.Product`, so each may be a :class:`lcc.Parameter`; the
  alternative records the call in :attr:`lcc.Alternative.calculator` (a
  tender file writes it as ``template`` and ``inputs``);
- ``INPUTS``, a tuple of :class:`Input` records: every input with its role
  (buyer or bidder), unit, meaning, source, whether it is required, its
  default, an example, and whether a :class:`lcc.Parameter` is accepted (so
  sensitivity analysis reaches it);
- ``NAME``, ``TITLE`` and ``METHOD`` (the method in words); the title, the
  method and each input's ``label``, ``meaning`` and ``source`` are catalogue
  messages, shown with :func:`lcc._i18n.tr` in the reader's language.

Registry:

- :data:`CALCULATORS` maps each name to its module;
- :func:`get` returns one module by name;
- :func:`list_calculators` returns a table of every calculator's inputs (one
  row per input) for the command line and for bid forms.

The calculators: ``indoor_lighting``, ``street_lighting``, ``dishwasher``,
``fridge_freezer``, ``vehicles`` (also :func:`~lcc.templates.vehicles.clean_vehicles_directive`
and :func:`~lcc.templates.vehicles.vehicle_alternative`), ``it_equipment``,
``pump_motor``, ``reusable_vs_single_use`` and ``refurbished_vs_new``.

Examples
--------
>>> from lcc import templates
>>> templates.get("dishwasher").TITLE
'Dishwashers (household): price, energy and water from the EU energy label'
>>> table = templates.list_calculators()
>>> table[table.calculator == "dishwasher"]["input"].tolist()[:3]
['price', 'energy', 'water']
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING

from lcc._errors import LCCError, Msg
from lcc._i18n import check_lang, tr
from lcc.templates import (
    dishwasher,
    fridge_freezer,
    indoor_lighting,
    it_equipment,
    pump_motor,
    refurbished_vs_new,
    reusable_vs_single_use,
    street_lighting,
    vehicles,
)
from lcc.templates._inputs import Input

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CALCULATORS", "COLUMNS", "Input", "get", "list_calculators"]

#: Every calculator by name (binding names), in the order of the issue that introduced them.
CALCULATORS: Mapping[str, ModuleType] = MappingProxyType({
    module.NAME: module
    for module in (indoor_lighting, street_lighting, dishwasher, fridge_freezer, vehicles,
                   it_equipment, pump_motor, reusable_vs_single_use, refurbished_vs_new)
})

#: Columns of :func:`list_calculators`.
COLUMNS: tuple[str, ...] = (
    "calculator", "title", "input", "label", "role", "kind", "unit", "other_units", "choices",
    "required", "default", "example", "minimum", "maximum", "parameter", "per_year",
    "applies_to", "meaning", "source",
)


def get(name: str) -> ModuleType:
    """The calculator module of a name (``"dishwasher"``; ``-`` and spaces read as ``_``).

    Raises
    ------
    LCCError
        For an unknown name, listing the known ones.
    """
    key = name.strip().lower().replace("-", "_").replace(" ", "_") if isinstance(name, str) \
        else name
    if key not in CALCULATORS:
        raise LCCError(Msg("unknown calculator {calculator!r}; expected one of {names}",
                           calculator=name, names=", ".join(CALCULATORS)),
                       code="unknown-template")
    return CALCULATORS[key]


def list_calculators(name: str | None = None, lang: str = "en") -> pd.DataFrame:
    """A table of every calculator's inputs, one row per input.

    Parameters
    ----------
    name : str, optional
        Only this calculator.
    lang : {"en", "sv"}
        The language of the texts a person reads: ``title``, ``label``,
        ``meaning`` and ``source`` (the names and units stay as they are).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`: the calculator's name and title, then the
        fields of each :class:`Input` (``input`` is its name, ``label`` what a
        person reads instead; ``other_units``, ``choices`` and ``applies_to``
        are joined with ``", "``; ``default``
        and ``example`` are shown as text, empty when there is none). In
        :data:`CALCULATORS` order and each calculator's ``INPUTS`` order.
    """
    import pandas as pd

    check_lang(lang)
    modules = [get(name)] if name is not None else list(CALCULATORS.values())
    rows = []
    for module in modules:
        for inp in module.INPUTS:
            row = inp.as_dict()
            row["input"] = row.pop("name")
            for key in ("other_units", "choices", "applies_to"):
                row[key] = ", ".join(row[key])
            for key in ("default", "example"):
                row[key] = "" if row[key] is None else str(row[key])
            for key in ("label", "meaning", "source"):
                row[key] = tr(row[key], lang)
            rows.append({"calculator": module.NAME, "title": tr(module.TITLE, lang), **row})
    return pd.DataFrame(rows, columns=list(COLUMNS))
