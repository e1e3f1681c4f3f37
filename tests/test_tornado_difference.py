"""The tornado's deciding difference when no input moves it, and the study's discount rate
chosen under its own parameter name."""

from __future__ import annotations

import json

import pytest

from lcc.cli import main
from lcc.io import loads_tender
from lcc.sensitivity import tornado

#: Two pumps that differ by their price only: B − A = 53 000 − 52 000 = 1 000 SEK at any
#: discount rate, so the deciding difference has no tornado rows.
PUMPS = """\
format = "lcc.tender/1"
name = "Pumps"

[study]
period = "10 yr"
discount_rate = { parameter = "kalkylranta" }

[parameters.kalkylranta]
value = 0.035
low = 0.02
high = 0.05

[parameters.service]
value = "1000 SEK/yr"
low = "800 SEK/yr"
high = "1200 SEK/yr"

[sensitivity]
parameters = ["kalkylranta"]

[[alternatives]]
name = "Pump A"
[[alternatives.items]]
type = "Investment"
amount = "52000 SEK"
life = "10 yr"
[[alternatives.items]]
type = "Recurring"
amount_per_year = { parameter = "service" }

[[alternatives]]
name = "Pump B"
[[alternatives.items]]
type = "Investment"
amount = "53000 SEK"
life = "10 yr"
[[alternatives.items]]
type = "Recurring"
amount_per_year = { parameter = "service" }
"""


@pytest.fixture
def pumps(tmp_path):
    path = tmp_path / "pumps.toml"
    path.write_text(PUMPS, encoding="utf-8")
    return path


def test_the_difference_has_no_rows_when_no_input_moves_it() -> None:
    t = loads_tender(PUMPS, "toml")
    df = tornado(list(t.alternatives), t.study)
    assert df.attrs["difference"] == "Pump B minus Pump A"
    assert set(df["alternative"]) == {"Pump A", "Pump B"}


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "is 1 000.00\u00a0SEK at every low and high value"),
    ("sv", "är 1\u00a0000,00\u00a0kr vid varje lågt och högt värde")])
def test_a_report_says_so_instead_of_failing(pumps, tmp_path, lang, words) -> None:
    out = tmp_path / f"r-{lang}.md"
    assert main(["report", str(pumps), "-o", str(out), "--lang", lang]) == 0
    assert words in out.read_text(encoding="utf-8")
    html = tmp_path / f"r-{lang}.html"
    assert main(["report", str(pumps), "-o", str(html), "--lang", lang]) == 0
    assert "<svg" in html.read_text(encoding="utf-8")  # the tornado of the best alternative


def test_the_plot_draws_the_largest_swing_instead() -> None:
    import matplotlib

    matplotlib.use("Agg")
    from lcc.plot import tornado as plot_tornado

    t = loads_tender(PUMPS, "toml")
    df = tornado(list(t.alternatives), t.study)
    ax = plot_tornado(df)
    assert ax.get_title() == f"Sensitivity of the life-cycle cost: {df['alternative'].iloc[0]}"


def test_the_cli_tornado_keeps_the_discount_rate_named_by_its_parameter(pumps, capsys) -> None:
    assert main(["sensitivity", str(pumps), "tornado", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    # [sensitivity] parameters = ["kalkylranta"]: the study's rate, shown as discount_rate;
    # the service cost has a range but was not chosen
    assert {r["parameter"] for r in rows} == {"discount_rate"}
    a = next(r for r in rows if r["alternative"] == "Pump A")
    # 52 000 + 1 000 × (1 − 1.02^−10) / 0.02 = 52 000 + 8 982.585 = 60 982.59 SEK
    assert a["lcc_low"] == pytest.approx(52000 + 1000 * (1 - 1.02 ** -10) / 0.02)
    # 52 000 + 1 000 × (1 − 1.05^−10) / 0.05 = 52 000 + 7 721.735 = 59 721.73 SEK
    assert a["lcc_high"] == pytest.approx(52000 + 1000 * (1 - 1.05 ** -10) / 0.05)
