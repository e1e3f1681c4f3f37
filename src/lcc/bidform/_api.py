"""The bid-form functions behind :mod:`lcc.bidform` (internal; see the package's docs)."""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO, overload

from lcc._atomic import write_atomic
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
    "too-many": "more problems than are listed (200); the rest of the forms is not read",
}

#: What a form may be given as: a path, its bytes, a binary file object open for reading,
#: or a pair (the name to show, bytes or file object).
FormInput = Any


def _check_tender(tender: Any, function: str) -> None:
    if not isinstance(tender, Tender):
        raise LCCError(Msg("{function}: the argument tender is {type}; expected a Tender "
                           "(from lcc.io.load_tender or lcc.io.loads_tender)",
                           function=function, type=type(tender).__name__),
                       field="tender", code="wrong-type")


def _form_bytes(value: Any, function: str, argument: str) -> bytes | None:
    """The bytes of a form in memory (bytes, bytearray, memoryview, a binary file object
    open for reading); None if ``value`` is none of them."""
    from lcc.bidform._read import MAX_FORM_BYTES

    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    read = getattr(value, "read", None)
    if read is None or isinstance(value, io.TextIOBase):
        return None
    data = read(MAX_FORM_BYTES + 1)  # one byte more than the limit: too large is said so
    if not isinstance(data, (bytes, bytearray)):
        raise LCCError(Msg("{function}: the argument {argument} is a file object that reads "
                           "{type}; expected one opened in binary mode ('rb')",
                           function=function, argument=argument, type=type(data).__name__),
                       field=argument, code="wrong-type")
    return bytes(data)


def _forms(forms: Any, function: str) -> list[tuple[str, Path | bytes]]:
    """Each form as (the name to show, its path or its bytes); LCCError for anything else."""
    def one(value: Any) -> bool:
        return isinstance(value, (str, os.PathLike, bytes, bytearray, memoryview)) or (
            hasattr(value, "read")) or _pair(value)

    if one(forms):
        forms = [forms]
    elif not isinstance(forms, Iterable):
        raise LCCError(Msg("{function}: the argument forms is {type}; expected a path, the "
                           "bytes of a form, a binary file object, a (name, bytes) pair, or a "
                           "list of them", function=function, type=type(forms).__name__),
                       field="forms", code="wrong-type")
    out: list[tuple[str, Path | bytes]] = []
    for i, value in enumerate(forms):
        argument = f"forms[{i}]"
        name: str | None = None
        if _pair(value):
            name, value = os.fspath(value[0]), value[1]
        if isinstance(value, (str, os.PathLike)) and name is None:
            out.append((os.fspath(value), Path(os.fspath(value))))
            continue
        data = _form_bytes(value, function, argument)
        if data is None:
            raise LCCError(Msg("{function}: the argument {argument} is {type}; expected a "
                               "path, the bytes of a form (.xlsx), a binary file object or a "
                               "(name, bytes) pair", function=function, argument=argument,
                               type=type(value).__name__), field=argument, code="wrong-type")
        if name is None:  # a file object's own name, else its place in the list
            own = getattr(value, "name", None)
            name = os.path.basename(own) if isinstance(own, str) and own else argument
        out.append((name, data))
    return out


