"""Writing the Excel bid form of a tender (internal; needs openpyxl).

Three sheets: the tender and its method (protected, read only), the bid
(protected; only the bidder's cells are unlocked, highlighted and validated)
and ``lcc`` (very hidden, protected): the metadata that ties the form to the
tender file.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from lcc._errors import ItemName, LCCError, Msg
from lcc._i18n import document_date, percent, significant, tr, unit, word
from lcc._version import __version__
from lcc._xlsx import put, workbook_bytes
from lcc._xlsx import text as cell_text
from lcc.bidform._identity import decisive, fingerprint
from lcc.bidform._spec import (
    PERCENT_RANGE,
    BidField,
    BidForm,
    Slot,
    TenderFile,
    default_word,
    quantity_parts,
    unit_of_text,
    value_text,
)
from lcc.bidform._words import META_SHEET, SHEETS, field_words, type_method, type_words
from lcc.io import _fields as F
from lcc.io._model import Tender
from lcc.io._values import number_text, parameter_value
from lcc.model import ByYear, Parameter
from lcc.model._alternative import rate_names
from lcc.results._describe import is_rate, parameter_name
from lcc.units import get_registry

#: First row of the decisive inputs (path, text) on the metadata sheet.
DECISIVE_ROW = 20
#: The marker of the form's layout, kept in the metadata sheet.
FORM_FORMAT = "lcc.bidform/2"

# layout of the bid sheet
HEADER_ROW = 5
FIRST_ROW = 6
COL_KEY, COL_WHAT, COL_UNIT, COL_VALUE, COL_REQUIRED, COL_NOTE = 1, 2, 3, 4, 5, 6
LAST_COL = COL_NOTE

_INPUT_FILL = "FFF2CC"
_HEAD_FILL = "D9E1F2"
_TEXT_MAX = 200
#: A rate per year as a percentage (Excel shows "3,5 %" in Swedish, "3.5%" in English).
_PERCENT = "0.0##%"


def openpyxl_module() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise LCCError(Msg("Excel bid forms need openpyxl: pip install 'openlcc[excel]'"),
                       field="format", code="unsupported-format") from None
    return openpyxl


def cell_ref(sheet: str, row: int, col: int) -> str:
    """``Bid!D7`` (the sheet quoted when it needs quotes)."""
    from openpyxl.utils import get_column_letter

    shown = sheet if re.fullmatch(r"[A-Za-zÅÄÖåäö_][\wÅÄÖåäö]*", sheet) else \
        "'" + sheet.replace("'", "''") + "'"
    return f"{shown}!{get_column_letter(col)}{row}"


def range_text(f: BidField, lang: str) -> str:
    parts = []
    if f.percent:  # a rate: typed as a percentage, within the tender's bounds if it has any
        low, high = f.minimum, f.maximum
        parts.append(tr("a percentage per year, e.g. {example}; {low}, {high}", lang,
                        example=percent(0.02, lang),
                        low=tr("at least {x}", lang, x=percent(low, lang)) if low is not None
                        and low > PERCENT_RANGE[0] else tr("over {x}", lang, x=percent(
                            PERCENT_RANGE[0], lang, 0)),
                        high=tr("at most {x}", lang, x=percent(high, lang)) if high is not None
                        else tr("under {x}", lang, x=percent(PERCENT_RANGE[1], lang, 0))))
    elif f.minimum is not None and f.exclusive:
        parts.append(tr("> {x}", lang, x=number_text(f.minimum)) if f.maximum is None else
                     tr("over {a}, at most {b}", lang, a=number_text(f.minimum),
                        b=number_text(f.maximum)))
    elif f.minimum is not None and f.maximum is not None:
        parts.append(tr("{a} to {b}", lang, a=number_text(f.minimum),
                        b=number_text(f.maximum)))
    elif f.minimum is not None:
        parts.append(tr("≥ {x}", lang, x=number_text(f.minimum)))
    elif f.maximum is not None:
        parts.append(tr("≤ {x}", lang, x=number_text(f.maximum)))
    if f.at_most is not None:  # a resale value: at most the price (the model's rule)
        parts.append(tr("at most the price", lang))
    if f.whole_number:
        parts.append(tr("a whole number", lang))
    if f.kind == "choice":
        parts.append(tr("one of: {x}", lang, x=", ".join(f.shown_choices)))
    return "; ".join(parts)


class _Writer:
    def __init__(self, tender: Tender, form: BidForm, tf: TenderFile, lang: str) -> None:
        self.openpyxl = openpyxl_module()
        self.tender = tender
        self.form = form
        self.tf = tf
        self.lang = lang
        self.names = SHEETS[lang]
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.bold = Font(bold=True)
        self.title_font = Font(bold=True, size=14)
        self.head_font = Font(bold=True, size=12)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")
        self.input_fill = PatternFill("solid", fgColor=_INPUT_FILL)
        self.head_fill = PatternFill("solid", fgColor=_HEAD_FILL)
        thin = Side(style="thin", color="808080")
        self.box = Border(left=thin, right=thin, top=thin, bottom=thin)
        #: row of each field on the bid sheet
        self.rows = {f.key: FIRST_ROW + i for i, f in enumerate(form.fields)}
        self.decisive = decisive(tender, form)
        #: (sheet, cell) of every formula the form holds (the bidder's own LCC)
        self.formulas: set[tuple[str, str]] = set()
        #: the inputs the model reads as rates (shown as percentages)
        self.rates = form_rates(tender, form)
        #: (sheet, cell, value) of every text and number of the tender and bid sheets
        self.shown: list[tuple[str, str, Any]] = []

    def tr(self, message: str, **values: Any) -> str:
        """A message of the catalogue in the form's language."""
        return tr(message, self.lang, **values)

    def cell_of(self, key: str) -> str:
        return cell_ref(self.names["bid"], self.rows[key], COL_VALUE)

    # -- the workbook -------------------------------------------------------------------
    def write(self) -> bytes:
        from openpyxl.workbook.protection import WorkbookProtection

        wb = self.openpyxl.Workbook()
        tender_ws = wb.active
        tender_ws.title = self.names["tender"]
        bid_ws = wb.create_sheet(self.names["bid"])
        meta_ws = wb.create_sheet(META_SHEET)
        live_ws = wb.create_sheet(self.names["lcc"], 2)
        self.bid_sheet(bid_ws, meta_ws)
        self.live_sheet(live_ws, bid_ws)
        self.tender_sheet(tender_ws)
        # the buyer's words and figures on the sheets a bidder sees, recorded where the
        # bidder cannot change them (read_bid_forms refuses a form whose words were changed)
        self.shown = [(ws.title, c.coordinate, c.value) for ws in (tender_ws, bid_ws, live_ws)
                      for row in ws.iter_rows() for c in row
                      if c.value is not None and str(c.value).strip()
                      and (ws.title, c.coordinate) not in self.formulas]
        self.meta_sheet(meta_ws)
        # text is data, never code: a text from the tender or lcc that starts with "=" is
        # written as text; only the LCC sheet's own formulas are formulas
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if c.data_type == "f" and (ws.title, c.coordinate) not in self.formulas:
                        c.data_type = "s"
        wb.active = 1
        tender_ws.sheet_view.tabSelected = False
        bid_ws.sheet_view.tabSelected = True
        wb.security = WorkbookProtection(lockStructure=True)
        wb.properties.title = self.tr("Bid form") + f": {self.tender.name}"
        wb.properties.creator = f"lcc {__version__}"
        return workbook_bytes(wb)

    # -- the bid sheet ------------------------------------------------------------------
    def bid_sheet(self, ws: Any, meta_ws: Any) -> None:
        from openpyxl.styles import Protection
        from openpyxl.utils import get_column_letter

        title = self.form.title or self.tr("Bid form") + f": {self.tender.name}"
        put(ws, 1, COL_WHAT, title).font = self.title_font
        sub = []
        if self.tender.reference:
            sub.append(self.tr("Reference") + f": {self.tender.reference}")
        if self.tf.name:
            sub.append(self.tr("Tender file") + f": {self.tf.name}")
        put(ws, 2, COL_WHAT, " · ".join(sub))
        self.paragraph(ws, 3, self.tr(
            "Fill in the yellow cells in column D: numbers only, in the unit of column C (no "
            "unit, no text, no formulas without a value). Every row must be filled in, except "
            "where the tender states the value used for a blank cell. Do not add, remove or "
            "move rows or sheets. The buyer's parameters and the evaluation method are on the "
            "sheet '{tender}'.", tender=self.names["tender"]), COL_WHAT, LAST_COL, 120)
        if self.form.instructions:
            self.paragraph(ws, 4, self.form.instructions, COL_WHAT, LAST_COL, 120)
        heads = [self.tr("key"), self.tr("Value to give"), self.tr("Unit"), self.tr("Your value"),
                 self.tr("Required"), self.tr("Explanation")]
        for col, text in enumerate(heads, start=1):
            c = put(ws, HEADER_ROW, col, text)
            c.font = self.bold
            c.fill = self.head_fill
            c.border = self.box
        choice_row = 2
        for f in self.form.fields:
            row = self.rows[f.key]
            put(ws, row, COL_KEY, f.key)
            put(ws, row, COL_WHAT, f.label).alignment = self.wrap
            put(ws, row, COL_UNIT, "%" if f.percent else unit(f.unit, self.lang) or None
                    ).alignment = self.top
            value = ws.cell(row, COL_VALUE)
            value.protection = Protection(locked=False)
            value.fill = self.input_fill
            value.border = self.box
            value.alignment = self.top
            if f.kind in ("text", "choice"):
                value.number_format = "@"
            elif f.percent:  # typed '2 %' (or 2 in Excel): the cell holds 0.02
                value.number_format = _PERCENT
            required = self.tr("yes") if f.required else self.tr("no")
            put(ws, row, COL_REQUIRED, required).alignment = self.top
            blank = self.tr("if left blank: {value} (the tender's assumption)",
                            value=self.default_text(f)) if f.default is not None else ""
            note = "; ".join(x for x in (blank, range_text(f, self.lang), f.note) if x)
            put(ws, row, COL_NOTE, note or None).alignment = self.wrap
            lines = max(_lines(f.label, 45), _lines(note, 80))
            ws.row_dimensions[row].height = max(15, 15 * lines)
            choice_row = self.validation(ws, meta_ws, f, value.coordinate, choice_row)
        widths = {COL_KEY: 18, COL_WHAT: 48, COL_UNIT: 14, COL_VALUE: 20, COL_REQUIRED: 20,
                  COL_NOTE: 84}
        for col, width in widths.items():
            ws.column_dimensions[get_column_letter(col)].width = width
        ws.column_dimensions["A"].hidden = True
        ws.freeze_panes = ws.cell(FIRST_ROW, 1).coordinate
        self.protect(ws)
        self.page(ws, landscape=True)

    def validation(self, ws: Any, meta_ws: Any, f: BidField, coordinate: str,
                   choice_row: int) -> int:
        from openpyxl.worksheet.datavalidation import DataValidation

        rng = range_text(f, self.lang)
        shown_range = f" ({rng})" if rng and f.kind != "choice" else ""
        if f.kind == "choice":
            words = ",".join(f.shown_choices)
            if len(words) <= 250 and not any(ch in words for ch in '"'):
                formula = f'"{words}"'
            else:
                start = choice_row
                for w in f.shown_choices:
                    put(meta_ws, choice_row, 4, w)
                    choice_row += 1
                formula = f"{META_SHEET}!$D${start}:$D${choice_row - 1}"
            dv = DataValidation(type="list", formula1=formula, allow_blank=not f.required)
            error = self.tr("Choose one of the values in the list.")
        elif f.kind == "text":
            dv = DataValidation(type="textLength", operator="between", formula1="1",
                                formula2=str(_TEXT_MAX), allow_blank=not f.required)
            error = self.tr("Enter a text of at most 200 characters.")
        elif f.percent:  # (−100 %, 100 %): 'between' takes its ends, a bare rate does not;
            # the tender's max replaces 100 % where it declares one (max = "150 %")
            cell = coordinate.replace("$", "")
            low, high = (_shown(x) for x in PERCENT_RANGE)
            top = f",{cell}<{high}" if f.maximum is None or f.maximum < PERCENT_RANGE[1] \
                else ""
            own = "".join(f",{cell}{op}{_shown(x)}" for op, x in ((">=", f.minimum),
                                                                   ("<=", f.maximum))
                          if x is not None and PERCENT_RANGE[0] < x)
            dv = DataValidation(type="custom", formula1=f"AND(ISNUMBER({cell}),{cell}>{low}"
                                f"{top}{own})", allow_blank=not f.required)
            error = self.tr("Enter a percentage ({range}).", range=rng)
        else:
            kind = "whole" if f.whole_number else "decimal"
            lo, hi = f.minimum, f.maximum
            if lo is not None and hi is not None and f.exclusive:  # (lo, hi]: 'between' takes lo
                cell = coordinate.replace("$", "")
                whole = f",{cell}=INT({cell})" if f.whole_number else ""
                dv = DataValidation(type="custom", formula1=f"AND(ISNUMBER({cell}),{cell}>"
                                    f"{_shown(lo)},{cell}<={_shown(hi)}{whole})")
            elif lo is not None and hi is not None:
                dv = DataValidation(type=kind, operator="between", formula1=_shown(lo),
                                    formula2=_shown(hi))
            elif lo is not None:
                dv = DataValidation(type=kind, operator="greaterThan" if f.exclusive
                                    else "greaterThanOrEqual", formula1=_shown(lo))
            elif hi is not None:
                dv = DataValidation(type=kind, operator="lessThanOrEqual", formula1=_shown(hi))
            else:
                dv = DataValidation(type=kind, operator="between", formula1="-1E+300",
                                    formula2="1E+300")
            if f.at_most is not None:  # a resale value at most the price, while it is given
                cell = coordinate.replace("$", "")
                other = self.cell_of(f.at_most).split("!", 1)[1].replace("$", "")
                scaled = cell if f.at_most_scale == 1.0 else f"{cell}*{_shown(f.at_most_scale)}"
                bounds = [f"{cell}{op}{_shown(x)}" for op, x in
                          ((">" if f.exclusive else ">=", lo), ("<=", hi)) if x is not None]
                dv = DataValidation(type="custom", formula1=f"AND(ISNUMBER({cell}),"
                                    + "".join(x + "," for x in bounds)
                                    + f"OR(NOT(ISNUMBER({other})),{scaled}<={other}))")
            dv.allow_blank = not f.required
            if f.whole_number:
                error = self.tr("Enter a whole number{range}.", range=shown_range)
            elif f.unit:
                error = self.tr("Enter a number{range} in {unit}.", range=shown_range,
                                unit=unit(f.unit, self.lang))
            else:
                error = self.tr("Enter a number{range}.", range=shown_range)
        dv.showErrorMessage = True
        dv.errorStyle = "stop"
        dv.errorTitle = self.tr("Not accepted")[:32]
        dv.error = error[:255]
        dv.showInputMessage = True
        dv.promptTitle = self.tr("Your value")[:32]
        shown_unit = f" [{unit(f.unit, self.lang)}]" if f.unit else ""
        prompt = f.label + shown_unit + (f" — {rng}" if rng else "")
        dv.prompt = prompt[:255]
        ws.add_data_validation(dv)
        dv.add(coordinate)
        return choice_row

    # -- the bidder's own LCC ---------------------------------------------------------------
    def live_sheet(self, ws: Any, bid_ws: Any) -> None:
        from lcc.bidform._live import check_points, plan_sheet
        from lcc.bidform._read import make_bid

        bid = self.names["bid"]
        cells = {f.key: f"{bid}!$D${self.rows[f.key]}" for f in self.form.fields}
        sheet = plan_sheet(self.tender, self.form,
                           lambda given: make_bid(self.tender, self.form, given), cells,
                           self.lang, check_points(self.form), item_words=self.item_words)
        for coordinate, value in sheet.cells.items():
            if value is not None:
                ws[coordinate] = value if coordinate in sheet.formulas else cell_text(value)
        self.formulas |= {(ws.title, c) for c in sheet.formulas}
        ws["A1"].font = self.title_font
        ws["A3"].font = ws["B3"].font = self.head_font
        ws["B3"].fill = self.input_fill
        ws["B3"].number_format = ws["B3"].number_format if sheet.reason else "#,##0"
        for row in ws.iter_rows(min_row=6):
            for c in row:
                if c.column > 1 and c.data_type == "f":
                    c.number_format = "#,##0.00"
        ws["A2"].alignment = self.wrap
        ws.merge_cells("A2:H2")
        ws.row_dimensions[2].height = 45
        if sheet.reason:
            ws["B3"].alignment = self.wrap
            ws.merge_cells("B3:H3")
            ws.row_dimensions[3].height = 45
        ws.column_dimensions["A"].width = 48
        for col in "BCDEFGHIJKLMN":
            ws.column_dimensions[col].width = 20
        self.protect(ws)
        self.page(ws, landscape=True)
        # and on the bid sheet, beside the title
        put(bid_ws, 2, COL_REQUIRED, self.tr("LCC (preliminary)")).font = self.bold
        quoted = "'" + ws.title.replace("'", "''") + "'"
        shown = bid_ws.cell(2, COL_NOTE, f"={quoted}!B3")
        shown.font = self.head_font
        shown.number_format = "#,##0"
        shown.fill = self.input_fill
        self.formulas.add((bid_ws.title, shown.coordinate))

    # -- the tender sheet ---------------------------------------------------------------
    def tender_sheet(self, ws: Any) -> None:
        from openpyxl.utils import get_column_letter

        tender = self.tender
        self.ws = ws
        self.row = 1
        self.put([self.tr("Tender and evaluation method") + f": {tender.name}"],
                 font=self.title_font)
        if tender.reference:
            self.put([self.tr("Reference"), tender.reference])
        if self.tf.name:
            self.put([self.tr("Tender file"), f"{self.tf.name} (SHA-256 {self.tf.digest})"])
        if tender.description:
            self.text(tender.description)
        self.text(self.declared_by())
        self.row += 1
        self.study_section()
        self.parameter_section()
        self.assumption_section()
        self.method_section()
        if self.form.kind == "items":
            self.items_section()
        else:
            self.calculator_section()
        widths = [34, 16, 14, 12, 12, 70, 40, 24]
        for col, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(col)].width = width
        self.protect(ws)
        self.page(ws, landscape=True)

    def put(self, values: Sequence[Any], *, font: Any = None, fill: Any = None,
            wrap: Sequence[int] = (), merge: bool = False) -> None:
        """One row; ``merge`` joins columns B to E (for a long value)."""
        if merge:
            self.ws.merge_cells(start_row=self.row, start_column=2, end_row=self.row,
                                end_column=5)
        longest = 1
        for col, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            c = put(self.ws, self.row, col, value)
            c.alignment = self.wrap if col in wrap else self.top
            if font is not None:
                c.font = font
            if fill is not None:
                c.fill = fill
            if col in wrap and isinstance(value, str):
                width = 70 if col == 6 else 54 if merge and col == 2 else 40
                longest = max(longest, _lines(value, width))
        if longest > 1:
            self.ws.row_dimensions[self.row].height = 15 * longest
        self.row += 1

    def heading(self, text: str) -> None:
        self.row += 1
        self.put([text], font=self.head_font)

    def table_head(self, values: Sequence[str]) -> None:
        self.put(values, font=self.bold, fill=self.head_fill)

    def text(self, text: str) -> None:
        self.paragraph(self.ws, self.row, text, 1, 6, 150)
        self.row += 1

    def paragraph(self, ws: Any, row: int, text: str, first: int, last: int,
                  width: int) -> None:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        c = put(ws, row, first, text)
        c.alignment = self.wrap
        ws.row_dimensions[row].height = 15 * _lines(text, width)

    def study_section(self) -> None:
        s = self.tender.study
        self.heading(self.tr("Study"))
        self.table_head([self.tr("Name"), self.tr("Value"), self.tr("Unit"), "", "",
                         self.tr("Description")])
        self.put([self.tr("Study period"), *self.value_and_unit(s.period)])
        rate_label = self.tr("Discount rate (kalkylränta), nominal, per year") \
            if s.inflation is not None else self.tr("Discount rate (kalkylränta), real, per year")
        self.put([rate_label, *self.value_and_unit(s.discount_rate, rate=True), "", "",
                  self.parameter_note(s.discount_rate)], wrap=(6,))
        self.percent_cell()
        if s.inflation is not None:
            self.put([self.tr("General inflation per year"),
                      *self.value_and_unit(s.inflation, rate=True), "", "",
                      self.parameter_note(s.inflation)], wrap=(6,))
            self.percent_cell()
        self.put([self.tr("Timing of yearly amounts"), {
            "end": self.tr("end of each year"), "middle": self.tr("middle of each year"),
            "beginning": self.tr("beginning of each year"),
            "continuous": self.tr("continuous discounting")}[s.timing]])
        if s.base_year is not None:
            self.put([self.tr("Base year (price level)"), s.base_year])
        self.put([self.tr("Currency"), unit(s.currency, self.lang)])
        if s.carbon_price is not None:
            self.put([self.tr("Carbon price (CO2e)"), *self.value_and_unit(s.carbon_price), "", "",
                      self.parameter_note(s.carbon_price)], wrap=(6,))
        self.put([self.tr("Externalities included in the LCC"),
                  self.tr("yes") if s.include_externalities else self.tr("no")])

    def parameter_section(self) -> None:
        tender = self.tender
        self.heading(self.tr("The buyer's parameters (the same for every bid)"))
        self.table_head([self.tr("Name"), self.tr("Value"), self.tr("Unit"), self.tr("Low"),
                         self.tr("High"), self.tr("Description"), self.tr("Source"),
                         self.tr("From")])
        overridden = {o.path.split(".")[1] for o in tender.overrides
                      if o.path.startswith("parameters.")}
        for p in tender.parameters:
            rate = is_rate(p.name, p.unit if isinstance(p.unit, str) else None, self.rates) \
                and not isinstance(p.value, get_registry().Quantity)
            value, shown_unit = self.value_and_unit(p, rate=rate)
            low = self.value_and_unit(p.low, p, rate=rate)[0] if p.low is not None else None
            high = self.value_and_unit(p.high, p, rate=rate)[0] if p.high is not None else None
            in_set = tender.assumptions is not None and \
                tender.assumptions.parameter(p.name) is not None
            origin = self.tr("tender") if not in_set else (
                self.tr("tender (overrides the assumption set)") if p.name in overridden
                else self.tr("assumption set"))
            self.put([self.parameter_name(p), value, shown_unit, low, high, p.description,
                      p.source, origin], wrap=(1, 6, 7, 8))
            if rate:
                for col in (2, 4, 5):
                    self.ws.cell(self.row - 1, col).number_format = _PERCENT

    def assumption_section(self) -> None:
        a = self.tender.assumptions
        self.heading(self.tr("Assumption set"))
        if a is None:
            self.text(self.tr("No assumption set: every buyer value is set in the tender itself."))
            return
        self.put([self.tr("Name"), a.name])
        self.put([self.tr("Version"), a.version])
        self.put([self.tr("Valid from"), a.valid_from.isoformat()])
        self.put([self.tr("Owner"), a.owner])
        if a.path is not None:
            self.put([self.tr("File"), a.path.name])
        if a.description:
            self.text(self.tr("Description") + f": {a.description}")
        if a.sources:
            self.heading(self.tr("Sources"))
            self.table_head([self.tr("Id"), "", "", "", "", self.tr("Title and note"),
                             self.tr("URL")])
            for s in a.sources:
                self.put([s.id, None, None, None, None, f"{s.title}. {s.note or ''}".strip(),
                          s.url], wrap=(6, 7))
        self.heading(self.tr("Departures from the assumption set (overrides)"))
        if not self.tender.overrides:
            self.text(self.tr("No departures."))
        else:
            self.table_head([self.tr("Value"), "", "", "", "", self.tr("Reason"),
                             self.tr("Changes (assumption set)")])
        for o in self.tender.overrides:
            changes = "; ".join(f"{self.path_words(c.path)}: {c.value} ({c.assumed})"
                                for c in o.changes)
            self.put([self.path_words(o.path), None, None, None, None, o.reason, changes],
                     wrap=(1, 6, 7))

    def method_section(self) -> None:
        s = self.tender.study
        self.heading(self.tr("Method"))
        n = value_and_unit(s.period)[0]
        d = self.rate_text(self.value_and_unit(s.discount_rate)[0])
        kind = self.tr("nominal") if s.inflation is not None else self.tr("real")
        tr = self.tr
        self.text(tr(
            "The life-cycle cost (LCC) of each bid is the sum of the present values of all its "
            "costs over a study period of {n} years, the same for every bid (Directive "
            "2014/24/EU art. 68; LOU 16 kap.). Costs are positive; residual values count as "
            "negative costs. The bid with the lowest LCC is the best on cost.", n=_shown(n)))
        self.text(tr(
            "Present value: an amount paid t years after the base date counts as amount × "
            "e^(−d·t), where d = {d} is the {kind} discount rate, used as a continuously "
            "compounded rate.",
            d=d, kind=kind) if s.timing == "continuous" else tr(
            "Present value: an amount paid t years after the base date counts as amount × "
            "(1 + d)^−t, where d = {d} is the {kind} discount rate (kalkylränta).", d=d,
            kind=kind))
        self.text({
            "end": tr("Yearly amounts (energy, maintenance …) of year k are placed at the end "
                      "of that year (t = k); one-off amounts at their stated time."),
            "middle": tr("Yearly amounts (energy, maintenance …) of year k are placed in the "
                         "middle of that year (t = k − 0.5); one-off amounts at their stated "
                         "time."),
            "beginning": tr("Yearly amounts (energy, maintenance …) of year k are placed at the "
                            "beginning of that year (t = k − 1); one-off amounts at their "
                            "stated time."),
            "continuous": tr("Every amount is discounted from its own time."),
        }[s.timing])
        if s.inflation is None:
            year = f" ({s.base_year})" if s.base_year is not None else ""
            self.text(tr(
                "The analysis is real: every amount is in constant prices of the base year"
                "{year}, excluding VAT; a price that changes faster or slower than general "
                "inflation follows its escalation e (the amount of year k is A × (1 + e_1) × … "
                "× (1 + e_k)).", year=year))
        else:
            self.text(tr(
                "The analysis is nominal: the discount rate includes general inflation i = {i}; "
                "amounts follow general inflation and their own escalation.",
                i=self.rate_text(self.value_and_unit(s.inflation)[0])))
        self.text(tr(
            "A unit with a service life shorter than the study period is bought again at the "
            "end of each life; the unit still in service at the end of the study period leaves "
            "a residual value proportional to its remaining life, at the price level of the "
            "last year and discounted from the end of the period."))
        self.text(tr("All amounts in {cur}, excluding VAT.", cur=unit(s.currency, self.lang)))
        self.text(tr("Externalities (emissions at the carbon price) are included in the LCC.")
                  if s.include_externalities else
                  tr("Emissions are reported in kg CO2e; they are not included in the LCC."))
        self.text(tr(
            "Each bidder gives the values on the sheet '{bid}' (the yellow cells), in the units "
            "shown; every other value is the buyer's and the same for every bid. The LCC is "
            "computed with the open-source library lcc (openlcc) version {version}.",
            bid=self.names["bid"], version=__version__))

    def describe_value(self, value: Any, rate: bool = False) -> str:
        """A value of the bid's template in the reader's words; ``rate``: the value of a rate
        field, whose plain numbers are percentages."""
        if isinstance(value, Slot):
            return self.your_value(self.form.field(value.key))
        own = (self.form.template or {}).get("parameters") or {}
        if isinstance(value, dict) and set(value) == {"parameter"} and \
                value["parameter"] in own:  # the bid's own parameter: its row, or its value
            return self.describe_value(own[value["parameter"]].get("value"), rate)
        if isinstance(value, dict) and set(value) == {"parameter"}:
            p = self.tender.parameter(value["parameter"])
            if p is None:
                return self.tr("the buyer's parameter {name} ({value})",
                               name=value["parameter"], value="?")
            value = p
        if isinstance(value, Parameter):
            return self.tr("the buyer's parameter {name} ({value})",
                           name=self.parameter_name(value), value=self.param_text(value))
        if isinstance(value, dict) and "by_year" in value:
            shown_unit = f" {unit(value['unit'], self.lang)}" if value.get("unit") else ""
            return tr("{values}{unit} (by year)", self.lang, unit=shown_unit, values=", ".join(
                self.rate_text(float(x)) if rate and not shown_unit else self.number(float(x))
                for x in value["by_year"]))
        if isinstance(value, (list, tuple)):
            return "[" + ", ".join(self.describe_value(v, rate) for v in value) + "]"
        if isinstance(value, (int, float)) and not isinstance(value, bool) and rate:
            return self.rate_text(float(value))
        if isinstance(value, float):
            return self.number(value)
        if isinstance(value, str) and unit_of_text(value) is not None:
            number, shown_unit = value_and_unit(value)
            return f"{self.number(number)} {unit(shown_unit, self.lang)}"
        return str(value)

    def items_section(self) -> None:
        template = self.form.template or {}
        self.heading(self.tr("The cost items of every bid"))
        for key in ("quantity", "life", "start"):
            if key in template:
                self.put([field_words(self.lang, None, key), None, None, None, None,
                          self.describe_value(template[key])], wrap=(6,))
        for i, item in enumerate(template.get("items", []), start=1):
            kind = item.get("type", "")
            words = type_words(self.lang, str(kind))
            label = item.get("label")
            head = f"{i}. {words}" + (f" '{label}'" if isinstance(label, str) else "")
            method = type_method(self.lang, str(kind))
            self.put([head, None, None, None, None, method], wrap=(6,))
            self.ws.cell(self.row - 1, 1).font = self.bold
            for name, value in item.items():
                if name in ("type", "label"):
                    continue
                spec = F.ITEMS.get(str(kind))
                rate = spec is not None and name in spec.fields and \
                    spec.fields[name].kind == "rate"
                self.put([f"    {field_words(self.lang, kind, name)}", None, None, None, None,
                          self.describe_value(value, rate)], wrap=(6,))

    def calculator_section(self) -> None:
        from lcc import templates

        assert self.form.calculator is not None
        module = templates.get(self.form.calculator)
        title = tr(module.TITLE, self.lang)
        self.heading(self.tr("Product calculator") + f": {title.split(':', 1)[0]}")
        self.text(title)
        method = getattr(module, "METHOD", "")
        if method:
            self.put([self.tr("Formulas")], font=self.bold)
            self.text(tr(method, self.lang))
        self.heading(self.tr("The buyer's inputs of the calculator"))
        self.table_head([self.tr("Input"), self.tr("Value"), "", "", "", self.tr("Meaning"),
                         self.tr("Source")])
        self.ws.merge_cells(start_row=self.row - 1, start_column=2, end_row=self.row - 1,
                            end_column=5)
        asked = {f.key for f in self.form.fields}
        selector = getattr(module, "SELECTOR", None)
        chosen = self.form.inputs.get(selector, next(
            (i.default for i in module.INPUTS if i.name == selector), None)) if selector else None
        for inp in module.INPUTS:
            if inp.name in asked or (inp.applies_to and chosen not in inp.applies_to):
                continue  # asked on the bid sheet, or not an input of the chosen kind
            if inp.name in self.form.inputs:
                shown = self.input_value(inp, self.form.inputs[inp.name])
            elif inp.role == "buyer":
                if inp.default is None:
                    continue
                shown = self.tr("calculator default") + f": {self.input_value(inp, inp.default)}"
            else:
                continue
            self.put([tr(inp.label, self.lang), shown, None, None, None,
                      tr(inp.meaning, self.lang), tr(inp.source, self.lang)],
                     wrap=(2, 6, 7), merge=True)
        self.heading(self.tr("The values each bidder gives"))
        for f in self.form.fields[1:]:
            shown_unit = f" [{unit(f.unit, self.lang)}]" if f.unit else ""
            self.put([f.label, self.your_value(f) + shown_unit, None, None,
                      None, f.note], wrap=(2, 6), merge=True)

    # -- values in the reader's words ---------------------------------------------------
    def default_text(self, f: BidField) -> str:
        """The tender's value for a blank cell in the reader's words (``0``, ``ny``,
        ``1,5 kr``); a plain 0 was shown as nothing before."""
        x = f.default
        if f.kind == "choice" and isinstance(x, str):
            word = f.choice_of(x)
            return f.shown_choices[f.choices.index(word)] if word is not None else x
        word = default_word(self.form, f)  # a calculator's word ('linear')
        if word is not None:
            return tr(word, self.lang)
        if isinstance(x, (int, float)) and not isinstance(x, bool):
            if f.percent:
                return percent(float(x), self.lang, 4)
            number = significant(float(x), self.lang)
            return f"{number} {unit(f.unit, self.lang)}" if f.unit else number
        return unit(str(value_text(f, x)), self.lang)

    def input_value(self, inp: Any, value: Any) -> str:
        """A calculator input's value in words: a choice by its label, a profile as its
        steps (hours per year × share), a number or quantity in the reader's format."""
        if (words := self.choice_words(inp, value)) is not None:
            return words
        if inp.kind == "profile" and isinstance(value, (list, tuple)):
            return "; ".join(self.describe_value(h) + " × " + self.describe_value(
                float(f) if isinstance(f, (int, float)) else f) for h, f in value)
        rate = inp.field.kind == "rate"
        if isinstance(value, int) and not isinstance(value, bool) and not rate:
            return self.number(float(value))
        return self.describe_value(value, rate)

    def choice_words(self, inp: Any, value: Any) -> str | None:
        """A calculator input's word (``"linear"``) by its label in the form's language."""
        if inp.choices and isinstance(value, str) and \
                value.strip().lower() in {c.lower() for c in inp.choices}:
            return tr(inp.choice_label(value), self.lang)
        return None

    def value_and_unit(self, value: Any, like: Parameter | None = None, *,
                       rate: bool = False) -> tuple[Any, str]:
        """:func:`value_and_unit` with the unit in the reader's language; a rate's value as
        its number (shown as a percentage by the cell's format)."""
        shown, shown_unit = value_and_unit(value, like)
        if isinstance(value, Parameter) and isinstance(shown, str) and shown.startswith(
                "samples"):
            shown = self.param_text(value)
        return shown, ("" if rate else unit(shown_unit, self.lang))

    def percent_cell(self) -> None:
        """The value of the row just written (column B) as a percentage."""
        c = self.ws.cell(self.row - 1, 2)
        if isinstance(c.value, (int, float)):
            c.number_format = _PERCENT

    def parameter_name(self, p: Parameter) -> str:
        # a description's head that names an alternative ('Bid B: …') is no parameter's name
        return parameter_name(p.name, self.lang, p.description,
                              [a.name for a in self.tender.alternatives])

    def param_text(self, p: Parameter) -> str:
        value, shown_unit = value_and_unit(p)
        if isinstance(value, (int, float)) and is_rate(p.name, shown_unit or None, self.rates):
            return self.rate_text(value)
        return f"{self.number(value)} {unit(shown_unit, self.lang)}".strip()

    def parameter_note(self, value: Any) -> str | None:
        if isinstance(value, Parameter):
            return tr("parameter: {name}", self.lang, name=self.parameter_name(value))
        return None

    def rate_text(self, x: Any) -> str:
        return percent(x, self.lang) if isinstance(x, (int, float)) else str(x)

    def number(self, x: Any) -> str:
        text = _shown(x)
        return text.replace(".", ",").replace("-", "\u2212") if self.lang == "sv" and \
            isinstance(x, (int, float)) else text

    def path_words(self, path: str) -> str:
        """``parameters.energy_price.value`` -> the parameter's name in words."""
        parts = path.split(".")
        if parts[0] == "parameters" and len(parts) > 1:
            p = self.tender.parameter(parts[1])
            if p is not None:
                return self.parameter_name(p)
        if parts[0] == "study" and len(parts) > 1:
            return word(parts[1], self.lang)
        return path

    def your_value(self, f: BidField) -> str:
        """Where the bidder gives a value: ``your value (Bid!D7)``."""
        if f.required:
            return self.tr("your value ({cell})", cell=self.cell_of(f.key))
        return self.tr("your value ({cell}; optional)", cell=self.cell_of(f.key))

    def item_words(self, name: str) -> str:
        """A cost item's name (``Investment 'LED'``) in words (``Investering: LED``)."""
        if isinstance(name, ItemName):  # the form's words for the type; lcc's label in them
            kind = type_words(self.lang, name.kind)
            label = name.label
            if isinstance(label, Msg):
                label = str(label.in_lang(self.lang))
            elif label and self.form.kind == "calculator":  # lcc's own words, in the catalogue
                label = tr(label, self.lang)
            return (f"{kind}: {label}" if label else kind) + name.suffix
        m = re.fullmatch(r"(\w+)(?: '(.*)')?", name, re.S)
        if m is None:
            return name
        kind = type_words(self.lang, m.group(1))
        label = m.group(2)
        if label and self.form.kind == "calculator":  # lcc's own words, in the catalogue
            label = tr(label, self.lang)
        return f"{kind}: {label}" if label else kind

    def declared_by(self) -> str:
        if isinstance((self.tf.data or {}).get("bid_form"), dict):
            return self.tr("What bidders give is declared in the bid form section of the "
                           "tender file.")
        return tr("What bidders give follows the tender's first alternative, {name}.",
                  self.lang, name=self.tender.alternatives[0].name)

    # -- the metadata sheet -------------------------------------------------------------
    def meta_sheet(self, ws: Any) -> None:
        tender = self.tender
        rows: list[tuple[str, Any]] = [
            ("format", FORM_FORMAT),
            ("tender_name", tender.name),
            ("tender_reference", tender.reference or ""),
            ("tender_file", self.tf.name or ""),
            ("tender_sha256", self.tf.digest),
            ("lcc_version", __version__),
            # the document's own date (SOURCE_DATE_EPOCH), never the wall clock
            ("created", date.isoformat() if (date := document_date()) is not None else ""),
            ("lang", self.lang),
            ("kind", self.form.kind),
            ("calculator", self.form.calculator or ""),
            ("fields", json.dumps([f.key for f in self.form.fields])),
            ("note", self.tr("Metadata of the bid form: lcc reads it back to check that a "
                             "filled form belongs to this tender. Do not change it.")),
            ("fingerprint", fingerprint(self.decisive)),
        ]
        for i, (key, value) in enumerate(rows, start=1):
            put(ws, i, 1, key)
            put(ws, i, 2, value)
        i = DECISIVE_ROW
        for i, (path, text) in enumerate(sorted(self.decisive.items()), start=DECISIVE_ROW):
            put(ws, i, 1, "decides")
            put(ws, i, 2, path)
            put(ws, i, 3, text)
        formulas = sorted((sheet, cell) for sheet, cell in self.formulas
                          if sheet in (self.names["tender"], self.names["bid"],
                                       self.names["lcc"]))
        for j, (sheet, coordinate, text) in enumerate(
                [*self.shown, *((sheet, cell, None) for sheet, cell in formulas)], start=i + 1):
            put(ws, j, 1, "shows" if text is not None else "formula")
            put(ws, j, 2, f"{sheet}!{coordinate}")
            put(ws, j, 3, text)
        ws.sheet_state = "veryHidden"
        self.protect(ws)

    # -- common -------------------------------------------------------------------------
    def protect(self, ws: Any) -> None:
        ws.protection.sheet = True
        ws.protection.selectLockedCells = False
        ws.protection.selectUnlockedCells = False

    def page(self, ws: Any, *, landscape: bool) -> None:
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0


