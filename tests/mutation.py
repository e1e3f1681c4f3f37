"""Mutations of the bundled examples, as a person could mistype them (issue 16).

Each case takes an example tender file, replaces one value (a leaf of the parsed TOML) by a
mutation — a wrong unit, a bare number (also as text), NaN, ±inf, 1e308, a negative number,
zero, a Unicode minus, a wrong type, thousands written with dots, Swedish money words, text
with a bidi override, an escape sequence or only invisible characters, an unknown key, a
missing key — and runs ``lcc compare --format json`` on
it in process. The rule checked: exit 0 with every printed figure finite, or exit 2 with a
located message; never exit 1, never a traceback, never more than a few seconds, and never
a control or invisible character in what it prints.

``python -m tests.mutation [--lang sv]`` runs every case of every example and prints the
counts; ``--lang sv`` runs the command in Swedish (every message through the catalogue).
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import tomlkit

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))

#: What a person could type instead of a value.
MUTATIONS: tuple[tuple[str, Any], ...] = (
    ("wrong unit", "12 kg"),
    ("bare number", 12),
    ("bare rate 4", 4),
    ("NaN", float("nan")),
    ("+inf", float("inf")),
    ("-inf", float("-inf")),
    ("1e308", 1e308),
    ("text 1e308", "1e308 SEK"),
    ("negative", -5),
    ("zero", 0),
    ("Unicode minus", "\u2212500 SEK"),
    ("a list", [1, 2]),
    ("a table", {"x": 1}),
    ("a boolean", True),
    ("empty text", ""),
    ("a word", "banana"),
    ("percent text", "4 %"),
    ("hours", "100000 h"),
    ("huge amount", "1e300 SEK"),
    ("text bare rate", "4"),
    ("dotted thousands", "1.500 SEK"),
    ("mixed separators", "1.234,50 SEK"),
    ("Swedish thousands", "3 Tkr"),
    ("ton", "2 ton"),
    ("huge whole number", 10**400),
    ("calendar year", 2030),
    ("per hour", "50 SEK/h"),
    ("Swedish mile", "0.5 l/mil"),
    ("angle", "280 cycles/yr"),
    ("quoted unit", "5 'SEK'"),
    ("euro sign", "5 €"),
    ("bidi override", "LED\u202e A 5 SEK"),
    ("invisible text", "\u200b\u2060"),
    ("escape sequence", "\x1b[2J\x1b]0;x\x07Bid"),
)

#: What no output may hold: controls but the line break, bidi controls, invisible marks.
HIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e"
                    "\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]")


def leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Paths of every leaf value of a parsed document."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, (*path, key))
    elif isinstance(data, list) and data and all(isinstance(v, dict) for v in data):
        for i, value in enumerate(data):
            yield from leaves(value, (*path, i))
    else:
        yield path


def mutate(text: str, path: tuple[Any, ...], value: Any) -> str:
    """The document with the value at ``path`` replaced (or removed when value is ...)."""
    doc = tomlkit.parse(text)
    node: Any = doc
    for part in path[:-1]:
        node = node[part]
    if value is ...:
        del node[path[-1]]
    elif value == "<unknown key>":
        node[f"{path[-1]}_x"] = 1
    else:
        node[path[-1]] = value
    return tomlkit.dumps(doc)


def run(text: str, folder: Path, lang: str = "en") -> tuple[int, str, str, float]:
    """``lcc compare --format json`` on the text, in process: (exit, stdout, stderr, seconds)."""
    from lcc.cli import main

    path = folder / "mutated.toml"
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["compare", str(path), "--format", "json", "--lang", lang])
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - start


def finite(value: Any) -> bool:
    """Whether every number in a JSON document is finite."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(finite(v) for v in value.values())
    if isinstance(value, list):
        return all(finite(v) for v in value)
    return True


def check(code: int, out: str, err: str, seconds: float) -> str | None:
    """None if the outcome keeps the rule, else what is wrong."""
    if HIDDEN.search(out) or HIDDEN.search(err):
        return "a control or invisible character in the output"
    if code == 0:
        try:
            doc = json.loads(out)
        except ValueError:
            return "exit 0 without JSON"
        return None if finite(doc) else "exit 0 with a figure that is not finite"
    if code != 2:
        return f"exit {code}: {err[-300:]}"
    if "Traceback" in err:
        return "a traceback"
    if not err.strip():
        return "exit 2 without a message"
    if seconds > 5:
        return f"took {seconds:.1f} s"
    return None


def cases(example: Path) -> Iterator[tuple[tuple[Any, ...], str, Any]]:
    """Every (path, mutation name, value) of one example, and a missing and an unknown key."""
    import tomllib

    data = tomllib.loads(example.read_text(encoding="utf-8"))
    for path in leaves(data):
        if not path:
            continue
        for name, value in MUTATIONS:
            yield path, name, value
        yield path, "missing key", ...
        yield path, "unknown key", "<unknown key>"


def main() -> None:  # pragma: no cover - a script for the closing note
    import sys
    import tempfile

    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "en"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)

        def outcomes() -> Iterator[tuple[Any, tuple[int, str, str, float]]]:
            for example in EXAMPLES:
                text = example.read_text(encoding="utf-8")
                (folder / "assumptions").mkdir(exist_ok=True)
                for f in (ROOT / "examples" / "assumptions").glob("*.toml"):
                    (folder / "assumptions" / f.name).write_text(f.read_text("utf-8"), "utf-8")
                for path, name, value in cases(example):
                    yield ((example.name, path, name),
                           run(mutate(text, path, value), folder, lang))

        tally(lang, outcomes())


def tally(lang: str, outcomes: Iterable[tuple[Any, tuple[int, str, str, float]]]
          ) -> None:  # pragma: no cover - a script for the closing note
    """Check each (case, outcome) by the rule and print the counts and the first cases that
    broke it."""
    import collections

    counts: collections.Counter[int] = collections.Counter()
    bad = []
    worst = 0.0
    for case, (code, out, err, seconds) in outcomes:
        counts[code] += 1
        worst = max(worst, seconds)
        problem = check(code, out, err, seconds)
        if problem:
            bad.append((*case, problem))
    print(f"lang {lang}; cases: {sum(counts.values())}; exit codes: "
          f"{dict(sorted(counts.items()))}; worst wall time {worst:.2f} s; rule broken: {len(bad)}")
    for row in bad[:50]:
        print(row)


if __name__ == "__main__":  # pragma: no cover
    main()
