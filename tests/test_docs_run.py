"""Issue 19: every command and code block in README.md and docs/ runs.

For each page (README.md and docs/**/*.md), in a fresh temporary folder that
holds a copy of ``examples/`` (so relative paths such as
``examples/street-lighting.toml`` work and every output lands in the folder):

* a ```toml block preceded by ``<!-- docs-test: file NAME -->`` is written to
  NAME first; any other ```toml block that is a whole tender file (it has
  ``format = "lcc.tender/1"``) must load with :func:`lcc.load_tender`;
* every ```python block runs, in order, in one Python process per page (later
  blocks may use the names of earlier ones), with matplotlib's Agg backend;
* every line of a ```bash/```console/```sh block must be an ``lcc …`` command
  (``$ `` prompts allowed; comments, blank lines and, in console blocks, output
  lines are ignored) and runs as ``python -m lcc …``; a redirection ``> FILE``
  writes FILE.

Files the pages assume a reader has (``form-a.xlsx``, ``form-b.xlsx``: bid forms filled in
by two bidders) are made by :func:`fixtures` first.

A block that must not run says so on the line before its fence:
``<!-- docs-test: skip REASON -->``. The exceptions are few and listed in
:data:`SKIPS`; a skip marker not listed there fails the test.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]

#: The blocks that do not run, by page and reason (a marker in the page names the reason).
SKIPS: dict[str, set[str]] = {
    "README.md": {"make builds a virtual environment and installs lcc"},
    "docs/getting-started.md": {"pip installs lcc",
                                "make builds a virtual environment and installs lcc"},
}

FENCE = re.compile(r"^```(\w*)\s*$")
MARKER = re.compile(r"<!--\s*docs-test:\s*(skip|file)\s+(.*?)\s*-->")


@dataclass
class Block:
    lang: str
    text: str
    line: int
    skip: str | None = None
    file: str | None = None


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of a page, with the docs-test marker before each."""
    out: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m and m.group(1):
            marker = MARKER.search(lines[i - 1]) if i else None
            body = []
            j = i + 1
            while j < len(lines) and not lines[j].startswith("```"):
                body.append(lines[j])
                j += 1
            b = Block(m.group(1), "\n".join(body) + "\n", i + 1)
            if marker and marker.group(1) == "skip":
                b.skip = marker.group(2)
            elif marker:
                b.file = marker.group(2)
            out.append(b)
            i = j + 1
        else:
            i += 1
    return out


def commands(block: Block) -> list[str]:
    """The lcc commands of a shell block (an error for any other command)."""
    out = []
    joined: list[str] = []
    for raw in block.text.splitlines():  # a line ending in a backslash goes on
        if joined and joined[-1].split("#", 1)[0].rstrip().endswith("\\"):
            joined[-1] = joined[-1].split("#", 1)[0].rstrip()[:-1] + " " + raw.strip()
        else:
            joined.append(raw)
    for raw in joined:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if block.lang == "console":
            if not line.startswith("$ "):
                continue  # output
            line = line[2:]
        line = line.removeprefix("$ ")
        cmd = line.split("#", 1)[0].strip() if " #" in line else line
        assert cmd.startswith("lcc "), (
            f"line {block.line}: {cmd!r} is not an lcc command; mark the block "
            f"<!-- docs-test: skip REASON --> and list it in SKIPS")
        out.append(cmd)
    return out


def run_lcc(cmd: str, cwd: Path) -> None:
    words = shlex.split(cmd)
    target = None
    if ">" in words:
        k = words.index(">")
        target, words = words[k + 1], words[:k]
    out = subprocess.run([sys.executable, "-m", *words], cwd=cwd, capture_output=True,
                         text=True, timeout=600, env={**os.environ, "MPLBACKEND": "Agg"})
    assert out.returncode == 0, f"{cmd}\n{out.stderr}"
    if target:
        (cwd / target).write_text(out.stdout, encoding="utf-8")


def fixtures(folder: Path) -> None:
    """Two bid forms of examples/street-lighting.toml, filled in as bidders would."""
    openpyxl = pytest.importorskip("openpyxl")
    from lcc import bidform
    from lcc.io import load_tender

    tender_file = folder / "examples" / "street-lighting.toml"
    blank = bidform.write_bid_form(load_tender(tender_file), folder / "_blank.xlsx",
                                   tender_file=tender_file)
    bids = {"form-a.xlsx": {"bidder": "Lumen AB", "items[0].amount": 4700,
                            "items[0].life": 25, "items[1].amount": 110,
                            "items[3].power": 42, "items[4].amount_per_year": 45},
            "form-b.xlsx": {"bidder": "Gatuljus AB", "items[0].amount": 3950,
                            "items[0].life": 20, "items[1].amount": 120,
                            "items[2].amount": 600, "items[2].every": 10,
                            "items[3].power": 50, "items[4].amount_per_year": 55}}
    for name, values in bids.items():
        wb = openpyxl.load_workbook(blank)
        ws = wb["Bid"]
        rows = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
        for key, value in values.items():
            ws.cell(rows[key], 4).value = value
        wb.save(folder / name)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_runs(page: Path, tmp_path: Path) -> None:
    import lcc

    rel = str(page.relative_to(ROOT))
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    found = blocks(page)
    if "form-a.xlsx" in page.read_text(encoding="utf-8"):
        fixtures(tmp_path)
    skipped = {b.skip for b in found if b.skip}
    assert skipped <= SKIPS.get(rel, set()), f"unlisted skips in {rel}: {skipped}"
    for b in found:
        if b.file:
            (tmp_path / b.file).write_text(b.text, encoding="utf-8")
    python: list[str] = []
    for b in found:
        if b.skip:
            continue
        if b.lang == "toml" and not b.file and 'format = "lcc.tender/1"' in b.text:
            path = tmp_path / "examples" / f"_block_{b.line}.toml"
            path.write_text(b.text, encoding="utf-8")
            lcc.load_tender(path)
        elif b.lang == "python":
            python.append(f"# {rel}, line {b.line}\n{b.text}")
        elif b.lang in ("bash", "console", "sh", "shell"):
            for cmd in commands(b):
                run_lcc(cmd, tmp_path)
    if python:
        script = tmp_path / "_blocks.py"
        script.write_text("import matplotlib\nmatplotlib.use('Agg')\n" + "\n".join(python),
                          encoding="utf-8")
        out = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                             text=True, timeout=900)
        assert out.returncode == 0, f"{rel}\n{out.stderr[-3000:]}"


def test_the_broken_howto_is_what_this_catches(tmp_path: Path) -> None:
    """The tender file of docs/howto/tender-file.md used to fail to load."""
    page = ROOT / "docs" / "howto" / "tender-file.md"
    toml = next(b for b in blocks(page) if b.lang == "toml")
    assert toml.file == "tender.toml"
    path = tmp_path / "tender.toml"
    path.write_text(toml.text, encoding="utf-8")
    import lcc

    assert lcc.load_tender(path).compare().best
