"""Reading filled Excel bid forms back into alternatives (internal; needs openpyxl).

Only values are read: formulas are never evaluated (the value Excel cached
when the bidder saved is used; a formula without one is an error) and macros
are never run (openpyxl does not run code; ``keep_vba=False`` drops the VBA
project of a .xlsm). Every problem becomes a :class:`~lcc.io.TenderIssue`
with the form's file and the sheet and cell as its path (``Bid!D7``).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from lcc._errors import (
    CatalogText,
    Figure,
    LCCError,
    Msg,
    UnitText,
    as_msg,
    in_lang,
    join,
    os_reason,
)
from lcc._i18n import unit as shown_unit
from lcc._text import is_blank, same_name
from lcc._version import __version__
from lcc._xlsx import _sections, number_shown, package_size
from lcc.bidform._identity import changes, decisive, fingerprint
from lcc.bidform._spec import (
    PERCENT_RANGE,
    BidField,
    BidForm,
    Slot,
    TenderFile,
    default_word,
    derive_form,
    own_parameters,
    rows_of_error,
    same_unit,
    value_text,
)
from lcc.bidform._words import LANGS, META_SHEET, SHEETS
from lcc.bidform._write import (
    COL_KEY,
    COL_UNIT,
    COL_VALUE,
    FIRST_ROW,
    FORM_FORMAT,
    LAST_COL,
    cell_ref,
    openpyxl_module,
    write_form,
)
from lcc.io._build import Reader, Scope, build_alternative, check_evaluation
from lcc.io._issues import MAX_ISSUES, Collector, TenderIssue
from lcc.io._model import Tender
from lcc.io._values import number_text
from lcc.model import Alternative
from lcc.model._fields import located
from lcc.results import evaluate

#: Largest form read, in bytes (20 MiB), and largest unpacked content (200 MiB).
MAX_FORM_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
#: Most parts (files) in the workbook's package.
MAX_PARTS = 2000
#: Largest sheet (and shared-strings part) unpacked, in bytes: a form's sheets hold its
#: dozen rows (a form of 60 rows writes some 300 kB), so a bigger one is refused before
#: openpyxl reads it (a million one-cell rows took 50 s and 2.6 GB to list one by one).
MAX_SHEET_BYTES = 4 * 1024 * 1024

SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class _Form:
    """One form being read: its file name and the issues found."""

    file: str
    issues: list[TenderIssue]
    #: the fields whose blank cell took the tender's default, with the cell
    defaults: list[tuple[BidField, str]] = field(default_factory=list)

    def add(self, code: str, where: str, message: Msg) -> None:
        """Record a problem (up to :data:`~lcc.io._issues.MAX_ISSUES`; then one says so)."""
        if len(self.issues) >= MAX_ISSUES:
            if len(self.issues) == MAX_ISSUES:
                self.issues.append(TenderIssue("too-many", Msg(
                    "more than {limit} problems; the rest are not listed — mend these and read "
                    "the file again", limit=MAX_ISSUES), "", self.file, None))
            raise _Full
        self.issues.append(TenderIssue(code, message, where, self.file, None))


class _Full(Exception):
    """A form's list of problems is full: reading it stops (internal)."""


def _open(form: _Form, path: Path | bytes) -> tuple[Any, Any] | None:
    """The workbook twice: cached values, and formulas (to spot formulas without values).

    ``path`` is the form's file, or its bytes (an upload held in memory)."""
    suffix = Path(form.file).suffix.lower()
    if isinstance(path, bytes):  # in memory: its name, where it has one, says the type
        size = len(path)
        if suffix and suffix not in SUFFIXES:
            _wrong_suffix(form, suffix)
            return None
    else:
        if path.is_dir():  # said as such, whatever its name ends with
            form.add("missing-file", "", Msg("is a folder, not a bid form"))
            return None
        suffix = path.suffix.lower()
        if suffix not in SUFFIXES:
            _wrong_suffix(form, suffix)
            return None
        try:
            size = path.stat().st_size
        except OSError as exc:
            form.add("missing-file", "", Msg("cannot read the file: {reason}",
                                             reason=os_reason(exc)))
            return None
        if not path.is_file():  # a pipe or a device: reading it would wait forever
            form.add("unsupported-format", "", Msg("not a regular file (a pipe or a device), "
                                                   "not a bid form"))
            return None
    if size > MAX_FORM_BYTES:
        form.add("too-large", "", Msg("the file is {size} bytes; the limit for a bid form is "
                                      "{limit} bytes", size=_bytes(size),
                                      limit=_bytes(MAX_FORM_BYTES)))
        return None
    def source() -> Any:
        return io.BytesIO(path) if isinstance(path, bytes) else path

    package = package_size(source())
    if package is None:
        form.add("parse-error", "", Msg("the file cannot be opened as an Excel workbook: it "
                                        "is not a valid .xlsx package (corrupt, or another "
                                        "kind of file renamed)"))
        return None
    parts, unpacked, names = package
    if parts > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
        form.add("too-large", "", Msg("the workbook unpacks to {parts} parts and {size} "
                                      "bytes; the limit is {most} parts and {limit} bytes",
                                      parts=parts, size=_bytes(unpacked), most=MAX_PARTS,
                                      limit=_bytes(MAX_UNPACKED_BYTES)))
        return None
    big = _largest_sheet(source())
    if big is not None and big[1] > MAX_SHEET_BYTES:
        form.add("too-large", "", Msg(
            "the part {part} of the workbook unpacks to {size} bytes; a sheet of a bid form is "
            "at most {limit} bytes: the workbook holds rows or cells far beyond the form's own "
            "(remove them, or fill in a new copy of the form)", part=big[0],
            size=_bytes(big[1]), limit=_bytes(MAX_SHEET_BYTES)))
        return None
    if "xl/workbook.xml" not in names:
        form.add("parse-error", "", Msg("the file is a zip package but not an Excel "
                                        "workbook (no xl/workbook.xml)"))
        return None
    openpyxl = openpyxl_module()
    try:
        # values as Excel last calculated them; VBA macros are dropped and never run
        values = openpyxl.load_workbook(source(), data_only=True, keep_vba=False,
                                        keep_links=False)
        formulas = openpyxl.load_workbook(source(), data_only=False, keep_vba=False,
                                          keep_links=False)
    except Exception:  # openpyxl raises many kinds on damaged packages: said in words, without
        # the exception's name or text (which names the server's temporary path)
        form.add("parse-error", "", Msg("the workbook cannot be read: it is damaged, or not a "
                                        "valid .xlsx workbook (open it in Excel and save it "
                                        "again as an .xlsx workbook)"))
        return None
    return values, formulas


