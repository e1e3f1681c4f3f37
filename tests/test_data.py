"""The shipped reference tables: provenance, units, published figures, errors.

The figures asserted here are the published ones, each with its source in the
test's docstring; the arithmetic that cross-checks a table is written out.
"""

from __future__ import annotations

import math
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest

import lcc
import lcc.data
from lcc.data._loader import REQUIRED_KEYS, table_dir
from lcc.units import CURRENCIES, parse_quantity

DATA = Path(__file__).resolve().parents[1] / "data"
NAMES = sorted(p.stem for p in DATA.glob("*.csv"))
CONFIDENCE = {"high", "medium"}
ATTRS = ("name", "title", "description", "source", "url", "year", "price_base",
         "confidence", "licence", "notes", "units")


def _money(unit: str) -> bool:
    return any(re.search(rf"\b{code}\b", unit) for code in CURRENCIES)


def _spec(unit: str) -> str:
    """The unit with its currency replaced by parse_quantity's CUR placeholder."""
    for code in CURRENCIES:
        unit = re.sub(rf"\b{code}\b", "CUR", unit)
    return unit


# --------------------------------------------------------------------------- the catalogue


def test_list_has_one_row_per_csv_toml_pair() -> None:
    listing = lcc.data.list()
    assert list(listing.columns) == ["name", "title", "source", "year"]
    assert list(listing["name"]) == NAMES
    for name in NAMES:
        assert (DATA / f"{name}.toml").is_file(), f"{name}.csv has no metadata file"
    assert len(NAMES) >= 9


def test_source_checkout_reads_the_repository_data_folder() -> None:
    """In a source checkout or editable install the tables come from data/."""
    assert Path(str(table_dir())).resolve() == DATA


@pytest.mark.parametrize("name", NAMES)
def test_metadata_is_complete(name: str) -> None:
    with (DATA / f"{name}.toml").open("rb") as fh:
        meta = tomllib.load(fh)
    for key in REQUIRED_KEYS:
        assert key in meta, f"{name}.toml lacks {key}"
    for key in ("title", "description", "source", "url", "confidence", "licence", "notes"):
        assert isinstance(meta[key], str) and meta[key].strip(), f"{name}.toml: empty {key}"
    assert meta["url"].startswith(("http://", "https://"))
    assert isinstance(meta["year"], int) and 1990 <= meta["year"] <= 2030
    assert meta["confidence"] in CONFIDENCE | {"mixed"}
    df = lcc.data.load(name)
    if meta["confidence"] == "mixed":
        assert "confidence" in df.columns, f"{name}: 'mixed' needs a confidence column"
    if "confidence" in df.columns:
        # no row of low confidence or unverified is shipped
        assert set(df["confidence"]) <= CONFIDENCE, name
    money = [c for c, u in meta["units"].items() if _money(u)]
    if money:
        assert isinstance(meta.get("price_base"), str) and meta["price_base"].strip(), (
            f"{name}: money columns {money} need a price_base"
        )


@pytest.mark.parametrize("name", NAMES)
def test_attrs_carry_the_metadata(name: str) -> None:
    df = lcc.data.load(name)
    assert set(ATTRS) <= set(df.attrs)
    assert df.attrs["name"] == name
    with (DATA / f"{name}.toml").open("rb") as fh:
        meta = tomllib.load(fh)
    for key in ("title", "source", "url", "year", "confidence", "licence"):
        assert df.attrs[key] == meta[key]
    assert df.attrs["price_base"] == meta.get("price_base")
    assert len(df) > 0