def _pair(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(
        value[0], (str, os.PathLike)) and not isinstance(value[1], (str, os.PathLike))


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
    _check_tender(tender, "bid_form")
    return derive_form(tender, read_tender_file(tender, tender_file), lang)


@overload
def write_bid_form(tender: Tender, output: str | os.PathLike[str], *, lang: str = "en",
                   tender_file: str | os.PathLike[str] | None = None) -> Path: ...


@overload
def write_bid_form(tender: Tender, output: None = None, *, lang: str = "en",
                   tender_file: str | os.PathLike[str] | None = None) -> bytes: ...


@overload
def write_bid_form(tender: Tender, output: BinaryIO, *, lang: str = "en",
                   tender_file: str | os.PathLike[str] | None = None) -> bytes: ...


def write_bid_form(tender: Tender, output: str | os.PathLike[str] | BinaryIO | None = None, *,
                   lang: str = "en", tender_file: str | os.PathLike[str] | None = None
                   ) -> Path | bytes:
    """Write the Excel bid form of a tender.

    Parameters
    ----------
    tender : Tender
    output : path, binary file object or None
        The workbook to write (``.xlsx``); a binary file object open for
        writing (e.g. ``io.BytesIO``) is written into; None writes nothing
        and returns the workbook's bytes (for a web response).
    lang : {"en", "sv"}
        Language of the sheets (English or Swedish).
    tender_file : path, optional
        A tender file to read instead of the tender's own text (see
        :func:`bid_form`). The form records the SHA-256 of the text the tender
        was read from (the file's bytes for :func:`lcc.io.load_tender`); a
        tender built in Python, that of :func:`lcc.io.dumps_tender`'s TOML.

    Returns
    -------
    pathlib.Path or bytes
        The path written; the workbook's bytes when ``output`` is None or a
        file object.

    Raises
    ------
    TenderError
        For a ``[bid_form]`` table with mistakes.
    LCCError
        For an output that is not ``.xlsx`` (``unsupported-format``), an
        argument of another type (``wrong-type``, naming it), or without
        openpyxl.

    Examples
    --------
    >>> import lcc.io
    >>> from lcc.io.bidform import write_bid_form
    >>> tender = lcc.io.load_tender("tender.toml")  # doctest: +SKIP
    >>> write_bid_form(tender, "bid-form.xlsx", lang="sv")  # doctest: +SKIP
    PosixPath('bid-form.xlsx')
    >>> data = write_bid_form(tender)  # doctest: +SKIP
    """
    from lcc.bidform._write import openpyxl_module, write_form

    _check_lang(lang)
    _check_tender(tender, "write_bid_form")
    target: Path | None = None
    if isinstance(output, (str, os.PathLike)):
        target = Path(output)
        if target.suffix.lower() != ".xlsx":
            raise LCCError(Msg("bid form: cannot write {file!r}; the form is an Excel "
                               "workbook, so the file must end in .xlsx", file=target.name),
                           field="output", code="unsupported-format")
    elif output is not None and (not hasattr(output, "write")
                                 or isinstance(output, io.TextIOBase)):
        raise LCCError(Msg("write_bid_form: the argument output is {type}; expected a path "
                           "ending in .xlsx, a binary file object open for writing, or None "
                           "(to get the bytes)", type=type(output).__name__),
                       field="output", code="wrong-type")
    openpyxl_module()
    tf = read_tender_file(tender, tender_file)
    form = derive_form(tender, tf, lang)
    data = write_form(tender, form, tf, lang)
    if target is not None:
        return write_atomic(target, data)  # whole, or the file as it was
    if output is not None:
        output.write(data)  # type: ignore[union-attr]  # a binary file object (checked)
    return data


def read_bid_forms(tender: Tender, paths: Iterable[FormInput] | FormInput, *,
                   tender_file: str | os.PathLike[str] | None = None,
                   replace: bool = False) -> list[Alternative]:
    """Read filled bid forms as alternatives (one per form, named by the bidder).

    Parameters
    ----------
    tender : Tender
        The tender the forms were made for.
    paths : form or iterable of forms
        The filled forms (``.xlsx`` or ``.xlsm``), each a path, its bytes, a
        binary file object open for reading (e.g. an upload), or a pair
        ``(name, bytes or file object)`` whose name the messages show (the name
        as the bidder gave it). A form in memory without a name is shown by its
        file object's name, else by its place (``forms[0]``).
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
        With every problem of every form (at most 200; then one ``too-many``
        says so), each with the form's name and the sheet and cell as path
        (``Bid!D7``); codes in :data:`ERROR_CODES`.
    LCCError
        ``wrong-type`` for a tender or a form of another type, naming the
        argument (``forms[1]``), the type given and what is expected.
    """
    from lcc.bidform._read import read_forms

    _check_tender(tender, "read_bid_forms")
    forms = _forms(paths, "read_bid_forms")
    tf = read_tender_file(tender, tender_file)
    form = derive_form(tender, tf, "en")
    alternatives, issues = read_forms(tender, form, tf, forms, replace=replace)
    if issues:
        raise TenderError(issues)
    return alternatives


def read_bid_form(tender: Tender, path: FormInput, *,
                  tender_file: str | os.PathLike[str] | None = None,
                  replace: bool = False) -> Alternative:
    """Read one filled bid form: a path, its bytes, a binary file object or a (name, bytes)
    pair (see :func:`read_bid_forms`)."""
    return read_bid_forms(tender, [path], tender_file=tender_file, replace=replace)[0]


def with_bids(tender: Tender, bids: Iterable[Alternative]) -> Tender:
    """The tender with the bids added; a bid replaces the alternative of its name."""
    _check_tender(tender, "with_bids")
    bids = list(bids)
    for i, b in enumerate(bids):
        if not isinstance(b, Alternative):
            raise LCCError(Msg("with_bids: the argument bids[{i}] is {type}; expected an "
                               "lcc.Alternative (from read_bid_forms)", i=i,
                               type=type(b).__name__), field=f"bids[{i}]", code="wrong-type")
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
    def written(tmp: Path) -> None:  # the file written must read back before it replaces
        tmp.write_text(out, encoding="utf-8", newline="\n")  # the old one (same folder:
        load_tender(tmp)  # the same relative paths)

    return write_atomic(target, written)


def _plain(value: Any) -> Any:
    """Dates as ISO text (for JSON)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value
