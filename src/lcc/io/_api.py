"""Loading and saving tender files and assumption sets."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from lcc._atomic import write_atomic
from lcc._errors import LCCError, Msg, os_reason
from lcc.io._build import BAD, OUTSIDE, build_assumptions, build_tender
from lcc.io._issues import Collector, TenderError, TenderIssue
from lcc.io._model import AssumptionSet, Tender
from lcc.io._read import FORMATS, decode, parse
from lcc.io._write import WRITERS, tender_data


def _format_of(path: str | os.PathLike[str], fmt: str | None, file: str | None) -> str:
    if fmt is not None:
        if fmt not in WRITERS:
            raise TenderError([TenderIssue(
                "unsupported-format", Msg("unknown format {format!r}; expected 'toml', 'yaml' "
                                          "or 'json'", format=fmt), "", file)])
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise TenderError([TenderIssue(
            "unsupported-format", Msg("unknown file type {suffix!r}; expected .toml, .yaml, "
                                      ".yml or .json", suffix=suffix or "(no suffix)"),
            "", file)])
    return FORMATS[suffix]


def _read_bytes(path: Path, file: str) -> bytes:
    from lcc.io._read import MAX_BYTES, _too_large

    try:
        if path.exists() and not path.is_file():
            raise TenderError([TenderIssue(
                "unsupported-format", Msg("not a regular file (a folder, a pipe or a device); "
                                          "give the path of a tender file (.toml, .yaml, .json)"),
                "", file)])
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise TenderError([TenderIssue(
                "too-large", _too_large(size), "", file)])
        with path.open("rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise TenderError([TenderIssue(
            "missing-file", Msg("cannot read the file: {reason}",
                                reason=os_reason(exc)), "", file)]) from None


#: Assumption sets read without a problem, by (file, its bytes' SHA-256): an
#: organisation's set is shared by all its tenders, and is read once per content.
_SETS: dict[tuple[str, str], tuple[Any, Any]] = {}


def _set_loader(sink: list[TenderIssue], within: Path | None = None) -> Any:
    def load_set(target: Path, ref: str) -> tuple[Any, Collector]:
        shown = os.path.normpath(target)
        c = Collector(shown, sink=sink)
        if within is not None and not _inside(target, within):
            return OUTSIDE, c
        try:
            found = target.is_file()
        except (OSError, ValueError):  # a name too long for the file system
            found = False
        if not found:
            return None, c
        try:
            fmt = _format_of(target, None, shown)
            data_bytes = _read_bytes(target, shown)
            key = (shown, hashlib.sha256(data_bytes).hexdigest())
            if key in _SETS:
                the_set, c.lines = _SETS[key]
                return the_set, c
            text = decode(data_bytes, shown)
            data, lines = parse(text, fmt, shown)
        except TenderError as exc:
            sink.extend(exc.errors)
            return BAD, c
        c.lines = lines
        before = len(sink)
        result = build_assumptions(data, c, Path(shown))
        if result is not BAD and len(sink) == before:
            if len(_SETS) > 64:
                _SETS.clear()
            _SETS[key] = (result, lines)
        return result, c

    return load_set


def _inside(target: Path, folder: Path) -> bool:
    """Whether ``target`` is ``folder`` or below it, links and '..' resolved."""
    try:
        return target.resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError, RuntimeError):  # a name too long, a loop of links
        return False


def _document(data: str | bytes, format: str, source: str | os.PathLike[str] | None
              ) -> tuple[str | None, dict[str, Any], Collector, str]:
    """A file's text parsed: its name, its data, the collector of its issues and the text."""
    if not isinstance(data, (str, bytes, bytearray)):
        raise LCCError(Msg("loads_tender: got {kind}; expected the text of a tender file (str) "
                           "or its bytes; for a path use load_tender",
                           kind=type(data).__name__), field="loads_tender.data",
                       code="wrong-type")
    file = os.fspath(source) if source is not None else None
    fmt = _format_of(file or f"x.{format}", format, file)
    text = decode(bytes(data) if isinstance(data, bytearray) else data, file)
    raw, lines = parse(text, fmt, file)
    return file, raw, Collector(file, lines), text


