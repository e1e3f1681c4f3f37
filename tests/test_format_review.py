"""Tender files as a format: findings of the format review (rev1), each with its test.

Every test fails on the code before its fix; the numbers are checked by hand in the
docstrings.
"""

from __future__ import annotations

import textwrap

import pytest

import lcc
import lcc.io
from lcc.io import TenderError, dumps_tender, loads_tender

SCENARIO_PARAMETERS = """\
name = "Scenario named parameters"
[study]
period = "10 yr"
discount_rate = 0.04
[parameters.price]
value = "1.5 SEK/kWh"
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Energy"
annual = "100 kWh/yr"
price = { parameter = "price" }
[scenarios.parameters]
description = "High price"
price = "3 SEK/kWh"
"""


def problems(text: str, fmt: str = "toml") -> list[tuple[int | None, str, str]]:
    """(line, path, code) of every error of a tender text."""
    with pytest.raises(TenderError) as info:
        loads_tender(textwrap.dedent(text), fmt, source=f"t.{fmt}")
    return [(e.line, e.path, e.code) for e in info.value.errors]


def messages(text: str, fmt: str = "toml") -> list[str]:
    with pytest.raises(TenderError) as info:
        loads_tender(textwrap.dedent(text), fmt, source=f"t.{fmt}")
    return [e.message for e in info.value.errors]


def lcc_of(t: lcc.io.Tender) -> dict[str, float]:
    return {name: round(float(r.total.magnitude), 6) for name, r in t.evaluate().items()}


# ------------------------------------------------------------------------------- F1


@pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
def test_a_scenario_named_parameters_is_written_and_read_back(fmt: str) -> None:
    """F1: only the tender's (and a bid's) ``parameters`` hold parameter tables; a scenario
    of that name is written as any other scenario.

    LCC of A, 100 kWh/yr at 1.5 SEK/kWh over 10 years at 4 %:
    150 × (1 − 1.04^−10)/0.04 = 150 × 8.110896 = 1216.63 SEK."""
    t = loads_tender(SCENARIO_PARAMETERS, "toml")
    text = dumps_tender(t, fmt)
    back = loads_tender(text, fmt)
    assert list(back.scenarios) == ["parameters"]
    assert back.scenarios["parameters"].description == "High price"
    assert lcc_of(back) == lcc_of(t)
    assert round(lcc_of(back)["A"], 2) == 1216.63
    if fmt == "toml":
        assert 'parameters = {description = "High price", price = "3 SEK/kWh"}' in text
