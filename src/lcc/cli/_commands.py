"""The commands of the ``lcc`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from lcc._atomic import write_atomic
from lcc._errors import LCCError, Msg, as_msg, in_lang, suggest
from lcc._i18n import (
    N_,
    emission_columns,
    ntr,
    number,
    percent,
    significant,
    table,
    tr,
    unit,
)
from lcc._i18n import csv as to_csv
from lcc._text import shown, shown_lines
from lcc.cli._files import input_path, output_path
from lcc.cli._portfolio import cmd_portfolio


def _load(path: str) -> Any:
    from lcc.io import load_tender

    if path == "-":
        input_path(path, "tender")
    if not Path(path).exists():
        raise LCCError(Msg("{path}: no such file", path=path), field="tender",
                       code="missing-file")
    if Path(path).is_dir():
        raise LCCError(Msg("{path}: is a folder, expected a tender file (.toml, .yaml, .json)",
                           path=path), field="tender", code="missing-file")
    return load_tender(path)


def _rates_in_percent(df: pd.DataFrame, rates: set[str], lang: str) -> pd.DataFrame:
    """The value columns of the rows of rates per year as percentages, in the reader's
    format ('3,5 %'); the other rows' values as they are (formatted by the table)."""
    from lcc._i18n import VALUE_COLUMNS

    units = df["unit"] if "unit" in df.columns else [""] * len(df)
    rows = [str(i) in rates and not u for i, u in zip(df.index, units, strict=True)]  # held
    if not any(rows):  # as a fraction (0.04); one held in percent ('4 %') has its unit
        return df
    out = df.copy()
    for column in (c for c in VALUE_COLUMNS if c in df.columns and c != "relative_change"):
        out[column] = [
            (percent(float(v), lang, 4) if pd.notna(v) else v) if rate else v
            for v, rate in zip(df[column], rows, strict=True)]
    return out


def _check_names(tender: Any, names: list[str], option: str = "--alternative") -> list[str]:
    """The alternatives named, as the tender spells them ('bid a' is 'Bid A': two names
    that read alike are one name, lcc._text.same_name)."""
    from lcc._text import same_name

    known = [a.name for a in tender.alternatives]
    spelt = {same_name(k): k for k in known}
    out = []
    for name in names:
        if same_name(name) in spelt:
            out.append(spelt[same_name(name)])
        else:
            raise LCCError(Msg("{option}: no alternative named {name!r} in {tender!r}"
                               "{suggest}; the alternatives are: {known}", option=option,
                               name=name, tender=tender.name, suggest=suggest(name, known),
                               known=", ".join(known)), field=option, code="invalid-value")
    return out


def _emit(df: pd.DataFrame, args: argparse.Namespace, *, title: str | None = None,
          notes: list[str] | None = None, extra: dict[str, Any] | None = None,
          kind: str | None = None, tender: Any = None,
          rates: Sequence[str] = ()) -> None:
    """Print a table as text, CSV or JSON.

    JSON has the documented shape of ``lcc schema WHAT`` (``lcc.cli._output_schema``):
    ``{"command": WHAT, …extra, "rows": [one object per row, the index a column],
    "notes": [...]}`` — a list of rows, so rows that share an index value all survive.
    """
    fmt = getattr(args, "format", "table")
    lang = getattr(args, "lang", "en")
    if fmt == "json":  # stable identifiers, English keys
        from lcc.results._serialize import dumps, records

        payload: dict[str, Any] = {"command": kind or args.command}
        payload.update(extra or {})
        messages = [c for c in df.columns if df[c].dtype == object and
                    any(isinstance(v, Msg) for v in df[c])]  # a reason, as the notes: in lang
        if messages:
            df = df.assign(**{str(c): [in_lang(v, lang) if isinstance(v, Msg) else v
                                       for v in df[c]] for c in messages})
        payload["rows"] = records(df)
        payload["notes"] = [n for n in (notes or []) if not n.startswith("(")]
        print(dumps(payload))
    else:
        text_columns = [c for c in df.columns if df[c].dtype == object]
        if text_columns:  # messages (a break-even's reason) in the reader's language
            df = df.assign(**{str(c): [in_lang(v, lang) for v in df[c]] for c in text_columns})
        if rates and df.index.name == "parameter" and fmt == "table":  # a rate as the
            df = _rates_in_percent(df, set(rates), lang)  # report shows it: 3,5 %, not 0,035
            # (CSV keeps its numbers: a spreadsheet reads the fraction)
        if tender is not None and df.index.name == "parameter":  # names in words, not ids
            from lcc.results._describe import parameter_name

            names = _parameter_names(tender, args.lang)
            df = df.rename(index=lambda x: names.get(x) or parameter_name(str(x), args.lang))
        if "unit" in df.columns:
            df = df.assign(unit=[unit(u, args.lang) if isinstance(u, str) else u
                                 for u in df["unit"]])
        # rows of names (alternatives, inputs, parameters in words) are shown as written
        words = _INDEX_WORDS.get(str(df.index.name)) if df.index.name else None
        if fmt == "csv":
            sys.stdout.write(to_csv(df, args.lang, index_words=words))
        else:
            print(table(df, args.lang, title=title, index_words=words))
            for line in notes or []:
                print(shown(in_lang(line, lang)))



