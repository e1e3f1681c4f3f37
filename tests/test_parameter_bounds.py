"""A field's bounds hold for every value an analysis gives the Parameter that stands in it.

A field refused a life of 600 years or a negative price as a value, but a Parameter's
``low``/``high``, a tornado's ranges, a scenario's values, a break-even bracket and the top
of a distribution were evaluated outside them without a word. And a discount rate held by a
Parameter in percent (``Parameter("discount_rate", "3 %")``, as the docs write it) read a
scenario's ``"5 %"`` as 0.05 % and a tornado range ``("1 %", "5 %")`` as 0.01–0.05 %.
"""

from __future__ import annotations

import pandas as pd
import pytest

import lcc
from lcc import LCCError
from lcc.sensitivity import Uniform, break_even, monte_carlo, scenarios, tornado


def _bids(price: object = "1.5 SEK/kWh", life: object = "20 yr") -> list[lcc.Alternative]:
    return [lcc.Alternative("A", lcc.Investment("1000 SEK", life=life),
                            lcc.Energy(annual="100 kWh/yr", price=price)),
            lcc.Alternative("B", lcc.Investment("1500 SEK", life="40 yr"),
                            lcc.Energy(annual="50 kWh/yr", price=price))]


# ------------------------------------------------------------------ low and high of a Parameter

@pytest.mark.parametrize(("build", "field", "words"), [
    (lambda: lcc.Investment("1000 SEK", life=lcc.Parameter("life", "20 yr", high="600 yr")),
     "Investment.life", r"Investment.life: got 600 yr, the high of Parameter 'life'; expected "
                        r"at most 500 years"),
    (lambda: lcc.Investment("1000 SEK", life=lcc.Parameter("life", "20 yr", low="0 yr")),
     "Investment.life", r"Investment.life: got 0 yr, the low of Parameter 'life'; expected a "
                        r"duration > 0"),
    (lambda: lcc.Replacement("300 SEK", every=lcc.Parameter("every", "8 yr", low="0 yr")),
     "Replacement.every", r"the low of Parameter 'every'"),
    (lambda: lcc.Energy(annual="100 kWh/yr",
                        price=lcc.Parameter("el", "1.5 SEK/kWh", low="-1 SEK/kWh")),
     "Energy.price", r"Energy.price: got -1 SEK/kWh, the low of Parameter 'el'; expected .* >= 0"),
    (lambda: lcc.Study("10 yr", lcc.Parameter("discount_rate", "3 %", low="-150 %")),
     "Study.discount_rate", r"got -150 %, the low of Parameter 'discount_rate'; expected a rate "
                            r"> -1"),
    (lambda: lcc.Investment("1000 SEK", residual=lcc.Parameter("rv", 0.2, high=1.5), life="9 yr"),
     "Investment.residual", r"got 1.5, the high of Parameter 'rv'"),
])
def test_low_and_high_keep_the_field_bounds(build, field: str, words: str) -> None:
    with pytest.raises(LCCError, match=words) as info:
        build()
    assert info.value.field == field
    assert info.value.code == "invalid-value"


def test_in_swedish_and_in_a_tender_file() -> None:
    with pytest.raises(LCCError) as info:
        lcc.Investment("1000 SEK", life=lcc.Parameter("life", "20 yr", high="600 yr"))
    assert "600 yr, high för parametern 'life'" in info.value.message_in("sv")
    text = """name = "T"
[study]
period = "20 yr"
discount_rate = 0.03
[parameters.life]
value = "20 yr"
high = "600 yr"
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Investment"
amount = "1000 SEK"
life = { parameter = "life" }
"""
    with pytest.raises(lcc.io.TenderError) as err:
        lcc.io.loads_tender(text)
    [issue] = err.value.errors
    # the error stands where the number is written, and names the field that reads it
    assert (issue.code, issue.path) == ("invalid-value", "parameters.life.high")
    assert issue.message.startswith("got 600 yr, the high of Parameter 'life'; expected at "
                                    "most 500 years")
    assert issue.message.endswith(" (read by alternatives[0].items[0].life)")
    assert issue.line == 7
    assert lcc.io.loads_tender(text.replace('"600 yr"', '"40 yr"')).evaluate()


# --------------------------------------------------------- values an analysis gives a Parameter

