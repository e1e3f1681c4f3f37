"""compare(): ranking and the NIST Handbook 135 measures on hand-computed cases."""

from __future__ import annotations

import math

import numpy as np
import pytest

import lcc
from lcc.results import airr, payback, sir
from lcc.results._measures import behind_again

STUDY = lcc.Study("5 yr", 0.05)
UPV5 = (1 - 1.05**-5) / 0.05  # 4.329477


def old() -> lcc.Alternative:
    return lcc.Alternative("Old", lcc.Recurring("1000 SEK/yr", category="energy"))


def new() -> lcc.Alternative:
    return lcc.Alternative("New", lcc.Investment("2000 SEK"),
                           lcc.Recurring("400 SEK/yr", category="energy"))


class TestTwoAlternatives:
    """Old: 1 000 SEK/yr of energy. New: 2 000 SEK now, 400 SEK/yr.
    Yearly savings of New (base − alternative): year 0: −2 000; years 1..5: +600."""

    def test_lcc_rank_and_net_savings(self) -> None:
        c = lcc.compare([old(), new()], STUDY)
        s = c.summary
        assert s.loc["Old", "lcc"] == pytest.approx(1000 * UPV5)          # 4 329.48
        assert s.loc["New", "lcc"] == pytest.approx(2000 + 400 * UPV5)    # 3 731.79
        assert s.loc["New", "net_savings"] == pytest.approx(600 * UPV5 - 2000)  # 597.69
        assert list(s["rank"]) == [2, 1]
        assert c.best == "New"

    def test_sir_airr(self) -> None:
        s = lcc.compare([old(), new()], STUDY).summary
        expected_sir = 600 * UPV5 / 2000                                 # 1.298843
        assert s.loc["New", "sir"] == pytest.approx(expected_sir)
        # AIRR = 1.05 · 1.298843^(1/5) − 1 = 1.05 · 1.053686 − 1 = 0.106371
        assert s.loc["New", "airr"] == pytest.approx(1.05 * expected_sir ** 0.2 - 1)
        assert s.loc["New", "airr"] == pytest.approx(0.106371, abs=5e-7)

    def test_paybacks(self) -> None:
        s = lcc.compare([old(), new()], STUDY).summary
        # cumulative undiscounted: −2 000, −1 400, −800, −200, +400 → year 4
        assert s.loc["New", "simple_payback"] == 4
        # cumulative discounted: −2 000 + 571.43 + 544.22 + 518.30 = −366.05 (year 3);
        # + 493.62 = +127.57 (year 4)
        assert s.loc["New", "discounted_payback"] == 4
        assert math.isnan(s.loc["Old", "sir"]) and s.loc["Old", "net_savings"] == 0

    def test_annual_value(self) -> None:
        s = lcc.compare([old(), new()], STUDY).summary
        assert s.loc["Old", "annual_value"] == pytest.approx(1000.0)
        assert s.loc["New", "annual_value"] == pytest.approx((2000 + 400 * UPV5) / UPV5)


