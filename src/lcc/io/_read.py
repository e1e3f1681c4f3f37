"""Reading a file's bytes into plain data and a map of lines, safely.

Only data comes out: TOML through ``tomli`` (the compiled build of the parser the
standard library ships as ``tomllib``, about three times faster; ``tomllib`` where
it is not installed), JSON through ``json`` and
YAML through PyYAML's *safe* loader, with aliases refused (they could make a
small file expand into an enormous one) and every tag other than YAML's
plain types refused by the safe constructor. Nothing in a file can run code.
Limits on the size of the file, the nesting depth, the number of values and
the length of a text keep a hostile file from exhausting memory or time.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from lcc._errors import Msg
from lcc._text import lone_surrogate
from lcc.io._issues import Collector, Path, TenderError, TenderIssue, kind_of
from lcc.io._lines import json_lines, toml_lines
from lcc.model import _limits as model_limits
from lcc.units import LARGEST_FLOAT

#: Largest file read, in bytes (5 MiB).
MAX_BYTES = 5 * 1024 * 1024
#: The most lines a file may have (the TOML and YAML readers are pure Python: a file of
#: hundreds of thousands of lines would take seconds to read).
MAX_LINES = 20_000
#: Deepest nesting of tables and lists.
MAX_DEPTH = 32
#: Most values (keys and list entries) in one document.
MAX_VALUES = 200_000
#: Longest text value, in characters (the model's limit).
MAX_TEXT = model_limits.MAX_TEXT

#: File types by suffix.
FORMATS: dict[str, str] = {".toml": "toml", ".yaml": "yaml", ".yml": "yaml", ".json": "json"}

_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _fail(file: str | None, message: Msg, code: str = "parse-error",
          line: int | None = None) -> TenderError:
    return TenderError([TenderIssue(code, message, "", file, line)])


def decode(data: bytes | str, file: str | None) -> str:
    """UTF-8 text of a file's bytes, within the size limit; never empty."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if len(raw) > MAX_BYTES:
        raise _fail(file, _too_large(len(raw)), "too-large")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise _fail(file, Msg("the file is not UTF-8 text: byte 0x{byte:02x} at byte offset "
                              "{offset} cannot be decoded; save the file as UTF-8",
                              byte=raw[exc.start], offset=exc.start), line=line) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise _fail(file, Msg("the file is empty; expected a tender or assumption set "
                              "(see lcc.io.json_schema())"))
    if "\x00" in text:
        line = text[:text.index("\x00")].count("\n") + 1
        raise _fail(file, Msg("the file holds a NUL byte: it looks like binary data, not "
                              "text"), line=line)
    lines = text.count("\n")
    if lines > MAX_LINES:
        raise _fail(file, Msg("the file has {lines} lines; a tender or assumption-set file "
                              "has at most {limit}", lines=_n(lines), limit=_n(MAX_LINES)),
                    "too-large")
    return text


class LazyLines(Mapping[Path, int]):
    """The map of lines of a text, made by its scanner on first use."""

    def __init__(self, text: str, scan: Callable[[str], dict[Path, int]]) -> None:
        self._text: str | None = text
        self._scan = scan
        self._lines: dict[Path, int] | None = None

    def _map(self) -> dict[Path, int]:
        if self._lines is None:
            assert self._text is not None
            self._lines, self._text = self._scan(self._text), None
        return self._lines

    def __getitem__(self, key: Path) -> int:
        return self._map()[key]

    def __iter__(self) -> Iterator[Path]:
        return iter(self._map())

    def __len__(self) -> int:
        return len(self._map())


def parse(text: str, fmt: str, file: str | None) -> tuple[Any, Mapping[Path, int]]:
    """Parse text of a known format into plain data and a map of lines.

    Raises
    ------
    TenderError
        ``parse-error`` (with the parser's line), ``too-deep``, ``too-many`` or
        ``too-large``.
    """
    if fmt == "toml":
        data = _parse_toml(text, file)
    elif fmt == "json":
        data = _parse_json(text, file)
    elif fmt == "yaml":
        data, yaml_lines = _parse_yaml(text, file)
    else:  # pragma: no cover - callers check the format
        raise ValueError(fmt)
    lines: Mapping[Path, int]
    if fmt in ("toml", "json"):  # scanned only when a message needs a line
        lines = LazyLines(text, toml_lines if fmt == "toml" else json_lines)
    else:
        lines = yaml_lines
    c = Collector(file, lines)
    _check_shape(data, c)
    if c.issues:
        raise TenderError(c.issues)
    if not isinstance(data, dict):
        raise _fail(file, Msg("the file holds {kind}; expected a table of keys such as "
                              "name, study, parameters and alternatives", kind=kind_of(data)),
                    "wrong-type", 1)
    return data, lines


