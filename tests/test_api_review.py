"""The Python API as a bid portal uses it (review 5): every input error an LCCError, however
odd the text; results a caller may change without changing lcc's; messages in Swedish."""

from __future__ import annotations

import pytest

import lcc
import lcc.io
from lcc.io import TenderError, loads_tender

TENDER = """name = "x"
[study]
period = "10 yr"
discount_rate = 0.03
[[alternatives]]
name = "a"
[[alternatives.items]]
type = "OneOff"
at = 0
amount = "{amount}"
"""


def test_a_unit_raised_to_a_huge_power_is_refused_in_words() -> None:
    """'1 SEK a a a …' (89 times pint's 'a', a year) is SEK·yr⁸⁹: its size in SI base units
    overflows a float, and Python's OverflowError came out of loads_tender and lcc.OneOff."""
    amount = "1 SEK" + " a" * 89
    with pytest.raises(TenderError) as info:
        loads_tender(TENDER.format(amount=amount), "toml", source="t.toml")
    (issue,) = info.value.errors
    assert (issue.path, issue.code, issue.line) == ("alternatives[0].items[0].amount",
                                                    "invalid-value", 10)
    assert "a unit is raised to the power 89" in issue.message
    with pytest.raises(lcc.LCCError, match="power 89"):
        lcc.OneOff(amount, at=0)
    lcc.OneOff("45 SEK/m**3 * m**3", at=0)  # a cube is a unit's power any input may take


@pytest.mark.parametrize("ref", ["x" * 300, "a/" * 3000 + "b.toml", "x" * 255 + ".toml"])
def test_an_assumption_set_path_too_long_is_a_missing_file(ref: str) -> None:
    """A 300-character assumption-set path gave a bare OSError ('File name too long')."""
    text = f'name = "P"\nassumptions = "{ref}"\n[study]\nperiod = "10 yr"\ndiscount_rate = 0.03\n'
    with pytest.raises(TenderError) as info:
        loads_tender(text, "toml")
    assert "missing-file" in info.value.codes


def test_a_tender_path_too_long_is_a_missing_file() -> None:
    with pytest.raises(TenderError) as info:
        lcc.io.load_tender("x" * 300 + ".toml")
    assert info.value.codes == ["missing-file"]
    assert "the name is too long" in str(info.value)
