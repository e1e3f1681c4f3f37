"""Cost items: frozen dataclasses validated on construction.

Every field is read once, here: strings parsed, units checked, values
converted to canonical magnitudes (see :mod:`lcc.model._inputs`). Invalid
values raise :class:`lcc.LCCError` naming the item, the field and the value.

Signs: costs are positive; residual (resale, reuse) value is given positive
and counts as a negative cost. ``OneOff``, ``Periodic`` and ``Recurring``
amounts may be negative to model income.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field, fields
from typing import Any, ClassVar

import numpy as np

from lcc._errors import LCCError
from lcc.model._compare import ModelEq
from lcc.model._inputs import (
    Esc,
    Num,
    Seq,
    read_amount,
    read_duration,
    read_escalation,
    read_number,
    read_position,
    read_quantity,
)
from lcc.model._parameter import ByYear, Parameter

#: Cost categories (Directive 2014/24/EU art. 68), in reporting order.
CATEGORIES: tuple[str, ...] = (
    "acquisition",
    "replacement",
    "residual",
    "energy",
    "water",
    "consumables",
    "maintenance",
    "end_of_life",
    "externality",
    "other",
)
#: Investment-related categories (NIST Handbook 135 SIR denominator).
INVESTMENT_CATEGORIES: tuple[str, ...] = ("acquisition", "replacement", "residual", "end_of_life")


def _check_category(value: Any, name: str) -> str:
    if value not in CATEGORIES:
        raise LCCError(f"{name}: got {value!r}, expected one of {', '.join(CATEGORIES)}")
    return str(value)


@dataclass(frozen=True, eq=False)
class CostItem(ModelEq):
    """Base of every cost item: a label, escalation and indexation.

    Parameters
    ----------
    label : str, optional
        Name shown in traces and tables; defaults to the item type.
    escalation : float, ndarray, Parameter, list or ByYear
        Real price change per year of the item's money amounts [1/yr]: a
        constant, samples, a Parameter or a per-year sequence indexed by study
        year (the amount of year k is A·Π_{j≤k}(1 + e_j)).
    indexed : bool
        Whether the amount follows general inflation in a nominal study. Set
        False for fixed-price contracts in current money.
    """

    kind: ClassVar[str] = "item"
    _: KW_ONLY
    label: str | None = None
    escalation: Any = 0.0
    indexed: bool = True
    _escalation: Esc = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.label is not None and not isinstance(self.label, str):
            raise LCCError(f"{self.kind}.label: expected text, got {self.label!r}")
        if not isinstance(self.indexed, bool):
            raise LCCError(f"{self.name}.indexed: expected True or False, got {self.indexed!r}")
        self._set("_escalation", read_escalation(self.escalation, f"{self.name}.escalation"))
        self._read()

    def _set(self, key: str, value: Any) -> None:
        object.__setattr__(self, key, value)

    def _read(self) -> None:  # pragma: no cover - every item overrides it
        raise NotImplementedError

    @property
    def name(self) -> str:
        """How the item is named in messages: ``Investment 'LED luminaires'``."""
        return f"{self.kind} {self.label!r}" if self.label else self.kind

    @property
    def esc(self) -> Esc:
        """The escalation as read (internal)."""
        return self._escalation

    def inputs(self) -> list[Num | Seq]:
        """Every read input of the item (internal; for sample and parameter checks)."""
        out: list[Num | Seq] = []
        for key, value in vars(self).items():
            if key.startswith("_") and isinstance(value, (Num, Seq)):
                out.append(value)
            elif key == "_escalation":
                out.extend(x for x in (value.rate, value.sequence) if x is not None)
        return out

    def parameters(self) -> list[Parameter]:
        """The Parameters this item uses (factors of products included)."""
        out = []
        for f in self.inputs():
            if not isinstance(f, Num):
                continue
            for g in (f, *(f.factors or ())):
                if g.parameter is not None:
                    out.append(g.parameter)
        return out

    def replace(self, **changes: Any) -> CostItem:
        """A copy with some fields changed (``dataclasses.replace``)."""
        import dataclasses

        return dataclasses.replace(self, **changes)

    def field_values(self) -> dict[str, Any]:
        """The user-facing fields as given (for files and reports)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.init}


