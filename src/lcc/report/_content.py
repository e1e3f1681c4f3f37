"""What a report holds: tables, charts, assumptions, method, versions and the trace."""

from __future__ import annotations

import datetime as _dt
import hashlib
import platform
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from lcc._errors import LCCError, Msg, in_lang
from lcc._i18n import (
    N_,
    date,
    document_date,
    emission_columns,
    money,
    ntr,
    number,
    percent,
    tr,
)
from lcc._version import __version__
from lcc.model._alternative import rate_names
from lcc.results import Comparison
from lcc.results._describe import (
    basis_headers,
    deciding_difference_note,
    difference_text,
    distribution_text,
    is_rate,
    naming_alternatives,
    own_life_amounts,
    parameter_line,
    parameter_name,
    parameter_names,
    per_year,
    policy_name,
    scenario_name,
    study_lines,
    study_period_note,
    value_text,
)
from lcc.results._trace import method

SOURCES: tuple[str, ...] = (
    N_("Directive 2014/24/EU, art. 68 (life-cycle costing); LOU (2016:1145) chapter 16"),
    N_("S. K. Fuller, S. R. Petersen, NIST Handbook 135 (1995): present values, UPV/UPV*, "
       "residual values, NS, SIR, AIRR, payback"),
    N_("EN 15459-1:2017 and Commission Delegated Regulation (EU) No 244/2012: global cost, "
       "final value, annuity"),
    N_("Upphandlingsmyndigheten: LCC tools; parameters of an LCC calculation (the present "
       "value method)"),
    N_("I. Fisher, The Theory of Interest (1930): (1 + D) = (1 + d)(1 + i)"),
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
    index_labels: bool = True  # translate the row labels (categories); False: user names
    digits: int = 0  # decimals of the amounts shown in whole units (LCC, net savings …)
    headers: dict[str, str] = field(default_factory=dict)  # column key -> its header here
    amounts: str | None = None  # what the amounts are, where not present values


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


#: What each input file is, in the order the command line reads them.
_INPUT_ROLES = (N_("Tender file"), N_("Assumption set"))


def hash_lines(comparison: Comparison, inputs: list[bytes] | None, lang: str) -> list[str]:
    """One SHA-256 per input file, named by what it is: the same as ``sha256sum FILE`` of
    the file's bytes (the bid form's too); without files, a hash of the model as read."""
    if not inputs:
        return [tr("Hash of the model as read, not of a file (SHA-256): {hash}", lang,
                   hash=input_hash(comparison, None))]
    out = []
    for i, blob in enumerate(inputs):
        what = tr(_INPUT_ROLES[i], lang) if i < len(_INPUT_ROLES) else \
            tr("Input file {n}", lang, n=i + 1)
        out.append(tr("{file}: SHA-256 {hash} (sha256sum of the file)", lang, file=what,
                      hash=hashlib.sha256(blob).hexdigest()))
    return out


def versions(lang: str = "en") -> list[str]:
    """The library, data and ecosystem versions."""
    import pint
    import scipy

    from lcc.data import fingerprint

    return [
        f"lcc (openlcc) {__version__}",
        tr("Reference data: fingerprint {fingerprint}", lang, fingerprint=fingerprint()),
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
    best = df.attrs.get("best", {})
    descriptions = df.attrs.get("descriptions", {})
    names = {name: scenario_name(name, descriptions, lang) for name in df.index}
    table = pd.DataFrame(df["lcc"]).copy()
    table.index = pd.Index([names[n] for n in table.index], name="scenario")
    lines = [tr("{scenario}: lowest life-cycle cost {names}", lang, scenario=names[name],
                names=", ".join(winners)) for name, winners in best.items()]
    if len({tuple(w) for w in best.values()}) > 1:
        lines.append(tr("The scenarios disagree on the winner.", lang))
    lines += [tr("{scenario}: every life-cycle cost is the base one; no alternative depends on "
                 "what it changes", lang, scenario=names[s])
              for s in df.attrs.get("unchanged", []) if s in names]
    lines += [in_lang(Msg(n.msgid, **{**n.values, "name": names[n.values["name"]]}),
                      lang) for n in df.attrs.get("notes", [])]
    return Section("scenarios", tr("Scenarios (life-cycle cost)", lang), table=table,
                   lines=lines, index_labels=False)


def _parameters(c: Comparison) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for r in c.results.values():
        params.update({p.name: p for p in r._compiled.parameters.values()})
    return params


def _tornado_section(tornado: pd.DataFrame, c: Comparison, lang: str, charts: bool) -> Section:
    params = _parameters(c)
    names = parameter_names(params, lang)
    rows = []
    for _, row in tornado.iterrows():
        name = str(row["parameter"])
        unit_text = str(row.get("unit", "") or "")
        rate = is_rate(name, unit_text, tornado.attrs.get("rates"))
        alt = str(row["alternative"])
        pair = tornado.attrs.get("pair")
        if alt == tornado.attrs.get("difference") and pair:
            alt = difference_text(pair[1], pair[0], lang)
        rows.append({
            "parameter": names.get(name) or parameter_name(name, lang),
            "alternative": alt,
            "low": value_text(float(row["low"]), unit_text, lang, rate=rate),
            "high": value_text(float(row["high"]), unit_text, lang, rate=rate),
            "lcc_low": float(row["lcc_low"]), "lcc_high": float(row["lcc_high"]),
            "swing": float(row["swing"])})
    shown = pd.DataFrame(rows).set_index("parameter")
    svg = _chart(lambda p: p.tornado(tornado, lang=lang, comparison=c)) if charts else None
    pair = tornado.attrs.get("pair")
    note = deciding_difference_note(tornado, difference_text(pair[1], pair[0], lang), lang) \
        if pair else None
    lines = [note] if note else []
    return Section("tornado", tr("Sensitivity analysis (tornado)", lang), table=shown, svg=svg,
                   lines=lines, index_labels=False)


def _summary(c: Comparison, lang: str) -> Section:
    summary = c.summary.copy()
    pollutants = _pollutants(c)
    for pollutant in pollutants:
        kg, diff = emission_columns(pollutant)
        values = {name: float(r.emissions.get(pollutant, 0.0)) for name, r in c.results.items()}
        base = values[c.baseline]
        summary[kg] = pd.Series(values)
        summary[diff] = pd.Series({k: v - base for k, v in values.items()})
    cur = c.study.currency
    lccs = c.summary["lcc"].astype(float)
    # amounts in whole units unless that shows two different LCCs as one (0.40 kr apart)
    digits = 0 if lccs.round(0).nunique() == lccs.nunique() else 2
    winners = [str(n) for n in c.summary.index if c.summary.at[n, "rank"] == 1]
    names = ", ".join(winners)
    if c.policy == "study_period":
        best_lcc = money(float(lccs[c.best]), cur, lang, digits)
        lead = tr("{name} has the lowest life-cycle cost: {lcc}", lang, name=c.best,
                  lcc=best_lcc) if len(winners) < 2 else \
            tr("{names} tie for the lowest life-cycle cost: {lcc}", lang, names=names,
               lcc=best_lcc)
        explained = tr("Net savings: the baseline's life-cycle cost minus the alternative's. "
                       "AIRR: adjusted internal rate of return per year. Payback in years.", lang)
    else:
        annual = c.summary["annual_value"].astype(float)
        value = per_year(float(annual[c.best]), cur, lang,
                         0 if annual.round(0).nunique() == annual.nunique() else 2)
        if c.policy == "annuity":
            lead = tr("{name} has the lowest annual cost: {value}", lang, name=c.best,
                      value=value) if len(winners) < 2 else \
                tr("{names} tie for the lowest annual cost: {value}", lang, names=names,
                   value=value)
            ns = tr("Net savings in annual cost: the baseline's annual cost minus the "
                    "alternative's, per year.", lang)
        else:
            lead = tr("{name} has the lowest cost per service year: {value}", lang, name=c.best,
                      value=value) if len(winners) < 2 else \
                tr("{names} tie for the lowest cost per service year: {value}", lang,
                   names=names, value=value)
            ns = tr("Net savings in cost per service year: the baseline's cost per service "
                    "year minus the alternative's.", lang)
        explained = ns
    if pollutants:
        explained += " " + tr("Emissions: kg over the study period; difference: the alternative "
                              "minus the baseline.", lang)
    lines = [lead,
             tr("Measures against: {baseline}. Comparison basis: {policy}.", lang,
                baseline=c.baseline, policy=policy_name(c.policy, lang)),
             explained]
    lines += [tr("Note: {note}", lang, note=n) for n in c.notes_in(lang)]
    own_life = c.policy != "study_period"
    return Section("summary", tr("Summary", lang), table=summary, lines=lines,
                   index_labels=False, digits=digits,
                   headers=basis_headers(c.policy, cur, lang),
                   amounts=own_life_amounts(cur, lang) if own_life else None)


def _pollutants(c: Comparison) -> list[str]:
    out: list[str] = []
    for r in c.results.values():
        out += [str(p) for p in r.emissions.index if str(p) not in out]
    return out


def build_sections(comparison: Comparison, *, lang: str = "en", tornado: pd.DataFrame | None = None,
                   monte_carlo: Any = None, assumptions: list[str] | None = None,
                   inputs: list[bytes] | None = None, charts: bool = True,
                   scenarios: pd.DataFrame | None = None,
                   date_: _dt.date | str | None = None) -> list[Section]:
    """Every section of a report, in order."""
    # parameters named knowing the alternatives ('Bid B: energy saved …' is not 'Bid B')
    with naming_alternatives(comparison.results):
        return _sections(comparison, lang=lang, tornado=tornado, monte_carlo=monte_carlo,
                         assumptions=assumptions, inputs=inputs, charts=charts,
                         scenarios=scenarios, date_=date_)


def _sections(comparison: Comparison, *, lang: str, tornado: pd.DataFrame | None,
              monte_carlo: Any, assumptions: list[str] | None, inputs: list[bytes] | None,
              charts: bool, scenarios: pd.DataFrame | None,
              date_: _dt.date | str | None) -> list[Section]:
    c = comparison
    sections: list[Section] = []
    if c._samples:
        raise LCCError(Msg("report: the alternatives have sample inputs; report a "
                           "deterministic comparison and pass the Monte Carlo result as "
                           "monte_carlo="), field="build.comparison", code="not-applicable")

    sections.append(_summary(c, lang))
    from lcc.model import CATEGORIES

    by_cat = pd.DataFrame({name: r.by_category for name, r in c.results.items()}).fillna(0.0)
    by_cat = by_cat.reindex([cat for cat in CATEGORIES if cat in by_cat.index])
    by_cat.loc["total"] = by_cat.sum()
    by_cat.index.name = "category"
    # the sections after the summary are on the common study period whatever the basis
    basis = study_period_note(c.policy, c.study.years, lang)
    on_study = [basis] if basis else []
    sections.append(Section("by_category", tr("Present value by cost category", lang),
                            table=by_cat, lines=list(on_study)))
    sections.append(Section("differences", tr("Difference from the baseline ({baseline}) by "
                                              "cost category", lang, baseline=c.baseline),
                            table=c.differences,
                            lines=[tr("Each alternative's present value minus the baseline's; "
                                      "positive: costs more than the baseline.", lang),
                                   *on_study]))
    emissions = pd.DataFrame({name: r.emissions for name, r in c.results.items()})
    if not emissions.empty:
        emissions.index.name = "pollutant"
        sections.append(Section("emissions", tr("Emissions over the study period (kg)", lang),
                                table=emissions.fillna(0.0), money=False,
                                index_labels=False))
    if charts:
        svg = _chart(lambda p: p.cumulative(c, lang=lang))
        if svg:
            sections.append(Section("cumulative", tr("Cumulative discounted cost", lang),
                                    svg=svg, lines=list(on_study)))
        svg = _chart(lambda p: p.breakdown(c, lang=lang))
        if svg:
            sections.append(Section("breakdown", tr("Life-cycle cost by cost category", lang),
                                    svg=svg, lines=list(on_study)))
    analyses = []
    if tornado is not None and not tornado.empty:
        analyses.append(_tornado_section(tornado, c, lang, charts))
    if scenarios is not None and not scenarios.empty:
        analyses.append(_scenario_section(scenarios, lang))
    if monte_carlo is not None:
        analyses.append(_monte_carlo_section(monte_carlo, c, lang, charts))
    for section in analyses:
        section.lines += on_study
    sections += analyses
    params = _parameters(c)
    rates = rate_names([r._compiled.alternative for r in c.results.values()], c.study)
    study_text = study_lines(c.study, lang)
    names = parameter_names(params, lang)
    study_text += [tr("Parameter: {line}", lang, line=parameter_line(p, lang, rates,
                                                                     names[name]))
                   for name, p in params.items()]
    study_text += list(assumptions or [])
    sections.append(Section("assumptions", tr("Assumptions", lang), lines=study_text))
    sections.append(Section("method", tr("Method and sources", lang),
                            lines=[method(lang), *[tr(x, lang) for x in SOURCES]]))
    version_lines = [*versions(lang), *hash_lines(c, inputs, lang)]
    when = document_date(date_)
    if when is not None:
        version_lines.append(tr("Date: {date}", lang, date=date(when, lang)))
    sections.append(Section("versions", tr("Versions and input hash", lang),
                            lines=version_lines))
    sections.append(Section("trace", tr("Calculation trace", lang),
                            lines=[tr("The calculation trace lists each item, its timing, "
                                      "formula, factors and present value.", lang)],
                            pre=c.explain(lang)))
    return sections


def _monte_carlo_section(mc: Any, c: Comparison, lang: str, charts: bool) -> Section:
    svg = _chart(lambda p: p.distributions(mc, lang=lang)) if charts else None
    params = _parameters(c)
    names = parameter_names(params, lang)
    lines = [ntr("{n} sample, random seed {seed}", "{n} samples, random seed {seed}", mc.n,
                 lang, n=number(mc.n, lang, 0), seed=mc.seed)]
    units = mc.inputs.attrs.get("units", {})
    for name, dist in mc.distributions.items():
        unit_text = units.get(name, "")  # as sampled (the discount rate's parameter's own)
        label = names.get(name) or parameter_name(name, lang)
        lines.append(f"{label}: " + distribution_text(
            dist, unit_text, lang, rate=is_rate(name, unit_text, mc.inputs.attrs.get("rates"))))
    lines += [in_lang(note, lang) for note in mc.notes]
    lines.append(tr("Differences: each alternative's life-cycle cost minus {best}'s, per "
                    "sample", lang, best=mc.best))
    table = mc.summary.copy()
    suffix = f" minus {mc.best}"
    table.index = pd.Index(
        [difference_text(str(i)[:-len(suffix)], mc.best, lang)
         if str(i).endswith(suffix) and str(i) not in mc.names else i
         for i in table.index], name=table.index.name)
    if "kind" in table.columns:
        table["kind"] = [tr("alternative", lang) if k == "alternative" else
                         tr("difference", lang) for k in table["kind"]]
    return Section("monte_carlo", tr("Uncertainty analysis (Monte Carlo)", lang), table=table,
                   svg=svg, lines=lines, index_labels=False)


__all__ = ["SOURCES", "Section", "build_sections", "hash_lines", "input_hash", "percent",
           "versions"]
