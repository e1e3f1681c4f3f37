"""Tables for the terminal and CSV: translated labels, formatted numbers, safe text.

Text from tender files is data: the terminal never receives a control
character (an ESC sequence in a name could rewrite the screen), and a CSV
cell never starts with ``= + - @`` (or TAB/CR), which a spreadsheet would run
as a formula (OWASP, CSV injection): such a cell gets a leading ``'``.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import numpy as np
import pandas as pd

from lcc._i18n._format import number, percent, significant
from lcc._i18n._labels import EMISSION_COLUMN, PERCENT_COLUMNS, word

#: C0 and C1 control characters and DEL (TAB and newline included: a cell is one line).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: ANSI escape sequences (CSI … final byte, OSC … BEL/ST), removed whole.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")

#: Columns of input values (any magnitude): shown with 6 significant digits.
VALUE_COLUMNS = ("base", "low", "high", "break_even", "relative_change", "value")


def printable(text: Any) -> str:
    """Text safe for a terminal: escape sequences and control characters removed."""
    return _CONTROL.sub("", _ANSI.sub("", str(text)))


def printable_block(text: str) -> str:
    """Preformatted text without control characters (newlines kept)."""
    return "\n".join(printable(line) for line in str(text).split("\n"))


def csv_safe(value: Any) -> Any:
    """A text cell that a spreadsheet will not run as a formula (OWASP): ``'=…``;
    control characters removed."""
    if not isinstance(value, str):
        return value
    if value and value[0] in "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20":
        return "'" + printable(value)
    return printable(value)


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
            return percent(value, lang, 2)
        if column in VALUE_COLUMNS:
            return significant(value, lang)
        return number(value, lang, _digits(column))
    return printable(value)


def table(df: pd.DataFrame, lang: str, *, title: str | None = None) -> str:
    """An aligned plain-text table with translated labels and formatted numbers."""
    cols = [str(c) for c in df.columns]
    header = [printable(word(df.index.name or "", lang))] + [printable(word(c, lang))
                                                             for c in cols]
    rows = []
    for idx, row in df.iterrows():
        cells = [printable(word(idx, lang, header=False))]
        cells += [cell(c, v, lang) for c, v in zip(cols, row.tolist(), strict=True)]
        rows.append(cells)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(header)]
    numeric = [False] + [pd.api.types.is_numeric_dtype(df[c]) and
                         not pd.api.types.is_bool_dtype(df[c]) for c in df.columns]

    def fit(text: str, i: int) -> str:
        return text.rjust(widths[i]) if numeric[i] else text.ljust(widths[i])

    lines = []
    if title:
        lines.append(printable(title))
    lines.append("  ".join(fit(h, i) for i, h in enumerate(header)).rstrip())
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(fit(c, i) for i, c in enumerate(r)).rstrip())
    return "\n".join(lines)


def csv(df: pd.DataFrame, lang: str) -> str:
    """CSV: ',' and '.' decimals (en); ';' and ',' decimals (sv, as Excel expects).

    Text cells that start like a formula are neutralised (:func:`csv_safe`).
    """
    shown = df.rename(columns=lambda c: csv_safe(word(c, lang)),
                      index=lambda i: csv_safe(word(i, lang, header=False)))
    for c in shown.columns:
        if shown[c].dtype == object or pd.api.types.is_string_dtype(shown[c]):
            shown[c] = shown[c].map(csv_safe)
    shown.index.name = csv_safe(word(df.index.name or "", lang)) or None
    if lang == "sv":
        return shown.to_csv(sep=";", decimal=",")
    return shown.to_csv()


def _clean(v: Any) -> Any:
    if isinstance(v, (np.floating, float)):
        return None if math.isnan(float(v)) else float(v)
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
    return json.dumps(_clean(payload), ensure_ascii=False, indent=2)
