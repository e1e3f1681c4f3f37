"""A rate written as a text without a unit is a bare number: '4' is refused as 4 is.

The rule (DESIGN §6): a bare rate of 1 or more (or −1 or less) is refused with the
percentage reading offered, so a kalkylränta of 4 is never read as 400 %. It held for
the number 4 but not for the text ``"4"``: ``Study(discount_rate="4")``, a tender
file's ``discount_rate = "4"`` (as YAML and CSV tools write it), ``escalation="3"``
and a scenario's ``{"discount_rate": "4"}`` were read as 400 % and 300 %. A text with
a unit (``"400 %"``) still says what it means.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import lcc
import lcc.io
from lcc import LCCError
from lcc.sensitivity import scenarios

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("text", "x", "percent"), [
    ("4", "4", "4 %"), (" 4 ", "4", "4 %"), ("4,5", "4.5", "4.5 %"), ("1", "1", "1 %"),
    ("-2", "-2", "-2 %"), ("\u22122", "-2", "-2 %"),
])
def test_a_bare_rate_text_is_refused_with_the_percentage_offered(text: str, x: str,
                                                                 percent: str) -> None:
    for build, field in ((lambda v: lcc.Study("10 yr", v), "Study.discount_rate"),
                         (lambda v: lcc.Study("10 yr", 0.03, inflation=v), "Study.inflation"),
                         (lambda v: lcc.Energy(annual="1 kWh/yr", price="1 SEK/kWh",
                                               escalation=v), "Energy.escalation")):
        with pytest.raises(LCCError) as info:
            build(text)
        assert (info.value.field, info.value.code) == (field, "invalid-value")
        assert f"got the bare number {x};" in str(info.value)
        assert f"Write '{percent}'" in str(info.value)


@pytest.mark.parametrize(("text", "rate"), [("0,04", 0.04), ("0.04", 0.04), ("4 %", 0.04),
                                            ("4,5 %", 0.045), ("400 %", 4.0)])
def test_rates_that_say_what_they_mean(text: str, rate: float) -> None:
    assert lcc.Study("10 yr", text)._rate.value == pytest.approx(rate, rel=1e-15)


def test_in_a_tender_file() -> None:
    text = """name = "T"