def _read_residual(item: CostItem, value: Any) -> tuple[str, Num | None]:
    name = f"{item.name}.residual"
    if value is None or value == "none":
        return "none", None
    if isinstance(value, str) and value == "linear":
        return "linear", None
    if isinstance(value, Parameter):
        if value.unit is None:
            return "fraction", read_number(value, name, minimum=0.0, exclusive=False,
                                           maximum=1.0, what="a fraction")
        return "amount", read_quantity(value, "CUR", name, what="an amount")
    if isinstance(value, (int, float, np.ndarray, np.number)) and not isinstance(value, bool):
        return "fraction", read_number(value, name, minimum=0.0, exclusive=False, maximum=1.0,
                                       what="a fraction")
    if isinstance(value, str):
        try:
            num = read_number(value, name, minimum=0.0, exclusive=False, maximum=1.0,
                              what="a fraction")
            return "fraction", num
        except LCCError:
            pass
    try:
        return "amount", read_quantity(value, "CUR", name, what="an amount")
    except LCCError as exc:
        raise LCCError(
            f"{name}: got {value!r}; expected 'linear', None, a fraction of the installation's "
            f"cost (0..1) or an amount of money ({exc})"
        ) from None


@dataclass(frozen=True, eq=False)
class Investment(CostItem):
    """An acquisition, optionally replaced at the end of its service life.

    Parameters
    ----------
    amount : money
        Cost of one installation, e.g. ``"20000 SEK"`` (category acquisition).
    at : float
        Years after the alternative's service start when it is bought.
    life : duration, optional
        Service life, e.g. ``"20 yr"`` (samples and Parameters allowed). The
        item is replaced at at + L, at + 2L, … strictly before the end of the
        study (category replacement); the installation still in service at
        the end leaves a residual value. None: no replacement, no residual.
    residual : "linear", fraction, money or None
        Residual value of the last installation at the end of the study:
        ``"linear"`` (cost × remaining life / L, NIST Handbook 135), a fraction
        of the cost (BLCC's residual value factor), a stated amount in
        base-year prices, or None for none. Always expressed at the price
        level of year N (escalated with the item) and discounted from t = N.
    disposal : money, optional
        Cost of disposing of the old unit at each replacement (category
        end_of_life). Disposal at the end of the study is a separate
        :class:`Disposal` item.
    """

    kind: ClassVar[str] = "Investment"
    amount: Any
    _: KW_ONLY
    at: Any = 0
    life: Any = None
    residual: Any = "linear"
    disposal: Any = None
    _amount: Num = field(init=False, repr=False, compare=False)
    _at: float = field(init=False, repr=False, compare=False)
    _life: Num | None = field(init=False, repr=False, compare=False)
    _residual_mode: str = field(init=False, repr=False, compare=False)
    _residual: Num | None = field(init=False, repr=False, compare=False)
    _disposal: Num | None = field(init=False, repr=False, compare=False)

    def _read(self) -> None:
        n = self.name
        self._set("_amount", read_quantity(self.amount, "CUR", f"{n}.amount", what="an amount"))
        self._set("_at", read_position(self.at, f"{n}.at"))
        self._set("_life", None if self.life is None else read_duration(self.life, f"{n}.life"))
        mode, value = _read_residual(self, self.residual)
        self._set("_residual_mode", mode)
        self._set("_residual", value)
        self._set("_disposal", None if self.disposal is None else read_quantity(
            self.disposal, "CUR", f"{n}.disposal", what="an amount"))


