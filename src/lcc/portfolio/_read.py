"""Reading a procurement plan (CSV, Excel or TOML), its targets and a factor table.

Every problem is collected with its file, row and column and raised at once
as a :class:`~lcc.portfolio.PlanError`.
"""

from __future__ import annotations

import bisect
import csv
import dataclasses
import functools
import io
import math
import os
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from lcc._errors import Figure, Msg
from lcc._text import name_key, same_name
from lcc._xlsx import number_shown, package_size
from lcc.portfolio._cells import (
    CellError,
    is_blank,
    plain_text,
    read_choice,
    read_list,
    read_money,
    read_share,
    read_text,
    read_year,
    read_yesno,
    shown,
    suggest,
)
from lcc.portfolio._columns import (
    BY_NAME,
    COLUMNS,
    CRITERIA_LABELS,
    REQUIREMENTS,
    Column,
    Headers,
    column_of,
    header_map,
)
from lcc.portfolio._issues import ErrorsText, Issues, PlanError, PlanIssue
from lcc.portfolio._tenders import TenderOutcome, load_outcome

#: Largest plan file read, in bytes (64 MiB: a 100 000-row plan is about 15 MiB).
MAX_BYTES = 64 * 1024 * 1024
#: Most procurements in one plan.
MAX_ROWS = 1_000_000
#: Most bytes an Excel plan may unpack to (a 100 000-row plan unpacks to about 60 MiB); a
#: few hundred kilobytes of zip can unpack to gigabytes, and a reader holds a text whole.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class Targets:
    """The organisation's targets: the share of procurements that should set each requirement.

    Attributes
    ----------
    overall : mapping of str to Fraction
        Requirement -> target share (0..1) for the whole plan, e.g. ``{"reuse": 1/5}``.
    by_organisation : mapping of str to mapping of str to Fraction
        Organisation -> its own targets, which replace ``overall`` for that
        organisation's groups.
    source : str or None
        The file the targets were read from.
    """

    overall: Mapping[str, Fraction] = field(default_factory=dict)
    by_organisation: Mapping[str, Mapping[str, Fraction]] = field(default_factory=dict)
    source: str | None = None

    @property
    def requirements(self) -> tuple[str, ...]:
        """The requirements with a declared target (overall or for an organisation)."""
        declared = set(self.overall)
        for mine in self.by_organisation.values():
            declared |= set(mine)
        return tuple(r for r in REQUIREMENTS if r in declared)

    def target(self, requirement: str, organisation: str | None = None) -> Fraction | None:
        """The target for one requirement (of one organisation, if it has its own)."""
        if organisation is not None:
            mine = self.by_organisation.get(organisation, {})
            if requirement in mine:
                return mine[requirement]
        return self.overall.get(requirement)


# --------------------------------------------------------------------------- raw rows

_UNSEEN = object()

#: Problems after which the rows are not read.
_FATAL = ("parse-error", "too-large", "unsupported-format", "missing-file")

RawRow = tuple[int, dict[str, Any], dict[str, int]]  # (row, column -> cell, column -> row)


def decode_csv(data: bytes, issues: Issues) -> str | None:
    """The text of a CSV file (UTF-8, a BOM aside), or None with the issue recorded."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        issues.add("parse-error", line, "", Msg("the file is not UTF-8 text (byte 0x{value:02x}); "
                                                "save it as 'CSV UTF-8'", value=data[exc.start]))
        return None
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        issues.add("parse-error", None, "", Msg("the file holds a NUL byte: it looks like binary "
                                                "data, not text"))
        return None
    return text


def csv_rows(text: str, issues: Issues, *, factors: bool = False
             ) -> tuple[list[tuple[int, str]], list[RawRow]]:
    """The header and the rows of a CSV table of the plan (the plan; with ``factors`` the
    factor table): ';'-separated where the first line has more ';' than ',', a row with more
    cells than the header an issue, blank rows skipped, each row with its line."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    headers: list[tuple[int, str]] = []
    rows: list[RawRow] = []
    start = 1
    try:
        for record in reader:
            if not headers:
                headers = [(i, h) for i, h in enumerate(record)]
                if not any(h.strip() for h in record):
                    headers = []
                start = reader.line_num + 1
                continue
            if any(c.strip() for c in record):
                if len(record) > len(headers):
                    issues.add("invalid-value", start, "", Msg("the row has {n} cells but the "
                                                               "header has {n2}", n=len(record),
                                                               n2=len(headers)))
                rows.append((start, {str(i): c for i, c in enumerate(record)}, {}))
            start = reader.line_num + 1
            if len(rows) > MAX_ROWS and factors:
                issues.add("too-large", start, "", Msg("more than {MAX_ROWS} factors",
                                                       MAX_ROWS=MAX_ROWS))
                break
            if len(rows) > MAX_ROWS:
                issues.add("too-large", start, "", Msg("more than {MAX_ROWS} procurements",
                                                       MAX_ROWS=MAX_ROWS))
                break
    except csv.Error as exc:
        issues.add("parse-error", reader.line_num, "", Msg("cannot read the CSV: {exc}", exc=exc))
    return headers, rows


