"""``lcc portfolio``: follow-up of a procurement plan against its targets.

::

    lcc portfolio PLAN [follow-up] [--by organisation,year] [--targets FILE]
    lcc portfolio PLAN outcomes | linked | priorities | criteria
    lcc portfolio PLAN report -o follow-up.html|.xlsx [--lang sv] [--factors FILE]
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from lcc._atomic import write_atomic
from lcc._errors import LCCError, Msg, in_lang
from lcc._i18n import unit
from lcc._i18n._catalog import N_, NP_
from lcc.cli._files import add_force, input_path, output_path

ACTIONS = ("follow-up", "outcomes", "linked", "priorities", "criteria", "report")


def add_parser(sub: Any) -> None:
    """Register ``portfolio`` on the ``lcc`` command's subparsers."""
    p = sub.add_parser("portfolio", help=N_("follow-up of a procurement plan against its targets"))
    p.add_argument("plan", metavar=NP_("metavar", "plan"),
                   help=N_("procurement plan (.csv, .xlsx, .toml)"))
    p.add_argument("action", nargs="?", choices=ACTIONS, default="follow-up",
                   help=N_("what to show (default: follow-up); report writes -o FILE"))
    p.add_argument("--targets", metavar=NP_("metavar", "FILE"),
                   help=N_("targets (.toml with a [targets] table)"))
    p.add_argument("--by", metavar=NP_("metavar", "COLUMNS"),
                   help=N_("group by organisation, year, category, status or award_basis, "
                           "comma-separated; 'plan' for the whole plan (default: organisation)"))
    p.add_argument("--factors", metavar=NP_("metavar", "FILE"),
                   help=N_("climate factors per category (.csv: category, factor, unit, source)"))
    p.add_argument("--requirement", metavar="R",
                   help=N_("priorities: only procurements without this requirement"))
    p.add_argument("--top", type=int, metavar="N", help=N_("priorities: only the first N"))
    p.add_argument("-o", "--output", metavar=NP_("metavar", "FILE"),
                   help=N_("report: .html or .xlsx"))
    add_force(p)
    p.add_argument("--title", metavar=NP_("metavar", "TITLE"), help=N_("report: the title"))
    p.add_argument("--lang", choices=("en", "sv"), default="en",
                   help=N_("language of labels and number format (sv: Swedish)"))
    p.add_argument("--format", choices=("table", "csv", "json"),
                   help=N_("output format (default: table)"))


#: The options an action uses, by their name in the parsed arguments: (as typed, the actions
#: that use it). Any other action refuses the option rather than leave it unused.
OPTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "output": ("-o/--output", ("report",)),
    "force": ("--force", ("report",)),
    "title": ("--title", ("report",)),
    "requirement": ("--requirement", ("priorities",)),
    "top": ("--top", ("priorities",)),
    "factors": ("--factors", ("priorities", "report")),
    "targets": ("--targets", ("follow-up", "priorities", "report")),
    "by": ("--by", ("follow-up", "outcomes", "report")),
    "format": ("--format", ("follow-up", "outcomes", "linked", "priorities", "criteria")),
}


def _refuse_unused(args: argparse.Namespace) -> None:
    """An option the chosen action does not use is refused, naming the actions that use it
    (it was accepted and left unused: ``priorities -o out.csv`` wrote no file)."""
    for key, (option, used) in OPTIONS.items():
        value = getattr(args, key, None)
        if value is None or value is False or args.action in used:
            continue
        if len(used) == 1:
            raise LCCError(Msg("{option} is used only with {used!r}, not with {action!r}",
                               option=option, used=used[0], action=args.action),
                           field=option.split("/")[-1], code="not-applicable")
        raise LCCError(Msg("{option} is used only with the actions {used}, not with {action!r}",
                           option=option, used=", ".join(repr(a) for a in used),
                           action=args.action),
                       field=option.split("/")[-1], code="not-applicable")


def _by(text: str) -> list[str] | None:
    keys = [k.strip() for k in text.split(",") if k.strip()]
    if keys in ([], ["plan"], ["none"]):
        return None
    return keys


