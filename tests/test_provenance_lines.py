"""The lines about a run say what was run, not what the tender file sets (review finding 2):
street-lighting.toml asks for Monte Carlo with 20 000 samples and seed 2025 and a study-period
comparison; a run with other settings, or without an analysis, must not claim those."""

from __future__ import annotations

from pathlib import Path

import pytest

from lcc.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
STREET = EXAMPLES / "street-lighting.toml"


def _out(capsys: pytest.CaptureFixture[str], *args: str | Path) -> list[str]:
    assert main([str(a) for a in args]) == 0
    return capsys.readouterr().out.replace("\xa0", " ").splitlines()


@pytest.mark.parametrize(("lang", "basis"), [
    ("en", "Comparison basis: equivalent annual cost over each alternative's own service life "
           "(annuity method)"),
    ("sv", "Jämförelsegrund: årskostnad över varje alternativs egen livslängd "
           "(annuitetsmetoden)"),
])
def test_compare_states_the_basis_it_used(capsys: pytest.CaptureFixture[str], lang: str,
                                          basis: str) -> None:
    lines = _out(capsys, "compare", EXAMPLES / "vehicles.toml", "--policy", "annuity",
                 "--lang", lang)
    footer = [line for line in lines if line.startswith(basis.split(":")[0] + ":")]
    assert footer == [basis]
    # compare runs no sensitivity analysis
    assert not any(line.startswith(("Sensitivity analysis", "Känslighetsanalys", "Monte Carlo"))
                   for line in lines)


def test_compare_names_the_baseline_given_on_the_command_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    lines = _out(capsys, "compare", STREET, "--baseline", "LED bid B")
    assert ("Comparison basis: common study period (replacements within it, residual value at "
            "its end); measures against LED bid B") in lines


def _assumptions(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8").replace("\xa0", " ")
    part = text.split("## Assumptions" if "## Assumptions" in text
                      else "## Kalkylförutsättningar")[1].split("\n## ")[0]
    return [line[2:] for line in part.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Monte Carlo with 1 000 samples, random seed 7"),
    ("sv", "Monte Carlo med 1 000 utfall, slumpfrö 7"),
])
def test_report_states_the_monte_carlo_run(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           lang: str, expected: str) -> None:
    out = tmp_path / "r.md"
    _out(capsys, "report", STREET, "-o", out, "--monte-carlo", "1000", "--seed", "7",
         "--no-tornado", "--no-scenarios", "--no-charts", "--lang", lang)
    lines = _assumptions(out)
    assert expected in lines
    assert not any("20 000" in line or "2025" in line for line in lines if "Monte" in line)
    assert not any(line.startswith(("Sensitivity analysis", "Känslighetsanalys"))
                   for line in lines)