def _plan_sheet(wb: Any) -> tuple[Any, list[str]]:
    """The sheet a plan is read from: the workbook's active sheet where it is visible, else its
    first visible sheet (a hidden sheet is not what the user sees); with a note naming it
    where the workbook has more than one visible sheet."""
    visible = [ws for ws in wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
    if not visible:  # pragma: no cover - Excel keeps one sheet visible
        return wb.worksheets[0], []
    try:
        active = wb.active
    except (IndexError, KeyError):  # pragma: no cover - an active index past the sheets
        active = None
    if active in visible:
        sheet = active
        how = Msg("the active sheet")
    else:
        sheet = visible[0]
        how = Msg("the first visible sheet")
    if len(visible) == 1:
        return sheet, []
    return sheet, [Msg("The workbook has {n} visible sheets; the plan was read from the sheet "
                       "{sheet!r} ({how})", n=len(visible), sheet=sheet.title, how=how)]


#: Most hidden rows a note names one by one.
_HIDDEN_SHOWN = 20


def _hidden_note(hidden: list[int], total: int) -> str:
    """The note that rows hidden in Excel were counted, naming them."""
    rows = ", ".join(str(n) for n in hidden[:_HIDDEN_SHOWN])
    if len(hidden) > _HIDDEN_SHOWN:
        rows += ", …"
    return Msg("Rows hidden in the sheet (by hand or by a filter) are procurements of the plan "
               "and are counted like the others. Hidden rows: {rows} ({n} of the {total} "
               "procurements)", n=len(hidden), total=total, rows=rows)


def _xlsx_rows(data: bytes, issues: Issues, notes: list[str] | None = None
               ) -> tuple[list[tuple[int, str]], list[RawRow]]:
    """The header and the rows of the plan's sheet (:func:`_plan_sheet`); ``notes`` gets the
    sheet read, where there was a choice, and the hidden rows counted."""
    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - depends on the environment
        issues.add("unsupported-format", None, "", Msg("reading Excel plans needs openpyxl: pip "
                                                       "install 'openlcc[excel]'"))
        return [], []
    package = package_size(io.BytesIO(data))
    if package is not None and package[1] > MAX_UNPACKED_BYTES:
        issues.add("too-large", None, "", Msg(
            "the workbook unpacks to {size} bytes; the limit is {limit} bytes (a larger plan "
            "can be read as CSV)", size=package[1], limit=MAX_UNPACKED_BYTES))
        return [], []
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        issues.add("parse-error", None, "", Msg("cannot read the workbook: {exc}", exc=exc))
        return [], []
    try:
        ws, chosen = _plan_sheet(wb)
        ws.reset_dimensions()  # every row and column, not the size the file says it has
        merged, formulas, hidden = _sheet_marks(data, ws)
        headers: list[tuple[int, str]] = []
        rows: list[RawRow] = []
        money: list[int] = []  # the positions of the value column
        for n, row in enumerate(ws.iter_rows(), start=1):
            cells = ["" if c.value is None else c.value for c in row]
            if not headers:
                if any(not is_blank(c) for c in cells):
                    headers = [(i, shown(h)) for i, h in enumerate(cells)]
                    known = header_map()
                    money = [i for i, h in headers if known.get(name_key(h).lower()) == "value"]
                continue
            for i in money:
                if i < len(row):
                    cells[i] = _as_shown(row[i].value, row[i].number_format)
            # a row with data, or with a formula whose value is not stored, is a procurement; a
            # merged range reaching into blank rows makes none
            if any(not is_blank(c) for c in cells) or any(
                    (n, i) in formulas for i in range(len(cells))):
                _unread(cells, n, formulas, merged)
                rows.append((n, {str(i): c for i, c in enumerate(cells)}, {}))
            if len(rows) > MAX_ROWS:
                issues.add("too-large", n, "", Msg("more than {MAX_ROWS} procurements",
                                                   MAX_ROWS=MAX_ROWS))
                break
        if notes is not None:
            notes.extend(chosen)
            shut = [n for n, _, _ in rows if n in hidden]
            if shut:
                notes.append(_hidden_note(shut, len(rows)))
        return headers, rows
    finally:
        wb.close()


class Unread:
    """An Excel cell with nothing lcc can read in it, though the sheet shows one: a formula
    without a stored result, or a cell inside merged cells other than their first."""

    __slots__ = ("code", "message", "value")

    def __init__(self, code: str, message: Msg, value: str | None = None) -> None:
        self.code, self.message, self.value = code, message, value


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=[\"']([A-Z]+)(\d+):([A-Z]+)(\d+)[\"']")
#: A cell of the sheet's XML: its attributes and what it holds.
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_AT = re.compile(rb"\br=[\"']([A-Z]+)(\d+)[\"']")
_TEXT_RESULT = re.compile(rb"\bt=[\"'](?:str|inlineStr)[\"']")
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.DOTALL)
_ANY_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_RESULT = re.compile(rb"<(?:\w+:)?v\b[^>]*>\s*[^<\s]")
#: A row of the sheet's XML, its number and whether it is hidden.
_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_ROW_AT = re.compile(rb"\br=[\"'](\d+)[\"']")
_HIDDEN = re.compile(rb"\bhidden=[\"'](?:1|true)[\"']")


