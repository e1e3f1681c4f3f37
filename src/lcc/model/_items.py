"""Cost items: frozen dataclasses validated on construction.

Every field is read once, here: strings parsed, units checked, values
converted to canonical magnitudes (see :mod:`lcc.model._inputs`). Invalid
values raise :class:`lcc.LCCError` naming the item, the field and the value.

Signs: costs are positive; residual (resale, reuse) value is given positive
and counts as a negative cost. ``OneOff``, ``Periodic`` and ``Recurring``
amounts may be negative to model income.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import KW_ONLY, dataclass, field, fields
from typing import Any, ClassVar

import numpy as np

from lcc._errors import ItemName, LCCError, Msg, UnitText
from lcc._i18n._catalog import N_
from lcc._text import closest, is_blank
from lcc.model import _fields as F
from lcc.model._compare import ModelEq
from lcc.model._fields import Errors, Field
from lcc.model._inputs import (
    _THE_HIGH,
    _THE_LOW,
    A_VALUE,
    AN_AMOUNT,
    Esc,
    Num,
    Seq,
    _is_plain_number,
    dimensionless_text,
    in_burning_hours,
    own_fraction,
    read_number,
    read_quantity,
)
from lcc.model._parameter import ByYear, Parameter
from lcc.model._pollutants import pollutant_name
from lcc.model._product import Product, reciprocal
from lcc.units import (
    _written,
    format_quantity,
    get_registry,
    parse_number,
)

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


CATEGORY = Field("choice", example="maintenance", choices=CATEGORIES, ref=False,
                 label=N_("cost category"))
_FIRST_YEAR = F.YEAR_OF_SERVICE.named(N_("first year"))
_LAST_YEAR = F.YEAR_OF_SERVICE.named(N_("last year"))


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
    #: The fields of the item type, each described once (:class:`lcc.model._fields.Field`).
    FIELDS: ClassVar[dict[str, Field]] = {}
    #: The fields an item of the type must be given.
    REQUIRED: ClassVar[tuple[str, ...]] = ()
    #: The fields every item type has.
    COMMON_FIELDS: ClassVar[dict[str, Field]] = {
        "label": F.TEXT.named(N_("label")),
        "escalation": F.RATE.named(N_("real price change per year")), "indexed": F.BOOL}
    _: KW_ONLY
    label: str | None = None
    escalation: Any = 0.0
    indexed: bool = True
    _escalation: Esc = field(init=False, repr=False, compare=False)
    _read_values: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        errs = Errors()
        self._set("_read_values", {})
        common = self.COMMON_FIELDS
        with errs.field(f"{self.kind}.label", self._named("label")):
            if self.label is not None:
                common["label"].read(self.label, f"{self.kind}.label")
        with errs.field(f"{self.kind}.indexed", self._named("indexed")):
            common["indexed"].read(self.indexed, self._named("indexed"))
        with errs.field(f"{self.kind}.escalation", self._named("escalation")):
            self._set("_escalation", common["escalation"].read(self.escalation,
                                                               self._named("escalation")))
            self._read_values["escalation"] = self._escalation.rate or self._escalation.sequence
        for key in self.REQUIRED:
            if getattr(self, key) is None:
                with errs.field(f"{self.kind}.{key}", self._named(key)):
                    spec = self.FIELDS[key]
                    raise LCCError(Msg("{name}: missing; give {value}, e.g. '{example}'",
                                       name=self._named(key), value=spec.what or A_VALUE,
                                       example=spec.example), code="missing-field")
        self._read(errs)
        if "hours" in self.FIELDS and "hours" not in self._read_values and \
                getattr(self, "hours", None) is not None and \
                not any(e.field == f"{self.kind}.hours" for e in errs.errors):  # once
            self._field(errs, "hours", to="_hours_basis")
            if ("life" in self.FIELDS or "every" in self.FIELDS) and not any(
                    in_burning_hours(getattr(self, k, None)) for k in ("life", "every")):
                with errs.field(f"{self.kind}.hours", self._named("hours")):
                    raise LCCError(Msg(
                        "{name}: got {value!r}, operating hours that convert a life in burning "
                        "hours into years, but no life or interval here is in hours; leave "
                        "hours out, or give the life in hours (life='50000 h')",
                        name=self._named("hours"), value=getattr(self, "hours", None)),
                        code="not-applicable")
        errs.raise_any()

    def _field(self, errs: Errors, key: str, value: Any = None, *,
               unit: str | None = None, to: str | None = None) -> Any:
        """Read field ``key`` by its description; record an error instead of raising."""
        raw = getattr(self, key) if value is None else value
        out = None
        if raw is None and key in self.REQUIRED:  # reported as missing already
            self._set(to or f"_{key}", None)
            return None
        named = self._named(key)
        burning = key in ("life", "every") and in_burning_hours(raw)
        if burning and self._unreadable_hours():  # said once, at the hours themselves
            self._set(to or f"_{key}", None)
            return None
        with errs.field(f"{self.kind}.{key}", named):
            if burning:
                try:
                    out = self.FIELDS[key].read(self._per_year(key, raw), named, unit=unit)
                except LCCError as exc:
                    raise self._no_operation(key, raw) or exc from None
            else:
                out = self.FIELDS[key].read(raw, named, unit=unit)
        self._set(to or f"_{key}", out)
        self._read_values[key] = out
        return out

    def _unreadable_hours(self) -> bool:
        """Whether operating hours are given but cannot be read (their own field says why)."""
        basis = getattr(self, "hours", None)
        if basis is None or "hours" not in self.FIELDS:
            return False
        try:
            self.FIELDS["hours"].read(basis, self._named("hours"))
        except LCCError:
            return True
        return False

    def _per_year(self, key: str, life: Any) -> Product:
        """A life or interval in burning hours, in years: hours ÷ operating hours per year."""
        basis = getattr(self, "hours", None)
        if basis is None:
            raise LCCError(
                Msg("{name}: got {life!r}, a life in burning hours; give the operating hours "
                    "per year to count it with, hours='4000 h/yr' (then {life!r} ÷ hours is the "
                    "life in years), or give the life in years, e.g. '12 yr'",
                    name=self._named(key), life=life),
                code="missing-field")
        return Product.named((life, None), (reciprocal(basis), self._named("hours")))

    def _no_operation(self, key: str, life: Any) -> LCCError | None:
        """The error of a life in burning hours counted with no operating hours (asked only
        when the life could not be read: 1/0 hours)."""
        basis = getattr(self, "hours", None)
        try:
            hours = self.FIELDS["hours"].read(basis, self._named("hours"))
        except LCCError:  # said by the hours field itself
            return None
        if np.any(hours.value):
            return None
        if isinstance(basis, Parameter):  # the parameter's value: 'op = 0 h/yr'
            basis = f"{basis.name} = {_written(basis.value)}"
        return LCCError(Msg(
            "{name}: got {life!r}, a life in burning hours, but the operating hours are "
            "{hours!r}: a year without operation never reaches it; give the operating hours "
            "per year, e.g. hours='4000 h/yr'", name=self._named(key), life=life, hours=basis),
            code="invalid-value")

    def read_values(self) -> dict[str, Any]:
        """Each field as read (Num, Seq, a position …), by field name (internal)."""
        return dict(self._read_values)

    def _set(self, key: str, value: Any) -> None:
        object.__setattr__(self, key, value)

    def _read(self, errs: Errors) -> None:  # pragma: no cover - every item overrides it
        raise NotImplementedError

    def _named(self, key: str) -> str:
        """How messages name field ``key`` (:func:`lcc._errors.field_of`), fast: asked for
        every field read."""
        made = self._made()
        return made[1].with_suffix(f".{key}") if made[2] is None else f"{made[2]}.{key}"

    def _made(self) -> tuple[Any, ItemName, str | None]:
        """(the label it was made for, the name, the name as plain text where it is not in
        lcc's own words)."""
        made = self.__dict__.get("_name")
        if made is None or made[0] is not self.label:
            name = ItemName(self.kind, self.label or None)
            made = (self.label, name, None if isinstance(self.label, Msg) else str.__str__(name))
            object.__setattr__(self, "_name", made)
        return made

    @property
    def name(self) -> str:
        """How the item is named in messages: ``Investment 'LED luminaires'`` (an
        :class:`~lcc._errors.ItemName` in the reader's words where the label is lcc's own, a
        ``Msg``)."""
        return self._made()[1]

    @property
    def esc(self) -> Esc:
        """The escalation as read (internal)."""
        return self._escalation

    def inputs(self) -> list[Num | Seq]:
        """Every read input of the item (internal; for sample and parameter checks)."""
        cached = self.__dict__.get("_inputs_cache")
        if cached is None:
            out: list[Num | Seq] = []
            for key, value in vars(self).items():
                if key.startswith("_") and isinstance(value, (Num, Seq)):
                    out.append(value)
                elif key == "_escalation":
                    out.extend(x for x in (value.rate, value.sequence) if x is not None)
            params = [g.parameter for f in out if isinstance(f, Num)
                      for g in (f, *(f.factors or ())) if g.parameter is not None]
            cached = (tuple(out), tuple(params))
            self._set("_inputs_cache", cached)
        return list(cached[0])

    def parameters(self) -> list[Parameter]:
        """The Parameters this item uses (factors of products included)."""
        self.inputs()
        return list(self.__dict__["_inputs_cache"][1])

    def replace(self, **changes: Any) -> CostItem:
        """A copy with some fields changed (``dataclasses.replace``)."""
        import dataclasses

        return dataclasses.replace(self, **changes)

    def field_values(self) -> dict[str, Any]:
        """The user-facing fields as given (for files and reports)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.init}


def residual_percent(value: Any, name: str | Msg) -> None:
    """Refuse a bare number over 1 and up to 100 for a residual fraction with the percentage
    reading offered: ``residual = 20`` is 20 % of the cost, not 2 000 %."""
    x = value.value if isinstance(value, Parameter) else value
    if isinstance(x, str) and _is_plain_number(x):
        x = parse_number(x, name=name)
    if isinstance(x, (int, float, np.number)) and not isinstance(x, bool) and 1 < x <= 100:
        raise LCCError(Msg(
            "{name}: got the bare number {x:g}; a residual value given as a number is a "
            "fraction of the installation's cost, so this would be {pct:g} %; did you mean "
            "{x:g} % = {frac:g}? Write '{x:g} %' or {frac:g}", name=name, x=float(x),
            pct=float(x) * 100, frac=float(x) / 100), field=name, code="invalid-value")


def _read_residual(item: CostItem, value: Any) -> tuple[str, Num | None]:
    name = item._named("residual")
    if value is None or value == "none":
        return "none", None
    if isinstance(value, str) and value == "linear":
        return "linear", None
    residual_percent(value, name)
    if isinstance(value, Parameter):
        if own_fraction(value) is not None:  # a plain number, or one in % or ‰
            return "fraction", read_number(value, name, minimum=0.0, exclusive=False,
                                           maximum=1.0, what=Msg("a fraction"))
        return "amount", read_quantity(value, "CUR", name, what=AN_AMOUNT)
    if isinstance(value, (int, float, np.ndarray, np.number)) and not isinstance(value, bool):
        return "fraction", read_number(value, name, minimum=0.0, exclusive=False, maximum=1.0,
                                       what=Msg("a fraction"))
    if isinstance(value, str):
        try:
            num = read_number(value, name, minimum=0.0, exclusive=False, maximum=1.0,
                              what=Msg("a fraction"))
            return "fraction", num
        except LCCError:
            if dimensionless_text(value):  # '150 %': a fraction's bound is what it
                raise  # misses, not a currency

    try:
        return "amount", read_quantity(value, "CUR", name, what=AN_AMOUNT)
    except LCCError as exc:
        code = exc.code if exc.code in ("invalid-value", "wrong-type") else "wrong-unit"
        word = closest(value, ("linear", "none")) if isinstance(value, str) else None
        if word is not None:  # 'Linear', 'None': a word, not an amount
            raise LCCError(Msg("{name}: got {value!r} (did you mean {word!r}?); expected "
                               "'linear', 'none', a fraction of the installation's cost (0..1) "
                               "or an amount of money", name=name, value=value, word=word),
                           code="invalid-value") from None
        raise LCCError(
            Msg("{name}: got {value!r}; expected 'linear', 'none', a fraction of the "
                "installation's cost (0..1) or an amount of money ({reason})", name=name,
                value=value, reason=exc.message.detail() if isinstance(exc.message, Msg)
                else exc.message), code=code
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
        the end leaves a residual value. None: no replacement and no residual (a
        stated residual, a fraction or an amount, is then refused: a resale value at
        the end of the study is a :class:`Residual` item).
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
    hours: Any = None
    _amount: Num = field(init=False, repr=False, compare=False)
    _at: float = field(init=False, repr=False, compare=False)
    _life: Num | None = field(init=False, repr=False, compare=False)
    _residual_mode: str = field(init=False, repr=False, compare=False)
    _residual: Num | None = field(init=False, repr=False, compare=False)
    _disposal: Num | None = field(init=False, repr=False, compare=False)

    FIELDS: ClassVar[dict[str, Field]] = {
        "amount": F.MONEY.named(N_("price per unit incl. delivery and installation, excl. "
                                   "VAT")),
        "at": F.POSITION.named(N_("year of purchase")),
        "life": F.DURATION.named(N_("service life")), "residual": F.RESIDUAL,
        "disposal": F.MONEY.named(N_("disposal cost per replaced unit")), "hours": F.HOURS}
    REQUIRED = ("amount",)

    def _read(self, errs: Errors) -> None:
        self._field(errs, "amount")
        self._field(errs, "at")
        self._set("_life", None)
        if self.life is not None:
            self._field(errs, "life")
        self._residual_field(errs)
        self._set("_disposal", None)
        if self.disposal is not None and self.life is None:
            with errs.field(f"{self.kind}.disposal", self._named("disposal")):
                raise LCCError(Msg("{name}: got {value!r}, a cost paid at each replacement, but "
                                   "the installation has no life and is never replaced; give "
                                   "its life (life='15 yr'), or a Disposal item for disposal at "
                                   "the end of the study", name=self._named("disposal"),
                                   value=self.disposal), code="invalid-value")
        elif self.disposal is not None:
            self._field(errs, "disposal")

    def _residual_field(self, errs: Errors) -> None:
        with errs.field(f"{self.kind}.residual", self._named("residual")):
            mode, value = _read_residual(self, self.residual)
            self._set("_residual_mode", mode)
            self._set("_residual", value)
            self._read_values["residual"] = value
            if value is not None and getattr(self, "life", 0) is None:  # it would be dropped
                raise LCCError(Msg("{name}: got {value!r}, a stated residual value, but the "
                                   "installation has no life, and without one there is no "
                                   "replacement and no residual value; give its life "
                                   "(life='15 yr'), or a Residual item for a resale value at "
                                   "the end of the study", name=self._named("residual"),
                                   value=self.residual), code="not-applicable")
            cost = getattr(self, "_amount", None)
            if mode == "amount" and value is not None and cost is not None:
                check_residual(value, cost, self._named("residual"))


#: Whether values are checked as a procurer's inputs (a residual at most the cost). A bid
#: form's LCC sheet sets it False while it evaluates lcc at synthetic corner values (1 and 2
#: of every cell) to derive its formulas, where such a check has nothing to say.
PLAUSIBLE: ContextVar[bool] = ContextVar("lcc_plausible", default=True)


def _ends(num: Num, factor: float) -> list[tuple[float, Any]]:
    """A money input's value and its parameter's low and high (as analyses vary them), in
    the study currency by ``factor``, each with how a message shows it."""
    out: list[tuple[float, Any]] = [(float(num.value) * factor, num.text)]
    p = num.parameter
    if p is not None:
        for end, words in ((p.low_magnitude, _THE_LOW), (p.high_magnitude, _THE_HIGH)):
            if end is not None:
                out.append((float(end) * num.scale * factor, Msg(
                    "{value}, {end}", value=UnitText(format_quantity(
                        get_registry().Quantity(end, p.unit))), end=Msg(words, param=p.name))))
    return out


def worth_more(residual: Num, cost: Num, factors: tuple[float, float] | None = None
               ) -> tuple[Any, Any] | None:
    """A stated residual amount above the cost of the unit it is the value of: the pair (the
    residual, the cost) as a message shows them, or None. Compared where both are single
    values in one currency, or with ``factors`` to one currency (the study's rates); a
    parameter's low and high against the other's value, as a tornado varies them one at a
    time (samples are not compared)."""
    if not PLAUSIBLE.get() or np.ndim(residual.value) or np.ndim(cost.value):
        return None
    if factors is None:
        if residual.currency != cost.currency:
            return None
        factors = (1.0, 1.0)
    res, base = _ends(residual, factors[0]), _ends(cost, factors[1])
    for (r, r_text), (c, c_text) in ((res[0], base[0]), *((e, base[0]) for e in res[1:]),
                                     *((res[0], e) for e in base[1:])):
        if r > c + 1e-9 * abs(c):
            return r_text, c_text
    return None


def check_residual(residual: Num, cost: Num, name: Any, field: str | None = None,
                   factors: tuple[float, float] | None = None) -> None:
    """Refuse a stated residual amount above the cost (:func:`worth_more`); ``field`` for
    the error (else the caller's: an item reading its fields sets it)."""
    pair = worth_more(residual, cost, factors)
    if pair is not None:
        raise LCCError(Msg("{name}: got {value}, more than the installation costs "
                           "({cost}); a residual value is what the last unit is still "
                           "worth at the end of the study, at most its cost. Give it "
                           "per unit as the cost is, or as a fraction of the cost "
                           "('40 %'); a resale value above the cost is a Residual item",
                           name=name, value=pair[0], cost=pair[1]), field=field,
                       code="invalid-value")


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
    hours: Any = None
    _amount: Num = field(init=False, repr=False, compare=False)
    _at: float = field(init=False, repr=False, compare=False)
    _life: Num = field(init=False, repr=False, compare=False)
    _residual_mode: str = field(init=False, repr=False, compare=False)
    _residual: Num | None = field(init=False, repr=False, compare=False)
    _disposal: Num | None = field(init=False, repr=False, compare=False)

    FIELDS: ClassVar[dict[str, Field]] = {
        "amount": F.MONEY.named(N_("cost per replacement")),
        "every": F.DURATION.named(N_("replacement interval")), "residual": F.RESIDUAL,
        "disposal": F.MONEY.named(N_("disposal cost per replaced component")),
        "hours": F.HOURS}
    REQUIRED = ("amount", "every")

    def _read(self, errs: Errors) -> None:
        self._field(errs, "amount")
        self._set("_at", 0.0)
        self._field(errs, "every", to="_life")
        Investment._residual_field(self, errs)  # type: ignore[arg-type]
        self._set("_disposal", None)
        if self.disposal is not None:
            self._field(errs, "disposal")


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

    FIELDS: ClassVar[dict[str, Field]] = {
        "amount": F.SIGNED_MONEY.named(N_("cost")), "at": F.POSITION.named(N_("year")),
        "category": CATEGORY}
    REQUIRED = ("amount", "at")

    def _read(self, errs: Errors) -> None:
        self._field(errs, "category")
        self._field(errs, "amount")
        self._field(errs, "at")


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
    hours: Any = None
    _category: str = field(init=False, repr=False, compare=False)
    _amount: Num = field(init=False, repr=False, compare=False)
    _every: Num = field(init=False, repr=False, compare=False)
    _first: float = field(init=False, repr=False, compare=False)
    _last: float | None = field(init=False, repr=False, compare=False)

    FIELDS: ClassVar[dict[str, Field]] = {
        "amount": F.SIGNED_MONEY.named(N_("cost per occasion")),
        "every": F.DURATION.named(N_("interval")),
        "first": F.POSITION.named(N_("first occasion")),
        "last": F.POSITION.named(N_("last occasion")), "category": CATEGORY, "hours": F.HOURS}
    REQUIRED = ("amount", "every")

    def _read(self, errs: Errors) -> None:
        self._field(errs, "category")
        self._field(errs, "amount")
        every = self._field(errs, "every")
        first = None
        if self.first is not None:
            first = self._field(errs, "first")
        elif every is not None:
            with errs.field(f"{self.kind}.first", self._named("first")):
                if every.samples or every.param:
                    raise LCCError(Msg("{name}: give `first` when `every` is samples or a "
                                       "Parameter", name=self._named("first")),
                                   code="missing-field")
                first = float(every.value)
        self._set("_first", first)
        last = None if self.last is None else self._field(errs, "last")
        self._set("_last", last)
        if last is not None and first is not None and last < first:
            with errs.field(f"{self.kind}.last", self._named("last")):
                raise LCCError(Msg("{name}: got {last!r}, before first ({first:g})",
                                   name=self._named("last"), last=self.last, first=first),
                               code="invalid-value")


@dataclass(frozen=True, eq=False)
class _Annual(CostItem):
    """Shared reading of start/end for annual amounts."""

    _start: int = field(init=False, repr=False, compare=False)
    _end: int | None = field(init=False, repr=False, compare=False)

    def _read_years(self, errs: Errors) -> None:
        start = self._field(errs, "start")
        end_raw = getattr(self, "end", None)
        end = None if end_raw is None else self._field(errs, "end")
        if end is not None and start is not None and end < start:
            with errs.field(f"{self.kind}.end", self._named("end")):
                raise LCCError(Msg("{name}: got {end_raw!r}, before start ({start:g})",
                                   name=self._named("end"), end_raw=end_raw, start=start),
                               code="invalid-value")
        self._set("_start", None if start is None else int(start))
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

    FIELDS: ClassVar[dict[str, Field]] = {
        "amount_per_year": F.MONEY_PER_YEAR.named(N_("cost per year")),
        "start": _FIRST_YEAR, "end": _LAST_YEAR, "category": CATEGORY}
    REQUIRED = ("amount_per_year",)

    def _read(self, errs: Errors) -> None:
        self._field(errs, "category")
        self._field(errs, "amount_per_year", to="_amount")
        self._read_years(errs)


_COMMODITIES: tuple[tuple[str, str, str], ...] = (
    ("kWh", Msg("energy"), "1.2 SEK/kWh"),
    ("m**3", Msg("volume"), "18 SEK/l"),
    ("kg", Msg("mass"), "25 SEK/kg"),
)


def _read_price(item: CostItem, value: Any) -> tuple[str, str, Num | Seq]:
    """A price per unit of what is used: energy, volume or mass (tried in that order)."""
    name = item._named("price")
    errors: list[LCCError] = []
    for unit, label, _ in _COMMODITIES:
        try:
            return unit, label, item.FIELDS["price"].read(value, name, unit=f"CUR/{unit}")
        except LCCError as exc:
            errors.append(exc)
    if isinstance(value, (ByYear, Parameter)) or errors[0].code != "wrong-unit":
        raise errors[0]
    raise LCCError(
        Msg("{name}: got {value!r}; expected a price per unit of what is used: per energy ('1.2 "
            "SEK/kWh'), per volume ('18 SEK/l', '4 SEK/Nm3') or per mass ('25 SEK/kg')",
            name=name, value=value),
        code="wrong-unit")


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

    FIELDS: ClassVar[dict[str, Field]] = {
        "annual": F.ENERGY_PER_YEAR.named(N_("energy use per year")),
        "power": F.POWER.named(N_("power")),
        "hours": F.HOURS.named(N_("operating hours per year")),
        "distance": F.DISTANCE.named(N_("distance per year")),
        "consumption": F.CONSUMPTION.named(N_("consumption per distance")),
        "price": F.ENERGY_PRICE.named(N_("energy price")),
        "emission_factor": F.EMISSION_FACTOR.named(N_("emissions per unit of energy")),
        "start": _FIRST_YEAR, "end": _LAST_YEAR}
    REQUIRED = ("price",)

    def _read(self, errs: Errors) -> None:
        n = self.name
        for key in ("_annual", "_power", "_hours", "_distance", "_consumption", "_ef"):
            self._set(key, None)
        ways = [self.annual is not None,
                self.power is not None or self.hours is not None,
                self.distance is not None or self.consumption is not None]
        before = len(errs.errors)
        with errs.field(self.kind, self.name):
            if sum(ways) > 1:
                raise LCCError(Msg("{name}: give one of annual, power and hours, or distance "
                                   "and consumption — not several", name=n), code="invalid-value")
            if not any(ways):
                raise LCCError(
                    Msg("{name}: missing the energy use; give annual (e.g. '3000 kWh/yr'), "
                        "power and hours (e.g. power='45 W', hours='4000 h/yr') or distance and "
                        "consumption (e.g. distance='15000 km/yr', consumption='5 l/100km')",
                        name=n),
                    code="missing-field")
            if ways[1] and (self.power is None or self.hours is None):
                raise LCCError(Msg("{name}: give both power and hours", name=n),
                               code="missing-field")
            if ways[2] and (self.distance is None or self.consumption is None):
                raise LCCError(Msg("{name}: give both distance and consumption", name=n),
                               code="missing-field")
        if len(errs.errors) > before:
            return
        unit = None
        if self.price is not None:
            with errs.field(f"{self.kind}.price", self._named("price")):
                unit, label, price = _read_price(self, self.price)
                self._set("_price", price)
                self._read_values["price"] = price
                self._set("_unit", unit)
        if unit is None:  # without a price, the use is checked against every unit it may have
            for key in ("annual", "power", "hours", "distance", "consumption"):
                if getattr(self, key) is not None:
                    self._any_unit(errs, key)
            return
        per = Msg("{commodity} (priced per {unit})", commodity=label,
                  unit=unit.replace('**3', '³'))
        if ways[0]:
            self._use(errs, "annual", f"{unit}/yr", per)
        elif ways[1]:
            if unit != "kWh":
                with errs.field(f"{self.kind}.power", self._named("power")):
                    raise LCCError(Msg("{name}: power and hours give energy, but the price is "
                                       "per {per}", name=self._named("power"), per=per),
                                   code="wrong-unit")
            else:
                self._use(errs, "power", "kW", per)
                self._use(errs, "hours", "h/yr", per)
        else:
            self._use(errs, "distance", "km/yr", per)
            self._use(errs, "consumption", f"{unit}/km", per)
        if self.emission_factor is not None:
            self._field(errs, "emission_factor", unit=f"kg/{unit}", to="_ef")
        self._read_years(errs)

    def _any_unit(self, errs: Errors, key: str) -> None:
        spec = self.FIELDS[key]
        first: LCCError | None = None
        for unit in spec.units:
            try:
                spec.read(getattr(self, key), self._named(key), unit=unit)
                return
            except LCCError as exc:
                first = first or exc
                if exc.code != "wrong-unit":
                    break
        with errs.field(f"{self.kind}.{key}", self._named(key)):
            assert first is not None
            raise first

    def _use(self, errs: Errors, key: str, unit: str, per: Msg) -> None:
        with errs.field(f"{self.kind}.{key}", self._named(key)):
            try:
                out = self.FIELDS[key].read(getattr(self, key), self._named(key), unit=unit)
                self._set(f"_{key}", out)
                self._read_values[key] = out
            except LCCError as exc:
                if exc.code != "wrong-unit":
                    raise
                raise LCCError(_use_must_match(exc.message, per), code="wrong-unit") from None


def _use_must_match(message: str, per: Msg) -> Msg:
    """An error of a use field that does not fit the unit of the price, said so."""
    if isinstance(message, Msg) and message.detail() is not None:
        return Msg("{name}: {problem} — the use must match the price, which is per {per}",
                   name=message.values["name"], problem=message.detail(), per=per)
    return Msg("{problem} — the use must match the price, which is per {per}", problem=message,
               per=per)


@dataclass(frozen=True, eq=False)
class Water(_Annual):
    """Water use priced per volume (category water).

    ``annual`` is volume per year in any volume unit (``"12 m3/yr"``,
    ``"2800 l/yr"``) or a ByYear; ``price`` is money per volume
    (``"45 SEK/m3"``).
    """

    kind: ClassVar[str] = "Water"
    _: KW_ONLY
    annual: Any = None
    price: Any = None
    start: Any = 1
    end: Any = None
    _annual: Num | Seq = field(init=False, repr=False, compare=False)
    _price: Num | Seq = field(init=False, repr=False, compare=False)

    FIELDS: ClassVar[dict[str, Field]] = {
        "annual": F.VOLUME_PER_YEAR.named(N_("water use per year")),
        "price": F.VOLUME_PRICE.named(N_("water price")), "start": _FIRST_YEAR,
        "end": _LAST_YEAR}
    REQUIRED = ("annual", "price")

    def _read(self, errs: Errors) -> None:
        self._field(errs, "annual")
        self._field(errs, "price")
        self._read_years(errs)


@dataclass(frozen=True, eq=False)
class Emission(_Annual):
    """An emission per year (category externality for its money value).

    ``annual`` is mass per year (``"120 kg/yr"``) or a ByYear; or give
    ``distance`` (``"15000 km/yr"``) and ``intensity`` (``"132 g/km"``).
    ``price`` is money per mass; for ``pollutant="CO2e"`` it defaults to the
    study's ``carbon_price``. Without a price the emission is reported in kg
    only. A pollutant is held in its usual spelling (``"co2e"``, ``"CO₂e"`` and
    ``"CO2-ekv"`` are ``"CO2e"``, ``"nox"`` is ``"NOx"``), so its price and
    every table find all of it.
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

    FIELDS: ClassVar[dict[str, Field]] = {
        "annual": F.MASS_PER_YEAR.named(N_("emissions per year")),
        "pollutant": F.TEXT.named(N_("pollutant")),
        "price": F.MASS_PRICE.named(N_("price per kg")),
        "distance": F.DISTANCE.named(N_("distance per year")),
        "intensity": F.INTENSITY.named(N_("emissions per distance")),
        "start": _FIRST_YEAR, "end": _LAST_YEAR}

    def _read(self, errs: Errors) -> None:
        n = self.name
        with errs.field(f"{self.kind}.pollutant", self._named("pollutant")):
            if not isinstance(self.pollutant, str) or is_blank(self.pollutant):
                raise LCCError(Msg("{name}: expected a name such as 'CO2e' or 'NOx', got "
                                   "{pollutant!r}", name=self._named("pollutant"),
                                   pollutant=self.pollutant),
                               code="wrong-type" if not isinstance(self.pollutant, str)
                               else "invalid-value")
            self._set("pollutant", pollutant_name(self.pollutant))  # 'co2e' is CO2e
        self._set("_annual", None)
        self._set("_distance", None)
        self._set("_intensity", None)
        if self.annual is not None:
            if self.distance is not None or self.intensity is not None:
                with errs.field(self.kind, self.name):
                    raise LCCError(Msg("{name}: give annual, or distance and intensity — not "
                                       "both", name=n),
                                   code="invalid-value")
            self._field(errs, "annual")
        elif self.distance is not None and self.intensity is not None:
            self._field(errs, "distance")
            self._field(errs, "intensity")
        else:
            with errs.field(f"{self.kind}.annual", self._named("annual")):
                raise LCCError(Msg("{name}: missing; give a mass per year, e.g. '120 kg/yr', or "
                                   "distance and intensity, e.g. distance='15000 km/yr', "
                                   "intensity='132 g/km'", name=self._named("annual")),
                               code="missing-field")
        self._set("_price", None)
        if self.price is not None:
            self._field(errs, "price")
        else:
            self._unpriced(errs)
        self._read_years(errs)

    def _unpriced(self, errs: Errors) -> None:
        """An escalation or indexed=False of an emission without a price of its own has no
        amount to change: the study's carbon price keeps its own path."""
        esc = self._read_values.get("escalation")
        rate = getattr(esc, "value", 0.0)
        changes = esc is not None and (not isinstance(esc, Num) or esc.param is not None
                                       or bool(np.any(np.asarray(rate) != 0)))
        where = Msg("give the study's carbon price as a per-year sequence "
                    "(Study(carbon_price=[…])) or give the emission a price of its own "
                    "(price='1.5 SEK/kg')") if self.pollutant == "CO2e" else \
            Msg("give the emission a price (price='50 SEK/kg')")
        for key, given in (("escalation", changes), ("indexed", self.indexed is False)):
            if given and not any(e.field == f"{self.kind}.{key}" for e in errs.errors):
                with errs.field(f"{self.kind}.{key}", self._named(key)):
                    raise LCCError(Msg("{name}: the emission has no price of its own, so "
                                       "{key} has no amount to change; {where}",
                                       name=self._named(key), key=key, where=where),
                                   code="invalid-value")


@dataclass(frozen=True, eq=False)
class _OneAmount(CostItem):
    """Shared reading of an amount at ``at`` (None = the end of the study, t = N)."""

    amount: Any
    _: KW_ONLY
    at: Any = None
    _amount: Num = field(init=False, repr=False, compare=False)
    _at: float | None = field(init=False, repr=False, compare=False)

    FIELDS: ClassVar[dict[str, Field]] = {"amount": F.MONEY, "at": F.POSITION}
    REQUIRED = ("amount",)

    def _read(self, errs: Errors) -> None:
        self._field(errs, "amount")
        self._set("_at", None)
        if self.at is not None:
            self._field(errs, "at")


@dataclass(frozen=True, eq=False)
class Residual(_OneAmount):
    """Value recovered (resale, reuse), given positive, counted as a negative cost.

    ``at`` counts from the alternative's service start; None (default) means
    the end of the study period, t = N. The amount is in base-year prices and
    escalates with the item's escalation to its time.
    """

    kind: ClassVar[str] = "Residual"
    FIELDS: ClassVar[dict[str, Field]] = {"amount": F.MONEY.named(N_("residual value")),
                                          "at": F.POSITION.named(N_("year"))}


@dataclass(frozen=True, eq=False)
class Disposal(_OneAmount):
    """End-of-life cost (category end_of_life); ``at`` None = end of study, t = N."""

    kind: ClassVar[str] = "Disposal"
    FIELDS: ClassVar[dict[str, Field]] = {"amount": F.MONEY.named(N_("disposal cost")),
                                          "at": F.POSITION.named(N_("year"))}


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