def _toml() -> Any:
    import importlib

    try:
        return importlib.import_module("tomli")
    except ImportError:  # pragma: no cover - tomli is a dependency
        return importlib.import_module("tomllib")


#: What the TOML parser's commonest complaints mean, in lcc's words (its own are English
#: and name the grammar, not the mistake); the parser's text follows them.
_TOML_SAYS = (
    ("Expected newline or end of document after a statement",
     Msg("a value goes on after its end: a text needs quotes (period = \"10 yr\"), and each "
         "key goes on a line of its own")),
    ("Unterminated string", Msg("a text is not closed by its quote")),
    ("Illegal character '\\n'", Msg("a line ends inside a text: its closing quote is missing")),
    ('Expected "\'"', Msg("a text in single quotes is not closed by its quote")),
    ("Cannot overwrite a value", Msg("a key is given twice (or a table is named like a key)")),
    ("Cannot declare", Msg("a table is declared twice")),
    ("Expected ']' at the end of a table declaration", Msg("a table's name is not closed by "
                                                           "']'")),
    ("Invalid statement", Msg("the line is neither 'key = value' nor a [table]")),
    ("Unclosed array", Msg("a list [ … ] is not closed by ']', or lacks a comma between "
                           "values")),
    ("Unclosed inline table", Msg("a table in braces is not closed by its brace, or lacks "
                                  "a comma between keys")),
    ("Invalid value", Msg("a value is missing or not one TOML reads: a text needs quotes, "
                          "true and false small letters")),
    ("Expected '=' after a key", Msg("a key is not followed by '=' (a key with blanks needs "
                                     "quotes)")),
    ("Unescaped '\\' in a string", Msg("a backslash in a text in double quotes is written "
                                        "\\\\ (or the text goes in single quotes)")),
)


_AT_END = " (at end of document)"


def _toml_words(problem: str) -> Msg | None:
    return next((words for start, words in _TOML_SAYS if problem.startswith(start)), None)


def _parse_toml(text: str, file: str | None) -> Any:
    toml = _toml()
    try:
        return toml.loads(text)
    except toml.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_AT.search(msg)
        line = int(m.group(1)) if m else None
        problem = msg[:m.start()] if m else msg
        words = _toml_words(problem)
        if words is not None:
            if m is None and problem.endswith(_AT_END):  # its last line
                problem, line = problem[:-len(_AT_END)], text.rstrip().count("\n") + 1
            raise _fail(file, Msg("not valid TOML: {words}; the parser says \"{problem}\""
                                  "{column}", words=words, problem=problem,
                                  column=Msg(" (column {column})", column=m.group(2))
                                  if m else ""), line=line) from None
        if m:
            raise _fail(file, Msg("not valid TOML: {problem} (column {column})",
                                  problem=problem, column=m.group(2)),
                        line=line) from None
        raise _fail(file, Msg("not valid TOML: {problem}", problem=msg), line=line) from None
    except RecursionError:
        raise _fail(file, _TOO_DEEP, "too-deep") from None
    except ValueError as exc:  # an integer of more digits than Python converts
        digits = re.search(r"value has (\d+) digits", str(exc))
        long = re.search(rf"[0-9_]{{{_MANY_DIGITS},}}", text)
        raise _fail(file, Msg("not valid TOML: a number has {digits} digits, more than any "
                              "number lcc computes with", digits=digits.group(1) if digits
                              else Msg("thousands of")),
                    line=text.count("\n", 0, long.start()) + 1 if long else None) from None


#: Digits beyond which a whole number is not converted (Python converts at most 4300; any
#: number of more than 309 digits is beyond the largest float and refused where it stands).
_MANY_DIGITS = 400


class _Huge(int):
    """A whole number of more than :data:`_MANY_DIGITS` digits, kept as its count of digits:
    the check of the document's shape refuses it at its path and line."""

    digits: int

    def __new__(cls, digits: int) -> _Huge:
        out = super().__new__(cls, 10 ** _MANY_DIGITS)
        out.digits = digits
        return out


