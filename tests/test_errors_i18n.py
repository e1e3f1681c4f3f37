"""Error messages in the reader's language (issue 17): every error raised by the model, units,
engine, results, discounting, data and the catalogue is a :class:`lcc._errors.Msg` with a
Swedish translation, shown in Swedish by the API and the command line without parsing."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

import lcc
from lcc._errors import LCCError, Msg
from lcc._i18n import catalog, error_lines
from tests.test_documents import ENGLISH

SRC = Path(lcc.__file__).resolve().parent

#: The modules whose errors are all Msg (bidform, templates, sensitivity, portfolio,
#: report, plot and cli are converted separately).
CONVERTED = ["model", "units.py", "engine", "results", "discounting.py", "data", "_i18n",
             "io", "bidform", "templates"]
#: Files of the converted modules whose errors are not all Msg yet (none).
NOT_YET: set[str] = set()

#: Calls that take a message a person reads, and the position of the message: an error, a
#: warning, a located issue of a file, and the collector's ``c.add(code, path, message)``.
RAISERS = {"LCCError": 0, "warn": 0, "TenderIssue": 1, "add": 2}


def _message_params(tree: ast.Module) -> dict[str, int]:
    """Functions of the module with a parameter ``message: Msg``, by its position (the
    helpers that make an issue: ``_fail(file, message)``, ``bad(code, path, message)``)."""
    out = {}
    for f in ast.walk(tree):
        if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef):
            names = [a.arg for a in f.args.args if a.arg != "self"]
            if "message" in names and "message" in _msg_params(f):
                out[f.name] = names.index("message")
    return out


def _is_msg_annotation(node: ast.expr | None) -> bool:
    """``Msg``, or ``Msg | str`` (a model error's ``detail``, typed ``str``, is a Msg by
    this rule wherever it is passed on)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _is_msg_annotation(node.left) and isinstance(node.right, ast.Name) \
            and node.right.id == "str"
    return isinstance(node, ast.Name | ast.Constant) and \
        getattr(node, "id", getattr(node, "value", None)) == "Msg"


