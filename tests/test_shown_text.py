"""Text from outside is shown by one rule (lcc._text) in every output.

A name's control characters, invisible format characters and bidi overrides never reach
a terminal, a CSV file, a report, a bid form, a chart or a notebook; before this rule the
tender outputs kept a bidi override (U+202E), which turned the figure after a bid's name
around on the screen ('LED Alfa rk 065 862 2' for 2 268 560 kr), and a bid form stopped
with an internal error on an ESC in the tender's name.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import sys
import unicodedata
from pathlib import Path

import pytest

import lcc
import lcc.report
from lcc._text import math_text, name_key, shown, shown_lines, spreadsheet_text
from lcc.cli import main
from tests import mutation as M

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[1]

#: Characters no output may hold (a document's own line breaks aside).
HIDDEN = M.HIDDEN
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


#: Egyptian hieroglyph format controls, unassigned before Unicode 15.0 (Python 3.11 has 14.0).
LATER_FORMAT = range(0x13439, 0x13440)


def test_every_code_point_follows_the_rule() -> None:
    """Each character's fate follows its Unicode category (this Python's unicodedata):
    controls, format characters but the joiners, and line/paragraph separators are not
    shown (a break or tab as a space); a surrogate is U+FFFD; everything else is kept."""
    spaces = set("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029")
    wrong = []
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if ch in spaces:
            expected = " "
        elif cat == "Cs":
            expected = "\ufffd"
        elif (cat in ("Cc", "Cf") and ch not in "\u200c\u200d") or cp in LATER_FORMAT:
            expected = ""
        else:
            expected = ch
        if shown(f"a{ch}b") != f"a{expected}b":
            wrong.append(f"U+{cp:04X} {cat}")
    assert not wrong, wrong[:20]


def test_the_rule_by_example() -> None:
    assert shown("\x1b[2J\x1b]0;owned\x07LED\tAlfa\u202e\r\n") == "LED Alfa  "
    assert shown_lines("rad 1\r\nrad\u00a02\u2028rad 3\x07") == "rad 1\nrad\u00a02\nrad 3"
    assert shown("Kök & café ÅÄÖ 🙂") == "Kök & café ÅÄÖ 🙂"
    assert shown("\ud800x") == "\ufffdx"
    # a formula is found after what is not shown
    assert spreadsheet_text("\u200b=1+1") == "'=1+1"
    assert spreadsheet_text(" \uff1dSUM(A1)") == "' \uff1dSUM(A1)"
    assert spreadsheet_text("Anbud A") == "Anbud A" and spreadsheet_text(-2.5) == -2.5
    assert math_text("$x^2$ 5\x07 kr") == r"\$x^2\$ 5 kr"


def test_names_that_look_the_same_are_the_same_name() -> None:
    assert len({name_key(n) for n in ("LED Alfa", "LED  Alfa ", "LED\u00a0Alfa",
                                      "ＬＥＤ Alfa", "LED Al\u200bfa".replace("\u200b", ""),
                                      "LED Alfa\u202e", "\u200bLED Alfa")}) == 1
    assert name_key("LED Alfa") != name_key("LED alfa")  # seen as different
    assert name_key("LED Al\u200bfa") == name_key("LED Alfa")


# -- in every output ---------------------------------------------------------------------

NAMES = ["LED Alfa \u202e", "\u200b=HYPERLINK(\"http://x\",\"y\")", "Beta\u2066 $x^2$ ~~z~~",
         "Gamma\u2028\x1b[31mröd"]


def _alternatives() -> tuple[list[lcc.Alternative], lcc.Study]:
    study = lcc.Study("10 yr", 0.04)
    alts = [lcc.Alternative(name, lcc.Investment(f"{1000 + 100 * i} SEK", label=name),
                            lcc.Recurring(f"{200 - 10 * i} SEK/yr", category="energy",
                                          label=name))
            for i, name in enumerate(NAMES)]
    return alts, study


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_reports_show_no_hidden_character(tmp_path: Path, lang: str) -> None:
    alts, study = _alternatives()
    report = lcc.report.build(lcc.compare(alts, study), title="T\u202e\x1b[2J", lang=lang)
    page = report.html()
    assert not HIDDEN.search(page), HIDDEN.search(page)
    # the winner's figure reads in order right after its name: 1000 + 200 × (1 − 1.04^−10)
    # / 0.04 = 1000 + 200 × 8.110896 = 2 622.18
    assert re.search("LED Alfa :? ?2 622", _page_text(page)), lang
    md = report.markdown()
    assert not HIDDEN.search(md)
    assert r"\$x^2\$" in md and r"\~\~z\~\~" in md
    report.save(tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f"
                assert not (isinstance(c.value, str) and HIDDEN.search(c.value)), c.value
    assert not HIDDEN.search(wb.properties.title or "")


def test_markdown_makes_no_link_or_list_of_a_name() -> None:
    """GitHub and GitLab link ``www.…`` and ``https://…`` without markup, and a bullet that
    starts with a name '1. Firm AB' or '- Beta' became a numbered or nested list (checked
    with cmark-gfm, GitHub's renderer, when the escapes were written)."""
    study = lcc.Study("10 yr", 0.04)
    names = ["1. Firm AB", "- Beta", "www.evil.se", "https://evil.se/x", "12) Delta",
             "Bid_https://evil.se/pay", "Offer 2https://evil.se", "Bid_www.evil.se",
             "Mail mailto:a@evil.se", "Anbud first.last@evil.se"]
    alts = [lcc.Alternative(name, lcc.Investment(f"{1000 + 100 * i} SEK"))
            for i, name in enumerate(names)]
    md = lcc.report.build(lcc.compare(alts, study), title="www.t.se", lang="en").markdown()
    assert md.startswith("# www\\.t.se\n")
    assert re.search(r"^- 1\\\. Firm AB has the lowest life-cycle cost: 1\s000\sSEK$", md, re.M)
    rows = [line.split(" | ")[0] for line in md.splitlines() if line.startswith("| ")]
    # an e-mail address is linked by GitHub however its characters are escaped (cmark-gfm
    # joins the text before it looks for addresses); an HTML comment before the @ parts it
    assert rows[2:12] == ["| 1\\. Firm AB", "| \\- Beta", "| www\\.evil.se",
                         "| https\\://evil.se/x", "| 12\\) Delta",
                         "| Bid\\_https\\://evil.se/pay", "| Offer 2https\\://evil.se",
                         "| Bid\\_www\\.evil.se", "| Mail mailto\\:a<!-- -->@evil.se",
                         "| Anbud first.last<!-- -->@evil.se"]
    prose = md.split("```text")[0]  # the trace is a code block, where nothing is a link
    assert "www.evil.se" in md.split("```text")[1]
    assert not re.search(r"(?<!\\)www\.|(?<!\\)://", prose.replace("www\\.", ""))
    # what is not a marker stays as written: '-5', '1.5', 'a-b'
    from lcc.report._render import md as text

    assert [text(t) for t in ("-5 %", "1.5", "a-b", "2) ", "x 1. y", "@firm", "a @ b.se")] == \
        ["-5 %", "1.5", "a-b", "2\\) ", "x 1. y", "@firm", "a @ b.se"]
    assert text("x_y@sub_1.www.evil.se") == "x\\_y<!-- -->@sub\\_1.www\\.evil.se"


def test_right_to_left_names_are_isolated_in_html() -> None:
    """A browser draws the figure after an Arabic or Hebrew name before it ("1 234 :شركة kr")
    unless the name stands in <bdi>; two names around a minus sign are isolated each, so that
    "B − A" is not drawn as "A − B"."""
    from lcc._text import html_text

    assert html_text("Lowest: שלום 2: 1 234 kr") == "Lowest: <bdi>שלום</bdi> 2: 1 234 kr"
    assert html_text("Difference: אור בע״מ − شركة ألف") == \
        "Difference: <bdi>אור בע״מ</bdi> − <bdi>شركة ألف</bdi>"
    assert html_text("a ب١٢ c, د; <e>\nو") == \
        "a <bdi>ب١٢</bdi> c, <bdi>د</bdi>; &lt;e&gt; <bdi>و</bdi>"
    assert html_text("א\nב", lines=True) == "<bdi>א</bdi>\n<bdi>ב</bdi>"
    assert html_text("שלום <b>", isolate=False) == "שלום &lt;b&gt;"
    study = lcc.Study("10 yr", 0.04)
    alts = [lcc.Alternative("شركة ألف", lcc.Investment("1000 SEK")),
            lcc.Alternative("אור", lcc.Investment("1500 SEK"))]
    for lang in ("en", "sv"):
        page = lcc.report.build(lcc.compare(alts, study), title="שלום 1", lang=lang).html()
        assert re.search(r'"lead">[^<]*<bdi>شركة ألف</bdi>[^<0-9]*: 1[\s\xa0]000', page), lang
        assert "<title>שלום 1</title>" in page and "<h1><bdi>שלום</bdi> 1</h1>" in page
        assert re.search(r"<th><bdi>אור</bdi></th>", page)


def test_a_name_without_a_space_can_break_in_a_report() -> None:
    """A bid named 'Lång' × 1 250 (5 000 letters, no space) pushed every figure of the HTML
    report off the screen: its table column took the whole word's width. The name now has a
    line-break opportunity (<wbr>) every 64 characters; shorter words (a checksum) stay
    whole, <title> and escaping are unchanged."""
    from lcc._text import html_text

    long = "Lång" * 1250
    shown_ = html_text(long)
    assert shown_.count("<wbr>") == 5000 // 64 and shown_.replace("<wbr>", "") == long
    assert html_text("Livscykelkostnadsberäkningen & " + "&" * 65) == \
        "Livscykelkostnadsberäkningen &amp; " + "&amp;" * 64 + "<wbr>&amp;"
    assert "<wbr>" not in html_text("a3a99cfa" * 8)
    assert html_text(long, isolate=False) == long
    study = lcc.Study("10 yr", 0.04)
    alts = [lcc.Alternative(long, lcc.Investment("1000 SEK")),
            lcc.Alternative("Kort", lcc.Investment("1500 SEK"))]
    page = lcc.report.build(lcc.compare(alts, study), title=long, lang="sv").html()
    assert f"<title>{long}</title>" in page
    assert re.search(r"<th>(Lång){16}<wbr>Lång", page)
    assert long not in page.split("</title>")[1]

def _page_text(page: str) -> str:
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", page)).replace("\u00a0", " ")


def test_notebook_views_show_no_hidden_character() -> None:
    alts, study = _alternatives()
    c = lcc.compare(alts, study)
    for view in (c._repr_html_(), c.results["LED Alfa \u202e"]._repr_html_()):
        assert not HIDDEN.search(view)
        assert "LED Alfa" in view


def _tender(tmp_path: Path) -> Path:
    text = (ROOT / "examples" / "street-lighting.toml").read_text(encoding="utf-8")
    text = re.sub(r'^name = "Street[^"]*"',
                  lambda m: r'name = "Gatubelysning \u001b[31m\u202eX =1+1 $a$"', text,
                  count=1, flags=re.M)
    text = text.replace('name = "LED bid A"', r'name = "LED Alfa \u202e"')
    text = text.replace('reference = "', r'reference = "\u0007\u2066=SUM(1) ', 1)
    return _in_folder(tmp_path, text)


def _in_folder(tmp_path: Path, text: str) -> Path:
    """``text`` as ``t.toml`` beside a copy of the examples' assumption sets."""
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "assumptions").mkdir()
    for f in (ROOT / "examples" / "assumptions").iterdir():
        (tmp_path / "assumptions" / f.name).write_bytes(f.read_bytes())
    return path


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_bid_form_is_written_from_a_tender_with_control_characters(
        tmp_path: Path, lang: str) -> None:
    tender = _tender(tmp_path)
    form = tmp_path / "form.xlsx"
    code, _, err = _run("bid-form", str(tender), "-o", str(form), "--lang", lang)
    assert code == 0, err
    wb = openpyxl.load_workbook(form)
    seen = []
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    assert not HIDDEN.search(c.value), (ws.title, c.coordinate, c.value)
                    if "X =1+1" in c.value or "=SUM(1)" in c.value:
                        seen.append(c)
                        assert c.data_type == "s"
    assert seen
    assert not HIDDEN.search(wb.properties.title)


