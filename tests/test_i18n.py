"""The message catalogue (issue 17): every message used in the code has a Swedish translation,
with the same placeholders; Babel formats; input errors in Swedish per code."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

import lcc
from lcc._i18n import (
    catalog,
    csv,
    error_lines,
    money,
    number,
    percent,
    table,
    tr,
    unit,
    word,
)
from lcc._i18n._catalog import LOCALE_DIR, po_files
from lcc._i18n._extract import extract
from lcc._text import shown, spreadsheet_text


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_message_in_the_code_has_a_swedish_translation() -> None:
    messages = extract()
    assert len(messages) > 250
    sv = catalog("sv")
    missing = [f"{m} ({', '.join(where)})" for (ctx, m), where in messages.items()
               if not sv.get((ctx, m), "").strip()]
    assert not missing, "no Swedish translation:\n" + "\n".join(missing)


def test_translations_keep_the_placeholders() -> None:
    sv = catalog("sv")
    wrong = [m for (_, m), t in sv.items() if _fields(m) != _fields(t)]
    assert not wrong, wrong


def test_catalogues_ship_inside_the_package_and_do_not_conflict() -> None:
    from babel.messages.pofile import read_po

    assert LOCALE_DIR.parent.name == "lcc" and po_files("sv")
    seen: dict[tuple[str | None, str], str] = {}
    for path in po_files("sv"):
        with path.open("rb") as fh:
            for msg in read_po(fh):
                if msg.id:
                    key = (msg.context, str(msg.id))
                    assert seen.setdefault(key, str(msg.string)) == str(msg.string), key


def test_english_is_the_message_itself_and_values_are_filled() -> None:
    assert tr("Summary", "en") == "Summary"
    assert tr("Summary", "sv") == "Sammanställning"
    assert tr("Lowest life-cycle cost: {name}", "sv", name="{x}") == \
        "Lägst livscykelkostnad: {x}"
    with pytest.raises(lcc.LCCError):
        tr("Summary", "de")


def test_babel_formats_in_swedish_and_english() -> None:
    assert number(-1234567.891, "sv") == "\u22121\u00a0234\u00a0567,89"
    assert number(1234567.891, "en") == "1 234 567.89"
    assert number(float("nan"), "sv") == "—"
    assert percent(0.0155, "sv") == "1,55\u00a0%" and percent(0.04, "en") == "4\u00a0%"
    assert money(2268559.63, "SEK", "sv") == "2\u00a0268\u00a0560\u00a0kr"
    assert money(2268559.63, "SEK", "en") == "2 268 560\u00a0SEK"
    assert unit("SEK/kWh", "sv") == "kr/kWh" and unit("h/yr", "sv") == "h/år"
    assert word("net_savings", "sv") == "Nettobesparing"
    assert word("kg_CO2e_difference", "sv") == "Skillnad, kg CO2e"
    assert word("My_bid", "sv", header=False) == "My_bid"  # a user's name is kept



def test_a_percentage_column_keeps_its_decimals() -> None:
    """AIRR 0.191 beside 0.2311 in one column reads 19,10 % and 23,11 %, as the Excel
    report's 0.00% shows it; an input rate in a sentence stays 3,5 %."""
    import pandas as pd

    df = pd.DataFrame({"airr": [0.2311, 0.191, float("nan")]}, index=["A", "B", "C"])
    df.index.name = "alternative"
    lines = table(df, "sv").splitlines()
    assert [line.split()[-2:] for line in lines[2:4]] == [["23,11", "%"], ["19,10", "%"]]
    assert lines[4].endswith("—")
    assert percent(0.035, "sv") == "3,5\u00a0%"
    assert percent(0.191, "en", fixed=True) == "19.10\u00a0%"

def test_distributions_are_described_in_words_in_the_inputs_unit() -> None:
    from scipy import stats

    from lcc.results._describe import distribution_text

    lognorm = stats.lognorm(0.25, scale=1.2)
    assert distribution_text(lognorm, "SEK/kWh", "sv") == \
        "lognormalfördelning, median 1,2\u00a0kr/kWh, σ 0,25"
    assert distribution_text(stats.uniform(loc=0.01, scale=0.05), None, "en", rate=True) == \
        "uniform between 1\u00a0% and 6\u00a0%"
    assert "object at" not in distribution_text(stats.norm(3, 1), "h/yr", "en")