def test_tornado_ranges_scenarios_and_brackets_keep_the_bounds() -> None:
    price = lcc.Parameter("price", "1.5 SEK/kWh")
    life = lcc.Parameter("life", "20 yr")
    alts, study = _bids(price, life), lcc.Study("40 yr", 0.03)
    with pytest.raises(LCCError, match=r"ranges\['price'\]: parameter 'price' got -1 SEK/kWh; "
                                       r"the inputs it stands in take values >= 0 SEK/kWh") as i:
        tornado(alts, study, ranges={"price": ("-1 SEK/kWh", "2 SEK/kWh")})
    assert i.value.field == "tornado.ranges"
    with pytest.raises(LCCError, match=r"parameter 'life' got 600 yr; the inputs it stands in "
                                       r"take values <= 500 yr"):
        tornado(alts, study, ranges={"life": ("10 yr", "600 yr")})
    with pytest.raises(LCCError, match=r"scenarios\['neg'\]\['price'\]: parameter 'price' got "
                                       r"-1 SEK/kWh") as i:
        scenarios(alts, study, {"neg": {"price": "-1 SEK/kWh"}})
    assert i.value.field == "scenarios.scenarios"
    with pytest.raises(LCCError, match="take values <= 500 yr"):
        scenarios(alts, study, {"long": {"life": "600 yr"}})
    with pytest.raises(LCCError, match=r"bracket of 'price': parameter 'price' got -5 SEK/kWh"):
        break_even(alts, study, "price", bracket=("-5 SEK/kWh", "5 SEK/kWh"))
    with pytest.raises(LCCError, match=r"parameter 'discount_rate' got -1; the inputs it stands "
                                       r"in take values > -1 "):
        scenarios(alts, study, {"r": {"discount_rate": "-100 %"}})
    with pytest.raises(LCCError, match=r"draws values up to 700 yr, above 500 yr, the most "
                                       r"this input takes") as i:
        monte_carlo(alts, study, {"life": Uniform.of("10 yr", "700 yr")}, n=64)
    assert i.value.field == "monte_carlo.distributions"
    # inside the bounds the same calls run: price 0 is allowed (>= 0), a life of 500 years too
    assert tornado(alts, study, ranges={"price": ("0 SEK/kWh", "2 SEK/kWh"),
                                        "life": ("10 yr", "500 yr")}) is not None


def test_the_bounds_of_every_field_a_parameter_stands_in() -> None:
    """A Parameter used as a quantity (> 0) and as a residual fraction (>= 0, <= 1): the
    tighter bounds of both."""
    share = lcc.Parameter("share", 0.5)
    alts = [lcc.Alternative("A", lcc.Investment("1000 SEK", life="9 yr", residual=share),
                            quantity=share),
            lcc.Alternative("B", lcc.Investment("1200 SEK"))]
    study = lcc.Study("10 yr", 0.03)
    for bad, words in ((-0.1, "> 0"), (0, "> 0"), (1.5, "<= 1")):
        with pytest.raises(LCCError, match=f"parameter 'share' got {bad:g}; the inputs it "
                                           f"stands in take values {words}"):
            scenarios(alts, study, {"s": {"share": bad}})


# ------------------------------------------------------- a discount rate Parameter in percent

