"""Break-even (switching) values: where two alternatives cost the same."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from lcc._errors import LCCError, Msg, join
from lcc._i18n import number
from lcc.model._study import Study
from lcc.results._describe import ParameterName
from lcc.sensitivity._model import Model, difference_label
from lcc.sensitivity._words import Figure, Figures, Percent, Unit

#: Points of the scan for sign changes before brentq refines each crossing.
GRID = 129
#: |f(root)| above this share of |f| at the sub-bracket ends marks a jump, not a crossing.
JUMP = 1e-6


class BreakEvenWarning(UserWarning):
    """:func:`break_even` found no crossing, several, or only a jump across zero."""


@dataclass(frozen=True)
class BreakEven:
    """Outcome of a break-even search for one input (values in its own unit).

    ``value`` is None when the two alternatives do not cross in the bracket;
    ``reason`` then says why, and otherwise notes jumps or several crossings
    ('' for one clean crossing). ``crossings`` lists every value found.
    """

    parameter: str
    pair: tuple[str, str]
    bracket: tuple[float, float]
    value: float | None
    reason: str
    crossings: list[float] = field(default_factory=list)
    jump: bool = False


def _description(inp: Any) -> str | None:
    return getattr(getattr(inp, "parameter", None), "description", None)


def _search(model: Model, name: str, pair: tuple[int, int], lo: float, hi: float,
            arg: str = "bracket") -> BreakEven:
    a, b = pair
    na, nb = model.names[a], model.names[b]
    dlabel = difference_label(nb, na)
    inp = model.inputs[name]
    unit = f" {inp.unit}" if inp.unit else ""
    rate = model.is_rate(name) and not inp.unit  # a fraction's figures as percentages, as
    # the tables show them; a rate held in percent ('4 %') is in its unit already

    def figure(x: float, text: str) -> Msg:
        return Percent(x) if rate else Figure(x, text)
    label = (na, nb)
    xs = np.linspace(lo, hi, GRID)
    model.check_values(name, xs, Msg("bracket of {name!r}", name=name), arg=arg)
    try:
        values = model.evaluate_points([{name: float(x)} for x in xs])
    except LCCError as exc:
        raise LCCError(Msg("break-even of {name!r} over the bracket ({low:g}, {high:g}){unit}: "
                           "{problem}", name=name, low=lo, high=hi, unit=unit,
                           problem=exc.message), field=model.field(arg),
                       code=exc.code or "invalid-value") from None
    f = values[a] - values[b]
    if not np.all(np.isfinite(f)):
        raise LCCError(Msg("break-even of {name!r} over the bracket ({low:g}, {high:g}){unit}: "
                           "the LCC cannot be computed somewhere in it; narrow the bracket",
                           name=name, low=lo, high=hi, unit=unit), field=model.field(arg),
                       code="invalid-value")
    scale = max(float(np.abs(values[[a, b]]).max()), 1.0)
    if np.all(np.abs(f - f[0]) <= 1e-12 * scale):
        return BreakEven(name, label, (lo, hi), None,
                         Msg("the difference {difference} does not change with {name!r} "
                             "(the two depend on it alike, or not at all)", difference=dlabel,
                             name=ParameterName(name, _description(inp))))

    from scipy.optimize import brentq

    def diff(x: float) -> float:
        v = model.evaluate_points([{name: x}])[:, 0]
        return float(v[a] - v[b])

    roots: list[tuple[float, bool]] = []
    for i in np.flatnonzero(f == 0.0):
        roots.append((float(xs[i]), False))
    for i in np.flatnonzero(f[:-1] * f[1:] < 0):
        x0, x1 = float(xs[i]), float(xs[i + 1])
        r = float(brentq(diff, x0, x1, xtol=1e-12, rtol=4 * np.finfo(float).eps))
        jump = abs(diff(r)) > JUMP * max(abs(f[i]), abs(f[i + 1]))
        roots.append((r, jump))
    if not roots:
        cheaper, dearer = (na, nb) if f[0] < 0 else (nb, na)
        # the difference at each end of the bracket, each beside its end: 'from {least} to
        # {most}' read as the values at the low and the high end, which they were not where
        # the difference falls as the input rises (a discount rate)
        at_low, at_high = float(-f[0]), float(-f[-1])
        return BreakEven(
            name, label, (lo, hi), None,
            Msg("{cheaper} is cheaper than {dearer} over the whole bracket [{low}, {high}]{unit} "
                "(difference {difference}: {at_low} at {low}{unit} and {at_high} at "
                "{high}{unit}); no crossing (scanned at {points} points)", cheaper=cheaper,
                dearer=dearer, low=figure(lo, f"{lo:g}"), high=figure(hi, f"{hi:g}"),
                unit=Unit(unit), difference=dlabel,
                at_low=Figure(at_low, number(at_low, "en", 2), 2),
                at_high=Figure(at_high, number(at_high, "en", 2), 2), points=GRID),
        )
    roots.sort()
    value, jump = min(roots, key=lambda rj: abs(rj[0] - inp.base))
    notes: list[Msg] = []
    if len(roots) > 1:
        notes.append(Msg("{n} crossings in the bracket, at {values}{unit}; this is the one "
                         "nearest the base value {base}", n=len(roots),
                         values=join(", ", [Percent(r) for r, _ in roots]) if rate else
                         Figures([r for r, _ in roots]), unit=Unit(unit),
                         base=figure(inp.base, f"{inp.base:g}")))
    if jump:
        notes.append(Msg("the difference {difference} jumps across zero at {value}{unit} (a "
                         "step such as a change in the number of replacements): the two never "
                         "cost exactly the same; this is where the ranking switches",
                         difference=dlabel, value=figure(value, f"{value:.6g}"),
                         unit=Unit(unit)))
    reason: str = ""
    if len(notes) == 2:
        reason = Msg("{first}; {second}", first=notes[0], second=notes[1])
    elif notes:
        reason = notes[0]
    return BreakEven(name, label, (lo, hi), value, reason, [r for r, _ in roots], jump)


def _bracket(model: Model, name: str, bracket: Any, where: str) -> tuple[float, float]:
    if bracket is None:
        rng = model.inputs[name].declared_range
        if rng is None:
            raise LCCError(Msg(
                "{where}: parameter {name!r} has no range; give bracket=(low, high) in its "
                "unit or declare low= and high= on the Parameter", where=where, name=name),
                field=model.field("bracket"), code="missing-field")
        lo, hi = rng
    else:
        lo, hi = model.own_range(name, bracket, "bracket", arg="bracket")
    if not lo < hi:
        raise LCCError(Msg("{where}: the bracket of {name!r} is ({low:g}, {high:g}); expected "
                           "low < high", where=where, name=name, low=lo, high=hi),
                       field=model.field("bracket"), code="invalid-value")

    return lo, hi


def break_even(alternatives: Any, study: Study, parameter: str, *, pair: Any = None,
               bracket: Any = None) -> float | None:
    """The value of one input at which two alternatives have the same LCC.

    The difference LCC_B(x) − LCC_A(x) ("B minus A") is scanned at 129 points of the
    bracket in one vectorised evaluation; each sign change is refined with
    Brent's method (:func:`scipy.optimize.brentq`, Brent 1973). Every other
    input stays at its base value.

    Parameters
    ----------
    alternatives : Alternative or sequence of Alternative
    study : Study
    parameter : str
        A Parameter's name, or ``"discount_rate"``.
    pair : (str, str), optional
        Names of the two alternatives (A, B), A the reference; default the two
        with the lowest LCC at base values (A the best, B the runner-up).
    bracket : (low, high), optional
        Search interval in the parameter's own unit; default the Parameter's
        declared (low, high).

    Returns
    -------
    float or None
        The break-even value in the parameter's own unit, or None when the two
        do not cross in the bracket. The reason for None — and a note when the
        value is a jump across zero (a step, such as one more replacement,
        rather than a point of equal cost) or one of several crossings (the one
        nearest the base value is returned) — is given as a
        :class:`BreakEvenWarning`. :func:`switching_values` gives the same for
        every input as a table.

    Raises
    ------
    LCCError
        Unknown parameter or alternative, no bracket and no declared range, a
        bracket that is not (low, high) with low < high, or an LCC that cannot be
        evaluated inside the bracket (e.g. a discount rate <= −100 %).
    """
    model = Model(alternatives, study, "break_even")
    name = model.resolve(parameter, "parameter", arg="parameter")
    a, b = model.pair(pair)
    lo, hi = _bracket(model, name, bracket, "break_even")
    res = _search(model, name, (a, b), lo, hi)
    if res.reason:
        warnings.warn(f"break_even({name!r}, pair={res.pair}): {res.reason}",
                      BreakEvenWarning, stacklevel=2)
    return res.value


def switching_values(alternatives: Any, study: Study, *, pair: Any = None,
                     ranges: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Break-even value of every input with a range, for one pair of alternatives.

    Parameters
    ----------
    alternatives : Alternative or sequence of Alternative
    study : Study
    pair : (str, str), optional
        (A, B); default the two with the lowest LCC at base values (A the best).
    ranges : mapping, optional
        ``name -> (low, high)`` search brackets in each parameter's own unit;
        override the declared ranges.

    Returns
    -------
    pandas.DataFrame
        One row per input with a range (``"discount_rate"`` first, then by
        name), columns ``parameter, unit, base, low, high, break_even,
        relative_change, reason``: ``break_even`` is NaN where the two do not
        cross; ``relative_change = break_even / base − 1`` (NaN when the base is
        0); ``reason`` is '' for one clean crossing and otherwise explains (no
        crossing, a jump, several crossings — see :func:`break_even`).
        ``df.attrs``: ``"pair"`` (A, B), ``"difference"`` (its name, ``"B minus
        A"``), ``"difference_base"`` (LCC_B − LCC_A at base values, study
        currency), ``"skipped"`` (inputs without a range).
    """
    model = Model(alternatives, study, "switching_values")
    a, b = model.pair(pair)
    rngs, skipped = model.ranges(ranges, "ranges")
    rows: list[tuple[Any, ...]] = []
    for name, (lo, hi) in rngs.items():
        inp = model.inputs[name]
        if not lo < hi:
            rows.append((name, inp.unit, inp.base, lo, hi, np.nan, np.nan,
                         Msg("the range is a single value; nothing to search")))
            continue
        res = _search(model, name, (a, b), lo, hi, "ranges")
        x = np.nan if res.value is None else res.value
        rel = x / inp.base - 1.0 if inp.base != 0 else np.nan
        reason: Any = res.reason
        if inp.base == 0 and res.value is not None:  # said where the relative change is not
            zero = Msg("no relative change: the base value is 0")
            reason = Msg("{first}; {second}", first=reason, second=zero) if reason else zero
        rows.append((name, inp.unit, inp.base, lo, hi, x, rel, reason))
    df = pd.DataFrame(rows, columns=["parameter", "unit", "base", "low", "high", "break_even",
                                     "relative_change", "reason"])
    df.attrs["reasons"] = [r[-1] for r in rows]  # each a Msg ('' for a clean crossing)
    base = model.base_lcc()

    df.attrs["pair"] = (model.names[a], model.names[b])
    df.attrs["difference"] = difference_label(model.names[b], model.names[a])
    df.attrs["difference_base"] = float(base[b] - base[a])
    df.attrs["skipped"] = skipped
    df.attrs["unit"] = study.currency
    df.attrs["rates"] = [name for name in model.inputs if model.is_rate(name)]
    return df
