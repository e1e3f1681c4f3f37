"""The plain-text calculation trace of an evaluation (``LCCResult.explain``)."""

from __future__ import annotations

from typing import Any

import numpy as np

from lcc._version import __version__
from lcc.engine._compile import Compiled
from lcc.engine._context import Context
from lcc.engine._terms import AnnualTerm, ChainTerm, OnceTerm, SeriesTerm, Term
from lcc.model._inputs import Num

METHOD = (
    "Method: present value (nuvärdesmetoden): LCC = Σ PV of all flows, costs positive, "
    "residual value negative; PV factor (1 + d)^−t; annual amounts by UPV/UPV*; replacements "
    "strictly before the end of the study; residual value linear in remaining life at the "
    "price level of year N, discounted from t = N. Sources: NIST Handbook 135 (1995) §5; "
    "EN 15459-1:2017 §6; Directive 2014/24/EU art. 68 (cost categories); DESIGN §3 of lcc."
)


def money(x: Any, currency: str = "") -> str:
    """Format an amount for a trace: '12 345.67 SEK' (mean when samples)."""
    v = float(np.mean(x))
    text = f"{v:,.2f}".replace(",", " ")
    return f"{text} {currency}".rstrip()


def _num(x: Any, digits: int = 6) -> str:
    return f"{float(np.mean(x)):.{digits}g}"


def _amount_text(term: Term, ctx: Context) -> str:
    parts = [n.text for n in term.nums]
    if term.const != 1.0:
        parts.append(f"{term.const:.6g} (exchange rate)")
    return " × ".join(parts) if parts else "1"


def _esc_text(term: Term) -> str:
    esc = term.growth.esc
    if esc.sequence is None and esc.rate is not None and esc.rate.param is None and \
            not np.ndim(esc.rate.value) and esc.rate.value == 0.0:
        return "no escalation"
    return f"escalation {esc.text}"


def _lines(term: Term, ctx: Context, pv: dict[str, Any], cur: str) -> list[str]:
    amount = term.amount(ctx)
    if isinstance(term, AnnualTerm):
        place = {0.0: "t = k", 0.5: "t = k − 0.5", 1.0: "t = k − 1"}[ctx.offset]
        out = [
            f"  {term.category:<12} {_amount_text(term, ctx)} = {money(amount, cur)}/yr"
            f"{' × per-year profile' if term.profile is not None else ''}, "
            f"years {term.k0}..{term.k1} at {place}, {_esc_text(term)}",
            f"  {'':<12} PV = amount × Σ_k c_k·df(t_k) = {money(amount, cur)} × "
            f"{_num(term.factor(ctx), 8)} = {money(pv[term.category], cur)}",
        ]
        return out
    if isinstance(term, OnceTerm):
        grow = np.exp(term.growth.log_at(ctx, term.t))
        df = ctx.df(term.t)
        sign = "−" if term.sign < 0 else ""
        return [
            f"  {term.category:<12} {sign}{_amount_text(term, ctx)} at t = {term.t:g}, "
            f"{_esc_text(term)}: {sign}{money(amount, cur)} × growth {_num(grow, 8)} × "
            f"discount factor {_num(df, 8)} = {money(pv[term.category], cur)}"
        ]
    if isinstance(term, SeriesTerm):
        count = term.count(ctx)
        every = ctx.value(term.every)
        return [
            f"  {term.category:<12} {_amount_text(term, ctx)} every {_num(every)} yr from "
            f"t = {term.first:g} to t ≤ {term.last:g} ({_num(count)} times), {_esc_text(term)}",
            f"  {'':<12} PV = amount × Σ_j c(t_j)·df(t_j) = {money(amount, cur)} × "
            f"{_num(term.factor(ctx), 8)} = {money(pv[term.category], cur)}",
        ]
    if isinstance(term, ChainTerm):
        return _chain_lines(term, ctx, pv, cur, amount)
    return [f"  {cat:<12} {money(v, cur)}" for cat, v in pv.items()]  # pragma: no cover