def test_a_percent_discount_rate_parameter_reads_scenarios_and_ranges_in_percent() -> None:
    """At 5 %: A = 1 000 + 1 000 × 1.05^−20 + 150 × (1 − 1.05^−40) / 0.05
    = 1 000 + 376.89 + 2 573.86 = 3 950.75 SEK; B = 1 500 + 75 × 17.159 = 2 786.93 SEK."""
    a5 = 1000 + 1000 * 1.05**-20 + 150 * (1 - 1.05**-40) / 0.05
    b5 = 1500 + 75 * (1 - 1.05**-40) / 0.05
    assert a5 == pytest.approx(3950.7524, abs=1e-4) and b5 == pytest.approx(2786.9315, abs=1e-4)
    for rate in (lcc.Parameter("discount_rate", "3 %", low="1 %", high="5 %"),
                 lcc.Parameter("kalkylranta", "3 %", low="1 %", high="5 %"),
                 lcc.Parameter("discount_rate", 0.03, low=0.01, high=0.05)):
        study = lcc.Study("40 yr", rate)
        table = scenarios(_bids(), study, {"five": {"discount_rate": "5 %"}})
        assert table.loc["five", ("lcc", "A")] == pytest.approx(a5, rel=1e-12)
        assert table.loc["five", ("lcc", "B")] == pytest.approx(b5, rel=1e-12)
        given = pd.DataFrame(tornado(_bids(), study,
                                     ranges={"discount_rate": ("1 %", "5 %")}))
        declared = pd.DataFrame(tornado(_bids(), study))
        row = given[given.alternative == "A"].iloc[0]
        assert row.lcc_high == pytest.approx(a5, rel=1e-12)
        pd.testing.assert_frame_equal(given, declared)
    # a rate is a fraction or a percentage as text, whatever its parameter's unit: 0.05 is
    # 5 % and a bare 5 is refused with the percentage offered, as in every rate field
    for rate in (lcc.Parameter("discount_rate", "3 %", low="1 %", high="5 %"),
                 lcc.Parameter("esc", "2 %")):
        study = lcc.Study("40 yr", rate if rate.name == "discount_rate" else 0.05)
        bids = _bids() if rate.name == "discount_rate" else [
            lcc.Alternative("A", lcc.Recurring("100 SEK/yr", escalation=rate)),
            lcc.Alternative("B", lcc.Recurring("90 SEK/yr"))]
        name = rate.name
        table = scenarios(bids, study, {"a": {name: 0.05}, "b": {name: "5 %"}})
        assert table.loc["a", ("lcc", "A")] == table.loc["b", ("lcc", "A")]
        with pytest.raises(LCCError, match=r"got the bare number 5; .* did you mean 5 % = "
                                           r"0\.05\?"):
            scenarios(bids, study, {"c": {name: 5}})
        with pytest.raises(LCCError, match=r"low: got the bare number 1; .* did you mean 1 %"):
            tornado(bids, study, ranges={name: (1, 5)})
    # the escalation at 5 %: Σ 100 × 1.05^k × 1.05^−k over 40 years = 4 000 SEK
    esc = lcc.Parameter("esc", "2 %")
    table = scenarios([lcc.Alternative("A", lcc.Recurring("100 SEK/yr", escalation=esc)),
                       lcc.Alternative("B", lcc.Recurring("90 SEK/yr"))],
                      lcc.Study("40 yr", 0.05), {"five": {"esc": 0.05}})
    assert table.loc["five", ("lcc", "A")] == pytest.approx(4000.0, rel=1e-12)


def test_a_life_in_burning_hours_over_500_years_shows_its_conversion() -> None:
    """5 000 000 h at 4 000 h/yr is 1 250 years: the message shows that arithmetic, not
    advice to write the life in hours (it was)."""
    with pytest.raises(LCCError) as info:
        lcc.Investment("900 SEK", life="5000000 h", hours="4000 h/yr")
    assert str(info.value) == ("Investment.life: got 5000000 h × 1/4000 h/yr = 1250 yr; expected "
                               "at most 500 years, the longest study lcc evaluates")
    assert info.value.field == "Investment.life"
    assert "ange högst 500 år, den längsta kalkylperiod lcc beräknar" in \
        info.value.message_in("sv")
    # 50 000 h at 4 000 h/yr = 12.5 years is read
    lcc.Investment("900 SEK", life="50000 h", hours="4000 h/yr")


def test_a_bare_bound_of_a_percent_parameter_is_a_fraction() -> None:
    """Parameter('r', '3 %', low=0.01) was refused with 'write it in the unit of the value,
    e.g. '0.01 %'' — the advice read 1 % as 0.01 %. A bare number is a fraction: 0.01 is 1 %;
    1 or more would be 100 % or more and is refused with the percentage offered."""
    rate = lcc.Parameter("discount_rate", "3 %", low=0.01, high=0.05)
    assert (rate.low_magnitude, rate.high_magnitude) == (pytest.approx(1.0), pytest.approx(5.0))
    a5 = 1000 + 1000 * 1.05**-20 + 150 * (1 - 1.05**-40) / 0.05  # as above, at 5 %
    table = pd.DataFrame(tornado(_bids(), lcc.Study("40 yr", rate)))
    assert table[table.alternative == "A"].iloc[0].lcc_high == pytest.approx(a5, rel=1e-12)
    with pytest.raises(LCCError, match=r"Parameter 'r'.low: got the bare number 1 for a value "
                                       r"in %; a bare number is a fraction, so this would be "
                                       r"100 %; did you mean 1 % = 0.01\?"):
        lcc.Parameter("r", "3 %", low=1)
    with pytest.raises(LCCError, match=r"write it in the unit of the value, e\.g\. '1\.0 SEK/kWh'"):
        lcc.Parameter("p", "1.2 SEK/kWh", low=1)  # a bare bound of a price has no reading


