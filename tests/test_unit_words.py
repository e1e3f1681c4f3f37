"""Unit words that pint reads otherwise than a procurer means them.

pint applies every SI prefix to every unit, so the Swedish financial notations
``Tkr``/``TSEK`` (*tusental kronor*) were read as tera-kronor (10¹² SEK) and
``mkr`` (*miljoner kronor*) as milli-kronor (0.001 SEK); a Dane's ``dkr`` was a
tenth of a krona; and ``ton`` is the US short ton of 907.18474 kg, where a Swedish
procurer means 1 000 kg. lcc now reads the Swedish notations as meant and refuses
the rest with the likely reading, in every reader (they all parse through
:mod:`lcc.units`).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import lcc
import lcc.io
from lcc import LCCError


@pytest.mark.parametrize(("text", "sek"), [
    ("2 Tkr", 2_000.0), ("2 TSEK", 2_000.0), ("2 tkr", 2_000.0), ("2 kSEK", 2_000.0),
    ("2 kkr", 2_000.0), ("2 mkr", 2e6), ("2 mnkr", 2e6), ("2 Mkr", 2e6), ("2 MSEK", 2e6),
    ("2 mdkr", 2e9), ("2 GSEK", 2e9), ("2 öre", 0.02),
])
def test_swedish_money_words(text: str, sek: float) -> None:
    assert lcc.Q_(text).to("SEK").magnitude == pytest.approx(sek, rel=1e-15)
    unit = text.split()[1]
    assert lcc.Q_(2, unit).to("SEK").magnitude == pytest.approx(sek, rel=1e-15)
    # an investment at t = 0 in a one-year study at 0 %: the LCC is the amount
    result = lcc.evaluate(lcc.Alternative("A", lcc.Investment(text)), lcc.Study("1 yr", 0.0))
    assert result.value == pytest.approx(sek, rel=1e-12)


@pytest.mark.parametrize("text", ["100 dkr", "100 nkr", "100 ckr", "100 hkr", "100 mSEK",
                                  "100 µkr", "100 cEUR", "100 möre", "100 ktkr",
                                  "100 dkr/yr"])
def test_other_prefixes_on_a_currency_are_refused(text: str) -> None:
    unit = text.split()[1].split("/")[0]
    for read in (lcc.Q_, lambda t: lcc.Q_(100, t.split()[1]),
                 lambda t: lcc.Investment(t) if "/" not in t else lcc.Recurring(t)):
        with pytest.raises(LCCError) as info:
            read(text)
        assert info.value.code == "invalid-value"
        assert repr(unit) in str(info.value) and "DKK and NOK" in str(info.value)


def test_ton_is_refused_with_the_tonne_offered() -> None:
    for read in (lambda: lcc.Q_("2 ton"), lambda: lcc.Q_(2, "ton"), lambda: lcc.Q_("2 tons"),
                 lambda: lcc.Q_("3 kiloton"),
                 lambda: lcc.Parameter("co2_price", "1 200 SEK/ton")):
        with pytest.raises(LCCError, match=r"'ton' is 1 000 kg in Swedish, 907 kg") as info:
            read()
        assert info.value.code == "invalid-value"
    assert lcc.Q_("2 t").to("kg").magnitude == 2000.0
    assert lcc.Q_("2 tonne").to("kg").magnitude == 2000.0
    assert lcc.Q_("1 short_ton").to("kg").magnitude == pytest.approx(907.18474, rel=1e-12)
    assert lcc.Q_("1200 SEK/t").to("SEK/kg").magnitude == pytest.approx(1.2, rel=1e-15)


def test_in_a_tender_file_and_in_swedish() -> None:
    text = """name = "T"
