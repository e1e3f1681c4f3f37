"""Calculator inputs read by one rule in Python and in tender files: a bid's residual value
is never dropped, a share reads '40 %', choices read any letter case, a list of yearly rates
reads '2 %'."""

from __future__ import annotations

import pytest

import lcc
from lcc import LCCError
from lcc.io import loads_tender
from lcc.io._issues import TenderError
from lcc.templates import dishwasher, refurbished_vs_new, vehicles

EUR6 = lcc.Study("6 yr", 0.0, currency="EUR")
CAR = dict(method="lcc", price="10000 EUR", annual_mileage="10000 km/yr",
           consumption="5 l/100km", fuel_price="0 EUR/l")


@pytest.mark.parametrize("residual", [0.4, "4000 EUR"])
def test_a_residual_value_without_a_life_is_refused_not_dropped(residual) -> None:
    with pytest.raises(LCCError) as info:
        vehicles.alternative("Car", residual=residual, **CAR)
    assert (info.value.field, info.value.code) == ("vehicles.residual", "not-applicable")
    assert "without a life the vehicle serves the whole study" in str(info.value)


@pytest.mark.parametrize("residual", ["linear", "none", None])
def test_the_default_residual_needs_no_life(residual) -> None:
    alt = vehicles.alternative("Car", residual=residual, **CAR)
    assert lcc.evaluate(alt, EUR6).value == pytest.approx(10000)


@pytest.mark.parametrize(("extra", "field", "words"), [
    (dict(co2="100 g/km", emission_prices="none", co2_price="0.5 EUR/kg"), "co2_price",
     "but emission_prices is none"),
    (dict(co2="100 g/km", emission_prices="none", emission_cost_factor=2),
     "emission_cost_factor", "but emission_prices is none"),
    (dict(co2_price="0.5 EUR/kg"), "co2_price", "no exhaust emission it prices is given (co2)"),
    (dict(nox="0.1 g/km", co2_price="0.5 EUR/kg"), "co2_price", "(co2)"),
    (dict(emission_cost_factor=2), "emission_cost_factor", "(co2, nox, nmhc, pm)"),
])
def test_an_emission_price_that_prices_nothing_is_refused(extra, field, words) -> None:
    with pytest.raises(LCCError) as info:
        vehicles.alternative("Car", **CAR, **extra)
    assert info.value.field == f"vehicles.{field}"
    assert words in str(info.value)


@pytest.mark.parametrize("residual", [0.4, "40 %", "0,4", "0.4",
                                      lcc.Parameter("share", 0.4, low=0.2, high=0.6)])
def test_a_residual_share_reads_as_the_model_reads_it(residual) -> None:
    alt = vehicles.alternative("Car", residual=residual, life="8 yr", **CAR)
    # the car in service at the end of 6 years: 10 000 − 0.4 × 10 000 = 6 000 EUR
    assert lcc.evaluate(alt, EUR6).value == pytest.approx(6000)


@pytest.mark.parametrize(("residual", "words"), [
    (40, "did you mean 40 % = 0.4?"), ("140 %", "expected a fraction <= 1"),
    (-0.1, "expected a fraction >= 0")])
def test_a_residual_share_out_of_range_is_refused_at_the_input(residual, words) -> None:
    with pytest.raises(LCCError) as info:
        vehicles.alternative("Car", residual=residual, life="8 yr", **CAR)
    assert info.value.field == "vehicles.residual"
    assert words in str(info.value)


VEHICLE = """\
format = "lcc.tender/1"
name = "Cars"
[study]
period = "10 yr"
discount_rate = 0.04
currency = "EUR"
[[alternatives]]
name = "Car"
template = "vehicles"
[alternatives.inputs]
method = "{method}"
price = "20000 EUR"
category = "{category}"
fuel = "{fuel}"
consumption = "5.0 l/100km"
petrol_price = "0.55 EUR/l"
diesel_price = "0.50 EUR/l"
co2 = "132 g/km"
nox = "0.08 g/km"
nmhc = "0.02 g/km"
pm = "0.0045 g/km"
"""