class TestThreeAlternatives:
    def alternatives(self) -> list[lcc.Alternative]:
        cheap = lcc.Alternative("Cheap", lcc.Recurring("1200 SEK/yr", category="energy"))
        dear = lcc.Alternative("Dear", lcc.Investment("5000 SEK"),
                               lcc.Recurring("400 SEK/yr", category="energy"))
        return [old(), cheap, dear]

    def test_nan_measures_and_notes(self) -> None:
        c = lcc.compare(self.alternatives(), STUDY)
        s = c.summary
        # Cheap adds no investment: SIR and AIRR are not defined. Its cumulative savings are
        # 0, −200, −400, …: ≥ 0 already at year 0, so its payback is 0 (DESIGN §3), and the
        # notes say that they fall behind in year 1 for good
        assert math.isnan(s.loc["Cheap", "sir"]) and math.isnan(s.loc["Cheap", "airr"])
        assert s.loc["Cheap", "simple_payback"] == 0
        assert any("SIR and AIRR of Cheap are not defined" in n and "0.00\xa0SEK ≤ 0" in n
                   for n in c.notes)
        assert ("Simple payback of Cheap is year 0, but the cumulative undiscounted savings "
                "against Old fall behind again in year 1 and are still behind at the end of "
                "the study period") in c.notes
        # Dear: savings 600/yr never repay 5 000 within 5 years: cumulative −5 000 + 5·600 < 0
        assert math.isnan(s.loc["Dear", "simple_payback"])
        assert math.isnan(s.loc["Dear", "discounted_payback"])
        assert any("Simple payback of Dear is not defined" in n for n in c.notes)
        # SIR = 2 597.69 / 5 000 = 0.5195 < 1, AIRR below the discount rate
        assert s.loc["Dear", "sir"] == pytest.approx(600 * UPV5 / 5000)
        assert s.loc["Dear", "airr"] < 0.05

    def test_payback_of_a_bid_that_adds_no_investment_and_is_ahead_from_the_start(self) -> None:
        """DESIGN §3: payback is 0 where the cumulative savings are ≥ 0 already at year 0.
        Lean buys for 1 500 against Old's nothing and saves 1 000 − 100 = 900 a year:
        cumulative savings −1 500, −600, 300, … → payback 2; against Lean as baseline Old adds
        no investment, is ahead at year 0 and behind from year 2: 1 500, 600, −300 → 0, with
        a note. Frugal (no purchase, 100 SEK/yr) saves 900 a year from year 1 against Old and
        is never behind: cumulative 0, 900, 1 800, … → payback 0, SIR and AIRR not defined."""
        lean = lcc.Alternative("Lean", lcc.Investment("1500 SEK"),
                               lcc.Recurring("100 SEK/yr", category="energy"))
        frugal = lcc.Alternative("Frugal", lcc.Recurring("100 SEK/yr", category="energy"))
        c = lcc.compare([old(), lean, frugal], STUDY, baseline="Old")
        s = c.summary
        assert s.loc["Lean", "simple_payback"] == 2
        # discounted: −1 500 + 900/1.05 + 900/1.05² = 173.47 ≥ 0 → 2
        assert s.loc["Lean", "discounted_payback"] == 2
        assert s.loc["Frugal", "simple_payback"] == 0
        assert s.loc["Frugal", "discounted_payback"] == 0
        assert math.isnan(s.loc["Frugal", "sir"]) and math.isnan(s.loc["Frugal", "airr"])
        assert not any("payback of Frugal" in n for n in c.notes)
        row = c.to_dict()["alternatives"][2]
        assert row["simple_payback"] == {"value": 0, "unit": "yr"}
        assert row["sir"]["reason"].startswith("SIR and AIRR of Frugal are not defined")
        # against Lean, Old is 1 500 ahead at year 0 (payback 0) and behind from year 2
        back = lcc.compare([old(), lean], STUDY, baseline="Lean")
        assert back.summary.loc["Old", "simple_payback"] == 0
        assert ("Simple payback of Old is year 0, but the cumulative undiscounted savings "
                "against Lean fall behind again in year 2 and are still behind at the end of "
                "the study period") in back.notes

    def test_ranking(self) -> None:
        s = lcc.compare(self.alternatives(), STUDY).summary
        # Old 4 329.48, Cheap 5 195.37, Dear 6 731.79
        assert list(s["rank"]) == [1, 2, 3]

    def test_differences_by_category(self) -> None:
        c = lcc.compare(self.alternatives(), STUDY)
        d = c.differences
        assert d.loc["acquisition", "Dear"] == pytest.approx(5000)
        assert d.loc["energy", "Dear"] == pytest.approx(-600 * UPV5)
        assert d.loc["total", "Dear"] == pytest.approx(5000 - 600 * UPV5)
        assert (d["Old"] == 0).all()


