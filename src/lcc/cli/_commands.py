"""The commands of the ``lcc`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from lcc._errors import LCCError
from lcc._i18n import csv as to_csv
from lcc._i18n import number, table, to_json, word
from lcc.cli._portfolio import cmd_portfolio


def _load(path: str) -> Any:
    from lcc.io import load_tender

    if not Path(path).exists():
        raise LCCError(f"{path}: no such file")
    if Path(path).is_dir():
        raise LCCError(f"{path}: is a folder, expected a tender file (.toml, .yaml, .json)")
    return load_tender(path)


def _check_names(tender: Any, names: list[str]) -> None:
    known = [a.name for a in tender.alternatives]
    for name in names:
        if name not in known:
            raise LCCError(f"--alternative: no alternative named {name!r} in {tender.name!r}; "
                           f"the alternatives are: {', '.join(known)}")


def _emit(df: pd.DataFrame, args: argparse.Namespace, *, title: str | None = None,
          notes: list[str] | None = None, extra: dict[str, Any] | None = None) -> None:
    fmt = getattr(args, "format", "table")
    if fmt == "json":
        payload: dict[str, Any] = {"table": json.loads(to_json(df))}
        if notes:
            payload["notes"] = notes
        if extra:
            payload.update(extra)
        print(to_json(payload))
    elif fmt == "csv":
        sys.stdout.write(to_csv(df, args.lang))
    else:
        print(table(df, args.lang, title=title))
        for line in notes or []:
            print(line)


def _unit_line(currency: str, lang: str) -> str:
    return f"({word('amounts_in', lang)} {currency})"


def cmd_evaluate(args: argparse.Namespace) -> int:
    tender = _load(args.tender)
    names = args.alternative or [a.name for a in tender.alternatives]
    _check_names(tender, names)
    results = tender.evaluate()
    from lcc.model import CATEGORIES

    rows = {}
    for name in names:
        r = results[name]
        row = {cat: float(v) for cat, v in r.by_category.items()}
        row["lcc"] = float(r.value)
        rows[name] = row
    df = pd.DataFrame.from_dict(rows, orient="index").fillna(0.0)
    cols = [c for c in CATEGORIES if c in df.columns] + ["lcc"]
    df = df[cols]
    df.index.name = "alternative"
    currency = tender.study.currency
    _emit(df, args, title=f"{word('lcc', args.lang)} — {tender.name}",
          notes=[_unit_line(currency, args.lang), *results.notes],
          extra={"currency": currency})
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    tender = _load(args.tender)
    kwargs = {k: v for k, v in (("policy", args.policy), ("baseline", args.baseline)) if v}
    c = tender.compare(**kwargs)
    lang = args.lang
    notes = [_unit_line(tender.study.currency, lang),
             f"{word('best', lang)}: {c.best}",
             *[f"- {n}" for n in c.notes], *tender.describe()]
    _emit(c.summary, args, title=f"{word('summary', lang)} — {tender.name}", notes=notes,
          extra={"best": c.best, "currency": tender.study.currency, "policy": c.policy,
                 "baseline": c.baseline})
    return 0


def cmd_sensitivity(args: argparse.Namespace) -> int:
    import lcc.sensitivity as sens

    tender = _load(args.tender)
    alts, study = list(tender.alternatives), tender.study
    settings = tender.sensitivity
    lang = args.lang
    pair = tuple(args.pair) if args.pair else None
    if args.kind == "tornado":
        df = sens.tornado(alts, study)
        if df.empty:
            raise LCCError("tornado: no parameter has a range; give the tender's parameters "
                           "low and high values")
        chosen = settings.parameters if settings is not None else None
        if chosen is not None:
            df = df[df["parameter"].isin(chosen)]
        cols = ["parameter", "alternative", "low", "high", "lcc_low", "lcc_high", "swing"]
        shown = df[cols].set_index("parameter")
        skipped = df.attrs.get("skipped") or []
        notes = [_unit_line(study.currency, lang)]
        if skipped:
            notes.append(f"Left out (no range): {', '.join(skipped)}")
        _emit(shown, args, title=f"{word('tornado', lang)} — {tender.name}", notes=notes)
        return 0
    if args.kind == "break-even":
        if args.parameter:
            import warnings

            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                value = sens.break_even(alts, study, args.parameter, pair=pair)
            reason = "; ".join(str(w.message) for w in caught)
            df = pd.DataFrame({"break_even": [value if value is not None else float("nan")],
                               "reason": [reason]},
                              index=pd.Index([args.parameter], name="parameter"))
        else:
            df = sens.switching_values(alts, study, pair=pair).set_index("parameter")
        _emit(df, args, title=f"{word('break_even', lang)} — {tender.name}")
        return 0
    n = args.samples or (settings.monte_carlo_n if settings and settings.monte_carlo_n
                         else None)
    seed = args.seed if args.seed is not None else (settings.seed if settings else None)
    chosen = _distributions(tender)
    if args.kind == "monte-carlo":
        progress = False if args.no_progress else None
        mc = sens.monte_carlo(alts, study, chosen, n or 10_000, seed=seed, progress=progress)
        notes = [_unit_line(study.currency, lang), f"n = {mc.n}, seed = {mc.seed}",
                 f"{word('best', lang)} (mean): {mc.best}"]
        _emit(mc.summary, args, title=f"{word('monte_carlo', lang)} — {tender.name}",
              notes=notes, extra={"n": mc.n, "seed": mc.seed})
        return 0
    df = sens.sobol(alts, study, chosen, n or 1024, seed=seed)
    _emit(df.set_index("parameter"), args, title=f"Sobol — {tender.name}")
    return 0


def _distributions(tender: Any) -> dict[str, Any] | None:
    """The declared distributions of the tender's sensitivity parameters (None: all)."""
    settings = tender.sensitivity
    if settings is None or settings.parameters is None:
        return None
    from lcc.engine import compile_alternative

    declared: dict[str, Any] = {}
    study = tender.study
    rate = study.discount_rate
    if getattr(rate, "distribution", None) is not None:
        declared["discount_rate"] = rate.distribution
    for alt in tender.alternatives:
        for name, p in compile_alternative(alt, study).parameters.items():
            if p.distribution is not None:
                declared[name] = p.distribution
    chosen = {n: declared[n] for n in settings.parameters if n in declared}
    if not chosen:
        raise LCCError(
            "the tender's sensitivity parameters ("
            + ", ".join(settings.parameters)
            + ") have no distribution; give them one, e.g. distribution = "
            "{ name = \"uniform\", loc = 0.8, scale = 1.2 }"
        )
    return chosen


