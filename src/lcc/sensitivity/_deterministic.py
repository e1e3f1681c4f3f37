"""One-at-a-time sensitivity (tornado) and named scenarios."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from lcc._errors import LCCError
from lcc.model._study import Study
from lcc.sensitivity._model import Model, difference_label, ranks

#: Relative change of an LCC below which an input counts as not affecting it.
UNCHANGED = 1e-12

TORNADO_COLUMNS = ["parameter", "alternative", "low", "high", "lcc_low", "lcc_high", "swing",
                   "base", "lcc_base", "unit"]


def tornado(alternatives: Any, study: Study,
            ranges: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """One-at-a-time sensitivity of each alternative's LCC to each input (tornado table).

    Each input with a range is set to its low and then its high value while
    every other input stays at its base value; the LCC of every alternative
    is evaluated at those points in one vectorised call of the engine.

    Parameters
    ----------
    alternatives : Alternative or sequence of Alternative
    study : Study
    ranges : mapping, optional
        ``name -> (low, high)`` in the parameter's own unit (numbers, or
        quantities/strings that convert to it); overrides the ``low``/``high``
        declared on the Parameter. ``"discount_rate"`` addresses the study's
        rate.

    Returns
    -------
    pandas.DataFrame
        One row per (input, alternative the input affects), columns
        ``parameter, alternative, low, high, lcc_low, lcc_high, swing`` and
        also ``base`` (the input's base value), ``lcc_base`` and ``unit`` (the
        input's own unit). ``low``/``high``/``base`` are in the input's own unit;
        the LCCs and ``swing = |lcc_high − lcc_low|`` in the study currency.
        Sorted by swing, largest first.

        With two or more alternatives, extra rows with ``alternative =
        "difference: A − B"`` give the swing of LCC_A − LCC_B, where A and B
        are the two alternatives with the lowest LCC at base values (A the
        best): a bar that crosses zero means the input can change which of the
        two wins.

        A row is left out when the input does not change that alternative's
        LCC (nor, for a difference row, the difference) at either end, by more
        than 1e-12 of the LCC (rounding).
        ``df.attrs``: ``"skipped"`` (inputs without a range), ``"pair"``
        (A, B), ``"base_lcc"`` (dict alternative -> LCC at base values) and
        ``"unit"`` (study currency).

    Raises
    ------
    LCCError
        An unknown name in ``ranges`` (the message lists the known ones), or a
        range that is not a pair low <= high.

    Notes
    -----
    This is the one-way (one-factor-at-a-time) sensitivity analysis of NIST
    Handbook 135 (1995), §7.1; it ignores interactions between inputs (see
    :func:`sobol` for that).
    """
    model = Model(alternatives, study)
    rngs, skipped = model.ranges(ranges, "ranges")
    base = model.base_lcc()
    pair = model.pair(None) if len(model.names) > 1 else None
    points: list[dict[str, float]] = []
    for name, (lo, hi) in rngs.items():
        model.check_values(name, [lo, hi], f"ranges[{name!r}]")
        points += [{name: lo}, {name: hi}]
    values = model.evaluate_points(points)
    rows = []
    for i, (name, (lo, hi)) in enumerate(rngs.items()):
        inp = model.inputs[name]
        at_lo, at_hi = values[:, 2 * i], values[:, 2 * i + 1]
        series = [(alt, at_lo[k], at_hi[k], base[k], abs(base[k]))
                  for k, alt in enumerate(model.names)]
        if pair is not None:
            a, b = pair
            series.append((difference_label(model.names[a], model.names[b]),
                           at_lo[a] - at_lo[b], at_hi[a] - at_hi[b], base[a] - base[b],
                           max(abs(base[a]), abs(base[b]))))
        for label, v_lo, v_hi, v_base, scale in series:
            tol = UNCHANGED * max(scale, 1.0)
            if abs(v_lo - v_base) <= tol and abs(v_hi - v_base) <= tol:
                continue
            rows.append((name, label, lo, hi, float(v_lo), float(v_hi), abs(float(v_hi - v_lo)),
                         inp.base, float(v_base), inp.unit))
    df = pd.DataFrame(rows, columns=TORNADO_COLUMNS)
    df = df.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)
    df.attrs["skipped"] = skipped
    df.attrs["pair"] = None if pair is None else (model.names[pair[0]], model.names[pair[1]])
    df.attrs["base_lcc"] = {n: float(v) for n, v in zip(model.names, base, strict=True)}
    df.attrs["unit"] = study.currency
    return df


def scenarios(alternatives: Any, study: Study, scenarios: Mapping[str, Mapping[str, Any]], *,
              include_base: bool = True) -> pd.DataFrame:
    """LCC and rank of every alternative in named scenarios.

    Parameters
    ----------
    alternatives : Alternative or sequence of Alternative
    study : Study
    scenarios : mapping
        ``{scenario_name: {parameter: value}}``; values in the parameter's own
        unit (numbers, or quantities/strings that convert to it). Inputs a
        scenario does not name keep their base values.
    include_base : bool
        Add a first row ``"base"`` with every input at its base value.

    Returns
    -------
    pandas.DataFrame
        Wide format: index ``scenario`` (in the given order, ``"base"`` first),
        columns a two-level index — ``("lcc", alternative)`` the LCC in the study
        currency and ``("rank", alternative)`` the rank (1 = lowest LCC; ties,
        relative difference < 1e-9, share a rank). ``df["lcc"]`` and
        ``df["rank"]`` give the two tables. ``df.attrs``: ``"best"`` (dict
        scenario -> alternatives ranked 1), ``"scenarios"`` (the values used, own
        units) and ``"unit"`` (study currency).

    Raises
    ------
    LCCError
        An unknown parameter (the message lists the known ones), a value that is
        not a single number in the parameter's unit, or a scenario named
        ``"base"`` while ``include_base`` is true.
    """
    model = Model(alternatives, study)
    if not isinstance(scenarios, Mapping):
        raise LCCError(f"scenarios: got {type(scenarios).__name__}; expected a mapping "
                       f"{{scenario_name: {{parameter: value}}}}")
    names: list[str] = ["base"] if include_base else []
    points: list[dict[str, float]] = [{}] if include_base else []
    for sname, assignment in scenarios.items():
        if not isinstance(sname, str) or not sname:
            raise LCCError(f"scenarios: got the scenario name {sname!r}; expected a non-empty "
                           f"string")
        if sname == "base" and include_base:
            raise LCCError("scenarios: a scenario is named 'base', which is the row of base "
                           "values; rename it or pass include_base=False")
        if not isinstance(assignment, Mapping):
            raise LCCError(f"scenarios[{sname!r}]: got {assignment!r}; expected a mapping "
                           f"{{parameter: value}}")
        point: dict[str, float] = {}
        for key, value in assignment.items():
            where = f"scenarios[{sname!r}][{key!r}]"
            name = model.resolve(key, where)
            if name in point:
                raise LCCError(f"{where}: the discount rate is given twice (as "
                               f"'discount_rate' and by its Parameter name)")
            point[name] = model.own_value(name, value, where)
            model.check_values(name, point[name], where)
        names.append(sname)
        points.append(point)
    if not points:
        raise LCCError("scenarios: got no scenarios and include_base=False; nothing to evaluate")
    values = model.evaluate_points(points)  # (alternatives, scenarios)
    rank = ranks(values)
    lcc_part = pd.DataFrame(values.T, index=names, columns=model.names)
    rank_part = pd.DataFrame(rank.T, index=names, columns=model.names)
    df = pd.concat({"lcc": lcc_part, "rank": rank_part}, axis=1)
    df.index.name = "scenario"
    df.attrs["best"] = {s: [a for a, r in zip(model.names, rank[:, i], strict=True) if r == 1]
                        for i, s in enumerate(names)}
    df.attrs["scenarios"] = dict(zip(names, points, strict=True))
    df.attrs["unit"] = study.currency
    return df