def test_a_bare_value_for_a_percent_parameter_in_an_analysis_is_a_fraction() -> None:
    share = lcc.Parameter("share", "60 %")
    alts = [lcc.Alternative("A", lcc.Investment("1000 SEK"), quantity=share),
            lcc.Alternative("B", lcc.Investment("700 SEK"))]
    study = lcc.Study("10 yr", 0.03)
    # 70 % of one unit of 1 000 SEK: 700 SEK, as 0.7 and as '70 %'
    table = scenarios(alts, study, {"a": {"share": 0.7}, "b": {"share": "70 %"}})
    assert table.loc["a", ("lcc", "A")] == pytest.approx(700.0, rel=1e-15)
    assert table.loc["b", ("lcc", "A")] == pytest.approx(700.0, rel=1e-15)
    with pytest.raises(LCCError, match=r"got the bare number 70 for a value in %; .* did you "
                                       r"mean 70 % = 0\.7\?"):
        scenarios(alts, study, {"c": {"share": 70}})


def test_a_distribution_in_percent_is_read_in_percent() -> None:
    """Parameter('discount_rate', '3 %', distribution=Uniform.of('1 %', '5 %')) drew 0.01 to
    0.05 in the parameter's own unit, %: a rate of 0.01–0.05 % (mean LCC of A 7 957 SEK
    instead of 5 109 SEK). Written with '%', a distribution is in percent whatever the
    parameter's unit; written bare, in the parameter's own unit (as documented)."""
    from lcc.sensitivity import Uniform, monte_carlo

    means = []
    for rate in (lcc.Parameter("discount_rate", "3 %", distribution=Uniform.of("1 %", "5 %")),
                 lcc.Parameter("discount_rate", "3 %", distribution=Uniform.of(1, 5)),
                 lcc.Parameter("discount_rate", 0.03, distribution=Uniform.of(0.01, 0.05)),
                 lcc.Parameter("discount_rate", 0.03, distribution=Uniform.of("1 %", "5 %"))):
        result = monte_carlo(_bids(), lcc.Study("40 yr", rate), n=512, seed=3)
        means.append(float(result.lcc["A"].mean()))
    # a discount rate held as a plain number, its distribution given to the analysis: '1 %'
    # to '5 %' drew 1 to 5, rates of 100 % to 500 % (mean LCC of A 1 062 SEK, not 5 142)
    for dist in (Uniform.of("1 %", "5 %"), Uniform.of(0.01, 0.05)):
        result = monte_carlo(_bids(), lcc.Study("40 yr", 0.03), {"discount_rate": dist},
                             n=512, seed=3)
        means.append(float(result.lcc["A"].mean()))
    assert means == pytest.approx([means[0]] * 6, rel=1e-12)
    # the mean of A over a uniform rate in [1 %, 5 %] lies between A at 5 % and A at 1 %
    a = [1000 + 1000 * (1 + d)**-20 + 150 * (1 - (1 + d)**-40) / d for d in (0.05, 0.01)]
    assert a[0] < means[0] < a[1]
    with pytest.raises(LCCError, match=r"does not have the dimension of the value \(h/yr\)"):
        lcc.Parameter("h", "4000 h/yr", distribution=Uniform.of("40 %", "60 %"))


def test_a_distribution_in_percent_in_a_tender_file() -> None:
    text = """name = "T"
[study]
period = "40 yr"
discount_rate = { parameter = "discount_rate" }
[parameters.discount_rate]
value = "3 %"
distribution = { name = "uniform", low = "1 %", high = "5 %" }
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Investment"
amount = "1000 SEK"
life = "20 yr"
[[alternatives]]
name = "B"
[[alternatives.items]]
type = "Investment"
amount = "1500 SEK"
"""
    from lcc.sensitivity import monte_carlo

    tender = lcc.io.loads_tender(text)
    result = monte_carlo(tender.alternatives, tender.study, n=512, seed=3)
    draws = result.inputs["discount_rate"]
    assert float(draws.min()) >= 1.0 and float(draws.max()) <= 5.0  # in %, the parameter's unit