def test_ties() -> None:
    a = lcc.Alternative("A", lcc.Investment("1000 SEK"))
    b = lcc.Alternative("B", lcc.OneOff("1000 SEK", at=0, category="acquisition"))
    c = lcc.compare([a, b], STUDY)
    assert list(c.summary["rank"]) == [1, 1]
    assert any("A and B tie" in n for n in c.notes)


def test_baseline_choice_and_validation() -> None:
    c = lcc.compare([old(), new()], STUDY, baseline="New")
    assert c.summary.loc["Old", "net_savings"] == pytest.approx(-(600 * UPV5 - 2000))
    assert lcc.compare([old(), new()], STUDY, baseline=1).baseline == "New"
    with pytest.raises(lcc.LCCError, match=r"baseline 'X' is not one of Old, New$"):
        lcc.compare([old(), new()], STUDY, baseline="X")
    with pytest.raises(lcc.LCCError, match=r"baseline 'Nwe' is not one of Old, New \(did you "
                                           r"mean 'New'\?\)$"):
        lcc.compare([old(), new()], STUDY, baseline="Nwe")
    # names in another letter case are one name (same_name): 'new' is New
    assert lcc.compare([old(), new()], STUDY, baseline="new").baseline == "New"
    with pytest.raises(lcc.LCCError, match="repeated: 'Old'"):
        lcc.compare([old(), old()], STUDY)
    with pytest.raises(lcc.LCCError, match="policy='best'"):
        lcc.compare([old(), new()], STUDY, policy="best")


def _identity_alternatives() -> list[lcc.Alternative]:
    base = lcc.Alternative(
        "Base", lcc.Investment("3000 SEK", life="6 yr", escalation=0.01, disposal="100 SEK"),
        lcc.Energy(annual="5000 kWh/yr", price="1.3 SEK/kWh", escalation=0.02,
                   emission_factor="0.1 kg/kWh"),
        lcc.Periodic("500 SEK", every="3 yr"), lcc.Disposal("300 SEK"))
    alt = lcc.Alternative(
        "Alt", lcc.Investment("9000 SEK", life="15 yr", residual=0.2),
        lcc.Energy(annual="2500 kWh/yr", price="1.3 SEK/kWh", escalation=0.02,
                   emission_factor="0.1 kg/kWh"),
        lcc.Recurring("150 SEK/yr"), lcc.Disposal("800 SEK"))
    return [base, alt]


@pytest.mark.parametrize("include", [True, False])
def test_ns_identity(include: bool) -> None:
    """NS = PV(non-investment savings) − PV(added investment-related cost), exactly."""
    study = lcc.Study("20 yr", 0.03, carbon_price="1.5 SEK/kg", include_externalities=include)
    c = lcc.compare(_identity_alternatives(), study)
    base, alt = (c.results[n].by_category for n in ("Base", "Alt"))
    inv = ["acquisition", "replacement", "residual", "end_of_life"]
    added = alt.reindex(inv).fillna(0).sum() - base.reindex(inv).fillna(0).sum()
    savings = base.drop(inv, errors="ignore").sum() - alt.drop(inv, errors="ignore").sum()
    s = c.summary
    assert s.loc["Alt", "net_savings"] == pytest.approx(savings - added, rel=1e-12)
    assert s.loc["Alt", "sir"] == pytest.approx(savings / added, rel=1e-12)


