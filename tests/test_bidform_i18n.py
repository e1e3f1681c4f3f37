"""Issue 17 in bid forms and calculators: the errors of reading, deriving and writing bid
forms and of a calculator's inputs are Msg with Swedish, shown in Swedish by ``--lang sv``
with the form's cell; the item labels a calculator gives are shown in the reader's words in
the report and on the bid form's "Your LCC" sheet."""

from __future__ import annotations

import ast
import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest

import lcc
from lcc._errors import ItemName, Msg
from lcc.cli import main
from lcc.io import load_tender
from tests.test_documents import (
    ENGLISH,
    _data_strings,
    _form_data,
    _form_text,
    _report,
    _without_data,
)

openpyxl = pytest.importorskip("openpyxl")

from tests.test_bidform import BID_A, BROKEN, FIXTURE, _edit, copy_tender, fill  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "lcc"
CALCULATOR = ROOT / "examples" / "street-lighting-calculator.toml"
PUMPS = ROOT / "examples" / "pumps.toml"


def _run(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    out = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(list(args))
    return code, err.getvalue()


def _english(text: str, tmp: Path) -> list[str]:
    """English words of a Swedish text, leaving out the values quoted from the form or file,
    the cells (``Bid!D7``, a sheet's name), the paths and the stable codes."""
    text = text.replace(str(tmp), "")
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "", text)
    text = re.sub(r"\S+\.(xlsx|toml)(:\d+)?:", "", text)
    text = re.sub(r"\b(Bid|Attachment|lcc)(![A-Z]+\d+)?:", "", text)
    text = re.sub(r"\[[a-z-]+\]", "", text)
    text = re.sub(r"[\w.\[\]]+\s\(", "(", text)  # alternatives[0].inputs.power (effekt)
    return [m.group(0) for m in ENGLISH.finditer(text)]


# ---------------------------------------------------------------------------- the rule


def _add_messages(tree: ast.AST) -> list[tuple[int, ast.expr, set[str]]]:
    """The message of every ``<x>.add(code, where, message)`` call of a bid-form module
    (the form's and the tender reader's collectors), with the parameters of its function
    annotated ``Msg`` (a collector passes on the message its callers gave)."""
    out = []
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef):
            continue
        params = {a.arg for a in func.args.args if isinstance(a.annotation, ast.Name)
                  and a.annotation.id == "Msg"}
        for node in ast.walk(func):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr == "add" and len(node.args) == 3:
                out.append((node.lineno, node.args[2], params))
    return sorted({(n, id(a)): (n, a, p) for n, a, p in out}.values(), key=lambda x: x[0])


def _passes(arg: ast.expr, makers: set[str], params: set[str] = frozenset()) -> bool:
    """A Msg(...) call, a function of the module returning a Msg, the message or detail of
    another error (a Msg where its raiser gave one), or a choice between such."""
    if isinstance(arg, ast.IfExp):
        return _passes(arg.body, makers, params) and _passes(arg.orelse, makers, params)
    if isinstance(arg, ast.BoolOp):
        return all(_passes(v, makers, params) for v in arg.values)
    if isinstance(arg, ast.Name):
        return arg.id in params
    if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name):
        return arg.func.id in {"Msg", "join", "as_msg", *makers}
    if isinstance(arg, ast.Subscript):  # problem[1]: cell_problem's (code, Msg)
        return isinstance(arg.value, ast.Name) and arg.value.id == "problem"
    return isinstance(arg, ast.Attribute) and arg.attr in {"message", "detail"}


