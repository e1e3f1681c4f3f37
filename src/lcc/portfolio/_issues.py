"""Located errors of procurement plans, targets and climate-factor tables.

Each problem is one :class:`PlanIssue` — file, row (the line of a CSV or TOML
file, the row number of the Excel sheet), column, the value found, a message
and a stable code — and reading raises one :class:`PlanError` with all of
them, formatted like the errors of tender files.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from lcc._errors import LocatedErrors, Msg, in_lang, os_reason
from lcc._i18n._catalog import tr

#: The stable error codes of plans, with what each means.
PLAN_CODES: dict[str, str] = {
    "parse-error": "the file cannot be read as CSV, Excel or TOML (syntax, encoding)",
    "missing-file": "the plan, the targets, the factor table or a linked tender cannot be "
                    "found or read",
    "unsupported-format": "an unknown file type",
    "too-large": "the file exceeds a size limit",
    "missing-column": "a required column is absent",
    "unknown-column": "a column the format does not define",
    "unknown-key": "a key or table of a TOML plan, targets file or factor table that the "
                   "format does not define",
    "duplicate-column": "two headers name the same column",
    "missing-value": "a required cell is blank",
    "invalid-value": "a value outside its allowed range or set of choices",
    "wrong-type": "a value of the wrong kind, e.g. text where a year is expected",
    "bare-number": "a number without the currency or the percent sign the value needs",
    "currency-mix": "a value in another currency than the plan's",
    "duplicate-id": "two procurements with the same id, or two factors for one category",
    "unknown-organisation": "a target for an organisation that has no procurement in the plan",
    "unknown-alternative": "an awarded alternative that the linked tender does not contain",
    "tender-error": "a linked tender file has errors (each is listed)",
    "formula-without-value": "an Excel cell whose formula has no stored result (lcc never "
                             "calculates formulas)",
    "merged-cell": "an Excel cell inside merged cells other than their first, which holds no "
                   "value",
}


@dataclass(frozen=True)
class PlanIssue:
    """One problem in a plan (or its targets or factor table).

    Attributes
    ----------
    code : str
        A stable code from :data:`PLAN_CODES`.
    message : str
        What is wrong and what was expected: a :class:`~lcc._errors.Msg`, English
        as text, in the reader's language with :meth:`text_in`.
    file : str or None
        The file, as given.
    row : int or None
        The row: the line of a CSV or TOML file, the row number of the Excel
        sheet (1 = the header row); None for the file as a whole.
    column : str
        The column's binding name (``"value"``) or the key of a TOML table
        (``"targets.reuse"``); empty when the issue concerns a whole row or file.
    value : str or None
        The cell as written, where there is one.
    """

    code: str
    message: str
    file: str | None = None
    row: int | None = None
    column: str = ""
    value: str | None = None

    def __str__(self) -> str:
        where = self.file or "<plan>"
        if self.row is not None:
            where += f":{self.row}"
        col = f" {self.column}:" if self.column else ""
        return f"{where}:{col} {self.message} [{self.code}]"

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict (for JSON)."""
        out = asdict(self)
        out["message"] = str(self.message)
        return out

    def text_in(self, lang: str) -> str:
        """The line of :meth:`__str__` in ``lang``: the column by its header in that
        language (Swedish: its first Swedish header), the message translated."""
        if lang == "en":
            return str(self)
        where = self.file or tr("<plan>", lang)
        if self.row is not None:
            where += f":{self.row}"
        col = f" {column_header(self.column, lang)}:" if self.column else ""
        return f"{where}:{col} {in_lang(self.message, lang)} [{self.code}]"


class PlanError(LocatedErrors):
    """A plan, its targets or a factor table is invalid; ``errors`` lists every problem.

    ``str(error)`` lists them one per line as ``file:row: column: message [code]``.
    """

    position = "row"
    unplaced_first = True
    errors: list[PlanIssue]

    def lines_in(self, lang: str) -> list[str]:
        """One line per problem, in ``lang``."""
        return [e.text_in(lang) for e in self.errors]


def column_header(column: str, lang: str) -> str:
    """A column's header in ``lang``: English is its name; Swedish its first Swedish
    header (a TOML key such as ``targets.reuse`` as written)."""
    if lang == "en":
        return column
    from lcc.portfolio._columns import BY_NAME

    col = BY_NAME.get(column)
    return col.aliases[0] if col is not None and col.aliases else column


class ErrorsText(Msg):
    """The errors of a linked tender file, '; '-separated, each in the reader's language."""

    exc: BaseException
    messages: bool

    def __new__(cls, exc: BaseException, *, messages: bool = False) -> ErrorsText:
        found = getattr(exc, "errors", None)
        if messages:  # the records' messages without their places (a PlanError)
            text = "; ".join(str(e.message) for e in found or ())
        else:
            text = "; ".join(str(e) for e in found) if found else str(exc)
        self: ErrorsText = super().__new__(cls, "{text}", text=text)  # type: ignore[assignment]
        self.exc, self.messages = exc, messages
        return self

    def in_lang(self, lang: str) -> str:
        if lang == "en":
            return str(self)
        if self.messages:
            return "; ".join(str(in_lang(e.message, lang))
                             for e in getattr(self.exc, "errors", None) or ())
        from lcc._i18n import error_lines

        return "; ".join(error_lines(self.exc, lang))

    def __reduce__(self) -> tuple[Any, ...]:
        return (str, (str(self),))


class Issues:
    """Collects the issues of one file."""

    def __init__(self, file: str | None, sink: list[PlanIssue] | None = None) -> None:
        self.file = file
        self.items: list[PlanIssue] = [] if sink is None else sink

    def add(self, code: str, row: int | None, column: str, message: str,
            value: Any = None) -> None:
        """Record one issue."""
        assert code in PLAN_CODES, code
        shown = None if value is None else str(value)
        self.items.append(PlanIssue(code, message, self.file, row, column, shown))

    def read(self, path: Path, what: Msg, limit: int) -> bytes | None:
        """The bytes of a file of the plan (the plan, its targets, its factor table), or None
        with the issue recorded: a folder, a pipe or a device is no file (reading a pipe
        waits forever, reading /dev/zero fills the memory), and a file over ``limit`` bytes
        is not read."""
        try:
            if not path.is_file():
                if not path.exists():
                    raise FileNotFoundError(2, "No such file or directory")
                self.add("unsupported-format", None, "", Msg(
                    "not a regular file (a folder, a pipe or a device); give the path of "
                    "{what}", what=what))
                return None
            with path.open("rb") as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            self.add("missing-file", None, "", Msg("cannot read {what}: {value}", what=what,
                                                   value=os_reason(exc)))
            return None
        if len(data) > limit:
            self.add("too-large", None, "", Msg("the file is over {limit} bytes, the limit",
                                                limit=limit))
            return None
        return data

    def raise_if_any(self) -> None:
        """Raise a :class:`PlanError` with everything collected, if anything was."""
        if self.items:
            raise PlanError(self.items)
