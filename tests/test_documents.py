"""Issue 17: the documents a buyer files are fully in the reader's language, free of code
words and reproducible, and text from tender files cannot act in them.

* every bundled example's report (HTML, Markdown, xlsx) in Swedish has no English sentence,
  no code identifier, no Python repr and no "NaN" — apart from the tender's own words
  (names, labels, descriptions, sources), which are data and kept as written; the same
  checks of code words in English;
* the bid form in Swedish passes the same test (``BIDFORM_STRICT``; see below);
* the same inputs give byte-identical HTML, Markdown, xlsx and SVG;
* hostile names (``<script>``, ``=HYPERLINK(…)``, ESC sequences) stay inert text.
"""

from __future__ import annotations

import html as html_lib
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

import lcc
import lcc.report
import lcc.sensitivity as sens
from lcc.io import load_tender

pytest.importorskip("matplotlib")
openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))

#: On since the bid form's texts are in the catalogue (issue 17/18).
BIDFORM_STRICT = True
#: The calculators' own texts (lcc.templates: titles, methods, input labels, meanings and
#: sources) are in the catalogue (issue 17), so calculator forms pass the check too.
CALCULATOR_TEXTS_DONE = True

#: English words that never appear in a Swedish sentence (whole words, case-insensitive).
ENGLISH = re.compile(
    r"\b(the|of|and|with|are|not|from|each|which|when|where|this|that|to|on|at|for|"
    r"than|into|its|their|will|has|have|been|be|or|an|if|only|none|yes|no|year|years|"
    r"cost|costs|value|rate|price|discount|payback|savings|alternative|baseline|"
    r"assumptions?|method|sources?|total|energy|maintenance|replacement|residual|"
    r"disposal|externalit(y|ies)|emissions?|notes?|summary|sensitivity|uncertainty|"
    r"parameter set|set by|buyer|bidder|samples?|difference)\b", re.IGNORECASE)

#: Code words and Python reprs that must not reach any document, in any language.
CODE = [
    re.compile(r"<[\w.]+ object at 0x[0-9a-f]+>"), re.compile(r"\b0x[0-9a-f]{6,}\b"),
    re.compile(r"\bNaN\b|\bnan\b|\binf\b"), re.compile(r"\bDESIGN\b|\bREFERENCE\b"),
    re.compile(r"\b[a-z]{2,}_[a-z]{2,}\w*\b"),      # snake_case identifiers
    re.compile(r"\b[A-Z]\w+\(\.\.\.|\w+\(\w+="),     # Python call syntax
    re.compile(r"\blcc\.[a-z_]+"), re.compile(r"\b(None|True|False)\b"),
    re.compile(r"Parameter '"), re.compile(r"\brv_\w+"),
]


def _data_strings(tender: Any) -> list[str]:
    """Every text of the tender's own (names, labels, descriptions, sources): data."""
    out: list[str] = [tender.name, tender.reference or "", tender.description or ""]
    params = list(tender.parameters)
    a = tender.assumptions
    if a is not None:
        out += [a.name, a.owner, a.description or "", a.version]
        out += [x for s in a.sources for x in (s.id, s.title, s.url or "", s.note or "")]
        params += list(a.parameters)
        for o in tender.overrides:
            out += [o.reason, *(x for c in o.changes for x in (c.value, c.assumed))]
    for r in tender.compare().results.values():  # the bids' own parameters too
        params += list(r._compiled.parameters.values())
    for p in params:
        # a name the tender's author chose, shown in words ("breakage_rate": "Breakage rate")
        words = p.name.replace("_", " ")
        out += [p.description or "", p.source or "", words[:1].upper() + words[1:]]
    for alt in tender.alternatives:
        out += [alt.name, alt.description or ""]
        out += [getattr(item, "label", None) or "" for item in alt.items]
    for name, sc in (tender.scenarios or {}).items():
        out += [name, getattr(sc, "description", None) or ""]
    if tender.source is not None:
        out.append(Path(tender.source).name)
    if a is not None and a.path is not None:
        out.append(Path(a.path).name)
    pieces = []
    for text in out:
        pieces.append(text)
        # its parts as lcc shows them: a description's head or tail ('Bid B: energy saved
        # by …' names the parameter 'Energy saved by …'), a name a chart wraps at a hyphen
        parts = [part.strip() for part in re.split(r"[:.;,()\n-]", text) if part.strip()]
        pieces += parts + [part[:1].upper() + part[1:] for part in parts]
    return sorted({p for p in pieces if len(p) >= 2}, key=len, reverse=True)


#: Proper names that lcc's own texts cite as they are written (a programme, a publication's
#: title): names, not English sentences.
PROPER_NAMES = ["Pump Life Cycle Costs: A Guide to LCC Analysis for Pumping Systems",
                "Pump Life Cycle Costs", "ENERGY STAR"]