@pytest.mark.parametrize("name", NAMES)
def test_every_unit_parses_with_the_registry(name: str) -> None:
    df = lcc.data.load(name)
    units = df.attrs["units"]
    assert set(units) == set(df.columns), f"{name}: one unit entry per column"
    for column, unit in units.items():
        if unit == "":
            continue
        assert pd.api.types.is_numeric_dtype(df[column]), f"{name}.{column} is not numeric"
        values = df[column].dropna()
        assert len(values) > 0 and all(math.isfinite(v) for v in values)
        if unit == "1":
            assert lcc.ureg.parse_units(unit).dimensionless
            continue
        q = parse_quantity(f"1 {unit}", _spec(unit), name=f"{name}.{column}")
        assert q.magnitude == 1
        assert lcc.Q_(2.5, unit).units == q.units


def test_readme_lists_every_table_with_title_source_and_year() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip().strip("`"): line for line in readme.splitlines()
            if line.startswith("| `")}
    assert sorted(rows) == NAMES
    for name in NAMES:
        meta = lcc.data.load(name).attrs
        line = rows[name]
        assert meta["title"] in line
        assert meta["source"].replace("|", "/") in line
        assert f"| {meta['year']} |" in line


def test_load_returns_a_fresh_copy() -> None:
    df = lcc.data.load("scb_kpi_annual")
    df.loc[0, "kpi"] = -1.0
    df.attrs["units"]["kpi"] = "SEK"
    again = lcc.data.load("scb_kpi_annual")
    assert again.loc[0, "kpi"] == 284.22
    assert again.attrs["units"]["kpi"] == "1"


def test_unknown_table_names_the_available_ones() -> None:
    with pytest.raises(lcc.LCCError) as err:
        lcc.data.load("kpi")
    message = str(err.value)
    assert "'kpi'" in message
    for name in NAMES:
        assert name in message


# --------------------------------------------------------------------------- published figures


def test_cvd_constants_match_the_directive() -> None:
    """Directive 2009/33/EC, Annex Tables 1–3 (2007 prices), as in the methodology reference.

    CO2 0.03–0.04 EUR/kg; NOx 0.0044 EUR/g = 4.4 EUR/kg; NMHC 0.001 EUR/g = 1 EUR/kg;
    PM 0.087 EUR/g = 87 EUR/kg. Mileage M1 200 000, N1 250 000, N2/N3 1 000 000,
    M2/M3 800 000 km. Energy: diesel 36, petrol 32, LPG 24, ethanol 21, biodiesel 33,
    emulsion 32 MJ/l; natural gas/biogas 33–38, hydrogen 11 MJ/Nm3.
    """
    costs = lcc.data.load("cvd_emission_costs").set_index("pollutant")
    assert costs.attrs["price_base"] == "2007"
    per_kg = {p: (lcc.Q_(lo, costs.attrs["units"]["cost_low"]).to("EUR/kg").magnitude,
                  lcc.Q_(hi, costs.attrs["units"]["cost_high"]).to("EUR/kg").magnitude)
              for p, lo, hi in zip(costs.index, costs["cost_low"], costs["cost_high"],
                                   strict=True)}
    assert per_kg["CO2"] == (0.03, 0.04)
    assert per_kg["NOx"] == (4.4, 4.4)
    assert per_kg["NMHC"] == (1.0, 1.0)
    assert per_kg["PM"] == (87.0, 87.0)
    assert costs.loc["NOx", "as_printed"] == "0.0044 EUR/g"

    mileage = lcc.data.load("cvd_lifetime_mileage").set_index("category")["lifetime_mileage"]
    assert mileage.to_dict() == {"M1": 200_000, "N1": 250_000, "N2": 1_000_000,
                                 "N3": 1_000_000, "M2": 800_000, "M3": 800_000}

    fuels = lcc.data.load("cvd_fuel_energy_content").set_index("fuel")
    litre = fuels["energy_per_litre"].dropna().to_dict()
    assert litre == {"diesel": 36, "petrol": 32, "lpg": 24, "ethanol": 21, "biodiesel": 33,
                     "emulsion": 32}
    for gas in ("natural_gas", "biogas"):
        assert (fuels.loc[gas, "energy_per_nm3_low"], fuels.loc[gas, "energy_per_nm3_high"]) \
            == (33, 38)
    assert fuels.loc["hydrogen", "energy_per_nm3_low"] == 11