# ------------------------------------------------------------------ a value its distribution draws

_DR_TENDER = """name = "T"
[study]
period = "20 yr"
discount_rate = { parameter = "dr" }
[parameters.dr]
value = "3 %"
low = 0.01
high = 0.05
distribution = DIST
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Recurring"
amount_per_year = "1000 SEK/yr"
[[alternatives]]
name = "B"
[[alternatives.items]]
type = "Investment"
amount = "5000 SEK"
[[alternatives.items]]
type = "Recurring"
amount_per_year = "600 SEK/yr"
"""


def test_a_distribution_that_never_draws_the_value_is_refused() -> None:
    """A parameter holding '3 %' with low = 0.01 and high = 0.05 (fractions, 1 % and 5 %)
    and a uniform distribution from 0.01 to 0.05 drew 0.01 % to 0.05 % (bare numbers in a
    distribution are in the value's unit): Monte Carlo gave A a mean LCC of 19 937 SEK, above
    its 18 046 SEK at 1 %, while the output said 'uniform between 1 % and 5 %'. The
    comparison evaluates the value and Monte Carlo the distribution, so a distribution that
    never draws the value is refused, with the likely reading offered."""
    from scipy import stats

    from lcc.sensitivity import Triangular

    # written bare in the file: refused where it stands, when the file is read
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(_DR_TENDER.replace(
            "DIST", '{ name = "uniform", low = 0.01, high = 0.05 }'))
    [issue] = info.value.errors
    assert (issue.code, issue.path, issue.line) == ("invalid-value", "parameters.dr.distribution",
                                                    9)
    assert issue.message == (
        "draws 0.01 % to 0.05 %, but the value is 3 %, which it never draws; did you mean 1 % to "
        "5 %? Bare numbers in a distribution are in the value's unit (%): write them with '%'")
    # a scipy distribution by name: its range in closed form (no scipy), refused at its line
    # too (it loaded, and stopped the Monte Carlo command without a file or line)
    for dist, drawn in (('{ name = "uniform", loc = 0.01, scale = 0.04 }', "0.01 % to 0.05 %"),
                        ('{ name = "norm", loc = 0.03, scale = 0.001 }',
                         "0.0240022 % to 0.0359978 %")):
        with pytest.raises(lcc.io.TenderError) as info:
            lcc.io.loads_tender(_DR_TENDER.replace("DIST", dist))
        [issue] = info.value.errors
        assert (issue.code, issue.path, issue.line) == (
            "invalid-value", "parameters.dr.distribution", 9)
        assert issue.message.startswith(f"draws {drawn}, but the value is 3 %")
    # the same Parameter, built in Python with a frozen scipy distribution, and its Swedish
    with pytest.raises(LCCError) as err:
        lcc.Parameter("dr", "3 %", distribution=stats.uniform(0.01, 0.04))
    assert (err.value.field, err.value.code) == ("Parameter.distribution", "invalid-value")
    assert err.value.message_in("sv").startswith(
        "Parameter 'dr'.distribution (fördelning): ger värden från 0,01 % till 0,05 %, men "
        "värdet är "
        "3 %, som den aldrig ger; menade du 1 % till 5 %?")
    # one without a closed form (a gamma) is asked of scipy when the file is read: it loaded,
    # and stopped Monte Carlo without a file or line. Its range: loc + scale·F⁻¹(q; a = 2)
    # for q = 1e-9 and 1 − 1e-9: 0.01 (its support starts at loc) and
    # 0.01 + 0.001·23.9397 = 0.0339397, bare numbers in the value's unit (%)
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(_DR_TENDER.replace(
            "DIST", '{ name = "gamma", a = 2, loc = 0.01, scale = 0.001 }'))
    [issue] = info.value.errors
    assert (issue.code, issue.path, issue.line) == ("invalid-value", "parameters.dr.distribution",
                                                    9)
    assert issue.message == (
        "draws 0.01 % to 0.0339397 %, but the value is 3 %, which it never draws; did you mean "
        "1 % to 3.39397 %? Bare numbers in a distribution are in the value's unit (%): write "
        "them with '%'")
    # another unit: no reading to offer
    with pytest.raises(LCCError, match=r"^Parameter 'p'.distribution: draws 75 SEK/kWh to 300 "
                                       r"SEK/kWh, but the value is 1.5 SEK/kWh, which it never "
                                       r"draws; a distribution is written in the value's unit"):
        lcc.Parameter("p", "1.5 SEK/kWh", distribution=Triangular.of(75, 150, 300))
    lcc.Parameter("p", "1.5 SEK/kWh", distribution=Triangular.of("75 öre/kWh", "150 öre/kWh",
                                                                   "300 öre/kWh"))
    # given to the analysis, for a parameter and for a discount rate held as a number
    price = lcc.Parameter("price", "1.5 SEK/kWh")
    for key, dist in (("price", Uniform.of(75, 300)), ("price", stats.norm(100, 10)),
                      ("discount_rate", stats.uniform(0.05, 0.1))):
        with pytest.raises(LCCError) as err:
            monte_carlo(_bids(price), lcc.Study("40 yr", 0.03), {key: dist}, n=64, seed=1)
        assert (err.value.field, err.value.code) == ("monte_carlo.distributions",
                                                     "invalid-value")
        assert str(err.value).startswith(f"distributions[{key!r}]: draws ")
        assert "which it never draws" in str(err.value)