def _msg_params(func: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Parameters of ``func`` annotated ``Msg`` (its callers give a Msg, by this rule)."""
    return {a.arg for a in func.args.args if _is_msg_annotation(a.annotation)}


def _module_msgs(tree: ast.Module) -> set[str]:
    """Module-level names assigned a Msg (``_TWICE = Msg("defined twice")``)."""
    return {n.targets[0].id for n in tree.body if isinstance(n, ast.Assign)
            and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
            and _is_msg(n.value, set(), set())}


def _files() -> list[Path]:
    out: list[Path] = []
    for name in CONVERTED:
        path = SRC / name
        out += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [p for p in out if p.relative_to(SRC).as_posix() not in NOT_YET]


def _msg_functions(tree: ast.Module) -> set[str]:
    """Functions of the module annotated to return a Msg (they compose one)."""
    return {f.name for f in ast.walk(tree) if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
            and isinstance(f.returns, ast.Name | ast.Constant)
            and getattr(f.returns, "id", getattr(f.returns, "value", None)) == "Msg"}


def _is_msg(node: ast.expr, makers: set[str], names: set[str]) -> bool:
    """The rule: a message is a ``Msg(...)`` or ``join(...)`` call, a call of a function of
    the module annotated ``-> Msg``, the ``.message`` or ``.detail`` of a caught LCCError
    (itself a Msg by this rule), or a local name assigned only such values."""
    if isinstance(node, ast.Call):
        f = node.func
        name = f.id if isinstance(f, ast.Name) else None
        return name in {"Msg", "join"} | makers
    if isinstance(node, ast.IfExp):
        return _is_msg(node.body, makers, names) and _is_msg(node.orelse, makers, names)
    if isinstance(node, ast.Attribute):
        return node.attr in ("message", "detail")
    if isinstance(node, ast.Name):
        return node.id in names
    return False


def _msg_names(func: ast.AST, makers: set[str]) -> set[str]:
    """Local names every assignment of which (in ``func``) is a message by the rule."""
    seen: dict[str, bool] = {}
    for node in ast.walk(func):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            seen[name] = seen.get(name, True) and _is_msg(node.value, makers, set())
    return {n for n, ok in seen.items() if ok}


def test_every_error_message_of_the_converted_modules_is_a_msg() -> None:
    bad = []
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in _files()}
    everywhere = set().union(*(_msg_functions(t) for t in trees.values()))
    everywhere |= _msg_functions(ast.parse((SRC / "_errors.py").read_text(encoding="utf-8")))
    for path, tree in trees.items():
        makers = _msg_functions(tree) | everywhere
        raisers = {**RAISERS, **_message_params(tree)}
        module = _module_msgs(tree)
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            names = _msg_names(func, makers) | module | set().union(*(  # nested helpers too
                _msg_params(g) for g in ast.walk(func)
                if isinstance(g, ast.FunctionDef | ast.AsyncFunctionDef)))
            for node in ast.walk(func):
                if not isinstance(node, ast.Call):
                    continue
                f = node.func
                called = f.id if isinstance(f, ast.Name) else \
                    f.attr if isinstance(f, ast.Attribute) else None
                if called not in raisers or (called == "add" and len(node.args) != 3):
                    continue  # set.add(x) is no message
                at = raisers[called]
                first = node.args[at] if len(node.args) > at else None
                if first is None or not _is_msg(first, makers, names):
                    bad.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert len(_files()) > 30
    assert not bad, "an error message that is not a Msg:\n" + "\n".join(bad)


def test_the_rule_catches_plain_messages() -> None:
    tree = ast.parse('def f(x):\n    raise LCCError(f"{x}: bad")\n')
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call))
    assert not _is_msg(call.args[0], set(), set())
    tree = ast.parse('def f(x):\n    m = Msg("{x}", x=x)\n    raise LCCError(m)\n')
    func = tree.body[0]
    assert _msg_names(func, set()) == {"m"}
    tree = ast.parse('def f(c, x):\n    c.add("invalid-value", (), f"{x}: bad")\n'
                     'def bad(code, path, message: Msg):\n    pass\n')
    assert _message_params(tree) == {"bad": 2}
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call))
    assert not _is_msg(call.args[RAISERS["add"]], set(), set())
    tree = ast.parse('_X = Msg("defined twice")\n_Y = "plain"\n')
    assert _module_msgs(tree) == {"_X"}


def test_a_message_about_an_input_starts_with_its_name_in_every_language() -> None:
    """So a file reader can show the rest after its own location (``Msg.detail``)."""
    sv = catalog("sv")
    wrong = [m for (_, m), t in sv.items() if m.startswith("{name}: ")
             and not t.startswith("{name}: ")]
    assert not wrong, wrong


def _sv_words(text: str) -> list[str]:
    """English words in a Swedish text, leaving out the values quoted from the input and
    the input's path (the file's own keys)."""
    import re

    text = re.sub(r"'[^']*'|\"[^\"]*\"", "", text)
    text = re.sub(r"\S+\.toml(:\d+)?:", "", text)
    text = re.sub(r"\[[a-z-]+\]", "", text)  # the stable code: [invalid-value]
    text = re.sub(r"[\w.\[\]]+\s\(", "(", text)  # alternatives[0].items[0].life (livslängd)
    return [m.group(0) for m in ENGLISH.finditer(text)]


API_CASES = [
    (lambda: lcc.Investment("100 SEK", life="-3 yr"),
     "Investment.life (livslängd): ogiltigt värde '-3 yr'; ange en tidslängd > 0",
     "Investment.life: got '-3 yr'; expected a duration > 0"),
    (lambda: lcc.Study("20 yr", 4),
     "Study.discount_rate (kalkylränta): talet 4 saknar enhet; en ränta anges som andel per år",
     "Study.discount_rate: got the bare number 4; a rate is a fraction per year, so this "
     "would be 400 %"),
    (lambda: lcc.Investment("100 SEK", life="10 yr", at="3"),
     "Investment.at (tidpunkt): texten '3' är ett tal inom citattecken; skriv antalet år utan "
     "citattecken (3) eller med enhet ('3 yr')",
     "Investment.at: got the text '3'; write a number of years without quotes (3) or with a "
     "unit ('3 yr')"),
    (lambda: lcc.Investment("100 SEK", life="10 m"),
     "Investment.life (livslängd): '10 m' har fel slags enhet (m); ange en tidslängd, "
     "t.ex. '20 år'",
     "Investment.life: got '10 m' (units m); expected a duration, e.g. '20 yr'"),
    (lambda: lcc.Study("20.5 yr", 0.04),
     "Study.period (kalkylperiod): ogiltigt värde '20.5 yr'; ange ett helt antal år",
     "Study.period: got '20.5 yr'; expected a whole number of years (annual steps)"),
    (lambda: lcc.Study("20 yr", 0.04, currency="XYZ"),
     "Study.currency (valuta): ogiltigt värde 'XYZ'; välj ett av",
     "Study.currency: got 'XYZ', expected one of"),
    (lambda: lcc.Investment("100", life="10 yr"),
     "Investment.amount (belopp): '100' saknar enhet; ange ett belopp, t.ex. '2500 kr'",
     "Investment.amount: got '100' without a unit; expected an amount, e.g. '2500 SEK'"),
    (lambda: lcc.ExchangeRates("XYZ"), "ExchangeRates.base: ogiltigt värde 'XYZ'; välj ett av",
     "ExchangeRates.base: got 'XYZ', expected one of"),
    (lambda: lcc.discounting.crf(0.04, 0),
     "n: ogiltigt värde 0; annuitetsfaktorn kräver n > 0 år",
     "n: got 0; the capital recovery factor needs n > 0 years"),
]


@pytest.mark.parametrize(("make", "sv", "en"), API_CASES)
def test_api_errors_in_swedish_and_english(make, sv: str | None, en: str | None) -> None:
    with pytest.raises(LCCError) as info:
        make()
    exc = info.value
    for issue in exc.errors:
        assert isinstance(issue.message, Msg), issue.message
    swedish = "\n".join(error_lines(exc, "sv"))
    assert not _sv_words(swedish), (swedish, _sv_words(swedish))
    assert "detaljer" not in swedish.lower()
    if sv is not None:
        assert sv in swedish, swedish
        assert sv in exc.message_in("sv")
    if en is not None:
        assert en in str(exc) and en in exc.message_in("en")
    assert "\n".join(error_lines(exc, "en")).startswith("error: ") or \
        len(exc.errors) > 1


CLI_CASES = [
    ('life = "-3 yr"', "items[0].life (livslängd): ogiltigt värde '-3 yr'; ange en tidslängd "
     "> 0 [invalid-value]", "items[0].life: got '-3 yr'; expected a duration > 0 "
     "[invalid-value]"),
    ("discount_rate = 4", "study.discount_rate (kalkylränta): talet 4 saknar enhet; en ränta "
     "anges som andel per år, så detta vore 400 %", "study.discount_rate: got the bare number "
     "4; a rate is a fraction per year, so this would be 400 %"),
    ('life = "10 m"', "items[0].life (livslängd): '10 m' har fel slags enhet (m); ange en "
     "tidslängd, t.ex. '20 år' [wrong-unit]", "items[0].life: got '10 m' (units m); expected a "
     "duration, e.g. '20 yr' [wrong-unit]"),
    ('currency = "XYZ"', "study.currency (valuta): ogiltigt värde 'XYZ'; välj ett av",
     "study.currency: got 'XYZ', expected one of"),
    ('period = "20.5 yr"', "study.period (kalkylperiod): ogiltigt värde '20.5 yr'; ange ett "
     "helt antal år (kalkylen räknar per år) [invalid-value]", "study.period: got '20.5 yr'; "
     "expected a whole number of years (annual steps) [invalid-value]"),
    ('amount = "100 XYZ"', "items[0].amount (belopp): '100 XYZ' kan inte läsas som en storhet "
     "('XYZ' är ingen känd enhet) [invalid-value]", "items[0].amount: could not read '100 XYZ' "
     "as a quantity ('XYZ' is not a known unit) [invalid-value]"),
]

TENDER = {
    "period": 'period = "20 yr"', "discount_rate": "discount_rate = 0.04",
    "currency": 'currency = "SEK"', "amount": 'amount = "100 SEK"', "life": 'life = "10 yr"',
}


def _tender(bad: str) -> str:
    key = bad.split("=")[0].strip()
    v = {**TENDER, key: bad}
    return (f'format = "lcc.tender/1"\nname = "T"\n[study]\n{v["period"]}\n'
            f'{v["discount_rate"]}\n{v["currency"]}\n[[alternatives]]\nname = "A"\n'
            f'[[alternatives.items]]\ntype = "Investment"\n{v["amount"]}\n{v["life"]}\n')


@pytest.mark.parametrize(("bad", "sv", "en"), CLI_CASES)
def test_cli_errors_in_swedish_and_english(bad: str, sv: str, en: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from lcc import cli

    path = tmp_path / "tender.toml"
    path.write_text(_tender(bad), encoding="utf-8")
    assert cli.main(["evaluate", str(path), "--lang", "sv"]) == 2
    swedish = capsys.readouterr().err
    assert sv in swedish, swedish
    assert not _sv_words(swedish), (swedish, _sv_words(swedish))
    assert "detaljer" not in swedish.lower()
    assert cli.main(["evaluate", str(path)]) == 2
    english = capsys.readouterr().err
    assert en in english, english


def test_an_error_pickles_with_its_msg() -> None:
    with pytest.raises(LCCError) as info:
        lcc.Investment("100 SEK", life="-3 yr")
    again = pickle.loads(pickle.dumps(info.value))
    assert isinstance(again.message, Msg) and again.message.msgid == info.value.message.msgid
    assert again.message_in("sv") == info.value.message_in("sv")
    assert str(again) == str(info.value) and again.field == info.value.field
    detail = info.value.detail
    assert isinstance(detail, Msg)
    assert pickle.loads(pickle.dumps(detail)).in_lang("sv") == detail.in_lang("sv")
    with pytest.raises(LCCError) as many:
        lcc.Investment("-1 SEK", life="-3 yr")
    again = pickle.loads(pickle.dumps(many.value))
    assert again.message_in("sv") == many.value.message_in("sv")
    assert "ogiltigt värde '-1 SEK'" in again.message_in("sv")


def test_engine_warnings_follow_the_reader() -> None:
    study = lcc.Study("5 yr", 0.04)
    alt = lcc.Alternative("A", lcc.OneOff("100 SEK", at=8))
    result = lcc.evaluate(alt, study)
    (warning,) = result.warnings
    assert isinstance(warning, Msg)
    assert "after the end of the study" in warning
    swedish = warning.in_lang("sv")
    assert "efter kalkylperiodens slut" in swedish and not _sv_words(swedish)
    assert "efter kalkylperiodens slut" in result.explain("sv")


#: File errors of lcc.io (issue 17): (the tender's text, Swedish expected, English expected).
_BASE = ('format = "lcc.tender/1"\nname = "T"\n[study]\nperiod = "20 yr"\ndiscount_rate = 0.04\n'
         '{study}[parameters.el]\nvalue = "1.2 SEK/kWh"\n{params}[[alternatives]]\nname = "A"\n'
         '{alt}[[alternatives.items]]\ntype = "Investment"\namount = "100 SEK"\nlife = "10 yr"\n'
         '{item}')


def _file(study: str = "", params: str = "", alt: str = "", item: str = "",
          extra: str = "") -> str:
    return _BASE.format(study=study, params=params, alt=alt, item=item) + extra


IO_CASES = [
    ("unknown-key", _file(item="lifee = 3\n"), "okänd nyckel 'lifee' (menade du 'life'?)",
     "unknown key 'lifee' (did you mean 'life'?); an Investment item: the keys are:"),
    ("missing-field", _file().replace('amount = "100 SEK"\n', ""),
     "saknas; en post av typen Investment: 'amount' krävs",
     "missing; an Investment item: 'amount' is required"),
    ("unknown-parameter", _file(item='[alternatives.items.disposal]\nparameter = "ell"\n'),
     "ingen parameter heter 'ell' (menade du 'el'?); definierade: el",
     "no parameter is named 'ell' (did you mean 'el'?); defined: el"),
    ("duplicate-name", _file(extra='[[alternatives]]\nname = "A"\n[[alternatives.items]]\n'
                                   'type = "OneOff"\namount = "1 SEK"\nat = 1\n'),
     "'A' är också namnet på alternatives[0] (rad 9); varje alternativ behöver ett eget namn",
     "'A' is also the name of alternatives[0] (line 9); every alternative needs its own name"),
    ("parse-error", 'name = "T"\n[study\n',
     "ogiltig TOML: en tabells namn avslutas inte med ']'; tolken säger \"",
     "not valid TOML: a table's name is not closed by ']'; the parser says \""),
    ("invalid-value", _file(item='[alternatives.items.escalation]\nby_year = []\n'),
     "en tom lista; ange ett värde per år", "an empty list; give one value per year"),
    ("invalid-value", _file(study='exchange_rates = { base = "SEK", rates = { ABC = 2 } }\n'),
     "okänd valuta 'ABC'; välj en av", "unknown currency 'ABC', expected one of"),
    ("currency-mix", _file().replace('amount = "100 SEK"', 'amount = "100 EUR"'),
     "beloppet är i EUR men kalkylens valuta är SEK, och ingen växelkurs för EUR är angiven",
     "the amount is in EUR but the study currency is SEK, and no exchange rate for EUR is "
     "declared"),
    ("assumption-override", None, "strider mot de gemensamma kalkylförutsättningarna 'set' "
     "version 1, som anger", "conflicts with the assumption set 'set' version 1, which says"),
    ("unknown-parameter", _file(extra='[scenarios.high]\nell = "2 SEK/kWh"\n'),
     "ingen parameter heter 'ell' (menade du 'el'?)",
     "no parameter is named 'ell' (did you mean 'el'?)"),
    ("invalid-value", _file(extra='[scenarios.base]\nel = "2 SEK/kWh"\n'),
     "'base' är raden med grundvärden; ge scenariot ett annat namn",
     "'base' is the row of base values; give the scenario another name"),
]

_SET = ('format = "lcc.assumptions/1"\nname = "set"\nversion = "1"\nvalid_from = 2025-01-01\n'
        'owner = "Buyer"\n[study]\nperiod = "20 yr"\ndiscount_rate = 0.04\n')


def _io_words(text: str) -> list[str]:
    """English words of a Swedish file error, leaving out the file's location and path, its
    own key lists (after ``nycklarna är:``), the TOML to paste (``{base = …}``), and the
    values quoted (as :func:`_sv_words`)."""
    import re

    text = re.sub(r"\S+\.toml(:\d+)?: [\w.\[\]\"]+", "", text)
    text = re.sub(r"nycklarna är: [\w, ]+", "", text)
    text = re.sub(r"\{.*\}", "", text)
    return _sv_words(text)


@pytest.mark.parametrize(("code", "text", "sv", "en"), IO_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(IO_CASES)])
def test_cli_file_errors_in_swedish(code: str, text: str | None, sv: str, en: str,
                                    tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lcc import cli
    from lcc.io import TenderError, load_tender

    if text is None:  # a tender that departs from its assumption set
        (tmp_path / "set.toml").write_text(_SET, encoding="utf-8")
        text = _file().replace('discount_rate = 0.04\n', 'discount_rate = 0.05\n').replace(
            'name = "T"\n', 'name = "T"\nassumptions = "set.toml"\n', 1)
    path = tmp_path / "tender.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TenderError) as info:
        load_tender(path)
    assert code in info.value.codes
    for issue in info.value.errors:
        assert isinstance(issue.message, Msg), issue
    assert cli.main(["evaluate", str(path), "--lang", "sv"]) == 2
    swedish = capsys.readouterr().err
    assert sv in swedish, swedish
    assert f"[{code}]" in swedish
    assert not _io_words(swedish), (swedish, _io_words(swedish))
    assert "detaljer" not in swedish.lower()
    assert cli.main(["evaluate", str(path)]) == 2
    english = capsys.readouterr().err
    assert en in english, english
    assert en in str(info.value)  # the API says the same