def test_a_tender_file_reads_choices_in_any_letter_case_as_python_does() -> None:
    t = loads_tender(VEHICLE.format(method="CVD", category="m1", fuel="Diesel"), "toml")
    # the Directive's worked car: 20 000 + 5 000 + 1 056 + 70.4 + 4 + 78.3 = 26 208.70 EUR
    assert t.evaluate()["Car"].value == pytest.approx(26208.7)
    api = vehicles.alternative("Car", method="CVD", category="m1", fuel="Diesel",
                               price="20000 EUR", consumption="5.0 l/100km",
                               petrol_price="0.55 EUR/l", diesel_price="0.50 EUR/l",
                               co2="132 g/km", nox="0.08 g/km", nmhc="0.02 g/km",
                               pm="0.0045 g/km")
    assert lcc.evaluate(api, t.study).value == pytest.approx(26208.7)


def test_a_method_that_is_no_choice_is_the_only_error() -> None:
    with pytest.raises(TenderError) as info:
        loads_tender(VEHICLE.format(method="CVDD", category="M1", fuel="diesel"), "toml")
    assert [e.path for e in info.value.errors] == ["alternatives[0].inputs.method"]


def test_a_list_of_yearly_rates_reads_percent_text() -> None:
    study = lcc.Study("3 yr", 0.0)
    item = lcc.Recurring("100 SEK/yr", escalation=["10 %", "10 %", "10 %"])
    # 100 × (1.1 + 1.1² + 1.1³) = 100 × 3.641 = 364.10 SEK
    assert lcc.evaluate(lcc.Alternative("A", item), study).value == pytest.approx(364.1)
    bid = dishwasher.alternative("D", price="0 SEK", energy="100 kWh/yr", water="0 l/yr",
                                 electricity_price="1 SEK/kWh", water_price="48 SEK/m**3",
                                 escalation=["10 %", "10 %", "10 %"])
    assert lcc.evaluate(bid, study).value == pytest.approx(364.1)
    text = ('format = "lcc.tender/1"\nname = "E"\n[study]\nperiod = "3 yr"\n'
            'discount_rate = 0.0\n[[alternatives]]\nname = "A"\n[[alternatives.items]]\n'
            'type = "Recurring"\namount_per_year = "100 SEK/yr"\n'
            'escalation = ["10 %", "10 %", "10 %"]\n')
    assert loads_tender(text, "toml").evaluate()["A"].value == pytest.approx(364.1)
    with pytest.raises(TenderError) as info:
        loads_tender(text.replace('"10 %", "10 %"]', '"x", "-100 %"]'), "toml")
    assert [(e.path, e.code) for e in info.value.errors] == [
        ("alternatives[0].items[0].escalation[1]", "invalid-value"),
        ("alternatives[0].items[0].escalation[2]", "invalid-value")]


