"""compare(): rank alternatives by LCC and compute the measures against a baseline."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from lcc._errors import LCCError, Msg, suggest
from lcc._text import html_text, repeated, same_name, shown
from lcc.discounting import _annuity, discount_factor
from lcc.model._alternative import Alternative
from lcc.model._items import INVESTMENT_CATEGORIES
from lcc.model._study import Study
from lcc.results._cached import cached_table
from lcc.results._measures import _airr, behind_again, net_savings, payback, sir
from lcc.results._ranking import TIE, best_shares, ranks, tied
from lcc.results._result import LCCResult, _plot, evaluate
from lcc.results._serialize import Picklable

POLICIES: tuple[str, ...] = ("study_period", "annuity", "per_service_year")
SUMMARY_COLUMNS: tuple[str, ...] = (
    "lcc", "rank", "net_savings", "sir", "airr", "simple_payback", "discounted_payback",
    "annual_value",
)


def _life_study(study: Study, life: float, start: float = 0.0) -> Study:
    """The study over an alternative's own service life, in whole years (⌈life⌉), from the
    base date to the end of that life: an alternative entering service at ``start`` serves
    its whole life in it."""
    return study.replace(period=f"{int(start) + _whole_years(life)} yr")


def _timing(result: LCCResult) -> str:
    """The timing of a result's annual value: continuous, or the end-of-year convention."""
    return "continuous" if result._ctx.continuous else "end"


def _whole_years(life: float) -> int:
    """A service life as the whole years it is evaluated over: ⌈life⌉ (24.39 yr → 25)."""
    return max(1, math.ceil(life - 1e-9))


def lowest_initial_investment(results: list[LCCResult]) -> str:
    """The alternative with the lowest acquisition cost (present value); the first if tied:
    the baseline when none is named (NIST Handbook 135), for every command that measures
    against one."""
    values = [float(np.mean(r.category_values.get("acquisition", 0.0))) for r in results]
    low = min(values)
    return next(r.name for r, v in zip(results, values, strict=True) if tied(v, low) or v == low)


