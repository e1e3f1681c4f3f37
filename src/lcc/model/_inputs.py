"""Reading item fields into canonical magnitudes, once, at construction.

Every field is read when its item is built: strings parsed, units checked,
values converted to the canonical unit of the field (``CUR/kWh``,
``kWh/yr``, ``yr`` …) and kept as plain floats or sample arrays. The engine
never touches pint. A field that comes from a :class:`Parameter` keeps the
parameter's name and the factor from the parameter's own unit to the
canonical unit, so sensitivity analysis can substitute values by name.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from lcc._errors import LCCError, Msg, UnitText
from lcc._i18n._catalog import N_
from lcc.model._parameter import ByYear, Parameter, burning_hours
from lcc.model._product import Factor, Product
from lcc.units import (
    _factor,
    _spec_info,
    as_float,
    check_bare_rate,
    currency_of,
    format_quantity,
    get_registry,
    is_percent,
    magnitude_in,
    parse_number,
    parse_quantity,
    pretty_units,
)

#: Where a number of a Parameter in a rate field stands, in its messages.
_THE_VALUE = N_("the value of Parameter {param!r}")
_THE_LOW = N_("the low of Parameter {param!r}")
_THE_HIGH = N_("the high of Parameter {param!r}")

class _Of:
    """Tags the LCCError raised inside with the Parameter's key whose number is wrong
    (:attr:`LCCError.parameter`), so that a file reports it where the number is written."""

    __slots__ = ("key", "p")

    def __init__(self, p: Parameter, key: str) -> None:
        self.p, self.key = p, key

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        if isinstance(exc, LCCError) and exc.parameter is None:
            exc.parameter = (self.p.name, self.key)


#: What a field holds, in words, where its Field says nothing more precise.
A_VALUE = Msg("a value")
A_RATE = Msg("a rate")
AN_AMOUNT = Msg("an amount")


@dataclass(frozen=True, eq=False, slots=True)
class Num:
    """A scalar-or-samples input in the canonical unit of its field.

    ``value`` is a float or a 1-D float array (samples). ``currency`` is the
    currency code for money (None otherwise). ``param`` names the Parameter it
    came from; ``scale`` converts the parameter's own unit to the canonical
    unit (override × scale = canonical value). ``floor`` (strict with ``strict``)
    and ``ceiling`` are the field's bounds in the canonical unit, which every value
    an analysis gives the Parameter must keep.
    """

    value: Any
    currency: str | None
    param: str | None
    scale: float
    text: str
    parameter: Parameter | None = None
    factors: tuple[Num, ...] | None = None
    transform: str | None = None
    floor: float | None = None
    strict: bool = False
    ceiling: float | None = None

    @property
    def is_rate(self) -> bool:
        """Whether the field is a rate per year (more than −100 %): an escalation, a discount
        or an inflation rate."""
        return self.floor == -1.0 and self.strict

    @property
    def samples(self) -> int | None:
        """Number of samples, or None for a single value."""
        return int(np.size(self.value)) if np.ndim(self.value) else None

    def mean(self) -> float:
        """The value, or the mean of its samples."""
        return float(np.mean(self.value))


@dataclass(frozen=True, eq=False, slots=True)
class Seq:
    """A per-year sequence in the canonical unit of its field (from ByYear or a list)."""

    values: np.ndarray
    first_year: int
    calendar: bool
    currency: str | None
    text: str


def _check_range(arr: Any, name: str, shown: Any, *, minimum: float | None,
                 exclusive: bool, maximum: float | None, what: str,
                 over: Msg | None = None) -> None:
    if isinstance(arr, float) and (  # one value inside its bounds: the common case, fast
            minimum is None or (arr > minimum if exclusive else arr >= minimum)) and (
            maximum is None or arr <= maximum):
        return
    a = np.asarray(arr, dtype=float)
    if minimum is not None:
        bad = a <= minimum if exclusive else a < minimum
        if np.any(bad):
            first = float(a[bad].flat[0]) if a.ndim else float(a)
            op = ">" if exclusive else ">="
            raise LCCError(
                Msg("{name}: got {value}; expected {what} {op} {minimum:g}", name=name,
                    value=_show(shown, first), what=what, op=op, minimum=minimum),
                field=name, code="invalid-value"
            )
    if maximum is not None and np.any(a > maximum):
        first = float(a[a > maximum].flat[0]) if a.ndim else float(a)
        if over is not None:  # the field's own words for a value above its maximum
            raise LCCError(Msg("{name}: got {value}; {over}", name=name,
                               value=_show(shown, first), over=over),
                           field=name, code="invalid-value")
        raise LCCError(Msg("{name}: got {value}; expected {what} <= {maximum:g}", name=name,
                           value=_show(shown, first), what=what, maximum=maximum),
                       field=name, code="invalid-value")


def _check_low_high(p: Parameter, scale: float, name: str, **bounds: Any) -> None:
    """The field's bounds hold for the Parameter's ``low`` and ``high`` too: the tornado and
    break-even evaluate the field at them (a life's ``high = '600 yr'`` is over the longest
    life, a price's ``low = '-1 SEK/kWh'`` a negative price)."""
    if p.low is None and p.high is None:
        return
    for which, shown, magnitude in (("low", p.low, p.low_magnitude),
                                    ("high", p.high, p.high_magnitude)):
        if magnitude is None:
            continue
        try:
            _check_range(magnitude * scale, name, shown, **bounds)
        except LCCError:  # said again with the bound named (built only when it is wrong)
            value = format_quantity(shown) if hasattr(shown, "units") else repr(shown)
            with _Of(p, which):
                _check_range(magnitude * scale, name,
                             Msg("{value}, the {which} of Parameter {param!r}", value=value,
                                 which=which, param=p.name), **bounds)


def _show(shown: Any, first: float) -> str | Msg:
    if isinstance(shown, Msg):  # already in words ('600 yr, the high of Parameter 'life'')
        return shown
    if isinstance(shown, str):
        return repr(shown)
    if isinstance(shown, Product):  # '50000 h' ÷ '1000 h/yr': the value it comes to
        return f"{first:g}"
    if isinstance(shown, np.ndarray) or (hasattr(shown, "magnitude")
                                         and np.ndim(shown.magnitude)):
        return Msg("a sample with value {value:g}", value=first)
    if hasattr(shown, "units"):
        return format_quantity(shown)
    return repr(shown)


def _factor_num(raw: Any, name: str) -> tuple[Num, Any]:
    """One factor of a Product: (Num in the factor's unit, a pint quantity of its base value)."""
    reg = get_registry()
    transform = None
    if isinstance(raw, Factor):
        transform, raw = raw.transform, raw.value
    param = raw if isinstance(raw, Parameter) else None
    source = param.value if param is not None else raw
    if isinstance(source, (ByYear, list, tuple)):
        raise LCCError(Msg("{name}: a factor of a Product cannot be a per-year sequence",
                           name=name), field=name, code="wrong-type")
    if isinstance(source, (str, reg.Quantity)):
        q = _any_quantity(source, name)
    else:
        q = reg.Quantity(parse_number(source, name=name), "")
    label = f"{param.name} = {format_quantity(q)}" if param is not None else format_quantity(q)
    if transform == "one_minus" and q.dimensionality:
        raise LCCError(Msg("{name}: 1 − x needs a plain number, got {label}", name=name,
                           label=label), field=name, code="wrong-unit")
    if not q.dimensionality:
        scale = _factor(q.units, reg.Unit("")) if q._units else 1.0
        base = q.magnitude * scale
        unit_q = reg.Quantity(1.0, "")
    else:  # a quantity, or the reciprocal of one (1/life in 1/yr): kept in its own unit
        scale = 1.0
        base = q.magnitude
        unit_q = reg.Quantity(1.0, q.units)
    if transform == "one_minus":
        label = f"(1 − {label})"
        factor_q = (1.0 - base) * unit_q
    elif transform == "reciprocal":
        if np.any(np.asarray(base) == 0):
            raise LCCError(Msg("{name}: 1/x of zero ({label}); expected a value other than 0",
                               name=name, label=label), field=name, code="invalid-value")
        if param is not None:
            _check_divisor_range(param, name)
        label = f"1/{label}"
        factor_q = 1.0 / (base * unit_q)
    else:
        factor_q = base * unit_q
    base = np.asarray(base, dtype=float) if np.ndim(base) else float(base)
    return Num(base, currency_of(q), param.name if param else None, scale, label, param,
               None, transform), factor_q


def _check_divisor_range(p: Parameter, name: str) -> None:
    """A Parameter divided by (1/efficiency, 1/operating hours) keeps clear of 0 over every
    value an analysis gives it: its ``low`` and ``high`` and what its distribution draws are
    on the side of 0 its value is (a tornado at an efficiency's low of 0 is an infinite
    LCC)."""
    sign = float(np.sign(np.mean(p.value.magnitude if hasattr(p.value, "magnitude")
                                 else p.value)))
    unit = f" {p.unit_text}" if p.unit is not None else ""
    ends: list[tuple[str, Any, Any]] = [
        (k, m, format_quantity(v) if hasattr(v, "units") else f"{float(m):g}")
        for k, m, v in (("low", p.low_magnitude, p.low), ("high", p.high_magnitude, p.high))
        if m is not None]
    if p.distribution is not None:
        drawn = drawn_ends(p.distribution)
        dist_unit = getattr(p.distribution, "unit", None)
        if drawn is not None:
            ends += [("distribution", x, f"{x:g}" + (f" {dist_unit}" if dist_unit else unit))
                     for x in drawn]
    for which, x, text in ends:
        if float(x) * sign > 0:
            continue
        shown = UnitText(text)
        with _Of(p, which):
            raise LCCError(
                Msg("{name}: this field divides by Parameter {param!r}, which reaches {value} "
                    "({where}); expected its low, high and distribution on the side of 0 its "
                    "value is", name=name, param=p.name, value=shown,
                    where=_THE_END[which]),
                field=name, code="invalid-value")


_THE_END = {"low": Msg("its low"), "high": Msg("its high"),
            "distribution": Msg("an end of its distribution")}


def _any_quantity(value: Any, name: str) -> Any:
    from lcc.units import _check_finite, _parse_text

    reg = get_registry()
    q = _parse_text(value, name) if isinstance(value, str) else value
    if not isinstance(q, reg.Quantity):
        q = reg.Quantity(q)
    _check_finite(q.magnitude, name, value)
    return q


def read_product(value: Product, spec: str, name: str, *, minimum: float | None = 0.0,
                 exclusive: bool = False, what: str = A_VALUE,
                 maximum: float | None = None, over: Msg | None = None) -> Num:
    """A field given as a :class:`Product` of inputs (each may be a Parameter)."""
    factors = []
    combined: Any = None
    names = value.names or ()
    for i, raw in enumerate(value.factors):
        named = names[i] if i < len(names) else None
        num, q = _factor_num(raw, named or Msg("{name} (factor {n})", name=name, n=i + 1))
        factors.append(num)
        combined = q if combined is None else combined * q
    # 45 W × 4000 h/yr: pint makes the hours per year a plain factor, the product a power
    q = parse_quantity(combined, spec, name=name, calendar=False)
    code = currency_of(q)
    target = _spec_info(spec, code or "SEK")[0]
    k = _factor(q.units, target) if q._units != target._units else 1.0
    canon = np.asarray(q.magnitude, dtype=float) * k
    text = " × ".join(f.text for f in factors)
    shown: Any = value if canon.ndim else Msg(  # '50000 h × 1/4000 h/yr = 12.5 yr'
        "{text} = {value:g} {unit}", text=text, value=float(canon),
        unit=code or pretty_units(target))
    _check_range(canon, name, shown, minimum=minimum, exclusive=exclusive, maximum=maximum,
                 what=what, over=over)
    canon_value = canon if canon.ndim else float(canon)
    return Num(canon_value, code, None, k, text, None, tuple(factors))


@lru_cache(maxsize=8192)
def _text_in(text: str, spec: str) -> tuple[float, str | None, str]:
    """A text with a unit read for a field of ``spec``: (value in the canonical unit,
    currency, the quantity as shown). Each distinct (text, spec) is read once."""
    q = parse_quantity(text, spec, name="value")
    return float(magnitude_in(q, spec)), currency_of(q), format_quantity(q)


@lru_cache(maxsize=8192)
def _scalar_in(magnitude: float, units: Any, spec: str) -> tuple[float, str | None, str, float]:
    """A quantity's value for a field of ``spec``: (canonical value, currency, as shown,
    factor from its unit to the canonical one); read once per distinct quantity."""
    q = get_registry().Quantity(magnitude, units)
    parse_quantity(q, spec, name="value")
    code = currency_of(q)
    scale = _factor(q.units, _spec_info(spec, code or "SEK")[0])
    return float(magnitude_in(q, spec)), code, format_quantity(q), scale


def read_quantity(value: Any, spec: str, name: str, *, minimum: float | None = 0.0,
                  exclusive: bool = False, what: str = A_VALUE,
                  expect: str | None = None, maximum: float | None = None,
                  over: Msg | None = None) -> Num:
    """A field with a unit (``spec`` as in :func:`lcc.units.parse_quantity`); ``minimum``
    and ``maximum`` in the canonical unit of ``spec``."""
    if isinstance(value, Product):
        return read_product(value, spec, name, minimum=minimum, exclusive=exclusive, what=what,
                            maximum=maximum, over=over)
    if isinstance(value, Parameter):
        p = value
        if p.unit is None:
            raise LCCError(
                Msg("{name}: Parameter {param!r} is the bare number {value!r}, but this field "
                    "has a unit; give the parameter a value with a unit", name=name,
                    param=p.name, value=p.value),
                field=name, code="bare-number"
            )
        canon: Any
        if isinstance(p.value.magnitude, float):
            try:
                canon, code, shown, scale = _scalar_in(p.value.magnitude, p.value._units, spec)
            except LCCError:
                parse_quantity(p.value, spec, name=_in_param(name, p),
                               expect=expect)  # raises with the name
                raise
            with _Of(p, "value"):
                _check_range(canon, name, p.value, minimum=minimum, exclusive=exclusive,
                             maximum=maximum, what=what, over=over)
            _check_low_high(p, scale, name, minimum=minimum, exclusive=exclusive,
                            maximum=maximum, what=what, over=over)
            return Num(canon, code, p.name, scale, f"{p.name} = {shown}", p, floor=minimum,
                       strict=exclusive, ceiling=maximum)
        q = parse_quantity(p.value, spec, name=_in_param(name, p), expect=expect)
        canon = magnitude_in(q, spec)
        with _Of(p, "value"):
            _check_range(canon, name, p.value, minimum=minimum, exclusive=exclusive,
                         maximum=maximum, what=what, over=over)
        code = currency_of(q)
        target = _spec_info(spec, code or "SEK")[0]
        scale = _factor(q.units, target)
        _check_low_high(p, scale, name, minimum=minimum, exclusive=exclusive, maximum=maximum,
                        what=what, over=over)
        return Num(canon, code, p.name, scale, f"{p.name} = {format_quantity(q)}", p,
                   floor=minimum, strict=exclusive, ceiling=maximum)
    if isinstance(value, (ByYear, list, tuple)):
        raise LCCError(
            Msg("{name}: a per-year sequence is not accepted here; give one value",
                name=name), field=name, code='wrong-type'
        )
    if isinstance(value, str):
        try:
            canon, code, shown = _text_in(value, spec)
        except LCCError:
            parse_quantity(value, spec, name=name, expect=expect)  # raises with the name
            raise
        _check_range(canon, name, value, minimum=minimum, exclusive=exclusive, maximum=maximum,
                     what=what, over=over)
        return Num(canon, code, None, 1.0, shown)
    q = parse_quantity(value, spec, name=name, expect=expect)
    canon = magnitude_in(q, spec)
    _check_range(canon, name, value, minimum=minimum, exclusive=exclusive, maximum=maximum,
                 what=what, over=over)
    if isinstance(canon, np.ndarray):
        canon = canon.astype(float)
        if canon.ndim != 1:
            raise LCCError(Msg("{name}: samples must be a one-dimensional array", name=name),
                           field=name, code="wrong-type")
    else:
        canon = float(canon)
    return Num(canon, currency_of(q), None, 1.0, format_quantity(q))


def read_sequence(value: ByYear, spec: str, name: str, *, minimum: float | None = 0.0) -> Seq:
    """A ByYear with a unit, converted to the field's canonical unit."""
    if value.unit is None:
        raise LCCError(
            Msg("{name}: the ByYear has no unit; give one, e.g. ByYear([...], unit="
                "'{unit}')", name=name, unit=spec.replace('CUR', 'SEK')),
            field=name, code='bare-number'
        )
    q1 = parse_quantity(value.unit_quantity, spec, name=Msg("{name} (ByYear unit)", name=name))
    factor = float(magnitude_in(q1, spec))
    vals = np.asarray(value.values, dtype=float) * factor
    if minimum is not None and np.any(vals < minimum):
        raise LCCError(Msg("{name}: the ByYear holds a negative value; expected values >= 0",
                           name=name), field=name, code="invalid-value")
    text = f"{value!r}"
    return Seq(vals, value.first_year, value.calendar, currency_of(q1), text)


def read_amount(value: Any, spec: str, name: str, *, allow_sequence: bool = False,
                minimum: float | None = 0.0, what: str = AN_AMOUNT,
                expect: str | None = None) -> Num | Seq:
    """A field that may also be a per-year sequence (ByYear) when allowed."""
    if isinstance(value, ByYear):
        if not allow_sequence:
            raise LCCError(Msg("{name}: a per-year sequence (ByYear) is not accepted here",
                               name=name), field=name, code="wrong-type")
        return read_sequence(value, spec, name, minimum=minimum)
    if allow_sequence and isinstance(value, (list, tuple)):
        shown = spec.replace("CUR", "SEK")
        raise LCCError(Msg("{name}: got a list; a per-year sequence of this field is written "
                           "with its unit, ByYear([100, 110], unit='{unit}') in Python and "
                           "{{by_year = [100, 110], unit = \"{unit}\"}} in a tender file",
                           name=name, unit=shown), field=name, code="wrong-type")
    return read_quantity(value, spec, name, minimum=minimum, what=what, expect=expect)


def read_number(value: Any, name: str, *, minimum: float | None = None, exclusive: bool = True,
                maximum: float | None = None, what: str = A_VALUE, rate: bool = False) -> Num:
    """A plain-number field: a rate, a fraction or a count (Parameter allowed).

    With ``rate``, the value is a fraction per year: a percentage written as text
    (``"4 %"``) is read as 0.04, and a bare number of 1 or more (or -1 or less) is
    refused with the percentage reading offered — ``discount_rate = 4`` means 4 %, not
    400 % (a rate that large is written as text, ``"400 %"``).
    """
    if isinstance(value, Product):
        num = read_product(value, "1", name, minimum=None, what=what)
        _check_range(num.value, name, value, minimum=minimum, exclusive=exclusive,
                     maximum=maximum, what=what)
        return num
    if isinstance(value, Parameter):
        p = value
        scale = 1.0
        if p.unit is not None:
            if own_fraction(p) is None:
                raise LCCError(
                    Msg("{name}: Parameter {param!r} has the unit {unit!r}, but this field "
                        "is a plain number", name=name, param=p.name, unit=p.unit_text),
                    field=name, code="wrong-unit")
            scale = _factor(p.value.units, get_registry().Unit(""))
            x = p.value.magnitude * scale
            x = x.astype(float) if isinstance(x, np.ndarray) else float(x)
        else:
            x = parse_number(p.value, name=_in_param(name, p))
            if rate:  # where each number stands is said after the field's name (a file
                # reports the field at its line and keeps what follows the name)
                for key, shown, where in (("value", p.value, _THE_VALUE),
                                          ("low", p.low, _THE_LOW),
                                          ("high", p.high, _THE_HIGH)):
                    if shown is not None and not (
                            isinstance(shown, float) and -1 < shown < 1):  # the common case
                        with _Of(p, key):
                            check_bare_rate(shown, name, source=Msg(where, param=p.name))
                if p.distribution is not None:  # what it draws, by the ends of its support
                    with _Of(p, "distribution"):
                        check_bare_rate_distribution(p.distribution, name, source=Msg(
                            "the distribution of Parameter {param!r}", param=p.name))
        with _Of(p, "value"):
            _check_range(x, name, p.value, minimum=minimum, exclusive=exclusive,
                         maximum=maximum, what=what)
        _check_low_high(p, scale, name, minimum=minimum, exclusive=exclusive, maximum=maximum,
                        what=what)
        return Num(x, None, p.name, scale, f"{p.name} = {_fmt_num(x)}", p, floor=minimum,
                   strict=exclusive, ceiling=maximum)
    if isinstance(value, ByYear):
        raise LCCError(Msg("{name}: a per-year sequence (ByYear) is not accepted here",
                           name=name), field=name, code="wrong-type")
    x = parse_number(value, name=name)
    if rate:
        check_bare_rate(value, name)  # 4 and '4' alike
    _check_range(x, name, value, minimum=minimum, exclusive=exclusive, maximum=maximum, what=what)
    return Num(x, None, None, 1.0, _fmt_num(x), floor=minimum, strict=exclusive,
               ceiling=maximum)


def analysis_value(p: Parameter | None, value: Any, where: str, *, rate: bool) -> Any:
    """One value an analysis or an override gives a Parameter, in the Parameter's own unit.

    One rule for tornado ranges, scenarios, break-even brackets and :func:`lcc.evaluate`'s
    overrides: a text or a quantity with a unit is converted to the parameter's unit; a rate
    (``rate``: it stands in a rate field) is a fraction or a percentage written as text,
    whatever its parameter's unit (``0.05`` and ``"5 %"`` are 5 %, a bare 5 is refused); for
    any other value in percent a bare number is a fraction (0.5 is 50 %); other numbers are
    in the parameter's unit. ``p`` None is a discount rate held as a number.
    """
    reg = get_registry()
    if isinstance(value, bool):
        raise LCCError(Msg("{name}: got {value!r}; expected a number or a value with a unit",
                           name=where, value=value), field=where, code="wrong-type")
    per = own_fraction(p)
    number = isinstance(value, (int, float, np.integer, np.floating))
    if rate and per is not None and (number or isinstance(value, (str, reg.Quantity))):
        check_bare_rate(value, where)
        return parse_number(value, name=where) / per
    if isinstance(value, (str, reg.Quantity)) or (number and per not in (None, 1.0)):
        if p is None or (p.unit is None and isinstance(value, str)):
            return parse_number(value, name=where)  # a plain number, or a percentage
        got = p._same_unit(value, where)  # in percent, a bare number is a fraction
        return got.magnitude if isinstance(got, reg.Quantity) else got
    return value


def own_fraction(p: Parameter | None) -> float | None:
    """One of the Parameter's own units as a fraction: 1 for a plain number (or no
    Parameter), 0.01 for '%', 0.001 for '‰'; None for any other unit (``h/yr`` has no
    dimension but is no fraction)."""
    if p is None or p.unit is None:
        return 1.0
    if is_percent(p.value):
        return float(get_registry().Quantity(1.0, p.unit).to("").magnitude)
    return None


def unit_fraction(unit: Any) -> float | None:
    """What one of a unit written as text is as a fraction: 1 for none (``None``, ``""``,
    ``"dimensionless"``), 0.01 for ``"%"``, ``"percent"`` or ``"procent"``, 0.001 for ``"‰"``;
    None for any other unit or a text that is no unit."""
    if unit is None or str(unit).strip() in ("", "dimensionless"):
        return 1.0
    try:
        one = get_registry().Quantity(1.0, str(unit).strip())
    except Exception:  # any text pint cannot read is no fraction
        return None
    return float(one.to("").magnitude) if is_percent(one) else None


def check_bare_rate_distribution(dist: Any, name: str | Msg, *, source: Msg | None = None,
                                 draws: bool = True) -> None:
    """Refuse a distribution of a rate held as a plain number that draws 1 or more (or -1
    or less): its numbers are percentages.

    A rate held as a plain number (``0.02``) draws its distribution's values as fractions,
    so ``uniform(1, 3)`` is 100 % to 300 % a year. Written with units (``"1 %"``) a
    distribution says what it means and is not refused; for a rate held in percent
    (``"2 %"``) bare values are percentages (the parameter's own unit) and this is not asked.
    Without ``draws`` only the numbers written are asked (a scipy distribution is frozen, and
    scipy imported, only when sampled).
    """
    if callable(getattr(type(dist), "in_unit", None)):  # lcc's own: its values as written
        if dist.unit is not None:
            return
        data = dist.data
        check_bare_rate(np.array([v for k, v in data.items() if k not in dist.shift]), name,
                        source=source or Msg("the distribution"))
        if not dist.shift:  # bounded by its values: nothing more to draw
            return
    if not draws:
        return
    ends = drawn_ends(dist)
    if ends is None or (ends[0] > -1 and ends[1] < 1):
        return
    low, high = ends
    raise LCCError(
        Msg("{name}: {source} draws values from {low} to {high}; a rate is a fraction per "
            "year, so this would be {plow} to {phigh}; if its numbers are percentages, write "
            "the parameter's value in percent (such as '2 %' for 0.02), which reads its "
            "distribution in percent too (as a rate of 100 % or more is written)", name=name,
            source=source or Msg("the distribution"), low=UnitText(f"{low:.4g}"),
            high=UnitText(f"{high:.4g}"), plow=UnitText(f"{low * 100:.4g} %"),
            phigh=UnitText(f"{high * 100:.4g} %")),
        field=name, code="invalid-value")


def drawn_ends(dist: Any) -> tuple[float, float] | None:
    """The least and most values a distribution draws: the ends of its support, or its 1e-9
    and 1 − 1e-9 quantiles where the support has none (the sampling checks' range); None when
    it cannot say."""
    try:
        return _ends_of(dist)
    except TypeError:  # not hashable: asked again each time
        return _ends_of.__wrapped__(dist)


@lru_cache(maxsize=256)
def _ends_of(dist: Any) -> tuple[float, float] | None:
    if callable(getattr(type(dist), "drawn_range", None)):  # a tender's scipy distribution
        known = dist.drawn_range()  # by name: the common ones without importing scipy
        if known is not None:
            return known
    try:  # the ends of its support where they are finite (a uniform's 0 and 1.5)
        with np.errstate(all="ignore"):  # a NaN parameter: refused where it is sampled
            support: Any = dist.support() if callable(getattr(dist, "support", None)) else ()
            if len(support) == 2 and all(math.isfinite(float(x)) for x in support):
                return float(support[0]), float(support[1])
            ends = [float(x) for x in dist.ppf([1e-9, 1 - 1e-9])]
        for i, end in enumerate(support):
            if math.isfinite(float(end)):
                ends[i] = float(end)
    except Exception:  # not a univariate distribution: refused where it is sampled
        return None
    if not all(math.isfinite(x) for x in ends):  # refused where it is sampled, by its draws
        return None
    return ends[0], ends[1]


def _in_param(name: str, p: Parameter) -> Msg:
    """How a message names a field whose value comes from the Parameter ``p``."""
    return Msg("{name} (Parameter {param!r})", name=name, param=p.name)


def _fmt_num(x: Any) -> str:
    if isinstance(x, np.ndarray):
        return f"[{x.size} samples, mean {x.mean():.6g}]"
    return f"{x:.6g}"


def dimensionless_text(text: str) -> bool:
    """Whether a text is a plain number or a percentage ('0,4', '40 %', '1500 ‰'), not a
    quantity: what :func:`lcc.units.parse_number` reads."""
    try:
        parse_number(text)
    except LCCError:
        return False
    return True


def _is_plain_number(text: str) -> bool:
    try:
        float(text.strip())
    except ValueError:
        return False
    return True


def in_burning_hours(value: Any) -> bool:
    """Whether a life or interval is given in hours (burning hours, not calendar time).

    ``"50000 h"``, ``Q_(50, "kh")`` or a Parameter with such a value: a rated life
    counted in hours of operation, which needs the operating hours per year to become
    years. Days, weeks and years are calendar time.
    """
    raw = value.value if isinstance(value, Parameter) else value
    if isinstance(raw, str):
        return _text_in_burning_hours(raw)
    return burning_hours(getattr(raw, "_units", None))


@lru_cache(maxsize=4096)
def _text_in_burning_hours(text: str) -> bool:
    """:func:`in_burning_hours` of a text, once per text (a tender asks it of each life up to
    four times: its item, its field, its hours, its form)."""
    from lcc.units import _parse_text

    try:
        return burning_hours(getattr(_parse_text(text, "value"), "_units", None))
    except LCCError:
        return False


def read_position(value: Any, name: str, *, whole: bool = False, minimum: float = 0.0,
                  maximum: float | None = None) -> float:
    """A point on the study's year axis: a bare number of years or a time quantity.

    Positions (``at``, ``start``, ``end``, ``first``, ``last``) are single values,
    never samples or Parameters. ``maximum`` is the longest study: a point beyond it
    is in no study, most often a calendar year (``at = 2030``).
    """
    reg = get_registry()
    if isinstance(value, Parameter):
        raise LCCError(Msg("{name}: a point in time cannot be a Parameter; give a number of "
                           "years", name=name), field=name, code="wrong-type")
    if isinstance(value, str) and _is_plain_number(value):
        number = float(value)
        if maximum is not None and number > maximum:  # a calendar year: said so below
            return read_position(int(number) if number.is_integer() else number, name,
                                 whole=whole, minimum=minimum, maximum=maximum)
        raise LCCError(Msg("{name}: got the text {value!r}; write a number of years without "
                           "quotes ({number}) or with a unit ('{number} yr')", name=name,
                           value=value, number=value.strip()), code="wrong-type")
    if isinstance(value, (str, reg.Quantity)):
        q = parse_quantity(value, "yr", name=name)
        x = q.to("yr").magnitude
    elif isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise LCCError(Msg("{name}: expected a number of years, got {value!r}", name=name,
                           value=value), field=name, code="wrong-type")
    else:
        x = value
    if np.ndim(x):
        raise LCCError(Msg("{name}: expected a single number of years, not samples",
                           name=name), field=name, code="wrong-type")
    x = as_float(x, name)
    if not math.isfinite(x):
        raise LCCError(Msg("{name}: got {value!r}; expected a finite number of years",
                           name=name, value=value), field=name, code="invalid-value")
    if x < minimum:
        raise LCCError(Msg("{name}: got {value!r}; expected a number of years >= {minimum:g}",
                           name=name, value=value, minimum=minimum),
                       field=name, code="invalid-value")
    if maximum is not None and x > maximum:
        raise LCCError(Msg("{name}: got {value!r}; a point in time is counted in years from "
                           "the base date (t = 0) and is at most {most:g}, the longest study; "
                           "a calendar year is written as its study year, the year minus the "
                           "base year plus 1 (2030 with base year 2025 is 6)", name=name,
                           value=value,
                           most=maximum), field=name, code="invalid-value")
    if whole:
        if abs(x - round(x)) > 1e-9:
            raise LCCError(Msg("{name}: got {value!r}; expected a whole number of years",
                               name=name, value=value), field=name, code="invalid-value")
        x = float(round(x))
    return x


@dataclass(frozen=True, eq=False, slots=True)
class Esc:
    """Escalation: a constant rate (Num, maybe samples or a Parameter) or a per-year Seq."""

    rate: Num | None
    sequence: Seq | None

    @property
    def text(self) -> str:
        if self.sequence is not None:
            return f"per-year escalation {self.sequence.text}"
        assert self.rate is not None
        if self.rate.param is None and not np.ndim(self.rate.value):
            return f"{self.rate.value:.6g}/yr ({self.rate.value * 100:.4g} %/yr)"
        return f"{self.rate.text} /yr"


NO_ESCALATION = Esc(Num(0.0, None, None, 1.0, "0"), None)


def rates_by_year(values: Sequence[Any], name: str | Msg) -> ByYear:
    """A list of yearly rates as a ByYear; a rate written as text ('2 %') is read by the rule
    of a rate, so that ``["2 %", "3 %"]`` is 0.02 and 0.03 as ``"2 %"`` alone is."""
    return ByYear([float(read_number(v, Msg("{name}[{i}]", name=name, i=i), minimum=-1.0,
                                     exclusive=True, what=A_RATE, rate=True).value)
                   if isinstance(v, str) else v for i, v in enumerate(values)])


def read_escalation(value: Any, name: str) -> Esc:
    """Escalation: a rate > −1 per year, samples, a Parameter, or a per-year sequence."""
    if value is None:
        return NO_ESCALATION
    written = None  # which of a list's rates are text: '150 %' is no bare number
    if isinstance(value, (list, tuple)):
        written = np.array([isinstance(v, str) for v in value], dtype=bool)
        value = rates_by_year(value, name)
    if isinstance(value, ByYear):
        scale = unit_fraction(value.unit)
        if scale is None:
            raise LCCError(Msg("{name}: escalation rates are plain numbers or percentages; "
                               "the ByYear has the unit {unit!r}", name=name, unit=value.unit),
                           field=name, code="wrong-unit")
        percent = scale != 1.0
        vals = np.asarray(value.values, dtype=float)
        if percent:
            vals = vals * scale
        elif written is None:
            check_bare_rate(vals, name)
        elif not written.all():
            check_bare_rate(vals[~written], name)
        if np.any(vals <= -1):
            raise LCCError(Msg("{name}: an escalation rate must be greater than -1 (-100 %)",
                               name=name), field=name, code="invalid-value")
        return Esc(None, Seq(vals, value.first_year, value.calendar, None, repr(value)))
    return Esc(read_number(value, name, minimum=-1.0, exclusive=True, what=A_RATE,
                           rate=True), None)


def unit_text(spec: str, currency: str | None) -> str:
    """Canonical unit of a spec as text, with the currency filled in."""
    reg = get_registry()
    return pretty_units(reg.Unit(spec.replace("CUR", currency or "SEK")))
