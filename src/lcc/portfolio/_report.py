"""The follow-up report of a procurement plan: self-contained HTML or an Excel workbook,
in English or Swedish, byte-identical for the same inputs.

Every text that comes from a file (titles, organisations, categories, criteria,
sources) is data: escaped in HTML, written as text (never a formula) in Excel,
and kept out of matplotlib's mathtext in charts.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from lcc._errors import LCCError, Msg, in_lang
from lcc._i18n import number, significant, tr, unit
from lcc._text import html_text, is_blank, math_text, shown
from lcc._version import __version__
from lcc._xlsx import put, sheet_name, workbook_bytes
from lcc.portfolio._columns import REQUIREMENTS
from lcc.portfolio._text import (
    label,
    pays_text,
    percent,
    requirement_label,
    yes_no,
)

if TYPE_CHECKING:
    from lcc.portfolio._factors import Factors
    from lcc.portfolio._plan import Plan

#: Rows of the priorities shown in a report.
TOP_PRIORITIES = 25


@dataclass
class Block:
    """A titled part of the report: lines, a table, charts."""

    key: str
    title: str
    lines: list[str] = field(default_factory=list)
    table: pd.DataFrame | None = None
    charts: list[str] = field(default_factory=list)
    sheet: pd.DataFrame | None = None  # the full table for Excel (default: table)
    shares: bool = False  # the table is a follow-up: one cell per requirement in HTML
    sheet_lines: list[str] | None = None  # the lines for Excel where they differ (default: lines)
    sheet_title: str | None = None  # the sheet's name where the title is long (default: title)


# --------------------------------------------------------------------------- cells


def kind_of(column: str, dtype: Any = None) -> str:
    """How a column's values are shown: share, bool, int, money, kg, factor or text."""
    c = str(column)
    if c.endswith(("_share", "_target")) or c == "operating_share":
        return "share"
    if c == "lcc_pays" and dtype is not None and not pd.api.types.is_bool_dtype(dtype):
        return "text"  # the categories' table says why ('yes: lives differ')
    if c.endswith("_met") or c in ("lives_differ", "lcc_pays", "differs"):
        return "bool"
    if c.endswith("_missing") or c in ("procurements", "linked", "rank", "tenders",
                                        "winner_changes", "organisations", "year"):
        return "int"
    if c == "value" or c.startswith("lcc_"):
        return "money"
    if c.endswith("_kg") or c == "kg_co2e":
        return "kg"
    if c == "factor":
        return "factor"
    if dtype is not None and pd.api.types.is_bool_dtype(dtype):
        return "bool"
    return "text"


def show(value: Any, kind: str, lang: str) -> str:
    """A value as text for HTML and charts."""
    if kind == "bool":
        return yes_no(value, lang)
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return "—"
    if kind == "share":
        return percent(value, lang)
    if kind == "int":
        return number(value, lang, 0).replace("\u00a0", " ") if abs(float(value)) >= 1e4 \
            else str(int(value))
    if kind in ("money", "kg"):
        return number(value, lang, 0)
    if kind == "factor":
        return significant(value, lang, 4)
    return str(value)


# --------------------------------------------------------------------------- charts


def _svg(fig: Any) -> str:
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "lcc-portfolio", "svg.fonttype": "path",
                                "svg.id": None}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.S)
    return text[text.index("<svg"):]


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


_YEAR_COLOURS = ("#9dc3e6", "#2e75b6", "#1f4e79", "#548235", "#c55a11", "#7f6000", "#7030a0")
_REQ_COLOURS = {"environmental": "#548235", "reuse": "#2e75b6", "plastics": "#c55a11",
                "climate": "#7030a0", "lcc": "#404040"}


