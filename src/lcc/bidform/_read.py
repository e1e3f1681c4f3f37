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
import math
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from lcc._errors import LCCError
from lcc._i18n import unit as shown_unit
from lcc.bidform._identity import changes, decisive, fingerprint
from lcc.bidform._spec import BidField, BidForm, Slot, TenderFile, value_text
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
)
from lcc.io._build import Reader, Scope, build_alternative, check_evaluation
from lcc.io._issues import Collector, TenderIssue
from lcc.io._model import Tender
from lcc.io._values import number_text
from lcc.model import Alternative
from lcc.results import evaluate

#: Largest form read, in bytes (20 MiB), and largest unpacked content (200 MiB).
MAX_FORM_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
#: Most parts (files) in the workbook's package.
MAX_PARTS = 2000

SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class _Form:
    """One form being read: its file name and the issues found."""

    file: str
    issues: list[TenderIssue]
    #: the fields whose blank cell took the tender's default, with the cell
    defaults: list[tuple[BidField, str]] = field(default_factory=list)

    def add(self, code: str, where: str, message: str) -> None:
        self.issues.append(TenderIssue(code, message, where, self.file, None))


def _open(form: _Form, path: Path) -> tuple[Any, Any] | None:
    """The workbook twice: cached values, and formulas (to spot formulas without values)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        hint = " (an old .xls workbook: save it as .xlsx)" if suffix == ".xls" else \
            " (save it as an Excel workbook, .xlsx)"
        form.add("unsupported-format", "", f"not an Excel workbook: the file type is "
                 f"{suffix or '(no suffix)'!r}; expected .xlsx or .xlsm{hint}")
        return None
    try:
        size = path.stat().st_size
    except OSError as exc:
        form.add("missing-file", "", f"cannot read the file: {exc.strerror or exc}")
        return None
    if path.is_dir():
        form.add("missing-file", "", "is a folder, not a bid form")
        return None
    if size > MAX_FORM_BYTES:
        form.add("too-large", "", f"the file is {size:,} bytes; the limit for a bid form is "
                 f"{MAX_FORM_BYTES:,} bytes".replace(",", " "))
        return None
    try:
        with zipfile.ZipFile(path) as z:
            parts = z.infolist()
            unpacked = sum(p.file_size for p in parts)
            names = {p.filename for p in parts}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        form.add("parse-error", "", "the file cannot be opened as an Excel workbook: it is "
                 "not a valid .xlsx package (corrupt, or another kind of file renamed)")
        return None
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
        form.add("too-large", "", f"the workbook unpacks to {len(parts)} parts and {unpacked:,} "
                 f"bytes; the limit is {MAX_PARTS} parts and {MAX_UNPACKED_BYTES:,} bytes"
                 .replace(",", " "))
        return None
    if "xl/workbook.xml" not in names:
        form.add("parse-error", "", "the file is a zip package but not an Excel workbook "
                 "(no xl/workbook.xml)")
        return None
    openpyxl = openpyxl_module()
    try:
        # values as Excel last calculated them; VBA macros are dropped and never run
        values = openpyxl.load_workbook(path, data_only=True, keep_vba=False,
                                        keep_links=False)
        formulas = openpyxl.load_workbook(path, data_only=False, keep_vba=False,
                                          keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on damaged packages
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        form.add("parse-error", "", f"the workbook cannot be read ({type(exc).__name__}"
                 f"{': ' + detail[:200] if detail else ''}); it is damaged or not an Excel "
                 f"workbook")
        return None
    return values, formulas


def _cells(ws: Any) -> Iterable[tuple[int, int, Any]]:
    """(row, column, value) of every cell the sheet stores, without creating cells."""
    for (row, col), cell in sorted(ws._cells.items()):
        yield row, col, cell.value


def _meta(form: _Form, wb: Any, tender: Tender, bid_form: BidForm) -> dict[str, str] | None:
    if META_SHEET not in wb.sheetnames:
        form.add("missing-sheet", META_SHEET, f"the sheet {META_SHEET!r} of a bid form is "
                 f"missing: this is not a bid form made with 'lcc bid-form', or its hidden "
                 f"sheet was removed")
        return None
    ws = wb[META_SHEET]
    meta: dict[str, str] = {}
    for row, col, value in _cells(ws):
        if col == 1 and isinstance(value, str):
            other = ws.cell(row, 2).value
            meta[value] = "" if other is None else str(other)
    where = cell_ref(META_SHEET, 1, 2)
    if meta.get("format") != FORM_FORMAT:
        form.add("unsupported-format", where, f"the form's format is "
                 f"{meta.get('format')!r}; this version of lcc reads {FORM_FORMAT!r} forms; "
                 f"make the form again with 'lcc bid-form'")
        return None
    made = {ws.cell(row, 2).value: "" if ws.cell(row, 3).value is None
            else str(ws.cell(row, 3).value)
            for row, col, value in _cells(ws) if col == 1 and value == "decides"}
    now = decisive(tender, bid_form)
    if meta.get("fingerprint") != fingerprint(now) or fingerprint(made) != fingerprint(now):
        changed = changes(made, now)
        shown = "; ".join(changed[:8]) + (f"; and {len(changed) - 8} more"
                                           if len(changed) > 8 else "")
        form.add("other-tender", cell_ref(META_SHEET, 13, 2),
                 f"the form was made for the tender {meta.get('tender_name')!r} as it was when "
                 f"the form was made; what decides the evaluation has changed since: "
                 f"{shown or 'the recorded fingerprint does not match'}; bids must be given "
                 f"on the form of the tender as it is evaluated (make and publish new forms, "
                 f"or evaluate with the tender as published)")
        return None
    if meta.get("lang") not in LANGS:
        form.add("invalid-value", cell_ref(META_SHEET, 8, 2),
                 f"unknown form language {meta.get('lang')!r}")
        return None
    return meta


#: Largest magnitude a form number may have: beyond it a value is a typing error (1e308
#: would overflow the LCC and rank a bid first), never a price.
MAX_MAGNITUDE = 1e15


def cell_problem(f: BidField, value: Any) -> tuple[str, str] | None:
    """(code, message) if a cell value (not blank) is not acceptable for the field."""
    unit = f" in {f.unit}" if f.unit else ""
    if f.kind == "text":
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return "wrong-type", f"expected a text, got {value!r}"
        if len(str(value).strip()) > 200:
            return "invalid-value", f"{len(str(value).strip())} characters; the limit is 200"
        return None
    if f.kind == "choice":
        if not isinstance(value, str):
            return "wrong-type", f"got {value!r}; choose one of {', '.join(f.shown_choices)}"
        if f.choice_of(value) is None:
            return "invalid-value", f"got {value!r}; choose one of {', '.join(f.shown_choices)}"
        return None
    if isinstance(value, bool):
        return "wrong-type", f"got {str(value).upper()}; enter a number{unit}"
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return "wrong-type", f"got a date or time ({value}); enter a number{unit}"
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("#"):
            return "wrong-type", f"the cell shows the error {text}; enter a number{unit}"
        hint = ""
        if re.fullmatch(r"[-+]?\d[\d\s]*([.,]\d+)?", text):
            hint = " (the cell holds it as text: enter it as a number)"
        elif re.match(r"[-+]?\d", text):
            hint = f" (write the number only; the unit {f.unit} is given in column C)" \
                if f.unit else " (write the number only)"
        return "wrong-type", f"got the text {value!r}; enter a number{unit}{hint}"
    if not isinstance(value, (int, float)):
        return "wrong-type", f"got {type(value).__name__} {value!r}; enter a number{unit}"
    x = float(value)
    if not math.isfinite(x) or abs(x) > MAX_MAGNITUDE:
        return "invalid-value", f"got {value!r}; enter a finite number{unit} of at most " \
                                f"{MAX_MAGNITUDE:.0e} in size"
    if f.kind == "count" and not x.is_integer():
        return "invalid-value", f"got {value!r}; enter a whole number"
    if f.minimum is not None and x < f.minimum:
        return "invalid-value", f"got {value!r}; expected a value ≥ {number_text(f.minimum)}{unit}"
    if f.maximum is not None and x > f.maximum:
        return "invalid-value", f"got {value!r}; expected a value ≤ {number_text(f.maximum)}{unit}"
    return None


def _read_value(form: _Form, f: BidField, value: Any, where: str) -> Any:
    """The bidder's value of a field from its cell (the default if blank and declared);
    None if empty or wrong (issue added)."""
    if isinstance(value, str) and not value.strip():
        value = None
    label = f"{f.label!r}" + (f" [{f.unit}]" if f.unit else "")
    if value is None:
        if f.default is not None:
            form.defaults.append((f, where))
            return f.default
        form.add("missing-value", where, f"{label}: empty; this value is required")
        return None
    problem = cell_problem(f, value)
    if problem is not None:
        form.add(problem[0], where, f"{label}: {problem[1]}")
        return None
    if f.kind == "choice":
        return f.choice_of(value)
    if f.kind == "text":
        return value.strip() if isinstance(value, str) else (
            str(int(value)) if float(value).is_integer() else str(value))
    return float(value)


class _FormReader:
    def __init__(self, tender: Tender, bid_form: BidForm, tf: TenderFile | None) -> None:
        self.tender = tender
        self.form = bid_form
        self.tf = tf
        self.keys = [f.key for f in bid_form.fields]

    def read(self, path: Path, shown: str) -> tuple[Alternative | None, str | None, _Form]:
        """The alternative of one form (None if it has problems), the name's cell, issues."""
        form = _Form(shown, [])
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
                form.add("extra-sheet", sheet, f"the sheet {sheet!r} is not part of the bid "
                         f"form; a form has the sheets {', '.join(map(repr, expected))} only "
                         f"(give attachments separately)")
        for sheet in expected[:2]:
            if sheet not in values.sheetnames:
                form.add("missing-sheet", sheet, f"the sheet {sheet!r} of the bid form is "
                         f"missing")
        if names["bid"] not in values.sheetnames:
            return None, None, form
        sheet = names["bid"]
        ws = values[sheet]
        fws = formulas[sheet] if sheet in formulas.sheetnames else ws
        rows = self.layout(form, ws, sheet)
        if rows is None:
            return None, None, form
        given: dict[str, Any] = {}
        cells: dict[str, str] = {}
        for f in self.form.fields:
            row = rows[f.key]
            cells[f.key] = cell_ref(sheet, row, COL_VALUE)
            unit = ws.cell(row, COL_UNIT).value
            if (unit or "") not in {f.unit, *(shown_unit(f.unit, x) for x in LANGS)}:
                form.add("wrong-unit", cell_ref(sheet, row, COL_UNIT),
                         f"{f.label!r}: the unit was changed to {unit!r}; this form takes "
                         f"the value in {f.unit or '(no unit)'!r}: restore the unit and "
                         f"give the value in it")
                continue
            raw = ws.cell(row, COL_VALUE).value
            source = fws.cell(row, COL_VALUE)
            if _is_formula(source) and raw is None:
                form.add("formula-without-value", cells[f.key],
                         f"{f.label!r}: the cell holds the formula {str(source.value)[:80]!r} "
                         f"without a calculated value (lcc never calculates formulas); open "
                         f"and save the file in Excel, or type the value")
                continue
            value = _read_value(form, f, raw, cells[f.key])
            if value is not None:
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
                form.add("extra-cell", cell_ref(sheet, row, col),
                         f"a value outside the form ({value!r}); the form's cells are in "
                         f"columns A to F; give other information separately")
            elif row >= FIRST_ROW:
                filled.setdefault(row, col)
        for row, col in sorted(filled.items()):
            key = ws.cell(row, COL_KEY).value
            if key in self.keys and key not in found:
                found[key] = row
                continue
            what = f"(key {key!r})" if key is not None else \
                f"({ws.cell(row, col).value!r})"
            where = "below the form" if row > last else "not part of the form"
            form.add("extra-row", cell_ref(sheet, row, col if key is None else COL_KEY),
                     f"row {row} is {where} {what}; do not add or copy rows")
        for i, key in enumerate(self.keys):
            if key not in found:
                f = self.form.fields[i]
                form.add("missing-row", cell_ref(sheet, FIRST_ROW + i, COL_KEY),
                         f"the row for {f.label!r} (key {key!r}) is missing; do not delete "
                         f"rows — make a new form from the tender if needed")
        if len(found) < len(self.keys):
            return None
        return found

    # -- building the alternative -------------------------------------------------------
    def build(self, form: _Form, given: dict[str, Any], cells: dict[str, str]
              ) -> Alternative | None:
        name = given["bidder"]
        description = None
        if form.defaults:
            description = f"Bid form {Path(form.file).name}: blank cells took the tender's " \
                f"defaults: " + "; ".join(f"{f.label!r} = {value_text(f, f.default)} ({where})"
                                          for f, where in form.defaults)
        alt = self.build_calculator(form, name, given, cells) \
            if self.form.kind == "calculator" else self.build_items(form, name, given, cells)
        if alt is None:
            return None
        try:
            total = evaluate(alt, self.tender.study).total.magnitude
        except LCCError as exc:
            form.add(exc.code or "invalid-value", cells["bidder"], str(exc))
            return None
        if not np.all(np.isfinite(total)):
            form.add("invalid-value", cells["bidder"], "the bid's LCC is not a finite number; "
                     "check its values for a typing error")
            return None
        if description:
            alt = copy.copy(alt)  # keeps a calculator's call, which the constructor does not take
            object.__setattr__(alt, "description", description)
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
            for e in exc.errors or (exc,):
                key = (e.field or "").split(".", 1)[-1]
                form.add(e.code or "invalid-value", cells.get(key, cells["bidder"]),
                         e.detail or str(e))
            return None

    def build_items(self, form: _Form, name: str, given: dict[str, Any],
                    cells: dict[str, str]) -> Alternative | None:
        template = self.form.template or {}
        fields = {f.key: f for f in self.form.fields}

        def fill(value: Any) -> Any:
            if isinstance(value, Slot):
                return value_text(fields[value.key], given[value.key])
            return value

        raw: dict[str, Any] = {"name": name}
        raw.update({k: fill(template[k]) for k in ("start", "quantity", "life") if k in template})
        raw["items"] = [{k: fill(v) for k, v in item.items()} for item in template["items"]]
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
                     cells[key], issue.message if key == "bidder"
                     else f"{fields[key].label!r}: {issue.message}")
        return None if c.issues else alt


