"""Saving an Excel workbook so that the same inputs give the same bytes (internal).

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

#: The time stamped on every workbook and zip entry.
FIXED = _dt.datetime(2000, 1, 1)


def save_reproducible(wb: Any, path: str | Path) -> Path:
    """Save ``wb`` to ``path`` with fixed time stamps; the same workbook gives the same bytes."""
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.lastModifiedBy = None
    wb.save(path)
    _normalise_zip(Path(path), FIXED)
    return Path(path)


def _normalise_zip(path: Path, when: _dt.datetime) -> None:
    """Rewrite a zip (xlsx) with fixed time stamps in its entries and properties."""
    with zipfile.ZipFile(path) as zin:
        entries = [(info, zin.read(info.filename)) for info in zin.infolist()]
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                              rb"\g<1>" + stamp + rb"\g<2>", data)
            new = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            new.compress_type = zipfile.ZIP_DEFLATED
            new.external_attr = 0o600 << 16
            zout.writestr(new, data)
    path.write_bytes(buf.getvalue())