class Comparison(Picklable):
    """The outcome of :func:`compare`: ranking, measures, differences, notes and trace."""

    def __init__(self, results: list[LCCResult], study: Study, baseline: str, policy: str,
                 own_life: dict[str, LCCResult] | None = None,
                 lives: dict[str, float] | None = None,
                 winners: dict[str, str] | None = None,
                 policy_notes: list[tuple[str, str, str]] | None = None,
                 starts: dict[str, float] | None = None) -> None:
        self.results: dict[str, LCCResult] = {r.name: r for r in results}
        self.study = study
        self.baseline = baseline
        self.policy = policy
        self._own = own_life or {}
        self._lives = lives or {}
        self._winners = winners or {}
        self._policy_notes = policy_notes or []
        self._starts = starts or {}
        self._samples = next((r.samples for r in results if r.samples), None)

    # -- values -----------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        """Alternative names in the order given."""
        return list(self.results)

    def _value(self, name: str) -> Any:
        """The value the policy ranks by (LCC, annuity or cost per service year)."""
        if self.policy == "study_period":
            return self.results[name].value
        result = self._own[name]
        life = self._lives[name]
        # the PV of its own life at its service start, at the base year's price level: a
        # later start is no cheaper year of use, in a real study or in its nominal twin
        starts = getattr(self, "_starts", {})  # a comparison pickled before it kept starts
        start = starts.get(name, 0.0)
        own = result.value / discount_factor(result._ctx.rate, start, _timing(result))
        if start and result._ctx.infl:
            own = own / math.exp(result._ctx.infl * start)
        if self.policy == "annuity":
            return own * _annuity(result._ctx.rate, life, _timing(result))
        return own / life

    @cached_table
    def samples(self) -> pd.DataFrame:
        """Per-sample LCC (rows = samples, columns = alternatives) by the policy's measure."""
        n = self._samples or 1
        return pd.DataFrame({name: np.broadcast_to(np.asarray(self._value(name), dtype=float),
                                                   (n,)) for name in self.names})

    @cached_table
    def rank_samples(self) -> pd.DataFrame:
        """Rank of each alternative in each sample (1 = lowest cost)."""
        arr = self.samples.to_numpy()
        return pd.DataFrame(ranks(arr.T).T, columns=self.names)

    @cached_table
    def probability_best(self) -> pd.Series:
        """Share of samples in which each alternative has rank 1.

        Ties (relative difference < 1e-9) split the sample equally, so the
        shares sum to 1 — the rule of :attr:`MonteCarloResult.probability_best`
        (:func:`lcc.results.best_shares`).
        """
        shares = best_shares(self.samples.to_numpy().T)
        return pd.Series(shares, index=pd.Index(self.names), name="probability_best")

    def _require_single(self, what: str) -> None:
        if self._samples:
            raise LCCError(
                Msg("{name}: the inputs are samples ({samples} of them), so there is no single "
                    "ranking; use Comparison.samples (LCC per sample), Comparison.rank_samples "
                    "or Comparison.probability_best, or lcc.sensitivity.monte_carlo for a "
                    "summary with standard errors", name=f'Comparison.{what}',
                    samples=self._samples), field=f"Comparison.{what}", code="not-applicable"
            )

    @cached_table
    def summary(self) -> pd.DataFrame:
        """One row per alternative: lcc, rank, net_savings, sir, airr, simple_payback,
        discounted_payback, annual_value (money in the study currency).

        Under ``policy="study_period"`` ``lcc`` is the PV over the study period
        and the measures are against the baseline (NIST Handbook 135). Under
        ``"annuity"`` and ``"per_service_year"`` ``lcc`` is the PV over each
        alternative's own service life, ``annual_value`` the policy's value
        (annuity, or cost per service year), ``rank`` and ``net_savings`` (per
        year) follow it, and SIR, AIRR and payback — defined on a common
        period — are NaN.

        Raises
        ------
        LCCError
            With sample inputs: use ``samples``/``probability_best`` instead.
        """
        self._require_single("summary")
        base = self.results[self.baseline]
        rate = float(np.asarray(base._ctx.rate))
        n = self.study.years
        rows = {}
        values = np.array([float(self._value(name)) for name in self.names])
        rank = ranks(values)
        base_inv, base_non = _split(base)
        base_flows = base.cash_flows
        for i, name in enumerate(self.names):
            r = self.results[name]
            if self.policy == "study_period":
                lcc_value = float(r.value)
                annual = lcc_value * _annuity(rate, n, _timing(base))
                ns = net_savings(base.value, r.value)
                if name == self.baseline:
                    s = a = sp = dp = np.nan
                else:
                    inv, non = _split(r)
                    scale = max(abs(base_inv), abs(inv), abs(base_non), abs(non))
                    added = _noise_free(inv - base_inv, scale)
                    s = sir(_noise_free(base_non - non, scale), added)
                    a = _airr(s, rate, n, base._ctx.continuous)
                    flows = r.cash_flows
                    sp = payback(_noise_free((base_flows["nominal"]["total"]
                                              - flows["nominal"]["total"]).to_numpy()))
                    dp = payback(_noise_free((base_flows["present_value"]["total"]
                                              - flows["present_value"]["total"]).to_numpy()))
            else:
                lcc_value = float(self._own[name].value)
                annual = float(values[i])
                ns = float(values[self.names.index(self.baseline)] - values[i])
                s = a = sp = dp = np.nan
            rows[name] = (lcc_value, int(rank[i]), float(ns), float(s), float(a), float(sp),
                          float(dp), float(annual))
        table = pd.DataFrame.from_dict(rows, orient="index", columns=list(SUMMARY_COLUMNS))
        table.index.name = "alternative"
        table.attrs.update(unit=self.study.currency, policy=self.policy, baseline=self.baseline)
        return table

    @property
    def best(self) -> str:
        """Name of the alternative with the lowest cost under the policy; of alternatives tied
        for the lowest (within the tie tolerance, :func:`lcc.results.ranks`), the first."""
        self._require_single("best")
        rank = ranks([float(self._value(name)) for name in self.names])
        return self.names[int(np.argmax(rank == 1))]

    @cached_table
    def differences(self) -> pd.DataFrame:
        """Present value per category minus the baseline's (rows categories, columns
        alternatives; positive = costs more than the baseline). Study-period basis; means
        over samples when inputs are samples."""
        cats: list[str] = []
        for r in self.results.values():
            cats += [c for c in r.category_values if c not in cats]
        from lcc.model._items import CATEGORIES

        cats = [c for c in CATEGORIES if c in cats]
        base = self.results[self.baseline].category_values
        data = {}
        for name, r in self.results.items():
            vals = r.category_values
            data[name] = [float(np.mean(np.asarray(vals.get(c, 0.0)) - np.asarray(base.get(c,
                                                                                        0.0))))
                          for c in cats]
        table = pd.DataFrame(data, index=pd.Index(cats, name="category"))
        table.loc["total"] = table.sum()
        table.attrs.update(unit=self.study.currency, baseline=self.baseline)
        return table

    @cached_table
    def notes(self) -> list[str]:
        """Ties, measures that are not defined and why, and policies that disagree."""
        return self.notes_in("en")

    def notes_in(self, lang: str = "en") -> list[str]:
        """:attr:`notes` in ``lang`` ("en" or "sv"), for reports and the command line."""
        from lcc._i18n import money as fmt_money
        from lcc._i18n import tr
        from lcc.results._describe import policy_name

        cur = self.study.currency
        notes: list[str] = []
        if self.policy != "study_period":
            notes.append(tr("Comparison basis: {policy}; SIR, AIRR and payback are defined on a "
                            "common study period and are not computed", lang,
                            policy=policy_name(self.policy, lang)))
        for kind, value, life in self._policy_notes:
            if kind == "baseline":
                notes.append(tr("Baseline: {name}, the alternative with the lowest initial "
                                "investment (NIST Handbook 135); name another baseline to "
                                "measure against it", lang, name=value))
            elif kind == "fractional":
                years = str(_whole_years(float(life)))
                notes.append(tr("{name}: its service life of {life} years is not a whole number "
                                "of years; the annuity and cost-per-service-year bases evaluate "
                                "it over {years} years (the next purchase at {life} years and "
                                "its residual value at {years} years are counted)", lang,
                                name=value, years=years,
                                life=life.replace(".", ",") if lang == "sv" else life))
            elif kind == "unchecked":
                notes.append(tr("The comparison bases for different service lives were not "
                                "checked: {name} cannot be evaluated over its own service "
                                "life ({error})", lang, name=value,
                                error=life.in_lang(lang) if isinstance(life, Msg) else life))
            else:
                notes.append(tr("The comparison bases for different service lives were not "
                                "checked: no service life is given for {names}", lang,
                                names=value))
        for result in self.results.values():  # flows left out, sequences cut: they change ranks
            notes += [w.in_lang(lang) if isinstance(w, Msg) else str(w)
                      for w in result._compiled.warnings]
            notes += result.late_purchases_in(lang)
            left = float(np.mean(result._all.get("externality", 0.0)))
            if not self.study.include_externalities and left != 0.0 and \
                    not len(result.emissions):  # priced in money only: shown nowhere else
                notes.append(tr("{name}: its externalities, {amount}, are priced in money only "
                                "(no kg) and are not part of the LCC (the study's "
                                "include_externalities is false)", lang,
                                name=result.alternative.name,
                                amount=fmt_money(left, cur, lang, 2)))
        if self._samples:
            notes.append(tr("The inputs are samples ({n}); see the probability of the lowest "
                            "cost", lang, n=self._samples))
            return notes
        table = self.summary
        values = np.array([float(self._value(n)) for n in self.names])
        rank = table["rank"].to_numpy()
        for i, a in enumerate(self.names):
            for b in self.names[i + 1:]:
                j = self.names.index(b)
                # a tie the ranks share: in a chain (1, 1 + 0.8e-9, 1 + 1.6e-9) the second
                # ties both others, but the third ranks below the first
                if tied(values[i], values[j]) and rank[i] == rank[j]:
                    notes.append(tr("{a} and {b} tie: their values differ by less than {tie} "
                                    "relative ({value})", lang, a=a, b=b, tie=_tie_text(lang),
                                    value=fmt_money(values[i], cur, lang, 2)))
        if self.policy == "study_period":
            base = self.results[self.baseline]
            base_inv, _ = _split(base)
            for name in self.names:
                if name == self.baseline:
                    continue
                inv, non = _split(self.results[name])
                _, base_non = _split(base)
                added = _noise_free(inv - base_inv, max(abs(inv), abs(base_inv), abs(non),
                                                        abs(base_non)))
                if added <= 0:
                    notes.append(tr(
                        "SIR and AIRR of {name} are not defined: it adds no investment-related "
                        "cost relative to {base} (added investment {added} ≤ 0)", lang,
                        name=name, base=self.baseline, added=fmt_money(added, cur, lang, 2)))
                elif np.isnan(table.at[name, "airr"]):  # type: ignore[arg-type]
                    notes.append(tr("AIRR of {name} is not defined: SIR is negative", lang,
                                    name=name) if table.at[name, "sir"] < 0 else  # type: ignore
                                 tr("AIRR of {name} is not defined: SIR is 0, and under "
                                    "continuous timing AIRR is d + ln(SIR)/N", lang, name=name))
                for column, kind in (("simple_payback", "nominal"),
                                     ("discounted_payback", "present_value")):
                    notes.extend(self._payback_notes(name, column, kind, table, lang))
        winners = self._winners
        if len(set(winners.values())) > 1:
            shown = "; ".join(f"{policy_name(p, lang)}: {w}" for p, w in winners.items())
            notes.append(tr("The comparison bases for different service lives disagree on the "
                            "winner ({shown})", lang, shown=shown))
        return notes

    def _payback_notes(self, name: str, column: str, kind: str, table: pd.DataFrame,
                       lang: str) -> list[str]:
        """Why a payback is not defined, or that the savings fall behind again after it."""
        from lcc._i18n import tr

        year = table.at[name, column]
        simple = column == "simple_payback"
        if np.isnan(year):  # type: ignore[arg-type]
            return [tr("Simple payback of {name} is not defined: the cumulative undiscounted "
                       "savings against {base} never cover the added cost within the study "
                       "period", lang, name=name, base=self.baseline) if simple else
                    tr("Discounted payback of {name} is not defined: the cumulative discounted "
                       "savings against {base} never cover the added cost within the study "
                       "period", lang, name=name, base=self.baseline)]
        base = self.results[self.baseline].cash_flows[kind]["total"].to_numpy()
        again = behind_again(_noise_free(base - self.results[name].cash_flows[kind]["total"]
                                         .to_numpy()))
        if again is None:
            return []
        later, at_end = again
        words = dict(name=name, base=self.baseline, year=int(year), later=later)  # type: ignore
        if simple:
            return [tr("Simple payback of {name} is year {year}, but the cumulative "
                       "undiscounted savings against {base} fall behind again in year {later} "
                       "and are still behind at the end of the study period", lang, **words)
                    if at_end else
                    tr("Simple payback of {name} is year {year}, but the cumulative "
                       "undiscounted savings against {base} fall behind again in year {later} "
                       "before they are ahead for good", lang, **words)]
        return [tr("Discounted payback of {name} is year {year}, but the cumulative "
                   "discounted savings against {base} fall behind again in year {later} and "
                   "are still behind at the end of the study period", lang, **words)
                if at_end else
                tr("Discounted payback of {name} is year {year}, but the cumulative "
                   "discounted savings against {base} fall behind again in year {later} "
                   "before they are ahead for good", lang, **words)]

    # -- serialisation -------------------------------------------------------------
    def _reasons(self, name: str) -> dict[str, str]:
        """Why each measure of one alternative is NaN (for ``to_dict``)."""
        if self.policy != "study_period":
            why = (f"not computed under policy {self.policy}: SIR, AIRR and payback are "
                   f"defined on a common study period")
            return dict.fromkeys(("sir", "airr", "simple_payback", "discounted_payback"), why)
        if name == self.baseline:
            why = "the baseline: measures are against it"
            return dict.fromkeys(("sir", "airr", "simple_payback", "discounted_payback"), why)
        out = {}
        both = f"SIR and AIRR of {name} are not defined"
        for note in self.notes:
            for key, start in (("sir", both), ("airr", both),
                               ("airr", f"AIRR of {name} is not defined"),
                               ("simple_payback", f"Simple payback of {name} is not defined"),
                               ("discounted_payback",
                                f"Discounted payback of {name} is not defined")):
                if note.startswith(start):
                    out[key] = note
        return out

    def to_dict(self, *, results: bool = False) -> dict[str, Any]:
        """A JSON-safe document of the comparison.

        Shape::

            {"type": "lcc.Comparison", "lcc_version": "…", "currency": "SEK",
             "policy": "study_period", "baseline": "Existing", "best": "LED",
             "alternatives": [
                {"alternative": "LED", "rank": 1,
                 "lcc": {"value": …, "unit": "SEK"},
                 "net_savings": {"value": …, "unit": "SEK"},
                 "sir": {"value": 2.1, "unit": "1"}, "airr": {"value": …, "unit": "1/yr"},
                 "simple_payback": {"value": 3, "unit": "yr"},
                 "discounted_payback": {"value": null, "unit": "yr", "reason": "…"},
                 "annual_value": {"value": …, "unit": "SEK/yr"}}, …],
             "notes": ["…"],
             "results": [LCCResult.to_dict(), …]}       # only with results=True

        With sample inputs there is no single ranking: ``alternatives`` is
        replaced by ``probability_best`` ({name: share}) and ``samples``.
        """
        from lcc.results._serialize import amount, header, number

        cur = self.study.currency
        doc = header("lcc.Comparison")
        doc.update({"currency": cur, "policy": self.policy, "baseline": self.baseline})
        if self._samples:
            doc["samples"] = self._samples
            doc["probability_best"] = {k: number(v) for k, v in self.probability_best.items()}
        else:
            doc["best"] = self.best
            units = {"lcc": cur, "net_savings": cur if self.policy == "study_period"
                     else f"{cur}/yr", "sir": "1", "airr": "1/yr", "simple_payback": "yr",
                     "discounted_payback": "yr", "annual_value": f"{cur}/yr"}
            rows = []
            for name, row in self.summary.iterrows():
                reasons = self._reasons(str(name))
                out: dict[str, Any] = {"alternative": str(name), "rank": int(row["rank"])}
                for col, unit in units.items():
                    out[col] = amount(row[col], unit, reasons.get(col))
                rows.append(out)
            doc["alternatives"] = rows
        doc["notes"] = list(self.notes)
        if results:
            doc["results"] = [r.to_dict() for r in self.results.values()]
        return doc

    def to_json(self, *, indent: int | None = 2, results: bool = False) -> str:
        """:meth:`to_dict` as JSON text (UTF-8, no NaN)."""
        from lcc.results._serialize import dumps

        return dumps(self.to_dict(results=results), indent=indent)

    # -- display ---------------------------------------------------------------
    def explain(self, lang: str = "en") -> str:
        """The comparison and the full calculation trace of every alternative (en or sv)."""
        from lcc._i18n import ntr, tr, years
        from lcc._i18n import table as text_table
        from lcc.results._describe import (
            basis_headers,
            lowest_line,
            own_life_amounts,
            policy_name,
        )

        own_life = self.policy != "study_period"
        cur = self.study.currency
        if self.policy == "annuity":
            measures = tr("Measures: NS = annual cost of the baseline − annual cost of the "
                          "alternative, per year; SIR, AIRR and payback are not computed on "
                          "this basis", lang)
        elif self.policy == "per_service_year":
            measures = tr("Measures: NS = cost per service year of the baseline − cost per "
                          "service year of the alternative; SIR, AIRR and payback are not "
                          "computed on this basis", lang)
        else:
            measures = tr("Measures (NIST Handbook 135): NS = LCC_base − LCC_alt; SIR = "
                          "PV(non-investment savings) / PV(added investment-related cost); "
                          "AIRR = {airr}; payback = first year in which the cumulative "
                          "savings are ≥ 0",
                          lang, airr="d + ln(SIR)/N" if self.study.timing == "continuous"
                          else "(1 + d)·SIR^(1/N) − 1")
        lines = [
            ntr("Comparison of {n} alternative", "Comparison of {n} alternatives",
                len(self.names), lang),
            tr("Comparison basis: {policy}", lang, policy=policy_name(self.policy, lang)),
            tr("Baseline for the measures: {name}", lang, name=self.baseline),
            measures,
            "",
        ]
        if self._samples:
            lines.append(text_table(self.probability_best.to_frame(), lang))
        elif own_life:
            summary = self.summary
            lines.append(text_table(summary.rename(
                columns=basis_headers(self.policy, cur, lang)), lang))
            lines.append("(" + own_life_amounts(cur, lang) + ")")
            lines.append("\n" + lowest_line(self.policy, self.best,
                                            float(summary["annual_value"][self.best]), cur,
                                            lang))
        else:
            lines.append(text_table(self.summary, lang))
            lines.append("\n" + tr("Lowest cost: {name}", lang, name=self.best))
        notes = self.notes_in(lang)
        if notes:
            lines += ["", tr("Notes", lang), *[f"  - {n}" for n in notes]]
        if own_life:
            lines += ["", tr("The first traces below are on the common study period of "
                             "{years} (replacements within it, residual value at its end), as "
                             "the tables by cost category; the summary's values come from the "
                             "traces over each alternative's own service life that follow "
                             "them.", lang, years=years(self.study.years, lang))]
        for r in self.results.values():
            lines += ["", "=" * 78, r.explain(lang)]
        if self.policy != "study_period":
            for name, r in self._own.items():
                lines += ["", "=" * 78, tr("(over its own service life of {life} years, for "
                                           "the comparison basis {policy})", lang,
                                           life=format(self._lives[name], "g"),
                                           policy=policy_name(self.policy, lang)),
                          r.explain(lang)]
        return "\n".join(lines)

    def plot(self, kind: str = "cumulative", **kwargs: Any) -> Any:
        """Draw the comparison with :mod:`lcc.plot` ("cumulative" or "breakdown").

        Needs the ``plot`` extra (matplotlib); returns the matplotlib Axes.
        """
        return _plot(self, kind, ("cumulative", "breakdown"), **kwargs)

    def __repr__(self) -> str:
        n = len(self.names)
        what = f"{n} alternative" + ("" if n == 1 else "s")
        if self._samples:
            return f"<Comparison of {what}, {self._samples} samples>"
        return f"<Comparison of {what}: best {self.best!r}>"

    def _repr_html_(self) -> str:
        cur = html_text(self.study.currency)
        head = (f"<p><strong>Comparison</strong> ({html_text(self.policy)}; baseline "
                f"{html_text(self.baseline)}; {cur})</p>")
        if self._samples:
            body = self.probability_best.to_frame().rename(index=shown).to_html(
                float_format=lambda x: f"{x:.3f}")
        else:
            body = self.summary.rename(index=shown).to_html(
                float_format=lambda x: f"{x:,.2f}", na_rep="—")
            body += f"<p>Lowest cost: <strong>{html_text(self.best)}</strong></p>"
        notes = "".join(f"<li>{html_text(n)}</li>" for n in self.notes)
        return f"<div>{head}{body}{'<ul>' + notes + '</ul>' if notes else ''}</div>"


