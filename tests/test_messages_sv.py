"""Issue 17 in sensitivity, portfolio, plot, report and the command line: every error is a
``Msg`` with a Swedish translation, and ``--lang sv`` output has no English and no code words.

The rule the AST test enforces (``test_errors_pass_a_msg``), for every ``.py`` file under
``lcc/sensitivity``, ``lcc/portfolio``, ``lcc/plot``, ``lcc/report`` and ``lcc/cli``:

* the message of ``LCCError(message, …)`` (first argument), of the portfolio's
  ``CellError(code, message)`` and ``PlanIssue(code, message, …)`` (second) and of
  ``issues.add(code, row, column, message, …)`` (fourth) is
  - a call ``Msg("literal English", …)`` — Babel extracts the literal and
    ``tests/test_i18n.py`` requires its Swedish translation; or
  - ``<something>.message`` — the message of another error passed on unchanged (an
    error of a tender file read by ``lcc.io``, a cell error), which is a ``Msg`` where its
    raiser gave one;
* nothing else: no f-string, no string literal, no name bound to text — except in the
  collector itself, ``Issues.add`` (``lcc/portfolio/_issues.py``), which builds the
  ``PlanIssue`` from the ``message`` its callers gave (checked at those calls).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

import lcc
from lcc._errors import Msg
from lcc.cli import main
from lcc.io import load_tender
from tests.test_documents import CODE, ENGLISH, _data_strings, _without_data

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "lcc"
EXAMPLES = ROOT / "examples"
STREET = EXAMPLES / "street-lighting.toml"
PLAN = EXAMPLES / "portfolio" / "plan.csv"
TARGETS = EXAMPLES / "portfolio" / "targets.toml"
FACTORS = EXAMPLES / "portfolio" / "factors.csv"

#: The modules of this rule.
MODULES = ("sensitivity", "portfolio", "plot", "report", "cli")
#: Callable name -> position of its message argument.
MESSAGE_ARG = {"LCCError": 0, "CellError": 1, "PlanIssue": 1}


def _message_args(tree: ast.AST) -> list[tuple[int, ast.expr]]:
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Name) and f.id in MESSAGE_ARG:
            pos = MESSAGE_ARG[f.id]
        elif isinstance(f, ast.Attribute) and f.attr == "add" and \
                isinstance(f.value, ast.Name) and f.value.id == "issues":
            pos = 3
        else:
            continue
        arg = node.args[pos] if len(node.args) > pos else next(
            (k.value for k in node.keywords if k.arg == "message"), None)
        assert arg is not None, f"line {node.lineno}: a call without its message"
        out.append((node.lineno, arg))
    return out


def _is_msg(arg: ast.expr) -> bool:
    if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name) and arg.func.id == "Msg":
        return bool(arg.args) and isinstance(arg.args[0], ast.Constant) and \
            isinstance(arg.args[0].value, str)
    return isinstance(arg, ast.Attribute) and arg.attr == "message"


def test_errors_pass_a_msg() -> None:
    checked, wrong = 0, []
    for module in MODULES:
        for path in sorted((PACKAGE / module).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for line, arg in _message_args(tree):
                checked += 1
                where = path.relative_to(PACKAGE).as_posix()
                if _is_msg(arg) or (where, ast.unparse(arg)) == ("portfolio/_issues.py",
                                                               "message"):
                    continue
                wrong.append(f"{where}:{line}: {ast.unparse(arg)[:70]}")
    assert checked > 150, checked
    assert not wrong, "a message that is not Msg(\"…\"):\n" + "\n".join(wrong)


def test_the_rule_catches_text_messages() -> None:
    bad = ast.parse('LCCError(f"x {y}")\nissues.add("c", 1, "", "text")\n'
                    'CellError("c", message)\nLCCError(Msg(name))\n')
    assert [_is_msg(a) for _, a in _message_args(bad)] == [False, False, False, False]
    good = ast.parse('LCCError(Msg("x {y}", y=1))\nissues.add("c", 1, "", e.message)\n')
    assert all(_is_msg(a) for _, a in _message_args(good))


# ----------------------------------------------------------------------- the command line


def _run(capsys: pytest.CaptureFixture[str], *args: Any) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:  # a usage error from argparse
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def _tender_data() -> list[str]:
    """The tender's own words, its file and the names of its parameters (the identifiers
    the tender's author chose, which a reader types after --parameter)."""
    tender = load_tender(STREET)
    names = [p.name for p in tender.parameters]
    if tender.assumptions is not None:
        names += [p.name for p in tender.assumptions.parameters]
    return [*_data_strings(tender), str(STREET), STREET.name, "discount_rate", *names]


