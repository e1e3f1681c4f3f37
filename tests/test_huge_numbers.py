"""Whole numbers too large for a float are refused at their input, never an OverflowError.

TOML, YAML, JSON and Python write integers of any length; ``at = 1000…0`` (401 digits) in a
tender file stopped the command line with an internal error (exit 1), and the same number
given to a model field from Python raised OverflowError. Messages show such a number by its
size, not its 401 digits.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import lcc
from lcc import LCCError

BIG = 10**400


@pytest.mark.parametrize(("build", "field"), [
    (lambda: lcc.OneOff("1 SEK", at=BIG), "OneOff.at"),
    (lambda: lcc.Alternative("A", lcc.Investment("1 SEK"), quantity=BIG), "Alternative.quantity"),
    (lambda: lcc.Study("10 yr", BIG), "Study.discount_rate"),
    (lambda: lcc.Parameter("x", BIG), "Parameter.value"),
    (lambda: lcc.Parameter("x", 1, low=-BIG), "Parameter.low"),
    (lambda: lcc.ByYear([BIG, 1]), "ByYear.values[0]"),
    (lambda: lcc.Recurring("1 SEK/yr", escalation=[BIG]), "Recurring.escalation"),
    (lambda: lcc.Investment("1 SEK", life="5 yr", residual=BIG), "Investment.residual"),
    (lambda: lcc.ExchangeRates("SEK", {"EUR": BIG}), "ExchangeRates.rates.EUR"),
])
def test_a_huge_whole_number_is_refused_at_its_input(build, field: str) -> None:
    with pytest.raises(LCCError, match="got a number of 401 digits, larger than any number lcc "
                                       r"computes with \(about 1\.8e308\)") as info:
        build()
    assert info.value.field == field
    assert "ett tal med 401 siffror" in info.value.message_in("sv")


def test_a_tender_file_with_huge_numbers_exits_2_naming_each(tmp_path: Path) -> None:
    digits = "1" + "0" * 400
    path = tmp_path / "big.toml"
    path.write_text(f"""name = "T"
[study]
period = "10 yr"
discount_rate = 0.03
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Investment"
amount = "1000 SEK"
life = {digits}
[[alternatives.items]]
type = "OneOff"
amount = "1 SEK"
at = {digits}
[parameters.p]
value = "1 SEK"
distribution = {{ name = "uniform", loc = 1, scale = {digits} }}
""", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "lcc", "compare", str(path)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2, out.stderr
    lines = out.stderr.splitlines()
    # every such number of the file, where it stands, before any reader converts it (a
    # distribution's scale, read by its own reader, stopped with an internal error too)
    assert lines == [
        f"lcc: {path}:{line}: {where}: got a number of 401 digits, larger than any number lcc "
        "computes with (about 1.8e308) [invalid-value]"
        for line, where in ((10, "alternatives[0].items[0].life"),
                            (14, "alternatives[0].items[1].at"),
                            (17, "parameters.p.distribution.scale"))]


def test_a_message_shows_a_huge_number_by_its_size() -> None:
    with pytest.raises(LCCError) as info:
        lcc.Investment("1 SEK", life=BIG)  # a bare number where a unit is needed
    assert str(info.value).startswith("Investment.life: got the bare number 1.000e+400; ")
    with pytest.raises(LCCError) as info:
        lcc.Investment("1 SEK", life=-BIG)
    assert "got the bare number -1.000e+400; " in str(info.value)
