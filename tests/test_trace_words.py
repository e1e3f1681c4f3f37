"""The trace and the notes in words, in English and Swedish: no Python repr of a per-year
escalation, a carbon price path that reads, Swedish decimal commas, item types in the
reader's words, one minus sign and no minus on zero."""

from __future__ import annotations

import lcc

S = lcc.Study("12 yr", 0.04, timing="middle",
              carbon_price=lcc.ByYear([1.0] * 6 + [2.0] * 7, "SEK/kg"))
OLD = lcc.Alternative("Befintlig", lcc.Investment("1000 SEK", life="5 yr", residual="200 SEK"),
                      lcc.Energy(annual="1000 kWh/yr", price="1 SEK/kWh",
                                 emission_factor="0.1 kg/kWh", escalation=[0.01] * 12),
                      lcc.Recurring("10 SEK/yr", escalation=[0.01, 0.02, 0.03] * 4),
                      lcc.Emission(annual="1 kg/yr"), lcc.Residual("0 SEK"))
C = lcc.compare([OLD, lcc.Alternative("Ny", lcc.Investment("3000 SEK"))], S,
                baseline="Befintlig")


def test_the_trace_has_no_code_words() -> None:
    for lang in ("en", "sv"):
        text = C.explain(lang)
        for word in ("ByYear", "first_year", "per-year escalation", "per-year profile"):
            assert word not in text, (lang, word)
        assert "−0 " not in text and "-0 " not in text  # a residual of 0 has no sign
    en, sv = (C.explain(lang).replace("\xa0", " ") for lang in ("en", "sv"))
    assert "escalation 1 % per year in years 1–12" in en
    assert "escalation per year 1 %, 2 %, 3 %, 1 %, 2 %, 3 %, … in years 1–12" in en
    assert "prisförändring 1 % per år under åren 1–12" in sv
    assert "at t = k − 0.5" in en and "vid t = k − 0,5" in sv and "k − 0.5" not in sv


def test_a_carbon_price_path_and_an_emission_priced_by_it() -> None:
    en, sv = (C.explain(lang).replace("\xa0", " ") for lang in ("en", "sv"))
    assert "CO2e at 1 SEK/kg in the first year to 2 SEK/kg in the last" in en
    assert "CO2e till 1 kr/kg första året till 2 kr/kg sista året" in sv
    # 1 kg/yr times the path's values: no 'kg/yr = SEK/yr'
    assert "1 kg/yr × the per-year values c_k, 1 SEK/kg in year 1 to 2 SEK/kg in year 12" in en


def test_a_credits_minus_is_written_as_its_amount_is() -> None:
    """'= −200.00 SEK … = -124.92 SEK' mixed two minus signs in one English line."""
    line = next(x for x in C.explain("en").splitlines() if "stated amount 200 SEK" in x)
    assert "= -200.00 SEK at t = 12" in line and "−" not in line
    line = next(x for x in C.explain("sv").splitlines() if "angivet belopp 200 kr" in x)
    assert "= −200,00\xa0kr vid t = 12" in line and "-" not in line


def test_notes_name_item_types_in_the_readers_words() -> None:
    sv = C.notes_in("sv")
    assert any(n.startswith("Befintlig: Energi (pris för CO2e): serien per år kortas")
               for n in sv)
    assert any(n.startswith("Befintlig: Investering köps på nytt vid t = 10") for n in sv)
    assert not any("Energy (" in n or "Investment " in n for n in sv)
    en = C.notes_in("en")
    assert any(n.startswith("Befintlig: Energy (CO2e price): per-year sequence cut") for n in en)


def test_a_parameter_in_an_items_label_is_named_in_words_and_the_basis_said_once(
        capsys) -> None:
    """street-lighting-calculator's dimmed step read 'step 2: night_level = 50% power' in
    English (the identifier); `lcc explain` said the comparison basis twice."""
    from pathlib import Path

    from lcc.cli import main

    example = str(Path(__file__).parents[1] / "examples" / "street-lighting-calculator.toml")
    assert main(["explain", example]) == 0
    out = capsys.readouterr().out
    assert "4. Energy: Electricity, step 2: Night level = 50% power" in out
    assert "night_level" not in out
    assert out.count("Comparison basis: common study period") == 1
    assert main(["explain", example, "--lang", "sv"]) == 0
    out = capsys.readouterr().out
    assert "4. Energi: El, steg 2: Night level = 50 % effekt" in out
    assert out.count("Jämförelsegrund: gemensam kalkylperiod") == 1
