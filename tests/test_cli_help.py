"""Issue 17 for the command line's own words: ``--help`` of ``lcc`` and of every command, the
usage errors argparse writes and the Monte Carlo progress line, in the reader's language.

English help is the snapshot of ``tests/snapshots/help/`` (written before the help was
translated; Python 3.11 and 3.12 format it alike, 3.13 writes ``-n, --samples N``)."""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from lcc.cli import main
from lcc.cli._main import build_parser, usage_error
from tests.test_documents import ENGLISH

ROOT = Path(__file__).resolve().parents[1]
STREET = ROOT / "examples" / "street-lighting.toml"
SNAPSHOTS = Path(__file__).parent / "snapshots" / "help"
COMMANDS = ["", "evaluate", "compare", "sensitivity", "explain", "report", "bid-form",
            "import-bids", "calculators", "schema", "portfolio"]
IDS = [c or "lcc" for c in COMMANDS]

#: What a person types or a file holds, the same in every language: column names of the
#: plan and factor files, the --by keys, the [targets] table, product and format names.
TYPED = ["[targets]", "organisation", "year", "category", "status", "award_basis", "factor",
         "unit", "source", "Monte Carlo", "Sobol", "HTML", "Excel", "Markdown", "JSON",
         "Python", "LCC"]


def _help(capsys: pytest.CaptureFixture[str], command: str, *extra: str) -> str:
    with pytest.raises(SystemExit) as info:
        main([*([command] if command else []), "--help", *extra])
    assert info.value.code == 0
    return capsys.readouterr().out


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    out = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            out += [p for sub in dict.fromkeys(action.choices.values()) for p in _parsers(sub)]
    return out


def _typed_words(parser: argparse.ArgumentParser) -> list[str]:
    """Option names, command names and choice values of every parser."""
    words: list[str] = []
    for p in _parsers(parser):
        for action in p._actions:
            words += list(action.option_strings)
            words += [str(c) for c in action.choices or ()]
    return sorted(set(words), key=len, reverse=True)


def _english_left(text: str, typed: list[str]) -> list[str]:
    rest = text
    for word in [*typed, *TYPED]:
        rest = re.sub(rf"(?<![\w-]){re.escape(word)}(?![\w-])", " ", rest)
    rest = re.sub(r"(?<![\w-])-{1,2}[\w-]+", " ", rest)   # option names
    rest = re.sub(r"\b[A-ZÅÄÖ]{1,}\b", " ", rest)         # metavars in capitals
    rest = re.sub(r"\S*\.(toml|yaml|json|csv|xlsx|html?|md)\b", " ", rest)  # file names
    return sorted({m.group(0) for m in ENGLISH.finditer(rest)})


@pytest.fixture(autouse=True)
def _width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")


def _content(text: str) -> str:
    """Help text without argparse's layout: words and their order only.

    argparse 3.13 shows ``-n, --samples N`` where 3.11/3.12 show ``-n N, --samples N``, and
    so wraps lines elsewhere (breaking ``sensitivity-tornado`` after its hyphen)."""
    text = re.sub(r"-\n\s+", "-", text)
    text = re.sub(r"(?<!\S)(-\w) (\S+), (--[\w-]+) \2(?!\S)", r"\1, \3 \2", text)
    return " ".join(text.split())


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_english_help_is_unchanged(capsys: pytest.CaptureFixture[str], command: str) -> None:
    """The snapshot is the help of 3.11/3.12, byte for byte; on a later Python whose argparse
    lays it out otherwise, the same words in the same order."""
    snapshot = (SNAPSHOTS / f"{command or 'lcc'}.txt").read_text(encoding="utf-8")
    for text in (_help(capsys, command), _help(capsys, command, "--lang", "en")):
        if sys.version_info < (3, 13):
            assert text == snapshot
        assert _content(text) == _content(snapshot)