def _plan_data() -> list[str]:
    import csv

    out = [str(PLAN), str(TARGETS), str(FACTORS)]
    for path in (PLAN, FACTORS):
        with path.open(encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter=";" if path == PLAN and ";" in
                                  path.read_text(encoding="utf-8")[:200] else ","):
                out += [c.strip() for c in row if c.strip()]
    for p in (EXAMPLES / "refurbished-furniture.toml", EXAMPLES / "street-lighting.toml",
              EXAMPLES / "reusable-tableware.toml"):
        out += _data_strings(load_tender(p))
    return sorted({d for d in out if len(d) >= 2}, key=len, reverse=True)


def _problems(text: str, data: list[str]) -> list[str]:
    """English words and code words left once the data and the stable error codes
    (``[invalid-value]``, the same in every language) are taken out."""
    rest = _without_data(re.sub(r"\[[a-z]+(-[a-z]+)*\]", " ", text), data)
    return sorted({m.group(0) for rx in (*CODE, ENGLISH) for m in rx.finditer(rest)})


SENSITIVITY = [
    ("monte-carlo", "-n", "2000"),
    ("sobol", "-n", "300"),
    ("scenarios", "--discount-rates", "2%", "5%"),
    ("tornado",),
    ("break-even",),
    ("break-even", "--parameter", "electricity_price", "--pair", "LED bid B", "LED bid C"),
]


@pytest.mark.parametrize("args", SENSITIVITY, ids=[" ".join(a) for a in SENSITIVITY])
def test_sensitivity_in_swedish_has_no_english(capsys: pytest.CaptureFixture[str],
                                              args: tuple[str, ...]) -> None:
    code, out, err = _run(capsys, "sensitivity", STREET, *args, "--lang", "sv",
                          "--no-progress")
    assert code == 0, err
    problems = _problems(out, _tender_data())
    assert not problems, (problems, out[-1500:])


def test_monte_carlo_notes_in_swedish_words(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "sensitivity", STREET, "monte-carlo", "-n", "2000", "--lang",
                     "sv", "--no-progress")
    assert "Elpris: triangelfördelning, lägst 0,75\u00a0kr/kWh" in out
    assert "Kalkylränta: likformig mellan 1\u00a0% och 6\u00a0%" in out
    assert "loc=" not in out and "scale=" not in out
    _, out, _ = _run(capsys, "sensitivity", STREET, "sobol", "-n", "300", "--lang", "sv")
    assert "antalet utfall 300 avrundades uppåt till 512" in out


BAD_SENSITIVITY = [
    ("monte-carlo", "--pair", "LED bid A", "No such bid"),
    ("tornado", "--pair", "LED bid A", "LED bid A"),
    ("monte-carlo", "-n", "many"),
    ("sobol", "-n", "0"),
    ("sobol", "-n", "1.5"),
    ("break-even", "--parameter", "no_such_parameter"),
    ("wrong-kind",),
    ("monte-carlo", "--pair", "LED bid A"),
]


@pytest.mark.parametrize("args", BAD_SENSITIVITY, ids=[" ".join(a) for a in BAD_SENSITIVITY])
def test_bad_sensitivity_input_in_swedish(capsys: pytest.CaptureFixture[str],
                                          args: tuple[str, ...]) -> None:
    code, _, err = _run(capsys, "sensitivity", STREET, *args, "--lang", "sv", "--no-progress")
    assert code == 2, err
    message = "\n".join(line for line in err.splitlines()
                        if not line.startswith("användning:") and not line.startswith(" "))
    assert message.startswith("lcc: fel: "), err
    problems = _problems(message, [*_tender_data(), "no_such_parameter", "No such bid",
                                   "many", "wrong-kind", "--pair", "-n/--samples", "kind",
                                   "tornado", "break-even", "monte-carlo", "sobol",
                                   "scenarios"])
    assert not problems, (problems, message)


def test_english_errors_are_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "sensitivity", STREET, "tornado", "--pair", "LED bid A",
                        "LED bid A")
    assert code == 2
    assert err.strip() == ("lcc: error: --pair: got 'LED bid A' twice; give two different "
                           "alternatives")
    code, _, err = _run(capsys, "sensitivity", STREET, "sobol", "-n", "0")
    assert code == 2
    assert "lcc: error: argument -n/--samples: got '0'; expected a whole number of samples " \
        ">= 1, e.g. 10000" in err


PORTFOLIO = ["follow-up", "outcomes", "linked", "priorities", "criteria"]