def _share_axis(ax: Any, lang: str) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.set_ylim(0, 1.05)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: percent(v, lang, 0)))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def chart_by_organisation_year(plan: Plan, requirement: str, lang: str) -> str:
    """Bars: the requirement's share per organisation (one bar per year), each
    organisation's target as a black line over its bars."""
    fu = plan.follow_up(["organisation", "year"])
    orgs = plan.organisations
    years = plan.years
    fig = _figure(8.0, 3.4)
    ax = fig.add_subplot()
    width = 0.8 / max(len(years), 1)
    x = np.arange(len(orgs))
    for j, year in enumerate(years):
        heights = [float(fu[f"{requirement}_share"].get((o, year), np.nan)) for o in orgs]
        ax.bar(x - 0.4 + width * (j + 0.5), np.nan_to_num(heights), width,
               label=str(year), color=_YEAR_COLOURS[j % len(_YEAR_COLOURS)])
    has_target = f"{requirement}_target" in fu.columns
    if has_target:
        for i, o in enumerate(orgs):
            target = plan.targets.target(requirement, o)
            if target is not None:
                ax.hlines(float(target), i - 0.45, i + 0.45, colors="#000000", linewidth=2,
                          label=label("target_line", lang) if i == 0 else None)
    ax.set_xticks(x, [math_text(o) for o in orgs], rotation=20 if len(orgs) > 5 else 0,
                  ha="right" if len(orgs) > 5 else "center", fontsize=8)
    _share_axis(ax, lang)
    ax.set_title(math_text(f"{requirement_label(requirement, lang)} — "
                             f"{label('by_organisation_year', lang).lower()}"), fontsize=10)
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    return _svg(fig)


def chart_by_year(plan: Plan, lang: str) -> str:
    """Lines: each requirement's share of the whole plan per year, targets dashed."""
    fu = plan.follow_up("year")
    years = [int(y) for y in fu.index]
    fig = _figure(8.0, 3.2)
    ax = fig.add_subplot()
    for r in REQUIREMENTS:
        colour = _REQ_COLOURS[r]
        ax.plot(years, fu[f"{r}_share"], marker="o", color=colour,
                label=math_text(requirement_label(r, lang)))
        target = plan.targets.overall.get(r)
        if target is not None:
            ax.axhline(float(target), color=colour, linestyle="--", linewidth=1)
    ax.set_xticks(years, [str(y) for y in years])
    _share_axis(ax, lang)
    ax.set_title(label("by_year", lang) + " (— — " + label("target_line", lang) + ")",
                 fontsize=10)
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    return _svg(fig)


def chart_outcomes(plan: Plan, lang: str) -> str:
    """Two panels of horizontal bars per organisation: LCC saved and kg CO2e saved."""
    out = plan.outcomes("organisation")
    orgs = [math_text(o) for o in out.index]
    fig = _figure(8.0, 0.6 + 0.35 * max(len(orgs), 2))
    left, right = fig.subplots(1, 2, sharey=True)
    y = np.arange(len(orgs))
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    for ax, col, colour, title in ((left, "lcc_saving", "#1f4e79",
                                    f"{label('saving_chart', lang)} "
                                    f"({unit(plan.currency, lang)})"),
                                   (right, "co2e_saving_kg", "#548235",
                                    label("co2e_chart", lang))):
        ax.barh(y, out[col].fillna(0.0), color=colour)
        ax.axvline(0, color="#555555", linewidth=0.8)
        ax.set_title(math_text(title), fontsize=9)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: number(v, lang, 0)))
        ax.tick_params(axis="x", labelsize=7)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    left.set_yticks(y, orgs, fontsize=8)
    left.invert_yaxis()
    return _svg(fig)


# --------------------------------------------------------------------------- content


