"""The break-even text without a crossing gives the difference at each end of the bracket
(review 3, finding 8).

It said "(difference Existing minus New from 1 356.58 to 3 295.27)" for a discount rate from
1 % to 8 %, where the difference is 3 295.27 at 1 % and 1 356.58 at 8 %: it read as rising
with the rate. The values are those of the FEMP example by hand (the reviewer's hand.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import lcc
from lcc.cli import main

TENDER = """\
format = "lcc.tender/1"
name = "FEMPEnergy"
[study]
period = "15 yr"
discount_rate = { parameter = "rate" }
currency = "USD"
[comparison]
baseline = "Existing"
[[alternatives]]
name = "Existing"
[[alternatives.items]]
type = "Investment"
amount = "1500 USD"
[[alternatives.items]]
type = "Energy"
annual = "15000 kWh/yr"
price = { parameter = "elpris" }
escalation = "-0.5192006984 %"
[[alternatives.items]]
type = "Recurring"
amount_per_year = "50 USD/yr"
[[alternatives.items]]
type = "OneOff"
amount = "200 USD"
at = 10
[[alternatives.items]]
type = "OneOff"
amount = "600 USD"
at = 10
category = "replacement"
[[alternatives.items]]
type = "Residual"
amount = "450 USD"
[[alternatives]]
name = "New"
[[alternatives.items]]
type = "Investment"
amount = "3000 USD"
[[alternatives.items]]
type = "Energy"
annual = "10250 kWh/yr"
price = { parameter = "elpris" }
escalation = "-0.5192006984 %"
[[alternatives.items]]
type = "Recurring"
amount_per_year = "100 USD/yr"
[[alternatives.items]]
type = "OneOff"
amount = "600 USD"
at = 8
[[alternatives.items]]
type = "Residual"
amount = "750 USD"
[parameters.elpris]
value = "0.08 USD/kWh"
low = "0.01 USD/kWh"
high = "0.2 USD/kWh"
[parameters.rate]
value = "3 %"
low = "1 %"
high = "8 %"
"""


@pytest.fixture(scope="module")
def tender(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("be") / "be.toml"
    path.write_text(TENDER, encoding="utf-8")
    return path


def _difference(tmp: Path, text: str) -> float:
    """Existing minus New of a tender text."""
    path = tmp / "fixed.toml"
    path.write_text(text, encoding="utf-8")
    r = lcc.load_tender(path).evaluate()
    return float(r["Existing"].value - r["New"].value)


def test_the_ends_fall_with_the_rate(tmp_path: Path) -> None:
    low, high = (_difference(tmp_path, TENDER.replace('discount_rate = { parameter = "rate" }',
                                                      f'discount_rate = "{rate}"'))
                 for rate in ("1 %", "8 %"))
    assert low == pytest.approx(3295.27, abs=0.01) and high == pytest.approx(1356.58, abs=0.01)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "(difference Existing minus New: 3 295.27 at 1 % and 1 356.58 at 8 %)"),
    ("sv", "(skillnaden Existing minus New: 3 295,27 vid 1 % och 1 356,58 vid 8 %)")])
def test_the_table_gives_the_difference_at_each_end(tender: Path, lang: str, said: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sensitivity", str(tender), "break-even", "--lang", lang]) == 0
    out = capsys.readouterr().out.replace("\xa0", " ")
    assert said in out, out
    assert "from 1 356.58" not in out and "mellan" not in out


def test_the_json_reason_gives_the_difference_at_each_end(
        tender: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sensitivity", str(tender), "break-even", "--format", "json"]) == 0
    [row] = [r for r in json.loads(capsys.readouterr().out)["rows"]
             if r["parameter"] == "discount_rate"]
    assert row["break_even"] is None
    assert "(difference Existing minus New: 3 295.27 at 1 % and 1 356.58 at 8 %)" in \
        row["reason"].replace("\xa0", " ")


def test_the_library_warning_says_the_same(tender: Path) -> None:
    from lcc.sensitivity import BreakEvenWarning, break_even

    t = lcc.load_tender(tender)
    with pytest.warns(BreakEvenWarning) as caught:
        assert break_even(list(t.alternatives), t.study, "rate") is None
    said = " ".join(str(w.message) for w in caught).replace("\xa0", " ")
    assert "3 295.27 at 1 % and 1 356.58 at 8 %" in said, said


def test_a_rising_difference_keeps_each_value_at_its_end(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    """The energy price: the difference rises with it (New uses less energy), so the lower
    figure is at the low end; the bracket is where New is cheaper throughout."""
    text = TENDER.replace('low = "0.01 USD/kWh"', 'low = "0.05 USD/kWh"')
    path = tmp_path / "price.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["sensitivity", str(path), "break-even", "--format", "json"]) == 0
    [row] = [r for r in json.loads(capsys.readouterr().out)["rows"]
             if r["parameter"] == "elpris"]
    reason = row["reason"].replace("\xa0", " ")
    ends = [_difference(tmp_path, text.replace('price = { parameter = "elpris" }',
                                               f'price = "{p} USD/kWh"'))
            for p in ("0.05", "0.2")]
    assert 0 < ends[0] < ends[1]
    from lcc._i18n import number

    assert (f"{number(ends[0], 'en', 2)} at 0.05 USD/kWh and {number(ends[1], 'en', 2)} at "
            "0.2 USD/kWh").replace("\xa0", " ") in reason, reason