class Merged:
    """The merged cells of a sheet: which range a cell lies in, other than as its first."""

    def __init__(self) -> None:
        self.by_column: dict[int, list[tuple[int, int, str]]] = {}
        self.ordered = True

    def add(self, ref: str, c1: int, r1: int, c2: int, r2: int) -> None:
        """Add the range ``ref``: columns ``c1``..``c2`` (from 1), rows ``r1``..``r2``."""
        self.ordered = False
        for c in range(c1, c2 + 1):
            first = r1 + 1 if c == c1 else r1
            if first <= r2:
                self.by_column.setdefault(c - 1, []).append((first, r2, ref))

    def at(self, row: int, column: int) -> str | None:
        """The range that the cell (``row`` from 1, ``column`` from 0) is inside, or None."""
        if not self.ordered:
            for spans in self.by_column.values():
                spans.sort()
            self.ordered = True
        spans = self.by_column.get(column, [])
        i = bisect.bisect_right(spans, (row, math.inf)) - 1
        return spans[i][2] if i >= 0 and spans[i][0] <= row <= spans[i][1] else None


def _sheet_marks(data: bytes, ws: Any
                 ) -> tuple[Merged, dict[tuple[int, int], str], set[int]]:
    """The merged cells of the sheet, its cells whose formula has no stored result,
    (row from 1, column from 0) -> the formula, and its hidden rows (by hand or by a filter).
    Read from the sheet's XML a chunk at a time (a read-only sheet keeps none of them; openpyxl
    reads a formula without a result and one whose result is an empty text alike, as None)."""
    from html import unescape

    from openpyxl.utils import column_index_from_string

    merged = Merged()
    formulas: dict[tuple[int, int], str] = {}
    seen: set[bytes] = set()
    hidden: set[int] = set()
    with zipfile.ZipFile(io.BytesIO(data)) as z, z.open(ws._worksheet_path) as xml:
        tail = b""
        while chunk := xml.read(1 << 20):
            text = tail + chunk
            end = max(0, len(text) - (64 << 10))  # a cell is never as long
            for m in (_CELL.finditer(text) if _ANY_FORMULA.search(text) else ()):
                end = m.end()
                inner = m[2] or b""
                f = _FORMULA.search(inner)
                at = _AT.search(m[1])
                if f is None or at is None or _RESULT.search(inner) or (
                        _TEXT_RESULT.search(m[1]) and b"<v" in inner):
                    continue  # no formula, or its result is stored (an empty text too)
                row, column = int(at[2]), column_index_from_string(at[1].decode()) - 1
                written = unescape((f[1] or b"").decode("utf-8", "replace"))
                formulas[(row, column)] = f"={written}" if written else "=…"  # a shared one
            for m in _MERGE.finditer(text):
                if m[0] not in seen:  # not read already in the overlap of two chunks
                    seen.add(m[0])
                    ref = b"%s%s:%s%s" % (m[1], m[2], m[3], m[4])
                    merged.add(ref.decode(), column_index_from_string(m[1].decode()), int(m[2]),
                               column_index_from_string(m[3].decode()), int(m[4]))
            for m in _ROW.finditer(text):
                if _HIDDEN.search(m[1]) and (at := _ROW_AT.search(m[1])) is not None:
                    hidden.add(int(at[1]))
            tail = text[end:]
    return merged, formulas, hidden


def _unread(cells: list[Any], row: int, formulas: dict[tuple[int, int], str],
            merged: Merged) -> None:
    """Mark the cells of ``row`` that show a value Excel did not store (:class:`Unread`)."""
    for i, cell in enumerate(cells):
        if cell is not None and cell != "":
            continue
        formula = formulas.get((row, i))
        if formula is not None:
            cells[i] = Unread("formula-without-value", Msg(
                "the cell holds the formula {formula!r} without a stored result (lcc never "
                "calculates formulas); open and save the plan in Excel or LibreOffice, or "
                "type the value", formula=formula[:80]), formula[:80])
        elif (ref := merged.at(row, i)) is not None:
            cells[i] = Unread("merged-cell", Msg(
                "the cell is part of the merged cells {ref}, whose value only their first "
                "cell holds; unmerge them and write the value in each row", ref=ref))


