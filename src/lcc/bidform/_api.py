"""The bid-form functions behind :mod:`lcc.bidform` (internal; see the package's docs)."""

from __future__ import annotations

import copy
import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lcc._errors import LCCError, Msg
from lcc._text import same_name
from lcc.bidform._spec import (
    BidForm,
    derive_form,
    read_tender_file,
)
from lcc.bidform._words import LANGS
from lcc.io._issues import TenderError
from lcc.io._model import Tender
from lcc.model import Alternative

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
    "wrong-type": "text (or a date, TRUE/FALSE, an error such as #DIV/0!, a formula) in a "
                  "number cell, or a number where a choice is expected",
    "wrong-unit": "the unit cell of a row was changed",
    "changed-text": "a text of the form (a row's description, unit note or explanation, a "
                    "text of the tender sheet, a row's hidden key) was changed",
    "number-format": "a value cell's number format shows another number than the cell holds "
                     "(in thousands, as a percentage, with another unit, as a date, hidden)",
    "invalid-value": "a number out of range or not whole, a word not among the choices, or a "
                     "value the model refuses (e.g. a service life of 0)",
    "duplicate-name": "two forms, or a form and an alternative of the tender, with the same "
                      "bid name",
    "currency-mix": "an amount in a currency the study cannot convert",
}


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise LCCError(Msg("bid form: lang={lang!r}, expected one of {langs}", lang=lang,
                           langs=", ".join(LANGS)), field="lang", code="invalid-value")


def bid_form(tender: Tender, *, tender_file: str | os.PathLike[str] | None = None,
             lang: str = "en") -> BidForm:
    """What each bidder of a tender gives: the rows of its bid form.

    Parameters
    ----------
    tender : Tender
    tender_file : path, optional
        A tender file to read the ``[bid_form]`` table from instead. By default
        the tender's own: the text :func:`lcc.io.load_tender` or
        :func:`lcc.io.loads_tender` read (``tender.source`` is only a name and is
        never opened again), else :attr:`Tender.bid_form`; without a
        ``[bid_form]`` the first alternative is the model of the bid.
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
        raise LCCError(Msg("bid_form: expected a Tender, got {value!r}", value=tender),
                       code="wrong-type")
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
        A tender file to read instead of the tender's own text (see
        :func:`bid_form`). The form records the SHA-256 of the text the tender
        was read from (the file's bytes for :func:`lcc.io.load_tender`); a
        tender built in Python, that of :func:`lcc.io.dumps_tender`'s TOML.

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
        raise LCCError(Msg("bid form: cannot write {file!r}; the form is an Excel workbook, "
                           "so the file must end in .xlsx", file=target.name),
                       field="output", code="unsupported-format")
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
        A tender file to read instead of the tender's own text (see
        :func:`bid_form`); what decides its evaluation must be what each form
        records (see :func:`write_bid_form`).
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
    names = {same_name(b.name) for b in bids}
    return tender.with_alternatives(*(a for a in tender.alternatives
                                      if same_name(a.name) not in names),
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
    document = getattr(tender, "_document", None) if tender_file is None else None
    if document is not None:  # the text it was read from: its source is never read again
        text, src_fmt = document[1], document[2]
    else:
        src_fmt = _format_of(shown, None, shown)
        text = decode(_read_bytes(Path(shown), shown), shown)
    names = {same_name(b.name) for b in bids}
    kept = [a for a in tender.alternatives if same_name(a.name) not in names]
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
            if same_name(str(aot[j].get("name"))) in names:
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
                                  if not (isinstance(a, dict)
                                          and same_name(str(a.get("name"))) in names)),
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