def test_terminal_and_csv_text_is_safe() -> None:
    import pandas as pd

    assert shown("\x1b[31mred\x1b[0m\x07") == "red"
    assert spreadsheet_text("=1+1") == "'=1+1" and spreadsheet_text("-2") == "'-2"
    assert spreadsheet_text(-2.0) == -2.0
    df = pd.DataFrame({"lcc": [1.0]}, index=pd.Index(["@SUM(A1)"], name="alternative"))
    assert "'@SUM(A1)" in csv(df, "en")
    assert "\x1b" not in table(pd.DataFrame({"x": ["\x1b[2Jy"]}), "en")


def test_input_errors_in_swedish_per_code_with_the_field_name(tmp_path) -> None:
    from lcc.io import load_tender

    path = tmp_path / "bad.toml"
    path.write_text('format = "lcc.tender/1"\nname = "T"\n[study]\nperiod = "20 yr"\n'
                    'discount_rate = 0.04\n[[alternatives]]\nname = "A"\n'
                    '[[alternatives.items]]\ntype = "Investment"\namount = "100"\n'
                    'life = "-3 yr"\n', encoding="utf-8")
    with pytest.raises(lcc.LCCError) as info:
        load_tender(path)
    lines = error_lines(info.value, "sv")
    assert any(line.endswith("alternatives[0].items[0].life (livslängd): ogiltigt värde "
                             "'-3 yr'; ange en tidslängd > 0 [invalid-value]")
               for line in lines), lines
    assert any("amount (belopp): '100' saknar enhet; ange ett belopp, t.ex. '2500 kr'" in line
               for line in lines), lines
    assert error_lines(info.value, "en") == [str(e) for e in info.value.errors]
    try:
        lcc.Investment("100 SEK", life="-3 yr")
    except lcc.LCCError as exc:
        (line,) = error_lines(exc, "sv")
    assert line == "fel: Investment.life (livslängd): ogiltigt värde '-3 yr'; ange en tidslängd > 0"


def test_a_swedish_example_in_a_message_is_read_as_the_english_one() -> None:
    """Messages suggest values ('t.ex. 800 kr/år'): in Swedish units too, and lcc reads them."""
    from lcc._errors import UnitText
    from lcc.model import _items
    from lcc.model._study import Study

    specs = [f for cls in (*vars(_items).values(), Study) if isinstance(cls, type)
             for f in getattr(cls, "FIELDS", {}).values()
             if f.kind == "quantity" and isinstance(f.example, str)]
    assert len(specs) > 20
    for f in specs:
        sv = UnitText(f.example).in_lang("sv")
        assert lcc.Q_(sv) == lcc.Q_(f.example), (f.example, sv)
    assert UnitText("800 SEK/yr").in_lang("sv") == "800 kr/år"
    assert UnitText("365 d/yr").in_lang("sv") == "365 dygn/år"
    assert lcc.Q_("365 dygn/år") == lcc.Q_("365 d/yr")


def test_numbers_past_a_floats_precision_have_an_exponent() -> None:
    from lcc._i18n import number

    assert number(999_999_999_999_999.0, "sv") == "999\u00a0999\u00a0999\u00a0999\u00a0999,00"
    assert number(2.5e302, "sv") == "2,5e+302"
    assert number(-2.5e20, "sv") == "\u22122,5e+20"
    assert number(-2.5e20, "en") == "-2.5e+20"
    assert number(1e15, "en") == "1e+15"