def test_externalities_switched_off_change_every_measure_consistently() -> None:
    on = lcc.compare(_identity_alternatives(),
                     lcc.Study("20 yr", 0.03, carbon_price="1.5 SEK/kg")).summary
    off = lcc.compare(_identity_alternatives(),
                      lcc.Study("20 yr", 0.03, carbon_price="1.5 SEK/kg",
                                include_externalities=False)).summary
    # the externality saving: 2 500 kWh/yr less × 0.1 kg/kWh × 1.5 SEK/kg = 375 SEK/yr
    ext_saving = 375 * (1 - 1.03**-20) / 0.03
    assert on.loc["Alt", "net_savings"] - off.loc["Alt", "net_savings"] == pytest.approx(
        ext_saving)
    assert on.loc["Base", "lcc"] - off.loc["Base", "lcc"] == pytest.approx(
        750 * (1 - 1.03**-20) / 0.03)
    # SIR: the externality saving is a non-investment saving; the added investment is the
    # same in both studies, so the SIRs differ by exactly ext_saving / added investment
    assert on.loc["Alt", "sir"] - off.loc["Alt", "sir"] == pytest.approx(
        ext_saving / _added_investment(), rel=1e-9)
    assert on.loc["Alt", "airr"] > off.loc["Alt", "airr"]
    assert on.loc["Alt", "simple_payback"] <= off.loc["Alt", "simple_payback"]
    # Alt still emits 2 500 kWh/yr × 0.1 kg/kWh = 250 kg/yr, worth 375 SEK/yr
    assert on.loc["Alt", "annual_value"] - off.loc["Alt", "annual_value"] == pytest.approx(375)


def _added_investment() -> float:
    study = lcc.Study("20 yr", 0.03)
    inv = ["acquisition", "replacement", "residual", "end_of_life"]
    a, b = (lcc.evaluate(x, study).by_category for x in _identity_alternatives())
    return float(b.reindex(inv).fillna(0).sum() - a.reindex(inv).fillna(0).sum())


class TestPolicies:
    """A: 3 400 SEK, life 20 yr. B: 1 000 SEK, life 5 yr. 10-year study at 5 %.

    Study period: A = 3 400 − (10/20 · 3 400)/1.05¹⁰ = 3 400 − 1 043.65 = 2 356.35;
    B = 1 000 + 1 000/1.05⁵ = 1 783.53 → B.
    Annuity: A = 3 400 · CRF(5 %, 20) = 3 400 · 0.080243 = 272.83;
    B = 1 000 · CRF(5 %, 5) = 230.97 → B.
    Per service year: A = 3 400/20 = 170; B = 1 000/5 = 200 → A.
    """

    def alternatives(self) -> list[lcc.Alternative]:
        return [lcc.Alternative("A", lcc.Investment("3400 SEK", life="20 yr")),
                lcc.Alternative("B", lcc.Investment("1000 SEK", life="5 yr"))]

    def test_study_period(self) -> None:
        c = lcc.compare(self.alternatives(), lcc.Study("10 yr", 0.05))
        assert c.summary.loc["A", "lcc"] == pytest.approx(3400 - 1700 / 1.05**10)
        assert c.summary.loc["B", "lcc"] == pytest.approx(1000 + 1000 / 1.05**5)
        assert c.best == "B"

    def test_annuity(self) -> None:
        c = lcc.compare(self.alternatives(), lcc.Study("10 yr", 0.05), policy="annuity")
        crf20 = 0.05 / (1 - 1.05**-20)
        crf5 = 0.05 / (1 - 1.05**-5)
        assert c.summary.loc["A", "annual_value"] == pytest.approx(3400 * crf20)
        assert c.summary.loc["B", "annual_value"] == pytest.approx(1000 * crf5)
        assert c.summary.loc["A", "lcc"] == pytest.approx(3400)
        assert c.best == "B"
        assert math.isnan(c.summary.loc["B", "sir"])

    def test_per_service_year(self) -> None:
        c = lcc.compare(self.alternatives(), lcc.Study("10 yr", 0.05),
                        policy="per_service_year")
        assert c.summary.loc["A", "annual_value"] == pytest.approx(170.0)
        assert c.summary.loc["B", "annual_value"] == pytest.approx(200.0)
        assert c.best == "A"
        # no baseline named: B, the lowest initial investment (1 000 < 3 400 SEK); A saves
        # 200 − 170 = 30 SEK per service year against it
        assert c.baseline == "B"
        assert c.summary.loc["A", "net_savings"] == pytest.approx(30.0)
        assert any("Baseline: B, the alternative with the lowest initial investment" in n
                   for n in c.notes)

    def test_notes_say_the_policies_disagree(self) -> None:
        c = lcc.compare(self.alternatives(), lcc.Study("10 yr", 0.05))
        note = [n for n in c.notes if "disagree" in n]
        assert note and "residual value at its end): B" in note[0] and \
            "cost per year of service over each alternative's own service life: A" in note[0]

    def test_missing_life_is_an_error_for_life_policies(self) -> None:
        with pytest.raises(lcc.LCCError, match="needs each alternative's service life"):
            lcc.compare([old(), new()], STUDY, policy="annuity")

    def test_fractional_life_works_with_life_policies(self) -> None:
        """Issue 16: a life of 12.5 years is evaluated over 13 years, and the notes say so.

        Over 13 years at 5 %: bought at 0, again at 12.5 (1/1.05^12.5 = 0.54353), residual
        at 13 of 12/12.5 of the cost: PV = 1 + 0.54353 − 0.96/1.05^13 = 1 + 0.54353 − 0.50822
        = 1.03531 SEK; annuity × CRF(5 %, 13) = 0.106456 → 0.110215 SEK/yr.
        """
        alts = [lcc.Alternative("A", lcc.Investment("1 SEK", life="12.5 yr"))]
        c = lcc.compare(alts, STUDY, policy="annuity")
        pv = 1 + 1.05**-12.5 - (12 / 12.5) * 1.05**-13
        crf13 = 0.05 / (1 - 1.05**-13)
        assert c.summary.loc["A", "lcc"] == pytest.approx(pv)
        assert c.summary.loc["A", "annual_value"] == pytest.approx(pv * crf13)
        assert any("evaluate it over 13 years" in n for n in c.notes)