def _wrong_suffix(form: _Form, suffix: str) -> None:
    hint = Msg(" (an old .xls workbook: save it as .xlsx)") if suffix == ".xls" else \
        Msg(" (save it as an Excel workbook, .xlsx)")
    form.add("unsupported-format", "", Msg(
        "not an Excel workbook: the file type is {suffix!r}; expected .xlsx or .xlsm{hint}",
        suffix=suffix, hint=hint) if suffix else Msg(
        "not an Excel workbook: the file type is '(no suffix)'; expected .xlsx or "
        ".xlsm{hint}", hint=hint))


def _largest_sheet(source: Any) -> tuple[str, int] | None:
    """The largest worksheet or shared-strings part of a package, with its unpacked size."""
    try:
        with zipfile.ZipFile(source) as z:
            parts = [(p.filename, p.file_size) for p in z.infolist()
                     if p.filename.startswith("xl/worksheets/")
                     or p.filename == "xl/sharedStrings.xml"]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):  # pragma: no cover - checked
        return None
    return max(parts, key=lambda p: p[1]) if parts else None


def _cells(ws: Any) -> Iterable[tuple[int, int, Any]]:
    """(row, column, value) of every cell the sheet stores, without creating cells."""
    for (row, col), cell in sorted(ws._cells.items()):
        yield row, col, cell.value


def _meta(form: _Form, wb: Any, tender: Tender, bid_form: BidForm) -> dict[str, str] | None:
    if META_SHEET not in wb.sheetnames:
        form.add("missing-sheet", META_SHEET, Msg(
            "the sheet {sheet!r} of a bid form is missing: this is not a bid form made with "
            "'lcc bid-form', or its hidden sheet was removed", sheet=META_SHEET))
        return None
    ws = wb[META_SHEET]
    meta: dict[str, str] = {}
    for row, col, value in _cells(ws):
        if col == 1 and isinstance(value, str):
            other = ws.cell(row, 2).value
            meta[value] = "" if other is None else str(other)
    where = cell_ref(META_SHEET, 1, 2)
    if meta.get("format") != FORM_FORMAT:
        form.add("unsupported-format", where, Msg(
            "the form's format is {got!r}; this version of lcc reads {format!r} forms; make "
            "the form again with 'lcc bid-form'", got=meta.get("format"), format=FORM_FORMAT))
        return None
    made = {ws.cell(row, 2).value: "" if ws.cell(row, 3).value is None
            else str(ws.cell(row, 3).value)
            for row, col, value in _cells(ws) if col == 1 and value == "decides"}
    now = decisive(tender, bid_form)
    if meta.get("fingerprint") != fingerprint(now) or fingerprint(made) != fingerprint(now):
        changed = changes(made, now)
        if changed and meta.get("tender_name") != tender.name:  # another tender altogether:
            form.add("other-tender", cell_ref(META_SHEET, 13, 2), Msg(  # not its differences
                "the form was made for another tender, {form!r}, not for {tender!r} (what "
                "decides the evaluation differs in {n} inputs); bids must be given on the form "
                "published with the tender evaluated", form=meta.get("tender_name"),
                tender=tender.name, n=len(changed)))
            return None
        shown = join("; ", [*changed[:8], *([Msg("and {n} more", n=len(changed) - 8)]
                                            if len(changed) > 8 else [])]) if changed else \
            Msg("the recorded fingerprint does not match")
        form.add("other-tender", cell_ref(META_SHEET, 13, 2), Msg(
            "the form was made for the tender {tender!r} as it was when the form was made; "
            "what decides the evaluation has changed since: {changes}; bids must be given on "
            "the form of the tender as it is evaluated (make and publish new forms, or "
            "evaluate with the tender as published)", tender=meta.get("tender_name"),
            changes=shown))
        return None
    if meta.get("lang") not in LANGS:
        form.add("invalid-value", cell_ref(META_SHEET, 8, 2),
                 Msg("unknown form language {lang!r}", lang=meta.get("lang")))
        return None
    return meta


#: Largest magnitude a form number may have: beyond it a value is a typing error (1e308
#: would overflow the LCC and rank a bid first), never a price.
MAX_MAGNITUDE = 1e15
_MAX_SHOWN = "1e+15"


class Problem(NamedTuple):
    """What is wrong with a cell's value: its code and the message."""

    code: str
    message: Msg


def cell_problem(f: BidField, value: Any) -> Problem | None:
    """The problem of a cell value (not blank) that is not acceptable for the field."""
    found = _cell_problem(f, value)
    return None if found is None else Problem(*found)


