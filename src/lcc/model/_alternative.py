"""An alternative (a bid, or the existing solution): cost items over a service life."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np

from lcc._errors import LCCError, Msg
from lcc._i18n._catalog import N_
from lcc._text import is_blank
from lcc.model import _fields as F
from lcc.model._compare import ModelEq
from lcc.model._fields import Errors, Field, check_text, located
from lcc.model._inputs import Num
from lcc.model._items import CostItem, Investment
from lcc.model._limits import MAX_ITEMS, MAX_YEARS
from lcc.model._parameter import Parameter

#: The fields of an alternative besides its name and items, each described once.
FIELDS: dict[str, Field] = {
    "start": Field("position", "yr", "0 (years) or '2 yr'", ref=False, minimum=0.0, whole=True,
                   maximum=MAX_YEARS,
                   label=N_("Years from the base date until service starts")),
    "quantity": F.COUNT.named(N_("Number of units")),
    "life": F.DURATION.named(N_("Service life of the bid")),
    "description": F.TEXT,
}


def rate_names(alternatives: Any, study: Any) -> set[str]:
    """Every input of a comparison that is a rate per year: ``"discount_rate"``, the
    Parameters of the study's discount and inflation rates, and those standing in a rate
    field of any alternative. Outputs show these as percentages."""
    out = {"discount_rate"}
    out.update(num.param for num in (study._rate, study._inflation)
               if isinstance(num, Num) and num.param)
    return out.union(*(alt.rates() for alt in alternatives))


def check_parameters(params: list[Parameter], where: str) -> dict[str, Parameter]:
    """Map names to Parameters; two different Parameters under one name are an error."""
    seen: dict[str, Parameter] = {}
    for p in params:
        old = seen.get(p.name)
        if old is None:
            seen[p.name] = p
        elif old is not p and not old.same_as(p):
            raise LCCError(
                Msg("{name}: two different Parameters are named {called!r} ({text} and "
                    "{text2}); sensitivity analysis addresses inputs by name, so give them "
                    "different names or use one Parameter", name=where, called=p.name,
                    text=old.describe(), text2=p.describe()),
                field="Alternative.parameters", code="duplicate-name")
    return seen


@dataclass(frozen=True, eq=False)
class CalculatorCall:
    """How a product calculator built an alternative (:attr:`Alternative.calculator`).

    Attributes
    ----------
    name : str
        The calculator's name (``"dishwasher"``; :data:`lcc.templates.CALCULATORS`).
    inputs : mapping
        The keyword arguments given to its ``alternative(name, **inputs)``, as
        given (Parameters kept; inputs given as None left out), read-only.
    """

    name: str
    inputs: Mapping[str, Any]

    def __post_init__(self) -> None:
        object.__setattr__(self, "inputs", MappingProxyType(
            {k: v for k, v in dict(self.inputs).items() if v is not None}))

    def __reduce__(self) -> tuple[Any, ...]:  # a mappingproxy cannot be pickled
        return (CalculatorCall, (self.name, dict(self.inputs)))


@dataclass(frozen=True, eq=False, init=False)
class Alternative(ModelEq):
    """One alternative of a comparison: a bid, or the existing solution.

    Parameters
    ----------
    name : str
        Name shown in tables, e.g. ``"LED bid A"``.
    *items : CostItem
        The cost items.
    start : float
        Years after the base date when it enters service (whole years);
        its investment sits at t = start and every ``at``/``start``/``end`` of
        its items counts from there (docs: Concepts › Time).
    quantity : float, ndarray or Parameter
        Number of units; multiplies every flow and emission.
    life : duration, optional
        Service life of the alternative as a whole, for the annuity and
        per-service-year comparison policies; defaults to the longest
        ``life`` of its investments.
    description : str, optional
        Free text shown in reports.

    Attributes
    ----------
    calculator : CalculatorCall or None
        Set by a product calculator (:mod:`lcc.templates`) on the alternative
        it returns: the calculator's name and the inputs it was given, so that
        a tender file can write the alternative as ``template`` and
        ``inputs``. None for an alternative built from items; a copy
        (:meth:`with_items`) has none. Not part of equality.
    """

    name: str
    items: tuple[CostItem, ...]
    start: Any
    quantity: Any
    life: Any
    description: str | None
    _start: float = field(init=False, repr=False, compare=False)
    _quantity: Num = field(init=False, repr=False, compare=False)
    _life: Num | None = field(init=False, repr=False, compare=False)
    calculator: CalculatorCall | None = field(default=None, init=False, repr=False,
                                              compare=False)

    def __init__(self, name: str, *items: CostItem, start: Any = 0, quantity: Any = 1,
                 life: Any = None, description: str | None = None) -> None:
        if not isinstance(name, str) or is_blank(name):
            raise LCCError(Msg("{name}: expected a non-empty string, got {value!r}",
                               name="Alternative.name", value=name),
                           field="Alternative.name",
                           code="wrong-type" if not isinstance(name, str) else "invalid-value")
        check_text(name, "Alternative.name")
        where = f"Alternative {name!r}"
        if len(items) == 1 and isinstance(items[0], (list, tuple)):
            items = tuple(items[0])
        if len(items) > MAX_ITEMS:
            raise LCCError(Msg("{name}: {count} items; the limit is {limit}",
                               name=f"{where}.items", count=len(items), limit=MAX_ITEMS),
                           field="Alternative.items", code="too-many")
        for i, item in enumerate(items):
            if not isinstance(item, CostItem):
                raise LCCError(
                    Msg("{name}: item {i} is {type} {item!r}, expected a cost item such as "
                        "lcc.Investment or lcc.Energy", name=where, i=i + 1,
                        type=type(item).__name__, item=item), field="Alternative.items",
                    code="wrong-type")
        set_ = object.__setattr__
        set_(self, "name", name)
        set_(self, "items", tuple(items))
        set_(self, "start", start)
        set_(self, "quantity", quantity)
        set_(self, "life", life)
        set_(self, "description", description)
        errs = Errors()
        for key, value in (("start", start), ("quantity", quantity), ("life", life)):
            out = None
            with errs.field(f"Alternative.{key}", f"{where}.{key}"):
                if value is None and key != "life":  # None is no count and no time
                    raise LCCError(Msg("{name}: got None; expected {expect}",
                                       name=f"{where}.{key}", expect=FIELDS[key].expect()),
                                   code="missing-field")
                if value is not None:
                    out = FIELDS[key].read(value, f"{where}.{key}")
            set_(self, f"_{key}", out)
        with errs.field("Alternative.description", f"{where}.description"):
            if description is not None:
                FIELDS["description"].read(description, f"{where}.description")
        errs.raise_any()
        with located("Alternative", where):
            check_parameters(self.parameters(), where)
        sizes = {f.samples for it in self.items for f in it.inputs()
                 if isinstance(f, Num) and f.samples is not None}
        if self._quantity.samples is not None:
            sizes.add(self._quantity.samples)
        if len(sizes) > 1:
            raise LCCError(
                Msg("{name}: sample arrays of different lengths ({sizes}); every sampled input "
                    "must have the same number of samples", name=where, sizes=sorted(sizes)),
                field="Alternative",
                code="invalid-value")

    def parameters(self) -> list[Parameter]:
        """Every Parameter the alternative uses (items and quantity)."""
        cached = self.__dict__.get("_parameters")
        if cached is None:  # the alternative is immutable once built: collected once
            out = [p for item in self.items for p in item.parameters()]
            for num in (self._quantity, self._life):
                if num is None:
                    continue
                for g in (num, *(num.factors or ())):
                    if g.parameter is not None:
                        out.append(g.parameter)
            cached = self.__dict__["_parameters"] = tuple(out)
        return list(cached)

    def rates(self) -> set[str]:
        """Names of the Parameters that stand in a rate field (an escalation): a fraction per
        year, where a bare 4 is 4 %, not 400 %."""
        return {num.param for item in self.items for num in item.inputs()
                if isinstance(num, Num) and num.param and num.is_rate}

    def service_life(self) -> float | None:
        """The alternative's service life in years (mean of samples), or None."""
        if self._life is not None:
            return float(np.mean(self._life.value))
        lives = [float(np.mean(it._life.value)) for it in self.items
                 if isinstance(it, Investment) and it._life is not None]
        return max(lives) if lives else None

    def with_items(self, *items: CostItem) -> Alternative:
        """A copy with other items."""
        return Alternative(self.name, *items, start=self.start, quantity=self.quantity,
                           life=self.life, description=self.description)

    def __repr__(self) -> str:
        items = ", ".join(it.name for it in self.items)
        return f"Alternative({self.name!r}, [{items}], start={self.start!r}, " \
               f"quantity={self.quantity!r})"