#: Row labels by the index they stand in that are lcc's own words (the rest are names).
_INDEX_WORDS: dict[str, tuple[str, ...]] = {
    "alternative": (), "input": (), "calculator": (), "parameter": (), "scenario": ()}


def _parameter_names(tender: Any, lang: str) -> dict[str, str]:
    """Parameter identifier -> its name in words, for tables read by people."""
    from lcc.results._describe import parameter_names

    params = list(tender.parameters)
    if tender.assumptions is not None:
        params += list(tender.assumptions.parameters)
    for alt in tender.alternatives:  # a bidder's own (the resale value of one bid)
        params += list(alt.parameters())
    described: dict[str, Any] = {}
    for p in params:
        name = getattr(p, "name", None)
        if isinstance(name, str) and name not in described:
            described[name] = p
    for key in ("discount_rate", "inflation", "carbon_price"):
        described.setdefault(key, None)
    return parameter_names(described, lang, [a.name for a in tender.alternatives])


def _tender_lines(tender: Any, lang: str, **run: Any) -> list[str]:
    """The tender's lines and those of what this command ran with it
    (:func:`lcc.report._tender.tender_lines`)."""
    from lcc.report._tender import tender_lines

    return tender_lines(tender, lang, **run)


def _title(message: str, lang: str, tender: Any) -> str:
    return f"{tr(message, lang)} — {tender.name}"


def _unit_line(currency: str, lang: str) -> str:
    return "(" + tr("Amounts in {currency}, present values, excluding VAT", lang,
                    currency=unit(currency, lang)) + ")"


def _add_emissions(df: pd.DataFrame, results: Any, baseline: str) -> pd.DataFrame:
    """kg of each pollutant per alternative and its difference to the baseline (kg)."""
    pollutants: list[str] = []
    for name in df.index:
        pollutants += [str(p) for p in results[name].emissions.index if str(p) not in pollutants]
    for pollutant in pollutants:
        kg, diff = emission_columns(pollutant)
        values = {name: float(results[name].emissions.get(pollutant, 0.0)) for name in df.index}
        base = float(results[baseline].emissions.get(pollutant, 0.0))
        df[kg] = pd.Series(values)
        df[diff] = pd.Series({k: v - base for k, v in values.items()})
    return df


def _emissions_note(df: pd.DataFrame, baseline: str, lang: str) -> list[str]:
    """What the emission columns hold, where the table has any."""
    from lcc._i18n._labels import EMISSION_COLUMN

    if not any(EMISSION_COLUMN.match(str(c)) for c in df.columns):
        return []
    return [tr("Emissions in kg over the study period; difference: the alternative minus "
               "{baseline}", lang, baseline=baseline)]


def cmd_evaluate(args: argparse.Namespace) -> int:
    tender = _load(args.tender)
    names = _check_names(tender, args.alternative or [a.name for a in tender.alternatives])
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
    from lcc.results._comparison import lowest_initial_investment

    baseline = (tender.comparison.baseline if tender.comparison is not None and
                tender.comparison.baseline else
                lowest_initial_investment([results[a.name] for a in tender.alternatives]))
    df = _add_emissions(df, results, baseline)
    currency = tender.study.currency
    lang = args.lang
    _emit(df, args, title=_title(N_("Life-cycle cost"), lang, tender),
          notes=[_unit_line(currency, lang), *_emissions_note(df, baseline, lang),
                 *_tender_lines(tender, lang)],
          extra={"tender": tender.name, "currency": currency, "baseline": baseline})
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    tender = _load(args.tender)
    if args.baseline:
        [args.baseline] = _check_names(tender, [args.baseline], "--baseline")
    kwargs = {k: v for k, v in (("policy", args.policy), ("baseline", args.baseline)) if v}
    c = _compared(tender, **kwargs)
    lang = args.lang
    from lcc.results._describe import basis_headers, lowest_line, own_life_amounts

    currency = tender.study.currency
    summary = _add_emissions(c.summary.copy(), c.results, c.baseline)
    unit_line = _unit_line(currency, lang)
    if args.format != "json":  # JSON keeps its keys
        summary = summary.rename(columns=basis_headers(c.policy, currency, lang))
    if c.policy != "study_period":
        unit_line = "(" + own_life_amounts(currency, lang) + ")"
    notes = [unit_line, *_emissions_note(summary, c.baseline, lang),
             lowest_line(c.policy, c.best, float(c.summary["annual_value"][c.best]),
                         currency, lang),
             *[f"- {n}" for n in c.notes_in(lang)],
             *_tender_lines(tender, lang, comparison=c, named_baseline=bool(args.baseline))]
    _emit(summary, args, title=_title(N_("Summary"), lang, tender), notes=notes,
          extra={"tender": tender.name, "best": c.best, "currency": tender.study.currency,
                 "policy": c.policy, "baseline": c.baseline})
    return 0