def test_a_field_of_an_item_labelled_in_lccs_words_is_named_in_the_readers_words() -> None:
    """A calculator's item is labelled in lcc's words (a Msg): an error about one of its
    fields names the item type, the label and the field in Swedish; a user's label stays
    as written, and the field's key is followed by its Swedish name."""
    from lcc._errors import Msg, in_lang

    with pytest.raises(lcc.LCCError) as own:
        lcc.Investment(label=Msg("Maintenance"), amount="100 SEK", life="-5 yr")
    assert in_lang(own.value.message, "sv").startswith(
        "Investering 'Underhåll'.life (livslängd): ")
    assert str(own.value.message).startswith("Investment 'Maintenance'.life: got '-5 yr'")
    assert own.value.field == "Investment.life"
    assert str(own.value.detail) == "got '-5 yr'; expected a duration > 0"

    with pytest.raises(lcc.LCCError) as users:
        lcc.Investment(label="LED", amount="100 SEK", life="-5 yr")
    assert in_lang(users.value.message, "sv").startswith("Investment 'LED'.life (livslängd): ")


def test_a_count_of_one_is_singular_and_every_plural_message_has_both_swedish_forms() -> None:
    """ntr picks the form by the count: '1 replacement' and '(1 gång)', never
    'replacement(s)', 'utbyte(n)' or '(1 times)'."""
    from babel.messages.extract import extract_from_file

    from lcc._i18n import ntr
    from lcc._i18n._catalog import _PLURAL
    from lcc._i18n._extract import KEYWORDS, PACKAGE

    plurals = [m for path in sorted(PACKAGE.rglob("*.py"))
               for _, m, _, _ in extract_from_file("python", str(path), keywords=KEYWORDS,
                                                   comment_tags=())
               if isinstance(m, tuple)]
    assert len(plurals) >= 4
    sv = catalog("sv")
    for singular, plural in plurals:
        assert sv.get((None, singular)) and sv.get((None, _PLURAL + singular)), singular
        assert _fields(sv[(None, singular)]) == _fields(singular) == _fields(plural)
    assert ntr("{n} replacement {when}", "{n} replacements {when}", 1, "sv",
               when="vid t = 12") == "1 utbyte vid t = 12"
    assert ntr("{n} replacement {when}", "{n} replacements {when}", 2, "en",
               when="at t = 8, 16") == "2 replacements at t = 8, 16"


def test_the_trace_counts_in_words() -> None:
    import lcc

    study = lcc.Study(period="15 yr", discount_rate=0.03)
    alt = lcc.Alternative("A", [lcc.Periodic(amount="100 SEK", every="10 yr", label="Översyn"),
                                lcc.Investment(amount="1000 SEK", life="12 yr", label="Pump")])
    result = lcc.evaluate(alt, study)
    en, sv = result.explain(), result.explain(lang="sv")
    assert "(1 time)" in en and "= 1 replacement at t = 12" in en
    assert "(1 gång)" in sv and "= 1 utbyte vid t = 12" in sv
    assert "(s)" not in en and "(n)" not in sv and "gånger" not in sv
    longer = lcc.evaluate(alt, lcc.Study(period="30 yr", discount_rate=0.03))
    assert "(3 times)" in longer.explain() and "(3 gånger)" in longer.explain(lang="sv")
    assert "= 2 replacements at t = 12, 24" in longer.explain()
    assert "= 2 utbyten vid t = 12, 24" in longer.explain(lang="sv")


def test_what_the_operating_system_says_is_said_in_the_readers_words(tmp_path, capsys) -> None:
    """'No such file or directory' came through in Swedish messages; lcc says the common
    reasons itself."""
    import errno

    from lcc._errors import in_lang, os_reason
    from lcc.cli import main

    example = str(Path(__file__).parents[1] / "examples" / "street-lighting.toml")
    out = str(tmp_path / "no" / "such" / "r.html")
    assert main(["report", example, "-o", out, "--lang", "sv"]) == 2
    assert f"kan inte läsa eller skriva '{out}': filen eller mappen finns inte" in \
        capsys.readouterr().err
    assert main(["import-bids", example, str(tmp_path / "a.xlsx"), "--lang", "sv"]) == 2
    assert "filen kan inte läsas: filen eller mappen finns inte [missing-file]" in \
        capsys.readouterr().err
    denied = OSError(errno.EACCES, "Permission denied")
    assert in_lang(os_reason(denied), "sv") == "behörighet saknas"
    assert os_reason(OSError(errno.EIO, "Input/output error")) == "Input/output error"