@dataclass(frozen=True, eq=False)
class Replacement(CostItem):
    """A component replaced every ``every`` years (its first purchase is elsewhere).

    Replacements fall at start + every, start + 2·every, … strictly before the
    end of the study (category replacement); the last one leaves a residual
    value as :class:`Investment` does.
    """

    kind: ClassVar[str] = "Replacement"
    amount: Any
    _: KW_ONLY
    every: Any
    residual: Any = "linear"
    disposal: Any = None
    _amount: Num = field(init=False, repr=False, compare=False)
    _at: float = field(init=False, repr=False, compare=False)
    _life: Num = field(init=False, repr=False, compare=False)
    _residual_mode: str = field(init=False, repr=False, compare=False)
    _residual: Num | None = field(init=False, repr=False, compare=False)
    _disposal: Num | None = field(init=False, repr=False, compare=False)

    def _read(self) -> None:
        n = self.name
        self._set("_amount", read_quantity(self.amount, "CUR", f"{n}.amount", what="an amount"))
        self._set("_at", 0.0)
        self._set("_life", read_duration(self.every, f"{n}.every"))
        mode, value = _read_residual(self, self.residual)
        self._set("_residual_mode", mode)
        self._set("_residual", value)
        self._set("_disposal", None if self.disposal is None else read_quantity(
            self.disposal, "CUR", f"{n}.disposal", what="an amount"))


@dataclass(frozen=True, eq=False)
class OneOff(CostItem):
    """A non-recurring amount at time ``at`` (years after service start)."""

    kind: ClassVar[str] = "OneOff"
    amount: Any
    _: KW_ONLY
    at: Any
    category: str = "maintenance"
    _category: str = field(init=False, repr=False, compare=False)
    _amount: Num = field(init=False, repr=False, compare=False)
    _at: float = field(init=False, repr=False, compare=False)

    def _read(self) -> None:
        n = self.name
        self._set("_category", _check_category(self.category, f"{n}.category"))
        self._set("_amount", read_quantity(self.amount, "CUR", f"{n}.amount", minimum=None))
        self._set("_at", read_position(self.at, f"{n}.at"))


@dataclass(frozen=True, eq=False)
class Periodic(CostItem):
    """An amount every ``every`` years, from ``first`` (default ``every``) to ``last``.

    ``first`` and ``last`` count from the alternative's service start; ``last``
    defaults to the end of the study (an occurrence at t = N is included).
    Each occurrence is a one-off at its time (not shifted by the timing
    convention).
    """

    kind: ClassVar[str] = "Periodic"
    amount: Any
    _: KW_ONLY
    every: Any
    first: Any = None
    last: Any = None
    category: str = "maintenance"
    _category: str = field(init=False, repr=False, compare=False)
    _amount: Num = field(init=False, repr=False, compare=False)
    _every: Num = field(init=False, repr=False, compare=False)
    _first: float = field(init=False, repr=False, compare=False)
    _last: float | None = field(init=False, repr=False, compare=False)

    def _read(self) -> None:
        n = self.name
        self._set("_category", _check_category(self.category, f"{n}.category"))
        self._set("_amount", read_quantity(self.amount, "CUR", f"{n}.amount", minimum=None))
        every = read_duration(self.every, f"{n}.every")
        self._set("_every", every)
        if self.first is None:
            if every.samples or every.param:
                raise LCCError(f"{n}.first: give `first` when `every` is samples or a Parameter")
            first = float(every.value)
        else:
            first = read_position(self.first, f"{n}.first")
        self._set("_first", first)
        last = None if self.last is None else read_position(self.last, f"{n}.last")
        if last is not None and last < first:
            raise LCCError(f"{n}.last: got {self.last!r}, before first ({first:g})")
        self._set("_last", last)


@dataclass(frozen=True, eq=False)
class _Annual(CostItem):
    """Shared reading of start/end for annual amounts."""

    _start: int = field(init=False, repr=False, compare=False)
    _end: int | None = field(init=False, repr=False, compare=False)

    def _read_years(self) -> None:
        n = self.name
        start = read_position(getattr(self, "start", 1), f"{n}.start", whole=True, minimum=1.0)
        end_raw = getattr(self, "end", None)
        end = None if end_raw is None else read_position(end_raw, f"{n}.end", whole=True,
                                                          minimum=1.0)
        if end is not None and end < start:
            raise LCCError(f"{n}.end: got {end_raw!r}, before start ({start:g})")
        self._set("_start", int(start))
        self._set("_end", None if end is None else int(end))