def make_bid(tender: Tender, bid_form: BidForm, given: dict[str, Any]) -> Alternative:
    """The bid of the values ``given`` by key (for the form's own LCC); LCCError if none."""
    reader = _FormReader(tender, bid_form, None)
    scratch = _Form("the bid form", [])
    cells = {f.key: f.key for f in bid_form.fields}
    alt = reader.build_calculator(scratch, given["bidder"], given, cells) \
        if bid_form.kind == "calculator" else \
        reader.build_items(scratch, given["bidder"], given, cells)
    if alt is None:
        raise LCCError("; ".join(i.message for i in scratch.issues), code="invalid-value")
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


def _is_formula(cell: Any) -> bool:
    value = cell.value
    if getattr(cell, "data_type", None) == "f":
        return True
    return type(value).__name__ in ("ArrayFormula", "DataTableFormula") or (
        isinstance(value, str) and value.startswith("="))


def read_forms(tender: Tender, bid_form: BidForm, tf: TenderFile,
               paths: Sequence[str | os.PathLike[str]], *, replace: bool = False
               ) -> tuple[list[Alternative], list[TenderIssue]]:
    """Every form's alternative, and every problem found (forms are checked together)."""
    reader = _FormReader(tender, bid_form, tf)
    alternatives: list[Alternative] = []
    issues: list[TenderIssue] = []
    taken: dict[str, str] = {} if replace else {
        a.name: "an alternative of the tender (import with --replace, or replace=True, to "
                "replace it)" for a in tender.alternatives}
    for p in paths:
        shown = os.fspath(p)
        alt, name_cell, form = reader.read(Path(shown), shown)
        issues.extend(form.issues)
        if alt is None:
            continue
        if alt.name in taken:
            issues.append(TenderIssue(
                "duplicate-name", f"the bid name {alt.name!r} is already used by "
                f"{taken[alt.name]}; every bid needs its own name (e.g. add 'option 2')",
                name_cell or "", shown, None))
            continue
        taken[alt.name] = f"the form {shown}"
        alternatives.append(alt)
    return alternatives, issues