def _cell_problem(f: BidField, value: Any) -> tuple[str, Msg] | None:
    unit = Msg(" in {unit}", unit=UnitText(f.unit)) if f.unit else ""
    if f.kind == "text":
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return "wrong-type", Msg("expected a text, got {value!r}", value=value)
        if len(str(value).strip()) > 200:
            return "invalid-value", Msg("{n} characters; the limit is 200",
                                        n=len(str(value).strip()))
        return None
    if f.kind == "choice":
        choices = ", ".join(f.shown_choices)
        if not isinstance(value, str):
            return "wrong-type", Msg("got {value!r}; choose one of {choices}", value=value,
                                     choices=choices)
        if f.choice_of(value) is None:
            if f.rule is not None:  # the model's refusal, with its suggestion
                try:
                    with located(f.key, f.key):
                        f.rule.read(value.strip(), f.key)
                except LCCError as exc:
                    return exc.code or "invalid-value", as_msg(exc.detail)
            return "invalid-value", Msg("got {value!r}; choose one of {choices}", value=value,
                                        choices=choices)
        return None
    if isinstance(value, bool):
        return "wrong-type", Msg("got {value}; enter a number{unit}",
                                 value=str(value).upper(), unit=unit)
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return "wrong-type", Msg("got a date or time ({value}); enter a number{unit}",
                                 value=value, unit=unit)
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("#"):
            return "wrong-type", Msg("the cell shows the error {error}; enter a number{unit}",
                                     error=text, unit=unit)
        hint: Msg | str = ""
        if re.fullmatch(r"[-+]?\d[\d\s]*([.,]\d+)?", text):
            hint = Msg(" (the cell holds it as text: enter it as a number)")
        elif re.match(r"[-+]?\d", text):
            hint = Msg(" (write the number only; the unit {unit} is given in column C)",
                       unit=UnitText(f.unit)) if f.unit else Msg(" (write the number only)")
        return "wrong-type", Msg("got the text {value!r}; enter a number{unit}{hint}",
                                 value=value, unit=unit, hint=hint)
    if not isinstance(value, (int, float)):
        return "wrong-type", Msg("got {type} {value!r}; enter a number{unit}",
                                 type=type(value).__name__, value=value, unit=unit)
    x = float(value)
    value = Figure(value)  # as the reader's spreadsheet shows it: -1500,5 in Swedish
    if not math.isfinite(x) or abs(x) > MAX_MAGNITUDE:
        return "invalid-value", Msg("got {value!r}; enter a finite number{unit} of at most "
                                    "{limit} in size", value=value, unit=unit,
                                    limit=_MAX_SHOWN)
    if f.whole_number and not x.is_integer():
        return "invalid-value", Msg("got {value!r}; enter a whole number", value=value)
    if f.percent and not PERCENT_RANGE[0] < x < PERCENT_RANGE[1] and (
            x <= PERCENT_RANGE[0] or f.maximum is None):  # a fraction: 2 is 200 %; up to the
        # tender's max where it declares one (max = "150 %"), never −100 % or less
        return "invalid-value", Msg("got {value!r}, which is {shown}; enter a percentage over "
                                    "−100 % and under 100 % with its sign, e.g. 2 %",
                                    value=value, shown=UnitText(f"{x * 100:g} %"))
    if f.percent and f.maximum is not None and x > f.maximum:  # said as the row shows it
        return "invalid-value", Msg("got {value!r}, which is {shown}; enter a percentage of at "
                                    "most {bound}", value=value,
                                    shown=UnitText(f"{x * 100:g} %"),
                                    bound=UnitText(f"{f.maximum * 100:g} %"))
    if f.percent and f.minimum is not None and f.minimum > PERCENT_RANGE[0] and x < f.minimum:
        return "invalid-value", Msg("got {value!r}, which is {shown}; enter a percentage of at "
                                    "least {bound}", value=value,
                                    shown=UnitText(f"{x * 100:g} %"),
                                    bound=UnitText(f"{f.minimum * 100:g} %"))
    if f.minimum is not None and f.exclusive and x <= f.minimum:
        return "invalid-value", Msg("got {value!r}; expected a value > {bound}{unit}",
                                    value=value, bound=UnitText(number_text(f.minimum)), unit=unit)
    if f.minimum is not None and x < f.minimum:
        return "invalid-value", Msg("got {value!r}; expected a value ≥ {bound}{unit}",
                                    value=value, bound=UnitText(number_text(f.minimum)), unit=unit)
    if f.maximum is not None and x > f.maximum:
        return "invalid-value", Msg("got {value!r}; expected a value ≤ {bound}{unit}",
                                    value=value, bound=UnitText(number_text(f.maximum)), unit=unit)
    return None


def _figure(x: float) -> Figure:
    return Figure(int(x) if float(x).is_integer() and abs(x) < 1e15 else float(x))


def how_shown(f: BidField, fmt: str | None, x: float) -> Msg | None:
    """How the cell's number format shows another number than ``x``, the one lcc reads in the
    row's unit (the buyer would read '4 tkr' where lcc reads 4 SEK), or None.

    Excel's own formats of a typed number pass: ``#,##0``, ``0.00``, the row's unit however
    spelt (``#,##0 "kr"`` for SEK), the percentage a rate row is written with."""
    shown = number_shown(fmt, x)
    if shown.date:
        how = Msg("as a date or a time")
    elif shown.condition:
        how = Msg("by a condition of its own")
    elif not shown.digits and (x != 0 or re.search(r"\d", shown.text)):
        how = Msg("as the text {text!r} alone", text=shown.text) if shown.text else \
            Msg("as a blank cell")
    elif re.search(r"\d", shown.text):
        how = Msg("with the figures {text!r}", text=shown.text)
    elif x < 0 and not shown.sign:
        how = Msg("without its minus sign")
    elif (shown.percent and not f.percent and (f.unit or f.kind != "number")) or \
            (f.percent and not shown.percent):  # a share of 0.1 may show as 10 %
        how = Msg("as {shown}", shown=UnitText(f"{x * 100:g} %")) if shown.percent else \
            Msg("as the plain number {value}, not as a percentage", value=_figure(x))
    elif shown.scale not in (1.0, 100.0):
        how = Msg("in thousands or millions (as {shown})", shown=_figure(x * shown.scale))
    elif shown.text and not (f.unit and same_unit(shown.text, f.unit)) and not (
            f.kind == "count" and same_unit(shown.text, "st")):  # '12 st': twelve pieces
        how = Msg("with {text!r}, while the row is in {unit}", text=shown.text,
                  unit=UnitText(f.unit)) if f.unit else \
            Msg("with {text!r}, while the row has no unit", text=shown.text)
    elif shown.filled:
        how = Msg("with a digit repeated to fill the cell (as many as the column is wide)")
    elif shown.figure is not None and abs(shown.figure - x * shown.scale) > max(
            0.005 * abs(x * shown.scale), 5e-4 if shown.percent else 0.0):
        # rounded to its decimals or its exponent: 0.4 shown as 0, 3.4 % as 3 %, 4450 as 4E+3
        how = Msg("rounded, as {shown}", shown=UnitText(f"{shown.figure:.12g} %")
                  if shown.percent else _figure(shown.figure))
    else:
        return None
    return how


def _label(f: BidField) -> Msg:
    """The row a message is about: ``'Energy: power' [W]`` (its label in the reader's words
    where lcc wrote it)."""
    if f.unit:
        return Msg("{label!r} [{unit}]", label=f.label, unit=UnitText(f.unit))
    return Msg("{label!r}", label=f.label)


def _about(f: BidField, message: Msg) -> Msg:
    """A message about a row: ``'Energy: power' [W]: got …``."""
    return Msg("{row}: {message}", row=_label(f), message=message)


def _read_value(form: _Form, f: BidField, value: Any, where: str) -> Any:
    """The bidder's value of a field from its cell (the default if blank and declared);
    None if empty or wrong (issue added)."""
    if isinstance(value, str) and is_blank(value):
        value = None
    if value is None:
        if f.default is not None:
            form.defaults.append((f, where))
            return f.default
        form.add("missing-value", where, _about(f, Msg("empty; this value is required")))
        return None
    problem = cell_problem(f, value)
    if problem is not None:
        form.add(problem.code, where, _about(f, problem.message))
        return None
    if f.kind == "choice":
        return f.choice_of(value)
    if f.kind == "text":
        return value.strip() if isinstance(value, str) else (
            str(int(value)) if float(value).is_integer() else str(value))
    return float(value)