def _flat(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The index as leading columns (the whole-plan row labelled)."""
    out = df.reset_index()
    if "plan" in out.columns:
        out["plan"] = [label(v, lang) for v in out["plan"]]
    return out


def _value_shares(fu: pd.DataFrame) -> pd.DataFrame:
    return fu[["value", *(f"{r}_value_share" for r in REQUIREMENTS)]]


def input_hash(plan: Plan, factors: Factors | None) -> str:
    """SHA-256 of the plan file, the targets file, the factor table and linked tenders."""
    digest = hashlib.sha256()
    files = [plan.source, plan.targets.source, factors.file if factors else None,
             *sorted(plan.tenders)]
    for f in files:
        if f is None or not Path(f).is_file():
            continue
        blob = Path(f).read_bytes()
        digest.update(len(blob).to_bytes(8, "big"))
        digest.update(blob)
    return digest.hexdigest()


def file_hashes(plan: Plan, factors: Factors | None, lang: str) -> list[str]:
    """One SHA-256 per input file, named by what it is and its file name: the same as
    ``sha256sum FILE`` (the plan, the targets, the climate factors, each linked tender)."""
    files = [("plan_file", plan.source), ("targets", plan.targets.source),
             ("factors_file", factors.file if factors else None),
             *(("tender", t) for t in sorted(plan.tenders))]
    out = []
    for key, f in files:
        if f is None or not Path(f).is_file():
            continue
        digest = hashlib.sha256(Path(f).read_bytes()).hexdigest()
        out.append(tr("{what} ({file}): SHA-256 {hash}", lang, what=label(key, lang),
                      file=Path(f).name, hash=digest))
    return out


def _method(lang: str, currency: str) -> list[str]:
    return [
        tr("Share = procurements with the requirement / procurements in the group.", lang),
        tr("Value share = value of the procurements with the requirement / value of the "
           "group; where every procurement of a group has value 0 the share of procurements "
           "is shown.", lang),
        tr("Met: share ≥ target, exactly. Missing = the smallest m with (count + m) / n ≥ "
           "target, i.e. max(0, ⌈target · n − count⌉).", lang),
        tr("An organisation's own targets apply to its groups; other groups follow the "
           "overall targets.", lang),
        tr("Linked procurements: the life-cycle cost (present value, {currency}) of the "
           "awarded alternative against the alternative with the lowest acquisition cost "
           "(among equal acquisition costs the one with the lowest LCC). Saving = the "
           "difference; kg CO2e over each tender's study period.", lang,
           currency=unit(currency, lang)),
        tr("The climate factors (kg CO2e per unit of money) are the user's, with their "
           "source; lcc ships no spend-based factors.", lang),
        label("lcc_pays_rule", lang),
    ]


def _criteria_marks(crit: pd.DataFrame, orgs: Sequence[str], blank: Any) -> pd.DataFrame:
    """The criteria matrix with each organisation's cell as the legend says: ✓ where it uses
    the criterion, – where it procures in the category without it, ``blank`` where it has no
    procurement in the category."""
    shown = pd.DataFrame(index=crit.index)
    for o in orgs:
        shown[o] = pd.Series([blank if v is pd.NA else ("✓" if v else "–") for v in crit[o]],
                             index=crit.index, dtype=object)
    shown["organisations"] = crit["organisations"]
    return shown


def _criteria_table(plan: Plan) -> pd.DataFrame:
    """The criteria that differ, as the page shows them."""
    return _criteria_marks(plan.criteria(differences_only=True), plan.organisations, "")


def _criteria_sheet(plan: Plan) -> pd.DataFrame:
    """Every criterion, as the workbook shows them: ✓, – or an empty cell, and whether the
    organisations differ."""
    crit = plan.criteria()
    sheet = _criteria_marks(crit, plan.organisations, None)
    sheet["differs"] = crit["differs"]
    return sheet


def build_sections(plan: Plan, *, by: list[str], lang: str,
                   factors: Factors | None) -> list[Block]:
    """The report's parts, in order."""
    blocks: list[Block] = []
    targets = plan.targets
    lines = [
        f"{label('plan_file', lang)}: {Path(plan.source).name if plan.source else '—'} — "
        f"{len(plan)} {label('procurements_n', lang)}, {len(plan.organisations)} "
        f"{label('organisations_n', lang)}, {label('years_n', lang)} "
        f"{', '.join(map(str, plan.years))}; {label('currency', lang).lower()} "
        f"{plan.currency}.",
    ]
    if targets.requirements:
        parts = [f"{requirement_label(r, lang)} {percent(float(x), lang, 1)}"
                 for r, x in targets.overall.items()]
        text = f"{label('targets', lang)}: " + (", ".join(parts) if parts else "—")
        for org, mine in targets.by_organisation.items():
            text += "; " + org + ": " + ", ".join(
                f"{requirement_label(r, lang)} {percent(float(x), lang, 1)}"
                for r, x in mine.items())
        lines.append(text + ".")
        whole = plan.follow_up(None)
        for r in targets.requirements:
            if pd.isna(whole[f"{r}_target"].iloc[0]):
                continue
            met = bool(whole[f"{r}_met"].iloc[0])
            miss = int(whole[f"{r}_missing"].iloc[0])
            share = percent(whole[f"{r}_share"].iloc[0], lang)
            goal = percent(whole[f"{r}_target"].iloc[0], lang)
            state = tr("met", lang) if met else tr(
                "{n} more procurements would have needed it", lang, n=miss)
            lines.append(tr("{requirement}: {share} against the target {goal} — {state}.",
                            lang, requirement=requirement_label(r, lang), share=share,
                            goal=goal, state=state))
    else:
        lines.append(label("no_targets", lang))
    lines += [str(in_lang(n, lang)) for n in plan.notes]  # targets, spellings read as one
    blocks.append(Block("summary", label("summary", lang), lines=lines))

    whole = plan.follow_up(None)
    blocks.append(Block("whole", label("whole", lang), table=whole, shares=True))
    for key in [*dict.fromkeys([*by, "organisation", "year"])]:
        if key not in ("organisation", "year", "category"):
            continue
        fu = plan.follow_up(key)
        blocks.append(Block(f"by_{key}", label(f"by_{key}", lang), table=fu, shares=True))
        blocks.append(Block(f"value_by_{key}", label("value_shares", lang) + " — "
                            + label(f"by_{key}", lang).lower(), table=_value_shares(fu),
                            sheet_title=label(f"sheet_value_by_{key}", lang)))
    both = plan.follow_up(["organisation", "year"])
    charts = [chart_by_organisation_year(plan, r, lang)
              for r in (targets.requirements or REQUIREMENTS)]
    charts.append(chart_by_year(plan, lang))
    blocks.append(Block("charts", label("charts", lang), charts=charts))
    blocks.append(Block("by_organisation_year", label("by_organisation_year", lang),
                        table=both, shares=True))

    linked = plan.linked()
    if len(linked):
        out = plan.outcomes("organisation")
        blocks.append(Block("outcomes", label("outcomes", lang), table=out,
                            charts=[chart_outcomes(plan, lang)],
                            sheet_title=label("sheet_outcomes", lang),
                            lines=[f"{label('amounts_in', lang)} "
                                   f"{unit(plan.currency, lang)}; kg CO2e."]))
        blocks.append(Block("linked_rows", label("linked_rows", lang),
                            table=linked.drop(columns=["year", "category"]), sheet=linked))
    else:
        blocks.append(Block("outcomes", label("outcomes", lang),
                            lines=[label("no_linked", lang)],
                            sheet_title=label("sheet_outcomes", lang)))

    pri = plan.priorities(factors)
    lines = [] if factors is not None else [label("no_factors", lang)]
    if factors is not None:
        by_source: dict[str, list[str]] = {}
        for cat, row in factors.table.iterrows():
            by_source.setdefault(str(row["source"]), []).append(
                f"{cat} {significant(row['factor'], lang, 4)}")
        for source, parts in by_source.items():
            lines.append(f"kg CO2e/{unit(factors.currency, lang)}: {'; '.join(parts)} — "
                         f"{label('source', lang).lower()}: {source}")
    shown = pri.drop(columns=["source"]).head(TOP_PRIORITIES)
    shown["behind"] = ["; ".join(requirement_label(r, lang) for r in b.split("; ") if r)
                       for b in shown["behind"]]
    blocks.append(Block("priorities", label("priorities", lang), table=shown, sheet=pri,
                        lines=lines))
    cats = plan.lcc_categories()
    if len(cats):
        shown_cats = cats.copy()
        shown_cats["lcc_pays"] = [pays_text(row, lang) for _, row in cats.iterrows()]
        blocks.append(Block("lcc_categories", label("lcc_categories", lang), table=shown_cats,
                            lines=[label("lcc_pays_rule", lang)],
                            sheet_title=label("sheet_lcc_categories", lang)))

    crit = _criteria_table(plan)
    blocks.append(Block("criteria", label("criteria", lang),
                        lines=[label("criteria_lead", lang) if len(crit)
                               else label("no_differences", lang)],
                        table=crit if len(crit) else None, sheet=_criteria_sheet(plan),
                        sheet_lines=[label("criteria_sheet_lead", lang),
                                     *([] if len(crit) else [label("no_differences", lang)])]))
    blocks.append(Block("method", label("method", lang), lines=_method(lang, plan.currency)))
    blocks.append(Block("versions", label("versions", lang), lines=[
        f"lcc {__version__}", *file_hashes(plan, factors, lang)]))
    return blocks


# --------------------------------------------------------------------------- HTML


def _esc(text: str) -> str:
    """HTML-escaped text without control characters."""
    return html_text(text, lines=True)


_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
       max-width: 1150px; color: #1a1a1a; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.7rem; border-bottom: 3px solid #1f4e79; padding-bottom: .3rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; color: #1f4e79; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .8rem; }
th, td { border: 1px solid #c9d3df; padding: .25rem .45rem; vertical-align: top; }
thead th { background: #eef3f8; text-align: left; }
tbody th { background: #f8fafc; text-align: left; font-weight: 600; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.met { background: #e8f4e5; }
td.miss { background: #fbe5e1; }
.chart svg { width: 100%; max-width: 900px; height: auto; display: block; margin: .5rem 0; }
ul.lines li { margin: .15rem 0; }
nav a { margin-right: .8rem; font-size: .85rem; }
footer { margin-top: 3rem; font-size: .8rem; color: #666; }
@page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; line-height: 1.3; }
  nav { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .scroll { overflow: visible; }
  table { font-size: 7pt; width: 100%; }
  th, td { padding: 1pt 3pt; }
  thead th, tbody th { white-space: normal; overflow-wrap: anywhere; hyphens: auto; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .chart svg { max-width: 100%; max-height: 170mm; }
  thead th, tbody th, td.met, td.miss { -webkit-print-color-adjust: exact;
                                        print-color-adjust: exact; }
}
"""


def _html_table(df: pd.DataFrame, lang: str, currency: str) -> str:
    index_names = [n for n in df.index.names if n is not None]
    flat = _flat(df, lang) if index_names else df
    n_index = len(index_names)
    cols = [str(c) for c in flat.columns]
    kinds = {c: kind_of(c, flat[c].dtype) for c in cols}
    head = "".join(f"<th>{_esc(label(c, lang, currency))}</th>" for c in cols)
    body = []
    for values in flat.itertuples(index=False, name=None):
        row = dict(zip(cols, values, strict=True))
        cells = []
        for j, c in enumerate(cols):
            text = _esc(show(row[c], kinds[c], lang))
            if j < n_index:
                cells.append(f"<th>{text}</th>")
                continue
            cls = ["num"] if kinds[c] not in ("text", "bool") else []
            if c.endswith("_share") and not c.endswith("_value_share"):
                met = row.get(c[:-len("_share")] + "_missing")
                if met is not None and met is not pd.NA:
                    cls.append("met" if int(met) == 0 else "miss")
            attr = f' class="{" ".join(cls)}"' if cls else ""
            cells.append(f"<td{attr}>{text}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


def _shares_html(fu: pd.DataFrame, lang: str) -> str:
    """A follow-up as one cell per requirement: the share, and under it the target and
    how many procurements are missing (green where met, red where not)."""
    flat = _flat(fu, lang)
    n_index = fu.index.nlevels
    keys = [str(c) for c in flat.columns[:n_index]]
    head = "".join(f"<th>{_esc(label(c, lang))}</th>" for c in
                   [*keys, "procurements", "value", *REQUIREMENTS])
    body = []
    for _, row in flat.iterrows():
        cells = [f"<th>{_esc(show(row[k], kind_of(k), lang))}</th>" for k in keys]
        cells.append(f'<td class="num">{show(row["procurements"], "int", lang)}</td>')
        cells.append(f'<td class="num">{_esc(show(row["value"], "money", lang))}</td>')
        for r in REQUIREMENTS:
            text = _esc(percent(row[f"{r}_share"], lang))
            cls = "num"
            target = row.get(f"{r}_target")
            if target is not None and not pd.isna(target):
                missing = int(row[f"{r}_missing"])
                cls += " met" if missing == 0 else " miss"
                text += (f"<br><small>{_esc(label('target_line', lang))} "
                         f"{_esc(percent(target, lang))}")
                if missing:
                    text += f" · {_esc(label(f'{r}_missing', lang).split(', ')[-1])} " \
                            f"{missing}"
                text += "</small>"
            cells.append(f'<td class="{cls}">{text}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


def to_html(blocks: list[Block], *, title: str, lang: str, currency: str) -> str:
    """A self-contained page: inline CSS and SVG, nothing from the network."""
    nav = "".join(f'<a href="#{b.key}">{_esc(b.title)}</a>' for b in blocks)
    out = [f"<h1>{_esc(title)}</h1>", f"<nav>{nav}</nav>"]
    for b in blocks:
        out.append(f'<section id="{b.key}"><h2>{_esc(b.title)}</h2>')
        if b.lines:
            items = "".join(f"<li>{_esc(line)}</li>" for line in b.lines)
            out.append(f'<ul class="lines">{items}</ul>')
        if b.table is not None and b.shares:
            out.append(_shares_html(b.table, lang))
        elif b.table is not None:
            out.append(_html_table(b.table, lang, currency))
        for svg in b.charts:
            out.append(f'<div class="chart">{svg}</div>')
        out.append("</section>")
    out.append(f"<footer>lcc {_esc(__version__)} — {_esc(title)} — "
               f"{_esc(label('amounts_in', lang))} {_esc(unit(currency, lang))}</footer>")
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html_text(title, isolate=False)}</title><style>{_CSS}</style></head>"
            f"<body>{''.join(out)}</body></html>\n")


# --------------------------------------------------------------------------- Excel

_FORMATS = {"share": "0.0%", "money": "#,##0", "kg": "#,##0", "int": "0",
            "factor": "0.000000"}


def _excel_value(value: Any, kind: str, lang: str) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if kind == "bool":
        return yes_no(value, lang)
    if isinstance(value, (np.integer, int)) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return float(value)
    return str(value)


def to_xlsx(blocks: list[Block], *, title: str, lang: str, currency: str) -> bytes:
    """An Excel workbook, one sheet per part; identical bytes for identical inputs."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise LCCError(Msg("Excel reports need openpyxl: pip install 'openlcc[excel]'"),
                       field="format", code="unsupported-format") from exc
    wb = Workbook()
    first = True
    used: set[str] = set()
    for b in blocks:
        df = b.sheet if b.sheet is not None else b.table
        lines = b.sheet_lines if b.sheet_lines is not None else b.lines
        if df is None and not lines:
            continue
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = sheet_name(b.sheet_title or b.title, used)
        put(ws, 1, 1, b.title).font = Font(bold=True, size=13)
        r = 3
        for line in lines:
            put(ws, r, 1, line)
            r += 1
        if df is not None:
            r += 1 if lines else 0
            flat = _flat(df, lang) if any(n is not None for n in df.index.names) else df
            cols = [str(c) for c in flat.columns]
            kinds = {c: kind_of(c, flat[c].dtype) for c in cols}
            for j, c in enumerate(cols, start=1):
                put(ws, r, j, label(c, lang, currency)).font = Font(bold=True)
                ws.column_dimensions[get_column_letter(j)].width = 16 if j > 1 else 24
            for values in flat.itertuples(index=False, name=None):
                r += 1
                for j, (c, v) in enumerate(zip(cols, values, strict=True), start=1):
                    cell = put(ws, r, j, _excel_value(v, kinds[c], lang))
                    if isinstance(cell.value, (int, float)) and kinds[c] in _FORMATS:
                        cell.number_format = _FORMATS[kinds[c]]
    wb.properties.title = title
    wb.properties.creator = "lcc"
    return workbook_bytes(wb)


# --------------------------------------------------------------------------- report


@dataclass
class PlanReport:
    """A built follow-up report: :meth:`html`, :meth:`xlsx` or :meth:`save`."""

    title: str
    lang: str
    currency: str
    blocks: list[Block]

    def html(self) -> str:
        """The report as one self-contained HTML page."""
        return to_html(self.blocks, title=self.title, lang=self.lang, currency=self.currency)

    def xlsx(self) -> bytes:
        """The report as the bytes of an Excel workbook."""
        return to_xlsx(self.blocks, title=self.title, lang=self.lang, currency=self.currency)

    def save(self, path: str | Path) -> Path:
        """Write ``.html`` (``.htm``) or ``.xlsx``; the format follows the suffix."""
        target = Path(path)
        suffix = target.suffix.lower()
        if suffix in (".html", ".htm"):
            target.write_text(self.html(), encoding="utf-8", newline="\n")
        elif suffix == ".xlsx":
            target.write_bytes(self.xlsx())
        else:
            raise LCCError(Msg("report: cannot write {name!r}; the file must end in .html or .xlsx",
                               name=target.name), field="PlanReport.save.path",
                           code="unsupported-format")
        return target


def build_report(plan: Plan, *, by: Sequence[str] = ("organisation", "year"),
                 lang: str = "en", factors: Factors | None = None,
                 title: str | None = None) -> PlanReport:
    """Build the follow-up report of a plan (see :meth:`Plan.report`)."""
    if lang not in ("en", "sv"):
        raise LCCError(Msg("lang: got {lang!r}, expected 'en' or 'sv'", lang=lang),
                       field="Plan.report.lang", code="invalid-value")
    blocks = build_sections(plan, by=list(by), lang=lang, factors=factors)
    return PlanReport(title if title and not is_blank(shown(title)) else
                      label("report_title", lang), lang, plan.currency, blocks)
