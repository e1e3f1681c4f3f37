"""Discount factors and rate conversions, vectorised over floats and arrays.

Every function broadcasts its arguments with numpy rules, so a discount rate
given as an array of samples gives an array of factors. Closed forms are
evaluated with ``log1p``/``expm1`` so they stay exact to full float precision
when the rate is tiny, and the limits are taken exactly: UPV = n at d = 0,
UPV* = n at d = e, CRF = 1/n at d = 0.

Notes
-----
Time convention (docs: Concepts › Time): t = 0 is the base date; the amount of year k
(k = 1..n) sits at t = k ("end", the default), k − 0.5 ("middle") or k − 1
("beginning"). "continuous" keeps the amount of year k at t = k but discounts
every flow with e^(−d·t), d read as a continuously compounded rate (NIST E3).
:data:`TIMING_TABLE` holds these rules once; the factors here and the engine
(:mod:`lcc.engine`) both read them from it, and both sum their uniform series
with :func:`geometric_sum`.

Rates are fractions (0.05 is 5 %); a rate given as text or as a quantity with a unit
(``"5 %"``, ``Q_(5, "%")``) is read as a fraction. A bare rate of 1 or more (or −1 or less)
is refused with the percentage reading offered, as in every rate lcc reads: ``upv(4, 20)``
would be 400 % (DESIGN §6); a rate of 100 % or more is written as text, ``upv("150 %",
20)``. Inside lcc, where the model has read the rate already, the factors take any rate
above −1.

Every factor is e^(−λ·t) with the discount log-rate λ = ln(1 + d) (discrete
timings) or λ = d (continuous), so a series of amounts escalating at e sums
x^k with x = e^(ln(1 + e) − λ): the geometric series, in closed form.

References
----------
.. [1] S. K. Fuller and S. R. Petersen, *Life-Cycle Costing Manual for the
   Federal Energy Management Program*, NIST Handbook 135 (1995 ed.),
   §5.4 and Table 5-1 (SPV, UPV, UPV*), §6 (CRF, annual value).
.. [2] EN 15459-1:2017, *Energy performance of buildings — Economic evaluation
   procedure for energy systems*, §6 (present value factor, annuity factor).
.. [3] I. Fisher, *The Theory of Interest* (1930): (1 + D) = (1 + d)(1 + i).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike

from lcc._errors import LCCError, Msg

__all__ = [
    "TIMINGS",
    "TIMING_TABLE",
    "TimingRule",
    "crf",
    "discount_factor",
    "geometric_sum",
    "irr",
    "legacy_real_rate",
    "nominal_rate",
    "npv",
    "real_rate",
    "spv",
    "timing_offset",
    "timing_rule",
    "upv",
    "upv_star",
]

Timing = Literal["end", "middle", "beginning", "continuous"]


@dataclass(frozen=True)
class TimingRule:
    """Where an annual amount sits in its year and how flows are discounted.

    Attributes
    ----------
    name : str
        "end", "middle", "beginning" or "continuous".
    offset : float
        How far before the end of its year the amount of year k sits [yr]:
        it is placed at t = k − offset.
    continuous : bool
        Discount with e^(−d·t), d a continuously compounded rate (NIST E3),
        instead of (1 + d)^(−t).
    """

    name: str
    offset: float
    continuous: bool

    def log_rate(self, d: Any) -> Any:
        """Discount log-rate λ [1/yr] such that a flow at t has the factor e^(−λ·t).

        λ = ln(1 + d) for the discrete timings, λ = d for "continuous". ``d``
        is a float or an array of samples and is not checked here (see
        :func:`upv` for the checks).
        """
        return d if self.continuous else np.log1p(d)


#: The timing conventions (docs: Concepts › Time), by name: the one table that
#: :func:`upv`, :func:`upv_star`, :func:`npv` and the engine read.
TIMING_TABLE: Mapping[str, TimingRule] = MappingProxyType({
    "end": TimingRule("end", 0.0, False),
    "middle": TimingRule("middle", 0.5, False),
    "beginning": TimingRule("beginning", 1.0, False),
    "continuous": TimingRule("continuous", 0.0, True),
})
TIMINGS: tuple[str, ...] = tuple(TIMING_TABLE)


def _number(x: Any, name: str, func: str) -> Any:
    """A rate given as text or as a quantity with a unit, as a fraction: ``"5 %"`` and
    ``Q_(5, "%")`` are 0.05 (numpy would take the text for an error and the quantity's
    magnitude, 5, for 500 %); numbers and arrays as they are."""
    if isinstance(x, str) or hasattr(x, "units"):
        from lcc.units import parse_number

        return parse_number(x, name=f"{func}.{name}")
    return x


def _rate(x: ArrayLike, name: str, func: str) -> np.ndarray:
    """A rate > −1, the argument ``name`` of the function ``func`` (the field of an error)."""
    x = _number(x, name, func)
    arr = np.asarray(x, dtype=float)
    if not np.all(np.isfinite(arr)):
        raise LCCError(Msg("{name}: got {x!r}; rates must be finite", name=name, x=x),
                       field=f"{func}.{name}", code="invalid-value")
    if np.any(arr <= -1.0):
        raise LCCError(Msg("{name}: got {x!r}; a rate must be greater than -1 (-100 %)",
                           name=name, x=x), field=f"{func}.{name}", code="invalid-value")
    return arr


def _given(x: Any, name: str, func: str) -> Any:
    """A rate as a caller gives it: a bare number of 1 or more (or −1 or less) is refused
    with the percentage reading offered, as in every rate lcc reads (4 would be 400 %); text
    or a quantity says what it means (``"150 %"``)."""
    from lcc.units import check_bare_rate

    if isinstance(x, (list, tuple)):  # a per-year sequence: each year's rate
        return [_given(v, name, func) for v in x]
    try:
        check_bare_rate(x, name)
    except LCCError as exc:
        exc.field = f"{func}.{name}"
        raise
    return x


def _years(n: ArrayLike, func: str) -> np.ndarray:
    """A number of years >= 0, the argument ``n`` of the function ``func``."""
    arr = np.asarray(n, dtype=float)
    if not np.all(np.isfinite(arr)) or np.any(arr < 0):
        raise LCCError(Msg("{name}: got {n!r}; the number of years must be finite and >= 0",
                           name="n", n=n), field=f"{func}.n", code="invalid-value")
    return arr


def timing_rule(timing: str) -> TimingRule:
    """The :class:`TimingRule` of a timing name (``LCCError`` for an unknown name).

    Examples
    --------
    >>> timing_rule("middle")
    TimingRule(name='middle', offset=0.5, continuous=False)
    """
    return _rule(timing, "timing_rule")


def _rule(timing: str, func: str) -> TimingRule:
    """The rule of ``timing``, the argument of the function ``func``."""
    try:
        return TIMING_TABLE[timing]
    except (KeyError, TypeError):
        raise LCCError(
            Msg("{name}: got {timing!r}, expected one of {choices}", name='timing',
                timing=timing, choices=', '.join(TIMINGS)), field=f"{func}.timing",
            code="invalid-value"
        ) from None


def _out(x: np.ndarray) -> Any:
    return float(x) if x.ndim == 0 else x


def timing_offset(timing: str) -> float:
    """How far before the end of its year an annual amount sits: 0, 0.5 or 1 [yr]."""
    return _rule(timing, "timing_offset").offset


def spv(d: ArrayLike, t: ArrayLike, *, continuous: bool = False) -> Any:
    """Single present value factor.

    Parameters
    ----------
    d : float or array
        Discount rate per year [1], > −1.
    t : float or array
        Time of the flow after the base date [yr]; may be fractional.
    continuous : bool
        Use e^(−d·t) (d continuously compounded) instead of (1 + d)^(−t).

    Returns
    -------
    float or ndarray
        SPV = (1 + d)^(−t)  (NIST Handbook 135, Table 5-1).

    Examples
    --------
    >>> round(spv(0.03, 10), 6)
    0.744094
    """
    return _spv(_given(d, "d", "spv"), t, continuous, "spv")


def _spv(d: ArrayLike, t: ArrayLike, continuous: bool, func: str) -> Any:
    dd = _rate(d, "d", func) if not continuous else np.asarray(_number(d, "d", func),
                                                                 dtype=float)
    tt = np.asarray(t, dtype=float)
    if continuous:
        return _out(np.exp(-dd * tt))
    return _out(np.exp(-tt * np.log1p(dd)))


def discount_factor(d: ArrayLike, t: ArrayLike, timing: str = "end") -> Any:
    """Present value factor of one flow at time ``t`` under a timing convention.

    (1 + d)^(−t) for the discrete timings, e^(−d·t) for "continuous".
    """
    return _spv(_given(d, "d", "discount_factor"), t,
                _rule(timing, "discount_factor").continuous, "discount_factor")


def geometric_sum(log_ratio: ArrayLike, n: ArrayLike) -> Any:
    """Sum of a geometric series: Σ_{k=1..n} x^k with x = e^(log_ratio).

    Parameters
    ----------
    log_ratio : float or array
        ln x, the log of the ratio between consecutive terms [1]. Give it as a
        difference of ``log1p`` values (ln(1 + e) − ln(1 + d)) rather than as
        the log of a computed ratio, so that x near 1 keeps full precision.
    n : float or array
        Number of terms; fractional n continues the closed form, n <= 0
        gives 0 (an empty sum).

    Returns
    -------
    float or ndarray
        S = x·(x^n − 1)/(x − 1), the arrays broadcast with numpy rules (a
        float when both inputs are scalars).

    Notes
    -----
    Evaluated as e^(ln x) · expm1(n·ln x) / expm1(ln x), exact to full float
    precision also when x is within rounding of 1, and S = n exactly at
    ln x = 0. With λ the discount log-rate of a :class:`TimingRule` and e an
    escalation rate, ln x = ln(1 + e) − λ gives the UPV* of amounts at the
    end of years 1..n (NIST Handbook 135, Table 5-1; :func:`upv_star`);
    amounts placed ``offset`` years earlier are worth e^(offset·λ) times as
    much. The engine sums replacement chains (x = growth × discount over one
    service life) and periodic costs with it too.

    Examples
    --------
    >>> geometric_sum(0.0, 20)
    20.0
    >>> round(geometric_sum(-np.log1p(0.06), 20), 4)  # UPV(6 %, 20 years)
    11.4699
    >>> geometric_sum(np.log(2.0), np.array([0, 1, 3]))
    array([ 0.,  2., 14.])
    """
    if isinstance(log_ratio, float) and isinstance(n, (int, float)):
        try:
            return _geometric_scalar(log_ratio, float(n))
        except OverflowError:
            pass
    lq = np.asarray(log_ratio, dtype=float)
    nn = np.asarray(n, dtype=float)
    if lq.ndim == 0 and nn.ndim == 0:
        try:
            return _geometric_scalar(float(lq), float(nn))
        except OverflowError:
            pass
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        s = np.expm1(nn * lq)
        s *= np.exp(lq)
        s /= np.expm1(lq)
    if s.ndim == 0:
        return float(0.0 if nn <= 0 else nn if lq == 0.0 else s)
    zero = lq == 0.0
    if zero.any():
        np.copyto(s, nn, where=zero)
    empty = nn <= 0
    if empty.any():
        np.copyto(s, 0.0, where=empty)
    return s


def _geometric_scalar(lq: float, n: float) -> float:
    """:func:`geometric_sum` of two floats (OverflowError where the sum overflows)."""
    if n <= 0.0:
        return 0.0
    if lq == 0.0:
        return n
    return math.expm1(n * lq) * math.exp(lq) / math.expm1(lq)


def upv(d: ArrayLike, n: ArrayLike, timing: str = "end") -> Any:
    """Uniform present value factor: PV of 1 per year for n years.

    Parameters
    ----------
    d : float or array
        Discount rate per year [1], > −1.
    n : float or array
        Number of years [yr], >= 0.
    timing : {"end", "middle", "beginning", "continuous"}
        Where in its year each annual amount sits (module Notes).

    Returns
    -------
    float or ndarray
        End of year: UPV = (1 − (1 + d)^(−n)) / d, = n at d = 0
        (NIST Handbook 135, Table 5-1; Energimyndigheten's "nusummefaktor").
        Middle: UPV·(1 + d)^0.5. Beginning: UPV·(1 + d).
        Continuous: Σ_{k=1..n} e^(−d·k).

    Examples
    --------
    >>> round(upv(0.06, 20), 4)
    11.4699
    >>> upv(0.0, 15)
    15.0
    """
    return _upv(_given(d, "d", "upv"), n, _rule(timing, "upv"), "upv")


def _upv(d: ArrayLike, n: ArrayLike, rule: TimingRule, func: str) -> Any:
    nn = _years(n, func)
    lam = _log_rate(rule, d, func)
    return _out(_shifted(np.asarray(geometric_sum(-lam, nn)), rule, lam))


def upv_star(
    d: ArrayLike,
    e: ArrayLike | Sequence[float],
    n: ArrayLike,
    timing: str = "end",
) -> Any:
    """Modified uniform present value factor: annual amounts escalating at e.

    The amount of year k is A·Π_{j≤k}(1 + e_j) (docs: Concepts › Time, escalation by study
    year), so with a constant rate it is A·(1 + e)^k.

    Parameters
    ----------
    d : float or array
        Discount rate per year [1], > −1.
    e : float, array, or list/tuple of per-year rates
        Escalation rate [1/yr], > −1. A list or tuple is a per-year sequence
        e_1, e_2, … (at least n long); an ndarray is samples of a constant rate.
    n : float or array
        Number of years [yr]; must be a whole number when ``e`` is a sequence.
    timing : {"end", "middle", "beginning", "continuous"}

    Returns
    -------
    float or ndarray
        Constant e, end of year:
        UPV* = (1 + e)/(d − e) · (1 − ((1 + e)/(1 + d))^n), = n at d = e
        (NIST Handbook 135, Table 5-1). With a sequence: Σ_k c_k (1 + d)^(−t_k).

    Examples
    --------
    >>> round(upv_star(0.05, 0.03, 20), 4)
    16.4437
    """
    rule = _rule(timing, "upv_star")
    _given(d, "d", "upv_star")
    e = _given(e, "e", "upv_star")
    if isinstance(e, list):
        return _upv_star_sequence(d, [_number(v, "e", "upv_star") for v in e], n, rule)
    ee = _rate(e, "e", "upv_star")
    nn = _years(n, "upv_star")
    lam = _log_rate(rule, d, "upv_star")
    return _out(_shifted(np.asarray(geometric_sum(np.log1p(ee) - lam, nn)), rule, lam))


def _log_rate(rule: TimingRule, d: ArrayLike, func: str) -> np.ndarray:
    """λ of a discount rate as an array (checked > −1 for the discrete timings)."""
    dd = np.asarray(_number(d, "d", func), dtype=float) if rule.continuous \
        else _rate(d, "d", func)
    return np.asarray(rule.log_rate(dd))


def _shifted(series: np.ndarray, rule: TimingRule, lam: np.ndarray) -> np.ndarray:
    """A series of end-of-year amounts moved ``offset`` years earlier: × e^(offset·λ)."""
    if rule.offset == 0.0:
        return series
    return series * np.exp(rule.offset * lam)


def _upv_star_sequence(d: ArrayLike, e: Sequence[float], n: ArrayLike,
                       rule: TimingRule) -> Any:
    nn = _years(n, "upv_star")
    if nn.ndim or nn != np.round(nn):
        raise LCCError(
            Msg("{name}: got {n!r}; with a per-year escalation sequence n must be one whole "
                "number", name='n', n=n), field="upv_star.n", code="invalid-value"
        )
    count = int(nn)
    seq = _rate(np.asarray(e, dtype=float), "e", "upv_star")
    if seq.ndim != 1:
        raise LCCError(Msg("{name}: a per-year escalation sequence must be a flat list of rates",
                           name='e'), field="upv_star.e", code="wrong-type")
    if seq.size < count:
        raise LCCError(
            Msg("{name}: the escalation sequence has {size} years but {count} are needed (years "
                "{size2}..{count} are missing)", name='e', size=seq.size, count=count,
                size2=seq.size + 1), field="upv_star.e", code="missing-field"
        )
    c = np.cumprod(1.0 + seq[:count])
    k = np.arange(1, count + 1, dtype=float)
    lam = _log_rate(rule, d, "upv_star")[..., None]
    df = np.exp(-(k - rule.offset) * lam)
    return _out(np.asarray((df * c).sum(axis=-1)))


def crf(d: ArrayLike, n: ArrayLike) -> Any:
    """Capital recovery factor: the annual amount over n years worth 1 today.

    CRF = d / (1 − (1 + d)^(−n)) = 1 / UPV(d, n); = 1/n at d = 0
    (NIST Handbook 135 §6; EN 15459-1 annuity factor).

    Examples
    --------
    >>> round(crf(0.05, 10), 6)
    0.129505
    """
    return _annuity(_given(d, "d", "crf"), n)


def _annuity(d: ArrayLike, n: ArrayLike, timing: str = "end") -> Any:
    """1 / UPV: :func:`crf` (end of year) or its continuous form, of a rate as lcc holds it
    (a fraction > −1 read by the model's rules, which may be 1 or more: '150 %')."""
    nn = _years(n, "crf")
    if np.any(nn <= 0):
        raise LCCError(Msg("{name}: got {n!r}; the capital recovery factor needs n > 0 years",
                           name='n', n=n), field="crf.n", code="invalid-value")
    return _out(1.0 / np.asarray(_upv(d, nn, TIMING_TABLE[timing], "crf")))


def real_rate(nominal: ArrayLike, inflation: ArrayLike) -> Any:
    """Real rate from a nominal rate and inflation, exactly (Fisher).

    d = (1 + D) / (1 + i) − 1

    Examples
    --------
    >>> round(real_rate(0.042, 0.012), 6)
    0.029644
    """
    big = _rate(_given(nominal, "nominal", "real_rate"), "nominal", "real_rate")
    i = _rate(_given(inflation, "inflation", "real_rate"), "inflation", "real_rate")
    return _out((1.0 + big) / (1.0 + i) - 1.0)


def nominal_rate(real: ArrayLike, inflation: ArrayLike) -> Any:
    """Nominal rate from a real rate and inflation, exactly (Fisher).

    D = (1 + d)(1 + i) − 1

    Examples
    --------
    >>> round(nominal_rate(0.03, 0.012), 6)
    0.04236
    """
    d = _rate(_given(real, "real", "nominal_rate"), "real", "nominal_rate")
    i = _rate(_given(inflation, "inflation", "nominal_rate"), "inflation", "nominal_rate")
    return _out((1.0 + d) * (1.0 + i) - 1.0)


def legacy_real_rate(nominal: ArrayLike, inflation: ArrayLike) -> Any:
    """The approximation d ≈ D − i that Swedish spreadsheets use.

    Provided only to reproduce old calculators ("Realränta = Ränta −
    Inflation", Upphandlingsmyndigheten's LCC tools). It is not exact: use
    :func:`real_rate`.
    """
    d = _rate(_given(nominal, "nominal", "legacy_real_rate"), "nominal", "legacy_real_rate")
    i = _number(_given(inflation, "inflation", "legacy_real_rate"), "inflation",
                "legacy_real_rate")
    return _out(d - np.asarray(i, dtype=float))


def npv(rate: ArrayLike, flows: ArrayLike, *, timing: str = "end") -> Any:
    """Net present value of a series of yearly flows.

    Parameters
    ----------
    rate : float, array or text
        Discount rate per year: a fraction (0.05) or a percentage written as text or as a
        quantity (``"5 %"``); a bare number of 1 or more (or −1 or less) is refused as in
        every rate lcc reads (``4`` would be 400 %). An array gives one NPV per rate.
    flows : array_like
        flows[0] sits at t = 0 (the base date); flows[k], k >= 1, is the amount
        of year k, placed by ``timing``.
    timing : {"end", "middle", "beginning", "continuous"}

    Returns
    -------
    float or ndarray

    Notes
    -----
    Like ``numpy_financial.npv``, values[0] is not discounted.

    Examples
    --------
    >>> round(npv(0.1, [-100, 60, 60]), 6)
    4.132231
    """
    rule = _rule(timing, "npv")
    cf = np.asarray(flows, dtype=float)
    if cf.ndim != 1 or cf.size == 0:
        raise LCCError(Msg("{name}: expected a non-empty one-dimensional sequence", name='flows'),
                       field="npv.flows", code="invalid-value" if cf.ndim == 1 else "wrong-type")
    t = np.arange(cf.size, dtype=float)
    t[1:] -= rule.offset
    rr = np.asarray(_number(_given(rate, "rate", "npv"), "rate", "npv"), dtype=float)[..., None]
    lam = rule.log_rate(rr if rule.continuous else _rate(rr, "rate", "npv"))
    df = np.exp(-t * lam)
    return _out(np.asarray((df * cf).sum(axis=-1)))


def irr(flows: ArrayLike) -> float:
    """Internal rate of return of yearly flows (flows[0] at t = 0).

    The rate r > −1 at which ``npv(r, flows) = 0``, found as a real positive
    root x = 1/(1 + r) of the polynomial Σ flows[k]·x^k. When several rates
    qualify, the one closest to zero is returned; NaN when there is none. A rate
    of 100 % or more is the number 1 or more; :func:`npv` takes it as text
    (``f"{r * 100} %"``), as every rate lcc reads.

    Examples
    --------
    >>> round(irr([-100, 39, 59, 55, 20]), 6)
    0.280948
    """
    cf = np.asarray(flows, dtype=float)
    if cf.ndim != 1 or cf.size < 2:
        raise LCCError(Msg("{name}: expected at least two yearly flows", name='flows'),
                       field="irr.flows", code="invalid-value" if cf.ndim == 1 else "wrong-type")
    if not np.all(np.isfinite(cf)):
        raise LCCError(Msg("{name}: values must be finite", name='flows'), field="irr.flows",
                       code="invalid-value")
    nz = np.flatnonzero(cf)
    if nz.size == 0:
        return float("nan")
    trimmed = cf[: nz[-1] + 1]
    roots = np.roots(trimmed[::-1])
    real = roots[(np.abs(roots.imag) <= 1e-10 * np.maximum(1.0, np.abs(roots.real)))].real
    real = real[real > 0]
    if real.size == 0:
        return float("nan")
    rates = 1.0 / real - 1.0
    return float(rates[np.argmin(np.abs(rates))])