def _as_shown(value: Any, fmt: str | None) -> Any:
    """A value cell as Excel shows it, where its number format gives the number a currency:
    1200000 formatted ``#,##0 "kr"`` reads '1200000 kr', 1200 formatted ``#,##0 "tkr"`` reads
    '1200 tkr', 1200000 formatted ``#,##0, "tkr"`` (in thousands) reads '1200 tkr'. Any other
    cell is read as it is (a bare number is refused, as in a CSV plan)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    how = number_shown(fmt, float(value))
    if not how.text or how.date or how.condition or how.percent or how.thousands > 3 or (
            not how.digits and value != 0) or (value < 0 and not how.sign):
        return value  # the accounting format shows 0 as '- kr': 0 kr
    number = Fraction(repr(float(value))) / Fraction(1000) ** how.thousands
    return f"{float(number)!r} {how.text}"


def _map_headers(headers: list[tuple[int, str]], issues: Issues,
                 row: int | None) -> dict[str, str]:
    """Position -> column name; unknown, duplicate and missing columns are issues."""
    found, seen = named_columns(headers, header_map(), issues, row)
    for col in COLUMNS:
        if col.required and col.name not in seen:
            issues.add("missing-column", row, col.name, Msg(
                "the plan has no column {name} (Swedish: {value}); {meaning}", name=col.name,
                value=", ".join(repr(a) for a in col.aliases), meaning=Msg(col.meaning)))
    return found


def named_columns(headers: list[tuple[int, str]], known: Mapping[str, str], issues: Issues,
                  row: int | None) -> tuple[dict[str, str], dict[str, str]]:
    """The columns a header row names, by the rule of every table of the plan (the plan, the
    factor table): position -> column name, and column name -> its header as written.

    ``known`` maps each accepted header (lower case) to its column. A header is read as it
    shows (:func:`lcc._text.name_key`); an empty one or one starting with '#' (a note) holds
    no data; an unknown header and a second header of one column are issues."""
    found: dict[str, str] = {}
    seen: dict[str, str] = {}
    for pos, raw in headers:
        h = name_key(raw)  # as the header shows: 'År' decomposed, 'Uppskattat\nvärde' alike
        if not h or h.startswith("#"):
            continue  # an empty header or a '#' note column holds no plan data
        name = known.get(h.lower())
        if name is None:
            issues.add("unknown-column", row, h, Msg("unknown column {h!r}{suggest}; remove it or "
                                                     "start its header with '#' to keep it as a "
                                                     "note", h=h, suggest=suggest(h, list(known))),
                       h)
            continue
        if name in seen:
            issues.add("duplicate-column", row, name, Msg("the columns {value!r} and {h!r} both "
                                                          "give {name}", value=seen[name], h=h,
                                                          name=name), h)
            continue
        seen[name] = h
        found[str(pos)] = name
    return found, seen


def _toml_rows(path: Path, data: bytes, issues: Issues
               ) -> tuple[list[RawRow], dict[str, Any], Mapping[Any, int]]:
    from lcc.io import TenderError
    from lcc.io._read import decode, parse

    try:
        doc, lines = parse(decode(data, issues.file), "toml", issues.file)
    except TenderError as exc:
        for e in exc.errors:
            issues.add("parse-error", e.line, e.path, e.message)
        return [], {}, {}
    if not isinstance(doc, dict):  # pragma: no cover - TOML documents are tables
        issues.add("parse-error", None, "", Msg("expected a TOML table"))
        return [], {}, {}
    known = header_map()
    for key in doc:
        if key not in ("plan", "targets", "procurements"):
            issues.add("unknown-key", lines.get((key,)), key, Msg(
                "unknown table {key!r}; a plan file holds [plan], [targets] and "
                "[[procurements]]{suggest}", key=key,
                suggest=suggest(key, ["plan", "targets", "procurements"])))
    items = doc.get("procurements")
    if not isinstance(items, list) or not items:
        issues.add("missing-column", None, "procurements", Msg("the plan has no [[procurements]]; "
                                                               "give one table per procurement"))
        items = []
    rows: list[RawRow] = []
    for i, item in enumerate(items):
        at = lines.get(("procurements", i))
        if not isinstance(item, dict):
            issues.add("wrong-type", at, f"procurements[{i}]", Msg("expected a table"))
            continue
        cells: dict[str, Any] = {}
        where: dict[str, int] = {}
        for key, value in item.items():
            name = known.get(name_key(key).lower())
            line = lines.get(("procurements", i, key), at)
            if name is None:
                issues.add("unknown-column", line, key, Msg("unknown key {key!r}{suggest}", key=key,
                                                            suggest=suggest(key, list(known))), key)
                continue
            if name in cells:
                issues.add("duplicate-column", line, name, Msg("{key!r} gives {name} again",
                                                               key=key, name=name))
                continue
            cells[name] = value
            if line is not None:
                where[name] = line
        for col in COLUMNS:
            if col.required and col.name not in cells:
                issues.add("missing-column", at, col.name, Msg("the procurement has no {name} "
                                                               "(Swedish: {value!r}); {meaning}",
                                                               name=col.name, value=col.aliases[0],
                                                               meaning=Msg(col.meaning)))
        rows.append((at or 0, cells, where))
    plan_meta = doc.get("plan", {})
    if not isinstance(plan_meta, dict):
        issues.add("wrong-type", lines.get(("plan",)), "plan", Msg("expected a table"))
        plan_meta = {}
    targets_doc = doc.get("targets")
    return rows, {"plan": plan_meta, "targets": targets_doc, "lines": lines}, lines


# --------------------------------------------------------------------------- cells


def _cells(rows: list[RawRow], positions: dict[str, str] | None) -> Iterator[
        tuple[int, dict[str, Any], dict[str, int]]]:
    for row, cells, where in rows:
        if positions is None:
            yield row, cells, where
        else:
            yield row, {name: cells.get(pos, "") for pos, name in positions.items()}, where


def _build(rows: list[RawRow], positions: dict[str, str] | None, issues: Issues,
           base: Path, currency: str | None,
           sink: list[PlanIssue]
           ) -> tuple[pd.DataFrame, str, dict[str, TenderOutcome], set[str]]:
    money_cache: dict[str, tuple[float, str]] = {}
    out: dict[str, list[Any]] = {c.name: [] for c in COLUMNS}
    out["row"] = []
    ids: dict[str, int] = {}
    plan_currency = currency
    outcomes: dict[str, TenderOutcome] = {}
    failed: set[str] = set()
    seen_orgs: set[str] = set()
    spellings: dict[tuple[str, str], str] = {}
    merged: dict[tuple[str, str], set[str]] = {}
    # cells repeat (yes/no, years, organisations): each distinct cell is read once
    memo: dict[str, dict[tuple[type, Any], Any]] = {
        c.name: {} for c in COLUMNS if c.kind in ("yesno", "choice", "year", "text", "list")
        and c.name not in ("title", "awarded")}
    if plan_currency is None:
        plan_currency = _main_currency(rows, positions, money_cache)
    for row, cells, where in _cells(rows, positions):
        ok = True
        values: dict[str, Any] = {}
        for col in COLUMNS:
            raw = cells.get(col.name)
            at = where.get(col.name, row)
            if col.name not in cells:
                values[col.name] = None  # a missing column, reported once already
                if col.required:
                    ok = False
                continue
            if isinstance(raw, Unread):
                issues.add(raw.code, at, col.name, raw.message, raw.value)
                ok = False
                values[col.name] = None
                continue
            if is_blank(raw) and col.kind != "list":
                if col.required:
                    issues.add("missing-value", at, col.name, Msg("the cell is blank; expected "
                                                                  "{meaning}, e.g. {example!r}",
                                                                  meaning=Msg(col.meaning),
                                                                  example=col.example))
                    ok = False
                values[col.name] = None
                continue
            if isinstance(raw, (list, dict)):  # a TOML array or table
                wrong = _not_an_id(raw) if col.kind == "list" and isinstance(raw, list) else None
                if wrong is not None:
                    issues.add("wrong-type", at, col.name, Msg(
                        "a criterion is a number or text, such as 10234 or '10234'; got {value}",
                        value=wrong), wrong)
                    ok = False
                    values[col.name] = None
                    continue
                if col.kind == "list" and isinstance(raw, list):
                    raw = "; ".join(str(v) for v in raw)  # criteria = ["10234", "10551"]
                else:
                    issues.add("wrong-type", at, col.name, Msg(
                        "got a {what} of values; expected one value, e.g. {example!r}",
                        what=Msg("list") if isinstance(raw, list) else Msg("table"),
                        example=col.example), shown(raw))
                    ok = False
                    values[col.name] = None
                    continue
            key = (type(raw), raw)
            known = memo[col.name].get(key, _UNSEEN) if col.name in memo else _UNSEEN
            if known is _UNSEEN:
                try:
                    known = _read_cell(raw, col, money_cache)
                except CellError as exc:
                    known = exc
                if col.name in memo:
                    memo[col.name][key] = known
            if isinstance(known, CellError):
                issues.add(known.code, at, col.name, known.message, shown(raw))
                ok = False
                values[col.name] = None
            elif col.name == "organisation" and isinstance(known, str) and \
                    known.casefold() in _reserved():
                issues.add("invalid-value", at, col.name, Msg(
                    "got {value!r}, a name the criteria table gives one of its own columns "
                    "({labels}); name the organisation otherwise, e.g. {example!r}",
                    value=known, labels=", ".join(_reserved_shown()), example=col.example),
                    shown(raw))
                ok = False
                values[col.name] = None
            elif col.name in _ONE_NAME and isinstance(known, str):  # one name in any case
                first = spellings.setdefault((col.name, known.casefold()), known)
                if first != known:
                    merged.setdefault((col.name, first), set()).add(known)
                values[col.name] = first
            else:
                values[col.name] = known
        if values.get("organisation") is not None:
            seen_orgs.add(values["organisation"])
        ident = values.get("id")
        if ident is not None:
            if ident in ids:
                issues.add("duplicate-id", row, "id", Msg("the id {ident!r} is already used on row "
                                                          "{value}", ident=ident,
                                                          value=ids[ident]), ident)
                ok = False
            else:
                ids[ident] = row
        money = values.get("value")
        if money is not None:
            amount, code = money
            if code != plan_currency:
                since = (Msg("its [plan] currency") if currency is not None
                         else Msg("the currency of most of its values"))
                issues.add("currency-mix", where.get("value", row), "value",
                           Msg("the value is in {code} but the plan is in {plan_currency} "
                               "({since}); give every value in one currency", code=code,
                               plan_currency=plan_currency, since=since),
                           shown(cells.get("value")))
                ok = False
            values["value"] = amount
        ok = _check_link(values, row, where, issues, base, plan_currency, outcomes, failed,
                         sink) and ok
        if not ok:
            continue
        for col in COLUMNS:
            out[col.name].append(values.get(col.name))
        out["row"].append(row)
    amounts = np.asarray(out["value"], dtype=float)
    with np.errstate(over="ignore"):  # each is finite and >= 0: only their sum overflows
        total = float(amounts.sum())
    if not math.isfinite(total):
        largest = int(np.argmax(amounts))
        issues.add("invalid-value", out["row"][largest], "value", Msg(
            "the plan's values add up to more than lcc can compute with (about 1.8e308); the "
            "largest is {value} {currency}: check the value and its unit (kr, tkr, Mkr)",
            value=Figure(float(f"{amounts[largest]:.4g}")), currency=plan_currency))
    df = pd.DataFrame({
        "id": pd.Series(out["id"], dtype=object),
        "title": pd.Series(out["title"], dtype=object),
        "organisation": pd.Categorical(out["organisation"]),
        "year": np.asarray(out["year"], dtype=np.int64),
        "category": pd.Categorical(out["category"]),
        "value": np.asarray(out["value"], dtype=float),
        "award_basis": pd.Categorical(out["award_basis"], categories=list(
            BY_NAME["award_basis"].choices)),
        **{r: np.asarray(out[r], dtype=bool) for r in REQUIREMENTS},
        "criteria": pd.Series(out["criteria"], dtype=object),
        "status": pd.Categorical(out["status"], categories=list(BY_NAME["status"].choices)),
        "tender": pd.Series(out["tender"], dtype=object),
        "awarded": pd.Series(out["awarded"], dtype=object),
        "row": np.asarray(out["row"], dtype=np.int64),
    })
    df.attrs["merged"] = {k: sorted(v) for k, v in sorted(merged.items())}
    return df, plan_currency or "SEK", outcomes, seen_orgs


def _not_an_id(items: list[Any]) -> str | None:
    """The first element of a TOML array of criteria that is no ID (a number or text), as
    TOML writes it (``true``, ``1.5``, ``2025-01-01``); None where all are IDs."""
    for v in items:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, list):
            return Msg("a list")
        if isinstance(v, dict):
            return Msg("a table")
        if not isinstance(v, (str, int)):
            return shown(v)  # a float, a date
    return None


def _main_currency(rows: list[RawRow], positions: dict[str, str] | None,
                   cache: dict[str, tuple[float, str]]) -> str | None:
    """The currency of most values (the first seen among equals); None if no value reads."""
    counts: dict[str, int] = {}
    col = BY_NAME["value"]
    for _, cells, _ in _cells(rows, positions):
        raw = cells.get("value")
        if is_blank(raw):
            continue
        try:
            code = read_money(raw, col, cache)[1]
        except CellError:
            continue
        counts[code] = counts.get(code, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _read_cell(raw: Any, col: Column, cache: dict[str, tuple[float, str]]) -> Any:
    kind = col.kind
    if kind == "money":
        return read_money(raw, col, cache)
    if kind == "year":
        return read_year(raw, col)
    if kind == "choice":
        return read_choice(raw, col)
    if kind == "yesno":
        return read_yesno(raw, col)
    if kind == "list":
        return read_list(raw, col)
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise CellError("wrong-type", Msg("got {shown!r}; expected text, e.g. {example!r}",
                                          shown=shown(raw), example=col.example))
    if kind == "path":  # a file's name, exactly as written (but the blanks around it)
        return plain_text(raw, col)
    return read_text(raw, col)


def _check_link(values: dict[str, Any], row: int, where: dict[str, int], issues: Issues,
                base: Path, currency: str | None, outcomes: dict[str, TenderOutcome],
                failed: set[str], sink: list[PlanIssue]) -> bool:
    tender, awarded, status = values.get("tender"), values.get("awarded"), values.get("status")
    at_t, at_a = where.get("tender", row), where.get("awarded", row)
    if tender is None:
        if awarded is not None:
            issues.add("invalid-value", at_a, "awarded", Msg("an awarded alternative needs the "
                                                             "tender file it belongs to in the "
                                                             "column tender"), awarded)
            return False
        return True
    ok = True
    if awarded is not None and status is not None and status != "awarded":
        issues.add("invalid-value", at_a, "awarded", Msg("the status is {status}, so nothing is "
                                                         "awarded yet; leave awarded blank or set "
                                                         "the status to awarded",
                                                         status=status), awarded)
        ok = False
    if awarded is None and status == "awarded":
        issues.add("missing-value", at_a, "awarded", Msg("the procurement is awarded and links a "
                                                         "tender: give the name of the awarded "
                                                         "alternative"))
        ok = False
    target = (base / tender) if not Path(tender).is_absolute() else Path(tender)
    key = os.path.normpath(target)
    if key in failed:
        issues.add("tender-error", at_t, "tender", Msg("the tender file {tender!r} has errors "
                                                       "(listed above)", tender=tender), tender)
        return False
    outcome = outcomes.get(key)
    if outcome is None:
        try:
            outcome = load_outcome(key)
        except PlanError as exc:
            failed.add(key)
            issues.add("tender-error", at_t, "tender", Msg("the tender file {tender!r} cannot be "
                       "used: {detail}", tender=tender, detail=ErrorsText(exc, messages=True)),
                       tender)
            return False
        except Exception as exc:  # an LCCError/TenderError from the tender: located below
            failed.add(key)
            detail = ErrorsText(exc)
            issues.add("tender-error", at_t, "tender", Msg("the tender file {tender!r} has errors: "
                                                           "{detail}", tender=tender,
                                                           detail=detail), tender)
            return False
        outcomes[key] = outcome
    if currency is not None and outcome.currency != currency:
        issues.add("currency-mix", at_t, "tender", Msg("the tender is evaluated in {currency} but "
                                                       "the plan is in {currency2}",
                                                       currency=outcome.currency,
                                                       currency2=currency), tender)
        ok = False
    if awarded is not None and awarded not in outcome.alternatives.index:
        names = list(outcome.alternatives.index)
        same = [n for n in names if same_name(str(n)) == same_name(awarded)]
        if same:  # the tender's spelling of the name the plan shows
            values["awarded"] = awarded = same[0]
    if awarded is not None and awarded not in outcome.alternatives.index:
        issues.add("unknown-alternative", at_a, "awarded", Msg("the tender {tender!r} has no "
                                                               "alternative {awarded!r}{suggest}; "
                                                               "its alternatives are: {value}",
                                                               tender=tender, awarded=awarded,
                                                               suggest=suggest(awarded, names),
                                                               value=', '.join(names)), awarded)
        ok = False
    values["tender"] = key
    return ok


# --------------------------------------------------------------------------- targets


def read_targets(data: Any, issues: Issues, lines: Mapping[Any, int] | None = None,
                 prefix: tuple[str, ...] = ("targets",)) -> Targets:
    """Targets from a parsed ``[targets]`` table (or a dict given in Python)."""
    lines = lines or {}
    overall: dict[str, Fraction] = {}
    by_org: dict[str, dict[str, Fraction]] = {}
    name = ".".join(prefix)
    if not isinstance(data, Mapping):
        issues.add("wrong-type", lines.get(prefix), name, Msg('expected a table of targets such as '
                                                              '{{ reuse = "20 %" }}, got {data!r}',
                                                              data=data))
        return Targets(source=issues.file)

    def one(table: Mapping[str, Any], path: tuple[str, ...], into: dict[str, Fraction]) -> None:
        for key, raw in table.items():
            at = lines.get((*path, key), lines.get(path))
            where = ".".join((*path, key))
            if key in ("organisation", "organisations") and path == prefix:
                continue
            req = column_of(str(key), REQUIREMENTS)  # its name or Swedish header
            if req is None:
                issues.add("unknown-key", at, where, Msg("unknown requirement {key!r}; targets are "
                                                         "given for {value}{suggest}", key=key,
                                                         value=Headers(REQUIREMENTS),
                                                         suggest=suggest(key, REQUIREMENTS)),
                           key)
                continue
            if req in into:
                issues.add("duplicate-column", at, where, Msg("a second target for {req}", req=req))
                continue
            try:
                into[req] = read_share(raw)
            except CellError as exc:
                issues.add(exc.code, at, where, exc.message, shown(raw))

    one(data, prefix, overall)
    for key in ("organisation", "organisations"):  # both spellings, each read
        orgs = data.get(key)
        if orgs is None:
            continue
        if not isinstance(orgs, Mapping):
            issues.add("wrong-type", lines.get((*prefix, key)), f"{name}.{key}", Msg(
                'expected a table per organisation: [targets.organisation."Alby kommun"]'))
            continue
        for org, table in orgs.items():
            path = (*prefix, key, org)
            if not isinstance(table, Mapping):
                issues.add("wrong-type", lines.get(path), ".".join(path),
                           Msg('expected a table of targets such as {{ reuse = "30 %" }}'))
                continue
            if name_key(str(org)).casefold() in {o.casefold() for o in by_org}:
                issues.add("duplicate-column", lines.get(path), ".".join(path), Msg(
                    "the targets of {org!r} are given again", org=org))
                continue
            mine: dict[str, Fraction] = {}
            one(table, path, mine)
            by_org[name_key(str(org))] = mine
    return Targets(overall, by_org, issues.file)


def _targets_from_file(path: Path, sink: list[PlanIssue]) -> tuple[Targets, Mapping[Any, int]]:
    from lcc.io import TenderError
    from lcc.io._read import decode, parse

    file = os.fspath(path)
    issues = Issues(file, sink)
    if path.suffix.lower() != ".toml":
        issues.add("unsupported-format", None, "", Msg("targets are a TOML file with a [targets] "
                                                       "table; got {value!r}",
                                                       value=path.suffix or 'no suffix'))
        return Targets(source=file), {}
    raw = issues.read(path, Msg("the targets"), MAX_BYTES)
    if raw is None:
        return Targets(source=file), {}
    try:
        doc, lines = parse(decode(raw, file), "toml", file)
    except TenderError as exc:
        for e in exc.errors:
            issues.add("parse-error", e.line, e.path, e.message)
        return Targets(source=file), {}
    for key in doc:
        if key != "targets":
            issues.add("unknown-key", lines.get((key,)), key, Msg("unknown table {key!r}; a "
                                                                  "targets file holds one "
                                                                  "[targets] table", key=key))
    if "targets" not in doc:
        issues.add("missing-column", None, "targets", Msg('the file has no [targets] table, e.g. '
                                                          '[targets] reuse = "20 %"'))
        return Targets(source=file), lines
    return read_targets(doc["targets"], issues, lines), lines


@functools.lru_cache(maxsize=1)
def _reserved_shown() -> tuple[str, ...]:
    """The criteria table's own labels as its keys and its headers in English and Swedish
    ('differs', 'Differs', 'Skiljer sig'): an organisation's column would share one."""
    from lcc.portfolio._text import label

    out: list[str] = []
    for key in CRITERIA_LABELS:
        for name in (key, label(key, "en"), label(key, "sv")):
            if name.casefold() not in {o.casefold() for o in out}:
                out.append(name)
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _reserved() -> frozenset[str]:
    return frozenset(name.casefold() for name in _reserved_shown())