def test_report_without_analyses_claims_none(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.md"
    _out(capsys, "report", STREET, "-o", out, "--no-tornado", "--no-scenarios", "--no-charts",
         "--no-monte-carlo")
    lines = _assumptions(out)
    assert not any("Monte Carlo" in line or line.startswith("Sensitivity analysis")
                   for line in lines)
    assert ("Comparison basis: common study period (replacements within it, residual value at "
            "its end)") in lines


def test_report_names_the_parameters_its_tornado_varied(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.md"
    _out(capsys, "report", STREET, "-o", out, "--no-scenarios", "--no-charts",
         "--no-monte-carlo")
    lines = _assumptions(out)
    assert ("Sensitivity analysis of: Electricity price, Discount rate, Real change of the "
            "electricity price, Operating hours") in lines
    assert not any("Monte Carlo" in line for line in lines)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Monte Carlo with 20 000 samples, random seed 2025"),
    ("sv", "Monte Carlo med 20 000 utfall, slumpfrö 2025"),
])
def test_report_runs_the_monte_carlo_analysis_the_tender_sets(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str) -> None:
    """The tender's '[sensitivity] monte_carlo = { n = 20000, seed = 2025 }' was followed by
    `lcc sensitivity … monte-carlo` and left out of the report unless --monte-carlo was given;
    the report is the document the award rests on, so it runs the analysis the tender sets."""
    out = tmp_path / "r.md"
    _out(capsys, "report", STREET, "-o", out, "--no-tornado", "--no-scenarios", "--no-charts",
         "--lang", lang)
    assert expected in _assumptions(out)
    text = out.read_text(encoding="utf-8").replace("\xa0", " ")
    assert ("## Uncertainty analysis (Monte Carlo)" if lang == "en" else
            "## Osäkerhetsanalys (Monte Carlo)") in text
    # the same samples as the command: its mean LCC of LED bid A is the report's
    from lcc.cli import main

    assert main(["sensitivity", str(STREET), "monte-carlo", "--format", "json",
                 "--no-progress"]) == 0
    import json

    rows = json.loads(capsys.readouterr().out)["rows"]
    mean = next(r["mean"] for r in rows if r["alternative"] == "LED bid A")
    assert f"| LED bid A | {round(mean):,} | ".replace(",", " ") in text  # whole kronor


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "discount rate: 4 % (assumption set: the parameter Discount rate, 3.5 %)"),
    ("sv", "kalkylränta: 4 % (kalkylförutsättningarna: parametern Kalkylränta, 3,5 %)"),
])
def test_a_departure_from_a_set_value_held_by_a_parameter_is_said_in_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, line: str) -> None:
    """The documented way to depart from the set — 'discount_rate = 0.04' with an override and
    its reason — stopped every command with an internal error (exit 1) where the set takes
    the rate from its parameter (3.5 %): the departure's words expected a quantity."""
    import shutil

    shutil.copytree(EXAMPLES / "assumptions", tmp_path / "assumptions")
    tender = tmp_path / "t.toml"
    tender.write_text(
        'format = "lcc.tender/1"\nname = "T"\nassumptions = "assumptions/sweden-2025.toml"\n'
        '[study]\nperiod = "10 yr"\ndiscount_rate = 0.04\n'
        '[[alternatives]]\nname = "A"\n[[alternatives.items]]\ntype = "Investment"\n'
        'amount = "1000 SEK"\n[overrides]\n"study.discount_rate" = "Policy 2026"\n',
        encoding="utf-8")
    lines = _out(capsys, "evaluate", tender, "--lang", lang)
    assert line in lines
    for fmt in ("md", "html", "xlsx"):
        assert main(["report", str(tender), "-o", str(tmp_path / f"r.{fmt}"), "--no-charts",
                     "--lang", lang]) == 0


def _set_tender(tmp_path: Path, price: str, extra: str = "") -> Path:
    import shutil

    shutil.copytree(EXAMPLES / "assumptions", tmp_path / "assumptions")
    tender = tmp_path / "t.toml"
    tender.write_text(
        'format = "lcc.tender/1"\nname = "T"\nassumptions = "assumptions/sweden-2025.toml"\n'
        '[study]\nperiod = "10 yr"\n[[alternatives]]\nname = "A"\n[[alternatives.items]]\n'
        'type = "Energy"\nannual = "1000 kWh/yr"\nprice = { parameter = "electricity_price" }\n'
        f'[parameters.electricity_price]\nvalue = "{price}"\n{extra}', encoding="utf-8")
    return tender


@pytest.mark.parametrize("price", ["1500 SEK/MWh", "150 öre/kWh"])
def test_a_set_value_restated_in_another_unit_keeps_the_sets_distribution(
        tmp_path: Path, price: str) -> None:
    """The set holds electricity_price = 1.5 SEK/kWh with triang(loc = 0.75, scale = 2.25),
    bare numbers in SEK/kWh. A tender restating the same price as 1500 SEK/MWh was refused
    ('draws 0.75 SEK/MWh to 3 SEK/MWh, but the value is 1500 SEK/MWh'): the set's numbers
    were read in the tender's unit. They are the set's: 0.75 SEK/kWh = 750 SEK/MWh =
    75 öre/kWh, so the Monte Carlo run is the set's own."""
    import lcc
    from lcc.sensitivity import monte_carlo

    tender = lcc.load_tender(_set_tender(tmp_path, price))
    p = tender.parameter("electricity_price")
    assert p is not None and p.distribution is not None
    factor = 1000.0 if "MWh" in price else 100.0
    assert p.distribution.kwds == pytest.approx(
        {"c": 1 / 3, "loc": 0.75 * factor, "scale": 2.25 * factor})
    same = lcc.load_tender(_set_tender(tmp_path / "kwh", "1.5 SEK/kWh"))
    runs = [monte_carlo(list(t.alternatives), t.study, n=500, seed=3).summary.loc["A", "mean"]
            for t in (tender, same)]
    assert runs[0] == pytest.approx(runs[1], rel=1e-12)


def test_a_set_range_in_another_currency_is_quoted_as_written(tmp_path: Path) -> None:
    """The message quoted the set's low as a pint object: got <Quantity(0.75, 'SEK /
    kilowatt_hour')>."""
    import lcc

    with pytest.raises(lcc.TenderError) as info:
        lcc.load_tender(_set_tender(tmp_path, "0.13 EUR/kWh"))
    messages = [e.message for e in info.value.errors]
    assert "got '0.75 SEK/kWh', which does not have the dimension of the value (EUR/kWh)" \
        in messages


