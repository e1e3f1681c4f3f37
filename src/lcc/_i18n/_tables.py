"""Tables for the terminal and CSV: translated labels, formatted numbers, safe text.

Text from tender files is data, shown by the rule of :mod:`lcc._text`: no control or
invisible format character reaches the terminal, and no CSV cell starts like a formula.
"""

from __future__ import annotations

import json
import math
from collections.abc import Container
from typing import Any

import numpy as np
import pandas as pd

from lcc._i18n._format import number, percent, significant
from lcc._i18n._labels import EMISSION_COLUMN, PERCENT_COLUMNS, word
from lcc._text import escape_invisible, pad, shown, spreadsheet_text, width

#: Columns of input values (any magnitude): shown with 6 significant digits.
VALUE_COLUMNS = ("base", "low", "high", "break_even", "value")


def _digits(column: str) -> int:
    if column in ("rank", "simple_payback", "discounted_payback"):
        return 0
    if column in ("sir", "first_order", "total_order", "S1", "S1_conf", "ST", "ST_conf"):
        return 4
    if EMISSION_COLUMN.match(column):
        return 0
    return 2


def cell(column: str, value: Any, lang: str) -> str:
    """One table cell as the reader sees it."""
    if isinstance(value, (float, int, np.floating, np.integer)) and not isinstance(value, bool):
        if column in PERCENT_COLUMNS:
            return percent(value, lang, 2, fixed=True)
        if column in VALUE_COLUMNS:
            return significant(value, lang)
        return number(value, lang, _digits(column))
    return shown(value)


def _index_word(i: Any, lang: str, words: Container[str] | None) -> str:
    """A row label: lcc's word translated (a category), a user's name as written — an
    alternative named 'energy' stays 'energy' where ``words`` says which are lcc's."""
    return word(i, lang, header=False) if words is None or str(i) in words else str(i)


def table(df: pd.DataFrame, lang: str, *, title: str | None = None,
          index_words: Container[str] | None = None) -> str:
    """An aligned plain-text table with translated labels and formatted numbers.

    ``index_words``: the row labels that are lcc's own words, to translate (None: all that
    are known words, as for categories); other row labels are names, shown as written."""
    cols = [str(c) for c in df.columns]
    header = [shown(word(df.index.name or "", lang))] + [shown(word(c, lang))
                                                             for c in cols]
    rows = []
    for idx, row in df.iterrows():
        cells = [shown(_index_word(idx, lang, index_words))]
        cells += [cell(c, v, lang) for c, v in zip(cols, row.tolist(), strict=True)]
        rows.append(cells)
    widths = [max(width(h), *(width(r[i]) for r in rows)) if rows else width(h)
              for i, h in enumerate(header)]
    numeric = [False] + [(pd.api.types.is_numeric_dtype(df[c]) and
                          not pd.api.types.is_bool_dtype(df[c])) or str(c) in VALUE_COLUMNS
                         for c in df.columns]  # a value column of rates in % is text

    def fit(text: str, i: int) -> str:
        return pad(text, widths[i], right=numeric[i])

    lines = []
    if title:
        lines.append(shown(title))
    lines.append("  ".join(fit(h, i) for i, h in enumerate(header)).rstrip())
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(fit(c, i) for i, c in enumerate(r)).rstrip())
    return "\n".join(lines)


def csv(df: pd.DataFrame, lang: str, *, index_words: Container[str] | None = None) -> str:
    """CSV: ',' and '.' decimals (en); ';' and ',' decimals (sv, as Excel expects).

    Text cells that start like a formula are neutralised (:func:`spreadsheet_text`);
    ``index_words`` as for :func:`table`.
    """
    out = df.rename(columns=lambda c: spreadsheet_text(word(c, lang)),
                    index=lambda i: spreadsheet_text(_index_word(i, lang, index_words)))
    for c in out.columns:
        if out[c].dtype == object or pd.api.types.is_string_dtype(out[c]):
            out[c] = out[c].map(spreadsheet_text)
        elif pd.api.types.is_float_dtype(out[c]):
            out[c] = out[c] + 0.0  # −0.0 (a residual of nothing) is written 0
    out.index.name = spreadsheet_text(word(df.index.name or "", lang)) or None
    if lang == "sv":
        return out.to_csv(sep=";", decimal=",")
    return out.to_csv()


def _clean(v: Any) -> Any:
    if isinstance(v, (np.floating, float)):
        return None if not math.isfinite(float(v)) else float(v) + 0.0
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, dict):
        return {str(k): _clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_clean(x) for x in v]
    return v


def to_json(payload: Any) -> str:
    """JSON with stable English keys and full float precision (NaN → null)."""
    if isinstance(payload, pd.DataFrame):
        payload = {str(i): {str(c): row[c] for c in payload.columns}
                   for i, row in payload.iterrows()}
    return escape_invisible(json.dumps(_clean(payload), ensure_ascii=False, indent=2), json=True)
