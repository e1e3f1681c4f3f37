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

import dataclasses
import datetime as _dt
import io
import math
import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path
from typing import IO, Any

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
    text = re.sub(r"[\[\]:*?/\\]", " ", shown_lines(title).replace("\n", " ")).strip(" '")
    clean = _word_cut(text, SHEET_CHARS) or "Sheet"
    n = 2
    while clean.lower() in used or clean.lower() == "history":
        suffix = f" {n}"
        clean = (_word_cut(text, SHEET_CHARS - len(suffix)) or "Sheet") + suffix
        n += 1
    used.add(clean.lower())
    return clean


#: Excel's longest sheet name.
SHEET_CHARS = 31


def _word_cut(text: str, most: int) -> str:
    """``text`` cut to at most ``most`` characters at a word's end, without a trailing
    blank, apostrophe or punctuation; where that would keep less than half of it (a long
    last word), it is cut where it must be.

    >>> _word_cut("Känslighetsanalys (tornadodiagram)", 31)
    'Känslighetsanalys'
    >>> _word_cut("Skillnad mot jämförelsealternativet (A)", 31)
    'Skillnad mot jämförelsealternat'
    """
    if len(text) <= most:
        return text
    head = text[:most + 1]
    cut = head.rsplit(" ", 1)[0].rstrip(" ,;:—–-('") if " " in head else ""
    return cut if len(cut) * 2 >= most else text[:most].rstrip(" '")


def save_reproducible(wb: Any, path: str | Path) -> Path:
    """Save ``wb`` to ``path`` with fixed time stamps; the same workbook gives the same bytes."""
    Path(path).write_bytes(workbook_bytes(wb))
    return Path(path)


def workbook_bytes(wb: Any) -> bytes:
    """The bytes of ``wb`` as an xlsx file, with fixed time stamps in its entries and
    properties."""
    wb.properties.title = text(wb.properties.title)
    for ws in wb.worksheets:  # a data validation's texts are attributes: no cell cleans them
        for dv in getattr(getattr(ws, "data_validations", None), "dataValidation", ()):
            for attr in ("prompt", "promptTitle", "error", "errorTitle"):
                if isinstance(getattr(dv, attr, None), str):
                    setattr(dv, attr, text(getattr(dv, attr)))
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


@dataclasses.dataclass(frozen=True)
class Shown:
    """How a cell's number format shows a number (Excel's format codes, ECMA-376 §18.8.31).

    ``scale`` is what the shown number is multiplied by (``0,`` shows thousands: 0.001;
    ``0%`` shows hundredths: 100), ``thousands`` how many times it divides by 1000;
    ``text`` the words it adds (``"tkr"``, ``kr`` of
    ``[$kr-41D]``), without signs, brackets and blanks; ``digits`` whether it shows the
    number at all (a section without ``0``, ``#`` or ``?`` shows only its text); ``sign``
    whether a negative number shows a minus or brackets; ``date`` whether it shows a date or
    a time; ``condition`` whether the section is chosen by a condition (``[<100]``);
    ``filled`` whether a digit is repeated to fill the cell (``0*0`` shows 45 as
    4500000…, as many zeros as the column is wide); ``figure`` the number it shows, after
    ``scale`` and rounded to its decimals or its exponent (``0`` shows 0.4 as 0, ``0E+0``
    shows 4450 as 4E+3: 4000), None where it shows no number.
    """

    thousands: int = 0
    percent: bool = False
    text: str = ""
    digits: bool = True
    sign: bool = True
    date: bool = False
    condition: bool = False
    filled: bool = False
    figure: float | None = None

    @property
    def scale(self) -> float:
        """What the shown number is multiplied by (0 past 200 scaling commas)."""
        return (100.0 if self.percent else 1.0) * 10.0 ** (-3 * min(self.thousands, 200))


_CODE = re.compile(r'"[^"]*"?|\\.|_.|\*.|\[[^\]]*\]?|[^"\\_*\[]+', re.S)
_DATE_CODES = re.compile(r"(?i)[ymdhse]|am/pm|a/p|b[12]?|g")


def _sections(fmt: str) -> list[str]:
    out, part = [], ""
    for token in _CODE.findall(fmt):
        if token[0] not in '"\\_*[' and ";" in token:
            pieces = token.split(";")
            out.append(part + pieces[0])
            out.extend(pieces[1:-1])
            part = pieces[-1]
        else:
            part += token
    return [*out, part]


