"""Mistyped cells of the bundled examples' bid forms, as a bidder could type them.

Each case writes the bid form of an example tender (English or Swedish), fills every row
with a value inside its bounds, puts one value a bidder could type into one cell — a wrong
type, text with a unit, a formula, a huge or not finite number, invisible or bidi
characters (a workbook cannot hold an escape sequence) — and runs
``lcc import-bids --format json`` in process.
The rule is :mod:`tests.mutation`'s: exit 0 with every printed figure finite, or exit 2
with a message; never exit 1, a traceback, more than a few seconds, or a control or
invisible character in what it prints.

``python -m tests.bidform_mutation [--lang sv]`` runs every case and prints the counts.
"""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from tests import mutation as M

#: What a bidder could type into a cell instead of a value.
CELLS: tuple[Any, ...] = (
    12, -5, 0, 0.5, 1.5, 2, 3.7, 10**20, 1e308, float("inf"), float("nan"), -1e-300, True,
    "12 kg", "4 %", "2 %", "50 kr", "\u2212500", "1.500", "1 500,5", "", " ", "\u200b",
    "=1+1", "=A1", "TRUE", "banana", "ja", "LED\u202e A", "x" * 300)


@cache
def form(example: Path, folder: Path, lang: str) -> tuple[Path, tuple[str, ...],
                                                          tuple[tuple[str, Any], ...]]:
    """The example's bid form, the keys of its rows and a value inside the bounds of each."""
    import lcc.io
    from lcc.bidform import bid_form, write_bid_form
    from lcc.bidform._live import check_points

    tender = lcc.io.load_tender(example)
    path = write_bid_form(tender, folder / f"{example.stem}-{lang}.xlsx", lang=lang)
    spec = bid_form(tender, lang=lang)
    values = check_points(spec)[0]
    return path, tuple(f.key for f in spec.fields), (("bidder", "Firm AB"), *values.items())


def run(example: Path, key: str, value: Any, folder: Path,
        lang: str = "en") -> tuple[int, str, str, float]:
    """``lcc import-bids --format json`` of the example's form with ``value`` in the row of
    ``key``: (exit, stdout, stderr, seconds)."""
    import openpyxl

    from lcc.cli import main

    blank, _, good = form(example, folder, lang)
    wb = openpyxl.load_workbook(blank)
    ws = wb.worksheets[1]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    for k, v in (*good, (key, value)):
        ws.cell(rows[k], 4, v)
    filled = folder / "filled.xlsx"
    wb.save(filled)
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["import-bids", str(example), str(filled), "--format", "json",
                         "--lang", lang])
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - start


def cases(example: Path, folder: Path, lang: str = "en") -> Iterator[tuple[str, Any]]:
    """Every (row key, typed value) of one example's form."""
    for key in form(example, folder, lang)[1]:
        for value in CELLS:
            yield key, value


def main() -> None:  # pragma: no cover - a script for the closing note
    import sys
    import tempfile

    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "en"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        M.tally(lang, (((example.name, key, value), run(example, key, value, folder, lang))
                       for example in M.EXAMPLES
                       for key, value in cases(example, folder, lang)))


if __name__ == "__main__":  # pragma: no cover
    main()