@dataclass(frozen=True, eq=False)
class Recurring(_Annual):
    """An amount every year, in years ``start``..``end`` of service (end None = to N).

    ``amount_per_year`` is money per time (``"800 SEK/yr"``) or a ByYear of
    such amounts by year.
    """

    kind: ClassVar[str] = "Recurring"
    amount_per_year: Any
    _: KW_ONLY
    start: Any = 1
    end: Any = None
    category: str = "maintenance"
    _category: str = field(init=False, repr=False, compare=False)
    _amount: Num | Seq = field(init=False, repr=False, compare=False)

    def _read(self) -> None:
        n = self.name
        self._set("_category", _check_category(self.category, f"{n}.category"))
        self._set("_amount", read_amount(self.amount_per_year, "CUR/yr", f"{n}.amount_per_year",
                                         allow_sequence=True, minimum=None))
        self._read_years()


_COMMODITIES: tuple[tuple[str, str, str], ...] = (
    ("kWh", "energy", "1.2 SEK/kWh"),
    ("m**3", "volume", "18 SEK/l"),
    ("kg", "mass", "25 SEK/kg"),
)


def _read_price(item: CostItem, value: Any) -> tuple[str, str, Num | Seq]:
    """A price per unit of what is used: energy, volume or mass (tried in that order)."""
    name = f"{item.name}.price"
    errors = []
    for unit, label, _ in _COMMODITIES:
        try:
            return unit, label, read_amount(value, f"CUR/{unit}", name, allow_sequence=True,
                                            what="a price")
        except LCCError as exc:
            errors.append(str(exc))
    if isinstance(value, (ByYear, Parameter)) or "bare number" in errors[0] or \
            "finite" in errors[0] or ">=" in errors[0]:
        raise LCCError(errors[0])
    raise LCCError(
        f"{name}: got {value!r}; expected a price per unit of what is used: per energy "
        f"('1.2 SEK/kWh'), per volume ('18 SEK/l', '4 SEK/Nm3') or per mass ('25 SEK/kg')"
    )