def number_shown(fmt: str | None, value: float) -> Shown:
    """How the number format ``fmt`` of a cell shows ``value``.

    >>> number_shown('#,##0 "tkr"', 4.0).text, number_shown("0,", 4000.0).scale
    ('tkr', 0.001)
    >>> number_shown("0;0", -5.0).sign, number_shown(";;;", 5.0).digits
    (False, False)
    >>> number_shown("yyyy-mm-dd", 45000.0).date, number_shown("0.0E+00", 4e6).date
    (True, False)
    """
    if not fmt or fmt.strip().lower() in ("general", "@"):
        return Shown()
    sections = _sections(fmt)
    if value < 0 and len(sections) > 1:
        section, automatic = sections[1], False
    elif value == 0 and len(sections) > 2:
        section, automatic = sections[2], True
    else:
        section, automatic = sections[0], True
    words = ""  # the format's own text, a blank where a code stands between two pieces
    codes = ""
    condition = date = filled = False
    for token in _CODE.findall(section):
        if token[0] == '"':
            words += token.strip('"')
        elif token[0] == "\\":
            words += token[1]
        elif token[0] in "_*":
            filled = filled or (token[0] == "*" and token[1:2].isdigit())
            continue
        elif token[0] == "[":
            inner = token.strip("[]")
            if inner.startswith("$"):
                words += " " + inner[1:].split("-", 1)[0] + " "
            elif re.fullmatch(r"(?i)[hms]+", inner):
                date = True
            elif re.match(r"[<>=]", inner):
                condition = True
        else:
            code = "0" + token[7:] if token.lower().startswith("general") else token
            codes += code
            words += " " + re.sub(r"[0#?.,%/ ()+\-:$!^&'~{}<>=@]", "", re.sub(
                r"(?i)e[+-]", "", code)) + " "
    plain = re.sub(r"(?i)e[+-]", "", codes)  # an exponent is not a date code
    date = date or bool(_DATE_CODES.search(re.sub(r"[0#?.,%/ ()+\-:$!^&'~{}<>=@\d]", "",
                                                  plain)))
    text = " ".join(re.sub(r"[()\-+−–]", " ", words).split())
    percent = "%" in codes
    scaling = sum(len(g) for g in re.findall(r"[0#?](,+)(?![,]*[0#?])", codes))
    sign = automatic or any(c in "-(" for c in section.replace("\\", ""))
    shown = Shown(thousands=scaling, percent=percent, text=text,
                  digits=bool(re.search(r"[0#?]", codes)), sign=sign, date=date,
                  condition=condition, filled=filled)
    if not shown.digits or date or not math.isfinite(value) or "/" in codes:
        return shown  # a fraction ('# ?/?' shows 8.5 as 8 1/2) is not a decimal rounding
    return dataclasses.replace(shown, figure=_rounded(codes, value * shown.scale))


def _rounded(codes: str, x: float) -> float:
    """``x`` as the digit codes show it: to their decimals, in scientific notation to the
    decimals of the mantissa (an exponent a multiple of the integer digits, as Excel's
    engineering notation ``##0.0E+0``)."""
    if not math.isfinite(x):  # 1e300 shown in per cent: past floats, shown as it is
        return x
    mantissa, e_mark = [*re.split(r"(?i)(e[+-])", codes, maxsplit=1), "", ""][:2]
    point = mantissa.find(".")
    decimals = len(re.findall(r"[0#?]", mantissa[point:])) if point >= 0 else 0
    if not e_mark or x == 0:
        return _half_up(x, decimals)
    whole = max(len(re.findall(r"[0#?]", mantissa[:point] if point >= 0 else mantissa)), 1)
    exponent = math.floor(math.log10(abs(x)))
    if abs(exponent) > 300:  # 10^exponent beyond floats: shown as it is
        return x
    exponent = whole * math.floor(exponent / whole) if whole > 1 else exponent
    return _half_up(x / 10.0**exponent, decimals) * 10.0**exponent


def _half_up(x: float, decimals: int) -> float:
    """``x`` to ``decimals`` as a spreadsheet rounds it: a half away from zero (2.25 → 2.3;
    Python's round gives 2.2)."""
    if abs(x) >= 1e15 or decimals > 300:  # past a float's digits: nothing to round
        return x
    with localcontext() as context:  # as many digits as the rounding keeps
        context.prec = decimals + 40
        return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-decimals),
                                               rounding=ROUND_HALF_UP))


def package_size(path: str | Path | IO[bytes]) -> tuple[int, int, set[str]] | None:
    """(parts, bytes they unpack to, their names) of an Excel package, None if the file is no
    zip package. What a reader may unpack is known before it unpacks anything: a few hundred
    kilobytes can unpack to gigabytes (a 'zip bomb')."""
    try:
        with zipfile.ZipFile(path) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    return len(parts), sum(p.file_size for p in parts), {p.filename for p in parts}