def _head(tender: Any, kind: str) -> dict[str, Any]:
    return {"tender": tender.name, "currency": tender.study.currency, "analysis": kind}


def _tender_tornado(tender: Any, pair: Any = None) -> pd.DataFrame:
    """The tornado of a tender: every parameter with a range, or those its
    ``[sensitivity] parameters`` names (for the command and the report alike); the deciding
    difference of ``pair`` (A, B), or of the two best."""
    from lcc.sensitivity import tornado

    df = tornado(list(tender.alternatives), tender.study,
                 pair=None if pair is None else tuple(pair))
    rows = _analysed(tender)
    return df[df["parameter"].isin(rows)] if rows is not None and not df.empty else df


def _analysed(tender: Any) -> set[str] | None:
    """The rows an analysis keeps: the tender's ``[sensitivity] parameters`` as the tables
    name them (the study's rate stands as discount_rate); None for every parameter."""
    chosen = _chosen(tender)
    if chosen is None:
        return None
    rate = getattr(tender.study.discount_rate, "name", None)
    return {"discount_rate" if n == rate else n for n in chosen}


def _chosen(tender: Any) -> list[str] | None:
    settings = tender.sensitivity
    return list(settings.parameters) if settings is not None and \
        settings.parameters is not None else None


def cmd_sensitivity(args: argparse.Namespace) -> int:
    tender = _load(args.tender)
    if args.pair:
        args.pair = _check_names(tender, list(args.pair), "--pair")
        if args.pair[0] == args.pair[1]:
            raise LCCError(Msg("--pair: got {name!r} twice; give two different alternatives",
                               name=args.pair[0]), field="--pair", code="invalid-value")
    if args.parameter and args.kind != "break-even":  # accepted and ignored before
        raise LCCError(Msg("--parameter: only break-even takes one parameter; {kind} varies "
                           "the tender's parameters ([sensitivity] parameters)",
                           kind=args.kind), field="--parameter", code="not-applicable")
    for option, dest in (("--pair", "pair"), ("--samples", "samples"), ("--seed", "seed"),
                         ("--discount-rates", "discount_rates")):
        kinds = [kind for kind, uses in _OPTIONS_OF.items() if dest in uses]
        if getattr(args, dest) is not None and args.kind not in kinds:  # ignored before
            raise LCCError(Msg("{option}: {kind} does not use it; it is for {kinds}",
                               option=option, kind=args.kind, kinds=", ".join(kinds)),
                           field=option, code="not-applicable")
    return {"tornado": _tornado, "break-even": _break_even, "monte-carlo": _monte_carlo,
            "sobol": _sobol, "scenarios": _scenarios}[args.kind](tender, args)


#: The options each analysis uses beside the tender (the others are refused, not ignored).
_OPTIONS_OF: dict[str, tuple[str, ...]] = {
    "tornado": ("pair",), "break-even": ("pair", "parameter"),
    "monte-carlo": ("samples", "seed"), "sobol": ("pair", "samples", "seed"),
    "scenarios": ("discount_rates",)}


def _tornado(tender: Any, args: argparse.Namespace) -> int:

    study, lang = tender.study, args.lang
    df = _tender_tornado(tender, args.pair)
    if df.empty:
        raise LCCError(Msg("tornado: no parameter has a range; give the tender's parameters "
                           "low and high values"), field="Parameter.low", code="missing-field")
    cols = ["parameter", "alternative", "low", "high", "unit", "lcc_low", "lcc_high", "swing"]
    shown = df[cols].set_index("parameter")
    skipped = df.attrs.get("skipped") or []
    notes = [_unit_line(study.currency, lang)]
    from lcc.results._describe import deciding_difference_note

    note = deciding_difference_note(df, str(df.attrs.get("difference")), lang)
    if note:
        notes.append(note)
    if skipped:
        names = _parameter_names(tender, lang)
        notes.append(tr("Left out (no range): {names}", lang,
                        names=", ".join(names.get(s, s) for s in skipped)))
    extra = _head(tender, "tornado")
    extra.update(pair=list(df.attrs["pair"]) if df.attrs.get("pair") else None,
                 difference=df.attrs.get("difference"), skipped=list(skipped))
    _emit(shown, args, title=_title(N_("Sensitivity analysis (tornado)"), lang, tender),
          notes=notes, extra=extra, kind="sensitivity-tornado", tender=tender,
          rates=df.attrs.get("rates") or ())
    return 0