def _without_data(text: str, data: list[str]) -> str:
    """The text with the tender's own words taken out (whole words only)."""
    text = re.sub(r"\s+", " ", text)
    for d in sorted([*data, *PROPER_NAMES], key=len, reverse=True):  # a name before its part
        rx = r"(?<!\w)" + re.escape(re.sub(r"\s+", " ", d)) + r"(?!\w)"
        text = re.sub(rx, " ", text)
    return text


def _html_text(page: str) -> str:
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    comments = " ".join(re.findall(r"<!--(.*?)-->", page, flags=re.S))  # SVG text
    page = re.sub(r"<svg.*?</svg>", " ", page, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", page)) + " " + comments


def _xlsx_text(data: bytes) -> str:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row
                     if c.value is not None) + "\n" + "\n".join(wb.sheetnames)


def _report(path: Path, lang: str, tmp: Path) -> dict[str, str]:
    tender = load_tender(path)
    c = tender.compare()
    alts = list(tender.alternatives)
    tornado = sens.tornado(alts, tender.study)
    mc = sens.monte_carlo(alts, tender.study, None, 200, seed=1, progress=False) \
        if len(alts) > 1 else None
    scen = sens.scenarios(alts, tender.study, dict(tender.scenarios)) if tender.scenarios \
        else None
    from lcc.report._tender import tender_lines

    report = lcc.report.build(c, title=tender.name, lang=lang, tornado=tornado,
                              monte_carlo=mc, scenarios=scen,
                              assumptions=tender_lines(tender, lang),
                              inputs=[path.read_bytes()])
    xlsx = report.save(tmp / f"{path.stem}.{lang}.xlsx").read_bytes()
    return {"html": _html_text(report.html()),
            "md": re.sub(r"\\(.)", r"\1", html_lib.unescape(report.markdown())),
            "xlsx": _xlsx_text(xlsx)}


def _problems(text: str, data: list[str], lang: str) -> list[str]:
    rest = _without_data(text, data)
    found = [m.group(0) for rx in CODE for m in rx.finditer(rest)]
    if lang == "sv":
        found += [m.group(0) for m in ENGLISH.finditer(rest)]
    return found


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_report_has_no_english_code_words_or_reprs(example: Path, lang: str,
                                                   tmp_path: Path) -> None:
    tender = load_tender(example)
    data = _data_strings(tender)
    for fmt, text in _report(example, lang, tmp_path).items():
        problems = _problems(text, data, lang)
        if problems:
            where = [text[max(0, text.find(p) - 60):text.find(p) + 60] for p in problems[:3]]
            raise AssertionError(f"{example.name} {fmt} ({lang}): {sorted(set(problems))[:15]}"
                                 f"\ncontext: {where}")


def _form_text(data: bytes) -> str:
    """What a bidder reads in a bid form: the visible sheets and columns, and of a formula
    only its quoted texts (Excel shows function names in the reader's language, and the
    very hidden metadata sheet and the hidden key column are read by lcc, not by people)."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    out = []
    for ws in wb:
        if ws.sheet_state != "visible":
            continue
        out.append(ws.title)
        hidden = {k for k, d in ws.column_dimensions.items() if d.hidden}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None or c.column_letter in hidden:
                    continue
                if c.data_type == "f":
                    out += re.findall(r'"([^"]*)"', str(c.value))
                else:
                    out.append(str(c.value))
    return "\n".join(out)


def _form_data(path: Path) -> list[str]:
    """The texts the tender's author wrote for the bid form ([bid_form]): data."""
    import tomllib

    out: list[str] = []

    def walk(x: Any) -> None:
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(tomllib.loads(path.read_text(encoding="utf-8")).get("bid_form", {}))
    pieces = [p.strip() for t in out for p in [t, *re.split(r"[:.;()\n]", t)] if p.strip()]
    return [p for p in pieces if len(p) >= 2]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_bid_form_in_swedish_has_no_english(example: Path, lang: str, tmp_path: Path,
                                            request: pytest.FixtureRequest) -> None:
    from lcc.io import bidform

    tender = load_tender(example)
    out = bidform.write_bid_form(tender, tmp_path / "form.xlsx", lang=lang,
                                 tender_file=example)
    text = _form_text(Path(out).read_bytes())
    data = sorted({*_data_strings(tender), *_form_data(example)}, key=len, reverse=True)
    problems = _problems(text, data, lang)
    calculator = bidform.bid_form(tender, tender_file=example).kind == "calculator"
    if problems and (not BIDFORM_STRICT or (calculator and not CALCULATOR_TEXTS_DONE)):
        request.applymarker(pytest.mark.xfail(
            reason="the calculators' texts (lcc.templates) are not in the catalogue yet",
            strict=True))
    assert not problems, sorted(set(problems))[:20]


# -- reproducible documents ----------------------------------------------------------------


def _build(lang: str = "sv") -> lcc.report.Report:
    path = ROOT / "examples" / "street-lighting.toml"
    tender = load_tender(path)
    alts = list(tender.alternatives)
    return lcc.report.build(tender.compare(), title=tender.name, lang=lang,
                            tornado=sens.tornado(alts, tender.study),
                            monte_carlo=sens.monte_carlo(alts, tender.study, None, 200, seed=3,
                                                         progress=False),
                            inputs=[path.read_bytes()])


