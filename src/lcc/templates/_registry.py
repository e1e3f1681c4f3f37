"""The calculators by name, and the table of their inputs (internal; see :mod:`lcc.templates`)."""


from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    import pandas as pd


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
                        field="template", code="unknown-template")
    return CALCULATORS[key]


def _as_written(value: Any) -> str:
    """A default or example as a tender file writes it: ``36 W``, ``0.02``,
    ``[["1500 h/yr", 1.0], ["2500 h/yr", 0.5]]`` (a profile's pairs); empty for none."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


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
                row[key] = _as_written(row[key])
            for key in ("label", "meaning", "source"):
                row[key] = tr(row[key], lang)
            rows.append({"calculator": module.NAME, "title": tr(module.TITLE, lang), **row})
    return pd.DataFrame(rows, columns=list(COLUMNS))
