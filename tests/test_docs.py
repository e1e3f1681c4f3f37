"""The documentation covers every public name and every convention of DESIGN §3."""

from __future__ import annotations

import re
from pathlib import Path

import lcc

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md"))


def test_every_public_name_is_documented() -> None:
    text = _text()
    missing = [name for name in lcc.__all__ if name != "__version__"
               and not re.search(rf"lcc(\.\w+)*\.{re.escape(name)}\b", text)
               and f"`{name}`" not in text]
    assert not missing, f"not in docs/: {missing}"


def test_every_convention_has_a_page() -> None:
    text = _text()
    for phrase in (
        "t = 0 is the base date", "Service start", "timing", "(1 + d)^−t",
        "indexed by study year", "Real and nominal", "Fisher", "negative costs",
        "investment-related", "strictly before the end of the study",
        "price level of year N", "quantity", "A bare number is refused",
        "ndarray is samples", "ByYear", "ExchangeRates", "include_externalities",
        "Ties", "payback",
    ):
        assert phrase.lower() in text.lower(), phrase


def test_every_reference_page_is_in_the_navigation() -> None:
    nav = (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8")
    for page in DOCS.rglob("*.md"):
        rel = page.relative_to(DOCS).as_posix()
        assert rel in nav, rel