def test_same_inputs_give_byte_identical_documents(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = _build(), _build()
    for suffix in ("html", "md", "xlsx"):
        a = first.save(tmp_path / f"a.{suffix}").read_bytes()
        b = second.save(tmp_path / f"b.{suffix}").read_bytes()
        assert a == b, suffix
    svg_a = [s.svg for s in first.sections if s.svg]
    svg_b = [s.svg for s in second.sections if s.svg]
    assert len(svg_a) == 4 and svg_a == svg_b
    assert "dc:date" not in "".join(svg_a)
    with zipfile.ZipFile(tmp_path / "a.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_same_tender_gives_a_byte_identical_bid_form(tmp_path: Path, lang: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The bid form is filed with the tender documents too: no wall-clock time inside; its
    date is the document's own (SOURCE_DATE_EPOCH), else none."""
    from lcc.io import bidform

    example = ROOT / "examples" / "street-lighting-calculator.toml"
    tender = load_tender(example)

    def write(name: str) -> bytes:
        out = bidform.write_bid_form(tender, tmp_path / name, lang=lang, tender_file=example)
        return Path(out).read_bytes()

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, again = write("a.xlsx"), write("b.xlsx")
    assert first == again
    with zipfile.ZipFile(tmp_path / "a.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764374400")  # 2025-11-29
    dated = write("c.xlsx")
    assert dated != first and dated == write("d.xlsx")
    with zipfile.ZipFile(tmp_path / "c.xlsx") as z:
        sheets = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
    assert "2025-11-29" in sheets


def test_document_date_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert "Datum:" not in _build().markdown()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    assert "Datum: 1 januari 2026" in _build().markdown()
    c = _build().sections[0]
    assert c.key == "summary"


# -- text from files is data ----------------------------------------------------------------

HOSTILE = {
    "script": "<script>alert(1)</script>",
    "img": '<img src=x onerror="alert(1)">',
    "dde": "=cmd|' /C calc'!A0",
    "link": '=HYPERLINK("http://evil.example","click")',
    "esc": "\x1b[2J\x1b]0;owned\x07Bid",
    "plus": "+SUM(A1:A9)",
    "dollar": "$x^2$ bid",
}


def _hostile() -> tuple[list[lcc.Alternative], lcc.Study]:
    study = lcc.Study("10 yr", 0.04)
    alts = [lcc.Alternative(name, lcc.Investment(f"{1000 + 100 * i} SEK", label=name),
                            lcc.Recurring(f"{200 - 10 * i} SEK/yr", category="energy",
                                          label=name))
            for i, name in enumerate(HOSTILE.values())]
    return alts, study


def test_hostile_names_are_inert_in_every_report_format(tmp_path: Path) -> None:
    alts, study = _hostile()
    report = lcc.report.build(lcc.compare(alts, study), title="<b>t</b>", lang="sv",
                              tornado=sens.tornado(alts, study))
    page = report.html()
    assert "<script>" not in page and "<img" not in page and "<b>t</b>" not in page
    assert "&lt;script&gt;" in page and "\x1b" not in page
    # outside code blocks (whose text every Markdown renderer shows as it is)
    md = re.sub(r"^```.*?^```", "", report.markdown(), flags=re.S | re.M)
    assert "<script>" not in md and "<img" not in md and "\x1b" not in md
    report.save(tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    assert "\x1b" not in c.value
    with zipfile.ZipFile(tmp_path / "r.xlsx") as z:
        sheets = b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in sheets


def test_hostile_names_are_inert_on_the_command_line(tmp_path: Path) -> None:
    import contextlib
    import json

    from lcc.cli import main

    blocks = [f'[[alternatives]]\nname = {json.dumps(name)}\n[[alternatives.items]]\n'
              f'type = "Investment"\nlabel = "x"\namount = "{1000 + i} SEK"\n'
              for i, name in enumerate(HOSTILE.values())]
    names, esc = "\n".join(blocks), ""
    tender = tmp_path / "t.toml"
    tender.write_text('format = "lcc.tender/1"\nname = "Hostile"\n[study]\nperiod = "10 yr"\n'
                      'discount_rate = 0.04\n' + names + esc, encoding="utf-8")
    for fmt, lang in (("table", "sv"), ("csv", "sv"), ("csv", "en"), ("table", "en")):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["compare", str(tender), "--format", fmt, "--lang", lang]) == 0
        text = out.getvalue()
        assert "\x1b" not in text and "\x07" not in text, fmt
        if fmt == "csv":
            import csv

            rows = list(csv.reader(io.StringIO(text), delimiter=";" if lang == "sv" else ","))
            for row in rows[1:]:
                assert row[0][:1] not in "=+-@", row[0]
            assert any(row[0] == "'=cmd|' /C calc'!A0" for row in rows)