def test_samples_give_per_sample_rankings_not_an_average() -> None:
    rates = np.array([0.0, 0.05, 0.30])
    study = lcc.Study("5 yr", rates)
    c = lcc.compare([old(), new()], study)
    with pytest.raises(lcc.LCCError, match=r"samples.*probability_best"):
        _ = c.summary
    with pytest.raises(lcc.LCCError, match="no single ranking"):
        _ = c.best
    # d = 0: Old 5 000 vs New 4 000; d = 30 %: Old 2 435.6 vs New 2 974.2
    assert c.samples["Old"].tolist() == pytest.approx(
        [5000, 1000 * UPV5, 1000 * (1 - 1.3**-5) / 0.3])
    assert c.rank_samples["New"].tolist() == [1, 1, 2]
    assert c.probability_best["New"] == pytest.approx(2 / 3)


def test_notebook_display_and_explain() -> None:
    alts = TestThreeAlternatives().alternatives()
    c = lcc.compare(alts, STUDY)
    page = c._repr_html_()
    assert "<table" in page and "Lowest cost" in page and "net_savings" in page
    text = c.explain()
    assert "Comparison of 3 alternatives" in text
    for a in alts:
        assert f"Life-cycle cost of {a.name}" in text


def test_measure_functions() -> None:
    assert sir(300.0, 200.0) == 1.5
    assert math.isnan(sir(300.0, -1.0))
    assert airr(1.0, 0.04, 10) == pytest.approx(0.04)
    assert math.isnan(airr(-0.5, 0.04, 10))
    # even at year 0 (cumulative 0 ≥ 0): payback 0 (DESIGN §3), then behind by 1 in year 1
    # and ahead for good from year 2 (cumulative 4): behind_again says (1, False)
    assert payback([0, -1, 5]) == 0 and behind_again([0, -1, 5]) == (1, False)
    assert payback([0, 1, 5]) == 0 and payback([0, 0, 0]) == 0
    assert behind_again([0, 1, 5]) is None and behind_again([-1, 0, 0]) is None
    # covered in year 2 (cumulative −100, −40, 20), behind in 3 (−120) .. 5 (0 is not behind),
    # so behind again in year 3 and not at the end (cumulative 60 in year 6)
    assert payback([-100, 60, 60, -140, 60, 60, 60]) == 2
    assert behind_again([-100, 60, 60, -140, 60, 60, 60]) == (3, False)
    assert payback(np.array([[-10, 5, 5], [-10, 1, 1]])).tolist()[0] == 2


