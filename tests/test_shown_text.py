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

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[1]

#: Characters no output may hold (a document's own line breaks aside): C0/C1 controls,
#: bidi controls, invisible format marks.
HIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2028\u2029"
                    "\u2060-\u2064\u2066-\u2069\ufeff]")
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
