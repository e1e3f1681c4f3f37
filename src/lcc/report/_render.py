"""Render report sections as self-contained HTML, Markdown or an Excel workbook."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from lcc._i18n import number, word
from lcc.report._content import Section

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
       max-width: 1100px; color: #1a1a1a; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.7rem; border-bottom: 3px solid #1f4e79; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; color: #1f4e79; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #c9d3df; padding: .3rem .6rem; }
th { background: #eef3f8; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.best td { background: #e8f4e5; font-weight: 600; }
.lead { font-size: 1.05rem; background: #f5f8fb; border-left: 4px solid #1f4e79;
        padding: .6rem 1rem; }
pre { background: #f7f7f7; border: 1px solid #ddd; padding: .8rem; font-size: .78rem;
      overflow-x: auto; white-space: pre-wrap; }
.chart svg { width: 100%; max-width: 900px; height: auto; }
ul.lines li { margin: .15rem 0; }
nav a { margin-right: .8rem; font-size: .9rem; }
footer { margin-top: 3rem; font-size: .8rem; color: #666; }
"""

_INT_COLUMNS = ("rank", "simple_payback", "discounted_payback")
_RATIO_COLUMNS = ("sir", "airr", "probability_best", "probability_best_se", "first_order",
                  "total_order", "low", "high", "base", "relative_change")


def _cell(col: str, value: Any, lang: str, money: bool) -> tuple[str, bool]:
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        if col in _INT_COLUMNS:
            return number(value, lang, 0), True
        if col in _RATIO_COLUMNS or not money:
            return number(value, lang, 4 if col in _RATIO_COLUMNS else 2), True
        return number(value, lang, 2), True
    return str(value), False


def _html_table(section: Section, lang: str, best: str | None) -> str:
    df = section.table
    assert df is not None
    head = "".join(f"<th>{html.escape(word(c, lang))}</th>" for c in
                   [df.index.name or "", *df.columns])
    rows = []
    for idx, row in df.iterrows():
        cls = ' class="best"' if best is not None and idx == best else ""
        cells = [f"<th>{html.escape(word(idx, lang, header=False))}</th>"]
        for col, value in row.items():
            text, num = _cell(str(col), value, lang, section.money)
            cells.append(f'<td class="num">{html.escape(text)}</td>' if num
                         else f"<td>{html.escape(text)}</td>")
        rows.append(f"<tr{cls}>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def to_html(sections: list[Section], *, title: str, lang: str, currency: str,
            best: str | None) -> str:
    """A self-contained HTML page: inline CSS and SVG, no network access."""
    nav = "".join(f'<a href="#{s.key}">{html.escape(s.title)}</a>' for s in sections)
    body = [f"<h1>{html.escape(title)}</h1>", f"<nav>{nav}</nav>"]
    for s in sections:
        body.append(f'<section id="{s.key}"><h2>{html.escape(s.title)}</h2>')
        if s.key == "summary" and s.lines:
            body.append(f'<p class="lead">{html.escape(s.lines[0])}</p>')
            rest = s.lines[1:]
        else:
            rest = s.lines
        if s.table is not None:
            body.append(_html_table(s, lang, best if s.key == "summary" else None))
            if s.money:
                body.append(f"<p><small>{html.escape(word('amounts_in', lang))} "
                            f"{html.escape(currency)}</small></p>")
        if s.svg:
            body.append(f'<div class="chart">{_clean_svg(s.svg)}</div>')
        if rest:
            items = "".join(f"<li>{html.escape(line)}</li>" for line in rest)
            body.append(f'<ul class="lines">{items}</ul>')
        if s.pre:
            body.append(f"<pre>{html.escape(s.pre)}</pre>")
        body.append("</section>")
    body.append(f"<footer>lcc — {html.escape(title)}</footer>")
    lang_attr = "sv" if lang == "sv" else "en"
    return (f'<!DOCTYPE html>\n<html lang="{lang_attr}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>"
            f"<body>{''.join(body)}</body></html>\n")


def _clean_svg(svg: str) -> str:
    # drop the XML prolog and DOCTYPE so the SVG can sit inline in HTML
    svg = re.sub(r"<\?xml[^>]*>\s*", "", svg)
    return re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg)


def _md_table(section: Section, lang: str) -> str:
    df = section.table
    assert df is not None
    cols = [df.index.name or "", *map(str, df.columns)]
    lines = ["| " + " | ".join(word(c, lang) for c in cols) + " |",
             "|" + "|".join(" --- " if i == 0 else " ---: " for i in range(len(cols))) + "|"]
    for idx, row in df.iterrows():
        cells = [word(idx, lang, header=False)]
        for col, value in row.items():
            cells.append(_cell(str(col), value, lang, section.money)[0])
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def to_markdown(sections: list[Section], *, title: str, lang: str, currency: str) -> str:
    """Markdown: headings, pipe tables and the trace in a code block (no charts)."""
    out = [f"# {title}", ""]
    for s in sections:
        if s.table is None and not s.lines and not s.pre:
            continue
        out += [f"## {s.title}", ""]
        if s.table is not None:
            out += [_md_table(s, lang), ""]
            if s.money:
                out += [f"_{currency}_", ""]
        out += [f"- {line}" for line in s.lines]
        if s.lines:
            out.append("")
        if s.pre:
            out += ["```text", s.pre, "```", ""]
    return "\n".join(out).rstrip() + "\n"


def to_excel(sections: list[Section], path: Path, *, title: str, lang: str,
             currency: str) -> None:
    """An Excel workbook: one sheet per table, plus assumptions, method, versions, trace."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from lcc._errors import LCCError

        raise LCCError("Excel reports need openpyxl: pip install 'openlcc[excel]'") from exc
    wb = Workbook()
    first = True
    for s in sections:
        if s.table is None and not s.lines and not s.pre:
            continue
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = _sheet_name(s.title)
        ws["A1"] = s.title
        ws["A1"].font = Font(bold=True, size=13)
        row = 3
        if s.table is not None:
            df = s.table
            headers = [word(df.index.name or "", lang), *(word(c, lang) for c in df.columns)]
            for j, h in enumerate(headers, start=1):
                cell = ws.cell(row=row, column=j, value=h)
                cell.font = Font(bold=True)
            for idx, values in df.iterrows():
                row += 1
                ws.cell(row=row, column=1, value=word(idx, lang, header=False))
                for j, (col, v) in enumerate(values.items(), start=2):
                    cell = ws.cell(row=row, column=j, value=_excel_value(v))
                    if isinstance(cell.value, float):
                        cell.number_format = ("0" if str(col) in _INT_COLUMNS else
                                              "0.0000" if str(col) in _RATIO_COLUMNS else
                                              "#,##0.00")
            if s.money:
                row += 2
                ws.cell(row=row, column=1, value=f"[{currency}]")
            for j in range(1, len(headers) + 1):
                ws.column_dimensions[get_column_letter(j)].width = 22 if j == 1 else 18
            row += 2
        for line in s.lines:
            ws.cell(row=row, column=1, value=line)
            row += 1
        if s.pre:
            row += 1
            for line in s.pre.splitlines():
                ws.cell(row=row, column=1, value=line)
                row += 1
            ws.column_dimensions["A"].width = 120
    wb.properties.title = title
    wb.save(path)


def _excel_value(v: Any) -> Any:
    if isinstance(v, (np.floating, float)):
        return None if np.isnan(v) else float(v)
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    return v


def _sheet_name(title: str) -> str:
    clean = re.sub(r"[\[\]:*?/\\]", " ", title).strip()
    return clean[:31] or "Sheet"