def cmd_portfolio(args: argparse.Namespace) -> int:
    """Run ``lcc portfolio``."""
    from lcc.portfolio import read_factors, read_plan

    _refuse_unused(args)
    args.format = args.format or "table"
    for path, field in ((args.plan, "plan"), (args.targets, "--targets"),
                        (args.factors, "--factors")):
        input_path(path, field)  # '-' and a folder, said as such (not 'unknown file type')
    if not Path(args.plan).exists():
        raise LCCError(Msg("{path}: no such file", path=args.plan), field="plan",
                       code="missing-file")
    plan = read_plan(args.plan, targets=args.targets)
    factors = read_factors(args.factors) if args.factors else None
    by = _by(args.by or "organisation")
    if args.action == "report":
        if not args.output:
            raise LCCError(Msg("portfolio report: give the report file with -o FILE (.html or "
                               ".xlsx)"), field="-o", code="missing-field")
        output_path(args, args.plan, args.targets, args.factors)
        if Path(args.output).suffix.lower() not in (".html", ".htm", ".xlsx"):
            raise LCCError(Msg("portfolio report: cannot write {name!r}; the file must end in "
                               ".html or .xlsx", name=Path(args.output).name), field="-o",
                           code="unsupported-format")

        report = plan.report(by=by or ["organisation", "year"], lang=args.lang,
                             factors=factors, title=args.title)
        out = Path(args.output)  # written whole or not at all (a full disk leaves no part)
        print(write_atomic(out, report.xlsx() if out.suffix.lower() == ".xlsx"
                           else report.html().encode("utf-8")))
        return 0
    if args.action == "follow-up":
        df = plan.follow_up(by)
    elif args.action == "outcomes":
        df = plan.outcomes(by)
    elif args.action == "linked":
        df = plan.linked()
    elif args.action == "priorities":
        df = plan.priorities(factors, requirement=args.requirement, top=args.top)
    else:
        df = plan.criteria()
    notes = [*plan.notes, *df.attrs.get("notes", [])]
    _emit(df, args, plan.currency, notes)
    return 0


# --------------------------------------------------------------------------- output


def _plain(v: Any) -> Any:
    if v is None or v is pd.NA:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, tuple):
        return list(v)
    return v


def _emit(df: pd.DataFrame, args: argparse.Namespace, currency: str,
          notes: list[str]) -> None:
    from lcc._text import pad, shown, spreadsheet_text, width
    from lcc.portfolio._report import kind_of, show
    from lcc.portfolio._text import (
        choice_word,
        label,
        requirement_label,
        yes_no,
    )

    flat = df.reset_index() if any(n is not None for n in df.index.names) else df
    cols = [str(c) for c in flat.columns]
    if "behind" in cols and args.format != "json":  # requirements by their label
        flat = flat.assign(behind=["; ".join(requirement_label(r, args.lang)
                                             for r in str(b).split("; ") if r)
                                   if isinstance(b, str) else b for b in flat["behind"]])
    if "plan" in cols and args.format == "table":
        flat = flat.assign(plan=[label(v, args.lang) for v in flat["plan"]])
    if args.format == "json":
        records = [{c: _plain(v) for c, v in zip(cols, row, strict=True)}
                   for row in flat.itertuples(index=False, name=None)]
        from lcc.results._serialize import dumps

        print(dumps({"command": f"portfolio-{args.action}", "plan": str(args.plan),
                     "currency": currency, "rows": records,
                     "notes": [str(in_lang(n, args.lang)) for n in notes],
                     "table": records}))  # "table": the rows' old name, kept for a release
        return
    if args.format == "csv":
        buf = io.StringIO()
        sv = args.lang == "sv"
        writer = csv.writer(buf, delimiter=";" if sv else ",", lineterminator="\n")
        writer.writerow([spreadsheet_text(label(c, args.lang, currency) if sv else c)
                         for c in cols])
        for row in flat.itertuples(index=False, name=None):
            cells = []
            for v in row:
                v = _plain(v)
                if v is None:
                    cells.append("")
                elif isinstance(v, bool):
                    cells.append(yes_no(v, args.lang) if sv else "true" if v else "false")
                elif isinstance(v, (int, float)):
                    cells.append(repr(v).replace(".", ",") if sv and isinstance(v, float)
                                 else str(v))
                elif isinstance(v, list):
                    cells.append(spreadsheet_text("; ".join(map(str, v))))
                else:
                    cells.append(spreadsheet_text(v))
            writer.writerow(cells)
        sys.stdout.write(buf.getvalue())
        return
    kinds = {c: kind_of(c, flat[c].dtype) for c in cols}
    header = [shown(label(c, args.lang, currency)) for c in cols]
    rows = []
    for row in flat.itertuples(index=False, name=None):
        rows.append([shown(show(choice_word(c, _plain(v), args.lang)
                                if not isinstance(v, tuple) else "; ".join(v), kinds[c],
                                args.lang))
                     for c, v in zip(cols, row, strict=True)])
    widths = [max([width(h), *(width(r[i]) for r in rows)]) for i, h in enumerate(header)]
    right = [kinds[c] not in ("text", "bool") for c in cols]

    def fit(text: str, i: int) -> str:
        return pad(text, widths[i], right=right[i])

    lines = ["  ".join(fit(h, i) for i, h in enumerate(header)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(fit(c, i) for i, c in enumerate(r)).rstrip() for r in rows]
    print("\n".join(lines))
    if "money" in kinds.values():
        print(f"({label('amounts_in', args.lang)} {unit(currency, args.lang)})")
    for n in notes:
        print(shown(in_lang(n, args.lang)))