def test_payback_is_the_first_year_covered_and_the_notes_say_when_savings_fall_behind() -> None:
    """DESIGN §3: payback is the first year k at which the cumulative difference is ≥ 0; 0 if
    already at year 0. Durable: 10 000 SEK, life 10, 1 000 kWh/yr at 1 SEK/kWh; Cheap:
    6 000 SEK, life 4 (bought again at 4 and 8; at 10 half of the last is left, 3 000 SEK),
    700 kWh/yr; d = 3 %, N = 10. Cheap adds 6 000 (1 + 1.03⁻⁴ + 1.03⁻⁸) − 3 000 × 1.03⁻¹⁰
    − 10 000 = 3 835.10 of investment and saves 300 × UPV(3 %, 10) = 2 559.06: NS −1 276.04.
    Cumulative savings by year: 4 000, 4 300, 4 600, 4 900, −800, −500, −200, 100, −5 600,
    −5 300, −2 000 — ahead at year 0 (payback 0), behind in year 4 and at the end: the notes
    say so, as a payback of 0 beside negative net savings would otherwise mislead.

    A bid that starts a year later (its 5 000 SEK at t = 1) is ahead at year 0 because it has
    not bought yet: payback 0, behind again in year 1, ahead for good from year 3."""
    s = lcc.Study("10 yr", 0.03)
    durable = lcc.Alternative("Durable", lcc.Investment("10000 SEK", life="10 yr"),
                              lcc.Energy(annual="1000 kWh/yr", price="1 SEK/kWh"))
    cheap = lcc.Alternative("Cheap", lcc.Investment("6000 SEK", life="4 yr"),
                            lcc.Energy(annual="700 kWh/yr", price="1 SEK/kWh"))
    c = lcc.compare([durable, cheap], s, baseline="Durable")
    row = c.summary.loc["Cheap"]
    added = 6000 * (1 + 1.03 ** -4 + 1.03 ** -8) - 3000 * 1.03 ** -10 - 10000
    assert row["sir"] == pytest.approx(300 * (1 - 1.03 ** -10) / 0.03 / added)
    assert row["net_savings"] == pytest.approx(-1276.04, abs=0.005)
    assert row["simple_payback"] == 0 and row["discounted_payback"] == 0
    assert ("Simple payback of Cheap is year 0, but the cumulative undiscounted savings "
            "against Durable fall behind again in year 4 and are still behind at the end of "
            "the study period") in c.notes
    assert any(n.startswith("Discounted payback of Cheap is year 0, but the cumulative "
                            "discounted savings against Durable fall behind again in year 4 "
                            "and are still behind") for n in c.notes)
    sv = c.notes_in("sv")
    assert ("Återbetalningstiden för Cheap är år 0, men de ackumulerade odiskonterade "
            "besparingarna jämfört med Durable hamnar efter igen år 4 och ligger fortfarande "
            "efter vid kalkylperiodens slut") in sv
    # old: 1 000 SEK at t = 0, 2 000 kWh/yr; later: 5 000 SEK at t = 1, 500 kWh/yr from year 2.
    # Undiscounted cumulative (old − later): 1 000, 1 000 + 2 000 − 5 000 = −2 000,
    # −2 000 + 1 500 = −500, −500 + 1 500 = 1 000, … ahead from year 3 on.
    old = lcc.Alternative("Old", lcc.Investment("1000 SEK"),
                          lcc.Energy(annual="2000 kWh/yr", price="1 SEK/kWh"))
    later = lcc.Alternative("Later", lcc.Investment("5000 SEK"),
                            lcc.Energy(annual="500 kWh/yr", price="1 SEK/kWh"), start=1)
    c = lcc.compare([old, later], s, baseline="Old")
    assert c.summary.loc["Later", "simple_payback"] == 0
    assert ("Simple payback of Later is year 0, but the cumulative undiscounted savings "
            "against Old fall behind again in year 1 before they are ahead for good") in c.notes