def loads_tender(data: str | bytes, format: str = "toml", *,
                 source: str | os.PathLike[str] | None = None,
                 base_dir: str | os.PathLike[str] | None = None,
                 within: str | os.PathLike[str] | None = None) -> Tender:
    """Read a tender from text or bytes.

    Parameters
    ----------
    data : str or bytes
        The file's content (UTF-8).
    format : {"toml", "yaml", "json"}
    source : path, optional
        The file name to show in messages and keep in ``Tender.source``.
    base_dir : path, optional
        The folder that ``assumptions = "..."`` is relative to; default the
        folder of ``source``, else the current folder.
    within : path, optional
        Read assumption sets only from this folder or below it: a tender from
        outside (uploaded to a bid portal) cannot name another file of the
        machine, by an absolute path or by '..'; one that does is refused at
        ``assumptions`` without a word about that file.

    Returns
    -------
    Tender

    Raises
    ------
    TenderError
        With every problem found, each located (file, line, path) and coded.
    LCCError
        ``data`` is neither text nor bytes (``wrong-type``).
    """
    file, raw, c, text = _document(data, format, source)
    if base_dir is None:
        base_dir = Path(file).parent if file is not None else Path(".")
    tender = build_tender(raw, c, Path(file) if file is not None else None, Path(base_dir),
                          _set_loader(c.issues, None if within is None else Path(within)))
    # what was read, for bid forms (their [bid_form] lines, the SHA-256 they record): a
    # ``source`` is a name to show and is never opened again
    raw_bytes = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    object.__setattr__(tender, "_document", (hashlib.sha256(raw_bytes).hexdigest(),
                                             text, format))
    return tender


def load_tender(path: str | os.PathLike[str]) -> Tender:
    """Read and validate a tender file (.toml, .yaml, .yml or .json).

    Parameters
    ----------
    path : path
        The tender file. ``assumptions = "..."`` inside it is relative to
        the file's folder.

    Returns
    -------
    Tender
        With ``source`` set to ``path``.

    Raises
    ------
    TenderError
        With every problem found, each as ``file:line: path: message [code]``.

    Examples
    --------
    >>> import lcc.io
    >>> tender = lcc.io.load_tender("tender.toml")  # doctest: +SKIP
    >>> results = tender.evaluate()  # doctest: +SKIP
    """
    file = os.fspath(path)
    fmt = _format_of(file, None, file)
    return loads_tender(_read_bytes(Path(file), file), fmt, source=file)


def dumps_tender(tender: Tender, format: str = "toml", *,
                 base_dir: str | os.PathLike[str] | None = None) -> str:
    """A tender as TOML, YAML or JSON text.

    ``base_dir`` is the folder the text will be saved in: the reference to the
    assumption set is written relative to it (absolute when None).
    """
    fmt = _format_of(f"x.{format}", format, None)
    if not isinstance(tender, Tender):
        raise LCCError(Msg("dumps_tender: expected a Tender, got {value!r}", value=tender),
                       code="wrong-type")
    data = tender_data(tender, Path(base_dir) if base_dir is not None else None)
    return WRITERS[fmt](data)


def save_tender(tender: Tender, path: str | os.PathLike[str], *,
                format: str | None = None) -> Path:
    """Write a tender file; the format follows the suffix unless ``format`` is given.

    Values that come from the tender's assumption set are not repeated: the
    file refers to the set (relative to the file's folder) and lists the
    overrides with their reasons, so loading it gives the same Tender.

    Returns
    -------
    pathlib.Path
        The path written.
    """
    target = Path(path)
    fmt = _format_of(target, format, os.fspath(target))
    text = dumps_tender(tender, fmt, base_dir=target.parent)
    return write_atomic(target, text)  # whole, or the file as it was


def loads_assumptions(data: str | bytes, format: str = "toml", *,
                      source: str | os.PathLike[str] | None = None) -> AssumptionSet:
    """Read an assumption set from text or bytes (see :func:`load_assumptions`)."""
    file, raw, c, _ = _document(data, format, source)
    result = build_assumptions(raw, c, Path(file) if file is not None else None)
    if result is BAD or c.issues:
        raise TenderError(c.issues)
    assert isinstance(result, AssumptionSet)
    return result


def load_assumptions(path: str | os.PathLike[str]) -> AssumptionSet:
    """Read and validate an assumption-set file.

    Returns
    -------
    AssumptionSet

    Raises
    ------
    TenderError
        With every problem found.
    """
    file = os.fspath(path)
    fmt = _format_of(file, None, file)
    return loads_assumptions(_read_bytes(Path(file), file), fmt, source=file)
