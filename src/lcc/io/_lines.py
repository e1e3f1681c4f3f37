"""Line numbers of the values in a TOML or JSON text, by path.

The standard parsers (``tomllib``, ``json``) give no positions, so these
small scanners walk the text once more — after the parser has accepted it —
and record the line where each key (or array element) starts. YAML lines come
from the node marks of PyYAML instead (see :mod:`lcc.io._read`). The scanners
are best effort: should one meet something it does not follow, it stops and
returns what it has, and messages simply have fewer line numbers.
"""

from __future__ import annotations

import contextlib
import json
from json.decoder import scanstring  # type: ignore[attr-defined]

from lcc.io._issues import Path

_WS = " \t"
_BARE_KEY = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Stop(Exception):
    pass


class _TomlScanner:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.n = len(text)
        self.line = 1
        self.lines: dict[Path, int] = {}
        self.aot: dict[Path, int] = {}

    # -- characters -----------------------------------------------------------
    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.s[j] if j < self.n else ""

    def advance(self, k: int = 1) -> None:
        for _ in range(k):
            if self.i >= self.n:
                raise _Stop
            if self.s[self.i] == "\n":
                self.line += 1
            self.i += 1

    def skip_ws(self) -> None:
        while self.peek() and self.peek() in _WS:
            self.advance()

    def skip_blank(self) -> None:
        """Whitespace, newlines and comments."""
        while True:
            c = self.peek()
            if c and c in " \t\r\n":
                self.advance()
            elif c == "#":
                self.skip_comment()
            else:
                return

    def skip_comment(self) -> None:
        while self.peek() and self.peek() != "\n":
            self.advance()

    # -- pieces -----------------------------------------------------------------
    def string(self) -> str:
        s = self.s
        if s.startswith('"""', self.i) or s.startswith("'''", self.i):
            q = s[self.i:self.i + 3]
            self.advance(3)
            while not s.startswith(q, self.i):
                if q == '"""' and self.peek() == "\\":
                    self.advance()
                self.advance()
            self.advance(3)
            while self.peek() == q[0]:  # up to two quotes may end the content
                self.advance()
            return ""
        q = self.peek()
        self.advance()
        out = []
        while self.peek() != q:
            c = self.peek()
            if c == "" or c == "\n":
                raise _Stop
            if q == '"' and c == "\\":
                self.advance()
                esc = self.peek()
                out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\", "b": "\b",
                            "f": "\f", "r": "\r"}.get(esc, ""))
                if esc in "uU":
                    width = 4 if esc == "u" else 8
                    code = s[self.i + 1:self.i + 1 + width]
                    out[-1] = chr(int(code, 16))
                    self.advance(width)
                self.advance()
                continue
            out.append(c)
            self.advance()
        self.advance()
        return "".join(out)

    def key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self.skip_ws()
            c = self.peek()
            if c in ('"', "'"):
                parts.append(self.string())
            else:
                start = self.i
                while self.peek() and self.peek() in _BARE_KEY:
                    self.advance()
                if self.i == start:
                    raise _Stop
                parts.append(self.s[start:self.i])
            self.skip_ws()
            if self.peek() == ".":
                self.advance()
                continue
            return tuple(parts)

    def record(self, path: Path, line: int) -> None:
        for k in range(1, len(path) + 1):
            self.lines.setdefault(path[:k], line)

    def value(self, path: Path) -> None:
        c = self.peek()
        if c in ('"', "'"):
            self.string()
        elif c == "[":
            self.advance()
            index = 0
            while True:
                self.skip_blank()
                if self.peek() == "]":
                    self.advance()
                    return
                self.record((*path, index), self.line)
                self.value((*path, index))
                self.skip_blank()
                if self.peek() == ",":
                    self.advance()
                index += 1
        elif c == "{":
            self.advance()
            while True:
                self.skip_ws()
                if self.peek() == "}":
                    self.advance()
                    return
                line = self.line
                key = self.key()
                self.record((*path, *key), line)
                if self.peek() != "=":
                    raise _Stop
                self.advance()
                self.skip_ws()
                self.value((*path, *key))
                self.skip_ws()
                if self.peek() == ",":
                    self.advance()
        else:
            while self.peek() and self.peek() not in ",]}\n#":
                self.advance()

    def resolve(self, parts: tuple[str, ...], array: bool) -> Path:
        out: Path = ()
        for k, part in enumerate(parts):
            out = (*out, part)
            last = k == len(parts) - 1
            if last and array:
                count = self.aot.get(out, 0)
                self.aot[out] = count + 1
                return (*out, count)
            if out in self.aot:
                out = (*out, self.aot[out] - 1)
        return out

    def run(self) -> dict[Path, int]:
        table: Path = ()
        try:
            while True:
                self.skip_blank()
                if self.i >= self.n:
                    break
                line = self.line
                if self.peek() == "[":
                    array = self.peek(1) == "["
                    self.advance(2 if array else 1)
                    parts = self.key()
                    self.advance(2 if array else 1)
                    table = self.resolve(parts, array)
                    self.record(table, line)
                else:
                    key = self.key()
                    path = (*table, *key)
                    self.record(path, line)
                    if self.peek() != "=":
                        raise _Stop
                    self.advance()
                    self.skip_ws()
                    self.value(path)
        except (_Stop, ValueError, IndexError, RecursionError):
            pass
        return self.lines


def toml_lines(text: str) -> dict[Path, int]:
    """Map each key path of a valid TOML text to the line where it is written.

    Parameters
    ----------
    text : str
        A TOML document that ``tomllib`` has accepted.

    Returns
    -------
    dict
        Path tuple (keys and array indices) -> 1-based line. Arrays of tables
        are indexed in order of appearance; a table header maps to its line.
    """
    return _TomlScanner(text).run()


class _JsonScanner:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.lines: dict[Path, int] = {}
        self.decoder = json.JSONDecoder()

    def line_at(self, i: int) -> int:
        return self.s.count("\n", 0, i) + 1

    def ws(self) -> None:
        while self.i < len(self.s) and self.s[self.i] in " \t\r\n":
            self.i += 1

    def value(self, path: Path) -> None:
        self.ws()
        c = self.s[self.i]
        if c == "{":
            self.i += 1
            while True:
                self.ws()
                if self.s[self.i] == "}":
                    self.i += 1
                    return
                if self.s[self.i] == ",":
                    self.i += 1
                    continue
                key, end = scanstring(self.s, self.i + 1)
                self.lines.setdefault((*path, key), self.line_at(self.i))
                self.i = end
                self.ws()
                self.i += 1  # the colon
                self.value((*path, key))
        elif c == "[":
            self.i += 1
            index = 0
            while True:
                self.ws()
                if self.s[self.i] == "]":
                    self.i += 1
                    return
                if self.s[self.i] == ",":
                    self.i += 1
                    continue
                self.lines.setdefault((*path, index), self.line_at(self.i))
                self.value((*path, index))
                index += 1
        else:
            _, self.i = self.decoder.raw_decode(self.s, self.i)

    def run(self) -> dict[Path, int]:
        with contextlib.suppress(ValueError, IndexError, RecursionError):
            self.value(())
        return self.lines


def json_lines(text: str) -> dict[Path, int]:
    """Map each key path of a valid JSON text to the line where it is written."""
    return _JsonScanner(text).run()