[study]
period = "1 yr"
discount_rate = 0.0
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Investment"
amount = "3 mkr"
"""
    assert lcc.io.loads_tender(text).evaluate()["A"].value == pytest.approx(3e6, rel=1e-15)
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(text.replace("3 mkr", "3 dkr"))
    [issue] = info.value.errors
    assert (issue.code, issue.path) == ("invalid-value", "alternatives[0].items[0].amount")
    with pytest.raises(LCCError) as err:
        lcc.Investment("3 dkr")
    assert "danska och norska kronor är DKK och NOK" in err.value.message_in("sv")


def test_a_fresh_registry_without_the_disk_cache_reads_them_too() -> None:
    """pint caches a unit name at its first lookup: the definitions come before any."""
    code = ("import lcc; print(lcc.Q_('1 Tkr').to('SEK').magnitude, "
            "lcc.Q_(1, 'mkr').to('SEK').magnitude)")
    for cache in ("0", "1"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env={**os.environ, "LCC_PINT_CACHE": cache}, timeout=120)
        assert out.stdout.split() == ["1000", "1000000"], out.stderr


# --------------------------------------------------------------- Swedish unit words (stop 25)

@pytest.mark.parametrize(("text", "unit", "value"), [
    ("500 kr/mån", "SEK/yr", 6_000.0),  # 500 kr a month: 500 × 12 = 6 000 kr a year
    ("500 kr/månad", "SEK/yr", 6_000.0),
    ("3 månader", "yr", 0.25),
    ("2 timmar", "h", 2.0), ("2 tim", "h", 2.0), ("1 timme", "h", 1.0),
    ("4000 timmar/år", "h/yr", 4_000.0),
    ("2 veckor", "d", 14.0), ("1 vecka", "d", 7.0),
    ("5 dagar", "d", 5.0), ("8 tim/dygn", "h/d", 8.0),
    ("4 procent", "", 0.04),
    ("5 kronor", "SEK", 5.0), ("1 krona", "SEK", 1.0),
    ("3 st", "", 3.0), ("3 styck", "", 3.0),
    ("120 kvm", "m**2", 120.0), ("3 kbm", "m**3", 3.0),
    ("45 kr/m3", "SEK/m**3", 45.0), ("120 m2", "m**2", 120.0), ("2 km2", "m**2", 2e6),
    ("2 dm3", "l", 2.0), ("16 mm2", "mm**2", 16.0), ("45 kr/100 m3", "SEK/m**3", 0.45),
])
def test_swedish_unit_words_are_read_as_meant(text: str, unit: str, value: float) -> None:
    q = lcc.Q_(text)
    assert (q.to(unit).magnitude if unit else q.to("").magnitude) == pytest.approx(value,
                                                                                   rel=1e-12)


def test_swedish_unit_words_in_model_fields() -> None:
    study = lcc.Study("1 yr", 0.0)
    # a monthly fee of 500 kr: 500 × 12 = 6 000 kr in the one year
    fee = lcc.evaluate(lcc.Alternative("A", lcc.Recurring("500 kr/mån")), study)
    assert fee.value == pytest.approx(6_000.0, rel=1e-12)
    # 100 m3 of water a year at 45 kr/m3: 4 500 kr
    water = lcc.evaluate(lcc.Alternative("A", lcc.Water(annual="100 m3/år", price="45 kr/m3")),
                         study)
    assert water.value == pytest.approx(4_500.0, rel=1e-12)
    # 3 st of a 1 000 kr unit: 3 000 kr
    three = lcc.evaluate(lcc.Alternative("A", lcc.Investment("1 000 kr"), quantity="3 st"),
                         study)
    assert three.value == pytest.approx(3_000.0, rel=1e-12)
    # 0.1 kW for 4000 timmar/år at 1.5 kr/kWh: 0.1 × 4000 × 1.5 = 600 kr
    energy = lcc.evaluate(lcc.Alternative("A", lcc.Energy(power="100 W", hours="4000 timmar/år",
                                                          price="1,5 kr/kWh")), study)
    assert energy.value == pytest.approx(600.0, rel=1e-12)


@pytest.mark.parametrize(("text", "words"), [
    ("0.5 l/mil", "'mil' is a Swedish mile of 10 km"),
    ("15 mil", "'mil' is a Swedish mile of 10 km"),
    ("1.8 kWh/mil", "'mil' is a Swedish mile of 10 km"),
    ("3 dag", "'dag' is a day in Swedish, but a decagram"),
    ("8 h/dag", "'dag' is a day in Swedish, but a decagram"),
    ("5 M kr", "'M' alone is a concentration"),
    ("5 M SEK", "'M' alone is a concentration"),
    ("12 pcs", "'pc' and 'pcs' are the parsec"),
    ("200 kr/pc", "'pc' and 'pcs' are the parsec"),
])
def test_words_pint_reads_otherwise_are_refused(text: str, words: str) -> None:
    with pytest.raises(LCCError, match=words) as info:
        lcc.Q_(text)
    assert (info.value.code, info.value.field) == ("invalid-value", "Q_")


def test_mil_is_refused_with_the_km_reading_offered() -> None:
    """pint's 'mil' is the angular mil (π/32 000 rad): a quantity of '3 mil' was the number
    3π/32 000 = 0.000295, so three units of 1 000 kr cost 0.29 kr."""
    with pytest.raises(LCCError, match="'mil' is a Swedish mile") as info:
        lcc.Alternative("A", lcc.Investment("1 000 kr"), quantity="3 mil")
    assert info.value.field == "Alternative.quantity"
    with pytest.raises(LCCError, match="'mil' is a Swedish mile") as info:
        lcc.Energy(distance="15000 km/yr", consumption="0.5 l/mil", price="20 kr/l")
    assert info.value.field == "Energy.consumption"
    # as the message offers: 0.5 l/(10 km) = 0.05 l/km; 15 000 km × 0.05 l/km × 20 kr/l
    # = 15 000 kr a year
    result = lcc.evaluate(lcc.Alternative("A", lcc.Energy(
        distance="15000 km/yr", consumption="0.5 l/(10 km)", price="20 kr/l")),
        lcc.Study("1 yr", 0.0))
    assert result.value == pytest.approx(15_000.0, rel=1e-12)


@pytest.mark.parametrize(("text", "code", "value"), [
    ("5 €", "EUR", 5.0), ("€5", "EUR", 5.0), ("€ 1 200", "EUR", 1_200.0),
    ("1 200 €", "EUR", 1_200.0), ("0,12 €/kWh", "EUR/kWh", 0.12), ("5€/kWh", "EUR/kWh", 5.0),
    ("7 £", "GBP", 7.0), ("£7", "GBP", 7.0),
])
def test_currency_signs_are_read_as_their_code(text: str, code: str, value: float) -> None:
    assert lcc.Q_(text).to(code).magnitude == pytest.approx(value, rel=1e-15)


def test_a_currency_sign_is_not_dropped() -> None:
    """pint passed over '€': '0.5 €' was the rate 0.5 (50 %) and '5 €/kWh' 5 per kWh."""
    with pytest.raises(LCCError) as info:
        lcc.Study("10 yr", "0.5 €")
    assert info.value.field == "Study.discount_rate"
    with pytest.raises(LCCError, match=r"'\$' is the sign of several currencies; write the "
                                       r"currency's code, e.g. '1300 USD'"):
        lcc.Q_("5 $")
    study = lcc.Study("1 yr", 0.0, currency="EUR")
    assert lcc.evaluate(lcc.Alternative("A", lcc.Investment("1 200 €")), study).value == 1200.0


@pytest.mark.parametrize("char", ['"', "'", "#", "@", "&", "<", "[", "{", "|", "~", "`", "\\",
                                  "¤", "¥", "§"])
def test_characters_pint_passes_over_are_refused(char: str) -> None:
    """pint dropped quotes, '#' (a comment to it), '@' and brackets: '5 "kr"' was 5, '5 # kr' 5."""
    for text in (f"5 {char}kr{char}", f"5 {char} kr", f"5 kr {char}"):
        with pytest.raises(LCCError, match="which is no part of a number or a unit") as info:
            lcc.Q_(text)
        assert repr(char) in str(info.value)
    with pytest.raises(LCCError) as info:
        lcc.Investment(f"5 {char} kr")
    assert info.value.field == "Investment.amount"


def test_dots_and_crosses_between_units_still_multiply() -> None:
    assert lcc.Q_("5 kW·h").to("kWh").magnitude == 5.0
    assert lcc.Q_("5 kW×h").to("kWh").magnitude == 5.0
    assert lcc.Q_("5 kWh/(m²·yr)").to("kWh/m**2/yr").magnitude == 5.0


@pytest.mark.parametrize(("text", "likely"), [
    ("5 kwh", "kWh"), ("5 KWh", "kWh"), ("5 MWH", "MWh"), ("5 mwh", "MWh"), ("5 KW", "kW"),
    ("5 msek", "MSEK"), ("5 ksek", "kSEK"), ("5 sek", "SEK"), ("5 eur", "EUR"),
    ("5 euro", "EUR"), ("5 KR", "kr"), ("5 kr/kwh", "kWh"),
])
def test_a_unit_in_the_wrong_letter_case_is_offered_its_spelling(text: str, likely: str) -> None:
    with pytest.raises(LCCError) as info:
        lcc.Q_(text)
    assert f"did you mean {likely!r}?" in str(info.value)
    assert f"menar du {likely!r}?" in info.value.message_in("sv")


def test_swedish_words_in_a_tender_file_and_messages_in_swedish() -> None:
    text = """name = "T"
