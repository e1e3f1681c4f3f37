"""The ``lcc`` command line: its parser, its commands' dispatch and its exit codes (internal;
see :mod:`lcc.cli`)."""


from __future__ import annotations

import argparse
import contextlib
import functools
import os
import re
import sys
import traceback
import warnings
from collections.abc import Sequence
from typing import Any

from lcc._errors import LCCError, Msg, in_lang, os_reason
from lcc._i18n._catalog import N_, NP_, ptr, tr
from lcc._version import __version__
from lcc.cli._files import add_force

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2

#: The commands whose JSON output has a schema (``lcc schema WHAT``).
OUTPUTS: tuple[str, ...] = ("evaluate", "compare", "sensitivity-tornado",
                            "sensitivity-break-even", "sensitivity-monte-carlo",
                            "sensitivity-sobol", "sensitivity-scenarios", "import-bids",
                            "calculators", "portfolio-follow-up", "portfolio-outcomes",
                            "portfolio-linked", "portfolio-priorities", "portfolio-criteria")


#: The arguments being parsed (the language of a usage error is read from them).
_ARGV: list[str] = []
#: The last message of a value refused by an argument's type (``_count``).
_REFUSED: list[Msg] = []

#: argparse's usage errors (its English wording, the same in Python 3.11-3.13) -> the same in
#: the catalogue. Those of a parser's programming (conflicting options, a missing dest) never
#: reach a user and are left out.
_USAGE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^argument (?P<arg>[^:]+): invalid choice: (?P<value>.+?) "
                r"\(choose from (?P<choices>.+)\)$"),
     N_("argument {arg}: {value} is not one of the choices {choices}")),
    (re.compile(r"^argument (?P<arg>[^:]+): expected (?P<n>\d+) arguments?$"),
     N_("argument {arg}: expected {n} values")),
    (re.compile(r"^argument (?P<arg>[^:]+): expected one argument$"),
     N_("argument {arg}: expected a value")),
    (re.compile(r"^argument (?P<arg>[^:]+): expected at least one argument$"),
     N_("argument {arg}: expected at least one value")),
    (re.compile(r"^argument (?P<arg>[^:]+): expected at most one argument$"),
     N_("argument {arg}: expected at most one value")),
    (re.compile(r"^argument (?P<arg>[^:]+): ignored explicit argument (?P<value>.+)$"),
     N_("argument {arg}: takes no value, got {value}")),
    (re.compile(r"^argument (?P<arg>[^:]+): not allowed with argument (?P<other>.+)$"),
     N_("argument {arg}: cannot be given with argument {other}")),
    (re.compile(r"^argument (?P<arg>[^:]+): invalid int value: (?P<value>.+)$"),
     N_("argument {arg}: {value} is not a whole number")),
    (re.compile(r"^argument (?P<arg>[^:]+): invalid float value: (?P<value>.+)$"),
     N_("argument {arg}: {value} is not a number")),
    (re.compile(r"^argument (?P<arg>[^:]+): invalid (?P<kind>\w+) value: (?P<value>.+)$"),
     N_("argument {arg}: {value} is not a valid value")),
    (re.compile(r"^ambiguous option: (?P<option>.+?) could match (?P<matches>.+)$"),
     N_("ambiguous option: {option} could be any of {matches}")),
    (re.compile(r"^one of the arguments (?P<args>.+) is required$"),
     N_("one of the arguments {args} is required")),
    (re.compile(r"^unexpected option string: (?P<option>.+)$"),
     N_("unexpected option: {option}")),
    (re.compile(r"^the following arguments are required: (?P<args>.+)$"),
     N_("these arguments are required: {args}")),
    (re.compile(r"^unrecognized arguments: (?P<args>.+)$"),
     N_("unknown arguments: {args}")),
)


def _argv_lang(argv: Sequence[str]) -> str:
    """The value of ``--lang`` among the arguments ('en' when absent or not known)."""
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("en", "sv"):
            return argv[i + 1]
        if a.startswith("--lang=") and a[7:] in ("en", "sv"):
            return a[7:]
    return "en"


def usage_error(message: str, lang: str) -> str:
    """An argparse usage error in ``lang`` (argparse writes English)."""
    from lcc._i18n import tr

    if lang == "en":
        return tr("error: {message}", lang, message=message)
    m = re.match(r"^argument (?P<arg>[^:]+): (?P<rest>.*)$", message)
    if m and _REFUSED and m.group("rest") == str(_REFUSED[-1]):
        text = tr("argument {arg}: {problem}", lang, arg=m.group("arg"),
                  problem=_REFUSED[-1].in_lang(lang))
        return tr("error: {message}", lang, message=text)
    for pattern, msgid in _USAGE:
        m = pattern.match(message)
        if m:
            return tr("error: {message}", lang, message=tr(msgid, lang, **m.groupdict()))
    return tr("error: {message}", lang, message=message)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own exit code for usage errors is 2
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"lcc: {usage_error(message, _argv_lang(_ARGV))}\n")


