"""The charts: cumulative cost, breakdown, tornado, distributions, break-even."""

from __future__ import annotations

import io
import textwrap
from collections import Counter
from collections.abc import Iterable
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, MaxNLocator

from lcc._errors import LCCError, Msg, os_reason
from lcc._text import math_text as safe
from lcc._text import shown as one_line
from lcc.plot._labels import label, money_axis
from lcc.results._measures import behind_again
from lcc.results._measures import payback as measure_payback

#: One colour per category, stable across charts.
CATEGORY_COLOURS = {
    "acquisition": "#1f4e79",
    "replacement": "#2e75b6",
    "residual": "#9dc3e6",
    "energy": "#c55a11",
    "water": "#5b9bd5",
    "consumables": "#7f6000",
    "maintenance": "#548235",
    "end_of_life": "#7030a0",
    "externality": "#a5a5a5",
    "other": "#404040",
}


#: The most characters of a name on a chart (the tables give it whole): a 10 000-character
#: bid name made every chart of a report thousands of points wide and blank.
_LONGEST = 60


def _cut(text: Any, limit: int = _LONGEST) -> str:
    """A name as a chart shows it: on one line, at most ``limit`` characters, cut in the
    middle with '…' (bids named alike mostly differ at the end: '… alternativ 2')."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    head = (limit - 1) * 2 // 3
    return text[:head].rstrip() + "…" + text[head - limit + 1:].lstrip()


def _short(names: Iterable[Any], limit: int = _LONGEST) -> dict[Any, str]:
    """Each name as one chart shows it (:func:`_cut`); names that would still look alike
    get their place in the list, ``[1]``, ``[2]``, as the tables give them whole."""
    cut = {n: _cut(n, limit) for n in names}
    seen = Counter(cut.values())
    return {n: f"{c} [{i}]" if seen[c] > 1 else c for i, (n, c) in enumerate(cut.items(), 1)}


def _ax(ax: Axes | None, size: tuple[float, float] = (7.5, 4.2)) -> Axes:
    if ax is not None:
        return ax
    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _unit(text: str, lang: str) -> str:
    from lcc._i18n import unit

    return unit(text, lang)


def _money_ticks(axis: Any, lang: str) -> None:
    axis.set_major_formatter(FuncFormatter(lambda v, _: money_axis(v, lang)))


def _results(obj: Any, func: str) -> tuple[list[Any], str | None, Any]:
    """(LCCResults, baseline name, study) from a Comparison, a result or a list of results
    (the argument ``obj`` of the chart ``func``)."""
    from lcc.results import Comparison, LCCResult

    if isinstance(obj, Comparison):
        return list(obj.results.values()), obj.baseline, obj.study
    if isinstance(obj, LCCResult):
        return [obj], None, obj.study
    items = list(obj)
    if not items or not all(isinstance(r, LCCResult) for r in items):
        raise LCCError(Msg("expected a Comparison, an LCCResult or a list of LCCResults"),
                       field=f"{func}.obj", code="wrong-type")
    return items, items[0].name, items[0].study


def cumulative(obj: Any, *, discounted: bool = True, ax: Axes | None = None,
               lang: str = "en", mark: bool = True) -> Axes:
    """Cumulative cost per alternative over the study period, crossings marked.

    Parameters
    ----------
    obj : Comparison, LCCResult or list of LCCResult
    discounted : bool
        Cumulative present value (default) or undiscounted amounts.
    ax : matplotlib Axes, optional
    lang : {"en", "sv"}
    mark : bool
        Mark each alternative's payback year against the baseline, and the year
        its savings fall behind again after it (a crossing of the curves).

    Returns
    -------
    matplotlib.axes.Axes
    """
    results, baseline, study = _results(obj, "cumulative")
    ax = _ax(ax)
    kind = "present_value" if discounted else "nominal"
    curves = {}
    short = _short(r.name for r in results)
    end = float(study.years) + _PAST_END  # the last step (year N, residual) drawn past N
    ends: list[tuple[str, float, Any]] = []
    for r in results:
        series = r.cash_flows[kind]["total"].cumsum()
        curves[r.name] = series
        x = np.append(series.index.to_numpy(dtype=float), end)
        y = np.append(series.to_numpy(dtype=float), float(series.iloc[-1]))
        ending = _end_text(obj, float(y[-1]), study, lang, discounted)
        (line,) = ax.step(x, y, where="post", linewidth=2,
                          label=safe(f"{short[r.name]} ({ending})"))
        ax.plot([end], [y[-1]], marker="o", markersize=5, color=line.get_color(), zorder=4,
                clip_on=False)
        ends.append((r.name, float(y[-1]), line.get_color()))
    labels: list[tuple[float, float, str, str]] = []  # (x, y, text, kind) of each mark
    if mark and baseline is not None and len(results) > 1:
        base = curves[baseline].to_numpy()
        paybacks = _paybacks(obj, discounted)
        for name, series in curves.items():
            if name == baseline:
                continue
            diff = base - series.to_numpy()
            yearly = np.diff(diff, prepend=0.0)
            # the payback year the comparison's table gives (the first year the savings have
            # covered the added cost), and where they fall behind again after it, marked as a
            # crossing; without a payback, the first crossing of the curves
            if paybacks is not None:
                payback = paybacks.get(name)
            else:
                found = measure_payback(yearly)
                payback = None if np.isnan(found) else int(found)
            marks: list[tuple[int, str]] = []
            if payback is not None:
                # which payback: the discounted one on a chart of present values (the table's
                # 'Discounted payback'), else the simple one
                marks.append((payback, "discounted_payback" if discounted else "payback"))
                again = behind_again(yearly)
                if again is not None:
                    marks.append((again[0], "crossing"))
            else:
                hits = np.flatnonzero((diff >= 0) if diff[0] < 0 else (diff < 0))
                if hits.size:
                    marks.append((int(hits[0]), "crossing"))
            for k, word in marks:
                ax.plot([k], [series.iloc[k]], marker="o", markersize=8, color="black",
                        zorder=5)
                labels.append((float(k), float(series.iloc[k]),
                               f"{safe(short[name])}: {label(word, lang)} "
                               f"{label('year', lang).lower()} {k}", word))
    ax.set_xlabel(label("year", lang))
    ax.set_ylabel(f"{label('cumulative_pv' if discounted else 'cumulative_nominal', lang)} "
                  f"[{_unit(study.currency, lang)}]")
    _money_ticks(ax.yaxis, lang)
    ax.set_xlim(0, end)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(alpha=0.3)
    # the legend, with each end value, under the axes: it covers no line nor label
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.13),
              ncol=2 if len(results) > 3 else 1)
    _place_labels(ax, labels, [(np.append(c.index.to_numpy(dtype=float), end),
                                np.append(c.to_numpy(dtype=float), float(c.iloc[-1])))
                               for c in curves.values()], study.years)
    return ax


#: How far past year N the cumulative chart goes, so that the last step (the costs of year
#: N and the residual value credited at its end) is seen, not drawn on the axis line.
_PAST_END = 0.6


def _end_text(obj: Any, value: float, study: Any, lang: str, discounted: bool) -> str:
    """What a curve's end is, for its legend: the LCC where the chart is the comparison's
    own measure (present values on the common study period), else the value at year N."""
    from lcc._i18n import money
    from lcc.results import Comparison

    amount = money(value, study.currency, lang, 0)
    own = not isinstance(obj, Comparison) or obj.policy == "study_period"
    if discounted and own:
        return f"{label('total', lang)} {amount}"
    return f"{label('year', lang).lower()} {study.years}: {amount}"


def _place_labels(ax: Axes, labels: list[tuple[float, float, str, str]],
                  curves: list[tuple[np.ndarray, np.ndarray]], years: int) -> None:
    """Write each mark's label where it crosses no curve, no other label and stays inside
    the axes (clear of the tick labels): the first of a fixed list of places that is free,
    else the one that crosses least; the same inputs give the same places."""
    if not labels:
        return
    fig = ax.figure
    fig.canvas.draw()  # the axes' limits and the texts' sizes are known from here on
    trans = ax.transData
    box = ax.get_window_extent()
    # the curves as steps in display coordinates (horizontal and vertical segments)
    segments = []
    for xs, ys in curves:
        pts = trans.transform(np.column_stack([xs, ys]))
        for i in range(len(pts) - 1):
            (x0, y0), (x1, y1) = pts[i], pts[i + 1]
            segments.append((x0, y0, x1, y0))
            segments.append((x1, y0, x1, y1))
    dpi_scale = fig.dpi / 72.0
    # the markers are not to be covered: each is taken as a small square
    taken: list[tuple[float, float, float, float]] = []
    for x, y, _text, _word in labels:
        px, py = trans.transform((x, y))
        r = 5 * dpi_scale
        taken.append((px - r, py - r, px + r, py + r))
    placed_at: dict[float, int] = {}
    for x, y, text, _word in labels:
        right = x > years / 2  # the label towards the middle of the axes
        n = placed_at.get(x, 0)
        placed_at[x] = n + 1
        h = 11
        # below, then above, at growing distances; towards the middle first, then outwards
        sides = (-1, 1) if right else (1, -1)
        offsets = [(6 * sides[0], -14 - h * n), (6 * sides[0], 6 + h * n)]
        offsets += [(6 * sides[0], d) for d in (-14 - h * (n + 1), 6 + h * (n + 1),
                                                  -14 - h * (n + 2), 6 + h * (n + 2),
                                                  -14 - h * (n + 3), 6 + h * (n + 3))]
        offsets += [(6 * sides[1], -14 - h * n), (6 * sides[1], 6 + h * n)]
        best: tuple[float, tuple[float, float], Any, str] | None = None
        # on one line (a curve through it is seen behind its white box), else, where it
        # would not fit in the axes, with the name on a line of its own
        wrapped = text.replace(": ", ":\n", 1)
        variants = [(text, 0.0)] + ([(wrapped, 50.0)] if wrapped != text else [])
        for (shown_, extra), (dx, dy) in [(v, o) for v in variants for o in offsets]:
            ha = "left" if dx > 0 else "right"
            t = ax.annotate(shown_, (x, y), textcoords="offset points", xytext=(dx, dy),
                            ha=ha, va="baseline", fontsize=8)
            t.set_in_layout(False)
            ext = t.get_window_extent()
            t.remove()
            x0, y0, x1, y1 = ext.x0 - 2 * dpi_scale, ext.y0 - 2 * dpi_scale, \
                ext.x1 + 2 * dpi_scale, ext.y1 + 2 * dpi_scale
            cost = extra
            # text is a little wider in some renderers: a margin at the end it runs to
            margin = 0.02 * box.width
            left, right_ = box.x0 + (margin if dx < 0 else 0), box.x1 - (margin if dx > 0 else 0)
            if x0 < left or x1 > right_ or y0 < box.y0 or y1 > box.y1:
                cost += 100  # outside the axes: over the ticks or beyond the edge
            cost += 10 * sum(not (x1 < a0 or x0 > a1 or y1 < b0 or y0 > b1)
                             for a0, b0, a1, b1 in taken)
            cost += sum(_crosses(seg, (x0, y0, x1, y1)) for seg in segments)
            if best is None or cost < best[0]:
                best = (cost, (dx, dy), (x0, y0, x1, y1), shown_)
            if cost == 0:
                break
        assert best is not None
        bx, by = best[1]
        ax.annotate(best[3], (x, y), textcoords="offset points", xytext=(bx, by),
                    ha="left" if bx > 0 else "right", va="baseline", fontsize=8,
                    bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "alpha": 0.85,
                          "edgecolor": "none"}, zorder=6).set_in_layout(False)
        taken.append(best[2])


def _crosses(seg: tuple[float, float, float, float],
             rect: tuple[float, float, float, float]) -> bool:
    """Whether a horizontal or vertical segment passes through a rectangle."""
    a0, b0, a1, b1 = seg
    x0, y0, x1, y1 = rect
    lo_x, hi_x = min(a0, a1), max(a0, a1)
    lo_y, hi_y = min(b0, b1), max(b0, b1)
    return not (hi_x < x0 or lo_x > x1 or hi_y < y0 or lo_y > y1)


def _paybacks(obj: Any, discounted: bool) -> dict[str, int | None] | None:
    """The payback year of each alternative by the comparison's measure (None where it has
    none), or None for results without a comparison."""
    from lcc.results import Comparison

    if not isinstance(obj, Comparison):
        return None
    column = obj.summary["discounted_payback" if discounted else "simple_payback"]
    return {str(name): int(v) if np.isfinite(v) else None for name, v in column.items()}


def breakdown(obj: Any, *, ax: Axes | None = None, lang: str = "en") -> Axes:
    """Stacked bars of present value by category per alternative (residual below zero).

    Returns
    -------
    matplotlib.axes.Axes
    """
    results, _, study = _results(obj, "breakdown")
    ax = _ax(ax)
    names = [r.name for r in results]
    table = pd.DataFrame({r.name: {c: float(np.mean(v)) for c, v in r.category_values.items()}
                          for r in results}).fillna(0.0)
    cats = [c for c in CATEGORY_COLOURS if c in table.index]
    pos = np.zeros(len(names))
    neg = np.zeros(len(names))
    x = np.arange(len(names))
    for cat in cats:
        vals = table.loc[cat, names].to_numpy(dtype=float)
        bottom = np.where(vals >= 0, pos, neg)
        ax.bar(x, vals, bottom=bottom, color=CATEGORY_COLOURS[cat], label=label(cat, lang),
               width=0.6, edgecolor="white", linewidth=0.5)
        pos += np.where(vals >= 0, vals, 0)
        neg += np.where(vals < 0, vals, 0)
    totals = table.loc[cats, names].sum().to_numpy(dtype=float)
    ax.scatter(x, totals, marker="D", color="black", zorder=5, label=label("total", lang))
    for xi, t, top_ in zip(x, totals, pos, strict=True):
        # the total's figure sits above the whole bar, clear of the bar and the title
        ax.annotate(money_axis(t, lang), (xi, max(t, top_)), textcoords="offset points",
                    xytext=(0, 5), ha="center", va="bottom", fontsize=8)
    ax.axhline(0, color="black", linewidth=0.8)
    short = _short(names)
    ax.set_xticks(x, [safe("\n".join(textwrap.wrap(short[n], _LONGEST // 3)))  # side by side
                      for n in names])
    top = float(max(pos.max(initial=0.0), totals.max(initial=0.0)))
    bottom_ = float(min(neg.min(initial=0.0), 0.0))
    ax.set_ylim(bottom_ - 0.02 * (top - bottom_), top + 0.14 * (top - bottom_ or 1.0))
    ax.set_ylabel(f"{label('present_value', lang)} [{_unit(study.currency, lang)}]")
    ax.set_title(label("breakdown", lang), pad=10)
    _money_ticks(ax.yaxis, lang)
    ax.legend(frameon=False, fontsize=8, bbox_to_anchor=(1.01, 1), loc="upper left")
    ax.grid(axis="y", alpha=0.3)
    return ax


def tornado(table: Any, *, alternative: str | None = None, ax: Axes | None = None,
            lang: str = "en", currency: str | None = None, comparison: Any = None) -> Axes:
    """Tornado chart from :func:`lcc.sensitivity.tornado`, or of a comparison.

    Parameters
    ----------
    table : DataFrame or Comparison
        The table of :func:`lcc.sensitivity.tornado` (columns ``parameter,
        alternative, low, high, lcc_low, lcc_high, swing``), or an
        :class:`lcc.Comparison`, whose tornado is computed from its
        alternatives and study (declared ranges).
    comparison : Comparison, optional
        Where the parameters' descriptions are found (their names in words).
    alternative : str, optional
        Which alternative's bars to draw, or ``"difference"`` for the deciding
        difference (the runner-up's LCC minus the best one's, ``attrs
        ["difference"]``). Default: the deciding difference when the table has
        one (two or more alternatives), else the first alternative in the
        table (the largest swing).

    Returns
    -------
    matplotlib.axes.Axes
    """
    if hasattr(table, "results") and hasattr(table, "study"):  # a Comparison
        from lcc.sensitivity import tornado as _tornado

        table = _tornado([r.alternative for r in table.results.values()], table.study)
    needed = {"parameter", "alternative", "low", "high", "lcc_low", "lcc_high", "swing"}
    if not needed <= set(table.columns):
        raise LCCError(Msg("tornado: the table needs the columns {columns}",
                           columns=", ".join(sorted(needed))), field="tornado.table",
                       code="missing-field")
    if table.empty:
        raise LCCError(Msg("tornado: the table is empty"), field="tornado.table",
                       code="invalid-value")
    difference = table.attrs.get("difference")
    if alternative is None and difference and not (table["alternative"] == difference).any():
        difference = None  # no input moves the difference: the largest swing's bars instead
    if alternative == "difference" or (alternative is None and difference):
        if not difference:
            raise LCCError(Msg("tornado: the table has no difference rows (it needs two or "
                               "more alternatives)"), field="tornado.alternative",
                           code="not-applicable")
        which = str(difference)
    else:
        which = alternative if alternative is not None else str(table["alternative"].iloc[0])
    rows = table[table["alternative"] == which]
    if rows.empty:
        raise LCCError(Msg("tornado: no rows for alternative {name!r}; have {known}", name=which,
                           known=", ".join(map(str, table["alternative"].unique()))),
                       field="tornado.alternative", code="invalid-value")
    rows = rows.sort_values("swing")
    bases = table.attrs.get("base_lcc")
    if "lcc_base" in rows.columns:
        base: float | None = float(rows["lcc_base"].iloc[0])
    elif isinstance(bases, dict) and which in bases:
        base = float(bases[which])
    else:
        base = None
    ax = _ax(ax, (7.5, 0.5 * len(rows) + 1.6))
    y = np.arange(len(rows))
    lcc_lo = rows["lcc_low"].to_numpy(dtype=float)
    lcc_hi = rows["lcc_high"].to_numpy(dtype=float)
    if base is None:
        # no base case recorded: draw each range between its two LCCs
        base = 0.0
        ax.barh(y, lcc_hi - lcc_lo, left=lcc_lo, color="#7f7f7f")
    else:
        ax.barh(y, lcc_lo - base, left=base, color="#2e75b6", label=label("low", lang))
        ax.barh(y, lcc_hi - base, left=base, color="#c55a11", label=label("high", lang))
        ax.axvline(base, color="black", linewidth=0.8)
    units = rows["unit"] if "unit" in rows.columns else [""] * len(rows)
    from lcc.results._describe import (
        _ALTERNATIVES,
        difference_text,
        is_rate,
        parameter_names,
        value_text,
    )

    params: dict[str, Any] = {str(p): None for p in rows["parameter"]}
    alternatives = [str(a) for a in table["alternative"].unique()]
    if comparison is not None:
        alternatives += [str(n) for n in comparison.results]
        for r in comparison.results.values():
            params.update(r._compiled.parameters)
    # not an alternative's name for a parameter ('Bid B: energy saved …' is not 'Bid B')
    names = parameter_names(params, lang, [*_ALTERNATIVES.get(), *alternatives])

    def tick(p: str, a: Any, b: Any, u: Any) -> str:
        u = str(u or "")
        rate = is_rate(p, u, table.attrs.get("rates"))
        name = names[str(p)]
        return safe(f"{_cut(name)}\n({value_text(float(a), u, lang, rate=rate)} … "
                    f"{value_text(float(b), u, lang, rate=rate)})")

    ax.set_yticks(y, [tick(p, a, b, u) for p, a, b, u in
                      zip(rows["parameter"], rows["low"], rows["high"], units, strict=True)],
                  fontsize=8)
    unit = _unit(currency or table.attrs.get("unit", ""), lang)
    what = label("lcc_difference" if which == difference else "lcc", lang)
    ax.set_xlabel(f"{what} [{unit}]".replace(" []", ""))
    pair = table.attrs.get("pair")
    shown = difference_text(pair[1], pair[0], lang) if which == difference and pair else which
    # a long title on lines of its own: on one line it made the figure wide and the bars small
    title = f"{label('tornado', lang)}: {_cut(shown, 2 * _LONGEST)}"
    ax.set_title(safe("\n".join(textwrap.wrap(title, 70))), fontsize=10)
    _money_ticks(ax.xaxis, lang)
    ax.xaxis.set_major_locator(MaxNLocator(5))  # tick labels of 7 digits stay apart
    if base is not None:  # the legend beside the axes, where it covers no bar
        ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.grid(axis="x", alpha=0.3)
    return ax


def _fmt(x: Any) -> str:
    try:
        return f"{float(x):.4g}"
    except (TypeError, ValueError):
        return str(x)


def distributions(result: Any, *, kind: str = "cdf", ax: Axes | None = None,
                  lang: str = "en", bins: int = 60) -> Axes:
    """Monte Carlo distributions of the LCC per alternative, with P(lowest) in the legend.

    Parameters
    ----------
    result : MonteCarloResult
        From :func:`lcc.sensitivity.monte_carlo` (``lcc`` DataFrame and
        ``probability_best``).
    kind : {"cdf", "hist"}

    Returns
    -------
    matplotlib.axes.Axes
    """
    if kind not in ("cdf", "hist"):
        raise LCCError(Msg("kind: got {kind!r}, expected 'cdf' or 'hist'", kind=kind),
                       field="distributions.kind", code="invalid-value")
    frame = result.lcc
    p_best = result.probability_best
    ax = _ax(ax)
    edges = np.histogram_bin_edges(frame.to_numpy().ravel(), bins=bins)
    short = _short(frame.columns)
    for name in frame.columns:
        values = np.sort(frame[name].to_numpy(dtype=float))
        from lcc._i18n import percent

        text = safe(f"{short[name]} ({label('p_best', lang)} = "
                    f"{percent(float(p_best[name]), lang, 0)})")
        if kind == "cdf":
            ax.plot(values, np.arange(1, values.size + 1) / values.size, label=text,
                    linewidth=2)
        else:
            weights = np.full(values.size, 1.0 / values.size)
            ax.hist(values, bins=list(edges), weights=weights, histtype="stepfilled", alpha=0.45,
                    label=text)
    currency = frame.attrs.get("unit", "")
    ax.set_xlabel(f"{label('lcc', lang)} [{_unit(currency or '', lang)}]".replace(" []", ""))
    ax.set_ylabel(label("probability" if kind == "cdf" else "density", lang))
    from lcc._i18n import number as _number

    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _number(v, lang, 1)))
    ax.xaxis.set_major_locator(MaxNLocator(5))
    ax.set_title(label("distribution", lang))
    _money_ticks(ax.xaxis, lang)
    ax.legend(frameon=False, fontsize=8)
    ax.grid(alpha=0.3)
    return ax


def break_even(alternatives: Any, study: Any = None, parameter: str | None = None, *,
               pair: tuple[str, str] | None = None, values: Any = None,
               bracket: tuple[float, float] | None = None, ax: Axes | None = None,
               lang: str = "en", points: int = 101, show: str = "difference") -> Axes:
    """The deciding difference (or the two LCCs) against one parameter, the crossing marked.

    Parameters
    ----------
    alternatives : sequence of Alternative, or Comparison
        With a :class:`lcc.Comparison` the study is its own and the parameter
        may come second: ``break_even(c, "electricity_price")``.
    study : Study
    parameter : str
        A Parameter name or ``"discount_rate"``.
    pair : (str, str), optional
        (A, B); default the two lowest at base values (A the best).
    values : array, optional
        The parameter values to draw (in the parameter's own unit); default
        ``points`` values across ``bracket`` or the parameter's low…high.
    show : {"difference", "lcc"}
        ``"difference"`` (default): LCC_B − LCC_A, named ``"B minus A"``, with
        the zero line — where it crosses zero the two cost the same;
        ``"lcc"``: the LCC of each of the two.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from lcc.results import difference_label
    from lcc.sensitivity._breakeven import _bracket
    from lcc.sensitivity._model import Model

    if hasattr(alternatives, "results") and hasattr(alternatives, "study"):  # a Comparison
        if parameter is None and isinstance(study, str):
            parameter, study = study, None
        study = study if study is not None else alternatives.study
        alternatives = [r.alternative for r in alternatives.results.values()]
    if study is None or parameter is None:
        raise LCCError(Msg("break_even: give the alternatives, the study and the parameter (or "
                           "a Comparison and the parameter)"),
                       field="break_even.study" if study is None else "break_even.parameter",
                       code="missing-field")
    if show not in ("difference", "lcc"):
        raise LCCError(Msg("break_even: show={show!r}, expected 'difference' or 'lcc'",
                           show=show), field="break_even.show", code="invalid-value")
    # the break-even's own rules: its pair (the tie rule of the ranking), its bracket (a
    # quantity in the parameter's unit, or the declared range) and the parameter's name
    model = Model(alternatives, study, "break_even")
    parameter = model.resolve(parameter, "parameter", arg="parameter")
    a, b = model.pair(pair)
    pair = (model.names[a], model.names[b])
    if values is None:
        grid = np.linspace(*_bracket(model, parameter, bracket, "break_even"), points)
    else:  # each value read as a bracket's end is: a quantity in its unit, a rate's rule
        if isinstance(values, (str, bytes)) or not np.ndim(getattr(values, "magnitude",
                                                                   values)):
            raise LCCError(Msg("break_even: values={values!r}; expected a sequence of values "
                               "(or give bracket=(low, high))", values=values),
                           field="break_even.values", code="wrong-type")
        grid = np.array([model.own_value(parameter, v, f"values[{i}]", arg="values")
                         for i, v in enumerate(values)], dtype=float)
    model.check_values(parameter, grid, Msg("values of {name!r}", name=parameter), arg="values")
    at = model.evaluate_points([{parameter: float(x)} for x in grid])
    ax = _ax(ax)
    curves = {name: np.asarray(at[k], dtype=float) for k, name in ((a, pair[0]), (b, pair[1]))}
    diff = curves[pair[1]] - curves[pair[0]]
    from lcc._i18n import significant
    from lcc.results._describe import difference_text, is_rate, parameter_name, value_text

    # the tornado's words in Swedish ('Skillnad: B − A'); English keeps lcc's label of a
    # difference ('B minus A'), which tables and JSON use too
    name_of_diff = difference_label(pair[1], pair[0]) if lang == "en" else \
        difference_text(pair[1], pair[0], lang)
    unit = model.inputs[parameter].unit
    described = model.inputs[parameter].parameter
    rate = is_rate(parameter, unit, None)

    def shown(x: float, digits: int = 4) -> str:
        return value_text(float(x), unit, lang, rate=rate) if digits > 4 else \
            significant(float(x), lang, digits)
    if show == "lcc":
        short = _short(pair)
        for name in pair:
            ax.plot(grid, curves[name], label=safe(short[name]), linewidth=2)
    else:
        ax.plot(grid, diff, label=safe(_cut(name_of_diff, 2 * _LONGEST)), linewidth=2,
                color="#2e75b6")
        ax.axhline(0.0, color="black", linewidth=0.8)
    change = np.flatnonzero(np.diff(np.sign(diff)) != 0)
    for k in change:
        x0, x1 = grid[k], grid[k + 1]
        d0, d1 = diff[k], diff[k + 1]
        xc = x0 - d0 * (x1 - x0) / (d1 - d0) if d1 != d0 else x0
        yc = float(np.interp(xc, grid, curves[pair[0]])) if show == "lcc" else 0.0
        ax.plot([xc], [yc], marker="o", color="black", markersize=8, zorder=5)
        ax.annotate(f"{label('break_even', lang)}: {shown(xc)}", (xc, yc),
                    textcoords="offset points", xytext=(8, 8), fontsize=9)
    if change.size == 0:
        ax.text(0.5, 0.02, safe(f"{label('no_break_even', lang)} {shown(grid[0], 6)} … "
                                f"{shown(grid[-1], 6)}"),
                transform=ax.transAxes, ha="center", fontsize=9, style="italic")
    name = _cut(parameter_name(parameter, lang, getattr(described, "description", None)),
                2 * _LONGEST)
    ax.set_xlabel(safe(f"{name} [{_unit(unit, lang)}]" if unit else name))
    what = label("lcc", lang) if show == "lcc" else label("lcc_difference", lang)
    ax.set_ylabel(f"{what} [{_unit(study.currency, lang)}]")
    if show == "difference":
        ax.set_title(safe(_cut(name_of_diff, 2 * _LONGEST)))
    _money_ticks(ax.yaxis, lang)
    ax.legend(frameon=False)
    ax.grid(alpha=0.3)
    return ax


def to_svg(obj: Any) -> str:
    """Render an Axes or Figure to an SVG string (for reports), and close the figure."""
    fig = obj.figure if hasattr(obj, "figure") and obj.figure is not None else obj
    buf = io.StringIO()
    # no date and fixed element ids: the same chart gives the same bytes
    with plt.rc_context({"svg.hashsalt": "lcc", "svg.fonttype": "path"}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]


def to_png(obj: Any, path: Any, *, dpi: int = 120) -> None:
    """Save an Axes or Figure as PNG and close the figure."""
    fig = obj.figure if hasattr(obj, "figure") and obj.figure is not None else obj
    try:
        fig.savefig(path, format="png", dpi=dpi, bbox_inches="tight")
    except OSError as exc:  # a folder that does not exist, a file that cannot be written
        raise LCCError(Msg("to_png: cannot write {file!r}: {reason}", file=str(path),
                           reason=os_reason(exc)), field="to_png.path",
                       code="invalid-value") from None
    finally:
        plt.close(fig)