@pytest.mark.parametrize("command", [["compare"], ["compare", "--format", "csv"],
                                     ["explain"], ["evaluate"]])
def test_the_command_line_shows_no_hidden_character(tmp_path: Path, command: list[str]) -> None:
    tender = _tender(tmp_path)
    code, out, err = _run(command[0], str(tender), *command[1:], "--lang", "sv")
    assert code == 0, err
    assert not HIDDEN.search(out.replace("\n", "")), HIDDEN.search(out.replace("\n", ""))
    assert "LED Alfa" in out
    if "csv" in command:
        rows = list(csv.reader(io.StringIO(out), delimiter=";"))
        assert all(row[0][:1] not in "=+-@" for row in rows[1:] if row)


# -- half of a surrogate pair: refused where it is read --------------------------------------

def test_a_lone_surrogate_in_a_json_tender_is_refused_at_its_line(tmp_path: Path) -> None:
    """JSON may escape half of a UTF-16 pair ('\\ud83d' without '\\ude42'); no output could
    be written with it (before: 'lcc compare' stopped with an internal error, exit 1)."""
    path = tmp_path / "t.json"
    path.write_text('{"format": "lcc.tender/1", "name": "X \\ud800",\n'
                    ' "study": {"period": "10 yr", "discount_rate": 0.03},\n'
                    ' "alternatives": [{"name": "A", "items": [{"type": "Investment",\n'
                    '   "amount": "1000 SEK", "label": "lamp \\ud83d", "k\\udc00": 1}]}]}\n',
                    encoding="utf-8")
    with pytest.raises(lcc.TenderError) as info:
        lcc.io.load_tender(path)
    got = [(e.line, e.path, e.code) for e in info.value.errors]
    assert got[:2] == [(1, "name", "invalid-value"),
                       (4, "alternatives[0].items[0].label", "invalid-value")]
    assert "character 3 of the text is U+D800" in info.value.errors[0].message
    assert "U+D83D" in info.value.errors[1].message
    assert any("U+DC00" in e.message for e in info.value.errors)
    code, _, err = _run("compare", str(path), "--lang", "sv")
    assert code == 2 and "ena halvan av ett UTF-16-surrogatpar" in err