def test_a_discount_rate_in_percent_is_described_as_it_is_drawn(
        capsys: pytest.CaptureFixture[str]) -> None:
    """A discount rate parameter holding '3 %' with a scipy uniform(loc=1, scale=4) draws 1 %
    to 5 % (its own unit), but the command line and the report described it as 'uniform
    between 100 % and 500 %': the description looked the parameter up by the name
    'discount_rate', found none, and read the numbers as fractions."""
    import tempfile
    from pathlib import Path

    from lcc.cli import main
    from lcc.report import build

    text = _DR_TENDER.replace("DIST", '{ name = "uniform", loc = 1, scale = 4 }')
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.toml"
        path.write_text(text, encoding="utf-8")
        for command, n in (("monte-carlo", "200"), ("sobol", "64")):
            assert main(["sensitivity", str(path), command, "-n", n]) == 0
            out = capsys.readouterr().out
            assert "Discount rate: uniform between 1\u00a0% and 5\u00a0%" in out, out
    tender = lcc.io.loads_tender(text)
    mc = monte_carlo(tender.alternatives, tender.study, n=200, seed=1)
    assert float(mc.inputs["discount_rate"].min()) >= 1.0  # in %, the parameter's unit
    assert float(mc.inputs["discount_rate"].max()) <= 5.0
    for lang, words in (("en", "Discount rate: uniform between 1\u00a0% and 5\u00a0%"),
                        ("sv", "Kalkylränta: likformig mellan 1\u00a0% och 5\u00a0%")):
        text = build(tender.compare(), monte_carlo=mc, lang=lang, charts=False).markdown()
        assert words in text
        assert "500 %" not in text


# ------------------------------------------------------------------ hours of operation and years

