"""Writing Excel workbooks: text cells that stay text, and the same bytes for the same inputs.

Every text lcc writes into a cell goes through :func:`put` (or :func:`text`): it is
shown by the rule of :mod:`lcc._text` (no control or invisible format character,
which openpyxl would also refuse) and a cell written by :func:`put` is a text cell,
so ``=HYPERLINK(…)`` from a tender stays text.

openpyxl stamps a workbook with the wall-clock time (its properties and every
zip entry); a document filed with an award decision must be reproducible, so
both are set to one fixed time. The date a document shows is its own
(``SOURCE_DATE_EPOCH`` or the tender's), never the time it was written.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from lcc._text import shown_lines

#: The time stamped on every workbook and zip entry.
FIXED = _dt.datetime(2000, 1, 1)


def text(value: Any) -> Any:
    """A cell's value: a text as it may be shown (line breaks kept); other values as they are."""
    return shown_lines(value) if isinstance(value, str) else value


def put(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write ``value`` at (``row``, ``column``) of ``ws``; a text is a text cell. The cell."""
    c = ws.cell(row=row, column=column)
    c.value = text(value)
    if isinstance(value, str):
        c.data_type = "s"
    return c


def sheet_name(title: str, used: set[str]) -> str:
    """A sheet name for ``title`` that Excel opens: shown by the rule of :mod:`lcc._text`,
    without ``[ ] : * ? / \\``, no apostrophe or blank at either end, at most 31
    characters, not 'History' (Excel's own) and unique without regard to case (``used``
    holds the names given, in lower case).

    >>> used = set()
    >>> sheet_name("Difference from 'Bid: A'", used), sheet_name("difference from 'bid: a'", used)
    ("Difference from 'Bid  A", "difference from 'bid  a 2")
    """
    clean = re.sub(r"[\[\]:*?/\\]", " ", shown_lines(title).replace("\n", " "))
    clean = clean[:31].strip(" '") or "Sheet"
    base, n = clean, 2
    while clean.lower() in used or clean.lower() == "history":
        suffix = f" {n}"
        clean = base[:31 - len(suffix)].rstrip(" '") + suffix
        n += 1
    used.add(clean.lower())
    return clean


def save_reproducible(wb: Any, path: str | Path) -> Path:
    """Save ``wb`` to ``path`` with fixed time stamps; the same workbook gives the same bytes."""
    Path(path).write_bytes(workbook_bytes(wb))
    return Path(path)


def workbook_bytes(wb: Any) -> bytes:
    """The bytes of ``wb`` as an xlsx file, with fixed time stamps in its entries and
    properties."""
    wb.properties.title = text(wb.properties.title)
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.lastModifiedBy = None
    raw = io.BytesIO()
    wb.save(raw)
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                              rb"\g<1>" + stamp + rb"\g<2>", data)
            new = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            new.compress_type = zipfile.ZIP_DEFLATED
            new.external_attr = 0o600 << 16
            zout.writestr(new, data)
    return buf.getvalue()