def _records(meta: Any) -> tuple[dict[str, Any], set[str]]:
    """The words (``shows``: place -> text or figure) and the formulas (``formula``: places)
    a form's meta sheet records."""
    recorded: dict[str, Any] = {}
    formulas: set[str] = set()
    for row, col, value in _cells(meta):
        if col == 1 and value in ("shows", "formula"):
            where = str(meta.cell(row, 2).value or "")
            if value == "formula":
                formulas.add(where)
            else:
                recorded[where] = meta.cell(row, 3).value
    return recorded, formulas


@dataclass
class _Made:
    """The form lcc writes now for the tender (in one language): its records of words and
    formulas, and the number format of each cell it fills."""

    recorded: dict[str, Any]
    formulas: set[str]
    formats: dict[str, str]


def _records_differ(form: _Form, recorded: dict[str, Any], formulas: set[str],
                    made: _Made) -> None:
    """Refuse a form whose records differ from those lcc writes for its tender: a record
    removed, added or altered (with its cell) would pass the check of the words."""
    places = sorted(p for p in {*recorded, *made.recorded, *formulas, *made.formulas}
                    if (p in recorded) != (p in made.recorded)
                    or (p in formulas) != (p in made.formulas)
                    or (p in recorded and _words(recorded[p]) != _words(made.recorded[p])))
    if places:
        form.add("changed-text", META_SHEET, Msg(
            "the record of the form's words in its hidden sheet {sheet!r} was changed ({n} "
            "records removed, added or altered: {places}); the import checks the form's texts "
            "and figures against it: fill in a copy of the form as published", sheet=META_SHEET,
            n=len(places), places=", ".join(places[:5]) + (", …" if len(places) > 5 else "")))


def _check_texts(form: _Form, meta: Any, book: Any, sheets: tuple[str, ...],
                 last_row: int, made: _Made | None = None) -> None:
    """Refuse a form whose words were changed: each text and figure the form was written with
    on its tender, bid and own-LCC sheets (its meta sheet records them, ``shows``, and the
    formulas, ``formula``) must stand in its cell, blanks aside, and nothing may be added
    beside them: a figure typed over the bidder's own LCC shows beside the bid's title as
    its 'LCC (preliminary)'. A bidder who makes 'Price incl.
    installation' read 'Price excl. installation', or writes 'excl. installation' in an empty
    cell, has answered another question than the one evaluated. The bidder's values, the
    rows' keys and units, and what lies outside the form's rows and columns have checks of
    their own (:meth:`_FormReader.layout`)."""
    from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter

    recorded, formulas = _records(meta)
    if made is not None:  # the form says it was made from this very tender file by this
        # lcc: its records are those lcc writes now, and each cell is checked against them
        _records_differ(form, recorded, formulas, made)
        recorded, formulas = made.recorded, made.formulas
    elif not recorded:  # removed: every check of the words would be off
        form.add("changed-text", META_SHEET, Msg(
            "the form's hidden sheet {sheet!r} holds no record of the form's words; the import "
            "checks the form's texts and figures against it: fill in a copy of the form as "
            "published (make the form again from the tender if needed)", sheet=META_SHEET))
        return
    bid_sheet = sheets[1]
    for sheet in sheets:
        kept = any(where.rpartition("!")[0] == sheet for where in (*recorded, *formulas))
        if sheet not in book.sheetnames:  # a missing tender or bid sheet is said once, as such
            if sheet not in sheets[:2] and kept:  # the bidder's own LCC, where recorded
                form.add("missing-sheet", sheet, Msg("the sheet {sheet!r} of the bid form "
                                                     "is missing", sheet=sheet))
            continue
        if sheet not in sheets[:2] and not kept:
            continue  # a form that recorded only its tender and bid sheets
        ws = book[sheet]
        places = {(r, c) for r, c, _ in _cells(ws)} | {
            coordinate_to_tuple(cell) for where in recorded
            for name, _, cell in [where.rpartition("!")] if name == sheet}
        for row, col in sorted(places):
            if sheet == bid_sheet and row >= FIRST_ROW and (
                    col in (COL_KEY, COL_UNIT, COL_VALUE) or col > LAST_COL or row > last_row):
                continue
            where = f"{sheet}!{get_column_letter(col)}{row}"
            cell = ws.cell(row, col)
            if where in formulas:
                if not _is_formula(cell):
                    form.add("changed-text", where, Msg(
                        "the form's formula was replaced by {now!r}: restore it (make the form "
                        "again from the tender if needed)", now=cell.value))
                continue
            now, was = cell.value, recorded.get(where)
            if _words(now) == _words(was):
                continue
            if was is None:
                form.add("changed-text", where, Msg(
                    "a text was added to the form: {now!r}; the form's cells hold the tender's "
                    "words, and the bidder's values only in the yellow cells: remove it (a "
                    "reservation or a remark goes in a letter beside the form, not in it)",
                    now=now))
            elif isinstance(was, (int, float)) and not isinstance(was, bool):
                form.add("changed-text", where, Msg(
                    "the form's figure was changed to {now}; the tender's form says {was}: "
                    "restore it (a reservation or a remark goes in a letter beside the form, "
                    "not in it)", was=_figure(was), now=_figure(now) if isinstance(
                        now, (int, float)) and not isinstance(now, bool) else
                    Msg("{text!r}", text=now if now is not None else "")))
            else:
                form.add("changed-text", where, Msg(
                    "the form's text was changed to {now!r}; the tender's form says {text!r}: "
                    "restore it (a reservation or a remark goes in a letter beside the form, "
                    "not in it)", now=now if now is not None else "", text=was))


#: The number formats the form gives its own figures (a figure of the tender or of the
#: bidder's LCC), where the form lcc writes now cannot be compared cell by cell.
_OWN_FORMATS = ("General", "#,##0", "#,##0.00", "0.0##%")
#: Colours of Excel's default theme by index (0 is 'Background 1', white; 1 'Text 1').
_THEME = ("FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31", "A5A5A5", "FFC000",
          "5B9BD5", "70AD47", "0563C1", "954F72")