def _break_even(tender: Any, args: argparse.Namespace) -> int:
    import lcc.sensitivity as sens
    from lcc.results import difference_label
    from lcc.sensitivity._breakeven import _bracket, _search
    from lcc.sensitivity._model import Model

    alts, study, lang = list(tender.alternatives), tender.study, args.lang
    pair = tuple(args.pair) if args.pair else None
    if args.parameter:
        model = Model(alts, study, "break_even")
        a, b = model.pair(pair)
        name = model.resolve(args.parameter, "--parameter", arg="parameter")
        lo, hi = _bracket(model, name, None, "--parameter")
        res = _search(model, name, (a, b), lo, hi)
        df = pd.DataFrame({"break_even": [res.value if res.value is not None else float("nan")],
                           "reason": pd.Series([res.reason], dtype=object)})
        df.index = pd.Index([args.parameter], name="parameter")
        names = (model.names[a], model.names[b])
        rates: Sequence[str] = [args.parameter] if model.is_rate(name) else []
    else:
        full = sens.switching_values(alts, study, pair=pair)
        df = full.set_index("parameter")
        df["reason"] = pd.Series(full.attrs["reasons"], index=df.index, dtype=object)
        rows = _analysed(tender)  # the tender's parameters, as the tornado and Monte Carlo
        if rows is not None:
            df = df[df.index.isin(rows)]
        names = full.attrs["pair"]
        rates = full.attrs.get("rates") or ()

    extra = _head(tender, "break-even")
    extra.update(pair=list(names), difference=difference_label(names[1], names[0]))
    notes = [tr("{difference}: the life-cycle cost of {b} minus that of {a}; the break-even "
                "value is where it is zero", lang, difference=extra["difference"], b=names[1],
                a=names[0])]
    _emit(df, args, title=_title(N_("Break-even"), lang, tender), notes=notes,
          extra=extra, kind="sensitivity-break-even", tender=tender, rates=rates)
    return 0


#: The random seed of a command when neither ``--seed`` nor the tender gives one: the same
#: inputs give the same report, byte for byte (lcc.sensitivity's functions draw fresh
#: entropy for seed=None; a command's output is filed).
DEFAULT_SEED = 1


def _seed(tender: Any, args: argparse.Namespace) -> int:
    """The seed of a command: ``--seed``, else the tender's, else :data:`DEFAULT_SEED`."""
    settings = tender.sensitivity
    if args.seed is not None:
        return int(args.seed)
    if settings is not None and settings.seed is not None:
        return int(settings.seed)
    return DEFAULT_SEED


def _samples(tender: Any, args: argparse.Namespace, *,
             monte_carlo: bool = True) -> tuple[int | None, int]:
    """The samples and seed of a command: the option given, else the tender's setting (its
    ``monte_carlo.n`` is Monte Carlo's only: Sobol's count is its own, 1024 by default)."""
    settings = tender.sensitivity
    given = getattr(args, "samples", None) if args.command != "report" else args.monte_carlo
    n = given if given is not None or not monte_carlo else (
        settings.monte_carlo_n if settings and settings.monte_carlo_n else None)
    return n, _seed(tender, args)


def _monte_carlo(tender: Any, args: argparse.Namespace) -> int:
    from lcc.sensitivity import monte_carlo

    study, lang = tender.study, args.lang
    n, seed = _samples(tender, args)
    progress = False if args.no_progress else None
    mc = monte_carlo(list(tender.alternatives), study, None, n or 10_000, seed=seed,
                     progress=progress, parameters=_chosen(tender), lang=lang)
    notes = [_unit_line(study.currency, lang),
             ntr("{n} sample, random seed {seed}", "{n} samples, random seed {seed}", mc.n,
                 lang, n=number(mc.n, lang, 0), seed=mc.seed),
             tr("Lowest mean life-cycle cost: {name}", lang, name=mc.best),
             tr("Differences: each alternative's life-cycle cost minus {best}'s, per "
                "sample", lang, best=mc.best),
             *_distribution_lines(tender, mc.distributions, mc.inputs.attrs["units"], lang,
                                  described=mc.described, rates=mc.inputs.attrs["rates"]),
             *mc.notes]
    extra = _head(tender, "monte-carlo")
    extra.update(n=mc.n, seed=mc.seed, best=mc.best, distributions=dict(mc.described))
    summary = mc.summary.copy()
    summary.insert(0, "kind", ["alternative" if i in mc.names else "difference"
                               for i in summary.index])
    if args.format != "json":  # words for readers; JSON keeps the stable identifiers
        summary["kind"] = [tr(k, lang) for k in summary["kind"]]
    _emit(summary, args, title=_title(N_("Uncertainty analysis (Monte Carlo)"), lang, tender),
          notes=notes, extra=extra, kind="sensitivity-monte-carlo")
    return 0