def cmd_explain(args: argparse.Namespace) -> int:
    tender = _load(args.tender)
    if args.alternative:
        _check_names(tender, args.alternative)
        results = tender.evaluate()
        for name in args.alternative:
            print(results.explain(name))
            print()
        return 0
    c = tender.compare()
    print("\n".join(tender.describe()))
    print()
    print(c.explain())
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import lcc.report
    import lcc.sensitivity as sens

    tender = _load(args.tender)
    out = Path(args.output)
    if out.suffix.lower() not in (".html", ".htm", ".xlsx", ".md", ".markdown"):
        raise LCCError(f"report: cannot write {out.name!r}; the file must end in .html, "
                       f".xlsx or .md")
    c = tender.compare()
    alts, study = list(tender.alternatives), tender.study
    tornado = None if args.no_tornado else sens.tornado(alts, study)
    mc = None
    settings = tender.sensitivity
    if args.monte_carlo:
        seed = args.seed if args.seed is not None else (settings.seed if settings else None)
        mc = sens.monte_carlo(alts, study, None, args.monte_carlo, seed=seed, progress=False)
    inputs = [Path(args.tender).read_bytes()]
    if tender.assumptions is not None and tender.assumptions.path is not None:
        inputs.append(Path(tender.assumptions.path).read_bytes())
    report = lcc.report.build(c, title=args.title or tender.name, lang=args.lang,
                              tornado=tornado, monte_carlo=mc,
                              assumptions=tender.describe(), inputs=inputs,
                              charts=not args.no_charts)
    path = report.save(out)
    print(f"{path}")
    return 0


def cmd_calculators(args: argparse.Namespace) -> int:
    from lcc import templates

    lister = getattr(templates, "list_calculators", None)
    if lister is None:  # pragma: no cover - the calculators ship with lcc
        raise LCCError("no product calculators are installed")
    df = lister()
    if args.name and "calculator" in df.columns:
        known = sorted(set(df["calculator"]))
        if args.name not in known:
            raise LCCError(f"calculators: no calculator {args.name!r}; known: "
                           f"{', '.join(known)}")
        df = df[df["calculator"] == args.name]
    index = [c for c in ("calculator", "input", "name") if c in df.columns][:2]
    shown = df.set_index(index) if index else df
    if args.format == "table":
        brief = [c for c in ("role", "unit", "required", "default", "applies_to", "meaning")
                 if c in shown.columns]
        for calc, group in shown.groupby(level=0, sort=False):
            title = group["title"].iloc[0] if "title" in group.columns else ""
            print(f"\n{calc}: {title}")
            print(table(group.droplevel(0)[brief], args.lang))
        print("\n(--format csv or json lists every column: source, example, choices, range …)")
        return 0
    _emit(shown.reset_index(level=0) if len(index) > 1 else shown, args)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from lcc.io import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(args.output)
    else:
        print(text)
    return 0


def cmd_bid_form(args: argparse.Namespace) -> int:
    from lcc.io import bidform

    tender = _load(args.tender)
    path = bidform.write_bid_form(tender, args.output, lang=args.lang,
                                  tender_file=Path(args.tender))
    print(path)
    return 0


def cmd_import_bids(args: argparse.Namespace) -> int:
    from lcc.io import bidform

    tender = _load(args.tender)
    alts = bidform.read_bid_forms(tender, args.forms, tender_file=Path(args.tender))
    merged = tender.with_alternatives(*tender.alternatives, *alts)
    if args.output:
        # the tender file as written, with the bids added ([bid_form] and comments kept)
        bidform.save_with_bids(tender, alts, args.output, tender_file=Path(args.tender))
    results = merged.evaluate()
    rows = {a.name: {"lcc": float(results[a.name].value)} for a in alts}
    df = pd.DataFrame.from_dict(rows, orient="index")
    df.index.name = "alternative"
    _emit(df, args, title=f"{word('lcc', args.lang)} — {tender.name}",
          notes=[_unit_line(tender.study.currency, args.lang)])
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "evaluate": cmd_evaluate,
    "compare": cmd_compare,
    "sensitivity": cmd_sensitivity,
    "explain": cmd_explain,
    "report": cmd_report,
    "calculators": cmd_calculators,
    "schema": cmd_schema,
    "bid-form": cmd_bid_form,
    "import-bids": cmd_import_bids,
    "portfolio": cmd_portfolio,
}

__all__ = ["COMMANDS", "number"]
