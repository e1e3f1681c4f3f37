"""Excel bid forms: publish a form with the tender, read the filled forms back as bids.

Procurement officers publish an LCC evaluation with the tender documents
(Directive 2014/24/EU art. 68: the documents state the data bidders supply
and the calculation method). :func:`write_bid_form` writes an Excel workbook
(needs openpyxl: ``pip install 'openlcc[excel]'``) with

- a protected sheet *Tender* (*Upphandling*): the study, the buyer's
  parameters (name, value, unit, range, description, source), the assumption
  set (name, version, sources, overrides with their reasons) and the method
  in plain words: present value over the study period, the discount rate,
  timing, replacements and residual value, and how each cost item of a bid is
  computed from the buyer's and the bidder's values;
- a protected sheet *Bid* (*Anbud*): one row per value each bidder gives —
  what, unit, the input cell, required or not, explanation. Only the input
  cells are unlocked; they are highlighted (yellow) and validated (a decimal
  ≥ 0 or within the field's bounds, a whole number for counts, a list for
  choices);
- a very hidden, protected sheet ``lcc`` with the tender's name, the SHA-256
  of the tender file and the lcc version, so that a form made for another
  tender (or another version of the tender file) is refused on import.

:func:`read_bid_forms` reads filled forms back into alternatives named by the
bidder. It reads cell values only: formulas are never evaluated (the value
Excel saved with the formula is used; a formula without one is an error) and
macros never run (a .xlsm is read for its values; openpyxl drops the VBA
project). Every problem is reported with the form's file, sheet and cell.

How a tender says what bidders give
-----------------------------------
1. **A template of the bid** — ``[bid_form]`` with ``[[bid_form.items]]``
   written like an alternative's items, where each value the bidder gives is
   ``{ bidder = "<what to give>" }`` (optional keys: ``unit``, ``required =
   false``, ``min``, ``max``, ``note``). Every other value is the buyer's,
   the same for every bid: a value, or ``{ parameter = "<buyer parameter>" }``.
   ``quantity``, ``life`` and ``start`` of the bid may be given the same way::

       [bid_form]
       quantity = { parameter = "light_points" }

       [[bid_form.items]]
       type = "Investment"
       label = "Luminaire incl. installation"
       amount = { bidder = "Price per luminaire incl. installation, excl. VAT", unit = "SEK" }
       life = { bidder = "Service life", unit = "yr" }

       [[bid_form.items]]
       type = "Replacement"
       label = "LED driver"
       amount = { bidder = "Price of a new driver incl. labour", required = false }
       every = { bidder = "Driver replacement interval", unit = "yr", required = false }

       [[bid_form.items]]
       type = "Energy"
       power = { bidder = "System power per luminaire", unit = "W" }
       hours = { parameter = "operating_hours" }
       price = { parameter = "electricity_price" }

   Without ``unit`` a value takes the unit of its field's example (money in
   the study currency). An optional value left empty is left out of the
   item; an item whose values are all optional and all left empty is left
   out of the bid (a bid without a driver replacement).
2. **A product calculator** — ``[bid_form]`` with ``template = "<name>"``
   (one of :data:`lcc.templates.CALCULATORS`) and the buyer's inputs of the
   calculator in ``[bid_form.inputs]`` (values, ``{ parameter = "..." }`` or
   ``{ by_year = [...], unit = "..." }``). Every bidder input of the
   calculator (:attr:`lcc.templates.Input.role` "bidder") that the buyer does
   not fix in ``inputs`` and that applies to the chosen method becomes a row,
   in the input's unit (``[bid_form.units]`` may pick another of its units,
   e.g. ``life = "h"``)::

       [bid_form]
       template = "street_lighting"
       [bid_form.inputs]
       operating_hours = { parameter = "operating_hours" }
       electricity_price = { parameter = "electricity_price" }

3. **An alternative of the tender as the model** — ``[bid_form] like =
   "<alternative>"``, and the default when the tender has no ``[bid_form]``
   table (then the first alternative): every bid has that alternative's
   items; each amount or other value with a unit written in it (``"4200
   SEK"``, ``"38 W"``, ``"20 yr"``) and each value taken from the bid's own
   parameters becomes a row for the bidder, while references to the buyer's
   parameters, plain numbers, times (``at``, ``start``) and texts stay as
   written. If that alternative uses a product calculator (``template =
   "<name>"`` with ``inputs``), the calculator's bidder inputs are asked as in
   2, and its inputs that are buyer inputs or refer to buyer parameters are
   kept.

Also in ``[bid_form]``: ``title`` and ``instructions`` (shown on the form).

Error codes
-----------
:data:`ERROR_CODES` (besides the tender file's own, :data:`lcc.io.ERROR_CODES`,
for a ``[bid_form]`` table with mistakes). Paths are ``<sheet>!<cell>``
(``Bid!D7``) of the form named in ``file``.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lcc._errors import LCCError
from lcc.bidform._spec import (
    BID_FORM_KEYS,
    MARKER_KEYS,
    BidField,
    BidForm,
    derive_form,
    read_tender_file,
)
from lcc.bidform._words import LANGS
from lcc.io._issues import TenderError
from lcc.io._model import Tender
from lcc.model import Alternative

__all__ = [
    "BID_FORM_KEYS",
    "ERROR_CODES",
    "MARKER_KEYS",
    "BidField",
    "BidForm",
    "bid_form",
    "read_bid_form",
    "read_bid_forms",
    "save_with_bids",
    "with_bids",
    "write_bid_form",
]

#: The codes of errors in filled bid forms, with what each means.
ERROR_CODES: dict[str, str] = {
    "unsupported-format": "not an .xlsx or .xlsm workbook (e.g. .xls, .ods, .csv), or a form "
                          "of a format this lcc does not read",
    "parse-error": "the file cannot be opened as an Excel workbook (corrupt, or another kind "
                   "of file renamed)",
    "missing-file": "the form cannot be found or read",
    "too-large": "the file, or what it unpacks to, exceeds the size limit",
    "other-tender": "the form was made for another tender, or for another version of the "
                    "tender file (its name or SHA-256 differs)",
    "missing-sheet": "a sheet of the form is missing",
    "extra-sheet": "the workbook has a sheet the form does not have",
    "missing-row": "a row of the form was deleted",
    "extra-row": "a row was added to the form, or a row has content without being a field",
    "extra-cell": "a value outside the form's columns",
    "missing-value": "an empty cell where a value is required",
    "formula-without-value": "a formula without a calculated value (lcc never evaluates "
                             "formulas)",
    "wrong-type": "text (or a date, TRUE/FALSE, an error such as #DIV/0!) in a number cell, or "
                  "a number where a choice is expected",
    "wrong-unit": "the unit cell of a row was changed",
    "invalid-value": "a number out of range or not whole, a word not among the choices, or a "
                     "value the model refuses (e.g. a service life of 0)",
    "duplicate-name": "two forms, or a form and an alternative of the tender, with the same "
                      "bid name",
    "currency-mix": "an amount in a currency the study cannot convert",
}


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise LCCError(f"bid form: lang={lang!r}, expected one of {', '.join(LANGS)}")


def bid_form(tender: Tender, *, tender_file: str | os.PathLike[str] | None = None,
             lang: str = "en") -> BidForm:
    """What each bidder of a tender gives: the rows of its bid form.

    Parameters
    ----------
    tender : Tender
    tender_file : path, optional
        The tender's file, whose ``[bid_form]`` table declares the form
        (default ``tender.source``). Without a file the first alternative is
        the model of the bid.
    lang : {"en", "sv"}
        Language of the labels lcc writes.

    Returns
    -------
    BidForm

    Raises
    ------
    TenderError
        For a ``[bid_form]`` table with mistakes, located in the tender file.
    """
    _check_lang(lang)
    if not isinstance(tender, Tender):
        raise LCCError(f"bid_form: expected a Tender, got {tender!r}")
    return derive_form(tender, read_tender_file(tender, tender_file), lang)


def write_bid_form(tender: Tender, output: str | os.PathLike[str], *, lang: str = "en",
                   tender_file: str | os.PathLike[str] | None = None) -> Path:
    """Write the Excel bid form of a tender.

    Parameters
    ----------
    tender : Tender
    output : path
        The workbook to write (``.xlsx``).
    lang : {"en", "sv"}
        Language of the sheets (English or Swedish).
    tender_file : path, optional
        The tender's file (default ``tender.source``): its ``[bid_form]``
        table says what bidders give, and its SHA-256 ties the form to it.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    TenderError
        For a ``[bid_form]`` table with mistakes.
    LCCError
        For an output that is not ``.xlsx``, or without openpyxl.

    Examples
    --------
    >>> import lcc.io
    >>> from lcc.io.bidform import write_bid_form
    >>> tender = lcc.io.load_tender("tender.toml")  # doctest: +SKIP
    >>> write_bid_form(tender, "bid-form.xlsx", lang="sv")  # doctest: +SKIP
    PosixPath('bid-form.xlsx')
    """
    from lcc.bidform._write import openpyxl_module, write_form

    _check_lang(lang)
    target = Path(output)
    if target.suffix.lower() != ".xlsx":
        raise LCCError(f"bid form: cannot write {target.name!r}; the form is an Excel "
                       f"workbook, so the file must end in .xlsx")
    openpyxl_module()
    tf = read_tender_file(tender, tender_file)
    form = derive_form(tender, tf, lang)
    return write_form(tender, form, tf, target, lang)


def read_bid_forms(tender: Tender, paths: Iterable[str | os.PathLike[str]], *,
                   tender_file: str | os.PathLike[str] | None = None,
                   replace: bool = False) -> list[Alternative]:
    """Read filled bid forms as alternatives (one per form, named by the bidder).

    Parameters
    ----------
    tender : Tender
        The tender the forms were made for.
    paths : iterable of path
        The filled forms (``.xlsx`` or ``.xlsm``).
    tender_file : path, optional
        The tender's file (default ``tender.source``); what decides its
        evaluation must be what each form records (see :func:`write_bid_form`).
    replace : bool
        Whether a bid may have the name of an alternative of the tender (it
        will replace it); by default that is a ``duplicate-name`` error.

    Returns
    -------
    list of Alternative
        In the order of ``paths``; evaluate them with the tender's study, or
        add them with ``tender.with_alternatives(*tender.alternatives, *bids)``.

    Raises
    ------
    TenderError
        With every problem of every form, each with the form's file and the
        sheet and cell as path (``Bid!D7``); codes in :data:`ERROR_CODES`.
    """
    from lcc.bidform._read import read_forms

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    tf = read_tender_file(tender, tender_file)
    form = derive_form(tender, tf, "en")
    alternatives, issues = read_forms(tender, form, tf, list(paths), replace=replace)
    if issues:
        raise TenderError(issues)
    return alternatives


def read_bid_form(tender: Tender, path: str | os.PathLike[str], *,
                  tender_file: str | os.PathLike[str] | None = None,
                  replace: bool = False) -> Alternative:
    """Read one filled bid form (see :func:`read_bid_forms`)."""
    return read_bid_forms(tender, [path], tender_file=tender_file, replace=replace)[0]


def with_bids(tender: Tender, bids: Iterable[Alternative]) -> Tender:
    """The tender with the bids added; a bid replaces the alternative of its name."""
    bids = list(bids)
    names = {b.name for b in bids}
    return tender.with_alternatives(*(a for a in tender.alternatives if a.name not in names),
                                    *bids)


def save_with_bids(tender: Tender, bids: Iterable[Alternative], output: str | os.PathLike[str],
                   *, tender_file: str | os.PathLike[str] | None = None) -> Path:
    """Write the tender file with the imported bids added to its alternatives.

    The tender's own file is kept as it is — comments, the ``[bid_form]``
    table and all — with the bids appended (a bid with the name of an
    alternative replaces it) (the reference to the assumption
    set is adjusted when ``output`` is in another folder). The format follows
    the suffix of ``output``; a TOML file written from a TOML file keeps its
    comments. A tender without a file is written with :func:`lcc.io.save_tender`.

    Returns
    -------
    pathlib.Path
        The path written, which :func:`lcc.io.load_tender` reads back with the bids.
    """
    from lcc.io._api import _format_of, _read_bytes, load_tender, save_tender
    from lcc.io._read import decode
    from lcc.io._write import WRITERS, _fill, alternative_data

    bids = list(bids)
    merged = with_bids(tender, bids)  # checks the names
    source = tender_file if tender_file is not None else tender.source
    target = Path(output)
    fmt = _format_of(target, None, os.fspath(target))
    if source is None:
        return save_tender(merged, target)
    shown = os.fspath(source)
    src_fmt = _format_of(shown, None, shown)
    text = decode(_read_bytes(Path(shown), shown), shown)
    names = {b.name for b in bids}
    kept = [a for a in tender.alternatives if a.name not in names]
    tables = [alternative_data(a, f"alternatives[{len(kept) + i}]") for i, a in enumerate(bids)]
    moved = os.path.abspath(Path(shown).parent) != os.path.abspath(target.parent)

    def relocate(ref: str) -> str:
        if os.path.isabs(ref) or not moved:
            return ref
        full = os.path.abspath(Path(shown).parent / ref)
        return Path(os.path.relpath(full, os.path.abspath(target.parent))).as_posix()

    if src_fmt == "toml" and fmt == "toml":
        import tomlkit

        doc = tomlkit.parse(text)
        if "assumptions" in doc:
            doc["assumptions"] = relocate(str(doc["assumptions"]))
        if "alternatives" not in doc:
            doc["alternatives"] = tomlkit.aot()
        aot = doc["alternatives"]
        for j in reversed(range(len(aot))):  # the replaced bids
            if aot[j].get("name") in names:
                del aot[j]
        for data in tables:
            t = tomlkit.table()
            _fill(t, data)
            aot.append(t)
        out = tomlkit.dumps(doc)
    else:
        from lcc.io._read import parse

        data, _ = parse(text, src_fmt, shown)
        data = copy.deepcopy(data)
        if isinstance(data.get("assumptions"), str):
            data["assumptions"] = relocate(data["assumptions"])
        data["alternatives"] = [*(a for a in data.get("alternatives", [])
                                  if not (isinstance(a, dict) and a.get("name") in names)),
                                *tables]
        out = WRITERS[fmt](_plain(data) if fmt == "json" else data)
    target.write_text(out, encoding="utf-8", newline="\n")
    load_tender(target)  # the file written must read back
    return target


def _plain(value: Any) -> Any:
    """Dates as ISO text (for JSON)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value
