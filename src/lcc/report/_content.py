"""What a report holds: tables, charts, assumptions, method, versions and the trace."""

from __future__ import annotations

import datetime as _dt
import hashlib
import platform
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from lcc._errors import LCCError
from lcc._i18n import word
from lcc._version import __version__
from lcc.results import Comparison
from lcc.results._trace import METHOD

SOURCES: tuple[str, ...] = (
    "Directive 2014/24/EU, art. 68 (life-cycle costing); LOU (2016:1145) 16 kap.",
    "S. K. Fuller, S. R. Petersen, NIST Handbook 135, Life-Cycle Costing Manual for the "
    "Federal Energy Management Program (1995): present values, UPV/UPV*, residual values, "
    "NS, SIR, AIRR, payback",
    "EN 15459-1:2017 and Commission Delegated Regulation (EU) No 244/2012: global cost, "
    "final value, annuity",
    "Upphandlingsmyndigheten: LCC-verktyg; Parametrar i en LCC-kalkyl (nuvärdesmetoden)",
    "I. Fisher, The Theory of Interest (1930): (1 + D) = (1 + d)(1 + i)",
)


@dataclass
class Section:
    """A titled part of a report: a table, a chart, lines of text or preformatted text."""

    key: str
    title: str
    table: pd.DataFrame | None = None
    svg: str | None = None
    lines: list[str] = field(default_factory=list)
    pre: str | None = None
    money: bool = True


def input_hash(comparison: Comparison, inputs: list[bytes] | None) -> str:
    """SHA-256 of the input files (tender and assumption set), else of the model's repr."""
    digest = hashlib.sha256()
    if inputs:
        for blob in inputs:
            digest.update(len(blob).to_bytes(8, "big"))
            digest.update(blob)
    else:
        digest.update(repr(comparison.study).encode())
        for r in comparison.results.values():
            digest.update(repr(r.alternative).encode())
            for item in r.alternative.items:
                digest.update(repr(item).encode())
    return digest.hexdigest()


def versions() -> list[str]:
    """The library, data and ecosystem versions."""
    import pint
    import scipy

    from lcc.data import fingerprint

    return [
        f"lcc (openlcc) {__version__}",
        f"reference data fingerprint {fingerprint()}",
        f"Python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"scipy {scipy.__version__}, pint {pint.__version__}",
    ]


def _chart(fn: Any) -> str | None:
    try:
        import importlib

        plot = importlib.import_module("lcc.plot")
    except (ImportError, LCCError):
        return None
    return str(plot.to_svg(fn(plot)))


def _scenario_section(df: pd.DataFrame, lang: str) -> Section:
    """LCC per scenario (rows) and alternative (columns), the winner of each named."""
    table = pd.DataFrame(df["lcc"]).copy()
    table.index.name = "scenario"
    best = df.attrs.get("best", {})
    descriptions = df.attrs.get("descriptions", {})
    lines = []
    for name, winners in best.items():
        d = descriptions.get(name)
        lines.append(f"{name}: {word('best', lang)} {', '.join(winners)}"
                     + (f" — {d}" if d else ""))
    if len({tuple(w) for w in best.values()}) > 1:
        lines.append("The scenarios disagree on the winner.")
    return Section("scenarios", f"{word('scenarios', lang)} (LCC)", table=table, lines=lines)


def build_sections(comparison: Comparison, *, lang: str = "en", tornado: pd.DataFrame | None = None,
                   monte_carlo: Any = None, assumptions: list[str] | None = None,
                   inputs: list[bytes] | None = None, charts: bool = True,
                   scenarios: pd.DataFrame | None = None) -> list[Section]:
    """Every section of a report, in order."""
    c = comparison
    sections: list[Section] = []
    if c._samples:
        raise LCCError("report: the alternatives have sample inputs; report a deterministic "
                       "comparison and pass the Monte Carlo result as monte_carlo=")
    summary = c.summary.copy()
    lines = [f"{word('best', lang)}: {c.best}",
             f"{word('baseline', lang)}: {c.baseline}; {word('policy', lang)}: {c.policy}"]
    lines += [f"{word('notes', lang)}: {n}" for n in c.notes]
    sections.append(Section("summary", word("summary", lang), table=summary, lines=lines))
    from lcc.model import CATEGORIES

    by_cat = pd.DataFrame({name: r.by_category for name, r in c.results.items()}).fillna(0.0)
    by_cat = by_cat.reindex([cat for cat in CATEGORIES if cat in by_cat.index])
    by_cat.loc["total"] = by_cat.sum()
    by_cat.index.name = "category"
    sections.append(Section("by_category", word("by_category", lang), table=by_cat))
    sections.append(Section("differences", word("differences", lang), table=c.differences))
    emissions = pd.DataFrame({name: r.emissions for name, r in c.results.items()})
    if not emissions.empty:
        emissions.index.name = "pollutant"
        sections.append(Section("emissions", f"{word('emissions', lang)} [kg]",
                                table=emissions.fillna(0.0), money=False))
    if charts:
        svg = _chart(lambda p: p.cumulative(c, lang=lang))
        if svg:
            sections.append(Section("cumulative", word("cumulative", lang), svg=svg))
        svg = _chart(lambda p: p.breakdown(c, lang=lang))
        if svg:
            sections.append(Section("breakdown", word("breakdown_chart", lang), svg=svg))
    if tornado is not None and not tornado.empty:
        cols = [x for x in ("parameter", "alternative", "low", "high", "lcc_low", "lcc_high",
                            "swing") if x in tornado.columns]
        shown = tornado[cols].set_index("parameter")
        svg = None
        if charts:  # the deciding difference by default (the runner-up minus the best)
            svg = _chart(lambda p: p.tornado(tornado, lang=lang))
        sections.append(Section("tornado", word("tornado", lang), table=shown, svg=svg))
    if scenarios is not None and not scenarios.empty:
        sections.append(_scenario_section(scenarios, lang))
    if monte_carlo is not None:
        svg = _chart(lambda p: p.distributions(monte_carlo, lang=lang)) if charts else None
        described = getattr(monte_carlo, "described", None) or {
            k: str(v) for k, v in monte_carlo.distributions.items()}
        mc_lines = [f"n = {monte_carlo.n:,}, seed {monte_carlo.seed}",
                    *[f"{k}: {v}" for k, v in described.items()],
                    f"Differences: each alternative's LCC minus {monte_carlo.best}'s, per "
                    f"sample"]
        sections.append(Section("monte_carlo", word("monte_carlo", lang),
                                table=monte_carlo.summary, svg=svg, lines=mc_lines))
    study_lines = c.study.describe()
    params = {}
    for r in c.results.values():
        params.update({p.name: p for p in r._compiled.parameters.values()})
    study_lines += [f"Parameter: {p.describe()}" for p in params.values()]
    study_lines += list(assumptions or [])
    sections.append(Section("assumptions", word("assumptions", lang), lines=study_lines))
    sections.append(Section("method", word("method", lang), lines=[METHOD, *SOURCES]))
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    version_lines = [*versions(), f"{word('inputs_hash', lang)} (SHA-256): "
                     f"{input_hash(c, inputs)}", f"{word('generated', lang)}: {stamp}"]
    sections.append(Section("versions", word("versions", lang), lines=version_lines))
    sections.append(Section("trace", word("trace", lang), lines=[word("trace_note", lang)],
                            pre=c.explain()))
    return sections