#: Columns whose names are one name in any letter case (an organisation, a category).
_ONE_NAME = ("organisation", "category")


def _check_organisations(targets: Targets, organisations: list[str], sink: list[PlanIssue],
                         lines: Mapping[Any, int]) -> Targets:
    """The targets with each organisation named as the plan names it (in any letter case);
    an organisation the plan does not have is an issue."""
    known = set(organisations)
    plan_name = {org.casefold(): org for org in organisations}
    issues = Issues(targets.source, sink)
    for org in targets.by_organisation:
        if org.casefold() not in plan_name:
            path = next((k for k in lines if isinstance(k, tuple) and len(k) == 3
                         and k[0] == "targets" and k[2] == org), None)
            issues.add("unknown-organisation", lines.get(path) if path else None,
                       f"targets.organisation.{org}",
                       Msg("no procurement of the plan is by {org!r}{suggest}; the plan's "
                           "organisations are: {value}", org=org,
                           suggest=suggest(org, sorted(known)),
                           value=', '.join(sorted(known))), org)
    return dataclasses.replace(targets, by_organisation={
        plan_name.get(org.casefold(), org): mine for org, mine in targets.by_organisation.items()})


# --------------------------------------------------------------------------- plan


def read_table(path: str | os.PathLike[str], *, targets: Any = None,
               ) -> tuple[pd.DataFrame, str, Targets, dict[str, TenderOutcome], list[str]]:
    """Read and check a plan; the pieces :func:`lcc.portfolio.read_plan` builds a Plan of."""
    file = os.fspath(path)
    p = Path(file)
    sink: list[PlanIssue] = []
    issues = Issues(file, sink)
    suffix = p.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".toml"):
        issues.add("unsupported-format", None, "", Msg("unknown file type {value!r}; a plan is a "
                                                       ".csv, .xlsx or .toml file",
                                                       value=suffix or '(none)'))
        raise PlanError(sink)
    data = issues.read(p, Msg("the plan"), MAX_BYTES)
    if data is None:
        raise PlanError(sink)
    positions: dict[str, str] | None = None
    meta: dict[str, Any] = {}
    lines: Mapping[Any, int] = {}
    read_notes: list[str] = []
    if suffix == ".xlsx":
        headers, rows = _xlsx_rows(data, issues, read_notes)
        if not headers and not sink:
            issues.add("parse-error", None, "", Msg("the plan's sheet is empty; expected a "
                                                    "header row and one row per procurement"))
        positions = _map_headers(headers, issues, 1) if headers else {}
    else:
        if suffix == ".csv":
            text = decode_csv(data, issues)
            headers, rows = csv_rows(text, issues) if text is not None else ([], [])
            if text is not None and not headers:
                issues.add("parse-error", None, "", Msg("the file is empty; expected a header row "
                                                        "and one row per procurement"))
            positions = _map_headers(headers, issues, 1) if headers else {}
        else:
            rows, meta, lines = _toml_rows(p, data, issues)
    currency = None
    plan_meta = meta.get("plan") or {}
    for key, value in plan_meta.items():
        if key == "currency":
            from lcc.units import CURRENCIES

            if value not in CURRENCIES:
                issues.add("invalid-value", lines.get(("plan", key)), "plan.currency",
                           Msg("got {value!r}; expected one of {value2}", value=value,
                               value2=', '.join(CURRENCIES)), value)
            else:
                currency = str(value)
        else:
            issues.add("unknown-key", lines.get(("plan", key)), f"plan.{key}",
                       Msg("unknown key {key!r}; [plan] holds currency", key=key))
    # the targets: given, or the TOML plan's [targets]
    tgt = Targets()
    tlines: Mapping[Any, int] = {}
    if meta.get("targets") is not None and targets is not None:
        issues.add("invalid-value", lines.get(("targets",)), "targets", Msg(
            "the plan has its own [targets] and targets were given too; keep one of them"))
    elif meta.get("targets") is not None:
        tgt, tlines = read_targets(meta["targets"], issues, lines), lines
    elif isinstance(targets, Targets):
        tgt = targets
    elif isinstance(targets, Mapping):
        tgt = read_targets(targets, Issues("<targets>", sink))
    elif targets is not None:
        tgt, tlines = _targets_from_file(Path(targets), sink)
    if any(e.code in _FATAL for e in sink):
        raise PlanError(sink)  # the rows cannot be read meaningfully
    df, cur, outcomes, seen_orgs = _build(rows, positions, issues, p.parent, currency, sink)
    if not rows:
        issues.add("missing-value", None, "", Msg("the plan has no procurements"))
    tgt = _check_organisations(tgt, sorted(seen_orgs), sink, tlines)
    if sink:
        raise PlanError(sink)
    notes: list[str] = [*read_notes, *(
        Msg("{spellings} read as the organisation {name!r}, as first written (letter case "
            "aside)", spellings=", ".join(repr(v) for v in others), name=first)
        if col == "organisation" else
        Msg("{spellings} read as the category {name!r}, as first written (letter case aside)",
            spellings=", ".join(repr(v) for v in others), name=first)
        for (col, first), others in df.attrs.pop("merged").items())]
    without = sorted(set(df["organisation"].astype(str)) - set(tgt.by_organisation))
    if tgt.by_organisation and without:
        notes.append(Msg("Organisations without targets of their own follow the overall "
                         "targets: {names}", names=", ".join(without)))
    return df, cur, tgt, outcomes, notes