def _json_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    return _Huge(digits) if digits > _MANY_DIGITS else int(text)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number; write a finite number")


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _parse_json(text: str, file: str | None) -> Any:
    try:
        return json.loads(text, parse_constant=_no_constant, object_pairs_hook=_unique_keys,
                          parse_int=_json_int)
    except _DuplicateKey as exc:
        key = str(exc)
        hits = [m.start() for m in re.finditer(re.escape(json.dumps(key)) + r"\s*:", text)]
        line = text.count("\n", 0, hits[1]) + 1 if len(hits) > 1 else None
        raise _fail(file, Msg("the key {key!r} is given twice in one object; JSON readers "
                              "keep only the last, so give each key once", key=key),
                    line=line) from None
    except json.JSONDecodeError as exc:
        raise _fail(file, Msg("not valid JSON: {problem} (column {column})", problem=exc.msg,
                              column=exc.colno), line=exc.lineno) from None
    except RecursionError:
        raise _fail(file, _TOO_DEEP, "too-deep") from None
    except ValueError as exc:
        m = re.search(r"(?<![\w\"])(-?Infinity|NaN)(?![\w\"])", text)
        line = text.count("\n", 0, m.start()) + 1 if m else None
        raise _fail(file, Msg("not valid JSON: {problem}", problem=str(exc)), line=line) \
            from None


def _parse_yaml(text: str, file: str | None) -> tuple[Any, dict[Path, int]]:
    try:
        import yaml
    except ImportError:
        raise _fail(file, Msg("reading YAML needs PyYAML: pip install 'openlcc[yaml]' "
                              "(or use the TOML or JSON form of the file)"),
                    "unsupported-format") from None
    loader = None
    try:
        loader = _yaml_loader()(text)
        node = loader.get_single_node()
        if node is None:
            raise _fail(file, Msg("the file is empty; expected a tender or assumption set"))
        lines: dict[Path, int] = {}
        _walk_yaml(node, (), lines, set(), file, node.start_mark.line + 1)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        if "constructor for the tag" in problem:
            raise _fail(file, Msg("not valid YAML: {problem} (only plain YAML data is accepted: "
                                  "tags such as !!python/... are refused)", problem=problem),
                        line=line) from None
        raise _fail(file, Msg("not valid YAML: {problem}", problem=problem), line=line) \
            from None
    except yaml.YAMLError as exc:
        pos = getattr(exc, "position", None)
        line = text[:pos].count("\n") + 1 if isinstance(pos, int) else None
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        raise _fail(file, Msg("not valid YAML: {problem}", problem=reason), line=line) \
            from None
    except RecursionError:
        raise _fail(file, _TOO_DEEP, "too-deep") from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, lines


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_VALUE = "tag:yaml.org,2002:value"  # YAML 1.1: an unquoted = (no constructor reads it)


