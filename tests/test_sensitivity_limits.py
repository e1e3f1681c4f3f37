"""What uncertainty analysis accepts: lcc's own uniform at its ends, a service life kept
above 0 whatever the seed, Sobol' indices from more than one sample, bounded resampling, and
a scipy distribution named so that it reads apart from lcc's own."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

import lcc
from lcc import LCCError
from lcc.results._ranking import best_shares, ranks
from lcc.sensitivity import Uniform, monte_carlo, sobol

STUDY = lcc.Study("10 yr", 0.03)


def _escalating(dist, value=0.03):
    esc = lcc.Parameter("esc", value, distribution=dist)
    return [lcc.Alternative("A", lcc.Recurring("100 SEK/yr", escalation=esc)),
            lcc.Alternative("B", lcc.Recurring("120 SEK/yr"))]


@pytest.mark.parametrize("value", [0.03, -0.02, "3 %"])
def test_lccs_own_uniform_draws_its_ends(value) -> None:
    """Uniform(-0.02, 0.03) draws its ends: a value at an end is drawn (it was refused by
    Monte Carlo and Sobol' as 'never drawn', judged by its 1e-9 quantiles)."""
    dist = Uniform.of("-2 %", "3 %") if value == "3 %" else Uniform.of(-0.02, 0.03)
    res = monte_carlo(_escalating(dist, value), STUDY, n=64, seed=1, progress=False)
    drawn = res.inputs["esc"]
    assert drawn.min() >= (-2 if value == "3 %" else -0.02)
    assert sobol(_escalating(dist, value), STUDY, n=8, seed=1, bootstrap=0) is not None


@pytest.mark.parametrize(("n", "seed"), [(5, 1), (5, 2), (5, 3), (200, 1)])
def test_a_life_whose_distribution_reaches_zero_is_refused_for_every_seed(n, seed) -> None:
    life = lcc.Parameter("life", "5 yr", distribution=stats.randint(0, 50))
    alts = [lcc.Alternative("A", lcc.Investment("1000 SEK", life=life)),
            lcc.Alternative("B", lcc.Investment("1500 SEK", life="10 yr"))]
    with pytest.raises(LCCError) as info:
        monte_carlo(alts, STUDY, n=n, seed=seed, progress=False)
    assert "it draws 0 yr, while this input is more than 0 yr" in str(info.value)


def test_sobol_needs_two_samples_and_bounds_its_bootstrap() -> None:
    p = lcc.Parameter("p", "1 SEK/kWh", low="0.5 SEK/kWh", high="2 SEK/kWh")
    alts = [lcc.Alternative("A", lcc.Energy(annual="100 kWh/yr", price=p)),
            lcc.Alternative("B", lcc.Investment("1000 SEK"))]
    with pytest.raises(LCCError) as info:
        sobol(alts, STUDY, n=1, seed=1)
    assert (info.value.field, info.value.code) == ("sobol.n", "invalid-value")
    with pytest.raises(LCCError) as info:
        sobol(alts, STUDY, n=8, seed=1, bootstrap=10**8)
    assert (info.value.field, info.value.code) == ("sobol.bootstrap", "too-large")


def test_a_scipy_distribution_is_described_by_its_arguments_names() -> None:
    """scipy's uniform(1, 4) draws 1 to 5 (loc, scale); lcc's Uniform(1, 4) draws 1 to 4."""
    ours = monte_carlo(_escalating(Uniform.of(1, 4), "3 %"), STUDY, n=16, seed=1,
                       progress=False)
    theirs = monte_carlo(_escalating(stats.uniform(1, 4), "3 %"), STUDY, n=16, seed=1,
                         progress=False)
    assert ours.described["esc"] == "uniform(1, 4) %"
    assert theirs.described["esc"] == "uniform(loc=1, scale=4) %"
    tri = monte_carlo(_escalating(stats.triang(0.5, 1, 4), "3 %"), STUDY, n=16, seed=1,
                      progress=False)
    assert tri.described["esc"] == "triang(c=0.5, loc=1, scale=4) %"


def test_ranks_of_many_alternatives_by_the_one_rule() -> None:
    rng = np.random.default_rng(3)
    v = rng.integers(0, 5, size=(40, 1000)).astype(float)
    # rank = 1 + the number of alternatives strictly lower, in every sample
    expected = 1 + (v[None, :, :] < v[:, None, :]).sum(axis=1)
    assert (ranks(v) == expected).all()
    shares = best_shares(v)
    assert shares.sum() == pytest.approx(1.0)


def test_sampling_and_distribution_errors_are_in_swedish(tmp_path, capsys) -> None:
    from lcc.cli import main

    base = ('format = "lcc.tender/1"\nname = "T"\n[study]\nperiod = "10 yr"\n'
            'discount_rate = 0.03\n[parameters.price]\nvalue = "1.5 SEK/kWh"\n'
            'distribution = {dist}\n[[alternatives]]\nname = "A"\n'
            '[[alternatives.items]]\ntype = "Energy"\nannual = "1000 kWh/yr"\n'
            'price = {{ parameter = "price" }}\n[[alternatives]]\nname = "B"\n'
            '[[alternatives.items]]\ntype = "Investment"\namount = "15000 SEK"\n')
    path = tmp_path / "t.toml"
    path.write_text(base.format(dist='{ name = "normal", mean = 1.5, sd = 1 }'),
                    encoding="utf-8")
    assert main(["sensitivity", str(path), "monte-carlo", "-n", "64", "--lang", "sv"]) == 2
    err = capsys.readouterr().err
    # the 1e-9 quantile of N(1.5, 1): 1.5 − 5.998 = −4.49781 kr/kWh, in Swedish figures
    assert "ned till \u22124,49781 kr/kWh, under 0 kr/kWh" in err
    path.write_text(base.format(dist='{ name = "triangular", low = 0.8, mode = 3.5, '
                                     'high = 3 }'), encoding="utf-8")
    assert main(["sensitivity", str(path), "monte-carlo", "-n", "64", "--lang", "sv"]) == 2
    err = capsys.readouterr().err
    assert "på engelska" not in err and "kräver att det mest sannolika värdet" in err


def test_a_discount_rate_scenario_is_named_as_a_rate(capsys) -> None:
    from pathlib import Path

    from lcc.cli import main

    street = Path(__file__).parents[1] / "examples" / "street-lighting.toml"
    assert main(["sensitivity", str(street), "scenarios", "--discount-rates", "0.05",
                 "3.5 %", "--lang", "sv"]) == 0
    out = capsys.readouterr().out
    assert "Kalkylränta 5\u00a0%:" in out and "Kalkylränta 3,5\u00a0%:" in out


def test_a_scenario_that_moves_no_lcc_is_said() -> None:
    from lcc.sensitivity import Scenario, scenarios

    price = lcc.Parameter("price", "1.5 SEK/kWh")
    carbon = lcc.Parameter("carbon", "1 SEK/kg")
    study = lcc.Study("10 yr", 0.03, carbon_price=carbon, include_externalities=False)
    alts = [lcc.Alternative("A", lcc.Energy(annual="1000 kWh/yr", price=price,
                                            emission_factor="0.1 kg/kWh")),
            lcc.Alternative("B", lcc.Investment("12000 SEK"))]
    df = scenarios(alts, study, {"dear": Scenario({"price": "3 SEK/kWh"}),
                                 "carbon_high": Scenario({"carbon": "20 SEK/kg"})})
    assert df.attrs["unchanged"] == ["carbon_high"]
    # dear: 1 000 kWh × 3 SEK/kWh × UPV(10 yr, 3 %) = 3 000 × 8.530203 = 25 590.61 SEK
    assert df.loc["dear", ("lcc", "A")] == pytest.approx(3000 * (1 - 1.03 ** -10) / 0.03)


def test_a_tornado_whose_lcc_overflows_at_an_end_is_refused_as_break_even_is() -> None:
    """A price range up to 1e306 SEK/kWh gave an infinite LCC at its high end: the tornado
    exited 0 with '—' and no word, CSV printed inf and its JSON nulls failed the schema; the
    break-even refused the same range."""
    import lcc
    from lcc.sensitivity import tornado

    price = lcc.Parameter("price", "1 SEK/kWh", low="0.5 SEK/kWh", high="1e306 SEK/kWh")
    alts = [lcc.Alternative("A", [lcc.Energy(annual="1000 kWh/yr", price=price)]),
            lcc.Alternative("B", [lcc.Investment(amount="5000 SEK")])]
    with pytest.raises(lcc.LCCError) as info:
        tornado(alts, lcc.Study("10 yr", 0.04))
    assert info.value.code == "invalid-value"
    assert str(info.value).startswith("tornado of 'Price': the LCC cannot be computed at "
                                      "1e+306 SEK/kWh, an end of its range")


def test_the_inflation_rate_named_for_monte_carlo_says_why_it_is_not_sampled() -> None:
    """Inflation with a range, named among the parameters to sample, was 'a parameter with
    neither a distribution nor a range': it has one, but the calculation takes one
    inflation rate."""
    import lcc
    from lcc.sensitivity import monte_carlo

    infl = lcc.Parameter("inflation", "2 %", low="1 %", high="4 %")
    price = lcc.Parameter("price", "1 SEK/kWh", low="0.5 SEK/kWh", high="2 SEK/kWh")
    alts = [lcc.Alternative("A", [lcc.Energy(annual="1000 kWh/yr", price=price)]),
            lcc.Alternative("B", [lcc.Investment(amount="5000 SEK")])]
    study = lcc.Study("8 yr", "5 %", inflation=infl)
    with pytest.raises(lcc.LCCError) as info:
        monte_carlo(alts, study, n=50, seed=1, parameters=["inflation", "price"])
    assert info.value.code == "not-applicable"
    assert "the study's inflation rate cannot be sampled" in str(info.value)
    assert monte_carlo(alts, study, n=50, seed=1, parameters=["price"]).n == 50


def test_an_inflation_range_left_out_of_monte_carlo_and_sobol_is_said() -> None:
    """Inflation with a range was left out of a Monte Carlo or Sobol run that samples every
    input with a range, without a word; the run's notes now say so (and why), in the
    result, the command's output and the report. Named inputs are the caller's choice."""
    import lcc
    from lcc.sensitivity import monte_carlo, sobol

    infl = lcc.Parameter("inflation", "2 %", low="1 %", high="4 %")
    price = lcc.Parameter("price", "1 SEK/kWh", low="0.5 SEK/kWh", high="2 SEK/kWh")
    alts = [lcc.Alternative("A", [lcc.Energy(annual="1000 kWh/yr", price=price)]),
            lcc.Alternative("B", [lcc.Investment(amount="5000 SEK")])]
    study = lcc.Study("8 yr", "5 %", inflation=infl)
    mc = monte_carlo(alts, study, n=50, seed=1)
    assert list(mc.distributions) == ["price"]
    assert [str(n) for n in mc.notes] == [
        "The study's general inflation is not sampled: the calculation takes one inflation "
        "rate; the tornado and scenarios vary it within its range"]
    assert mc.to_dict()["notes"] == [str(mc.notes[0])]
    assert monte_carlo(alts, study, n=50, seed=1, parameters=["price"]).notes == []
    # B has no uncertain input: Sobol says that too
    assert [str(n) for n in sobol(alts, study, n=8, seed=1).attrs["notes"]] == [
        str(mc.notes[0]), "B does not vary with the sampled inputs: its indices are not defined"]
    assert [str(n) for n in sobol(alts, study, n=8, seed=1, parameters=["price"]).attrs[
        "notes"]] == ["B does not vary with the sampled inputs: its indices are not defined"]
    from lcc.report._content import build_sections

    [sec] = [s for s in build_sections(lcc.compare(alts, study), lang="sv", monte_carlo=mc)
             if s.key == "monte_carlo"]
    assert "Kalkylens allmänna inflation slumpas inte: beräkningen använder en enda " \
        "inflationstakt; tornadodiagrammet och scenarierna varierar den inom dess " \
        "intervall" in sec.lines
    without = lcc.Study("8 yr", "5 %", inflation=lcc.Parameter("inflation", "2 %"))
    assert monte_carlo(alts, without, n=50, seed=1).notes == []


def test_an_inflation_distribution_is_refused_where_it_is_given() -> None:
    """A distribution on the study's inflation loaded, and then every Monte Carlo run
    stopped on it without naming the tender's line: it is refused by the study."""
    import lcc

    infl = lcc.Parameter("inflation", "2 %", distribution=lcc.sensitivity.Uniform.of(
        "1 %", "3 %"))
    with pytest.raises(lcc.LCCError) as info:
        lcc.Study("8 yr", "5 %", inflation=infl)
    assert (info.value.field, info.value.code) == ("Study.inflation", "not-applicable")
    assert str(info.value).startswith("Study.inflation: parameter 'inflation' has a "
                                      "distribution, but the calculation takes one inflation "
                                      "rate")
    text = ('format = "lcc.tender/1"\nname = "T"\n[study]\nperiod = "8 yr"\n'
            'discount_rate = "5 %"\ninflation = {parameter = "inflation"}\n'
            '[parameters.inflation]\nvalue = "2 %"\n'
            'distribution = {name = "uniform", low = "1 %", high = "3 %"}\n'
            '[[alternatives]]\nname = "A"\n[[alternatives.items]]\ntype = "Investment"\n'
            'amount = "1000 SEK"\n')
    with pytest.raises(lcc.TenderError) as file_info:
        lcc.io.loads_tender(text)
    [e] = file_info.value.errors
    assert (e.line, e.path, e.code) == (6, "study.inflation", "not-applicable")


def test_a_range_of_one_value_is_left_out_of_the_tornado_and_said_so() -> None:
    """A parameter with low = high dropped out of the tornado without the 'Left out' note
    that a parameter without a range gets."""
    import lcc
    from lcc.sensitivity import tornado

    price = lcc.Parameter("price", "1 SEK/kWh", low="1 SEK/kWh", high="1 SEK/kWh")
    use = lcc.Parameter("use", "1000 kWh/yr", low="900 kWh/yr", high="1100 kWh/yr")
    alts = [lcc.Alternative("A", [lcc.Energy(annual=use, price=price)]),
            lcc.Alternative("B", [lcc.Investment(amount="5000 SEK")])]
    df = tornado(alts, lcc.Study("5 yr", 0.04))
    assert "price" in df.attrs["skipped"] and set(df["parameter"]) == {"use"}


@pytest.mark.parametrize("power", [0, 155])
def test_sobol_indices_of_lccs_whose_squares_overflow(power: int) -> None:
    """LCCs near 1e155 gave 0 for every index (their squares overflow floats, so the variance
    was inf). The indices are shares of a variance and do not depend on the scale:
    A = price + UPV(3 %, 10)·m, price ~ PERT(0.5, 1, 2)·s, m ~ PERT(0.5, 1, 2)·s/10 per year.
    V[PERT(a, c, b)] = (μ − a)(b − μ)/7, μ = (a + 4c + b)/6 = 1.0833: V = 0.0764·s²;
    UPV(3 %, 10) = 8.5302, so V[m-part] = 0.0764·s²·0.727 = 0.0556·s² and
    S_price = 0.0764/(0.0764 + 0.0556) = 0.579 (additive: S1 = ST)."""
    s = 10.0 ** power
    price = lcc.Parameter("price", 1.0 * s, low=0.5 * s, high=2.0 * s)
    m = lcc.Parameter("m", 0.1 * s, low=0.05 * s, high=0.2 * s)
    alts = [lcc.Alternative("A", lcc.Investment(lcc.Product(1.0, "1 SEK", price)),
                            lcc.Recurring(lcc.Product(1.0, "1 SEK/yr", m))),
            lcc.Alternative("B", lcc.Investment(f"{3 * s:g} SEK"))]
    df = sobol(alts, lcc.Study("10 yr", 0.03), n=1024, seed=1, bootstrap=200)
    row = df[(df.parameter == "price") & (df.alternative == "A")].iloc[0]
    assert abs(row.S1 - 0.579) < 2 * row.S1_conf + 0.01
    assert abs(row.ST - 0.579) < 2 * row.ST_conf + 0.01
    small = sobol([lcc.Alternative("A", lcc.Investment(lcc.Product(1.0, "1 SEK", price)),
                                   lcc.Recurring(lcc.Product(1.0, "1 SEK/yr", m)))],
                  lcc.Study("10 yr", 0.03), n=1024, seed=1, bootstrap=200)
    assert small.S1.tolist() == pytest.approx(df[df.alternative == "A"].S1.tolist(), rel=1e-9)


def test_an_overflowing_sample_is_said_in_the_readers_format() -> None:
    """The values drawn were listed as 'discount_rate = 0.0425547' in Swedish too; a rate
    held as a fraction is now a percentage and a number has the reader's decimal sign."""
    p = lcc.Parameter("price", "1 SEK/kWh", distribution=stats.loguniform(1, 1e306))
    alt = lcc.Alternative("A", lcc.Energy(annual="1e10 kWh/yr", price=p))
    study = lcc.Study("10 yr", lcc.Parameter("r", 0.03, low=0.01, high=0.05))
    with pytest.raises(LCCError) as info:
        monte_carlo([alt], study, n=2000, seed=1)
    en, sv = (t.replace("\xa0", " ") for t in (str(info.value), info.value.message_in("sv")))
    assert "(discount_rate = " in en and " %, price = " in en and " SEK/kWh)" in en
    import re

    rate = re.search(r"discount_rate = (\d+\.\d+) %", en)
    assert rate is not None and 1 <= float(rate.group(1)) <= 5
    assert f"= {rate.group(1).replace('.', ',')} %, price" in sv and " kr/kWh)" in sv


def test_sobol_of_one_alternative_and_one_input() -> None:
    """One output of one sampled input stopped inside scipy (exit 1 from the command line):
    its indices are scalars there. The only input explains all the variance: S1 = ST = 1."""
    p = lcc.Parameter("price", "1 SEK/kWh", low="0.5 SEK/kWh", high="2 SEK/kWh")
    a = lcc.Alternative("A", lcc.Energy(annual="1000 kWh/yr", price=p))
    df = sobol([a], lcc.Study("10 yr", 0.03), n=1024, seed=1, bootstrap=200)
    assert df[["parameter", "alternative"]].values.tolist() == [["price", "A"]]
    row = df.iloc[0]
    assert abs(row.S1 - 1) < 2 * row.S1_conf + 0.02 and abs(row.ST - 1) < 2 * row.ST_conf + 0.02


def test_tied_bids_have_one_best_in_compare_tornado_and_monte_carlo() -> None:
    """A: 10 000 SEK; B: 9 999.99999999 SEK; both 1 000 kWh/yr at 1 SEK/kWh, 3 %, 10 yr.
    LCC = 10 000 + 1 000 × UPV(3 %, 10) = 10 000 + 8 530.20 = 18 530.20 for both, 5.4e-13
    apart (a tie below 1e-9). compare names A, the first given; the tornado took B as the
    best (argsort) and Monte Carlo named B (argmin of the means)."""
    st = lcc.Study("10 yr", 0.03)
    price = lcc.Parameter("price", "1 SEK/kWh", low="0.8 SEK/kWh", high="1.2 SEK/kWh")
    a = lcc.Alternative("A", lcc.Investment("10000 SEK"),
                        lcc.Energy(annual="1000 kWh/yr", price=price))
    b = lcc.Alternative("B", lcc.Investment("9999.99999999 SEK"),
                        lcc.Energy(annual="1000 kWh/yr", price=price))
    c = lcc.compare([a, b], st)
    assert float(c.results["A"].value) == pytest.approx(10000 + 1000 * (1 - 1.03 ** -10) / 0.03)
    assert c.summary["rank"].tolist() == [1, 1] and c.best == "A"
    t = lcc.sensitivity.tornado([a, b], st)
    assert t.attrs["pair"] == ("A", "B") and t.attrs["difference"] == "B minus A"
    mc = lcc.sensitivity.monte_carlo([a, b], st, n=200, seed=1)
    assert mc.best == "A"
    assert mc.probability_best.to_dict() == {"A": 0.5, "B": 0.5}


def test_chained_near_ties_are_noted_as_the_ranks_give_them() -> None:
    """LCCs 100 000 × (1, 1 + 0.8e-9, 1 + 1.6e-9): A and B tie (0.8e-9 < 1e-9), B and C tie,
    A and C do not (1.6e-9): the ranks are 1, 1, 2, and the notes said 'B and C tie' beside
    C's rank 2. The notes now name the ties the ranks share."""
    st = lcc.Study("1 yr", 0.0)
    alts = [lcc.Alternative(n, lcc.Investment(f"{100000 * (1 + k * 0.8e-9):.10f} SEK"))
            for k, n in enumerate("ABC")]
    c = lcc.compare(alts, st)
    assert c.summary["rank"].tolist() == [1, 1, 2]
    ties = [n for n in c.notes if " tie: " in n]
    assert len(ties) == 1 and ties[0].startswith("A and B tie")