def test_every_message_a_bid_form_records_is_a_msg() -> None:
    checked, wrong = 0, []
    for path in sorted((PACKAGE / "bidform").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        makers = {f.name for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
                  and isinstance(f.returns, ast.Name) and f.returns.id == "Msg"}
        for line, arg, params in _add_messages(tree):
            checked += 1
            if not _passes(arg, makers, params):
                wrong.append(f"{path.name}:{line}")
    assert checked > 40
    assert not wrong, wrong


def test_the_rule_catches_text() -> None:
    tree = ast.parse('def f(x):\n    form.add("wrong-type", where, f"got {x!r}")\n')
    ((_, arg, params),) = _add_messages(tree)
    assert not _passes(arg, set(), params)
    tree = ast.parse('def f(m: str):\n    form.add("wrong-type", where, m)\n')
    ((_, arg, params),) = _add_messages(tree)
    assert not _passes(arg, set(), params)
    tree = ast.parse('def f(x):\n    form.add("wrong-type", where, Msg("got {x!r}", x=x))\n')
    ((_, arg, params),) = _add_messages(tree)
    assert _passes(arg, set(), params)


# ---------------------------------------------------------------------------- broken forms


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from lcc.bidform import write_bid_form

    tmp = tmp_path_factory.mktemp("form")
    return write_bid_form(load_tender(FIXTURE), tmp / "form.xlsx", tender_file=FIXTURE)


@pytest.mark.parametrize(("case", "change", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_import_bids_of_a_broken_form_in_swedish(case: str, change: Any,
                                                 expected: list[tuple[str, str]],
                                                 form: Path, tmp_path: Path) -> None:
    filled = fill(form, BID_A, tmp_path / "acme.xlsx")
    _edit(filled, change)
    code, english = _run("import-bids", str(FIXTURE), str(filled))
    assert code == 2
    code, swedish = _run("import-bids", str(FIXTURE), str(filled), "--lang", "sv")
    assert code == 2
    lines = swedish.strip().splitlines()
    assert len(lines) == len(expected) == len(english.strip().splitlines())
    for line, (where, err) in zip(lines, expected, strict=True):
        assert line.startswith(f"lcc: {filled}: {where}: "), line
        assert line.endswith(f"[{err}]"), line
    assert not _english(swedish, tmp_path), (swedish, _english(swedish, tmp_path))
    assert swedish != english


def test_swedish_names_the_row_in_swedish_and_english_is_unchanged(form: Path,
                                                                   tmp_path: Path) -> None:
    filled = fill(form, dict(BID_A, **{"items[1].power": "38 W"}), tmp_path / "bad.xlsx")
    _, english = _run("import-bids", str(FIXTURE), str(filled))
    assert english.strip() == (
        f"lcc: {filled}: Bid!D9: 'Energy: power' [W]: got the text '38 W'; enter a number "
        f"in W (write the number only; the unit W is given in column C) [wrong-type]")
    _, swedish = _run("import-bids", str(FIXTURE), str(filled), "--lang", "sv")
    assert swedish.strip() == (
        f"lcc: {filled}: Bid!D9: 'Energi: effekt' [W]: fick texten '38 W'; ange ett tal i W "
        f"(skriv bara talet; enheten W står i kolumn C) [wrong-type]")


def test_a_form_of_another_tender_in_swedish(tmp_path: Path, form: Path) -> None:
    filled = fill(form, BID_A, tmp_path / "acme.xlsx")
    changed = copy_tender(tmp_path, replace=('period = "20 yr"', 'period = "25 yr"'))
    code, swedish = _run("import-bids", str(changed), str(filled), "--lang", "sv")
    assert code == 2
    assert "lcc!B13: formuläret gjordes för upphandlingen" in swedish
    assert 'study.period: "20 yr" → "25 yr"' in swedish and "[other-tender]" in swedish
    assert not _english(swedish, tmp_path), _english(swedish, tmp_path)
    _, english = _run("import-bids", str(changed), str(filled))
    assert "the form was made for the tender" in english


def test_files_that_are_no_form_in_swedish(tmp_path: Path) -> None:
    bad = tmp_path / "bid.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    corrupt = tmp_path / "corrupt.xlsx"
    corrupt.write_bytes(b"PK\x03\x04 broken")
    code, swedish = _run("import-bids", str(FIXTURE), str(bad), str(corrupt), "--lang", "sv")
    assert code == 2
    assert "ingen Excel-arbetsbok" in swedish and "spara den som .xlsx" in swedish
    assert "kan inte öppnas som en Excel-arbetsbok" in swedish
    assert not _english(swedish, tmp_path), _english(swedish, tmp_path)


def test_bid_form_declaration_errors_in_swedish(tmp_path: Path) -> None:
    path = copy_tender(tmp_path, '\n[bid_form]\nlike = "Bid X"\n')
    code, swedish = _run("bid-form", str(path), "-o", str(tmp_path / "f.xlsx"), "--lang", "sv")
    assert code == 2
    assert "bid_form.like: inget alternativ heter 'Bid X'" in swedish
    assert not _english(swedish, tmp_path), _english(swedish, tmp_path)
    code, english = _run("bid-form", str(path), "-o", str(tmp_path / "f.xlsx"))
    assert "bid_form.like: no alternative is named 'Bid X'" in english


# ---------------------------------------------------------------------------- calculators

CALC_TENDER = '''format = "lcc.tender/1"
name = "T"
[study]
period = "20 yr"
discount_rate = 0.04
[[alternatives]]
name = "A"
template = "street_lighting"
[alternatives.inputs]
luminaires = 10
price = "4600 SEK"
electricity_price = "1.2 SEK/kWh"
'''

CALC_CASES = [
    ('power = "42 m"\noperating_hours = "4000 h/yr"',
     "alternatives[0].inputs.power (effekt): '42 m' har fel slags enhet (m); ange effekt per "
     "armatur, t.ex. '36 W' [wrong-unit]",
     "alternatives[0].inputs.power: got '42 m' (units m); expected power per luminaire, e.g. "
     "'36 W' [wrong-unit]"),
    ('power = "42 W"\noperating_hours = "4000 h/yr"\nlife = 0',
     "alternatives[0].inputs.life (livslängd): fick 0 (ett tal utan enhet godtas inte: detta "
     "indatum har en enhet); ange [yr] eller [h], t.ex. '50000 h' [bare-number]",
     "alternatives[0].inputs.life: got 0 (a bare number is refused: this input has a unit); "
     "expected [yr] or [h], e.g. '50000 h' [bare-number]"),
    ('power = "42 W"',
     "saknas (köpare): timmar per år på varje effektnivå",
     "missing (buyer): hours per year at each power level"),
]


@pytest.mark.parametrize(("inputs", "sv", "en"), CALC_CASES)
def test_bad_calculator_inputs_in_swedish(inputs: str, sv: str, en: str,
                                          tmp_path: Path) -> None:
    path = tmp_path / "tender.toml"
    path.write_text(CALC_TENDER + inputs + "\n", encoding="utf-8")
    code, swedish = _run("evaluate", str(path), "--lang", "sv")
    assert code == 2
    assert sv in swedish, swedish
    assert not _english(swedish, tmp_path), (swedish, _english(swedish, tmp_path))
    code, english = _run("evaluate", str(path))
    assert code == 2
    assert en in english, english


def test_calculator_errors_keep_their_msg_field_and_code() -> None:
    from lcc.templates import street_lighting

    with pytest.raises(lcc.LCCError) as info:
        street_lighting.alternative("A", luminaires=10, power="42 W", price="1 SEK",
                                    electricity_price="1 SEK/kWh")
    exc = info.value
    assert isinstance(exc.message, Msg) and isinstance(exc.detail, Msg)
    assert exc.field == "street_lighting.dimming_profile" and exc.code == "missing-field"
    assert str(exc).startswith("street_lighting: missing input 'dimming_profile' (buyer)")
    assert exc.message_in("sv").startswith(
        "street_lighting: indatumet 'dimming_profile' saknas (köpare)")
    with pytest.raises(lcc.LCCError) as info:
        street_lighting.alternative("A", luminaires=10, power="42", price="1 SEK",
                                    operating_hours="1 h/yr", electricity_price="1 SEK/kWh")
    assert info.value.field == "street_lighting.power"
    assert info.value.detail_in("sv") == "'42' saknar enhet; ange effekt per armatur, t.ex. " \
        "'36 W'"


# ---------------------------------------------------------------------------- labels

#: The words of the labels the calculators of these examples give their items, in English.
CALCULATOR_LABELS = re.compile(r"\bstep\b|night_level|part_load|Electricity|Luminaire incl|"
                               r"Pump unit|\bMaintenance\b|\bpower\b|\bload\b")


@pytest.mark.parametrize(("example", "live"), [(CALCULATOR, True), (PUMPS, False)],
                         ids=["street-lighting-calculator", "pumps"])
def test_swedish_report_and_bid_form_show_calculator_labels_in_swedish(
        example: Path, live: bool, tmp_path: Path) -> None:
    """``live``: the form's own LCC is written as formulas, one row per item (the pumps'
    efficiency divides, so their form says in words that it cannot be)."""
    from lcc.bidform import write_bid_form

    tender = load_tender(example)
    # the tender's own words are data (kept as written); the calculators' labels are not
    ours = [str(i.label) for a in tender.alternatives for i in a.items
            if isinstance(i.label, Msg)]
    assert any("step" in label for label in ours)
    data = [d for d in {*_data_strings(tender), *_form_data(example)}  # a parameter's
            if not any(d in label for label in ours) or _is_parameter_name(d, tender)]
    data.sort(key=len, reverse=True)
    report = _report(example, "sv", tmp_path)
    for fmt, text in report.items():
        assert "El, steg 1: 100 % " in text, fmt
        found = CALCULATOR_LABELS.findall(_without_data(text, data))
        assert not found, (fmt, sorted(set(found)))
    form = write_bid_form(tender, tmp_path / "form.xlsx", lang="sv", tender_file=example)
    wb = openpyxl.load_workbook(form)
    rows = "\n".join(str(c.value) for row in wb["Ert LCC"].iter_rows() for c in row
                     if c.value is not None and c.data_type != "f")
    assert ("Energi: El, steg 1: 100 % " in rows) is live
    found = CALCULATOR_LABELS.findall(_without_data(_form_text(form.read_bytes()), data))
    assert not found, sorted(set(found))


def _is_parameter_name(text: str, tender: Any) -> bool:
    """Whether ``text`` is a parameter's name in words (the tender's data, also where a
    calculator's label names the parameter: 'step 2: Part load = 55% load')."""
    from lcc.results._describe import parameter_name

    return any(text in (parameter_name(p.name, lang, p.description) for lang in ("en", "sv"))
               for p in tender.parameters)


def test_english_labels_are_unchanged(tmp_path: Path) -> None:
    tender = load_tender(CALCULATOR)
    bid = tender.alternatives[0]
    names = [item.name for item in bid.items]
    assert names[1] == "Energy 'Electricity, step 1: 100% power'"
    assert names[2] == "Energy 'Electricity, step 2: Night level = 50% power'"  # in words
    assert isinstance(names[2], ItemName)
    assert names[2].in_lang("sv") == "Energi 'El, steg 2: Night level = 50 % effekt'"
    explained = lcc.evaluate(bid, tender.study).explain()
    assert "Energy: Electricity, step 2: Night level = 50% power" in explained
    late = [w for r in tender.compare().results.values() for w in r.late_purchases_in("sv")]
    assert late and all("Investering 'Armatur inkl. installation'" in w for w in late)


def test_item_names_pickle_in_their_language() -> None:
    import pickle

    from lcc._errors import in_lang

    names = [i.name for i in load_tender(CALCULATOR).alternatives[0].items]
    again = pickle.loads(pickle.dumps(names))
    assert again == names and all(isinstance(n, ItemName) for n in again)
    assert [in_lang(n, "sv") for n in again] == [in_lang(n, "sv") for n in names]
    assert "El, steg 2: Night level = 50 % effekt" in in_lang(again[2], "sv")


def test_a_cell_message_names_the_unit_as_the_swedish_form_shows_it(form: Path,
                                                                    tmp_path: Path) -> None:
    """Seen as a bidder: the Swedish form shows 'år' in column C; the message said 'yr'."""
    filled = fill(form, dict(BID_A, **{"items[0].life": "20 years"}), tmp_path / "life.xlsx")
    _, english = _run("import-bids", str(FIXTURE), str(filled))
    assert "[yr]: got the text '20 years'; enter a number in yr (write the number only; the " \
           "unit yr is given in column C)" in english
    _, swedish = _run("import-bids", str(FIXTURE), str(filled), "--lang", "sv")
    assert "[år]: fick texten '20 years'; ange ett tal i år (skriv bara talet; enheten år " \
           "står i kolumn C)" in swedish


def test_the_bid_forms_item_words_name_the_type_in_the_forms_words(tmp_path: Path) -> None:
    """An unlabelled item showed as 'Investment: None' and a Recurring item as 'Recurring
    cost: …' where the form says 'Annual cost'."""
    import openpyxl

    from lcc.bidform import write_bid_form

    text = """name = "T"
[study]
period = "10 yr"
discount_rate = 0.04
[[alternatives]]
name = "A"
[[alternatives.items]]
type = "Investment"
amount = "1000 SEK"
[[alternatives.items]]
type = "Recurring"
label = "Power"
amount_per_year = "100 SEK/yr"
"""
    tender = lcc.io.loads_tender(text)
    path = write_bid_form(tender, tmp_path / "form.xlsx")
    ws = openpyxl.load_workbook(path)["Your LCC"]
    words = [ws[f"A{r}"].value for r in range(1, 40)]
    assert "Investment" in words and "Annual cost: Power" in words
    assert not any(isinstance(w, str) and "None" in w for w in words)