@functools.cache
def _yaml_loader() -> Any:
    """PyYAML's safe loader with numbers and truth values read as YAML 1.2, TOML and JSON
    read them.

    YAML 1.1 reads ``quantity: 010`` as the octal 8, ``1:30`` as the base-60 90 and an
    unquoted ``No``, ``Off`` or ``yes`` as a truth value (a bid named No, the currency
    code NO); here ``010`` is ten, ``0o10`` eight, ``1:30`` and ``No`` texts, and only
    ``true`` and ``false`` are truth values. YAML 1.1's ``=`` (the "value" key,
    ``tag:yaml.org,2002:value``, which no constructor reads) is the text ``=``, as in 1.2.
    """
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in (_INT, _FLOAT, _BOOL, _VALUE)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    Loader.add_implicit_resolver(
        _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    Loader.add_implicit_resolver(
        _INT, re.compile(r"^(?:[-+]?[0-9](?:_?[0-9])*|0o[0-7](?:_?[0-7])*"
                         r"|0x[0-9a-fA-F](?:_?[0-9a-fA-F])*|0b[01](?:_?[01])*)$"),
        list("-+0123456789"))
    Loader.add_implicit_resolver(
        _FLOAT, re.compile(r"^(?:[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)"
                           r"(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
                           r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
        list("-+.0123456789"))

    def construct_int(loader: Any, node: Any) -> int:
        written = loader.construct_scalar(node)
        text = written.replace("_", "")
        sign = -1 if text.startswith("-") else 1
        digits = text[1:] if text[:1] in "+-" else text
        base = {"0o": 8, "0x": 16, "0b": 2}.get(digits[:2].lower(), 10)
        if base == 10 and len(digits) > _MANY_DIGITS and digits.isdigit():
            return _Huge(len(digits))
        try:
            return sign * int(digits[2:] if base != 10 else digits, base)
        except ValueError:  # a tag !!int on what is no whole number
            raise yaml.constructor.ConstructorError(
                None, None, f"{written!r} is not a whole number", node.start_mark) from None

    Loader.add_constructor(_INT, construct_int)
    return Loader


def _walk_yaml(node: Any, path: Path, lines: dict[Path, int], seen: set[int],
               file: str | None, at: int) -> None:
    import yaml

    if id(node) in seen:
        raise _fail(file, Msg("YAML aliases (*name) are not accepted in tender files; write "
                              "the value out"), line=at)
    seen.add(id(node))
    if len(path) > MAX_DEPTH:
        raise _fail(file, _TOO_DEEP, "too-deep", node.start_mark.line + 1)
    if len(seen) > MAX_VALUES:
        raise _fail(file, _TOO_MANY_VALUES, "too-many")
    if isinstance(node, yaml.MappingNode):
        first: dict[Any, int] = {}
        for key, value in node.value:
            k = key.value if isinstance(key, yaml.ScalarNode) else repr(key.value)
            line = key.start_mark.line + 1
            if key.tag == "tag:yaml.org,2002:merge":
                raise _fail(file, Msg("YAML merge keys (<<) are not accepted in tender files: a "
                                      "key given both ways would be dropped without a word; "
                                      "write the keys out"), line=line)
            if k in first:
                raise _fail(file, Msg("the key {key!r} is given twice (lines {first} and "
                                      "{line}); a YAML mapping keeps only the last, so give "
                                      "each key once", key=k, first=first[k], line=line),
                            line=line)
            first[k] = line
            lines.setdefault((*path, k), line)
            _walk_yaml(key, (*path, k), {}, seen, file, line)
            _walk_yaml(value, (*path, k), lines, seen, file, line)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            lines.setdefault((*path, i), value.start_mark.line + 1)
            _walk_yaml(value, (*path, i), lines, seen, file, node.start_mark.line + 1)


def _n(count: int) -> str:
    """A count with spaces between thousands: ``200 000``."""
    return f"{count:,}".replace(",", " ")


def _too_large(size: int) -> Msg:
    return Msg("the file is {size} bytes; the limit is {limit} bytes (5 MiB)", size=_n(size),
               limit=_n(MAX_BYTES))


_TOO_DEEP = Msg("the data is nested deeper than {limit} levels", limit=MAX_DEPTH)
_TOO_MANY_VALUES = Msg("the file holds more than {limit} values", limit=_n(MAX_VALUES))


def _check_shape(data: Any, c: Collector) -> None:
    """Depth, number of values, length of texts and kinds of keys (iteratively).

    Depth and number of values stop the reading at once (``TenderError``);
    keys that are not text and overlong texts are recorded in ``c``.
    Only tables and lists are stacked; their plain values are checked in place.
    """
    file = c.file
    stack: list[tuple[Any, Path]] = [(data, ())]
    count = 1
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            pairs: Any = value.items()
        elif isinstance(value, list):
            pairs = enumerate(value)
        else:
            if isinstance(value, str) and (len(value) > MAX_TEXT or not value.isascii()):
                _check_text(value, path, c)  # the whole file is a text
            continue
        count += len(value)
        if count > MAX_VALUES:
            raise _fail(file, _TOO_MANY_VALUES, "too-many")
        if value and len(path) >= MAX_DEPTH:
            raise _fail(file, _TOO_DEEP, "too-deep")
        is_table = isinstance(value, dict)
        for k, v in pairs:
            if is_table:
                if not isinstance(k, str):
                    c.add("wrong-type", path, Msg(
                        "the key {key!r} is not text; write keys as text (in YAML, quote keys "
                        "such as \"NO\", \"yes\" or 2025)", key=k))
                    continue
                if len(k) > MAX_TEXT:
                    raise _fail(file, Msg("a key is {length} characters long; the limit is "
                                          "{limit}", length=len(k), limit=MAX_TEXT), "too-large")
                if not k.isascii():
                    _check_text(k, (*path, k), c)
            if isinstance(v, (dict, list)):
                stack.append((v, (*path, k)))
            elif v is None:  # JSON null, a YAML key left empty: never read as a default
                c.add("wrong-type", (*path, k), Msg("got nothing (null); give a value, or "
                                                    "leave the key out"))
            elif isinstance(v, str):
                if len(v) > MAX_TEXT or not v.isascii():  # most texts are short and ASCII
                    _check_text(v, (*path, k), c)
            elif isinstance(v, int) and not isinstance(v, bool) and abs(v) > LARGEST_FLOAT:
                # refused where it stands, before any reader converts it
                c.add("invalid-value", (*path, k), Msg(
                    "got a number of {digits} digits, larger than any number lcc computes with "
                    "(about 1.8e308)",
                    digits=getattr(v, "digits", None) or len(str(abs(v)))))


def _check_text(text: str, path: Path, c: Collector) -> None:
    if len(text) > MAX_TEXT:
        c.add("too-large", path, _too_long(text))
    half = lone_surrogate(text)
    if half is not None:
        c.add("invalid-value", path, Msg(
            "character {at} of the text is {code}, half of a UTF-16 surrogate pair and no "
            "character; write the character itself", at=half[0], code=half[1]))


def _too_long(text: str) -> Msg:
    return Msg("the text is {length} characters long; the limit is {limit}",
               length=len(text), limit=MAX_TEXT)