def test_kpi_published_annual_means() -> None:
    """SCB, KPI (1980 = 100), fastställda tal, annual means: 2017 = 322.11, 2023 = 403.70.

    Cross-check with SCB's own monthly figures for 2023: their mean is
    (391.50 + 395.82 + 398.08 + 399.93 + 401.19 + 405.49 + 405.67 + 405.97 + 408.05
    + 409.07 + 410.35 + 413.34) / 12 = 4844.46 / 12 = 403.705 → published 403.70.
    Annual inflation 2023 = 403.70 / 371.91 − 1 = 8.5 % (SCB's published KPI rate).
    """
    kpi = lcc.data.load("scb_kpi_annual").set_index("year")["kpi"]
    assert kpi[2017] == 322.11
    assert kpi[2023] == 403.70
    assert list(kpi.index) == list(range(2006, 2024))
    monthly = lcc.data.load("scb_kpi_monthly").set_index("month")["kpi"]
    months_2023 = monthly[[f"2023-{m:02d}" for m in range(1, 13)]]
    assert months_2023.sum() == pytest.approx(4844.46, abs=1e-9)
    assert months_2023.mean() == pytest.approx(403.705, abs=1e-9)
    assert abs(months_2023.mean() - kpi[2023]) < 0.01
    assert round(kpi[2023] / kpi[2022] - 1, 3) == 0.085


def test_asek_co2e_value() -> None:
    """Trafikverket ASEK 7.0 (2020): CO2e valued at 7 SEK/kg at the 2017 price level."""
    asek = lcc.data.load("asek_co2e_value")
    assert len(asek) == 1
    row = asek.iloc[0]
    assert row["asek_version"] == "ASEK 7.0"
    assert lcc.Q_(row["value"], asek.attrs["units"]["value"]) == lcc.Q_(7, "SEK/kg")
    assert row["price_level_year"] == 2017
    assert asek.attrs["price_base"] == "2017"


def test_cost_optimal_carbon_price_floors() -> None:
    """Regulation (EU) 244/2012, Annex I: ≥ 20 EUR/t CO2e until 2025, 35 until 2030,
    50 beyond 2030 (2008 prices) — i.e. 0.020, 0.035 and 0.050 EUR/kg."""
    floors = lcc.data.load("eu_cost_optimal_carbon_price_floor")
    assert floors.attrs["price_base"] == "2008"
    unit = floors.attrs["units"]["price_floor"]

    def floor(year: int) -> float:
        first = floors["first_year"].fillna(-math.inf)
        last = floors["last_year"].fillna(math.inf)
        row = floors[(first <= year) & (year <= last)]
        assert len(row) == 1, year
        return float(lcc.Q_(row["price_floor"].iloc[0], unit).to("EUR/kg").magnitude)

    assert floor(2020) == pytest.approx(0.020)
    assert floor(2025) == pytest.approx(0.020)
    assert floor(2026) == pytest.approx(0.035)
    assert floor(2030) == pytest.approx(0.035)
    assert floor(2031) == pytest.approx(0.050)
    assert floor(2050) == pytest.approx(0.050)