def write_form(tender: Tender, form: BidForm, tf: TenderFile, lang: str) -> bytes:
    """The workbook's bytes (the same tender gives the same bytes)."""
    return _Writer(tender, form, tf, lang).write()


def note_lines(form: BidForm, lang: str) -> list[str]:
    """The form's notes (:attr:`BidForm.notes`: no errors, such as the rows a like form takes
    from literal values) as the lines ``lcc bid-form`` prints on stderr, in ``lang``."""
    return ["lcc: " + tr("note: {message}", lang, message=note.in_lang(lang))
            for note in form.notes]


# ---------------------------------------------------------------------------- values


def form_rates(tender: Tender, form: BidForm) -> set[str]:
    """The inputs a tender and the bids of its form read as rates (:func:`rate_names`): the
    tender's alternatives' and a trial bid's, whose buyer parameters may stand in the form's
    items only."""
    from lcc.bidform._read import make_bid
    from lcc.bidform._spec import trial_values

    alternatives = list(tender.alternatives)
    with contextlib.suppress(LCCError):  # the form's trial bid was evaluated when it was made
        alternatives.append(make_bid(tender, form, {"bidder": "trial", **trial_values(form)}))
    return rate_names(alternatives, tender.study)


def value_and_unit(value: Any, like: Parameter | None = None) -> tuple[Any, str]:
    """A value as (number or text, unit text) for a cell pair."""
    reg = get_registry()
    if isinstance(value, Parameter):
        return value_and_unit(value.value)
    if value is None:
        return "—", ""
    if isinstance(value, bool):
        return str(value), ""
    if isinstance(value, ByYear):
        unit = value.unit if isinstance(value.unit, str) else (
            "" if value.unit is None else str(value.unit))
        return ", ".join(number_text(float(v)) for v in value.values), unit
    if isinstance(value, reg.Quantity):
        if like is not None and isinstance(like.value, reg.Quantity):
            with contextlib.suppress(Exception):
                value = value.to(like.value.units)
        if np.ndim(value.magnitude):
            return f"samples (n = {np.size(value.magnitude)})", _units(value)
        text = parameter_value(value, "value")
        unit = unit_of_text(text) or ""
        return float(value.magnitude), unit
    if isinstance(value, np.ndarray):
        return f"samples (n = {value.size})", ""
    if isinstance(value, (int, float, np.integer, np.floating)):
        x = float(value)
        return (int(x) if x.is_integer() and abs(x) < 1e15 else x), ""
    if isinstance(value, str):
        try:  # the model's reading of the text ('500kr', 'SEK 300' too)
            parts = quantity_parts(value)
        except LCCError:
            parts = None
        return parts if parts is not None else (value, "")
    return str(value), ""


def _units(q: Any) -> str:
    from lcc.units import pretty_units

    return pretty_units(q.units)


def _shown(x: Any) -> str:
    return number_text(float(x)) if isinstance(x, (int, float)) and not isinstance(x, bool) \
        else str(x)


def _lines(text: str | None, width: int) -> int:
    """Lines a wrapped text takes in a column about ``width`` characters wide."""
    if not text:
        return 1
    return sum(max(1, math.ceil(len(line) / width)) for line in str(text).splitlines())