def _chain_lines(term: ChainTerm, ctx: Context, pv: dict[str, Any], cur: str,
                 amount: Any) -> list[str]:
    life = ctx.value(term.life)
    count = term.replacements(ctx)
    n = term.years
    given = f"{term.life.text.replace(' × 1/', ' ÷ ')} = " if term.life.factors else ""
    out = [f"  installed at t = {term.start:g}, service life L = {given}{_num(life)} yr, "
           f"{_esc_text(term)}; cost {_amount_text(term, ctx)} = {money(amount, cur)}"]
    if term.initial:
        out.append(f"  {'acquisition':<12} at t = {term.start:g}: "
                   f"{money(pv['acquisition'], cur)}")
    if np.ndim(count) == 0:
        times = ", ".join(f"{term.start + m * float(life):g}" for m in range(1, int(count) + 1))
        when = f"at t = {times}" if times else "none"
    else:
        when = f"{_num(count)} on average over the samples"
    out.append(
        f"  {'replacement':<12} ⌈(N − a)/L⌉ − 1 = ⌈({n} − {term.start:g})/{_num(life)}⌉ − 1 "
        f"= {_num(count)} replacement(s) {when}: {money(pv['replacement'], cur)}"
    )
    if "end_of_life" in pv:
        out.append(f"  {'end_of_life':<12} disposal of the old unit at each replacement: "
                   f"{money(pv['end_of_life'], cur)}")
    if "residual" in pv:
        value = term.residual_value(ctx, count)
        last = term.start + count * life
        if term.residual_mode == "linear":
            how = (f"last installed at t = {_num(last)}, remaining {_num(last + life - n)} of "
                   f"{_num(life)} yr: cost at year-{n} prices × remaining/L")
        elif term.residual_mode == "fraction":
            assert term.residual is not None
            how = f"{term.residual.text} of the cost at year-{n} prices"
        else:
            assert term.residual is not None
            how = f"stated amount {term.residual.text} escalated to year {n}"
        out.append(
            f"  {'residual':<12} {how} = −{money(value, cur)} at t = {n} × discount factor "
            f"{_num(ctx.df(n), 8)} = {money(pv['residual'], cur)}"
        )
    return out


def trace(compiled: Compiled, ctx: Context, per_term: list[tuple[Term, dict[str, Any]]],
          by_category: dict[str, Any], total: Any, quantity: Any) -> str:
    """The full trace: header, assumptions, parameters, items, totals, warnings."""
    alt = compiled.alternative
    study = compiled.study
    cur = study.currency
    samples = ctx.samples
    lines = [
        f"Life-cycle cost of {alt.name!r}",
        f"lcc {__version__}",
        METHOD,
        "",
        "Assumptions",
        *[f"  {line}" for line in study.describe()],
    ]
    if samples:
        lines.append(f"  Samples: {samples}; figures below are means over the samples")
    if ctx.overrides:
        shown = ", ".join(f"{k} = {_num(v)}" for k, v in ctx.overrides.items())
        lines.append(f"  Values set for this evaluation: {shown}")
    if compiled.parameters:
        lines += ["", "Parameters"]
        for p in compiled.parameters.values():
            lines.append(f"  {p.describe()}")
    lines += ["", f"Alternative {alt.name!r}"]
    if alt.description:
        lines.append(f"  {alt.description}")
    s = float(alt._start)
    lines.append(f"  enters service at t = {s:g}; quantity {_qty(compiled.quantity)}")
    by_item: dict[str, list[tuple[Term, dict[str, Any]]]] = {}
    for term, pv in per_term:
        by_item.setdefault(term.item, []).append((term, pv))
    for i, (item, entries) in enumerate(by_item.items(), start=1):
        lines.append("")
        lines.append(f"{i}. {item}")
        for term, pv in entries:
            if isinstance(term, AnnualTerm) and term.category == "externality" and \
                    not study.include_externalities:
                lines.append("  (externality: reported, not included in the LCC)")
            lines.extend(_lines(term, ctx, pv, cur))
    if compiled.streams:
        lines += ["", "Emissions (physical, over the study period, × quantity)"]
        for stream in compiled.streams:
            kg = stream.by_year(ctx).sum(axis=-1) * np.asarray(quantity)
            lines.append(f"  {stream.item}: {stream.pollutant} "
                         f"{' × '.join(n.text for n in stream.nums)} in years "
                         f"{stream.k0}..{stream.k1} = {_num(kg)} kg")
    lines += ["", f"Present value by category (× quantity {_qty(compiled.quantity)})"]
    for cat, v in by_category.items():
        lines.append(f"  {cat:<14} {money(v, cur):>20}")
    lines.append(f"  {'LCC':<14} {money(total, cur):>20}")
    if compiled.warnings:
        lines += ["", "Warnings"]
        lines += [f"  - {w}" for w in compiled.warnings]
    return "\n".join(lines)


def _qty(q: Num | None) -> str:
    if q is None:
        return "1"
    return q.text