def test_a_life_input_named_in_a_message_reads_once() -> None:
    with pytest.raises(LCCError) as info:
        refurbished_vs_new.alternative("R", price="100 SEK", life=lcc.Parameter(
            "L", "5 yr", low="0 yr", high="10 yr"))
    assert "expected service life > 0" in str(info.value)
    assert "expected expected" not in str(info.value)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_calculators_csv_keeps_the_keys_of_tender_files(lang, capsys) -> None:
    import csv
    import io

    from lcc.cli import main

    assert main(["calculators", "--format", "csv", "--lang", lang]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out),
                           delimiter=";" if lang == "sv" else ","))
    keys = {(r[1], r[0]) for r in rows[1:]}
    # the keys a tender file's [alternatives.inputs] takes, never a label
    assert ("dishwasher", "energy") in keys and ("vehicles", "category") in keys
    assert ("vehicles", "residual") in keys and ("reusable_vs_single_use", "kind") in keys
    assert all(k.isidentifier() and k == k.lower() for _, k in keys)


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_an_alternative_named_like_a_category_keeps_its_name(tmp_path, capsys, fmt) -> None:
    from lcc.cli import main

    path = tmp_path / "t.toml"
    path.write_text('format = "lcc.tender/1"\nname = "N"\n[study]\nperiod = "3 yr"\n'
                    'discount_rate = 0.0\n[[alternatives]]\nname = "energy"\n'
                    '[[alternatives.items]]\ntype = "Investment"\namount = "100 SEK"\n',
                    encoding="utf-8")
    assert main(["evaluate", str(path), "--format", fmt, "--lang", "sv"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines()
            if line.lower().startswith(("energy", "energi"))]
    assert len(rows) == 1 and rows[0].startswith("energy;" if fmt == "csv" else "energy ")


def test_the_directives_emission_costs_left_out_of_the_lcc_are_said() -> None:
    car = vehicles.alternative("Car", method="cvd", category="M1", fuel="diesel",
                               price="20000 EUR", consumption="5.0 l/100km",
                               petrol_price="0.55 EUR/l", diesel_price="0.50 EUR/l",
                               co2="132 g/km", nox="0.08 g/km", nmhc="0.02 g/km",
                               pm="0.0045 g/km")
    study = lcc.Study("10 yr", 0.04, currency="EUR", include_externalities=False)
    c = lcc.compare([car], study)
    # 20 000 + 5 000 energy; the emission costs 1 056 + 70.4 + 4 + 78.3 = 1 208.70 EUR are out
    assert c.summary.at["Car", "lcc"] == pytest.approx(25000)
    assert any(n.startswith("Car: its externalities, 1 208.70\u00a0EUR, are priced in money "
                            "only (no kg)") for n in c.notes)
    kg = lcc.compare([vehicles.alternative("Car", **CAR, co2="100 g/km")],
                     lcc.Study("6 yr", 0.0, currency="EUR", include_externalities=False))
    assert not any("priced in money only" in n for n in kg.notes)  # its kg are reported


@pytest.mark.parametrize("power", ["10 kVA", "10 VA", "0.01 MVA"])
def test_apparent_power_is_no_shaft_power(power) -> None:
    from lcc.templates import pump_motor

    with pytest.raises(LCCError) as info:
        pump_motor.alternative("P", shaft_power=power, efficiency=0.9, price="1 SEK",
                               load_profile=[("1000 h/yr", 1.0)],
                               electricity_price="1 SEK/kWh")
    assert info.value.field == "pump_motor.shaft_power"
    assert "'VA' is apparent power (volt-ampere)" in str(info.value)


@pytest.mark.parametrize("units", [40.5, "40,5"])
def test_a_count_of_units_is_whole(units) -> None:
    with pytest.raises(LCCError) as info:
        dishwasher.alternative("D", price="7400 SEK", energy="210 kWh/yr", water="2660 l/yr",
                               electricity_price="1.5 SEK/kWh", water_price="48 SEK/m**3",
                               units=units)
    assert info.value.field == "dishwasher.units"
    assert "expected a whole number of units" in str(info.value)
    # a Parameter of the count may vary over whole and fractional values alike (sampling)
    n = lcc.Parameter("n", 40, low=30, high=50)
    assert dishwasher.alternative("D", price="7400 SEK", energy="210 kWh/yr",
                                  water="2660 l/yr", electricity_price="1.5 SEK/kWh",
                                  water_price="48 SEK/m**3", units=n).quantity is n


@pytest.mark.parametrize("units", [0, -2])
def test_a_count_of_none_is_refused_at_its_input(units) -> None:
    """'units = -2' was refused as 'expected a value >= 0' (the bound `lcc calculators` shows)
    and 'units = 0' then by the alternative's quantity, in the model's words; a reusable stock
    of 0 gave an LCC of 0 for 60 000 uses a year. A count is more than 0, said at the input."""
    from lcc.templates import reusable_vs_single_use

    with pytest.raises(LCCError) as info:
        dishwasher.alternative("D", price="7400 SEK", energy="210 kWh/yr", water="2660 l/yr",
                               electricity_price="1.5 SEK/kWh", water_price="48 SEK/m**3",
                               units=units)
    assert (info.value.field, info.value.code) == ("dishwasher.units", "invalid-value")
    assert str(info.value) == f"dishwasher: input 'units': got {units}; expected a value > 0"
    with pytest.raises(LCCError) as stock:
        reusable_vs_single_use.alternative("R", kind="reusable", stock=0, price="30 SEK",
                                           uses_per_year="60000 /yr")
    assert stock.value.field == "reusable_vs_single_use.stock"


def test_errors_of_the_items_a_vehicle_is_built_from_stand_at_their_inputs() -> None:
    """A consumption in kWh with a price per litre, and an emission factor per kWh, were one
    message at the [alternatives.inputs] line naming the model's items ('Energy
    'Fuel'.consumption … Energy 'Fuel'.emission_factor …'), run together; each now stands at
    its input's line."""
    text = ('format = "lcc.tender/1"\nname = "Cars"\n[study]\nperiod = "6 yr"\n'
            'discount_rate = "3 %"\n[[alternatives]]\nname = "Petrol"\n'
            'template = "vehicles"\n[alternatives.inputs]\nmethod = "lcc"\n'
            'price = "246000 SEK"\nconsumption = "17 kWh/100km"\n'
            'annual_mileage = "18000 km/yr"\nfuel_price = "14 SEK/l"\n'
            'emission_factor = "2.89 kg/kWh"\n')
    with pytest.raises(TenderError) as info:
        loads_tender(text)
    assert [(e.line, e.path, e.code) for e in info.value.errors] == [
        (12, "alternatives[0].inputs.consumption", "wrong-unit"),
        (15, "alternatives[0].inputs.emission_factor", "wrong-unit")]
    # with an example as a datasheet writes it ('1 m^3/km' was no consumption of a car)
    assert info.value.errors[0].message.startswith("got '17 kWh/100km' (units kWh/km); "
                                                   "expected volume per length, e.g. "
                                                   "'6 l/100km' — the use must match")
    assert info.value.errors[1].message == ("got '2.89 kg/kWh' (units kg/kWh); expected mass "
                                            "per volume, e.g. '1 kg/m³'")
    assert "Energy" not in " ".join(e.message for e in info.value.errors)


def test_a_calculators_description_of_its_bid_is_in_the_readers_words() -> None:
    """import-bids printed 'Street lighting: luminaires with a dimming profile, …' in the
    Swedish summary: the calculator's description was English text."""
    from pathlib import Path

    from lcc._errors import in_lang
    from lcc.io import load_tender

    tender = load_tender(Path(__file__).parents[1] / "examples/street-lighting-calculator.toml")
    description = tender.alternatives[0].description
    assert str(description).startswith("Street lighting: luminaires with a dimming profile")
    assert in_lang(description, "sv").startswith("Gatubelysning: armaturer med dimringsprofil")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_calculators_csv_is_in_the_readers_words(lang, capsys) -> None:
    """Every header, role, kind and yes/no of the CSV in the reader's language (it opens in
    a spreadsheet); a profile's example as a tender file writes it (TOML reads it back)."""
    import csv
    import io
    import tomllib

    from lcc.cli import main

    assert main(["calculators", "--format", "csv", "--lang", lang]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out),
                           delimiter=";" if lang == "sv" else ","))
    head = rows[0]
    assert len(head) == 19 and not any("_" in h for h in head)
    if lang == "sv":
        assert head[:3] == ["Indata (nyckel i upphandlingsfiler)", "Kalkylator",
                            "Kalkylatorns rubrik"]
        assert "Får variera per år" in head and "Slags värde" in head
    words = {"sv": ({"ja", "nej"}, {"köparen", "anbudsgivaren"}),
             "en": ({"yes", "no"}, {"buyer", "bidder"})}[lang]
    required = head.index("Obligatorisk" if lang == "sv" else "Required")
    role = head.index("Anges av" if lang == "sv" else "Given by")
    assert {r[required] for r in rows[1:]} == words[0]
    assert {r[role] for r in rows[1:]} <= words[1]
    assert not any(v in ("True", "False", "quantity", "profile") for r in rows for v in r)
    example = head.index("Exempel (som i upphandlingsfiler)" if lang == "sv"
                         else "Example (as in tender files)")
    other = head.index("Andra enheter" if lang == "sv" else "Other units")
    fuel = next(r for r in rows if r[0] == "fuel_price")
    residual = next(r for r in rows if r[0] == "residual")
    assert fuel[other].startswith("kr/kWh" if lang == "sv" else "SEK/kWh")
    assert residual[other] == ("tal" if lang == "sv" else "number")
    profile = next(r for r in rows if r[0] == "load_profile")
    assert tomllib.loads("x = " + profile[example])["x"] == [["2000 h/yr", 1.0],
                                                             ["4000 h/yr", 0.6]]