def test_femp_2024_rates_and_fisher_relation() -> None:
    """FEMP 2024: real 3.0 %, nominal 4.2 %, implied inflation 1.2 %
    (1.042 / 1.030 − 1 = 0.01165, published as 1.2 %). The BLCC table's 0.1200 is
    corrected. Every OMB row satisfies (1 + nominal) = (1 + real)(1 + inflation) to the
    rounding of the printed figures (e.g. 2023, 3 years: 1.040 / 1.012 − 1 = 0.02767 →
    0.0277)."""
    rates = lcc.data.load("femp_omb_discount_rates")
    femp = rates[(rates["rate_family"] == "FEMP") & (rates["release_year"] == 2024)].iloc[0]
    assert (femp["real"], femp["nominal"], femp["inflation"]) == (0.030, 0.042, 0.012)
    assert round(1.042 / 1.030 - 1, 3) == femp["inflation"]
    omb = rates[rates["rate_family"] == "OMB"]
    fisher = (1 + omb["nominal"]) / (1 + omb["real"]) - 1
    assert ((fisher - omb["inflation"]).abs() <= 0.0006).all()
    row = omb[(omb["release_year"] == 2023) & (omb["study_period"] == 3)].iloc[0]
    assert round((1 + row["nominal"]) / (1 + row["real"]) - 1, 4) == row["inflation"] == 0.0277


def test_emission_factor_tables_are_labelled_by_method() -> None:
    """Each factor says its method; the Ei 2021 Nordic residual mix is 371.99 g CO2/kWh
    (Energimarknadsinspektionen, 2022-06-08); the Swedish user mix 13.1 g CO2e/MJ
    (Energimyndigheten) is 13.1 × 3.6 = 47.16 g/kWh."""
    elec = lcc.data.load("emission_factors_electricity")
    assert elec["method"].notna().all() and elec["scope"].notna().all()
    assert elec.attrs["units"]["value"] == "g/kWh"
    ei = elec[(elec["method"] == "residual mix") & (elec["data_year"] == "2021")]
    assert ei["value"].tolist() == [371.99]
    user = elec[elec["description"].str.startswith("Swedish user mix")].iloc[0]
    assert user["value"] == pytest.approx(13.1 * 3.6)
    assert user["scope"] == "lifecycle"
    for name in ("emission_factors_fuels_se_lifecycle", "emission_factors_fuels_combustion"):
        df = lcc.data.load(name)
        assert df["method"].notna().all()
    assert set(lcc.data.load("emission_factors_fuels_se_lifecycle")["method"]) == {
        "lifecycle (well-to-wheel)"}
    assert set(lcc.data.load("emission_factors_fuels_combustion")["method"]) == {
        "combustion (tank-to-wheel; CO2 only)"}


def test_fuel_factor_tables_are_internally_consistent() -> None:
    """Energimyndigheten 2016: g/l = g/MJ × MJ/l to the printed rounding (93.3 × 32.2 =
    3004.26 → 3004). Miljødirektoratet: kg CO2 per kg fuel computed two ways agrees
    (diesel 2.66 / 0.84 = 3.167 and 0.265 × 12 = 3.18)."""
    se = lcc.data.load("emission_factors_fuels_se_lifecycle").dropna(subset=["per_litre"])
    assert ((se["per_mj"] * se["energy_per_litre"] / se["per_litre"] - 1).abs() < 0.005).all()
    assert pytest.approx(3004.26) == 93.3 * 32.2
    no = lcc.data.load("emission_factors_fuels_combustion").dropna(subset=["per_litre"])
    per_kg_a = no["per_litre"] / no["density"]
    per_kg_b = no["per_kwh"] * no["energy_per_kg"]
    assert ((per_kg_a / per_kg_b - 1).abs() < 0.03).all()


def test_service_lives_are_years_with_ranges_in_order() -> None:
    """BELOK LCC tools: e.g. windows 20–40 years, air handling unit 20 years."""
    lives = lcc.data.load("service_lives_belok")
    assert lives.attrs["units"]["life_low"] == "yr"
    ranged = lives.dropna(subset=["life_low", "life_high"])
    assert (ranged["life_low"] < ranged["life_high"]).all()
    windows = lives[lives["component"] == "windows"].iloc[0]
    assert (windows["life_low"], windows["life_high"]) == (20, 40)
    ahu = lives[lives["component"] == "air handling unit"].iloc[0]
    assert ahu["life_point"] == 20
    assert lives[["life_low", "life_point"]].notna().any(axis=1).all()
