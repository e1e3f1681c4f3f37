"""Named inputs (Parameter) and per-year sequences (ByYear)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from lcc._errors import LCCError, Msg, UnitText, raise_collected
from lcc._text import is_blank
from lcc.model._compare import same
from lcc.model._limits import MAX_SEQUENCE
from lcc.units import (
    LARGEST_FLOAT,
    _with_unit,
    _written,
    format_quantity,
    get_registry,
    is_percent,
    parse_number,
    too_large,
)

ROLES: tuple[str, ...] = ("buyer", "bidder")
#: Names of parameters: a letter or underscore, then letters, digits or underscores (up to
#: 100; Swedish letters included), so a name reads the same in a file, on the command line
#: (``--set name=value``) and in a formula. The pattern is also the JSON Schema's (ECMA-262,
#: where ``$`` is the end of the text); in Python it is used with ``fullmatch``, since
#: Python's ``$`` also matches before a final line break ("price\n").
NAME_PATTERN = r"^[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]" \
               r"[A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]{0,99}$"
NAME = re.compile(NAME_PATTERN)


def _drawn(dist: Any) -> tuple[float, float] | None:
    """What a scipy distribution draws (the sampling checks' range): in closed form for the
    common ones, else from scipy itself (imported then: a gamma's range is known before it
    is sampled); None where only sampling can tell."""
    if callable(getattr(type(dist), "drawn_range", None)):
        known = dist.drawn_range()
        if known is not None:
            return known
    if callable(getattr(type(dist), "drawn_range", None)) or \
            type(dist).__module__.startswith("scipy."):
        from lcc.model._inputs import drawn_ends

        return drawn_ends(dist)
    return None


def _as_quantity_or_number(value: Any, name: str) -> Any:
    """A Parameter's value: a pint Quantity (from a string or Quantity) or a number/array."""
    reg = get_registry()
    if isinstance(value, Parameter):
        raise LCCError(Msg("{name}: a Parameter's value cannot itself be a Parameter", name=name),
                       field=name, code="wrong-type")
    if isinstance(value, ByYear):
        raise LCCError(Msg("{name}: a Parameter holds one value (or samples), not a ByYear "
                           "sequence", name=name),
                       field=name, code="wrong-type")
    if isinstance(value, str):
        from lcc.units import _check_finite, _parse_text

        q = _parse_text(value, name)
        _check_finite(q.magnitude, name, value)
        if not q._units:
            return float(q.magnitude)
        return q
    if isinstance(value, reg.Quantity):
        from lcc.units import _check_finite

        _check_finite(value.magnitude, name, value)
        if isinstance(value.magnitude, np.ndarray) and value.magnitude.ndim != 1:
            raise LCCError(Msg("{name}: samples must be a one-dimensional array", name=name),
                           field=name, code="wrong-type")
        return value
    return parse_number(value, name=name)


@dataclass(frozen=True, eq=False)
class Parameter:
    """A named input that sensitivity analysis can vary.

    A Parameter may stand wherever a value is accepted: amounts, prices,
    hours, rates, escalation, service lives, quantities. Sensitivity and
    uncertainty analysis address it by ``name``; two different Parameters
    under one name in the same evaluation are an error.

    Parameters
    ----------
    name : str
        Identifier, e.g. ``"electricity_price"``.
    value : pint.Quantity, str, float or ndarray
        The value in its own unit (``"1.2 SEK/kWh"``, ``"20 yr"``, ``0.03``);
        an ndarray is samples.
    role : {"buyer", "bidder"}
        Who sets it: the buyer (internal parameter: kalkylränta, energy price,
        operating hours) or each bidder (external parameter: price, kWh/yr).
    low, high : same kind as value, optional
        Default range for tornado and break-even analysis.
    distribution : frozen scipy.stats distribution, optional
        For Monte Carlo; samples are drawn in the value's own unit.
    description : str, optional
        What it is, printed in traces.
    source : str, optional
        Where the value comes from, printed in traces.
    """

    name: str
    value: Any
    role: str = field(default="buyer", kw_only=True)
    low: Any = field(default=None, kw_only=True)
    high: Any = field(default=None, kw_only=True)
    distribution: Any = field(default=None, kw_only=True)
    description: str | None = field(default=None, kw_only=True)
    source: str | None = field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or is_blank(self.name):
            raise LCCError(Msg("{name}: expected a non-empty string, got {called!r}",
                               name='Parameter.name', called=self.name),
                           field="Parameter.name", code="wrong-type")
        if not NAME.fullmatch(self.name):
            raise LCCError(Msg("{name}: {value!r} is not a valid parameter name: use letters, "
                               "digits and underscores, starting with a letter (e.g. "
                               "'electricity_price')", name="Parameter.name", value=self.name),
                           field="Parameter.name", code="invalid-value")
        label = f"Parameter {self.name!r}"
        if self.role not in ROLES:
            raise LCCError(Msg("{name}: got {role!r}, expected 'buyer' or 'bidder'",
                               name=f'{label}.role', role=self.role),
                           field="Parameter.role", code="invalid-value")
        from lcc.model._fields import Errors, check_text

        errs = Errors()  # every bad field at once, each with its name
        value: Any = None
        with errs.field("Parameter.value", f"{label}.value"):
            value = _as_quantity_or_number(self.value, f"{label}.value")
            object.__setattr__(self, "value", value)
        for bound in ("low", "high"):
            raw = getattr(self, bound)
            if raw is None:
                continue
            with errs.field(f"Parameter.{bound}", f"{label}.{bound}"):
                if value is None:  # the value failed: the bound is only read
                    _as_quantity_or_number(raw, f"{label}.{bound}")
                else:
                    object.__setattr__(self, bound, self._same_unit(raw, f"{label}.{bound}"))
        for key in ("description", "source"):
            text, name = getattr(self, key), f"{label}.{key}"
            if text is not None and not (isinstance(text, str) and not is_blank(text)):
                with errs.field(f"Parameter.{key}", name):
                    raise LCCError(Msg("{name}: expected a non-empty text, got {value!r}",
                                       name=name, value=text),
                                   code="wrong-type" if not isinstance(text, str)
                                   else "invalid-value")
            elif text is not None:
                with errs.field(f"Parameter.{key}", name):
                    check_text(text, name)
        errs.raise_any()
        lo, hi = self.low_magnitude, self.high_magnitude
        if lo is not None and hi is not None and lo > hi:
            raise LCCError(
                Msg("{name}: low ({low}) is greater than high ({high})", name=label,
                    low=self.low, high=self.high),
                field="Parameter", code="invalid-value"
            )
        here = _mag(self.value)
        if not np.ndim(here) and ((lo is not None and here < lo) or
                                  (hi is not None and here > hi)):
            name = f"{label}.value"
            message = (
                Msg("{name}: {value} lies outside the parameter's own range low = {low}, high = "
                    "{high}; the value must be within its range", name=name,
                    value=self.value, low=self.low, high=self.high)
                if lo is not None and hi is not None else
                Msg("{name}: {value} is below the parameter's own low = {low}; the value must "
                    "not be below it", name=name, value=self.value, low=self.low)
                if lo is not None else
                Msg("{name}: {value} is above the parameter's own high = {high}; the value must "
                    "not be above it", name=name, value=self.value, high=self.high))
            raise LCCError(message, field="Parameter.value", code="invalid-value",
                           detail=message.detail())
        if self.distribution is not None and not (
            hasattr(self.distribution, "rvs") and hasattr(self.distribution, "ppf")
        ):
            raise LCCError(
                Msg("{name}: expected a frozen scipy.stats distribution such as "
                    "scipy.stats.norm(1.2, 0.1), got {distribution!r}",
                    name=f'{label}.distribution', distribution=self.distribution),
                field="Parameter.distribution", code="wrong-type"
            )
        # asked of the class first: a lazily frozen scipy distribution freezes (imports
        # scipy.stats) on any attribute it does not know
        written = callable(getattr(type(self.distribution), "in_unit", None))
        unit = getattr(self.distribution, "unit", None) if written else None
        ends: list[float] = [float(v) for v in self.distribution.values] if written else []
        if isinstance(unit, str):
            # written with units (Triangular.of("0.8 SEK/kWh", …)): they must convert to the
            # value's, as they will when the distribution is sampled
            from lcc.model._fields import located

            with located("Parameter.distribution", f"{label}.distribution"):
                ends = [float(_mag(self._same_unit(
                    _with_unit(str(int(v)) if v.is_integer() else repr(v), unit),
                    f"{label}.distribution"))) for v in ends]
        if written and not self.distribution.shift and not np.ndim(here):
            # bounded by the values written (triangular, PERT, uniform): asked here
            self.check_drawn(min(ends), max(ends), f"{label}.distribution")
        elif self.distribution is not None and not written and not np.ndim(here):
            # scipy's, from a file by name (its range in closed form) or frozen by the caller
            # (scipy is imported already); what another draws is asked when it is sampled
            drawn = _drawn(self.distribution)
            if drawn is not None:
                self.check_drawn(*drawn, f"{label}.distribution")

    def check_drawn(self, low: float, high: float, name: str | Msg) -> None:
        """Refuse a distribution that never draws the value: from ``low`` to ``high`` in the
        value's unit (its support, or its 1e-9 and 1 − 1e-9 quantiles).

        The comparison evaluates the value and Monte Carlo the distribution, so one of them
        misreads the input: numbers meant as fractions for a value in percent (``uniform(0.01,
        0.05)`` for ``"3 %"`` draws 0.01 % to 0.05 %), percentages for a plain number, or
        another unit. ``name`` names the distribution in the message.
        """
        here = _mag(self.value)
        tol = 1e-9 * max(abs(low), abs(high), abs(here) if not np.ndim(here) else 0.0, 1e-300)
        if np.ndim(here) or low - tol <= here <= high + tol:
            return
        unit = self.unit_text

        def figure(x: float, unit: str) -> UnitText:  # lcc's figure: a decimal comma in sv
            return UnitText(f"{x:.6g} {unit}" if unit else f"{x:.6g}")

        if unit == "%" and low * 100 - tol <= here <= high * 100 + tol:
            offer: Msg = Msg("; did you mean {low} to {high}? Bare numbers in a distribution "
                             "are in the value's unit (%): write them with '%'",
                             low=figure(low * 100, "%"), high=figure(high * 100, "%"))
        elif not unit and abs(here) >= 1 and low > -1 and high < 1 and \
                low - tol <= here / 100 <= high + tol:  # fractions, and a value that is one
            # in per cent (a count of 400 beside uniform(3, 5) is no percentage)
            # a percentage written as a bare number beside a distribution of fractions: the
            # value is what misreads (4 is 400 %), so the value is named
            name = f"Parameter {self.name!r}.value"
            x = float(here)
            message = Msg("{name}: got the bare number {x:g}, but its distribution draws {low:g} "
                          "to {high:g}; a bare number is a fraction (0.01 is 1 %), so this "
                          "would be {pct:g} %; did you mean {x:g} % = {frac:g}? Write "
                          "'{x:g} %' or {frac:g}", name=name, x=x, low=low, high=high,
                          pct=x * 100, frac=x / 100)
            raise LCCError(message, field="Parameter.value", code="invalid-value",
                           detail=message.detail())
        elif not unit and low / 100 - tol <= here <= high / 100 + tol:
            offer = Msg("; did you mean {low} to {high}? Bare numbers in a distribution are in "
                        "the value's unit (a plain number, 0.01 is 1 %): write them with '%'",
                        low=figure(low, "%"), high=figure(high, "%"))
        else:
            offer = Msg("; a distribution is written in the value's unit or with units that "
                        "convert to it")
        message = Msg("{name}: draws {low} to {high}, but the value is {value}, which it never "
                      "draws{offer}", name=name, low=figure(low, unit),
                      high=figure(high, unit), value=UnitText(format_quantity(self.value))
                      if unit else figure(float(here), ""), offer=offer)
        raise LCCError(message, field="Parameter.distribution", code="invalid-value",
                       detail=message.detail())

    def _same_unit(self, raw: Any, name: str) -> Any:
        reg = get_registry()
        got = _as_quantity_or_number(raw, name)
        if isinstance(got, np.ndarray) or (
            isinstance(got, reg.Quantity) and np.ndim(got.magnitude)
        ):
            raise LCCError(Msg("{name}: expected a single value, not samples", name=name),
                           field=name, code="wrong-type")
        if isinstance(self.value, reg.Quantity):
            if not isinstance(got, reg.Quantity) and is_percent(self.value):
                # a value in % and a bare bound: the bound is a fraction (0.01 is 1 %), as
                # every plain number is; 1 or more would be 100 % or more, said so
                x = float(got)
                if abs(x) >= 100:  # its fraction, 1 or more, would be refused the same way
                    raise LCCError(Msg(
                        "{name}: got the bare number {x:g} for a value in {unit}; a bare number "
                        "is a fraction, so this would be {pct:g} %; did you mean {x:g} %? Write "
                        "it as text, '{x:g} %'", name=name, x=x, unit=self.unit_text,
                        pct=x * 100), field=name, code="invalid-value")
                if abs(x) >= 1:
                    raise LCCError(Msg(
                        "{name}: got the bare number {x:g} for a value in {unit}; a bare number "
                        "is a fraction, so this would be {pct:g} %; did you mean {x:g} % = "
                        "{frac:g}? Write '{x:g} %' or {frac:g}", name=name, x=x,
                        unit=self.unit_text, pct=x * 100, frac=x / 100),
                        field=name, code="invalid-value")
                return reg.Quantity(float(got), "").to(self.value.units)
            if not isinstance(got, reg.Quantity):
                raise LCCError(
                    Msg("{name}: got the bare number {raw!r}; write it in the unit of the "
                        "value, e.g. '{got} {unit_text}'", name=name, raw=raw, got=got,
                        unit_text=self.unit_text), field=name, code='bare-number'
                )
            from lcc.units import _split

            same_shape = not got.dimensionality and (
                _split(got._units) == _split(self.value._units))
            if got.dimensionality != self.value.dimensionality or (
                    not got.dimensionality and not same_shape):
                raise LCCError(
                    Msg("{name}: got {raw!r}, which does not have the dimension of the value "
                        "({unit_text})", name=name, raw=_written(raw), unit_text=self.unit_text),
                    field=name, code='wrong-unit'
                )
            if dict(got.dimensionality) == {"[time]": 1} and \
                    burning_hours(got._units) != burning_hours(self.value._units):
                self._calendar_and_burning(got, raw, name)
            return got.to(self.value.units)
        if isinstance(got, reg.Quantity) and is_percent(got):
            return float(got.to("").magnitude)  # '5 %' for a plain number is 0.05
        if isinstance(got, reg.Quantity):
            raise LCCError(Msg("{name}: got {raw!r} but the value {value!r} is a plain number",
                               name=name, raw=_written(raw), value=_written(self.value)),
                           field=name, code="invalid-value")
        return got

    def _calendar_and_burning(self, got: Any, raw: Any, name: str) -> None:
        """Refuse calendar time for a value in hours of operation, or hours for a value in
        calendar time: pint converts one into the other over every hour of the year (10 yr is
        87 660 h), but a life or interval in hours counts burning hours, which become years
        only over the operating hours of the item it stands in."""
        hours = got.to("h").magnitude
        if burning_hours(self.value._units):
            message = Msg(
                "{name}: got {raw!r}, calendar time, for a value in hours of operation "
                "({value}); it would count as {hours} of operation, every hour of the year. "
                "Write it in hours of operation, as the value is, or give the value in years",
                name=name, raw=_written(raw), value=UnitText(format_quantity(self.value)),
                hours=UnitText(f"{hours:.6g} h"))
        else:
            message = Msg(
                "{name}: got {raw!r}, hours of operation, for a value in calendar time "
                "({value}); it would count as {years} of calendar time, every hour of the year. "
                "Write it in {unit}, as the value is, or give the value in hours of operation "
                "(read over the operating hours per year of the item it stands in)",
                name=name, raw=_written(raw), value=UnitText(format_quantity(self.value)),
                years=UnitText(f"{got.to('yr').magnitude:.6g} yr"),
                unit=UnitText(self.unit_text))
        raise LCCError(message, field=name, code="wrong-unit")

    @property
    def unit(self) -> Any:
        """The pint unit of the value, or None for a plain number."""
        reg = get_registry()
        return self.value.units if isinstance(self.value, reg.Quantity) else None

    @property
    def unit_text(self) -> str:
        """The unit as text ('' for a plain number)."""
        from lcc.units import pretty_units

        return pretty_units(self.unit) if self.unit is not None else ""

    @property
    def magnitude(self) -> Any:
        """The value's magnitude in its own unit (float or samples)."""
        reg = get_registry()
        return self.value.magnitude if isinstance(self.value, reg.Quantity) else self.value

    @property
    def low_magnitude(self) -> float | None:
        """``low`` as a number in the value's unit."""
        return None if self.low is None else float(_mag(self.low))

    @property
    def high_magnitude(self) -> float | None:
        """``high`` as a number in the value's unit."""
        return None if self.high is None else float(_mag(self.high))

    def with_value(self, value: Any) -> Parameter:
        """A copy with another value (same unit when a number is given)."""
        reg = get_registry()
        if self.unit is not None and not isinstance(value, (str, reg.Quantity)):
            value = reg.Quantity(value, self.unit)
        return Parameter(
            self.name, value, role=self.role, low=self.low, high=self.high,
            distribution=self.distribution, description=self.description, source=self.source,
        )

    def describe(self) -> str:
        """One line for traces: name, value, role and range."""
        text = f"{self.name} = {_show(self.value)} ({self.role})"
        if self.low is not None or self.high is not None:
            text += f", range {_show(self.low)} … {_show(self.high)}"
        if self.source:
            text += f"; source: {self.source}"
        return text

    def same_as(self, other: Parameter) -> bool:
        """Whether two Parameters under one name say the same thing."""
        return (
            self.name == other.name
            and same(self.value, other.value)
            and same(self.low, other.low)
            and same(self.high, other.high)
            and self.role == other.role
            and (self.distribution is other.distribution
                 or repr(_dist_key(self.distribution)) == repr(_dist_key(other.distribution)))
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Parameter) and self.same_as(other) and (
            self.description == other.description and self.source == other.source
        )

    __hash__ = None  # type: ignore[assignment]


def burning_hours(units: Any) -> bool:
    """Whether pint units (``Quantity._units``) are hours of operation, ``h`` or ``kh``: a
    life or interval given so counts burning hours, not calendar time."""
    return bool(units) and set(units) <= {"hour", "kilohour"} and \
        all(v == 1 for v in units.values())


def _dist_key(dist: Any) -> Any:
    if dist is None:
        return None
    return (getattr(getattr(dist, "dist", None), "name", None), dist.args,
            sorted(dist.kwds.items()))


def _mag(value: Any) -> Any:
    return value.magnitude if hasattr(value, "magnitude") else value


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if hasattr(value, "units"):
        return format_quantity(value)
    if isinstance(value, np.ndarray):
        return f"[{value.size} samples, mean {value.mean():.6g}]"
    return f"{value:.6g}"


#: The last calendar year a per-year sequence may start in.
MAX_YEAR = 9999


@dataclass(frozen=True, eq=False)
class ByYear:
    """A per-year sequence: one value for each year, not samples.

    Parameters
    ----------
    values : sequence of float
        The value of each year, starting at ``first_year``.
    unit : str or pint.Unit, optional
        The unit of every value (``"SEK/kg"``); None for plain numbers such as
        escalation rates.
    first_year : int
        The year of ``values[0]``. Values up to 999 are study years (year 1 is
        the first year after the base date); 1000 and later are calendar years,
        aligned through ``Study(base_year=)`` (study year k is calendar year
        base_year + k − 1).

    Notes
    -----
    An ndarray elsewhere means samples; a ByYear (or a plain list for
    dimensionless inputs such as escalation) means years. A sequence shorter
    than the years it must cover is an error naming the missing years; a
    longer one is cut and the cut is listed in the result's warnings.
    """

    values: Any
    unit: Any = None
    first_year: int = 1

    def __post_init__(self) -> None:
        errors: list[LCCError] = []

        def bad(field: str, code: str, message: Msg) -> None:
            errors.append(LCCError(message, field=field, code=code, detail=message.detail()))

        values = self.values
        if isinstance(values, (str, bytes)) or not isinstance(values, (Sequence, np.ndarray)):
            message = Msg("{name}: expected a sequence of numbers, got {values!r}",
                          name="ByYear.values", values=values)
            raise LCCError(message, field="ByYear.values", code="wrong-type",
                           detail=message.detail())
        arr = np.asarray(values, dtype=object) if not isinstance(values, np.ndarray) else values
        if arr.ndim == 1 and arr.size > MAX_SEQUENCE:
            bad("ByYear.values", "too-many", Msg(
                "{name}: {count} yearly values; the limit is {limit}", name="ByYear.values",
                count=arr.size, limit=MAX_SEQUENCE))
        elif arr.ndim != 1 or arr.size == 0:
            bad("ByYear.values", "invalid-value",
                Msg("{name}: an empty list; give one value per year", name="ByYear.values")
                if arr.size == 0 else
                Msg("{name}: expected a flat list of yearly values", name="ByYear.values"))
        else:
            for i, v in enumerate(arr.tolist()):
                name = f"ByYear.values[{i}]"
                if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)):
                    bad(name, "wrong-type",
                        Msg("{name}: expected a number, got {value!r}", name=name, value=v))
                elif isinstance(v, int) and abs(v) > LARGEST_FLOAT:
                    bad(name, "invalid-value", too_large(v, name))
                elif not math.isfinite(v):
                    bad(name, "invalid-value",
                        Msg("{name}: got {value!r}; expected a finite number", name=name,
                            value=v))
        first = self.first_year
        if isinstance(first, bool) or not isinstance(first, (int, np.integer)):
            bad("ByYear.first_year", "wrong-type", Msg(
                "{name}: got {value!r}; expected a study year (1, 2, …) or a calendar year "
                "such as 2025", name="ByYear.first_year", value=first))
        elif not 1 <= first <= MAX_YEAR:
            bad("ByYear.first_year", "invalid-value", Msg(
                "{name}: got {value!r}; expected a study year (1, 2, …) or a calendar year "
                "such as 2025", name="ByYear.first_year", value=first))
        unit_q = None
        if self.unit is not None:
            reg = get_registry()
            if isinstance(self.unit, reg.Unit):
                unit_q = reg.Quantity(1.0, self.unit)
            elif isinstance(self.unit, str):
                from lcc.units import _parse_text, _with_unit

                try:
                    unit_q = _parse_text(_with_unit("1", self.unit), "ByYear.unit")
                except LCCError as exc:
                    errors.append(LCCError(exc.message, field="ByYear.unit",
                                           code=exc.code or "invalid-value",
                                           detail=exc.message.detail()
                                           if isinstance(exc.message, Msg) else None))
            else:
                bad("ByYear.unit", "wrong-type",
                    Msg("{name}: expected a unit such as 'SEK/kg', got {unit!r}",
                        name="ByYear.unit", unit=self.unit))
        raise_collected(errors)
        arr = np.array(arr, dtype=float)
        arr.setflags(write=False)
        object.__setattr__(self, "values", arr)
        object.__setattr__(self, "first_year", int(first))
        object.__setattr__(self, "_unit_q", unit_q)

    @property
    def unit_quantity(self) -> Any:
        """One of the unit as a pint Quantity (None without a unit)."""
        return self._unit_q  # type: ignore[attr-defined]

    @property
    def calendar(self) -> bool:
        """Whether ``first_year`` is a calendar year (1000 or later)."""
        return self.first_year >= 1000

    @property
    def last_year(self) -> int:
        """The year of the last value."""
        return self.first_year + len(self.values) - 1

    def quantity(self) -> Any:
        """The values as a pint Quantity array (or a plain array without unit)."""
        if self.unit_quantity is None:
            return np.array(self.values)
        return np.array(self.values) * self.unit_quantity

    def __len__(self) -> int:
        return len(self.values)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, ByYear)
            and self.first_year == other.first_year
            and same(self.unit, other.unit)
            and np.array_equal(self.values, other.values)
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        vals = ", ".join(f"{v:g}" for v in self.values[:6])
        more = ", …" if len(self.values) > 6 else ""
        unit = f", unit={str(self.unit)!r}" if self.unit is not None else ""
        return f"ByYear([{vals}{more}]{unit}, first_year={self.first_year})"