def _text_kept(fmt: str | None) -> bool:
    """Whether a number format shows a text as it is (no words added, hidden or replaced):
    General, ``@``, or a format without a text section (``#,##0``)."""
    if not fmt or fmt.strip().lower() in ("general", "@"):
        return True
    sections = _sections(fmt)
    if len(sections) >= 4:
        return sections[3].strip() == "@"
    return all(s.strip() == "@" for s in sections
               if "@" in re.sub(r'"[^"]*"|\\.', "", s))


def _colour(color: Any, default: str) -> tuple[float, float, float]:
    """A colour of openpyxl as (r, g, b) in 0..1, tint applied (theme colours by Excel's
    default theme); ``default`` (hex) where it is automatic or unknown."""
    from openpyxl.styles.colors import COLOR_INDEX

    hexa, tint = default, 0.0
    try:
        if color is not None and color.type == "rgb" and isinstance(color.rgb, str):
            hexa = color.rgb[-6:]
        elif color is not None and color.type == "theme" and 0 <= color.theme < len(_THEME):
            hexa = _THEME[color.theme]
        elif color is not None and color.type == "indexed" and 0 <= color.indexed < 64:
            hexa = COLOR_INDEX[color.indexed][-6:]
        tint = float(getattr(color, "tint", 0.0) or 0.0)
        rgb = [int(hexa[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    except (TypeError, ValueError, AttributeError, IndexError):
        rgb = [int(default[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    if tint > 0:
        rgb = [c + (1 - c) * tint for c in rgb]
    elif tint < 0:
        rgb = [c * (1 + tint) for c in rgb]
    return rgb[0], rgb[1], rgb[2]


def _contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """The contrast ratio of two colours (WCAG: 1 for the same colour, 21 black on white)."""
    def lum(c: tuple[float, float, float]) -> float:
        lin = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    la, lb = sorted((lum(a), lum(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _font_hides(cell: Any) -> Msg | None:
    """How a cell's font hides or strikes out what it holds, or None."""
    font = cell.font
    if font is None:
        return None
    if font.strike:
        return Msg("its text is struck out")
    if font.sz is not None and float(font.sz) < 6:
        return Msg("its font is {size} points high", size=_figure(float(font.sz)))
    fill = cell.fill
    ground = _colour(fill.fgColor, "FFFFFF") if fill is not None and \
        fill.fill_type == "solid" else _colour(None, "FFFFFF")
    if _contrast(_colour(font.color, "000000"), ground) < 1.5:
        return Msg("its font has the colour of the cell's background")
    return None


def _check_shown(form: _Form, book: Any, sheets: tuple[str, ...], values: range,
                 made: _Made | None) -> None:
    """Refuse a form whose sheets show a text or a figure otherwise than it is read: a
    conditional format (it may give a cell another number format, a colour or an icon
    alone), a number format on a text of the form that adds, hides or replaces words
    (``"t"@`` shows the unit 'SEK' as 'tSEK'), a figure of the form in another format than
    the form's own, a font that hides or strikes out a cell, a comment (a reservation
    beside a value). The bidder's value cells (column D of the rows ``values`` of the bid
    sheet) are checked by their rows, each number by :func:`how_shown`."""
    from openpyxl.utils.cell import get_column_letter

    bid_sheet = sheets[1]
    for sheet in sheets:
        if sheet not in book.sheetnames:
            continue
        ws = book[sheet]
        for rng in ws.conditional_formatting:
            form.add("number-format", f"{sheet}!{str(rng.sqref).split()[0]}", Msg(
                "a conditional format on the cells {cells} changes how they are shown when "
                "its condition holds (another number format, a colour or an icon, a value "
                "hidden); the form has none: remove it, as a figure is read as it is shown",
                cells=str(rng.sqref)))
        for (row, col), cell in sorted(ws._cells.items()):
            where = f"{sheet}!{get_column_letter(col)}{row}"
            value = cell.value
            if cell.comment is not None:
                form.add("changed-text", where, Msg(
                    "a comment (note) on the cell: {text!r}; a bid on the form is "
                    "unconditional and the form holds the bidder's values only: remove the "
                    "comment (a question or a reservation goes through the tender's own "
                    "channel, not in the form)", text=" ".join(str(cell.comment.text).split())
                    [:200]))
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            hides = _font_hides(cell)
            if hides is not None:
                form.add("number-format", where, Msg(
                    "the cell's font hides what it holds ({how}); the form's cells are shown "
                    "as written: set the font back", how=hides))
            if sheet == bid_sheet and col == COL_VALUE and row in values:
                continue  # the bidder's value: checked with its row
            fmt = cell.number_format or "General"
            own = made.formats.get(where) if made is not None else None
            if own is not None and fmt == own:
                continue
            if isinstance(value, str) and (fmt in ("General", "@") or (
                    own is None and fmt in _OWN_FORMATS and _text_kept(fmt))):
                continue
            if isinstance(value, str):
                form.add("number-format", where, Msg(
                    "the cell's number format {fmt!r} changes how the form's text {text!r} is "
                    "shown (a number format may add, hide or replace words); the form's texts "
                    "are shown as written: set the cell's format back to General", fmt=fmt,
                    text=value[:80]))
            elif own is not None or fmt not in _OWN_FORMATS:
                form.add("number-format", where, Msg(
                    "the cell's number format {fmt!r} is not the form's own: it changes how "
                    "the form's figure {value} is shown; set the format back (make the form "
                    "again from the tender if needed)", fmt=fmt, value=value
                    if not isinstance(value, (int, float)) or isinstance(value, bool)
                    else _figure(value)))


def _rich_texts(form: _Form, path: Path | bytes, sheets: tuple[str, ...],
                values: range) -> None:
    """Refuse a text of the form written with several fonts (rich text): a word of it may be
    struck out or in the colour of the background. Read again only where the workbook
    holds rich text at all."""
    from openpyxl.cell.rich_text import CellRichText
    from openpyxl.utils.cell import get_column_letter

    try:
        with zipfile.ZipFile(io.BytesIO(path) if isinstance(path, bytes) else path) as z:
            rich = any(re.search(rb"<(?:\w+:)?r>", z.read(p.filename))
                       for p in z.infolist() if p.filename == "xl/sharedStrings.xml"
                       or p.filename.startswith("xl/worksheets/sheet"))
        if not rich:
            return
        book = openpyxl_module().load_workbook(
            io.BytesIO(path) if isinstance(path, bytes) else path, rich_text=True,
            keep_vba=False, keep_links=False)
    except Exception:  # read once already: a damaged part is said there
        return
    for sheet in sheets:
        if sheet not in book.sheetnames:
            continue
        for (row, col), cell in sorted(book[sheet]._cells.items()):
            if isinstance(cell.value, CellRichText) and not (
                    sheet == sheets[1] and col == COL_VALUE and row in values):
                form.add("number-format", f"{sheet}!{get_column_letter(col)}{row}", Msg(
                    "the cell's text {text!r} is written in several fonts (rich text), which "
                    "may strike out or hide some of its words; the form's texts are written "
                    "in one font: restore the cell (make the form again from the tender if "
                    "needed)", text=str(cell.value)[:80]))


def _foreign_parts(form: _Form, path: Path | bytes) -> None:
    """Refuse drawings, text boxes, charts and threaded comments: the form has none, and a
    reservation may be written in them."""
    try:
        with zipfile.ZipFile(io.BytesIO(path) if isinstance(path, bytes) else path) as z:
            parts = [p.filename for p in z.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):  # pragma: no cover - read
        return
    for part in parts:
        if re.match(r"xl/(drawings/drawing|charts/|threadedComments/)", part):
            form.add("changed-text", part, Msg(
                "the workbook holds a drawing, a text box, a chart or a threaded comment "
                "({part}); the form has none: remove it (a question or a reservation goes "
                "through the tender's own channel, not in the form)", part=part))


def _words(value: Any) -> Any:
    """A cell's value as compared: a text by its words (blanks and line breaks aside), a
    number as a number."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return " ".join(str(value if value is not None else "").split())


class _FormReader:
    def __init__(self, tender: Tender, bid_form: BidForm, tf: TenderFile | None) -> None:
        self.tender = tender
        self.form = bid_form
        self.tf = tf
        self.keys = [f.key for f in bid_form.fields]
        #: the form lcc writes now for the tender, by language (:meth:`made`)
        self._made: dict[str, _Made | None] = {}

    def made(self, meta: dict[str, str]) -> _Made | None:
        """The form lcc writes now for the tender, where the form says it was made from the
        very tender file read (its SHA-256 and name) by this lcc; else None (the buyer
        edited the tender's words since, or another lcc wrote it: the form's own records
        are then what its cells are checked against)."""
        tf, lang = self.tf, meta.get("lang", "")
        if tf is None or lang not in LANGS or meta.get("tender_sha256") != tf.digest or \
                meta.get("tender_file") != (tf.name or "") or \
                meta.get("lcc_version") != __version__:
            return None
        if lang not in self._made:
            try:
                spec = self.form if lang == "en" else derive_form(self.tender, tf, lang)
                book = openpyxl_module().load_workbook(io.BytesIO(write_form(
                    self.tender, spec, tf, lang)))
            except LCCError:  # pragma: no cover - the tender makes a form (checked before)
                self._made[lang] = None
            else:
                recorded, formulas = _records(book[META_SHEET])
                formats = {f"{ws.title}!{c.coordinate}": c.number_format or "General"
                           for ws in book.worksheets if ws.title != META_SHEET
                           for c in ws._cells.values() if c.value is not None}
                self._made[lang] = _Made(recorded, formulas, formats)
        return self._made[lang]

    def read(self, path: Path | bytes, shown: str
             ) -> tuple[Alternative | None, str | None, _Form]:
        """The alternative of one form (None if it has problems), the name's cell, issues."""
        form = _Form(shown, [])
        try:
            return self._read(form, path)
        except _Full:  # as many problems as are listed: the rest of the form is not read
            return None, None, form

    def _read(self, form: _Form, path: Path | bytes
              ) -> tuple[Alternative | None, str | None, _Form]:
        books = _open(form, path)
        if books is None:
            return None, None, form
        values, formulas = books
        meta = _meta(form, values, self.tender, self.form)
        if meta is None:
            return None, None, form
        names = SHEETS[meta["lang"]]
        expected = [names["tender"], names["bid"], names["lcc"], META_SHEET]
        for sheet in values.sheetnames:
            if sheet not in expected:
                form.add("extra-sheet", sheet, Msg(
                    "the sheet {sheet!r} is not part of the bid form; a form has the sheets "
                    "{sheets} only (give attachments separately)", sheet=sheet,
                    sheets=", ".join(map(repr, expected))))
        for sheet in expected[:2]:
            if sheet not in values.sheetnames:
                form.add("missing-sheet", sheet, Msg("the sheet {sheet!r} of the bid form "
                                                     "is missing", sheet=sheet))
        if names["bid"] not in values.sheetnames:
            return None, None, form
        sheet = names["bid"]
        ws = values[sheet]
        fws = formulas[sheet] if sheet in formulas.sheetnames else ws
        rows = self.layout(form, ws, sheet)
        if rows is None:
            return None, None, form
        shown = (names["tender"], sheet, names["lcc"])
        last = FIRST_ROW + len(self.form.fields) - 1
        made = self.made(meta)
        _check_texts(form, values[META_SHEET], formulas, shown, last, made)
        _check_shown(form, values, shown, range(FIRST_ROW, last + 1), made)
        _rich_texts(form, path, shown, range(FIRST_ROW, last + 1))
        _foreign_parts(form, path)
        given: dict[str, Any] = {}
        cells: dict[str, str] = {}
        for f in self.form.fields:
            row = rows[f.key]
            cells[f.key] = cell_ref(sheet, row, COL_VALUE)
            unit = ws.cell(row, COL_UNIT).value
            if (unit or "") not in ({"%"} if f.percent else
                                    {f.unit, *(shown_unit(f.unit, x) for x in LANGS)}):
                form.add("wrong-unit", cell_ref(sheet, row, COL_UNIT), Msg(
                    "{label!r}: the unit was changed to {unit!r}; this form takes the value "
                    "in {expected!r}: restore the unit and give the value in it",
                    label=f.label, unit=unit, expected=UnitText(f.unit)) if f.unit else Msg(
                    "{label!r}: the unit was changed to {unit!r}; this form takes the value "
                    "without a unit: restore the unit cell and give the value",
                    label=f.label, unit=unit))
                continue
            raw = ws.cell(row, COL_VALUE).value
            source = fws.cell(row, COL_VALUE)
            if _is_formula(source) and raw is None:
                form.add("formula-without-value", cells[f.key], Msg(
                    "{label!r}: the cell holds the formula {formula!r} without a calculated "
                    "value (lcc never calculates formulas); type the value itself",
                    label=f.label, formula=str(source.value)[:80]))
                continue
            if getattr(source, "data_type", None) == "f" or type(source.value).__name__ in (
                    "ArrayFormula", "DataTableFormula"):  # a formula (not a text '=…'): its
                # saved result need not be what a spreadsheet shows
                form.add("wrong-type", cells[f.key], Msg(
                    "{label!r}: the cell holds the formula {formula!r} (saved as {value!r}); a "
                    "value cell takes the value itself, as a spreadsheet may calculate a "
                    "formula again when the form is opened and show another figure than the "
                    "one saved: type the value", label=f.label,
                    formula=str(source.value)[:80], value=raw))
                continue
            value = _read_value(form, f, raw, cells[f.key])
            fmt = ws.cell(row, COL_VALUE).number_format
            if isinstance(raw, str) and not _text_kept(fmt):
                form.add("number-format", cells[f.key], _about(f, Msg(
                    "the cell's number format {fmt!r} shows the text {text!r} otherwise than "
                    "it is read (a number format may add, hide or replace words); set the "
                    "cell's format back to Text", fmt=fmt, text=raw[:80])))
                continue
            how = how_shown(f, fmt, raw) if value is not None and f.kind not in (
                "text", "choice") and isinstance(raw, (int, float)) else None
            if how is not None:
                form.add("number-format", cells[f.key], _about(f, Msg(
                    "the cell's number format {fmt!r} shows {value} {how}; set the cell's "
                    "format back to {format} and give the value {unit}", fmt=fmt,
                    value=_figure(raw), how=how, format=Msg("a percentage with its decimals")
                    if f.percent else Msg("General"),
                    unit=Msg("in {unit}", unit=UnitText(f.unit)) if f.unit else
                    Msg("as a percentage, e.g. 2 %") if f.percent else Msg("as a number"))))
            elif value is not None:
                given[f.key] = value
        if form.issues:
            return None, cells.get("bidder"), form
        alt = self.build(form, given, cells)
        return alt, cells["bidder"], form

    def layout(self, form: _Form, ws: Any, sheet: str) -> dict[str, int] | None:
        """The row of every field (by its key in column A); extra rows and cells recorded."""
        found: dict[str, int] = {}
        last = FIRST_ROW + len(self.keys) - 1
        filled: dict[int, int] = {}  # row -> first filled column within the form's columns
        for row, col, value in _cells(ws):
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if col > LAST_COL:
                form.add("extra-cell", cell_ref(sheet, row, col), Msg(
                    "a value outside the form ({value!r}); the form's cells are in columns A "
                    "to F; give other information separately", value=value))
            elif row >= FIRST_ROW:
                filled.setdefault(row, col)
        for row, col in sorted(filled.items()):
            key = ws.cell(row, COL_KEY).value
            if key in self.keys and key not in found:
                found[key] = row
                continue
            ref = cell_ref(sheet, row, col if key is None else COL_KEY)
            if key is not None:
                what = Msg("(key {key!r})", key=key)
            else:
                what = Msg("({value!r})", value=ws.cell(row, col).value)
            form.add("extra-row", ref, Msg(
                "row {row} is below the form {what}; do not add or copy rows", row=row,
                what=what) if row > last else Msg(
                "row {row} is not part of the form {what}; do not add or copy rows", row=row,
                what=what))
        for i, key in enumerate(self.keys):
            if key not in found:
                f = self.form.fields[i]
                form.add("missing-row", cell_ref(sheet, FIRST_ROW + i, COL_KEY), Msg(
                    "the row for {label!r} (key {key!r}) is missing; do not delete rows — "
                    "make a new form from the tender if needed", label=f.label, key=key))
        if len(found) < len(self.keys):
            return None
        moved = False
        for i, mine in enumerate(self.keys):  # every row is there: each at its own place,
            row = FIRST_ROW + i  # or a value would be read for the field whose key was put
            key = ws.cell(row, COL_KEY).value  # beside another's label
            if key != mine:
                moved = True
                form.add("changed-text", cell_ref(sheet, row, COL_KEY), Msg(
                    "the row's hidden key was changed to {key!r}; this row of the form is "
                    "{label!r} (key {mine!r}): restore the key (make the form again from the "
                    "tender if needed)", key=key, mine=mine, label=self.form.fields[i].label))
        return None if moved else found

    def default_shown(self, f: BidField) -> Any:
        """:func:`_default_shown`, a calculator's word by its label in the reader's words
        (the vehicles' residual 'linear' is 'linjärt' in Swedish, as the form says)."""
        word = default_word(self.form, f) if f.kind != "choice" else None
        return CatalogText(word) if word is not None else _default_shown(f)

    # -- building the alternative -------------------------------------------------------
    def build(self, form: _Form, given: dict[str, Any], cells: dict[str, str]
              ) -> Alternative | None:
        name = given["bidder"]
        description = None
        if form.defaults:
            description = Msg(
                "Bid form {file}: blank cells took the tender's defaults: {values}",
                file=Path(form.file).name, values=join("; ", [
                    Msg("{label!r} = {value} ({cell})", label=f.label,
                        value=self.default_shown(f), cell=where)
                    for f, where in form.defaults]))
        alt = self.build_calculator(form, name, given, cells) \
            if self.form.kind == "calculator" else self.build_items(form, name, given, cells)
        if alt is None:
            return None
        try:
            total = evaluate(alt, self.tender.study).total.magnitude
        except LCCError as exc:
            form.add(exc.code or "invalid-value", cells["bidder"], _message(exc))
            return None
        if not np.all(np.isfinite(total)):
            form.add("invalid-value", cells["bidder"], Msg(
                "the bid's LCC is not a finite number; check its values for a typing error"))
            return None
        if description:
            alt = copy.copy(alt)  # keeps a calculator's call, which the constructor does not take
            # the description is the bid's data (written to tender files as text); the note
            # in the reader's language is kept beside it (``defaults_note``)
            object.__setattr__(alt, "description", str(description))
            object.__setattr__(alt, "_defaults_note", description)
        return alt

    def build_calculator(self, form: _Form, name: str, given: dict[str, Any],
                         cells: dict[str, str]) -> Alternative | None:
        from lcc import templates

        assert self.form.calculator is not None
        module = templates.get(self.form.calculator)
        inputs = dict(self.form.inputs)
        for f in self.form.fields[1:]:
            if f.key in given:
                inputs[f.key] = value_text(f, given[f.key])
        try:
            return module.alternative(name, **inputs)
        except LCCError as exc:
            rows: list[str] | None = None  # where the error names no input: the rows it
            for e in exc.errors or (exc,):  # comes from (probed once), else the bidder's name
                key = (e.field or "").split(".", 1)[-1]
                if key not in cells:
                    rows = rows_of_error(self.form, inputs) if rows is None else rows
                for at in ([cells[key]] if key in cells else
                           [cells[k] for k in rows or () if k in cells] or [cells["bidder"]]):
                    form.add(e.code or "invalid-value", at, _detail(e))
            return None

    def build_items(self, form: _Form, name: str, given: dict[str, Any],
                    cells: dict[str, str]) -> Alternative | None:
        fields = {f.key: f for f in self.form.fields}
        raw = bid_data(self.form, name, given)
        c = Collector(form.file)
        study = self.tender.study
        r = Reader(c, str(study.currency), study.exchange_rates)
        scope = Scope({p.name: p for p in self.tender.parameters})
        alt = build_alternative(r, raw, ("bid",), scope, lambda n: "the tender")
        if alt is not None:
            check_evaluation(r, alt, study, ("bid",))
        for issue in c.issues:
            key = _located(issue.path, cells)
            form.add("missing-value" if issue.code == "missing-field" else issue.code,
                     cells[key], as_msg(issue.message) if key == "bidder"
                     else Msg("{label!r}: {message}", label=fields[key].label,
                              message=issue.message))
        return None if c.issues else alt


def _default_shown(f: BidField) -> Any:
    """The tender's value for a blank cell as the reader reads it: ``2 %`` for a rate,
    ``100 kr/år`` in Swedish; a word as it is."""
    if f.kind in ("text", "choice") or isinstance(f.default, str):
        return value_text(f, f.default)
    if f.percent:
        return UnitText(f"{float(f.default) * 100:g} %")
    return UnitText(str(value_text(f, f.default)))


def bid_data(bid_form: BidForm, name: str, given: dict[str, Any]) -> dict[str, Any]:
    """The bid of an item form as a tender file's alternative table: the template with the
    values ``given`` by key in its slots."""
    template = bid_form.template or {}
    fields = {f.key: f for f in bid_form.fields}

    def fill(value: Any) -> Any:
        if isinstance(value, Slot):
            return value_text(fields[value.key], given[value.key])
        return value

    raw: dict[str, Any] = {"name": name}
    raw.update({k: fill(template[k]) for k in ("start", "quantity", "life") if k in template})
    raw["items"] = [{k: fill(v) for k, v in item.items()} for item in template["items"]]
    if "parameters" in template:  # the bid's own parameters ('like' an alternative)
        raw["parameters"] = {name: {k: fill(v) for k, v in table.items()}
                             for name, table in template["parameters"].items()}
    return own_parameters(bid_form, raw)  # each bid's parameters named its own


def defaults_note(alt: Alternative, lang: str) -> str | None:
    """What blank cells of the bid's form took, in ``lang`` (None if none did)."""
    note = getattr(alt, "_defaults_note", None)
    if isinstance(note, Msg) and note == alt.description:
        return note.in_lang(lang)
    return str(in_lang(alt.description, lang))  # a calculator's own words, in the reader's


def make_bid(tender: Tender, bid_form: BidForm, given: dict[str, Any]) -> Alternative:
    """The bid of the values ``given`` by key (for the form's own LCC); LCCError if none."""
    reader = _FormReader(tender, bid_form, None)
    scratch = _Form("the bid form", [])
    cells = {f.key: f.key for f in bid_form.fields}
    alt = reader.build_calculator(scratch, given["bidder"], given, cells) \
        if bid_form.kind == "calculator" else \
        reader.build_items(scratch, given["bidder"], given, cells)
    if alt is None:
        raise LCCError(join("; ", [i.message for i in scratch.issues]), code="invalid-value")
    return alt


def _located(path: str, cells: dict[str, str]) -> str:
    """The row key of a reader's issue path (``bid.items[1].amount``): the field's, else
    the first row of its item, else the bid's name."""
    key = path.removeprefix("bid.")
    while key and key not in cells:
        key = key.rpartition(".")[0]
    if key:
        return key
    item = re.match(r"bid\.(items\[\d+\])", path)
    return next((k for k in cells if item and k.startswith(item.group(1) + ".")), "bidder")


def _bytes(n: int) -> str:
    """A size in bytes with a space between thousands (``20 971 520``)."""
    return f"{n:,}".replace(",", " ")


def _message(exc: LCCError) -> Msg:
    """An error's whole message as a Msg (its problems joined)."""
    if len(exc.errors) > 1:
        return join("\n", [as_msg(e.message) for e in exc.errors])
    return as_msg(exc.message)


def _detail(exc: LCCError) -> Msg:
    """An error's detail (its message without the input's name) as a Msg."""
    return as_msg(exc.detail) if exc.detail else _message(exc)


def _is_formula(cell: Any) -> bool:
    value = cell.value
    if getattr(cell, "data_type", None) == "f":
        return True
    return type(value).__name__ in ("ArrayFormula", "DataTableFormula") or (
        isinstance(value, str) and value.startswith("="))


def read_forms(tender: Tender, bid_form: BidForm, tf: TenderFile,
               forms: Sequence[tuple[str, Path | bytes]], *, replace: bool = False
               ) -> tuple[list[Alternative], list[TenderIssue]]:
    """Every form's alternative, and every problem found (forms are checked together): each
    form as (the name to show, its path or its bytes). At most
    :data:`~lcc.io._issues.MAX_ISSUES` problems are listed in all; then one says so and
    no further form is read."""
    reader = _FormReader(tender, bid_form, tf)
    alternatives: list[Alternative] = []
    issues: list[TenderIssue] = []
    taken: dict[str, Msg] = {} if replace else {
        same_name(a.name): Msg("an alternative of the tender (import with --replace, or "
                              "replace=True, to replace it)") for a in tender.alternatives}
    for shown, p in forms:
        if len(issues) >= MAX_ISSUES:
            issues.append(TenderIssue("too-many", Msg(
                "more than {limit} problems; the rest are not listed — mend these and read "
                "the file again", limit=MAX_ISSUES), "", shown, None))
            break
        alt, name_cell, form = reader.read(p, shown)
        issues.extend(form.issues)
        if alt is None:
            continue
        if same_name(alt.name) in taken:
            issues.append(TenderIssue(
                "duplicate-name", Msg("the bid name {bid!r} is already used by {other}; every "
                                      "bid needs its own name (e.g. add 'option 2')",
                                      bid=alt.name, other=taken[same_name(alt.name)]),
                name_cell or "", shown, None))
            continue
        taken[same_name(alt.name)] = Msg("the form {file}", file=shown)
        alternatives.append(alt)
    return alternatives, issues