[study]
period = "10 yr"
discount_rate = "4"
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Investment"
amount = "1000 SEK"
"""
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(text)
    [issue] = info.value.errors
    assert (issue.code, issue.path) == ("invalid-value", "study.discount_rate")
    assert "did you mean 4 % = 0.04?" in issue.message
    # 1 000 SEK at t = 0 is 1 000 SEK at any rate; "4 %" is read
    assert lcc.io.loads_tender(text.replace('"4"', '"4 %"')).evaluate()["A"].value == 1000.0


def test_in_scenarios_from_python_and_from_a_file(tmp_path: Path) -> None:
    tender = lcc.io.load_tender(ROOT / "examples" / "street-lighting.toml")
    with pytest.raises(LCCError, match=r"got the bare number 4; .*400 %"):
        scenarios(list(tender.alternatives), tender.study, {"high": {"discount_rate": "4"}})
    text = (ROOT / "examples" / "street-lighting.toml").read_text(encoding="utf-8")
    assert 'discount_rate = "5 %"' in text
    path = tmp_path / "street-lighting.toml"
    path.write_text(text.replace('discount_rate = "5 %"', 'discount_rate = "5"').replace(
        'assumptions = "', f'assumptions = "{(ROOT / "examples").as_posix()}/'),
        encoding="utf-8")
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.load_tender(path)
    assert [(e.code, e.path) for e in info.value.errors] == [
        ("invalid-value", "scenarios.rate_5_percent.discount_rate")]


def test_a_calculators_rate_input() -> None:
    from lcc.templates import street_lighting

    bid = {"luminaires": 250, "power": "45 W", "price": "4950 SEK", "control_savings": 0.2,
           "maintenance": "40 SEK/yr", "life": "100000 h", "operating_hours": "4000 h/yr",
           "electricity_price": "1.5 SEK/kWh"}
    with pytest.raises(LCCError, match=r"got the bare number 2; .*200 %"):
        street_lighting.alternative("A", **bid, escalation="2")
    assert street_lighting.alternative("A", **bid, escalation="2 %") is not None


@pytest.mark.parametrize("share", [60, "60", 1.2, "1,2"])
def test_a_bare_profile_share_above_one_is_a_percentage(share: object) -> None:
    """The pump's load shares have no upper bound (a step may run above the duty point),
    so 60 meant as 60 % was read as 60 times the duty-point power. A bare share above 1 is
    refused with the percentage offered; '120 %' says what it means: 2 000 h × 10 kW × 1.2
    / 0.8 = 30 000 kWh/yr at 1 SEK/kWh over one year at 0 %."""
    from lcc.templates import pump_motor

    def pump(load: object) -> lcc.Alternative:
        return pump_motor.alternative("P", shaft_power="10 kW", efficiency=0.8,
                                      price="50000 SEK", load_profile=[("2000 h/yr", load)],
                                      electricity_price="1 SEK/kWh")

    with pytest.raises(LCCError, match=r"step 1: got the bare number .*did you mean") as info:
        pump(share)
    assert (info.value.field, info.value.code) == ("pump_motor.load_profile", "invalid-value")
    energy = lcc.evaluate(pump("120 %"), lcc.Study("1 yr", 0.0)).by_category["energy"]
    assert energy == pytest.approx(30_000.0, rel=1e-12)
    assert lcc.evaluate(pump("0,6"), lcc.Study("1 yr", 0.0)).by_category["energy"] == \
        pytest.approx(15_000.0, rel=1e-12)


# ------------------------------------------------------------------ distributions of a rate

def _escalated(esc: lcc.Parameter) -> list[lcc.Alternative]:
    return [lcc.Alternative("A", lcc.Recurring("1000 SEK/yr", escalation=esc)),
            lcc.Alternative("B", lcc.Recurring("1100 SEK/yr"))]


def test_a_bare_distribution_of_a_rate_held_as_a_fraction_is_refused() -> None:
    """A rate held as a plain number draws its distribution as fractions: a tender's
    ``triangular(1, 2, 3)`` for an escalation held as 0.02 drew 100 % to 300 % a year and
    gave B a mean LCC of 62 billion SEK without a word. A distribution that never draws the
    value is refused (the percentage reading offered); one that does but holds a bare
    number of 1 or more is refused as a bare rate is, and where the numbers stand is said
    after the field."""
    from lcc.sensitivity import Triangular

    with pytest.raises(LCCError) as info:
        lcc.Parameter("esc", 0.02, distribution=Triangular.of(1, 2, 3))
    assert (info.value.field, info.value.code) == ("Parameter.distribution", "invalid-value")
    assert str(info.value) == (
        "Parameter 'esc'.distribution: draws 1 to 3, but the value is 0.02, which it never "
        "draws; did you mean 1 % to 3 %? Bare numbers in a distribution are in the value's unit "
        "(a plain number, 0.01 is 1 %): write them with '%'")
    # no real change of the price, from -2 % to 3 % meant: -200 % to 300 %
    with pytest.raises(LCCError) as info:
        _escalated(lcc.Parameter("esc", 0.0, distribution=Triangular.of(-2, 0, 3)))
    assert (info.value.field, info.value.code) == ("Recurring.escalation", "invalid-value")
    assert str(info.value) == (
        "Recurring.escalation: the distribution of Parameter 'esc' holds the bare number -2; a "
        "rate is a fraction per year, so this would be -200 %; did you mean -2 % = -0.02? Write "
        "'-2 %' or -0.02 (a rate of -200 % is written as text, '-200 %')")
    assert info.value.message_in("sv").startswith(
        "Recurring.escalation (prisförändring): fördelningen för parametern 'esc' innehåller "
        "talet -2 utan enhet; en ränta anges som andel per år, så detta vore -200 %")
    # the value, low and high are named the same way
    with pytest.raises(LCCError, match=r"^Recurring.escalation: the high of Parameter 'esc' "
                                       r"holds the bare number 3; .* 300 %"):
        _escalated(lcc.Parameter("esc", 0.02, low=0.01, high=3))


def test_a_distribution_of_a_rate_that_says_what_it_means() -> None:
    """Written with '%', as fractions, or bare for a parameter held in percent: the same
    draws, 1 % to 3 % a year."""
    from lcc.sensitivity import Triangular, monte_carlo

    draws = []
    for esc in (lcc.Parameter("esc", 0.02, distribution=Triangular.of("1 %", "2 %", "3 %")),
                lcc.Parameter("esc", 0.02, distribution=Triangular.of(0.01, 0.02, 0.03)),
                lcc.Parameter("esc", "2 %", distribution=Triangular.of(1, 2, 3))):
        result = monte_carlo(_escalated(esc), lcc.Study("20 yr", 0.03), n=256, seed=5)
        scale = 0.01 if esc.unit is not None else 1.0  # '2 %' draws in %, its own unit
        draws.append(result.inputs["esc"].to_numpy() * scale)
        # A's LCC lies between 1 000 SEK a year escalated at 1 % and at 3 %, 20 years at 3 %
        at = [sum(1000 * (1 + e)**t / 1.03**t for t in range(1, 21)) for e in (0.01, 0.03)]
        assert at[0] <= float(result.lcc["A"].min()) <= float(result.lcc["A"].max()) <= at[1]
    assert draws[0] == pytest.approx(draws[1], rel=1e-12)
    assert draws[0] == pytest.approx(draws[2], rel=1e-12)
    assert float(draws[0].min()) >= 0.01 and float(draws[0].max()) <= 0.03


def test_a_scipy_distribution_of_a_rate_is_asked_what_it_draws() -> None:
    """What a scipy distribution draws is asked where a rate field reads its parameter:
    ``uniform(0, 1.5)`` for an escalation held as 0.02 is 0 % to 150 %."""
    from scipy import stats

    from lcc.sensitivity import Uniform, monte_carlo

    esc = lcc.Parameter("esc", 0.02, distribution=stats.uniform(0, 1.5))
    with pytest.raises(LCCError) as info:
        _escalated(esc)
    assert (info.value.field, info.value.code) == ("Recurring.escalation", "invalid-value")
    assert info.value.parameter == ("esc", "distribution")
    import pickle

    again = pickle.loads(pickle.dumps(info.value))
    assert (again.parameter, again.field, str(again)) == (
        ("esc", "distribution"), "Recurring.escalation", str(info.value))
    assert str(info.value).startswith(
        "Recurring.escalation: the distribution of Parameter 'esc' draws values from 0 to 1.5; "
        "a rate is a fraction per year, so this would be 0 % to 150 %; if its numbers are "
        "percentages, write the parameter's value in percent")
    alts = _escalated(lcc.Parameter("esc", 0.02, distribution=stats.uniform(0, 0.05)))
    study = lcc.Study("20 yr", 0.03)
    # distributions given to the analysis, for a parameter and for the study's discount rate
    for key, dist in (("esc", Uniform.of(-1, 3)), ("discount_rate", stats.norm(0.03, 0.5))):
        with pytest.raises(LCCError) as info:
            monte_carlo(alts, study, {"esc": None, key: dist}, n=64, seed=1)
        assert (info.value.field, info.value.code) == ("monte_carlo.distributions",
                                                       "invalid-value")
        assert str(info.value).startswith(f"distributions[{key!r}]: ")
        assert "this would be" in str(info.value)
    # 1 % to 5 %: the discount rate's draws are fractions
    result = monte_carlo(alts, study, {"esc": None, "discount_rate": Uniform.of("1 %", "5 %")},
                         n=64, seed=1)
    assert float(result.inputs["discount_rate"].min()) >= 0.01
    assert float(result.inputs["discount_rate"].max()) <= 0.05


def test_a_bare_distribution_of_a_rate_in_a_tender_file() -> None:
    text = """name = "T"