@pytest.mark.parametrize("make", [
    lambda: lcc.Alternative("A\ud800", lcc.Investment("1 SEK")),
    lambda: lcc.Investment("1 SEK", label="lamp\udfff"),
    lambda: lcc.Parameter("price", "1 SEK/kWh", description="\ud83d"),
])
def test_a_lone_surrogate_is_refused_from_python(make: object) -> None:
    with pytest.raises(lcc.LCCError, match="surrogate pair") as info:
        make()  # type: ignore[operator]
    assert info.value.code == "invalid-value" and info.value.field


def test_a_title_from_the_command_line_with_undecodable_bytes_is_shown(tmp_path: Path) -> None:
    """Python decodes bytes that are not UTF-8 in argv as surrogates ('\\udcff'); the report is
    written with U+FFFD in their place (before: an internal error)."""
    tender = _tender(tmp_path)
    out = tmp_path / "r.html"
    code, _, err = _run("report", str(tender), "-o", str(out), "--no-charts", "--no-tornado",
                        "--title", "Rapport \udcff")
    assert code == 0, err
    assert "Rapport \ufffd" in out.read_text(encoding="utf-8")


FIXTURE = ROOT / "tests" / "fixtures" / "street-lighting.toml"


def _filled_form(tmp_path: Path, bidder: str) -> tuple[lcc.io.Tender, Path]:
    """The fixture's bid form filled with Bid A's values under the name ``bidder``."""
    from lcc.bidform import write_bid_form

    tender = lcc.io.load_tender(FIXTURE)
    form = write_bid_form(tender, tmp_path / "form.xlsx", tender_file=FIXTURE)
    wb = openpyxl.load_workbook(form)
    ws = wb["Bid"]
    values = {"bidder": bidder, "items[0].amount": 4200, "items[0].life": 20,
              "items[1].power": 38, "items[2].amount_per_year": 60}
    rows = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
    for key, value in values.items():
        ws.cell(rows[key], 4).value = value
    wb.save(tmp_path / "a.xlsx")
    return tender, tmp_path / "a.xlsx"