#: argparse's own words in a help text (it takes them through ``gettext``, which lcc does
#: not install): :func:`_translate` and :class:`_Formatter` put them in the reader's language.
_ARGPARSE_WORDS = (N_("usage: "), N_("positional arguments"), N_("options"),
                   N_("show this help message and exit"),
                   N_("show program's version number and exit"))


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter with "usage: " in :attr:`lang`."""

    lang = "en"

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
        if prefix is None and self.lang != "en":
            prefix = tr("usage: ", self.lang)
        super().add_usage(usage, actions, groups, prefix)


@functools.cache
def _formatter(lang: str) -> type[argparse.HelpFormatter]:
    """The help formatter of a language (a class: argparse makes one per help text)."""
    if lang == "en":
        return argparse.HelpFormatter
    return type(f"_Formatter_{lang}", (_Formatter,), {"lang": lang})


@functools.cache
def _parser_class(lang: str) -> type[_Parser]:
    """The class of the subcommands' parsers, with the formatter of ``lang``."""
    formatter = _formatter(lang)

    class _Sub(_Parser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("formatter_class", formatter)
            super().__init__(*args, **kwargs)

    return _Sub


def _translate(parser: argparse.ArgumentParser, lang: str) -> None:
    """Put a parser's texts (and its subcommands') in ``lang``: description, epilog, group
    titles, help and metavars. Option names, command names and choice values stay: they
    are what a person types."""
    if lang == "en":
        return
    if parser.description:
        parser.description = tr(parser.description, lang)
    if parser.epilog:
        parser.epilog = tr(parser.epilog, lang)
    for group in parser._action_groups:
        if group.title:
            group.title = tr(group.title, lang)
        if group.description:
            group.description = tr(group.description, lang)
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            action.help = tr(action.help, lang)
        if isinstance(action.metavar, str):
            action.metavar = ptr("metavar", action.metavar, lang)
        elif isinstance(action.metavar, tuple):
            action.metavar = tuple(ptr("metavar", m, lang) for m in action.metavar)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._get_subactions():
                if choice.help:
                    choice.help = tr(choice.help, lang)
            for sub in {id(p): p for p in action.choices.values()}.values():
                _translate(sub, lang)


#: The help of every command's tender argument.
_TENDER = N_("tender file (.toml, .yaml, .json)")
#: The help of every --lang.
_LANG = N_("language of labels and number format (sv: Swedish)")


def _common(p: argparse.ArgumentParser, *, fmt: bool = True) -> None:
    p.add_argument("--lang", choices=("en", "sv"), default="en", help=_LANG)
    if fmt:
        p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                       help=N_("output format (default: table)"))


def _count(text: str) -> int:
    """A number of samples: a whole number >= 1, also written 1e6 or 1_000_000."""
    from lcc.units import _number_separators

    try:  # '10 000', '1.000.000'; '10.000' is 10 or 10 000, refused as everywhere in lcc
        x = float(_number_separators(text.replace("_", "").replace(" ", ""), "--samples"))
    except LCCError as exc:
        whole: Msg = exc.args[0]  # the units' own words, without the option's name
        _REFUSED.append(whole.detail() or whole)
        raise argparse.ArgumentTypeError(_REFUSED[-1]) from None
    except ValueError:
        _REFUSED.append(Msg("{text!r} is not a number of samples", text=text))
        raise argparse.ArgumentTypeError(_REFUSED[-1]) from None
    if not x.is_integer() or x < 1 or x > 1e15:
        _REFUSED.append(Msg("got {text!r}; expected a whole number of samples >= 1, e.g. 10000",
                            text=text))
        raise argparse.ArgumentTypeError(_REFUSED[-1])
    return int(x)