def test_one_alternative_is_compared_as_a_list_of_one_and_a_number_is_refused() -> None:
    """compare(alternative, study) stopped on a TypeError ('Alternative' object is not
    iterable) where a string, a dict or None are refused with an LCCError."""
    a = lcc.Alternative("A", lcc.Investment("1000 SEK"))
    assert lcc.compare(a, STUDY).summary["lcc"].tolist() == [1000.0]
    with pytest.raises(lcc.LCCError) as info:
        lcc.compare(5, STUDY)  # type: ignore[arg-type]
    assert (info.value.field, info.value.code) == ("compare.alternatives", "wrong-type")
    assert str(info.value) == "compare: got int; expected a list of lcc.Alternative"
    assert lcc.compare(a, STUDY).explain().startswith("Comparison of 1 alternative\n")
    assert repr(lcc.compare(a, STUDY)) == "<Comparison of 1 alternative: best 'A'>"


def test_payback_in_the_chart_and_the_notes_agree_with_the_table() -> None:
    """d = 0, 10 years. Base: 1 000 SEK + 500 SEK/yr; Efficient: 1 500 SEK + 300 SEK/yr and
    1 200 SEK at t = 6. Cumulative savings: −500, −300, −100, 100, 300, 500, −500, −300,
    −100, 100, 300 — covered in year 3 (the payback, DESIGN §3), behind again at 6, ahead for
    good from year 9: the table says 3, the chart marks the payback at 3 and the crossing
    at 6, and the note says they fall behind in year 6. A bid ahead at year 0 that ends behind
    has payback 0, and its note says it falls behind for good."""
    import matplotlib

    matplotlib.use("Agg")
    from lcc.plot import cumulative

    st = lcc.Study("10 yr", 0.0)
    base = lcc.Alternative("Base", lcc.Investment("1000 SEK"),
                           lcc.Recurring("500 SEK/yr", category="energy"))
    eff = lcc.Alternative("Efficient", lcc.Investment("1500 SEK"),
                          lcc.Recurring("300 SEK/yr", category="energy"),
                          lcc.OneOff("1200 SEK", at=6))
    c = lcc.compare([base, eff], st, baseline="Base")
    assert c.summary.loc["Efficient", "simple_payback"] == 3
    assert [t.get_text() for t in cumulative(c, discounted=False).texts] == \
        ["Efficient: payback year 3", "Efficient: crossing year 6"]
    assert ("Simple payback of Efficient is year 3, but the cumulative undiscounted savings "
            "against Base fall behind again in year 6 before they are ahead for good") in c.notes
    assert "payback = first year in which the cumulative savings are ≥ 0" in c.explain()
    cheap = lcc.Alternative("Cheap", lcc.Investment("800 SEK"),
                            lcc.Recurring("500 SEK/yr", category="energy"),
                            lcc.OneOff("1000 SEK", at=5, category="replacement"))
    # adds 1 000 − 200 = 800 of investment; cumulative 200 in years 0..4, −800 from year 5 on
    c = lcc.compare([base, cheap], st, baseline="Base")
    assert c.summary.loc["Cheap", "simple_payback"] == 0
    assert ("Simple payback of Cheap is year 0, but the cumulative undiscounted savings "
            "against Base fall behind again in year 5 and are still behind at the end of the "
            "study period") in c.notes
    assert [t.get_text() for t in cumulative(c, discounted=False).texts] == \
        ["Cheap: payback year 0", "Cheap: crossing year 5"]