def test_content_ignores_only_the_layout() -> None:
    old = "  -n N, --samples N    number of\n                        samples (sensitivity-\n"
    new = "  -n, --samples N  number of samples\n                   (sensitivity-\n"
    assert _content(old) == _content(new) == "-n, --samples N number of samples (sensitivity-"
    assert _content("-n N, --samples N draws") != _content("-n, --samples N samples")


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_swedish_help_has_no_english(capsys: pytest.CaptureFixture[str], command: str) -> None:
    text = re.sub(r"-\n\s+", "-", _help(capsys, command, "--lang", "sv"))  # a wrapped choice
    assert text.startswith("användning: lcc"), text
    for english in ("usage:", "positional arguments", "options:", "show this help",
                    "show program's"):
        assert english not in text
    if command:
        assert "flaggor:" in text and "visa den här hjälptexten och avsluta" in text
    left = _english_left(text, _typed_words(build_parser("sv")))
    assert not left, (left, text)


def test_swedish_help_in_either_order_and_with_lang_equals(
        capsys: pytest.CaptureFixture[str]) -> None:
    first = _help(capsys, "compare", "--lang", "sv")
    assert first == _help(capsys, "compare", "--lang=sv")
    with pytest.raises(SystemExit):
        main(["compare", "--lang", "sv", "--help"])
    assert capsys.readouterr().out == first
    assert "upphandlingsfil (.toml, .yaml, .json)" in _help(capsys, "evaluate", "--lang", "sv")


def test_every_help_text_and_metavar_is_translated() -> None:
    """Each text of the English parser has its own Swedish (nothing falls back to English),
    and option names, command names and choices stay what a person types."""
    en, sv = _parsers(build_parser("en")), _parsers(build_parser("sv"))
    assert [p.prog for p in en] == [p.prog for p in sv]
    same = {"A", "B", "N", "R", "plan"}  # letters, and a word Swedish shares
    for pe, ps in zip(en, sv, strict=True):
        assert (pe.description is None) == (ps.description is None)
        if pe.description:
            assert pe.description != ps.description
        for ae, a_s in zip(pe._actions, ps._actions, strict=True):
            assert ae.option_strings == a_s.option_strings
            assert list(ae.choices or ()) == list(a_s.choices or ())
            if ae.help:
                assert ae.help != a_s.help, ae.help
            for me, ms in zip(*(m if isinstance(m, tuple) else (m,) for m in
                                (ae.metavar, a_s.metavar)), strict=True):
                assert (me is None and ms is None) or me in same or me != ms, me


# ----------------------------------------------------------------------- usage errors

#: (arguments, argparse's English, the Swedish) of the usage errors a user can reach.
USAGE = [
    (["report", str(STREET), "-o", "x.html", "--no"],
     "ambiguous option: --no could match --no-monte-carlo, --no-tornado, --no-scenarios, "
     "--no-charts",
     "flaggan --no är tvetydig: den kan vara --no-monte-carlo, --no-tornado, --no-scenarios, "
     "--no-charts"),
    (["sensitivity", str(STREET), "scenarios", "--discount-rates"],
     "argument --discount-rates: expected at least one argument",
     "argumentet --discount-rates: minst ett värde saknas"),
    (["compare", str(STREET), "--baseline"],
     "argument --baseline: expected one argument", "argumentet --baseline: ett värde saknas"),
    (["sensitivity", str(STREET), "tornado", "--pair", "LED bid A"],
     "argument --pair: expected 2 arguments", "argumentet --pair: förväntade 2 värden"),
    (["report", str(STREET), "-o", "x.html", "--force=yes"],
     "argument --force: ignored explicit argument 'yes'",
     "argumentet --force: tar inget värde, fick 'yes'"),
    (["sensitivity", str(STREET), "tornado", "--seed", "x"],
     "argument --seed: got 'x'; expected a whole number >= 0, e.g. 2025",
     "argumentet --seed: fick 'x'; ange ett heltal som är minst 0, t.ex. 2025"),
    # numpy's words ("None, … or a numpy.random.SeedSequence") were the message of a -1
    (["sensitivity", str(STREET), "monte-carlo", "--seed", "-1"],
     "argument --seed: got '-1'; expected a whole number >= 0, e.g. 2025",
     "argumentet --seed: fick '-1'; ange ett heltal som är minst 0, t.ex. 2025"),
    (["report", str(STREET), "-o", "x.html", "--seed", "1.5"],
     "argument --seed: got '1.5'; expected a whole number >= 0, e.g. 2025",
     "argumentet --seed: fick '1.5'; ange ett heltal som är minst 0, t.ex. 2025"),
    (["portfolio", "plan.csv", "--top", "1.5"],
     "argument --top: invalid int value: '1.5'", "argumentet --top: '1.5' är inte ett heltal"),
]