[study]
period = "1 yr"
discount_rate = 0.0
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Recurring"
amount_per_year = "500 kr/mån"
"""
    # 500 kr a month: 6 000 kr in the one year
    assert lcc.io.loads_tender(text).evaluate()["A"].value == pytest.approx(6_000.0, rel=1e-12)
    with pytest.raises(lcc.io.TenderError) as info:
        lcc.io.loads_tender(text.replace("500 kr/mån", "500 kr/mil"))
    [issue] = info.value.errors
    assert (issue.code, issue.path, issue.line) == ("invalid-value",
                                                    "alternatives[0].items[0].amount_per_year", 9)
    with pytest.raises(LCCError) as err:
        lcc.Energy(distance="1000 km/yr", consumption="0,5 l/mil", price="20 kr/l")
    assert "'mil' är en svensk mil på 10 km" in err.value.message_in("sv")


@pytest.mark.parametrize("text", ["280 cycles/yr", "280 cycle/yr", "0.9 kWh/cycle", "3 deg",
                                  "3 rad", "2 turn", "3 rpm", "3 sr", "3 arcmin", "3 gon"])
def test_angles_are_refused(text: str) -> None:
    """pint's cycle is an angle of 2π rad: '280 cycles/yr' (a dishwasher's label) was
    280 × 2π = 1 759.3 a year, and '0.9 kWh/cycle' 0.9 / 2π = 0.143 kWh."""
    with pytest.raises(LCCError, match="holds an angle") as info:
        lcc.Q_(text)
    assert info.value.code == "invalid-value"
    assert "innehåller en vinkel" in info.value.message_in("sv")


def test_a_dishwasher_in_cycles_is_refused_at_its_input() -> None:
    from lcc.templates import dishwasher
    bid = {"price": "6000 SEK", "energy": "200 kWh/yr", "water": "2000 l/yr",
           "electricity_price": "1.5 SEK/kWh", "water_price": "40 SEK/m3", "units": 2}
    # 2 × (6 000 + 200 × 1.5 + 2 m³ × 40) = 12 760 SEK in one year, undiscounted ('m3': m³)
    result = lcc.evaluate(dishwasher.alternative("A", **bid), lcc.Study("1 yr", 0.0))
    assert result.value == pytest.approx(12_760.0, rel=1e-12)
    with pytest.raises(LCCError, match="holds an angle") as info:
        dishwasher.alternative("A", **{**bid, "units": "2 cycles"})
    assert info.value.field.endswith("units")
    with pytest.raises(LCCError, match="holds an angle") as info:
        lcc.Alternative("A", lcc.Investment("1 000 kr"), quantity="3 deg")
    assert info.value.field == "Alternative.quantity"
    with pytest.raises(LCCError, match="holds an angle"):
        lcc.Study("10 yr", "3 deg")


def test_photometric_units_and_counts_still_read() -> None:
    assert lcc.Q_("3000 lm").to("lm").magnitude == 3000.0
    assert lcc.Q_("100 lm/W").to("lm/W").magnitude == 100.0
    assert lcc.Q_("500 lx").to("lx").magnitude == 500.0
    assert lcc.Q_("5 kr/st").to("SEK").magnitude == 5.0
    for text in ("3 kst", "3 mst"):
        with pytest.raises(LCCError, match="a count of pieces takes no prefix"):
            lcc.Q_(text)