def _sobol(tender: Any, args: argparse.Namespace) -> int:
    from lcc.sensitivity import sobol

    n, seed = _samples(tender, args, monte_carlo=False)
    df = sobol(list(tender.alternatives), tender.study, None, n or 1024, seed=seed,
               parameters=_chosen(tender), pair=None if args.pair is None else tuple(args.pair))
    a = df.attrs
    lang = args.lang
    notes = [*a["notes"],
             tr("{n} samples ({evaluations} evaluations), random seed {seed}; ± (S1) and "
                "± (ST): half-widths of {level} bootstrap intervals ({bootstrap} resamples)",
                lang, n=number(a["n"], lang, 0), evaluations=number(a["evaluations"], lang, 0),
                seed=a["seed"], level=percent(a["confidence_level"], lang, 0),
                bootstrap=number(a["bootstrap"], lang, 0)),
             *_distribution_lines(tender, *_sobol_distributions(tender), lang,
                                  described=a["distributions"], rates=a["rates"])]
    if a.get("difference"):
        notes.append(tr("{difference}: the deciding difference, the runner-up's life-cycle cost "
                        "minus the best one's (positive while the best stays best)", lang,
                        difference=a["difference"]))
    extra = _head(tender, "sobol")
    extra.update({k: a[k] for k in ("n", "n_requested", "evaluations", "seed", "bootstrap",
                                    "confidence_level", "difference")})
    extra["pair"] = list(a["pair"]) if a.get("pair") else None
    extra["distributions"] = dict(a["distributions"])
    _emit(df.to_frame().set_index("parameter"), args,
          title=_title(N_("Sensitivity analysis (Sobol indices)"), lang, tender),
          notes=notes, extra=extra, kind="sensitivity-sobol", tender=tender)
    return 0