@dataclass(frozen=True, eq=False)
class Energy(_Annual):
    """Energy or fuel use priced per unit (category energy).

    The use per year is ``annual`` (``"3000 kWh/yr"``, or a ByYear), or
    ``power`` × ``hours`` (``"45 W"`` × ``"4000 h/yr"``), or ``distance`` ×
    ``consumption`` (``"15000 km/yr"`` × ``"5 l/100km"``). ``price`` is money
    per unit of what is used — energy (``"1.2 SEK/kWh"``), volume of fuel
    (``"18 SEK/l"``, ``"4 SEK/Nm3"``) or mass (``"25 SEK/kg"``) — or a ByYear
    path; ``escalation`` applies to it. ``emission_factor`` (mass CO2e per unit
    used, ``"0.05 kg/kWh"``, ``"2.6 kg/l"``) adds the emissions to the report
    and, priced with the study's carbon price, to category externality.
    """

    kind: ClassVar[str] = "Energy"
    _: KW_ONLY
    annual: Any = None
    power: Any = None
    hours: Any = None
    distance: Any = None
    consumption: Any = None
    price: Any = None
    emission_factor: Any = None
    start: Any = 1
    end: Any = None
    _annual: Num | Seq | None = field(init=False, repr=False, compare=False)
    _power: Num | None = field(init=False, repr=False, compare=False)
    _hours: Num | None = field(init=False, repr=False, compare=False)
    _distance: Num | None = field(init=False, repr=False, compare=False)
    _consumption: Num | None = field(init=False, repr=False, compare=False)
    _price: Num | Seq = field(init=False, repr=False, compare=False)
    _ef: Num | None = field(init=False, repr=False, compare=False)
    _unit: str = field(init=False, repr=False, compare=False)

    def use(self) -> list[Num | Seq]:
        """The factors whose product is the use per year (internal)."""
        if self._annual is not None:
            return [self._annual]
        if self._power is not None and self._hours is not None:
            return [self._power, self._hours]
        assert self._distance is not None and self._consumption is not None
        return [self._distance, self._consumption]

    def _read(self) -> None:
        n = self.name
        if self.price is None:
            raise LCCError(f"{n}.price: missing; give a price per unit used, e.g. '1.2 SEK/kWh'")
        ways = [self.annual is not None,
                self.power is not None or self.hours is not None,
                self.distance is not None or self.consumption is not None]
        if sum(ways) > 1:
            raise LCCError(f"{n}: give one of annual, power and hours, or distance and "
                           f"consumption — not several")
        if not any(ways):
            raise LCCError(
                f"{n}: missing the energy use; give annual (e.g. '3000 kWh/yr'), power and "
                f"hours (e.g. power='45 W', hours='4000 h/yr') or distance and consumption "
                f"(e.g. distance='15000 km/yr', consumption='5 l/100km')"
            )
        unit, label, price = _read_price(self, self.price)
        self._set("_price", price)
        self._set("_unit", unit)
        per = f"{label} (priced per {unit.replace('**3', '³')})"
        for key in ("_annual", "_power", "_hours", "_distance", "_consumption"):
            self._set(key, None)
        try:
            if ways[0]:
                self._set("_annual", read_amount(self.annual, f"{unit}/yr", f"{n}.annual",
                                                 allow_sequence=True))
            elif ways[1]:
                if unit != "kWh":
                    raise LCCError(f"{n}.power: power and hours give energy, but the price is "
                                   f"per {per}")
                if self.power is None or self.hours is None:
                    raise LCCError(f"{n}: give both power and hours")
                self._set("_power", read_quantity(self.power, "kW", f"{n}.power"))
                self._set("_hours", read_quantity(self.hours, "h/yr", f"{n}.hours"))
            else:
                if self.distance is None or self.consumption is None:
                    raise LCCError(f"{n}: give both distance and consumption")
                self._set("_distance", read_quantity(self.distance, "km/yr", f"{n}.distance"))
                self._set("_consumption", read_quantity(self.consumption, f"{unit}/km",
                                                        f"{n}.consumption"))
        except LCCError as exc:
            text = str(exc)
            if "expected" in text and ("per time" in text or "per length" in text) and \
                    "bare number" not in text:
                text += f" — the use must match the price, which is per {per}"
            raise LCCError(text) from None
        self._set("_ef", None if self.emission_factor is None else read_quantity(
            self.emission_factor, f"kg/{unit}", f"{n}.emission_factor"))
        self._read_years()


@dataclass(frozen=True, eq=False)
class Water(_Annual):
    """Water use priced per volume (category water).

    ``annual`` is volume per year in any volume unit (``"12 m**3/yr"``,
    ``"2800 l/yr"``) or a ByYear; ``price`` is money per volume
    (``"45 SEK/m**3"``).
    """

    kind: ClassVar[str] = "Water"
    _: KW_ONLY
    annual: Any = None
    price: Any = None
    start: Any = 1
    end: Any = None
    _annual: Num | Seq = field(init=False, repr=False, compare=False)
    _price: Num | Seq = field(init=False, repr=False, compare=False)

    def _read(self) -> None:
        n = self.name
        if self.annual is None:
            raise LCCError(f"{n}.annual: missing; give a volume per year, e.g. '12 m**3/yr'")
        if self.price is None:
            raise LCCError(f"{n}.price: missing; give a price per volume, e.g. '45 SEK/m**3'")
        self._set("_annual", read_amount(self.annual, "m**3/yr", f"{n}.annual",
                                         allow_sequence=True))
        self._set("_price", read_amount(self.price, "CUR/m**3", f"{n}.price",
                                        allow_sequence=True, what="a price"))
        self._read_years()