def _noise_free(x: Any, scale: float | None = None) -> Any:
    """Differences smaller than the tie tolerance (relative to ``scale``) as exactly zero.

    Two bids that differ only by rounding would otherwise get an SIR of 0.0000, an AIRR
    of −100 % or a payback of year 0 from noise.
    """
    arr = np.asarray(x, dtype=float)
    ref = float(np.max(np.abs(arr))) if scale is None and arr.size else (scale or 0.0)
    out = np.where(np.abs(arr) < TIE * ref, 0.0, arr)
    return float(out) if np.ndim(out) == 0 else out


def _split(r: LCCResult) -> tuple[float, float]:
    """(investment-related PV, non-investment PV) of a single result."""
    inv = non = 0.0
    for cat, v in r.category_values.items():
        if cat in INVESTMENT_CATEGORIES:
            inv += float(np.mean(v))
        else:
            non += float(np.mean(v))
    return inv, non


def compare(alternatives: Sequence[Alternative], study: Study, baseline: Any = None,
            policy: str = "study_period") -> Comparison:
    """Compare alternatives by life-cycle cost (NIST Handbook 135; LOU 16 kap.).

    Parameters
    ----------
    alternatives : Alternative or sequence of Alternative
        The bids (and usually the existing solution, first). Names must be unique.
    study : Study
    baseline : str, int or Alternative, optional
        The alternative the measures are computed against; default the one with the
        lowest initial investment (present value of acquisition; the first if tied),
        as NIST Handbook 135 measures against the least-cost-to-buy option.
    policy : {"study_period", "annuity", "per_service_year"}
        How bids with different service lives are made comparable:
        ``"study_period"`` (default) evaluates all over the common study
        period with replacements and residual values; ``"annuity"`` ranks by
        the equivalent annual cost over each alternative's own life
        (annuitetsmetoden); ``"per_service_year"`` by the cost per year of
        service. An alternative's life is ``Alternative(life=)`` or else the
        longest ``life`` of its investments. When the policies disagree on the
        winner, ``notes`` says so.

    Returns
    -------
    Comparison

    Examples
    --------
    >>> import lcc
    >>> study = lcc.Study("10 yr", 0.03)
    >>> a = lcc.Alternative("Old", lcc.Recurring("1000 SEK/yr", category="energy"))
    >>> b = lcc.Alternative("New", lcc.Investment("5000 SEK"),
    ...                     lcc.Recurring("300 SEK/yr", category="energy"))
    >>> lcc.compare([a, b], study).best
    'New'
    """
    if isinstance(alternatives, Alternative):  # one, as the sensitivity functions take it
        alternatives = [alternatives]
    elif not isinstance(alternatives, (list, tuple)) and not hasattr(alternatives, "__iter__"):
        raise LCCError(Msg("{name}: got {kind}; expected a list of lcc.Alternative",
                           name="compare", kind=type(alternatives).__name__),
                       field="compare.alternatives", code="wrong-type")
    alts = list(alternatives)
    if not alts:
        raise LCCError(Msg("{name}: give at least one alternative", name='compare'),
                       field="compare.alternatives", code="missing-field")
    for i, a in enumerate(alts):
        if not isinstance(a, Alternative):
            raise LCCError(Msg("{name}: alternative {i} is {type}, expected lcc.Alternative",
                               name='compare', i=i + 1, type=type(a).__name__),
                           field="compare.alternatives", code="wrong-type")
    names = [a.name for a in alts]
    dupes = repeated(names)
    if dupes:
        raise LCCError(Msg("{name}: alternative names must be unique; repeated: {dupes}",
                           name='compare', dupes=dupes),
                       field="compare.alternatives", code="duplicate-name")
    if policy not in POLICIES:
        raise LCCError(Msg("{name}: policy={policy!r}, expected one of {choices}",
                           name='compare', policy=policy, choices=', '.join(POLICIES)),
                       field="compare.policy", code="invalid-value")
    results = [evaluate(a, study) for a in alts]
    baseline_note = False
    if baseline is None:
        base = lowest_initial_investment(results)
        baseline_note = len(alts) > 1
    elif isinstance(baseline, Alternative):
        base = baseline.name
    elif isinstance(baseline, int) and not isinstance(baseline, bool):
        if not 0 <= baseline < len(alts):
            raise LCCError(Msg("{name}: baseline index {baseline} out of range", name='compare',
                               baseline=baseline), field="compare.baseline",
                           code="invalid-value")
        base = names[baseline]
    else:
        base = str(baseline)
    if isinstance(base, str) and base not in names:  # as spelt by the alternative
        base = next((n for n in names if same_name(n) == same_name(base)), base)
    if base not in names:
        raise LCCError(Msg("{name}: baseline {baseline!r} is not one of {names}{suggest}",
                           name='compare', baseline=baseline, names=', '.join(names),
                           suggest=suggest(base, names)), field="compare.baseline",
                       code="invalid-value")
    samples = any(r.samples for r in results)
    lives: dict[str, float] = {}
    missing = []
    for a in alts:
        life = a.service_life()
        if life is None:
            missing.append(a.name)
        else:
            lives[a.name] = life
    if policy != "study_period" and missing:
        raise LCCError(
            Msg("{name}: policy {policy!r} needs each alternative's service life; {missing} has "
                "none — give the alternative a service life (life, e.g. '20 yr') or an Investment "
                "with a life",
                name='compare', policy=policy, missing=', '.join(missing)),
            field="Alternative.life", code="missing-field"
        )
    own: dict[str, LCCResult] = {}
    policy_notes: list[tuple[str, str, str]] = [("baseline", base, "")] if baseline_note \
        else []
    winners: dict[str, str] = {}
    if not missing:
        for a in alts:
            years = _whole_years(lives[a.name])
            if abs(lives[a.name] - years) > 1e-9:
                policy_notes.append(("fractional", a.name, format(lives[a.name], ".6g")))
                lives[a.name] = float(years)
        for a in alts:
            life_study = _life_study(study, lives[a.name], a._start)
            try:
                own[a.name] = evaluate(a, life_study)
            except LCCError as exc:
                if policy != "study_period":
                    raise LCCError(Msg(
                        "{name}: the comparison basis {policy!r} evaluates each alternative "
                        "over its own service life, here {years} years from the base date: "
                        "{error}", name=a.name, policy=policy, years=life_study.years,
                        error=exc.message), field="compare.policy", code="invalid-value") from None
                policy_notes.append(("unchecked", a.name, exc.message))
                own = {}
                break
    elif len(alts) > 1:
        policy_notes.append(("missing", ", ".join(missing), ""))
    starts = {a.name: a._start for a in alts}
    if own and not samples:
        for p in POLICIES:
            c = Comparison(results, study, base, p, own, lives, starts=starts)
            winners[p] = c.best
    return Comparison(results, study, base, policy, own, lives, winners, policy_notes, starts)


def _tie_text(lang: str) -> str:
    """The tie tolerance as a reader writes a small share: '1e-9' (en), '1·10⁻⁹' (sv)."""
    exponent = round(float(np.log10(TIE)))
    return f"1e{exponent}" if lang == "en" else "1·10" + str(exponent).translate(
        str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