def test_a_report_seed_without_its_monte_carlo_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'--no-monte-carlo --seed 3' wrote the report and dropped the seed without a word."""
    assert main(["report", str(STREET), "-o", str(tmp_path / "r.md"), "--no-monte-carlo",
                 "--seed", "3"]) == 2
    assert capsys.readouterr().err == (
        "lcc: error: --seed is the seed of the Monte Carlo analysis, which this report leaves "
        "out; give --monte-carlo N, or leave out --seed\n")


def test_a_monte_carlo_the_report_cannot_run_says_how_to_leave_it_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The report runs the tender's Monte Carlo; one that cannot run (a count drawn as 0)
    stopped the report without saying that --no-monte-carlo leaves it out."""
    text = (EXAMPLES / "pumps.toml").read_text(encoding="utf-8")
    import shutil

    shutil.copytree(EXAMPLES / "assumptions", tmp_path / "assumptions")
    assert 'parameters = [' in text
    tender = tmp_path / "p.toml"
    tender.write_text(text.replace("[parameters.pumps]\n", "[parameters.pumps]\n"
                                   "distribution = { name = \"poisson\", mu = 3 }\n")
                      .replace("parameters = [", "parameters = [\"pumps\", ", 1),
                      encoding="utf-8")
    assert main(["report", str(tender), "-o", str(tmp_path / "r.md")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("lcc: error: distribution of 'pumps': it draws 0")
    assert err.endswith("(the report runs the Monte Carlo analysis of the tender's "
                        "[sensitivity] monte_carlo; --no-monte-carlo leaves it out)\n")
    assert main(["report", str(tender), "-o", str(tmp_path / "r.md"), "--no-monte-carlo"]) == 0


def test_a_set_rate_restated_in_percent_is_the_same_rate(tmp_path: Path) -> None:
    """The set's discount rate is 0.035 with uniform(loc = 0.01, scale = 0.05), fractions;
    '3.5 %' in the tender conflicted on value, low and high (0.035 ≠ '3.5 %' in the check),
    though it is the same rate. Its distribution is the set's, in percent: loc 1, scale 5."""
    import shutil

    import lcc

    shutil.copytree(EXAMPLES / "assumptions", tmp_path / "assumptions")
    tender = tmp_path / "t.toml"
    tender.write_text(
        'format = "lcc.tender/1"\nname = "T"\nassumptions = "assumptions/sweden-2025.toml"\n'
        '[study]\nperiod = "10 yr"\n[[alternatives]]\nname = "A"\n[[alternatives.items]]\n'
        'type = "Investment"\namount = "1000 SEK"\n'
        '[parameters.discount_rate]\nvalue = "3.5 %"\n', encoding="utf-8")
    p = lcc.load_tender(tender).parameter("discount_rate")
    assert p is not None and p.distribution is not None
    assert p.distribution.kwds == pytest.approx({"loc": 1.0, "scale": 5.0})


def test_a_set_whose_discrete_distribution_cannot_follow_another_unit(tmp_path: Path) -> None:
    """randint(8, 13) years cannot be months: its draws are whole numbers of its unit. It was
    refused as 'draws 8 month to 12 month', a distribution the tender never wrote."""
    import lcc

    (tmp_path / "set.toml").write_text(
        'format = "lcc.assumptions/1"\nname = "S"\nversion = "1"\n'
        'valid_from = 2025-01-01\nowner = "Region X"\n[study]\n'
        'discount_rate = 0.03\n[parameters.life]\nvalue = "10 yr"\n'
        'distribution = { name = "randint", low = 8, high = 13 }\n', encoding="utf-8")
    tender = tmp_path / "t.toml"
    tender.write_text(
        'format = "lcc.tender/1"\nname = "T"\nassumptions = "set.toml"\n[study]\n'
        'period = "20 yr"\n[parameters.life]\nvalue = "120 month"\n[[alternatives]]\n'
        'name = "A"\n[[alternatives.items]]\ntype = "Investment"\namount = "1000 SEK"\n'
        'life = { parameter = "life" }\n', encoding="utf-8")
    with pytest.raises(lcc.TenderError) as info:
        lcc.load_tender(tender)
    [e] = info.value.errors
    assert (e.line, e.path, e.code) == (7, "parameters.life.value", "wrong-unit")
    assert e.message == ("got '120 month', in another unit than the assumption set's value "
                         "10 yr, whose distribution draws whole numbers of that unit; write the "
                         "value in the set's unit, or give the distribution too")
