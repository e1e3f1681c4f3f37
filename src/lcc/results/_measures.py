"""Supplementary measures against a baseline (NIST Handbook 135 §6–7).

Plain, vectorised functions on present values and yearly flows.

References
----------
.. [1] S. K. Fuller and S. R. Petersen, NIST Handbook 135 (1995), §6
   (net savings, savings-to-investment ratio, adjusted internal rate of
   return) and §7 (simple and discounted payback).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from lcc.discounting import _given, _number


def net_savings(lcc_base: ArrayLike, lcc_alt: ArrayLike) -> Any:
    """NS = LCC_base − LCC_alt [currency]; positive when the alternative saves money.

    Examples
    --------
    >>> net_savings(1000.0, 800.0)
    200.0
    """
    out = np.asarray(lcc_base, dtype=float) - np.asarray(lcc_alt, dtype=float)
    return float(out) if out.ndim == 0 else out


def sir(savings: ArrayLike, added_investment: ArrayLike) -> Any:
    """Savings-to-investment ratio: PV of non-investment savings / PV of added investment.

    NaN where the added investment-related cost is ≤ 0 (the ratio is then
    not meaningful; NIST Handbook 135 §6.3).

    Parameters
    ----------
    savings : float or array
        PV of non-investment savings, base − alternative [currency].
    added_investment : float or array
        PV of added investment-related cost, alternative − base [currency]
        (acquisition + replacement + residual + end of life).

    Examples
    --------
    >>> sir(300.0, 200.0)
    1.5
    >>> sir(300.0, 0.0)
    nan
    """
    s = np.asarray(savings, dtype=float)
    i = np.asarray(added_investment, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(i > 0, s / np.where(i > 0, i, 1.0), np.nan)
    return float(out) if out.ndim == 0 else out


def airr(sir_value: ArrayLike, rate: ArrayLike, years: ArrayLike) -> Any:
    """Adjusted internal rate of return: AIRR = (1 + d)·SIR^(1/N) − 1.

    NaN where SIR is NaN or negative (NIST Handbook 135 §6.4, the
    reinvestment rate being the discount rate d).

    Examples
    --------
    >>> round(airr(1.5, 0.03, 20), 6)
    0.051095

    The rate is read as every rate: ``"3 %"`` is 0.03; a bare 3 is refused (it would be
    300 %).
    """
    return _airr(sir_value, _number(_given(rate, "rate", "airr"), "rate", "airr"), years)


def _airr(sir_value: ArrayLike, rate: ArrayLike, years: ArrayLike,
          continuous: bool = False) -> Any:
    """:func:`airr` of a rate as lcc holds it (read by the model's rules).

    With continuous discounting (factors e^(−d·t)) the savings reinvested at d grow by
    e^(d·N), so AIRR, a continuous rate like d, is d + ln(SIR)/N (NaN where SIR ≤ 0)."""
    s = np.asarray(sir_value, dtype=float)
    d = np.asarray(rate, dtype=float)
    n = np.asarray(years, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        if continuous:
            out = np.where(s > 0, d + np.log(np.where(s > 0, s, 1.0)) / n, np.nan)
        else:
            out = np.where(s >= 0, (1.0 + d) * np.power(np.where(s >= 0, s, 0.0), 1.0 / n)
                           - 1.0, np.nan)
    return float(out) if out.ndim == 0 else out


def _cumulative(differences: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """The cumulative difference over years 0..k, and the tolerance under which it is zero
    (the float sums of flows that exactly break even)."""
    diff = np.asarray(differences, dtype=float)
    return (np.cumsum(diff, axis=-1),
            1e-9 * np.maximum(np.cumsum(np.abs(diff), axis=-1), 1.0))


def behind_again(differences: ArrayLike) -> tuple[int, bool] | None:
    """After the payback year, the first year in which the cumulative difference is below
    zero again (a later replacement, a dearer operation), and whether it is still below
    zero at year N; None where it never falls behind after paying back (or never pays back).

    >>> behind_again([4000, 300, 300, -5000, 300]), behind_again([-1000, 600, 600, -500, 600])
    ((3, True), (3, False))
    >>> behind_again([-1000, 300, 300, 300, 300]) is None
    True
    """
    cum, tolerance = _cumulative(differences)
    ok = cum >= -tolerance
    if not ok.any():
        return None
    later = np.flatnonzero(~ok[int(np.argmax(ok)):])
    if not later.size:
        return None
    return int(np.argmax(ok)) + int(later[0]), bool(not ok[-1])


def payback(differences: ArrayLike) -> Any:
    """Payback year from yearly flow differences (base − alternative), years 0..N.

    The first year k at which the cumulative difference over years 0..k is ≥ 0: the year the
    savings have covered the added cost (NIST Handbook 135 §6.5; DESIGN §3); 0 if already at
    year 0; not defined (NaN) if never. Savings may fall behind again after it (a later
    replacement): :func:`behind_again` finds the year, and the comparison's notes say so.
    Give undiscounted differences for simple payback, discounted ones for discounted
    payback. The last axis is years; leading axes (samples) are kept.

    Examples
    --------
    >>> payback([-1000, 300, 300, 300, 300])
    4.0
    >>> payback([-1000, 100, 100])
    nan
    >>> payback([4000, 300, 300, -5000, 300])   # ahead at year 0 (behind again from year 3)
    0.0
    >>> payback([-100, 60, 60, -140, 60, 60, 60])   # covered in year 2, behind in 3 and 4
    2.0
    """
    cum, tolerance = _cumulative(differences)
    ok = cum >= -tolerance
    first = np.argmax(ok, axis=-1).astype(float)
    out = np.where(ok.any(axis=-1), first, np.nan)
    return float(out) if np.ndim(out) == 0 else out