def _seed(text: str) -> int:
    """A random seed: a whole number >= 0, as numpy takes it."""
    try:
        seed = int(text.strip().replace("_", ""))
    except ValueError:
        seed = -1
    if seed < 0:
        _REFUSED.append(Msg("got {text!r}; expected a whole number >= 0, e.g. 2025", text=text))
        raise argparse.ArgumentTypeError(_REFUSED[-1])
    return seed


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The argument parser of the ``lcc`` command, its help in ``lang``."""
    parser = _Parser(prog="lcc", description=N_("Life-cycle cost (LCC) for public procurement."),
                     formatter_class=_formatter(lang))
    parser.add_argument("--version", action="version", version=f"lcc {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help=N_("show the Python traceback of internal errors"))
    sub = parser.add_subparsers(dest="command", metavar=NP_("metavar", "COMMAND"),
                                parser_class=_parser_class(lang))
    sub.required = True

    p = sub.add_parser("evaluate", help=N_("LCC of every alternative, by category"))
    p.add_argument("tender", metavar=NP_("metavar", "tender"), help=_TENDER)
    p.add_argument("--alternative", action="append", metavar=NP_("metavar", "NAME"),
                   help=N_("only this alternative (repeatable)"))
    _common(p)

    p = sub.add_parser("compare", help=N_("rank the alternatives and compute the measures"))
    p.add_argument("tender", metavar=NP_("metavar", "tender"), help=_TENDER)
    p.add_argument("--policy", choices=("study_period", "annuity", "per_service_year"),
                   help=N_("how bids with different service lives are compared"))
    p.add_argument("--baseline", metavar=NP_("metavar", "NAME"),
                   help=N_("the alternative to compare against"))
    _common(p)

    p = sub.add_parser("sensitivity",
                       help=N_("tornado, break-even, Monte Carlo, Sobol or scenarios"))
    p.add_argument("tender", metavar=NP_("metavar", "tender"), help=_TENDER)
    p.add_argument("kind", choices=("tornado", "break-even", "monte-carlo", "sobol",
                                    "scenarios"), help=N_("the analysis"))
    p.add_argument("--parameter", metavar=NP_("metavar", "NAME"),
                   help=N_("break-even: the parameter (default: every parameter with a range)"))
    p.add_argument("--pair", nargs=2, metavar=("A", "B"),
                   help=N_("tornado, break-even, Sobol: the difference B minus A of these two "
                           "alternatives (default: the runner-up minus the best)"))
    p.add_argument("-n", "--samples", type=_count, metavar="N",
                   help=N_("Monte Carlo / Sobol samples (default: Monte Carlo the tender's "
                           "monte_carlo setting, else 10 000; Sobol 1024, rounded up to a "
                           "power of 2)"))
    p.add_argument("--discount-rates", nargs="+", metavar=NP_("metavar", "RATE"),
                   help=N_("scenarios: add one scenario per discount rate, e.g. 2%% 5%%"))
    # a negative rate ('-1%', '-0,5 %') is a value, as '-0.01' is to argparse, not an option
    p._negative_number_matcher = re.compile(r"^-(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?(\s*%)?$")
    p.add_argument("--seed", type=_seed, metavar=NP_("metavar", "SEED"),
                   help=N_("Monte Carlo / Sobol: random seed (default: the tender's setting, "
                           "else 1: the same inputs give the same numbers)"))
    p.add_argument("--no-progress", action="store_true", help=N_("no progress bar"))
    _common(p)

    p = sub.add_parser("explain", help=N_("the full calculation trace"))
    p.add_argument("tender", metavar=NP_("metavar", "tender"), help=_TENDER)
    p.add_argument("--alternative", action="append", metavar=NP_("metavar", "NAME"),
                   help=N_("only this alternative (repeatable)"))
    p.add_argument("--lang", choices=("en", "sv"), default="en", help=_LANG)

    p = sub.add_parser("report", help=N_("HTML, Excel or Markdown report"))
    p.add_argument("tender", metavar=NP_("metavar", "tender"), help=_TENDER)
    p.add_argument("-o", "--output", required=True, metavar=NP_("metavar", "FILE"),
                   help=N_("report file: .html, .xlsx or .md"))
    add_force(p)
    mc = p.add_mutually_exclusive_group()
    mc.add_argument("--monte-carlo", type=_count, metavar="N", default=None,
                    help=N_("include a Monte Carlo analysis with N samples (default: the "
                            "tender's monte_carlo setting; none without one)"))
    p.add_argument("--seed", type=_seed, metavar=NP_("metavar", "SEED"),
                   help=N_("random seed of the Monte Carlo analysis (default: the tender's "
                           "setting, else 1)"))
    mc.add_argument("--no-monte-carlo", action="store_true",
                    help=N_("leave out the Monte Carlo analysis the tender sets"))
    p.add_argument("--no-tornado", action="store_true", help=N_("leave out the tornado"))
    p.add_argument("--no-scenarios", action="store_true",
                   help=N_("leave out the tender's scenarios"))
    p.add_argument("--no-charts", action="store_true", help=N_("leave out the charts"))
    p.add_argument("--title", metavar=NP_("metavar", "TITLE"),
                   help=N_("the report's title (default: the tender's name)"))
    p.add_argument("--lang", choices=("en", "sv"), default="en", help=_LANG)

    p = sub.add_parser("bid-form", help=N_("write an Excel bid form for the bidders"))
    p.add_argument("tender", metavar=NP_("metavar", "tender"), help=_TENDER)
    p.add_argument("-o", "--output", required=True, metavar=NP_("metavar", "FILE"),
                   help=N_("bid form (.xlsx)"))
    p.add_argument("--lang", choices=("en", "sv"), default="en", help=_LANG)
    add_force(p)

    p = sub.add_parser("import-bids", help=N_("read filled bid forms as alternatives"))
    p.add_argument("tender", metavar=NP_("metavar", "tender"), help=_TENDER)
    p.add_argument("forms", nargs="+", metavar=NP_("metavar", "FORM"),
                   help=N_("filled bid forms (.xlsx)"))
    p.add_argument("-o", "--output", metavar=NP_("metavar", "FILE"),
                   help=N_("write the tender with the imported bids (.toml/.yaml/.json)"))
    add_force(p)
    p.add_argument("--replace", action="store_true",
                   help=N_("a bid named like an alternative of the tender replaces it"))
    _common(p)

    p = sub.add_parser("calculators", help=N_("the product calculators and their inputs"))
    p.add_argument("name", nargs="?", metavar=NP_("metavar", "name"),
                   help=N_("one calculator"))
    _common(p)

    p = sub.add_parser("schema", help=N_("print the JSON Schema of tender files, or of "
                                         "a command's JSON output"))
    p.add_argument("of", nargs="?", default="tender",
                   choices=("tender", "assumptions", *OUTPUTS),
                   metavar=NP_("metavar", "WHAT"),
                   help=tr("tender (default), assumptions (an assumption set), or the command "
                           "whose --format json output to describe: {outputs}", lang,
                           outputs=", ".join(OUTPUTS)))
    p.add_argument("-o", "--output", metavar=NP_("metavar", "FILE"),
                   help=N_("write the schema to this file (default: print it)"))
    add_force(p)

    from lcc.cli._portfolio import add_parser as add_portfolio

    add_portfolio(sub)
    _translate(parser, lang)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    _ARGV[:] = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_argv_lang(_ARGV))
    args = parser.parse_args(argv)
    lang = getattr(args, "lang", "en") or "en"
    debug = args.debug or os.environ.get("LCC_DEBUG") == "1"
    stdout = sys.stdout
    sys.stdout = _Printable(stdout)
    # numpy's overflow warnings say nothing to a reader: lcc checks every figure it prints
    # and refuses an input that overflows, with its location
    warnings.simplefilter("ignore", RuntimeWarning)
    try:
        from lcc._i18n import document_date

        document_date()  # a bad SOURCE_DATE_EPOCH, refused before a library trips on it
        from lcc.cli._commands import COMMANDS

        return int(COMMANDS[args.command](args) or EXIT_OK)
    except KeyboardInterrupt:
        print("lcc: " + tr("interrupted", lang), file=sys.stderr)
        return 130
    except LCCError as exc:
        _print_input_error(exc, lang)
        return EXIT_INPUT
    except BrokenPipeError:  # the reader (| head) stopped reading: not an error
        with contextlib.suppress(OSError):
            sys.stdout = stdout
            os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        from lcc._text import shown

        if getattr(exc, "filename", None):
            text = in_lang(Msg("cannot read or write {file!r}: {reason}", file=exc.filename,
                               reason=os_reason(exc)), lang)
        else:
            text = in_lang(Msg("cannot read or write: {reason}", reason=os_reason(exc)), lang)
        print(shown("lcc: " + tr("error: {message}", lang, message=text)), file=sys.stderr)
        return EXIT_INPUT
    except Exception as exc:  # an internal error: a bug in lcc, not the user's input
        from lcc._text import shown

        print(shown("lcc: " + tr("internal error: {kind}: {detail}", lang,
                                     kind=type(exc).__name__, detail=exc)), file=sys.stderr)
        if debug:
            traceback.print_exc()
        else:
            print(tr("This is a bug in lcc. Run again with --debug for details and report it.",
                     lang), file=sys.stderr)
        return EXIT_INTERNAL

    finally:
        sys.stdout = stdout


class _Printable:
    """Standard output with control characters from names and labels escaped."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from lcc._text import shown_lines

        return self._stream.write(shown_lines(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _print_input_error(exc: LCCError, lang: str = "en") -> None:
    """One line per problem on stderr, in the language of ``--lang`` (no control characters)."""
    from lcc._i18n import error_lines
    from lcc._text import shown

    issues = getattr(exc, "errors", None)
    if issues and all(hasattr(i, "text_in") for i in issues):  # located records (a plan)
        lines = [i.text_in(lang) for i in issues]
    elif lang == "en":

        if issues and issues != (exc,):
            lines = [str(issue) for issue in issues]
        else:
            lines = [f"error: {exc}"]
    else:
        lines = error_lines(exc, lang)
    for line in lines:
        print(shown(f"lcc: {line}"), file=sys.stderr)