@pytest.mark.parametrize("action", PORTFOLIO)
def test_portfolio_in_swedish_has_no_english(capsys: pytest.CaptureFixture[str],
                                            action: str) -> None:
    factors = ["--factors", FACTORS] if action == "priorities" else []
    targets = ["--targets", TARGETS] if action in ("follow-up", "priorities") else []
    code, out, err = _run(capsys, "portfolio", PLAN, action, *targets, *factors, "--lang", "sv")
    assert code == 0, err
    problems = _problems(out, _plan_data())
    assert not problems, (problems, out[:1500])


def test_portfolio_csv_and_report_in_swedish(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    from tests.test_documents import _html_text

    code, out, err = _run(capsys, "portfolio", PLAN, "priorities", "--factors", FACTORS,
                          "--lang", "sv", "--format", "csv", "--top", "5")
    assert code == 0, err
    assert out.splitlines()[0].startswith("Id;Rang;Titel;Organisation;År;Kategori")
    assert not _problems(out, _plan_data())
    target = tmp_path / "uppfoljning.html"
    code, out, err = _run(capsys, "portfolio", PLAN, "report", "-o", target, "--targets",
                          TARGETS, "--factors", FACTORS, "--lang", "sv")
    assert code == 0, err
    text = _html_text(target.read_text(encoding="utf-8"))
    problems = [p for p in _problems(text, [*_plan_data(), target.name])
                if p not in ("lcc",)]
    assert not problems, problems


def _bad_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.csv"
    path.write_text("id,organisation,year,title,category,value,status,award_basis,miljökrav,"
                    "återbrukskrav,plastkrav,klimatkrav,lcc-krav,kriterier,färg\n"
                    "1,Alby kommun,20x5,Stolar,Möbler,100,planerad,kostnad,ja,nej,nej,nej,"
                    "nej,,blå\n"
                    "1,Alby kommun,2025,Bord,Möbler,-5 kr,planned,priset,kanske,nej,nej,nej,"
                    "nej,,röd\n", encoding="utf-8")
    return path


def test_bad_plan_in_swedish(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _bad_plan(tmp_path)
    code, _, err = _run(capsys, "portfolio", path, "--lang", "sv")
    assert code == 2 and "Traceback" not in err
    lines = err.splitlines()
    assert any(":2: år: fick '20x5'; förväntade ett årtal" in line for line in lines), err
    assert any("okänd kolumn 'färg'" in line for line in lines), err
    assert any("[duplicate-id]" in line and "används redan på rad 2" in line
               for line in lines), err
    data = [str(path), "20x5", "färg", "priset", "kanske", "-5 kr", "Alby kommun", "price",
            "cost", "price_quality", "planned", "advertised", "awarded"]
    problems = _problems(err, data)
    assert not problems, (problems, err)
    # English: unchanged, the column's binding name and the English message
    code, _, err = _run(capsys, "portfolio", path)
    assert code == 2
    assert f"{path}:2: year: got '20x5'; expected a year such as 2025 [wrong-type]" in err


def test_bad_targets_and_options_in_swedish(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    targets = tmp_path / "targets.toml"
    targets.write_text('[targets]\nreuse = 20\nplastic = "10 %"\n'
                       '[targets.organisation."Ingen kommun"]\nreuse = "30 %"\n',
                       encoding="utf-8")
    code, _, err = _run(capsys, "portfolio", PLAN, "--targets", targets, "--lang", "sv")
    assert code == 2
    assert "menade du 'plastics'?" in err and "menade du '20 %'?" in err, err
    problems = _problems(err, [str(targets), "Ingen kommun", *_plan_data(), "plastic",
                               "plastics", "reuse", "environmental", "climate", "lcc",
                               "targets.organisation.Ingen kommun", "targets.reuse",
                               "targets.plastic"])
    assert not problems, (problems, err)
    code, _, err = _run(capsys, "portfolio", PLAN, "report", "-o", tmp_path / "x.pdf",
                        "--lang", "sv")
    assert code == 2 and "filnamnet måste sluta på .html eller .xlsx" in err
    code, _, err = _run(capsys, "portfolio", tmp_path / "saknas.csv", "--lang", "sv")
    assert code == 2 and "filen finns inte" in err


def test_plan_errors_keep_msg_and_json_stays_english(tmp_path: Path) -> None:
    path = _bad_plan(tmp_path)
    with pytest.raises(lcc.portfolio.PlanError) as info:
        lcc.portfolio.read_plan(path)
    issue = info.value.errors[0]
    assert isinstance(issue.message, Msg)
    assert issue.text_in("en") == str(issue)
    assert all(isinstance(e["message"], str) and not e["message"].startswith("fick")
               for e in __import__("json").loads(info.value.to_json())["errors"])


def test_break_even_reason_in_the_readers_format() -> None:
    from lcc.sensitivity import switching_values

    tender = load_tender(STREET)
    df = switching_values(list(tender.alternatives), tender.study)
    reason = df.attrs["reasons"][1]
    assert isinstance(reason, Msg) and str(reason) == df["reason"].iloc[1]
    # as the tables write them, each at its end of the bracket (review 3, finding 8)
    assert "89 095.87 at 0.75 SEK/kWh and 318 537.35 at 3 SEK/kWh" in str(reason)
    sv = reason.in_lang("sv")
    assert "89\u00a0095,87 vid 0,75 kr/kWh och 318\u00a0537,35 vid 3 kr/kWh" in sv


def test_usage_errors_in_swedish() -> None:
    from lcc.cli._main import usage_error

    assert usage_error("argument kind: invalid choice: 'x' (choose from 'a', 'b')", "sv") == \
        "fel: argumentet kind: 'x' är inte ett av valen 'a', 'b'"
    assert usage_error("the following arguments are required: tender", "sv") == \
        "fel: de här argumenten måste anges: tender"
    assert usage_error("unrecognized arguments: --x", "en") == \
        "error: unrecognized arguments: --x"


#: Messages whose Swedish is the English: placeholders only, or words Swedish shares.
SAME_IN_SWEDISH = {"{first}; {second}", "{where}[{key!r}]", "{detail}",
                   "{requirement}, {part}", "<plan>", "Organisation", "Status", "Plan",
                   "{name} = {value}", "{name} = {value}{unit}"}


def test_every_message_of_the_new_catalogue_is_translated() -> None:
    """No Swedish of ``messages.po`` is the English left as it was, but for the few
    that read the same in both languages."""
    from babel.messages.pofile import read_po

    path = PACKAGE / "locale" / "sv" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as fh:
        cat = read_po(fh)
    same = {str(m.id) for m in cat if m.id and m.string == m.id}
    assert same == SAME_IN_SWEDISH


def test_error_lines_renders_a_plan_error_in_each_language(tmp_path: Path) -> None:
    """error_lines() is the one renderer of errors: a PlanError goes through it too."""
    from lcc._i18n import error_lines
    from lcc.portfolio import PlanError, read_plan

    plan = tmp_path / "plan.csv"
    plan.write_text("id,title,category,value\nP1,Städ,cleaning,lots\n", encoding="utf-8")
    with pytest.raises(PlanError) as info:
        read_plan(plan)
    sv, en = error_lines(info.value, "sv"), error_lines(info.value, "en")
    assert len(sv) == len(en) == len(info.value.errors) >= 1
    assert en == [str(e) for e in info.value.errors]
    assert sv == [e.text_in("sv") for e in info.value.errors]
    assert sv != en


def test_a_figure_lcc_computes_in_a_swedish_message_has_the_decimal_comma() -> None:
    """45 W all year round: 45 W × 8 766 h = 394 470 Wh = 394.47 kWh, shown '394,47 kWh/år'
    in Swedish (the value the user wrote stays as written: '45 W')."""
    from lcc._errors import in_lang

    with pytest.raises(lcc.LCCError) as info:
        lcc.Energy(annual="45 W", price="1 SEK/kWh")
    sv = in_lang(info.value.args[0], "sv")
    assert "'394,47 kWh/år'" in sv and "'45 W'" in sv
    assert "'394.47 kWh/yr'" in str(info.value)


@pytest.mark.parametrize(("example", "old", "new", "expected"), [
    ("dishwashers.toml", 'units = { parameter = "dishwashers" }', "units = -5",
     "alternatives[0].inputs.units: ogiltigt värde -5; ange ett värde > 0"),
    ("indoor-lighting.toml", "luminaires = 240\n", "",
     "behöver luminaires (anbudsgivaren): Antal armaturer i anbudets belysningslösning"),
    ("vehicles.toml", "residual = 0.40 ", 'residual = "12 kg" ',
     "fick '12 kg'; ange 'linear' eller 'none' eller [SEK] eller ett tal utan enhet"),
])
def test_a_calculator_message_in_swedish_has_no_english_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], example: str, old: str, new: str,
        expected: str) -> None:
    """A count's bound ('ange a value >= 0'), a missing input's role and meaning, and the
    'or' between choices were English in the Swedish messages of a calculator."""
    text = (ROOT / "examples" / example).read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "assumptions").mkdir()
    for f in (ROOT / "examples" / "assumptions").glob("*.toml"):
        (tmp_path / "assumptions" / f.name).write_bytes(f.read_bytes())
    path = tmp_path / "t.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, _, err = _run(capsys, "compare", path, "--lang", "sv")
    assert code == 2
    assert expected in err
