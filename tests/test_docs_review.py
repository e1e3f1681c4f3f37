"""Docs review 2: what the pages state is what the code does.

* every ```toml block in the docs that is an assumption set (``format =
  "lcc.assumptions/1"``) loads with :func:`lcc.io.loads_assumptions` (the how-to's example
  did not: a policy choice and a carbon price naming parameters it did not define);
* docs/concepts/time.md's calendar mapping (study year k is calendar year base_year + k − 1);
* docs/reference/commands.md lists every option of every ``lcc`` command.
"""

from __future__ import annotations

import argparse
import re
import warnings
from pathlib import Path

import pytest

import lcc
import lcc.io

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
TOML = re.compile(r"^```toml[ \t]*\n(.*?)^```", re.S | re.M)


def _assumption_blocks() -> list[tuple[str, int, str]]:
    out = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in TOML.finditer(text):
            if re.search(r'^format\s*=\s*"lcc\.assumptions/1"', m.group(1), re.M):
                line = text.count("\n", 0, m.start()) + 2
                out.append((str(page.relative_to(ROOT)), line, m.group(1)))
    return out


BLOCKS = _assumption_blocks()


def test_the_assumption_set_howto_has_an_assumption_set() -> None:
    assert any(page == "docs/howto/assumption-sets.md" for page, _, _ in BLOCKS)


@pytest.mark.parametrize("page, line, text", BLOCKS, ids=[f"{p}:{n}" for p, n, _ in BLOCKS])
def test_assumption_set_block_loads(page: str, line: int, text: str) -> None:
    found = lcc.io.loads_assumptions(text, "toml", source=f"{page}:{line}")
    assert found.name and found.version


def test_calendar_years_as_time_md_states_them() -> None:
    """With base_year=2025 a 2026–2030 contract is start=2, end=6; start=1, end=5 is 2025–2029."""
    study = lcc.Study("10 yr", 0.0, base_year=2025)
    by_calendar_year = lcc.ByYear([float(y) for y in range(2025, 2036)], "SEK/yr",
                                  first_year=2025)

    def years(item: object) -> list[float]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            flows = lcc.evaluate(lcc.Alternative("x", item), study).cash_flows
        return [v for v in flows["nominal"]["total"] if v]

    assert years(lcc.Recurring(by_calendar_year, start=2, end=6)) == [2026, 2027, 2028, 2029,
                                                                      2030]
    assert years(lcc.Recurring(by_calendar_year, start=1, end=5)) == [2025, 2026, 2027, 2028,
                                                                      2029]
    text = (ROOT / "docs/concepts/time.md").read_text(encoding="utf-8")
    assert "a contract for 2026–2030\nis `Recurring(..., start=2, end=6)`" in text



COMMANDS_PAGE = ROOT / "docs" / "reference" / "commands.md"


def _sections() -> dict[str, str]:
    """The page's text by heading: 'Global options' and one section per command."""
    text = COMMANDS_PAGE.read_text(encoding="utf-8")
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {re.sub(r"^`lcc (.+)`$", r"\1", head.strip()): body
            for head, body in zip(parts[1::2], parts[2::2], strict=True)}


def _parsers() -> dict[str, argparse.ArgumentParser]:
    from lcc.cli._main import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {"Global options": parser, **sub.choices}


def _documented(action: argparse.Action) -> list[str]:
    """What the page must show of one argument: its option strings, or a positional's name."""
    if action.option_strings:
        return [f"`{o}" for o in action.option_strings]
    if isinstance(action.metavar, str):
        return [f"`{action.metavar}`"]
    if action.choices:
        return [f"`{c}`" for c in action.choices]
    return [f"`{action.dest}`"]


@pytest.mark.parametrize("command", list(_parsers()))
def test_commands_page_lists_every_option(command: str) -> None:
    sections = _sections()
    assert command in sections, f"docs/reference/commands.md has no section for {command!r}"
    body = sections[command]
    for action in _parsers()[command]._actions:
        if isinstance(action, argparse._SubParsersAction) or (
                isinstance(action, argparse._HelpAction) and command != "Global options"):
            continue  # -h/--help: once, under the global options
        missing = [w for w in _documented(action) if w not in body]
        assert not missing, f"lcc {command}: {missing} not in its section of commands.md"


def test_commands_page_has_every_command_and_is_in_the_nav() -> None:
    assert set(_sections()) == set(_parsers())
    assert "reference/commands.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
