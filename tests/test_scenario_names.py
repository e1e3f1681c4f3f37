"""``lcc sensitivity X scenarios`` shows the scenarios as the report does (review finding 8:
the command showed the identifiers 'rate_2_percent' … and called the base row 'Grundvärde'
where the report shows the descriptions and 'Grundfall')."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import lcc
import lcc.report
import lcc.sensitivity as sens
from lcc.cli import main

STREET = Path(__file__).resolve().parents[1] / "examples" / "street-lighting.toml"

NAMES = {"en": ["Base case", "Kalkylränta 2 % (EN 15459: a second discount rate)",
                "Kalkylränta 5 %",
                "Electricity price rising from 1.5 to 3.4 SEK/kWh over the 20 years",
                "Electricity price 0.8 SEK/kWh throughout"]}
NAMES["sv"] = ["Grundfall", *NAMES["en"][1:]]


def _report_names(lang: str) -> list[str]:
    tender = lcc.load_tender(STREET)
    alts = list(tender.alternatives)
    table = sens.scenarios(alts, tender.study, dict(tender.scenarios))
    report = lcc.report.build(tender.compare(), lang=lang, charts=False, scenarios=table)
    shown = report.section("scenarios").table
    assert shown is not None
    return [str(i) for i in shown.index]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_command_shows_the_scenarios_as_the_report(capsys: pytest.CaptureFixture[str],
                                                       lang: str) -> None:
    assert _report_names(lang) == NAMES[lang]
    assert main(["sensitivity", str(STREET), "scenarios", "--lang", lang]) == 0
    lines = capsys.readouterr().out.replace("\xa0", " ").splitlines()
    rows = lines[3:3 + 4 * len(NAMES[lang])]  # four alternatives per scenario
    shown = list(dict.fromkeys(row.split("  ")[0] for row in rows))
    assert shown == NAMES[lang]
    winner = "lowest life-cycle cost" if lang == "en" else "lägst livscykelkostnad har"
    assert f"{NAMES[lang][1]}: {winner} LED bid A" in lines
    assert not any("rate_2_percent" in line or "Grundvärde" in line or "Base value" in line
                   for line in lines)


def test_json_keeps_the_identifiers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sensitivity", str(STREET), "scenarios", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [r["scenario"] for r in payload["rows"]][::4] == [
        "base", "rate_2_percent", "rate_5_percent", "high_electricity_price",
        "low_electricity_price"]


def _street_with_path(tmp_path: Path, prices: str) -> Path:
    """The street-lighting tender with its rising price path replaced (assumptions beside)."""
    import shutil

    shutil.copytree(STREET.parent / "assumptions", tmp_path / "assumptions")
    text = STREET.read_text(encoding="utf-8")
    rising = ", ".join(f"{1.5 + 0.1 * k:.1f}" for k in range(20))
    assert f"by_year = [{rising}]" in text
    path = tmp_path / "t.toml"
    path.write_text(text.replace(f"by_year = [{rising}]", f"by_year = [{prices}]"),
                    encoding="utf-8")
    return path


def test_a_path_longer_than_the_study_is_said_to_be_cut(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """22 prices for a 20-year study: the last two were dropped without a word (an item's own
    per-year sequence is said to be cut in the comparison's notes); now the scenario says it,
    once for each alternative whose Energy item the path prices."""
    prices = ", ".join(f"{1.5 + 0.1 * k:.1f}" for k in range(20)) + ", 9.9, 9.9"
    tender = lcc.load_tender(_street_with_path(tmp_path, prices))
    table = sens.scenarios(list(tender.alternatives), tender.study, dict(tender.scenarios))
    notes = [str(n) for n in table.attrs["notes"]]
    assert notes and all(n.startswith("high_electricity_price: ") and
                         n.endswith("per-year sequence cut to years 1..20 (it covers 1..22)")
                         for n in notes)
    assert main(["sensitivity", str(tmp_path / "t.toml"), "scenarios", "--lang", "sv"]) == 0
    out = capsys.readouterr().out
    assert "Electricity price rising from 1.5 to 3.4 SEK/kWh over the 20 years: LED bid A: " \
           "Energi 'Electricity': serien per år kortas till åren 1..20 (den täcker 1..22)" in out
    report = lcc.report.build(tender.compare(), lang="en", charts=False, scenarios=table)
    lines = report.section("scenarios").lines
    assert sum("per-year sequence cut to years 1..20 (it covers 1..22)" in x
               for x in lines) == len(notes)


def test_a_path_shorter_than_the_study_is_refused_at_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """19 prices for a 20-year study stopped the command with the engine's words and no
    scenario, file or line ('lcc: error: Energy 'Electricity'.price: …')."""
    prices = ", ".join(f"{1.5 + 0.1 * k:.1f}" for k in range(19))
    path = _street_with_path(tmp_path, prices)
    tender = lcc.load_tender(path)
    with pytest.raises(lcc.LCCError) as info:
        sens.scenarios(list(tender.alternatives), tender.study, dict(tender.scenarios))
    assert info.value.field == "scenarios.high_electricity_price.electricity_price"
    assert str(info.value).startswith("scenarios['high_electricity_price']: Energy "
                                      "'Electricity'.price: the per-year sequence covers "
                                      "years 1..19 but years 1..20 are needed (missing: 20)")
    line = next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if t.startswith("electricity_price = { by_year"))
    for command in (["sensitivity", str(path), "scenarios"],
                    ["report", str(path), "-o", str(tmp_path / "r.html"), "--no-charts"]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert err == (f"lcc: {path}:{line}: scenarios.high_electricity_price."
                       "electricity_price: Energy 'Electricity'.price: the per-year sequence "
                       "covers years 1..19 but years 1..20 are needed (missing: 20) "
                       "[invalid-value]\n")


def test_a_negative_discount_rate_is_a_value_not_an_option(
        capsys: pytest.CaptureFixture[str]) -> None:
    """'--discount-rates -1% 3%' stopped with 'expected at least one argument' (argparse took
    '-1%' for an option, though it takes '-0.01' for a number)."""
    assert main(["sensitivity", str(STREET), "scenarios", "--discount-rates", "-1%", "-0,5 %",
                 "-2e-2", "3%", "--format", "json"]) == 0
    scenarios = json.loads(capsys.readouterr().out)["scenarios"]
    assert [v["values"] for k, v in scenarios.items() if k.startswith("discount_rate")] == [
        {"discount_rate": -0.01}, {"discount_rate": -0.005}, {"discount_rate": -0.02},
        {"discount_rate": 0.03}]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_tenders_scenario_names_follow_the_name_rule_at_their_lines(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """[scenarios.Base] and [scenarios."Hög"] beside [scenarios."HÖG"] were refused by the
    analysis without a line ('scenarios.scenarios: scenarios: … pass include_base=False', an
    English 'and' in Swedish); the tender's reader now says it at each scenario's line."""
    path = tmp_path / "t.toml"
    path.write_text(
        'format = "lcc.tender/1"\nname = "T"\n[study]\nperiod = "10 yr"\ndiscount_rate = "3 %"\n'
        '[parameters.price]\nvalue = "1.5 SEK/kWh"\n[[alternatives]]\nname = "A"\n'
        '[[alternatives.items]]\ntype = "Energy"\nannual = "1000 kWh/yr"\n'
        'price = { parameter = "price" }\n[scenarios.Base]\nprice = "2 SEK/kWh"\n'
        '[scenarios."Hög"]\nprice = "2 SEK/kWh"\n[scenarios."HÖG"]\nprice = "3 SEK/kWh"\n',
        encoding="utf-8")
    assert main(["sensitivity", str(path), "scenarios", "--lang", lang]) == 2
    err = capsys.readouterr().err.splitlines()
    if lang == "en":
        assert err == [
            f"lcc: {path}:14: scenarios.Base: 'Base' is the row of base values; give the "
            "scenario another name [invalid-value]",
            f'lcc: {path}:18: scenarios["HÖG"]: \'HÖG\' looks the same as the scenario \'Hög\'; '
            "give every scenario a name of its own [duplicate-name]"]
    else:
        assert err[1].endswith("'HÖG' ser likadant ut som scenariot 'Hög'; ge varje scenario "
                               "ett eget namn [duplicate-name]")
    with pytest.raises(lcc.LCCError) as info:  # the API says it in the reader's words too
        sens.scenarios(lcc.Alternative("A", lcc.Investment("1 SEK")), lcc.Study("5 yr", 0.03),
                       {"Hög": {"discount_rate": 0.05}, "HÖG": {"discount_rate": 0.06}})
    assert "'Hög' och 'HÖG'" in info.value.message_in("sv")
