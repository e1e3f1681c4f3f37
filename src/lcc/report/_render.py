"""Render report sections as self-contained HTML, Markdown or an Excel workbook."""

from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from lcc._i18n import LABELS, cell, tr, unit, word
from lcc._i18n._labels import EMISSION_COLUMN
from lcc._text import html_text, shown, shown_lines
from lcc._xlsx import put, save_reproducible, sheet_name
from lcc.report._content import Section

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
       max-width: 1280px; color: #1a1a1a; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.7rem; border-bottom: 3px solid #1f4e79; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; color: #1f4e79; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .8rem; }
th, td { border: 1px solid #c9d3df; padding: .25rem .45rem; vertical-align: top; }
thead th { hyphens: auto; }
h1, h2, h3, p, li, nav, .lead { overflow-wrap: anywhere; }
th { background: #eef3f8; text-align: left; }
thead th { text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.best td, tr.best th { background: #e8f4e5; font-weight: 600; }
.lead { font-size: 1.05rem; background: #f5f8fb; border-left: 4px solid #1f4e79;
        padding: .6rem 1rem; }
.table-wrap { overflow-x: auto; }
pre { background: #f7f7f7; border: 1px solid #ddd; padding: .8rem; font-size: .78rem;
      overflow-x: auto; white-space: pre-wrap; }
.chart svg { width: 100%; max-width: 900px; height: auto; }
ul.lines li { margin: .15rem 0; }
nav a { margin-right: .8rem; font-size: .9rem; }
footer { margin-top: 3rem; font-size: .8rem; color: #666; }
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; line-height: 1.35; }
  nav { display: none; }
  h1 { font-size: 17pt; margin-top: 0; }
  h2 { font-size: 13pt; margin-top: 0; break-after: avoid; page-break-after: avoid; }
  section { break-inside: avoid; page-break-inside: avoid; margin-bottom: 6mm; }
  section#tornado, section#assumptions, section#trace, section#monte_carlo {
    break-inside: auto; page-break-inside: auto; }
  section#cumulative, section#assumptions, section#trace {
    break-before: page; page-break-before: always; }
  table { font-size: 8pt; width: 100%; }
  th, td { padding: 2pt 4pt; }
  thead { display: table-header-group; }
  tr, th, td, li, .lead { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  .chart { break-inside: avoid; page-break-inside: avoid; }
  .chart svg { max-width: 100%; max-height: 230mm; }
  pre { font-size: 6.5pt; white-space: pre-wrap; overflow: visible; border: none;
        padding: 0; }
  tr.best td, tr.best th, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  footer { margin-top: 1rem; }
}
"""


def _head(col: Any, lang: str, headers: dict[str, str] | None = None) -> str:
    """A column header: the section's own header of the key, a known key translated, a
    user's name (an alternative) kept."""
    text = str(col)
    if headers and text in headers:
        return headers[text]
    if text in LABELS or EMISSION_COLUMN.match(text):
        return word(text, lang)
    return shown(text)


def _row_label(section: Section, idx: Any, lang: str) -> str:
    return shown(word(idx, lang, header=False) if section.index_labels else idx)


#: Money columns shown in whole currency units in documents (the trace keeps the cents).
_WHOLE = ("lcc", "net_savings", "annual_value", "lcc_low", "lcc_high", "swing", "mean", "std",
          "se", "p5", "p50", "p95")


def _cell(col: str, value: Any, lang: str, money: bool, digits: int = 0) -> tuple[str, bool]:
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        if (money and col in _WHOLE) or (col not in LABELS and not EMISSION_COLUMN.match(col)):
            from lcc._i18n import number

            return number(value, lang, digits if col in _WHOLE else 0), True
        return cell(col, value, lang), True
    return shown(value), False


def _html_table(section: Section, lang: str, best: str | None) -> str:
    df = section.table
    assert df is not None
    head = "".join(f"<th>{html_text(_head(c, lang, section.headers))}</th>" for c in
                   [df.index.name or "", *df.columns])
    rows = []
    first = df.at[best, "rank"] if best is not None and "rank" in df.columns else None
    for idx, row in df.iterrows():  # the best, and those that tie with it
        cls = ' class="best"' if best is not None and (
            idx == best or (first is not None and row["rank"] == first)) else ""
        cells = [f"<th>{html_text(_row_label(section, idx, lang))}</th>"]
        for col, value in row.items():
            text, num = _cell(str(col), value, lang, section.money, section.digits)
            cells.append(f'<td class="num">{html_text(text)}</td>' if num
                         else f"<td>{html_text(text)}</td>")
        rows.append(f"<tr{cls}>{''.join(cells)}</tr>")
    return (f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def to_html(sections: list[Section], *, title: str, lang: str, currency: str,
            best: str | None) -> str:
    """A self-contained HTML page: inline CSS and SVG, no network access."""
    nav = "".join(f'<a href="#{s.key}">{html_text(s.title)}</a>' for s in sections)
    body = [f"<h1>{html_text(title)}</h1>", f"<nav>{nav}</nav>"]
    for s in sections:
        body.append(f'<section id="{s.key}"><h2>{html_text(s.title)}</h2>')
        if s.key == "summary" and s.lines:
            body.append(f'<p class="lead">{html_text(s.lines[0])}</p>')
            rest = s.lines[1:]
        else:
            rest = s.lines
        if s.table is not None:
            body.append(_html_table(s, lang, best if s.key == "summary" else None))
            if s.money:
                body.append(f"<p><small>{html_text(_amounts(currency, lang, s))}</small></p>")
        if s.svg:
            body.append(f'<div class="chart">{_clean_svg(s.svg)}</div>')
        if rest:
            items = "".join(f"<li>{html_text(line)}</li>" for line in rest)
            body.append(f'<ul class="lines">{items}</ul>')
        if s.pre:
            body.append(f"<pre>{html_text(s.pre, lines=True)}</pre>")
        body.append("</section>")
    body.append(f"<footer>lcc — {html_text(title)}</footer>")
    lang_attr = "sv" if lang == "sv" else "en"
    return (f'<!DOCTYPE html>\n<html lang="{lang_attr}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html_text(title, isolate=False)}</title><style>{_CSS}</style></head>"
            f"<body>{''.join(body)}</body></html>\n")


def _without_charts(section: Section) -> bool:
    """Whether a section has something to show in a document without charts (Markdown,
    Excel): not a chart and the lines about it alone."""
    return section.table is not None or bool(section.pre) or (bool(section.lines)
                                                               and not section.svg)


def _amounts(currency: str, lang: str, section: Section) -> str:
    return section.amounts or tr("Amounts in {currency}, present values, excluding VAT", lang,
                                 currency=unit(currency, lang))


def _clean_svg(svg: str) -> str:
    # drop the XML prolog and DOCTYPE so the SVG can sit inline in HTML
    svg = re.sub(r"<\?xml[^>]*>\s*", "", svg)
    return re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg)


#: Markdown syntax, with GitHub's and GitLab's ``$…$`` mathematics and ``~~`` strikethrough.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#$~])")


#: What GitHub and GitLab turn into a link without any markup: ``www.`` and a URL's scheme,
#: whatever stands before them (GitHub links ``Bid_https://…`` and ``2https://…`` too).
_MD_AUTOLINK = re.compile(r"(?i)(www(?=\.)|https?(?=://)|ftp(?=://)|mailto(?=:)|xmpp(?=:))")
#: The ``@`` of an e-mail address, which GitHub links (``mailto:``) from plain text, escaped or
#: not: only an HTML comment between its parts keeps it text.
_MD_EMAIL = re.compile(r"(?<=[\w.+-])@(?=[\w\\-]+\\?\.\w)")
#: A list item's marker at the start of a text (``- ``, ``+ ``, ``1. ``, ``2) ``), which would
#: nest a list in the line that shows the text.
_MD_MARKER = re.compile(r"^(?:([-+])(?=\s|$|-)|(\d+)([.)])(?=\s|$))")


def md(text: Any) -> str:
    """Text for Markdown: HTML characters as entities, Markdown syntax escaped, no link or
    list made of it.

    >>> md("1. Firm AB, www.firm.se")
    '1\\\\. Firm AB, www\\\\.firm.se'
    >>> md("anbud@firm.se")
    'anbud<!-- -->@firm.se'
    """
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(shown(text), quote=False).lstrip())
    escaped = _MD_EMAIL.sub("<!-- -->@", _MD_AUTOLINK.sub(r"\1\\", escaped))
    return _MD_MARKER.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


def _md_table(section: Section, lang: str) -> str:
    df = section.table
    assert df is not None
    cols = [df.index.name or "", *df.columns]
    rows, numeric = [], [False] * len(df.columns)
    for idx, row in df.iterrows():
        cells = [md(_row_label(section, idx, lang))]
        for j, (col, value) in enumerate(row.items()):
            text, num = _cell(str(col), value, lang, section.money, section.digits)
            numeric[j] = numeric[j] or num
            cells.append(md(text))
        rows.append("| " + " | ".join(cells) + " |")
    # figures right-aligned, text (an alternative's name, a note) left, as the HTML shows them
    rule = "|" + "|".join([" --- ", *(" ---: " if n else " --- " for n in numeric)]) + "|"
    head = "| " + " | ".join(md(_head(c, lang, section.headers)) for c in cols) + " |"
    return "\n".join([head, rule, *rows])


def to_markdown(sections: list[Section], *, title: str, lang: str, currency: str) -> str:
    """Markdown: headings, pipe tables and the trace in a code block (no charts)."""
    out = [f"# {md(title)}", ""]
    for s in sections:
        if not _without_charts(s):
            continue
        out += [f"## {md(s.title)}", ""]
        if s.table is not None:
            out += [_md_table(s, lang), ""]
            if s.money:
                out += [f"_{md(_amounts(currency, lang, s))}_", ""]
        out += [f"- {md(line)}" for line in s.lines]
        if s.lines:
            out.append("")
        if s.pre:
            longest = max((len(m) for m in re.findall(r"`+", s.pre)), default=0)
            fence = "`" * max(3, longest + 1)
            out += [f"{fence}text", shown_lines(s.pre), fence, ""]
    return "\n".join(out).rstrip() + "\n"


def to_excel(sections: list[Section], path: Path, *, title: str, lang: str,
             currency: str) -> None:
    """An Excel workbook: one sheet per table, plus assumptions, method, versions, trace.

    Every text is written as a text cell (never a formula, whatever it starts
    with), and the file has no time stamps: the same inputs give the same bytes.
    """
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from lcc._errors import LCCError, Msg

        raise LCCError(Msg("Excel reports need openpyxl: pip install 'openlcc[excel]'"),
                       field="format", code="unsupported-format") from exc
    wb = Workbook()
    first = True
    used: set[str] = set()

    for s in sections:
        if not _without_charts(s):
            continue
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = sheet_name(s.title, used)
        put(ws, 1, 1, s.title).font = Font(bold=True, size=13)
        row = 3
        if s.table is not None:
            df = s.table
            headers = [_head(df.index.name or "", lang),
                       *(_head(c, lang, s.headers) for c in df.columns)]
            head_row = row
            for j, h in enumerate(headers, start=1):
                put(ws, row, j, h).font = Font(bold=True)
            widths = [len(shown(h)) for h in headers]
            numeric = [False] * len(headers)
            for idx, values in df.iterrows():
                row += 1
                put(ws, row, 1, _row_label(s, idx, lang))
                widths[0] = max(widths[0], len(_row_label(s, idx, lang)))
                for j, (col, v) in enumerate(values.items(), start=2):
                    value = _excel_value(v)
                    if isinstance(value, str):
                        put(ws, row, j, value)
                        widths[j - 1] = max(widths[j - 1], len(value))
                        continue
                    cell_ = ws.cell(row=row, column=j, value=value)
                    if value is not None:
                        numeric[j - 1] = True
                        widths[j - 1] = max(widths[j - 1], 14)
                    if isinstance(cell_.value, float):
                        col_ = str(col)
                        cell_.number_format = (
                            "0" if col_ in _INT_COLUMNS else
                            "0.00%" if col_ in ("airr", "probability_best",
                                                "probability_best_se") else
                            "0.0000" if col_ in _RATIO_COLUMNS else
                            # kg, as the HTML shows them: whole (a table of kg per
                            # alternative as the summary's kg column)
                            "#,##0" if EMISSION_COLUMN.match(col_) or
                            (not s.money and col_ not in LABELS) else "#,##0.00")
            if s.money:
                row += 2
                put(ws, row, 1, _amounts(currency, lang, s))
            # headers wrapped, over their figures' side; each column as wide as its
            # content (a header may take two lines), within bounds
            for j, h in enumerate(headers, start=1):
                ws.cell(row=head_row, column=j).alignment = Alignment(
                    wrap_text=True, vertical="bottom",
                    horizontal="right" if numeric[j - 1] else "left")
                longest = max((len(w) for w in shown(h).split()), default=0)
                content = max(widths[j - 1] if j == 1 or not numeric[j - 1] else 14,
                              longest, (len(shown(h)) + 1) // 2)
                ws.column_dimensions[get_column_letter(j)].width = min(max(content + 2, 10),
                                                                      48)
            # the header row as high as its most wrapped header (LibreOffice keeps the
            # height of one line otherwise, and cuts the first lines off)
            lines = max(len(textwrap.wrap(shown(h), max(int(ws.column_dimensions[
                get_column_letter(j)].width) - 2, 1)) or [""]) for j, h in
                enumerate(headers, start=1))
            ws.row_dimensions[head_row].height = 15 * lines
            row += 2
        for line in s.lines:
            put(ws, row, 1, line)
            row += 1
        if s.pre:
            row += 1
            mono = Font(name="Courier New", size=9)  # laid out with spaces: a fixed width
            for line in s.pre.splitlines():
                put(ws, row, 1, line).font = mono
                row += 1
            ws.column_dimensions["A"].width = 120
        # printed landscape, every column on the page's width (the trace at its own size:
        # its tables of 120 characters fit, and its long lines would shrink it unreadably)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        if not s.pre:
            ws.page_setup.fitToWidth = 1
            ws.page_setup.fitToHeight = 0
            ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.title = shown(title)
    wb.properties.creator = "lcc"
    save_reproducible(wb, path)


_INT_COLUMNS = ("rank", "simple_payback", "discounted_payback")
_RATIO_COLUMNS = ("sir", "first_order", "total_order", "S1", "S1_conf", "ST", "ST_conf")


def _excel_value(v: Any) -> Any:
    if isinstance(v, (np.floating, float)):
        return None if np.isnan(v) else float(v)
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    return v