@dataclass(frozen=True, eq=False)
class Emission(_Annual):
    """An emission per year (category externality for its money value).

    ``annual`` is mass per year (``"120 kg/yr"``) or a ByYear; or give
    ``distance`` (``"15000 km/yr"``) and ``intensity`` (``"132 g/km"``).
    ``price`` is money per mass; for ``pollutant="CO2e"`` it defaults to the
    study's ``carbon_price``. Without a price the emission is reported in kg
    only.
    """

    kind: ClassVar[str] = "Emission"
    _: KW_ONLY
    annual: Any = None
    pollutant: str = "CO2e"
    price: Any = None
    distance: Any = None
    intensity: Any = None
    start: Any = 1
    end: Any = None
    _annual: Num | Seq | None = field(init=False, repr=False, compare=False)
    _distance: Num | None = field(init=False, repr=False, compare=False)
    _intensity: Num | None = field(init=False, repr=False, compare=False)
    _price: Num | Seq | None = field(init=False, repr=False, compare=False)

    def use(self) -> list[Num | Seq]:
        """The factors whose product is the mass per year (internal)."""
        if self._annual is not None:
            return [self._annual]
        assert self._distance is not None and self._intensity is not None
        return [self._distance, self._intensity]

    def _read(self) -> None:
        n = self.name
        if not isinstance(self.pollutant, str) or not self.pollutant.strip():
            raise LCCError(f"{n}.pollutant: expected a name such as 'CO2e' or 'NOx', got "
                           f"{self.pollutant!r}")
        self._set("_annual", None)
        self._set("_distance", None)
        self._set("_intensity", None)
        if self.annual is not None:
            if self.distance is not None or self.intensity is not None:
                raise LCCError(f"{n}: give annual, or distance and intensity — not both")
            self._set("_annual", read_amount(self.annual, "kg/yr", f"{n}.annual",
                                             allow_sequence=True))
        elif self.distance is not None and self.intensity is not None:
            self._set("_distance", read_quantity(self.distance, "km/yr", f"{n}.distance"))
            self._set("_intensity", read_quantity(self.intensity, "kg/km", f"{n}.intensity"))
        else:
            raise LCCError(f"{n}.annual: missing; give a mass per year, e.g. '120 kg/yr', or "
                           f"distance and intensity, e.g. distance='15000 km/yr', "
                           f"intensity='132 g/km'")
        self._set("_price", None if self.price is None else read_amount(
            self.price, "CUR/kg", f"{n}.price", allow_sequence=True, what="a price"))
        self._read_years()


@dataclass(frozen=True, eq=False)
class _OneAmount(CostItem):
    """Shared reading of an amount at ``at`` (None = the end of the study, t = N)."""

    amount: Any
    _: KW_ONLY
    at: Any = None
    _amount: Num = field(init=False, repr=False, compare=False)
    _at: float | None = field(init=False, repr=False, compare=False)

    def _read(self) -> None:
        n = self.name
        self._set("_amount", read_quantity(self.amount, "CUR", f"{n}.amount", what="an amount"))
        self._set("_at", None if self.at is None else read_position(self.at, f"{n}.at"))


@dataclass(frozen=True, eq=False)
class Residual(_OneAmount):
    """Value recovered (resale, reuse), given positive, counted as a negative cost.

    ``at`` counts from the alternative's service start; None (default) means
    the end of the study period, t = N. The amount is in base-year prices and
    escalates with the item's escalation to its time.
    """

    kind: ClassVar[str] = "Residual"


@dataclass(frozen=True, eq=False)
class Disposal(_OneAmount):
    """End-of-life cost (category end_of_life); ``at`` None = end of study, t = N."""

    kind: ClassVar[str] = "Disposal"


ITEM_TYPES: tuple[type[CostItem], ...] = (
    Investment, OneOff, Periodic, Recurring, Energy, Water, Replacement, Residual, Disposal,
    Emission,
)

__all__ = [
    "CATEGORIES",
    "INVESTMENT_CATEGORIES",
    "ITEM_TYPES",
    "ByYear",
    "CostItem",
    "Disposal",
    "Emission",
    "Energy",
    "Investment",
    "OneOff",
    "Periodic",
    "Recurring",
    "Replacement",
    "Residual",
    "Water",
]