def _error(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[str, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    return lines[0], lines[-1]


@pytest.mark.parametrize(("args", "en", "sv"), USAGE, ids=[e.split(":")[0] + " " + a[-1]
                                                          for a, e, _ in USAGE])
def test_usage_errors_in_both_languages(capsys: pytest.CaptureFixture[str], args: list[str],
                                        en: str, sv: str) -> None:
    usage, message = _error(capsys, args)
    assert usage.startswith("usage: lcc ") and message == f"lcc: error: {en}"
    usage, message = _error(capsys, [args[0], "--lang", "sv", *args[1:]])
    assert usage.startswith("användning: lcc "), usage
    assert message == f"lcc: fel: {sv}"


class _Raising(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        raise ValueError(message)


def _argparse_says(parser: argparse.ArgumentParser, args: list[str]) -> str:
    with contextlib.redirect_stderr(io.StringIO()), pytest.raises(ValueError) as info:
        parser.parse_args(args)
    return str(info.value)


def test_argparse_wordings_lcc_does_not_reach_yet_are_mapped() -> None:
    """Mutually exclusive options, a required group, at most one value and a float: the
    wording of the running Python's argparse, mapped in both languages."""
    p = _Raising(prog="x")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--a", action="store_true")
    group.add_argument("--b", action="store_true")
    p.add_argument("--c", nargs="?")
    p.add_argument("--d", type=float)
    cases = [
        (["--a", "--b"], "argumentet --b: kan inte anges tillsammans med argumentet --a"),
        ([], "ett av argumenten --a --b måste anges"),
        (["--a", "--d", "x"], "argumentet --d: 'x' är inte ett tal"),
    ]
    for args, sv in cases:
        message = _argparse_says(p, args)
        assert usage_error(message, "en") == f"error: {message}"
        assert usage_error(message, "sv") == f"fel: {sv}", message
    message = "argument --c: expected at most one argument"  # no parse reaches it (3.11)
    assert usage_error(message, "sv") == "fel: argumentet --c: högst ett värde får anges"


# ----------------------------------------------------------------------- progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("lang", "words", "absent"), [
    ("sv", ["har gått", "kvar", "2\u00a0000 / 2\u00a0000"], ["elapsed", "left"]),
    ("en", ["elapsed", "left", "2,000 / 2,000"], ["har gått", "kvar"]),
])
def test_monte_carlo_progress_in_the_readers_language(monkeypatch: pytest.MonkeyPatch,
                                                      lang: str, words: list[str],
                                                      absent: list[str]) -> None:
    from lcc.sensitivity import _progress

    monkeypatch.setattr(_progress, "DELAY", 0.0)
    monkeypatch.setattr(_progress, "EVERY", 0.0)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["sensitivity", str(STREET), "monte-carlo", "-n", "2000", "--seed", "1",
                     "--lang", lang]) == 0
    line = terminal.getvalue()
    assert line.startswith("\rMonte Carlo:"), line
    for w in words:
        assert w in line, line
    for w in absent:
        assert w not in line, line


def test_monte_carlo_keeps_its_signature() -> None:
    import inspect

    from lcc.sensitivity import monte_carlo

    params = inspect.signature(monte_carlo).parameters
    assert params["lang"].default == "en" and params["lang"].kind is inspect.Parameter.KEYWORD_ONLY