def _sobol_distributions(tender: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """The distributions a Sobol run of the tender samples (as :func:`lcc.sensitivity.sobol`)
    and the unit of each input."""
    from lcc.sensitivity._model import Model
    from lcc.sensitivity._montecarlo import choose_distributions

    model = Model(list(tender.alternatives), tender.study, "sobol")
    dists = choose_distributions(model, None, Msg("distributions"), _chosen(tender))
    return dists, {name: model.inputs[name].unit for name in dists}


def _distribution_lines(tender: Any, dists: dict[str, Any], units: Mapping[str, str],
                        lang: str, *, described: Mapping[str, str],
                        rates: Sequence[str]) -> list[str]:
    """One line per sampled input: its name and its distribution in words, in the input's own
    unit (``units``, as sampled: the discount rate's parameter may hold percent)."""
    from lcc.results._describe import distribution_text, is_rate

    names = _parameter_names(tender, lang)
    lines, default = [], False
    for name, dist in dists.items():
        unit_text = units.get(name, "")
        text = distribution_text(dist, unit_text, lang, rate=is_rate(name, unit_text, rates))
        if str(described.get(name, "")).endswith("(default: PERT(low, value, high))"):
            text += " *"
            default = True
        lines.append(f"{names.get(name, name)}: {text}")
    if default:
        lines.append(tr("* the default distribution of a parameter with a low and a high value: "
                        "PERT between them, its value the most likely", lang))
    return lines


def _in_file(tender: Any, exc: LCCError) -> LCCError:
    """A scenario's error found when it runs (a per-year path that does not cover the years an
    item uses), or the comparison's (a policy that needs lives the bids lack), at its line in
    the tender file, as a file's errors are said."""
    from lcc.io import TenderError, TenderIssue
    from lcc.io._api import _format_of, _read_bytes
    from lcc.io._read import decode, parse

    parts = tuple(str(exc.field or "").split("."))
    if tender.source is None or len(parts) < 2 or parts[0] not in ("scenarios", "comparison"):
        return exc
    shown = str(tender.source)
    try:
        _, lines = parse(decode(_read_bytes(tender.source, shown), shown),
                         _format_of(tender.source, None, shown), shown)
        line = lines.get(parts) or lines.get(parts[:2])
    except (LCCError, OSError):  # the file changed since: the error as it is
        return exc
    message = exc.args[0] if isinstance(exc.args[0], Msg) else Msg(str(exc))
    if message.msgid == "{name}: {problem}":  # the path says where
        message = message.values["problem"]
    return TenderError([TenderIssue(exc.code or "invalid-value", message, ".".join(parts),
                                    shown, line)])


def _compared(tender: Any, **kwargs: Any) -> Any:
    """``tender.compare(**kwargs)``, its file's errors at their lines."""
    try:
        return tender.compare(**kwargs)
    except LCCError as exc:
        raise _in_file(tender, exc) from None


def _scenarios(tender: Any, args: argparse.Namespace) -> int:
    from lcc.model._fields import STUDY_RATE
    from lcc.sensitivity import Scenario, scenarios

    study, lang = tender.study, args.lang
    chosen: dict[str, Any] = dict(tender.scenarios or {})
    for rate in args.discount_rates or []:
        num = STUDY_RATE.read(rate, "--discount-rates")  # the rate's rule, named as given
        if args.format == "json":  # the stable name of JSON output
            chosen[f"discount_rate {rate}"] = Scenario({"discount_rate": rate},
                                                       f"discount rate {rate}")
        else:  # as the reader writes a rate: 'Kalkylränta 5 %' for 0.05 or '5%'
            rate_text = significant(float(num.value) * 100, lang) + "\u00a0%"
            chosen[tr("Discount rate {rate}", lang, rate=rate_text)] = Scenario(
                {"discount_rate": rate})
    if not chosen:
        raise LCCError(Msg("{name!r} has no scenarios: add them to the tender file, e.g. "
                           "[scenarios.high_price] with electricity_price = \"2.5 SEK/kWh\" "
                           "(or a per-year path {{ by_year = [...], unit = \"SEK/kWh\" }}), or "
                           "give --discount-rates 2% 5% (EN 15459 asks for at least two)",
                           name=tender.name), field="scenarios", code="missing-field")
    try:
        df = scenarios(list(tender.alternatives), study, chosen)
    except LCCError as exc:
        raise _in_file(tender, exc) from None
    rows = []
    for name in df.index:
        for alt in df["lcc"].columns:
            rows.append((name, alt, float(df.loc[name, ("lcc", alt)]),
                         int(df.loc[name, ("rank", alt)])))
    best = df.attrs["best"]
    descriptions = df.attrs["descriptions"]
    from lcc.results._describe import scenario_name

    def shown_name(s: str) -> str:  # as the report shows it; JSON keeps the identifier
        return s if args.format == "json" else scenario_name(s, descriptions, lang)

    long = pd.DataFrame(rows, columns=["scenario", "alternative", "lcc", "rank"])
    long["scenario"] = [shown_name(s) for s in long["scenario"]]
    shown = long.set_index("scenario")
    notes = [_unit_line(study.currency, lang)]
    for s, b in best.items():
        notes.append(tr("{scenario}: lowest life-cycle cost {names}", lang, scenario=shown_name(s),
                        names=", ".join(b)))
    if len({tuple(b) for b in best.values()}) > 1:
        notes.append(tr("The scenarios disagree on which alternative has the lowest life-cycle "
                        "cost", lang))
    for s in df.attrs.get("unchanged", []):
        notes.append(tr("{scenario}: every life-cycle cost is the base one; no alternative "
                        "depends on what it changes", lang, scenario=shown_name(s)))
    notes += [Msg(n.msgid, **{**n.values, "name": shown_name(n.values["name"])})
              for n in df.attrs["notes"]]

    extra = _head(tender, "scenarios")
    extra["best"] = {k: list(v) for k, v in best.items()}
    extra["scenarios"] = {k: {"description": descriptions.get(k), "values": v}
                          for k, v in df.attrs["scenarios"].items()}
    _emit(shown, args, title=_title(N_("Scenarios"), lang, tender), notes=notes,
          extra=extra, kind="sensitivity-scenarios")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    tender = _load(args.tender)
    if args.alternative:
        args.alternative = _check_names(tender, args.alternative)
        results = tender.evaluate()
        for name in args.alternative:
            print(shown_lines("\n".join([*_tender_lines(tender, args.lang), "",
                                              results[name].explain(args.lang)])))
            print()
        return 0
    c = _compared(tender)
    print(shown_lines("\n".join(_tender_lines(tender, args.lang))))  # the comparison's own
    print()  # explanation says its basis and baseline
    print(shown_lines(c.explain(args.lang)))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import lcc.report
    import lcc.sensitivity as sens

    tender = _load(args.tender)
    out = output_path(args, args.tender, tender.assumptions.path if tender.assumptions
                      is not None else None)
    if out.suffix.lower() not in (".html", ".htm", ".xlsx", ".md", ".markdown"):
        raise LCCError(Msg("report: cannot write {name!r}; the file must end in .html, .xlsx "
                           "or .md", name=out.name), field="-o", code="unsupported-format")
    c = _compared(tender)
    alts, study = list(tender.alternatives), tender.study
    tornado = None if args.no_tornado else _tender_tornado(tender)
    mc = None
    n, seed = _samples(tender, args)  # --monte-carlo N, else the tender's monte_carlo.n
    if args.seed is not None and (n is None or args.no_monte_carlo):
        raise LCCError(Msg("--seed is the seed of the Monte Carlo analysis, which this report "
                           "leaves out; give --monte-carlo N, or leave out --seed"),
                       field="--seed", code="not-applicable")
    if n is not None and not args.no_monte_carlo:
        try:
            mc = sens.monte_carlo(alts, study, None, n, seed=seed, progress=False,
                                  parameters=_chosen(tender))  # as the command
        except LCCError as exc:
            raise LCCError(Msg("{problem} (the report runs the Monte Carlo analysis of the "
                               "tender's [sensitivity] monte_carlo; --no-monte-carlo leaves it "
                               "out)", problem=as_msg(exc.message)), field=exc.field,
                           code=exc.code or "invalid-value") from None
    inputs = [Path(args.tender).read_bytes()]
    if tender.assumptions is not None and tender.assumptions.path is not None:
        inputs.append(Path(tender.assumptions.path).read_bytes())
    try:
        scenario_table = sens.scenarios(alts, study, dict(tender.scenarios)) \
            if tender.scenarios and not args.no_scenarios else None
    except LCCError as exc:
        raise _in_file(tender, exc) from None
    report = lcc.report.build(c, title=args.title or tender.name, lang=args.lang,
                              tornado=tornado, monte_carlo=mc,
                              assumptions=_tender_lines(
                                  tender, args.lang, comparison=c,
                                  tornado=_tornado_parameters(tornado),
                                  monte_carlo=(mc.n, mc.seed) if mc is not None else None),
                              inputs=inputs,
                              charts=not args.no_charts, scenarios=scenario_table)
    path = report.save(out)
    print(f"{path}")
    return 0


def _tornado_parameters(tornado: pd.DataFrame | None) -> list[str]:
    """The parameters a tornado varied, in its order, each once."""
    if tornado is None or tornado.empty:
        return []
    return list(dict.fromkeys(str(p) for p in tornado["parameter"]))


def cmd_calculators(args: argparse.Namespace) -> int:
    from lcc import templates

    lister = getattr(templates, "list_calculators", None)
    if lister is None:  # pragma: no cover - the calculators ship with lcc
        raise LCCError(Msg("no product calculators are installed"), field="lcc.templates",
                       code="missing-file")
    # the texts a person reads in --lang; JSON keeps lcc's English texts (stable output)
    df = lister(lang="en" if args.format == "json" else args.lang)
    if args.name and "calculator" in df.columns:
        known = sorted(set(df["calculator"]))
        if args.name not in known:
            raise LCCError(Msg("calculators: no calculator {name!r}; known: {known}",
                               name=args.name, known=", ".join(known)), field="name",
                           code="invalid-value")
        df = df[df["calculator"] == args.name]
    index = [c for c in ("calculator", "input", "name") if c in df.columns][:2]
    shown = df.set_index(index) if index else df
    if args.format == "table":
        brief = [c for c in ("label", "role", "unit", "required", "default", "applies_to",
                             "meaning") if c in shown.columns]
        for i, (calc, group) in enumerate(shown.groupby(level=0, sort=False)):
            title = group["title"].iloc[0] if "title" in group.columns else ""
            print(f"{chr(10) if i else ''}{calc}: {title}")  # a blank line between tables
            print(table(_calculator_rows(group.droplevel(0)[brief], args.lang), args.lang))
        print("\n" + tr("(--format csv or json lists every column: source, example, choices, "
                         "range …)", args.lang))
        return 0
    if args.format == "csv":  # every column, in the reader's words (as the table)
        sys.stdout.write(to_csv(_calculator_rows(df, args.lang, key_first=True), args.lang,
                                index_words=()))
        return 0
    _emit(shown.reset_index(level=0) if len(index) > 1 else shown, args)
    return 0


#: Headers of the ``lcc calculators`` table and CSV (the input's name is the tender file's
#: key).
_CALCULATOR_HEADERS = {
    "calculator": N_("Calculator"), "title": N_("Calculator title"),
    "input": N_("Input (key in tender files)"), "label": N_("Label"), "role": N_("Given by"),
    "kind": N_("Kind of value"), "unit": N_("Unit"), "other_units": N_("Other units"),
    "choices": N_("Choices"), "required": N_("Required"), "default": N_("Default"),
    "example": N_("Example (as in tender files)"), "minimum": N_("Lowest value"),
    "maximum": N_("Highest value"), "parameter": N_("May be a parameter"),
    "per_year": N_("May vary by year"), "applies_to": N_("Applies to"),
    "meaning": N_("Meaning"), "source": N_("Source")}
_ROLES = {"buyer": N_("buyer"), "bidder": N_("bidder")}
#: What a calculator input holds (:data:`lcc.templates.KINDS`), in words.
_INPUT_KINDS = {"quantity": N_("value with a unit"), "number": N_("number"),
                "count": N_("whole number"), "choice": N_("choice of words"),
                "profile": N_("hours and shares")}


def _calculator_rows(df: pd.DataFrame, lang: str, *, key_first: bool = False
                     ) -> pd.DataFrame:
    """The inputs of calculators as a person reads them: the label first (the key first
    with ``key_first``, as the CSV has it), the key as a plain column (not a word to
    translate), headers, roles, kinds and yes/no in the reader's words."""
    out = df.reset_index() if not key_first else df.reset_index(drop=True)
    first = "input" if key_first else "label"
    if first in out.columns:
        out = out[[first, *(c for c in out.columns if c != first)]]
    if "role" in out.columns:
        out["role"] = [tr(_ROLES.get(r, r), lang) for r in out["role"]]
    if "kind" in out.columns:
        out["kind"] = [tr(_INPUT_KINDS.get(k, k), lang) for k in out["kind"]]
    for column in ("required", "parameter", "per_year"):
        if column in out.columns:
            out[column] = [tr("yes", lang) if r else tr("no", lang) for r in out[column]]
    if "unit" in out.columns:
        out["unit"] = [unit(u, lang) if u not in ("", "1") else "" for u in out["unit"]]
    if "other_units" in out.columns:  # '1' is a plain number (a share)
        out["other_units"] = [", ".join(unit(u, lang) if u != "1" else tr("number", lang)
                                        for u in str(us).split(", ") if u)
                              for us in out["other_units"]]
    if "default" in out.columns:
        out["default"] = [_default_text(d, lang) for d in out["default"]]
    out.columns = [tr(_CALCULATOR_HEADERS[c], lang) if c in _CALCULATOR_HEADERS else c
                   for c in out.columns]
    return out.set_index(out.columns[0])


def _default_text(text: str, lang: str) -> str:
    """A calculator default (as listed: text) in the reader's format: ``0``, ``365 d/år``."""
    if not text:
        return ""
    head, _, rest = text.partition(" ")
    try:
        x = float(head)
    except ValueError:
        return text
    from lcc._i18n import significant

    return f"{significant(x, lang)} {unit(rest, lang)}".strip()


def cmd_schema(args: argparse.Namespace) -> int:
    if args.of in ("tender", "assumptions"):
        from lcc.io import json_schema

        schema = json_schema(args.of)
    else:
        from lcc.cli._output_schema import output_schema

        schema = output_schema(args.of)
    text = json.dumps(schema, indent=2, ensure_ascii=False)
    if args.output:
        write_atomic(output_path(args), text + "\n")
        print(args.output)
    else:
        print(text)
    return 0


def cmd_bid_form(args: argparse.Namespace) -> int:
    from lcc import bidform

    input_path(args.tender, "tender")
    out = output_path(args, args.tender)
    if out.suffix.lower() != ".xlsx":
        raise LCCError(Msg("bid form: cannot write {file!r}; the form is an Excel workbook, so "
                           "the file must end in .xlsx", file=out.name), field="-o",
                       code="unsupported-format")
    tender = _load(args.tender)
    # the workbook's bytes, written whole or not at all (a full disk leaves no partial form)
    data = bidform.write_bid_form(tender, lang=args.lang, tender_file=Path(args.tender))
    print(write_atomic(out, data))
    from lcc.bidform._write import note_lines

    # what the buyer may not have meant: rows taken from literal values of a like alternative
    form = bidform.bid_form(tender, lang=args.lang, tender_file=Path(args.tender))
    for line in note_lines(form, args.lang):
        print(line, file=sys.stderr)
    return 0


def cmd_import_bids(args: argparse.Namespace) -> int:
    from lcc import bidform

    for name in (args.tender, *args.forms):
        if name == "-":  # a folder of forms is refused by the reader, as a folder
            input_path(name, "tender" if name is args.tender else "forms")
    out = output_path(args, args.tender, *args.forms) if args.output else None
    if out is not None:
        from lcc.io._api import _format_of

        _format_of(out, None, str(out))  # .toml, .yaml, .yml or .json, before the work
    tender = _load(args.tender)
    alts = bidform.read_bid_forms(tender, args.forms, tender_file=Path(args.tender),
                                  replace=args.replace)
    merged = bidform.with_bids(tender, alts)
    if out is not None:
        # the tender file as written, with the bids added ([bid_form] and comments kept),
        # written to a file next to it (same folder: the same relative paths) that replaces
        # it once read back whole
        write_atomic(out, lambda tmp: bidform.save_with_bids(tender, alts, tmp,
                                                             tender_file=Path(args.tender)))
    results = merged.evaluate()
    rows = {a.name: {"lcc": float(results[a.name].value)} for a in alts}
    df = pd.DataFrame.from_dict(rows, orient="index")
    df.index.name = "alternative"
    from lcc.bidform._read import defaults_note

    defaults = [f"{a.name}: {defaults_note(a, args.lang)}" for a in alts if a.description]
    _emit(df, args, title=_title(N_("Life-cycle cost"), args.lang, tender),
          notes=[_unit_line(tender.study.currency, args.lang), *defaults],
          extra={"tender": tender.name, "currency": tender.study.currency})
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