# -- names that look the same are one name -----------------------------------------------------

def test_compare_refuses_names_that_look_the_same() -> None:
    study = lcc.Study("10 yr", 0.04)
    alts = [lcc.Alternative(n, lcc.Investment("1000 SEK"))
            for n in ("LED A", "LED A\u200b", "Ｂ", "B ")]
    with pytest.raises(lcc.LCCError) as info:
        lcc.compare(alts, study)
    assert info.value.code == "duplicate-name"
    assert "repeated: 'LED A' and 'LED A\\u200b', 'Ｂ' and 'B '" in str(info.value)
    import lcc.sensitivity as sens

    with pytest.raises(lcc.LCCError, match="'LED A' and 'LED A\\\\u200b'"):
        sens.scenarios(alts[:2], study, {"x": {"discount_rate": 0.05}})


def test_a_tender_file_refuses_names_that_look_the_same(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text('format = "lcc.tender/1"\nname = "T"\n[study]\nperiod = "10 yr"\n'
                    'discount_rate = 0.04\n'
                    '[[alternatives]]\nname = "LED A"\n[[alternatives.items]]\n'
                    'type = "Investment"\namount = "1000 SEK"\n'
                    '[[alternatives]]\nname = "LED\\u00a0A "\n[[alternatives.items]]\n'
                    'type = "Investment"\namount = "900 SEK"\n', encoding="utf-8")
    with pytest.raises(lcc.TenderError) as info:
        lcc.io.load_tender(path)
    [e] = info.value.errors
    assert (e.line, e.path, e.code) == (12, "alternatives[1].name", "duplicate-name")
    assert e.message == ("'LED\\xa0A ' looks the same as 'LED A', the name of alternatives[0] "
                         "(line 7); every alternative needs a name of its own")


@pytest.mark.parametrize("other", ["led a", "LED \u0410"])  # case; a Cyrillic А
def test_names_alike_but_for_letter_case_or_lookalike_letters_are_one_name(
        tmp_path: Path, other: str) -> None:
    # one rule for tender files, bids and the API: a reader of the award cannot tell them apart
    path = tmp_path / "t.toml"
    path.write_text('format = "lcc.tender/1"\nname = "T"\n[study]\nperiod = "10 yr"\n'
                    'discount_rate = 0.04\n'
                    '[[alternatives]]\nname = "LED A"\n[[alternatives.items]]\n'
                    'type = "Investment"\namount = "1000 SEK"\n'
                    f'[[alternatives]]\nname = "{other}"\n[[alternatives.items]]\n'
                    'type = "Investment"\namount = "900 SEK"\n', encoding="utf-8")
    with pytest.raises(lcc.TenderError) as info:
        lcc.io.load_tender(path)
    [e] = info.value.errors
    assert (e.line, e.path, e.code) == (12, "alternatives[1].name", "duplicate-name")
    assert e.message.startswith(f"{other!r} looks the same as 'LED A', the name of ")
    study = lcc.Study(period="10 yr", discount_rate=0.04)
    with pytest.raises(lcc.LCCError, match="repeated: 'LED A' and ") as api:
        lcc.compare([lcc.Alternative("LED A", lcc.Investment("1000 SEK")),
                     lcc.Alternative(other, lcc.Investment("900 SEK"))], study)
    assert api.value.code == "duplicate-name"


def test_a_bid_replaces_the_alternative_its_name_looks_like(tmp_path: Path) -> None:
    from lcc.bidform import read_bid_forms, save_with_bids, with_bids

    tender, filled = _filled_form(tmp_path, "BID A")
    with pytest.raises(lcc.TenderError) as info:
        read_bid_forms(tender, [filled])
    assert [(e.code, e.path) for e in info.value.errors] == [("duplicate-name", "Bid!D6")]
    bids = read_bid_forms(tender, [filled], replace=True)
    assert [a.name for a in with_bids(tender, bids).alternatives] == ["Bid B", "BID A"]
    saved = save_with_bids(tender, bids, tmp_path / "out.toml", tender_file=FIXTURE)
    assert [a.name for a in lcc.io.load_tender(saved).alternatives] == ["Bid B", "BID A"]


def test_an_imported_bid_that_looks_like_an_alternative_of_the_tender(tmp_path: Path) -> None:
    from lcc.bidform import read_bid_forms, with_bids

    tender, filled = _filled_form(tmp_path, "Bid  A")
    with pytest.raises(lcc.TenderError) as info:
        read_bid_forms(tender, [filled])
    assert [(e.code, e.path) for e in info.value.errors] == [("duplicate-name", "Bid!D6")]
    # replacing: the look-alike takes the place of 'Bid A' (not a second 'Bid A' beside it)
    merged = with_bids(tender, read_bid_forms(tender, [filled], replace=True))
    assert [a.name for a in merged.alternatives] == ["Bid B", "Bid  A"]


@pytest.mark.parametrize("make", [
    lambda: lcc.Alternative("\u200b\u202e ", lcc.Investment("1 SEK")),
    lambda: lcc.Parameter("\u2060", "1 SEK/kWh"),
    lambda: lcc.Parameter("price", "1 SEK/kWh", source="\ufeff"),
])
def test_a_name_of_invisible_characters_only_is_empty(make: object) -> None:
    with pytest.raises(lcc.LCCError, match="non-empty"):
        make()  # type: ignore[operator]


def test_an_invisible_bidder_name_is_a_blank_cell(tmp_path: Path) -> None:
    from lcc.bidform import read_bid_forms

    tender, filled = _filled_form(tmp_path, "\u200b \u202e")
    with pytest.raises(lcc.TenderError) as info:
        read_bid_forms(tender, [filled])
    assert [(e.code, e.path) for e in info.value.errors] == [("missing-value", "Bid!D6")]


# -- files lcc writes: invisible characters as escapes, read back exactly --------------------

WRITTEN = ('format = "lcc.tender/1"\nname = "T\u202e x \u200b \\u001b[2J \U000e0001 \x85"\n'
           'description = """rad 1\nrad\u2028 2\u200f"""\n[study]\nperiod = "10 yr"\n'
           'discount_rate = 0.03\n[[alternatives]]\nname = "A\u202e"\n'
           '[[alternatives.items]]\ntype = "Investment"\namount = "1 SEK"\nlabel = "x\u2066y"\n')


@pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
def test_a_written_tender_shows_its_invisible_characters_as_escapes(fmt: str) -> None:
    """An editor, a terminal or a diff of a tender file lcc wrote shows '\\u202e' where the
    name holds a bidi override (which would turn the rest of the line around)."""
    from lcc._text import INVISIBLE
    from lcc.io import dumps_tender, loads_tender

    tender = loads_tender(WRITTEN, format="toml")
    text = dumps_tender(tender, format=fmt)
    assert not INVISIBLE.search(text)
    assert "A\\u202e" in text and "x\\u2066y" in text
    assert loads_tender(text, format=fmt) == tender
    assert loads_tender(text, format=fmt).alternatives[0].name == "A\u202e"


@pytest.mark.parametrize(("scenarios", "match"), [
    ({"Hög": {"discount_rate": 0.05}, "Hög ": {"discount_rate": 0.06}},
     "the names 'Hög' and 'Hög ' look the same"),
    ({"base\u200b": {"discount_rate": 0.05}}, "is named 'base'"),
    ({"Base": {"discount_rate": 0.05}}, "is named 'base'"),
    ({"Hög": {"discount_rate": 0.05}, "HÖG": {"discount_rate": 0.06}},
     "the names 'Hög' and 'HÖG' look the same"),
    ({"\u200b": {"discount_rate": 0.05}}, "non-empty"),
])
def test_scenario_names_that_look_the_same(scenarios: dict[str, object], match: str) -> None:
    import lcc.sensitivity as sens

    study = lcc.Study("10 yr", 0.04)
    alts = [lcc.Alternative("A", lcc.Investment("1 SEK")),
            lcc.Alternative("B", lcc.Investment("2 SEK"))]
    with pytest.raises(lcc.LCCError, match=match):
        sens.scenarios(alts, study, scenarios)


@pytest.mark.parametrize("suffix", ["toml", "yaml", "json"])
def test_a_bid_added_to_a_tender_file_shows_its_invisible_characters(tmp_path: Path,
                                                                     suffix: str) -> None:
    from lcc.bidform import read_bid_forms, save_with_bids

    tender, filled = _filled_form(tmp_path, "Acme\u202e AB")
    out = save_with_bids(tender, read_bid_forms(tender, [filled]), tmp_path / f"t.{suffix}",
                         tender_file=FIXTURE)
    text = out.read_text(encoding="utf-8")
    assert "\u202e" not in text and "Acme\\u202e AB" in text
    assert lcc.io.load_tender(out).alternatives[-1].name == "Acme\u202e AB"


def test_json_output_keeps_a_name_exact_with_escapes(tmp_path: Path) -> None:
    """Machine-read JSON (a bid portal) gets the name exactly, its bidi override written as
    an escape: neither raw on the terminal nor dropped."""
    import json

    tender = _tender(tmp_path)
    code, out, err = _run("compare", str(tender), "--format", "json")
    assert code == 0, err
    assert "\u202e" not in out and "LED Alfa \\u202e" in out
    assert json.loads(out)["best"] in ("LED Alfa \u202e", "LED bid B", "LED bid C")
    alts, study = _alternatives()
    doc = lcc.compare(alts, study).to_json()
    assert "\u202e" not in doc
    assert json.loads(doc)["alternatives"][0]["alternative"] == NAMES[0]


def test_a_file_text_of_invisible_characters_says_what_it_holds(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text('format = "lcc.tender/1"\nname = "\\u200b\\u2060 "\n[study]\n'
                    'period = "10 yr"\ndiscount_rate = 0.04\n', encoding="utf-8")
    code, _, err = _run("compare", str(path), "--lang", "sv")
    assert code == 2
    assert ("t.toml:2: name (namn): väntade en text som inte är tom, fick '\\u200b\\u2060 ': "
            "bara blanksteg eller osynliga tecken [invalid-value]") in err


def test_sheet_names_excel_opens() -> None:
    """Excel refuses a sheet name with [ ] : * ? / \\, one that starts or ends with an
    apostrophe, one longer than 31 characters, 'History', and two names that differ only in
    case (the follow-up compared them with case, so 'Plan' and 'plan' made a broken file)."""
    from lcc._xlsx import sheet_name

    used: set[str] = set()
    names = [sheet_name(t, used) for t in ("Plan", "plan", "History", "'Anbud'",
                                           "Skillnad mot jämförelsealternativet (x)",
                                           "a\x1b[2J\u202e:b", "", "x" * 29 + " '")]
    assert names == ["Plan", "plan 2", "History 2", "Anbud", "Skillnad mot jämförelsealternat",
                     "a b", "Sheet", "x" * 29]
    assert all(len(n) <= 31 and n[0] != "'" and n[-1] != "'" for n in names)


def test_no_file_of_the_project_holds_an_invisible_character() -> None:
    """The project's own sources, tests, docs and examples write every invisible character as
    an escape, so a review sees what a line holds (a bidi override in a source line can make
    it read differently from what runs)."""
    from lcc._text import INVISIBLE

    found = []
    for folder in ("src", "tests", "docs", "examples", "benchmarks", "notebooks"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".py", ".md", ".po", ".toml", ".yaml", ".json", ".csv", ".ipynb"):
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if INVISIBLE.search(line):
                        found.append(f"{path.relative_to(ROOT)}:{n}")
    assert not found, found


def test_a_long_text_in_a_message_is_shown_by_its_start(tmp_path: Path) -> None:
    """A 19 999-character value was printed whole in its message."""
    text = (ROOT / "examples" / "street-lighting.toml").read_text(encoding="utf-8")
    path = _in_folder(tmp_path, text.replace('name = "uniform"', f'name = "{"x" * 19_999}"', 1))
    code, _, err = _run("compare", str(path))
    assert code == 2
    assert f"'{'x' * 60}…' is not a distribution lcc knows" in err and len(err) < 600


def test_a_wide_name_keeps_the_terminal_table_in_columns() -> None:
    """Each CJK character takes two columns in a terminal; the table pads by columns."""
    import pandas as pd

    from lcc._i18n import table
    from lcc._text import width

    df = pd.DataFrame({"lcc": [1.0, 22.0]}, index=pd.Index(["東京 LED", "LED bid B"],
                                                           name="alternative"))
    lines = table(df, "en").splitlines()
    assert len({width(line) for line in lines}) == 1, lines
    assert lines[2].startswith("東京 LED    ") and lines[3].startswith("LED bid B   ")


# ------------------------------------------------------------------ the option a word means

def test_one_rule_finds_the_option_a_misspelt_word_means() -> None:
    """Four readers each found 'the option you meant' their own way (case-sensitive or not,
    cutoffs 0.6 and 0.7) and a model field's choices offered none: ``currency = "sek"`` was
    refused without 'SEK'. One rule (lcc._text.closest): an option that looks the same but
    for case or blanks is it, else the nearest by difflib, case ignored."""
    from lcc._text import closest

    assert closest("sek", ["SEK", "EUR"]) == "SEK"
    assert closest("SEK\u00a0", ["SEK", "EUR"]) == "SEK"  # a no-break space from a cell
    assert closest("recurring", ["Investment", "Recurring"]) == "Recurring"
    assert closest("Invesment", ["Investment", "OneOff"]) == "Investment"
    assert closest("kr", ["SEK", "EUR"]) is None
    with pytest.raises(lcc.LCCError) as info:
        lcc.Study("20 yr", 0.03, currency="sek")
    assert str(info.value) == ("Study.currency: got 'sek' (did you mean 'SEK'?), expected one "
                               "of SEK, EUR, USD, NOK, DKK, GBP")
    assert info.value.message_in("sv") == (
        "Study.currency (valuta): ogiltigt värde 'sek' (menade du 'SEK'?); välj ett av SEK, "
        "EUR, USD, NOK, DKK, GBP")
    assert (info.value.field, info.value.code) == ("Study.currency", "invalid-value")
    # a currency as lcc reads it in an amount: 'kr' and 'kronor' are SEK, '€' is EUR; '$' is
    # the sign of several currencies
    for word, code in (("kr", "SEK"), ("kronor", "SEK"), ("€", "EUR")):
        with pytest.raises(lcc.LCCError, match=rf"got '{word}' \(did you mean '{code}'\?\)"):
            lcc.Study("20 yr", 0.03, currency=word)
    with pytest.raises(lcc.LCCError, match=r"got '\$', expected one of"):
        lcc.Study("20 yr", 0.03, currency="$")
    with pytest.raises(lcc.LCCError, match=r"^Study.timing: got 'End' \(did you mean 'end'\?\)"):
        lcc.Study("20 yr", 0.03, timing="End")
    with pytest.raises(lcc.LCCError, match=r"unknown currency 'eur' \(did you mean 'EUR'\?\)"):
        lcc.ExchangeRates("SEK", {"eur": 11.48})
    # in a tender file, at its line
    with pytest.raises(lcc.io.TenderError) as err:
        lcc.io.loads_tender('name = "T"\n[study]\nperiod = "10 yr"\ndiscount_rate = 0.03\n'
                            'currency = "sek"\n[[alternatives]]\nname = "A"\n'
                            '[[alternatives.items]]\ntype = "Investment"\namount = "1 SEK"\n')
    [issue] = err.value.errors
    assert (issue.path, issue.line) == ("study.currency", 5)
    assert "(did you mean 'SEK'?)" in issue.message


def test_a_name_given_in_another_case_finds_its_alternative(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Alternatives are one name in any letter case (same_name), so a baseline, --baseline,
    --alternative and --pair in another case find theirs; they were refused, and a tender
    whose [comparison] baseline named a bid replaced by 'BID A' could not be read."""
    from lcc.cli import main

    study = lcc.Study(period="10 yr", discount_rate=0.04)
    alts = [lcc.Alternative("LED A", lcc.Investment("1000 SEK")),
            lcc.Alternative("LED B", lcc.Investment("900 SEK"), lcc.Recurring("50 SEK/yr"))]
    assert lcc.compare(alts, study, baseline="led b").baseline == "LED B"
    street = Path(__file__).resolve().parents[1] / "examples" / "street-lighting.toml"
    assert main(["compare", str(street), "--baseline", "led bid b"]) == 0
    assert "measures against LED bid B" in capsys.readouterr().out
    assert main(["explain", str(street), "--alternative", "LED BID C"]) == 0
    assert "Alternative LED bid C" in capsys.readouterr().out


def test_a_replaced_bid_keeps_the_tenders_baseline(tmp_path: Path) -> None:
    from lcc.bidform import read_bid_forms, with_bids

    text = FIXTURE.read_text(encoding="utf-8")
    assert '[comparison]\npolicy = "study_period"\n' in text
    tender_file = tmp_path / "t.toml"
    sets = (ROOT / "examples" / "assumptions" / "sweden-2025.toml").as_posix()
    tender_file.write_text(text.replace('[comparison]\n', '[comparison]\nbaseline = "Bid A"\n')
                           .replace('"../../examples/assumptions/sweden-2025.toml"', f'"{sets}"'),
                           encoding="utf-8")
    tender, filled = _filled_form(tmp_path, "BID A")
    tender = lcc.io.load_tender(tender_file)
    merged = with_bids(tender, read_bid_forms(tender, [filled], replace=True,
                                              tender_file=FIXTURE))
    assert merged.compare().baseline == "BID A"