[study]
period = "20 yr"
discount_rate = "4 %"
[parameters.esc]
value = 0.0
distribution = { name = "triangular", low = -2, mode = 0, high = 3 }
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Recurring"
amount_per_year = "1000 SEK/yr"
escalation = { parameter = "esc" }
"""
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(text)
    [issue] = info.value.errors
    assert (issue.code, issue.path, issue.line) == ("invalid-value",
                                                    "parameters.esc.distribution", 7)
    assert issue.message.startswith("the distribution of Parameter 'esc' holds the bare "
                                    "number -2; ")
    assert issue.message.endswith("(read by alternatives[0].items[0].escalation)")
    # scipy's by name: its ends, without importing scipy for a bounded one
    scipy_text = text.replace('name = "triangular", low = -2, mode = 0, high = 3',
                              'name = "uniform", loc = -1, scale = 4')
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(scipy_text)
    [issue] = info.value.errors
    assert (issue.path, issue.line) == ("parameters.esc.distribution", 7)
    assert issue.message.startswith("the distribution of Parameter 'esc' draws values from -1 "
                                    "to 3; a rate is a fraction per year, so this would be "
                                    "-100 % to 300 %")
    # one that never draws the value 0 is refused as such first
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(scipy_text.replace("loc = -1, scale = 4", "loc = 1, scale = 2"))
    [issue] = info.value.errors
    assert (issue.path, issue.line) == ("parameters.esc.distribution", 7)
    assert issue.message.startswith("draws 1 to 3, but the value is 0, which it never draws")
    assert lcc.io.loads_tender(scipy_text.replace("loc = -1, scale = 4",
                                                  "loc = -0.01, scale = 0.04"))
    # held in percent, the same numbers are percentages
    tender = lcc.io.loads_tender(text.replace("value = 0.0", 'value = "0 %"'))
    assert tender.alternatives[0].parameters()[0].unit_text == "%"


def test_a_distribution_without_finite_ends_is_left_to_the_sampling_checks() -> None:
    """What a distribution with a NaN parameter draws cannot be asked; its draws are refused
    as not finite, and no figure in a message is NaN from the new checks."""
    import warnings

    import numpy as np
    from scipy import stats

    from lcc.sensitivity import monte_carlo

    alts = _escalated(lcc.Parameter("esc", 0.02, distribution=stats.uniform(np.nan, 1)))
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        with pytest.raises(LCCError, match=r"^distribution of 'esc': it gives the value nan at "
                                           r"the cumulative probability .*expected finite"):
            monte_carlo(alts, lcc.Study("20 yr", 0.03), n=64, seed=1)


# ------------------------------------------------------------------ lcc.evaluate's overrides

def test_an_override_is_read_as_an_analysis_reads_its_values() -> None:
    """``lcc.evaluate(..., overrides=)`` took raw numbers: ``{'discount_rate': 5}`` was 500 %
    and ``Q_(5, '%')`` was read as 5, 500 % too (an LCC of 1 020 SEK instead of 2 496 SEK,
    without a word); a text stopped with a ValueError and a list with an AttributeError.
    One value is now read as a tornado range or a scenario reads it."""
    esc = lcc.Parameter("esc", "2 %")
    price = lcc.Parameter("price", "1.5 SEK/kWh")
    alt = lcc.Alternative("A", lcc.Investment("1000 SEK", life="20 yr"),
                          lcc.Recurring("100 SEK/yr", escalation=esc),
                          lcc.Energy(annual="100 kWh/yr", price=price))
    study = lcc.Study("20 yr", 0.03)

    def lcc_at(d: float, e: float, p: float) -> float:  # 20 years, amounts at each year's end
        return 1000 + sum((100 * (1 + e)**t + 100 * p) / (1 + d)**t for t in range(1, 21))

    def total(**overrides: object) -> float:
        return float(lcc.evaluate(alt, study, overrides=overrides).value)

    for rate in (0.05, "5 %", "5%", lcc.Q_(5, "%"), lcc.Q_(0.05, "")):
        assert total(discount_rate=rate) == pytest.approx(lcc_at(0.05, 0.02, 1.5), rel=1e-12)
    for e in (0.03, "3 %", lcc.Q_(3, "%")):  # a rate held in % still reads fractions
        assert total(esc=e) == pytest.approx(lcc_at(0.03, 0.03, 1.5), rel=1e-12)
    for p in (0.75, "75 öre/kWh", lcc.Q_(750, "SEK/MWh")):
        assert total(price=p) == pytest.approx(lcc_at(0.03, 0.02, 0.75), rel=1e-12)
    for key, bare in (("discount_rate", 5), ("esc", 3)):
        with pytest.raises(LCCError) as info:
            total(**{key: bare})
        assert (info.value.field, info.value.code) == (f"overrides.{key}", "invalid-value")
        assert f"overrides[{key!r}]: got the bare number {bare}; a rate is a fraction per " \
               f"year, so this would be {bare}00 %" in str(info.value)
    with pytest.raises(LCCError, match=r"does not have the dimension of the value"):
        total(price="0.1 EUR/kWh")
    with pytest.raises(LCCError) as info:
        lcc.evaluate(alt, study, overrides=[("esc", 0.03)])
    assert (info.value.field, info.value.code) == ("overrides", "wrong-type")
    # samples are in the parameter's own unit, as Monte Carlo draws them; a rate held as a
    # plain number draws fractions
    r = lcc.evaluate(alt, study, overrides={"esc": [2, 3], "discount_rate": [0.03, 0.03]})
    assert r.value.tolist() == pytest.approx([lcc_at(0.03, 0.02, 1.5),
                                              lcc_at(0.03, 0.03, 1.5)], rel=1e-12)
    with pytest.raises(LCCError, match=r"got the bare number 3; .* 300 %"):
        lcc.evaluate(alt, study, overrides={"discount_rate": [0.03, 3]})
    # a tender passes its overrides on
    tender = lcc.io.loads_tender("""name = "T"
[study]
period = "20 yr"
discount_rate = "3 %"
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Recurring"
amount_per_year = "100 SEK/yr"
""")
    with pytest.raises(LCCError, match=r"got the bare number 4; .* 400 %"):
        tender.evaluate(overrides={"discount_rate": 4})
    assert float(tender.evaluate(overrides={"discount_rate": "4 %"})["A"].value) == \
        pytest.approx(sum(100 / 1.04**t for t in range(1, 21)), rel=1e-12)
