"""Issue 17: the calculators' own texts (lcc.templates) are catalogue messages, every input has
a human label in English and Swedish, and the texts a person reads show no identifier."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lcc import templates
from lcc._i18n import catalog, tr

NAMES = tuple(templates.CALCULATORS)
IDENTIFIER = re.compile(r"\b[a-z]{2,}_[a-z]{2,}\w*\b|\blcc\.[a-z_]+|\bDESIGN\b")


def _texts(module) -> list[str]:  # type: ignore[no-untyped-def]
    out = [module.TITLE, module.METHOD]
    for inp in module.INPUTS:
        out += [inp.label, inp.meaning, inp.source, *inp.choice_labels]
    return out


@pytest.mark.parametrize("name", NAMES)
def test_every_calculator_text_has_a_swedish_translation(name: str) -> None:
    sv = catalog("sv")
    module = templates.get(name)
    missing = [text for text in _texts(module) if not sv.get((None, text), "").strip()]
    assert not missing


@pytest.mark.parametrize("name", NAMES)
def test_every_input_has_its_own_label_and_no_text_has_an_identifier(name: str) -> None:
    module = templates.get(name)
    for inp in module.INPUTS:
        assert tr(inp.label, "sv") != inp.label, (name, inp.name, inp.label)
    for text in _texts(module):
        for lang in ("en", "sv"):
            assert not IDENTIFIER.search(tr(text, lang)), (name, lang, text)
    for lang in ("en", "sv"):
        assert tr(module.METHOD, lang) and tr(module.TITLE, lang)


def test_choice_labels_follow_the_choices_and_unknown_words_stay_as_they_are() -> None:
    fuel = next(i for i in templates.vehicles.INPUTS if i.name == "fuel")
    assert len(fuel.choice_labels) == len(fuel.choices)
    assert tr(fuel.choice_label("natural_gas"), "sv") == "naturgas"
    assert fuel.choice_label("Natural_Gas") == "natural gas"
    assert fuel.choice_label("coal") == "coal"
    with pytest.raises(ValueError, match="one label per choice"):
        templates.Input("x", "buyer", "", "m", "s", kind="choice", choices=("a", "b"),
                        choice_labels=("A",))
    bare = templates.Input("power_standby", "bidder", "W", "m", "s")
    assert bare.label == "Power standby"  # no label given: the name in words


def test_list_calculators_in_swedish() -> None:
    en = templates.list_calculators("indoor_lighting")
    sv = templates.list_calculators("indoor_lighting", lang="sv")
    assert list(en["input"]) == list(sv["input"])  # identifiers stay the keys
    row = sv[sv.input == "luminaires"].iloc[0]
    assert row.label == "Antal armaturer"
    assert row.title.startswith("Inomhusbelysning")
    assert "armaturer" in row.meaning
    assert en[en.input == "luminaires"].iloc[0].label == "Number of luminaires"


def test_a_swedish_choice_cell_reads_back_as_the_calculators_word(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from lcc.bidform import read_bid_form, write_bid_form
    from lcc.io import load_tender

    example = Path(__file__).resolve().parents[1] / "examples" / "refurbished-furniture.toml"
    tender = load_tender(example)
    xlsx = write_bid_form(tender, tmp_path / "anbud.xlsx", lang="sv", tender_file=example)
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Anbud"]
    rows = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert [dv.formula1 for dv in lists] == ['"ny,renoverad"']
    note = ws.cell(rows["condition"], 6).value
    assert "ny, renoverad" in note and "om cellen lämnas tom: ny" in note
    values = {"bidder": "Stolar AB", "condition": "Renoverad", "price": 1500, "life": 6,
              "transport": 100, "resale_value": 0, "embodied_co2e": 20, "maintenance": 0}
    for key, value in values.items():
        ws.cell(rows[key], 4).value = value
    wb.save(tmp_path / "filled.xlsx")
    bid = read_bid_form(tender, tmp_path / "filled.xlsx", tender_file=example)
    assert bid.calculator is not None and bid.calculator.inputs["condition"] == "refurbished"


def test_a_default_of_zero_is_shown_on_the_form(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from lcc.bidform import write_bid_form
    from lcc.io import load_tender

    example = Path(__file__).resolve().parents[1] / "examples" / "indoor-lighting.toml"
    tender = load_tender(example)
    xlsx = write_bid_form(tender, tmp_path / "form.xlsx", lang="en", tender_file=example)
    ws = openpyxl.load_workbook(xlsx)["Bid"]
    rows = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
    assert ws.cell(rows["control_savings"], 2).value == "Energy saved by controls"
    assert ws.cell(rows["control_savings"], 6).value.startswith("if left blank: 0 (")


def test_the_calculators_command_lists_labels_and_keys_in_the_readers_language() -> None:
    import contextlib
    import io

    from lcc.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["calculators", "indoor_lighting", "--lang", "sv"]) == 0
    text = out.getvalue()
    assert "Antal armaturer" in text and "Inomhusbelysning" in text
    assert " maintenance " in text  # the key of the tender file stays as it is
    assert "Underhåll per armatur" in text and "anbudsgivaren" in text
    assert not re.search(r"\b(bidder|buyer|True|False|Number of)\b", text)


def test_the_calculator_section_shows_words_by_their_labels_and_only_inputs_that_apply(
        tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from lcc.bidform import write_bid_form
    from lcc.io import load_tender

    root = Path(__file__).resolve().parents[1] / "examples"
    from tests.test_documents import _form_text

    for name, present, absent in (
            ("vehicles", ["Kostnad för CO2", "kalkylens standardvärde: hög",
                          "om cellen lämnas tom: linjärt"], ["standardvärde: high",
                                                            "tom: linear"]),
            ("reusable-tableware", ["engångs"], ["Andel trasiga eller förlorade per år",
                                                 "single_use"])):
        example = root / f"{name}.toml"
        tender = load_tender(example)
        xlsx = write_bid_form(tender, tmp_path / f"{name}.xlsx", lang="sv", tender_file=example)
        text = _form_text(xlsx.read_bytes())
        for word in present:
            assert word in text, (name, word)
        for word in absent:
            assert not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text), (name, word)


def test_the_trace_shows_a_calculators_words_in_the_readers_language_and_user_labels_as_given(
        ) -> None:
    import lcc
    from lcc.templates import indoor_lighting

    study = lcc.Study("5 yr", 0.03)
    bid = indoor_lighting.alternative("LED", luminaires=10, power="30 W", price="2000 SEK",
                                      operating_hours="3000 h/yr",
                                      electricity_price="1.5 SEK/kWh",
                                      maintenance="50 SEK/yr")
    text = lcc.evaluate(bid, study).explain(lang="sv")
    assert "Inomhusbelysning: armaturer" in text and "Armatur inkl. installation" in text
    assert "Luminaire" not in text and "Indoor lighting" not in text
    own = lcc.Alternative("Own", lcc.Recurring("50 SEK/yr", label="Maintenance"),
                          description="Indoor lighting: luminaires, controls, electricity "
                                      "and maintenance")
    text = lcc.evaluate(own, study).explain(lang="sv")
    assert "Maintenance" in text and "Indoor lighting: luminaires" in text  # the user's words