def test_calendar_time_for_a_life_in_hours_of_operation_is_refused() -> None:
    """A life of '50000 h' is burning hours: at 4 000 h/yr, 12.5 years. A tornado range of
    ('10 yr', '15 yr') was converted by pint over every hour of the year, to 87 660 h and
    131 490 h, which the item then read as 21.9 and 32.9 years: A's LCC 'at a life of 10
    years' was 3 223 SEK, its LCC at a life of 21.9 years. Calendar time for a value in hours
    of operation (or hours for a value in years) is refused wherever a Parameter takes another
    value: low and high, a distribution's units, tornado ranges, scenarios."""
    from lcc.sensitivity import Uniform

    life = lcc.Parameter("life", "50000 h", low="40000 h", high="60000 h")
    alts = [lcc.Alternative("A", lcc.Investment("1000 SEK", life=life, hours="4000 h/yr"),
                            lcc.Recurring("100 SEK/yr")),
            lcc.Alternative("B", lcc.Investment("1500 SEK", life="20 yr"))]
    study = lcc.Study("30 yr", 0.03)
    with pytest.raises(LCCError) as info:
        tornado(alts, study, ranges={"life": ("10 yr", "15 yr")})
    assert (info.value.field, info.value.code) == ("tornado.ranges", "wrong-unit")
    assert str(info.value) == (
        "ranges['life'] low: got '10 yr', calendar time, for a value in hours of operation "
        "(50000 h); it would count as 87660 h of operation, every hour of the year. Write it in "
        "hours of operation, as the value is, or give the value in years")
    with pytest.raises(LCCError, match=r"^scenarios\['x'\]\['life'\]: got '10 yr', calendar"):
        scenarios(alts, study, {"x": {"life": "10 yr"}})
    with pytest.raises(LCCError, match=r"^Parameter 'life'.distribution: got '10 yr', calendar"):
        lcc.Parameter("life", "50000 h", distribution=Uniform.of("10 yr", "15 yr"))
    with pytest.raises(LCCError) as info:
        lcc.Parameter("life", "20 yr", low="100000 h")
    assert (info.value.field, info.value.code) == ("Parameter.low", "wrong-unit")
    assert "got '100000 h', hours of operation, for a value in calendar time (20 yr); it " \
           "would count as 11.4077 yr of calendar time" in str(info.value)
    assert "det skulle räknas som 11,4077 år kalendertid" in info.value.message_in("sv")
    # in hours, kilohours included: 40 000 h at 4 000 h/yr is a life of 10 years, bought at
    # t = 0, 10 and 20, with 100 SEK a year over 30 years, at 3 %
    a10 = 1000 * (1 + 1.03**-10 + 1.03**-20) + 100 * (1 - 1.03**-30) / 0.03
    row = pd.DataFrame(tornado(alts, study, ranges={"life": ("40 kh", "60 kh")})).iloc[0]
    assert (row.low, row.high) == (40000.0, 60000.0)
    assert row.lcc_low == pytest.approx(a10, rel=1e-12)
    # calendar units among themselves and rates of hours convert as before
    assert lcc.Parameter("life", "20 yr", low="180 months").low_magnitude == 15.0
    assert lcc.Parameter("h", "4000 h/yr", high="12 h/d").high_magnitude == \
        pytest.approx(12 * 365.25, rel=1e-12)


def test_calendar_time_for_hours_of_operation_in_a_tender_file() -> None:
    text = """name = "T"
[study]
period = "30 yr"
discount_rate = "3 %"
[parameters.life]
value = "50000 h"
low = "10 yr"
high = "60000 h"
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Investment"
amount = "1000 SEK"
life = { parameter = "life" }
hours = "4000 h/yr"
"""
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(text)
    [issue] = info.value.errors
    assert (issue.code, issue.path, issue.line) == ("wrong-unit", "parameters.life.low", 7)
    assert issue.message.startswith("got '10 yr', calendar time, for a value in hours of "
                                    "operation (50000 h)")


def test_a_rate_is_shown_as_a_percentage_by_what_the_model_reads() -> None:
    """Outputs chose 'show as a percentage' by the parameter's name (``…_rate``,
    ``…_escalation``): a discount rate held as 0.03 with ``Uniform.of('1 %', '5 %')`` was
    described in the trace and the report as 'uniform between 100 % and 500 %' (the values
    written in % read again as fractions), and an escalation named ``esc`` as 'lowest
    −0.02'. The model says which inputs are rates; a distribution written with a unit is
    shown in it."""
    from lcc.sensitivity import Triangular, monte_carlo, tornado

    rate = lcc.Parameter("discount_rate", 0.03, distribution=Uniform.of("1 %", "5 %"))
    esc = lcc.Parameter("esc", 0.0, low=-0.02, high=0.03,
                        distribution=Triangular.of(-0.02, 0.0, 0.03))
    alts = [lcc.Alternative("A", lcc.Recurring("100 SEK/yr", escalation=esc)),
            lcc.Alternative("B", lcc.Investment("500 SEK"), lcc.Recurring("50 SEK/yr"))]
    study = lcc.Study("10 yr", rate)
    trace = lcc.evaluate(alts[0], study).explain()
    assert "Discount rate: 3\u00a0%; distribution: uniform between 1\u00a0% and 5\u00a0%" in trace
    assert "Esc: 0\u00a0%; range -2\u00a0% to 3\u00a0%; distribution: triangular, lowest " \
           "-2\u00a0%, most likely 0\u00a0%, highest 3\u00a0%" in trace
    mc = monte_carlo(alts, study, n=64, seed=1)
    assert sorted(mc.inputs.attrs["rates"]) == ["discount_rate", "esc"]
    assert sorted(tornado(alts, study).attrs["rates"]) == ["discount_rate", "esc"]
    text = lcc.report.build(lcc.compare(alts, study), monte_carlo=mc, charts=False,
                            lang="sv").markdown()
    assert "Esc: triangelfördelning, lägst −2\u00a0%, troligast 0\u00a0%, högst 3\u00a0%" in text
    assert "500\u00a0%" not in text


