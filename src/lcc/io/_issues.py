"""Structured, located errors of tender and assumption-set files.

Every problem found in a file becomes one :class:`TenderIssue`: the file, the
line where known, the path of the value inside the document
(``alternatives[2].items[1].price``; indices count from 0), a message written
for the person who fills in the file, and a stable error code. Reading
collects every problem it can find and raises one :class:`TenderError`
holding them all.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from lcc._errors import LocatedErrors, Msg

#: The stable error codes, with what each means.
ERROR_CODES: dict[str, str] = {
    "parse-error": "the file cannot be read as TOML, YAML or JSON: syntax, encoding (not "
                   "UTF-8), an empty file, binary data, a YAML tag or alias",
    "too-large": "the file or one of its values exceeds a size limit",
    "too-deep": "the data is nested deeper than the limit",
    "too-many": "more alternatives, items, parameters or list entries than the limit",
    "unsupported-format": "an unknown file type or format version",
    "missing-file": "a referenced file (the assumption set) cannot be found or read",
    "unknown-key": "a key the format does not define",
    "missing-field": "a required key is absent",
    "wrong-type": "a value of the wrong kind, e.g. text where a number is expected",
    "bare-number": "a number without a unit where the field has a unit",
    "wrong-unit": "a quantity whose unit has the wrong dimension for the field",
    "invalid-value": "a value outside its allowed range or set of choices",
    "duplicate-name": "two alternatives, or two parameters, with the same name",
    "unknown-type": "an item type that does not exist",
    "unknown-template": "an alternative names a product calculator that does not exist",
    "not-applicable": "a key or calculator input that does not apply here: items, quantity, "
                      "start or life beside template, or an input of another kind or method "
                      "of the calculator (or one that needs another input given with it)",
    "unknown-parameter": "a reference to a parameter that is not defined",
    "unused-parameter": "a bid defines a parameter that none of its values uses",
    "parameter-override": "a bid defines a parameter with the name of a buyer parameter",
    "assumption-override": "a tender value conflicts with its assumption set and is not "
                           "declared under [overrides]",
    "unused-override": "an override is declared for a value the tender does not change",
    "currency-mix": "an amount in another currency than the study's, without an exchange "
                    "rate",
}

#: The most problems listed for one file: a hostile file may hold thousands.
MAX_ISSUES = 200

_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")

Path = tuple[str | int, ...]


def format_path(path: Sequence[str | int]) -> str:
    """A path as text: ``alternatives[2].items[1].price``.

    Keys that are not plain identifiers are quoted: ``overrides["study.period"]``.
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out


_PART = re.compile(r'\.?([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


def path_of(text: str) -> Path | None:
    """The path :func:`format_path` wrote as ``text``; None if it wrote no such text."""
    parts: list[str | int] = []
    at = 0
    while at < len(text):
        m = _PART.match(text, at)
        if m is None:
            return None
        parts.append(m[1] if m[1] is not None else int(m[2]) if m[2] is not None
                     else json.loads(m[3]))
        at = m.end()
    return tuple(parts)


def file_year(value: Any) -> Any:
    """A year as a file gives it: a whole float is the whole number (JSON writers in other
    languages write 1 as 1.0), as the model reads a calendar year; 1.5 stays 1.5."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def kind_of(value: Any) -> Msg:
    """What a value of a file is, in words (for "expected …, got <kind>")."""
    if value is None:
        return Msg("nothing (null)")
    if isinstance(value, bool):
        return Msg("the boolean {value}", value=str(value).lower())
    if isinstance(value, (int, float)):
        digits = getattr(value, "digits", None)  # a whole number too long to convert
        return Msg("the number {value!r}", value=value) if digits is None else \
            Msg("a number of {digits} digits", digits=digits)
    if isinstance(value, str):
        return Msg("the text {value!r}", value=value) if len(value) < 60 else Msg("a text")
    if isinstance(value, list):
        return Msg("a list")
    if isinstance(value, dict):
        return Msg("a table")
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return Msg("the date/time {value}", value=value.isoformat())
    if isinstance(value, bytes):
        return Msg("binary data")
    if isinstance(value, (set, frozenset)):
        return Msg("a set of values")
    return Msg("a value of the Python type {type}", type=type(value).__name__)


@dataclass(frozen=True)
class TenderIssue:
    """One problem in a tender or assumption-set file.

    Attributes
    ----------
    code : str
        A stable code from :data:`ERROR_CODES`, e.g. ``"wrong-unit"``.
    message : str
        What is wrong: the value found and what was expected.
    path : str
        Where in the document, e.g. ``alternatives[0].items[1].price``
        (indices count from 0); empty for the file as a whole.
    file : str or None
        The file, as given (None for text read without a file name).
    line : int or None
        The line in the file (1-based), where known.
    """

    code: str
    message: str
    path: str = ""
    file: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = self.file or "<string>"
        if self.line is not None:
            where += f":{self.line}"
        path = f" {self.path}:" if self.path else ""
        return f"{where}:{path} {self.message} [{self.code}]"

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict (for JSON)."""
        return asdict(self)


class TenderError(LocatedErrors):
    """A tender or assumption-set file is invalid; ``errors`` lists every problem.

    ``str(error)`` lists them one per line as ``file:line: path: message [code]``,
    ready to show to the person who wrote the file.

    Attributes
    ----------
    errors : list of TenderIssue
        Every problem found, in file and line order.
    """

    errors: list[TenderIssue]


class Collector:
    """Collects issues of one document: its file name and its map of lines."""

    def __init__(self, file: str | None, lines: Mapping[Path, int] | None = None,
                 sink: list[TenderIssue] | None = None) -> None:
        self.file = file
        self.lines: Mapping[Path, int] = lines if lines is not None else {}
        self.issues: list[TenderIssue] = [] if sink is None else sink

    def line(self, path: Path) -> int | None:
        """The line of a path, or of its nearest ancestor that has one."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return None

    def where(self, path: Path) -> str:
        """``file:line`` of a path, for messages that point at another place."""
        line = self.line(path)
        text = self.file or "<string>"
        return f"{text}:{line}" if line is not None else text

    def add(self, code: str, path: Path, message: Msg | str) -> None:
        """Record one issue at ``path`` (up to :data:`MAX_ISSUES`; then one issue says so).

        ``message`` is a :class:`~lcc._errors.Msg` (``tests/test_errors_i18n.py`` checks every
        call), or the detail of a model error, which is one where the model wrote a Msg.
        """
        assert code in ERROR_CODES, code
        if self.full:
            if len(self.issues) == MAX_ISSUES:
                self.issues.append(TenderIssue(
                    "too-many", Msg("more than {limit} problems; the rest are not listed — "
                                    "mend these and read the file again", limit=MAX_ISSUES),
                    "", self.file))
            return
        self.issues.append(TenderIssue(code, message, format_path(path), self.file,
                                       self.line(path)))

    @property
    def full(self) -> bool:
        """Whether the limit of issues listed is reached."""
        return len(self.issues) >= MAX_ISSUES

    @property
    def count(self) -> int:
        """Number of issues recorded so far (in the shared sink)."""
        return len(self.issues)