@pytest.mark.parametrize(("name", "kwds"), [
    ("uniform", {"loc": 2.0, "scale": 3.0}), ("triang", {"c": 0.2, "loc": 1.0, "scale": 4.0}),
    ("beta", {"a": 2.0, "b": 3.0, "loc": -1.0, "scale": 2.0}),
    ("truncnorm", {"a": -1.0, "b": 2.0, "loc": 5.0, "scale": 0.5}),
    ("randint", {"low": 3, "high": 9}), ("norm", {"loc": 1.5, "scale": 0.2}),
    ("lognorm", {"s": 0.4, "loc": 0.1, "scale": 2.0}), ("expon", {"loc": 1.0, "scale": 0.3}),
    ("weibull_min", {"c": 1.7, "loc": 0.0, "scale": 12.0})])
def test_a_named_distributions_range_without_scipy_is_scipys(name, kwds) -> None:
    """The range a tender's distribution is checked against when it is read (closed forms,
    no scipy import) is the range the sampling checks find with scipy: the support where
    finite, else the 1e-9 and 1 − 1e-9 quantiles (norm: loc ± 5.9978·scale)."""
    from scipy import stats

    from lcc.model._inputs import _ends_of
    from lcc.sensitivity._distributions import ScipyDistribution

    got = ScipyDistribution(name, kwds).drawn_range()
    want = _ends_of.__wrapped__(getattr(stats, name)(**kwds))
    assert got == pytest.approx(want, rel=1e-10, abs=1e-12)
    if name == "norm":
        assert got == pytest.approx((1.5 - 5.997807 * 0.2, 1.5 + 5.997807 * 0.2), rel=1e-7)


@pytest.mark.parametrize("dist", ['{ name = "weibull_min", c = 1e-300, scale = 1 }',
                                  '{ name = "lognorm", s = 1e300, scale = 1 }',
                                  '{ name = "norm", loc = 1e308, scale = 1e308 }'])
def test_a_named_distribution_beyond_floats_is_left_to_sampling_not_a_crash(dist) -> None:
    """Its range in closed form overflows (20.7^(1/1e-300)): OverflowError stopped the
    reading with exit 1; such a range is asked where the distribution is sampled."""
    tender = lcc.io.loads_tender(
        'name = "T"\n[study]\nperiod = "10 yr"\ndiscount_rate = 0.03\n[parameters.p]\n'
        f'value = "1 SEK/kWh"\ndistribution = {dist}\n[[alternatives]]\nname = "A"\n'
        '[[alternatives.items]]\ntype = "Energy"\nannual = "100 kWh/yr"\n'
        'price = { parameter = "p" }\n')
    assert tender.parameters[0].distribution is not None


def test_a_count_beside_a_distribution_of_counts_is_offered_no_percentage() -> None:
    """400 luminaires beside uniform(3, 5) were asked 'did you mean 400 % = 4?': the
    percentage reading is offered only beside a distribution of fractions."""
    from scipy import stats

    with pytest.raises(LCCError) as info:
        lcc.Parameter("n", 400, distribution=stats.uniform(3, 2))
    assert str(info.value) == ("Parameter 'n'.distribution: draws 3 to 5, but the value is 400, "
                               "which it never draws; a distribution is written in the value's "
                               "unit or with units that convert to it")
    with pytest.raises(LCCError, match=r"did you mean 4 % = 0.04\?"):
        lcc.Parameter("r", 4, distribution=stats.uniform(0.01, 0.05))
