"""LCCResult and evaluate(): the life-cycle cost of one alternative."""

from __future__ import annotations

from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from lcc._text import html_text
from lcc.discounting import _annuity
from lcc.engine._compile import Compiled, compile_alternative
from lcc.engine._context import Context
from lcc.engine._evaluate import (
    base_values,
    category_totals,
    context_for,
    emissions_by_year,
    term_values,
    yearly,
)
from lcc.model._alternative import Alternative
from lcc.model._study import Study
from lcc.results._cached import cached_table
from lcc.results._overrides import read_overrides
from lcc.results._serialize import Picklable
from lcc.results._trace import money, trace
from lcc.units import get_registry

_STATS = ("mean", "std", "p5", "p50", "p95")


def describe_samples(values: dict[str, Any]) -> pd.DataFrame:
    """Mean, standard deviation and percentiles of each named sample array."""
    rows = {}
    for key, v in values.items():
        arr = np.asarray(v, dtype=float)
        p5, p50, p95 = np.percentile(arr, [5, 50, 95])
        rows[key] = (arr.mean(), arr.std(ddof=1) if arr.size > 1 else 0.0, p5, p50, p95)
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(_STATS))


class LCCResult(Picklable):
    """The life-cycle cost of one alternative under a study.

    Attributes are computed on first access. With sample inputs (ndarrays),
    ``total`` is an array with one LCC per sample, ``by_category`` becomes a
    table of mean, std and the 5th/50th/95th percentiles per category
    (``samples_by_category`` has every sample), and ``cash_flows``,
    ``emissions`` and ``emissions_by_year`` give means over the samples.
    """

    def __init__(self, compiled: Compiled, ctx: Context,
                 per_term: list[tuple[Any, dict[str, Any]]] | None = None) -> None:
        self._compiled = compiled
        self._ctx = ctx
        self._quantity = ctx.value(compiled.quantity) if compiled.quantity is not None else 1.0
        self._per_term = term_values(compiled, ctx) if per_term is None else per_term
        _check_finite(self._per_term, compiled.alternative.name)
        self._all = category_totals(self._per_term, self._quantity)
        study = compiled.study
        self._in_lcc = {k: v for k, v in self._all.items()
                        if k != "externality" or study.include_externalities}
        total: Any = 0.0
        for v in self._in_lcc.values():
            total = total + v
        if ctx.samples and np.ndim(total) == 0:
            total = np.full(ctx.samples, float(total))
        with np.errstate(all="ignore"):
            sums = [np.asarray(total, dtype=float),
                    *(np.asarray(v, dtype=float) for v in self._all.values())]
        if not all(np.all(np.isfinite(x)) for x in sums):
            from lcc._errors import LCCError, Msg

            raise LCCError(
                Msg("Alternative {called!r}: its life-cycle cost overflows: the amounts and "
                    "quantities are so large that their sum is not finite; check the values of "
                    "its items", called=compiled.alternative.name),
                field="Alternative", code="invalid-value")
        self._total = total

    # -- identity ---------------------------------------------------------------
    @property
    def name(self) -> str:
        """The alternative's name."""
        return self._compiled.alternative.name

    @property
    def alternative(self) -> Alternative:
        """The evaluated alternative."""
        return self._compiled.alternative

    @property
    def study(self) -> Study:
        """The study it was evaluated under."""
        return self._compiled.study

    @property
    def currency(self) -> str:
        """The study currency of every money figure."""
        return self.study.currency

    @property
    def samples(self) -> int | None:
        """Number of samples, or None for a single evaluation."""
        return self._ctx.samples

    # -- money ------------------------------------------------------------------
    @property
    def value(self) -> Any:
        """The LCC as a plain float (or array of samples) in the study currency."""
        return self._total

    @property
    def total(self) -> Any:
        """The LCC, a pint Quantity in the study currency (array with samples)."""
        return get_registry().Quantity(self._total, self.currency)

    @property
    def category_values(self) -> dict[str, Any]:
        """Present value per category in the LCC, as plain floats or arrays (internal)."""
        return dict(self._in_lcc)

    @cached_table
    def by_category(self) -> pd.Series | pd.DataFrame:
        """Present value per category in the study currency.

        A Series indexed by the categories present (in the order of
        ``lcc.model.CATEGORIES``); externality is left out when the study
        excludes externalities (see ``externalities``). With samples, a
        DataFrame of mean, std, p5, p50, p95 per category.
        """
        if self.samples:
            table = describe_samples(self._in_lcc)
            table.index.name = "category"
            table.attrs["unit"] = self.currency
            return table
        s = pd.Series({k: float(v) for k, v in self._in_lcc.items()}, dtype=float,
                      name=self.name)
        s.index.name = "category"
        s.attrs["unit"] = self.currency
        return s

    @cached_table
    def samples_by_category(self) -> pd.DataFrame:
        """Every sample's present value per category (rows = samples)."""
        n = self.samples or 1
        data = {k: np.broadcast_to(np.asarray(v, dtype=float), (n,))
                for k, v in self._in_lcc.items()}
        df = pd.DataFrame(data)
        df.attrs["unit"] = self.currency
        return df

    @property
    def externalities(self) -> Any:
        """Present value of the externalities (Quantity), included in the LCC or not."""
        return get_registry().Quantity(self._all.get("externality", 0.0), self.currency)

    @property
    def annual_value(self) -> Any:
        """Equivalent annual value: total × CRF(d, N), a Quantity in currency/yr.

        For ``timing="continuous"`` the factor is 1 / Σ_{k=1..N} e^(−d·k).
        """
        d = self._ctx.rate
        n = self.study.years
        factor = _annuity(d, n, "continuous" if self._ctx.continuous else "end")
        return get_registry().Quantity(self._total * factor, f"{self.currency}/yr")

    @cached_property
    def _yearly(self) -> tuple[dict[str, Any], dict[str, Any]]:
        return yearly(self._compiled, self._ctx, self._quantity)

    @cached_table
    def cash_flows(self) -> pd.DataFrame:
        """Flows per study year 0..N: nominal (undiscounted) and present value by category.

        Columns are a MultiIndex (``"nominal"`` | ``"present_value"``,
        category), each with a ``"total"``. "Nominal" is the amount in the
        study's price basis: constant base-year prices in a real study,
        current prices in a nominal one. A flow at time t is in year ⌈t⌉.
        The total columns include externalities only when the study does.
        With samples, the mean over the samples.
        """
        nominal, present = self._yearly
        include = self.study.include_externalities
        years = pd.RangeIndex(0, self.study.years + 1, name="year")
        frames = {}
        for kind, table in (("nominal", nominal), ("present_value", present)):
            cols = {cat: (v.mean(axis=0) if v.ndim == 2 else v) for cat, v in table.items()}
            df = pd.DataFrame(cols, index=years)
            in_total = [c for c in df.columns if c != "externality" or include]
            df["total"] = df[in_total].sum(axis=1)
            frames[kind] = df
        out = pd.concat(frames, axis=1)
        out.attrs["unit"] = self.currency
        return out

    # -- emissions --------------------------------------------------------------
    @cached_property
    def _emissions(self) -> dict[str, Any]:
        return emissions_by_year(self._compiled, self._ctx, self._quantity)

    @cached_table
    def emissions(self) -> pd.Series:
        """Physical emissions over the study per pollutant [kg] (mean with samples)."""
        data = {p: float(np.mean(np.asarray(v).sum(axis=-1))) for p, v in self._emissions.items()}
        s = pd.Series(data, dtype=float, name="kg")
        s.index.name = "pollutant"
        s.attrs["unit"] = "kg"
        return s

    @cached_table
    def emissions_by_year(self) -> pd.DataFrame:
        """Physical emissions per study year (rows) and pollutant (columns) [kg]."""
        years = pd.RangeIndex(0, self.study.years + 1, name="year")
        cols = {p: (np.asarray(v).mean(axis=0) if np.ndim(v) == 2 else np.asarray(v))
                for p, v in self._emissions.items()}
        df = pd.DataFrame(cols, index=years)
        df.attrs["unit"] = "kg"
        return df

    # -- explanation ----------------------------------------------------------------
    @property
    def warnings(self) -> list[str]:
        """Cut sequences, flows outside the study period, purchases late in the study, …"""
        return [*self._compiled.warnings, *self.late_purchases]

    @property
    def late_purchases(self) -> list[str]:
        """A replacement bought so late that it serves under half its life in the study:
        when, its present value and that of the residual value it leaves."""
        return self.late_purchases_in("en")

    def late_purchases_in(self, lang: str = "en") -> list[str]:
        """:attr:`late_purchases` in ``lang`` ("en" or "sv")."""
        from lcc._i18n import money as fmt_money
        from lcc._i18n import ntr
        from lcc.engine._terms import ChainTerm
        from lcc.results._trace import item_ref

        out = []
        cur = self.currency
        q = float(np.mean(self._quantity))
        for term, _ in self._per_term:
            late = term.late_purchase(self._ctx) if isinstance(term, ChainTerm) else None
            if late is None:
                continue
            t, purchase, residual = late
            left = self.study.years - t
            out.append(ntr(
                "{name}: {item} is bought again at t = {t}, {left} year before the end of the "
                "study (present value {pv}); its residual value at t = {n} credits back "
                "{residual} (present value)",
                "{name}: {item} is bought again at t = {t}, {left} years before the end of the "
                "study (present value {pv}); its residual value at t = {n} credits back "
                "{residual} (present value)", left, lang, name=self.name,
                item=item_ref(term.item, lang),
                t=_dec(f"{t:.4g}", lang), left=_dec(f"{left:.4g}", lang),
                n=self.study.years,
                pv=fmt_money(purchase * q, cur, lang, 2),
                residual=fmt_money(-residual * q, cur, lang, 2)))
        return out

    def explain(self, lang: str = "en") -> str:
        """A plain-text calculation trace to attach to an award decision (``lang`` en or sv).

        Lists the library version and method with sources, the study's
        assumptions, the parameters, each item with its timing, formula,
        factors and present value, the emissions, the totals by category and
        any warnings.
        """
        return trace(self._compiled, self._ctx, self._per_term, self._in_lcc, self._total,
                     self._quantity, lang, self.late_purchases_in(lang))

    # -- serialisation ----------------------------------------------------------------
    def to_dict(self, *, cash_flows: bool = True) -> dict[str, Any]:
        """A JSON-safe document of the result (amounts as ``{"value", "unit"}``).

        Shape::

            {"type": "lcc.LCCResult", "lcc_version": "…", "alternative": "LED",
             "currency": "SEK", "samples": null | n,
             "lcc": {"value": …, "unit": "SEK"},          # with samples: mean, std,
             "annual_value": {"value": …, "unit": "SEK/yr"},   # p5, p50, p95 too
             "by_category": {"energy": {"value": …, "unit": "SEK"}, …},
             "externalities": {"value": …, "unit": "SEK"},
             "emissions": {"CO2e": {"value": …, "unit": "kg"}, …},
             "study": {"period": {"value": 20, "unit": "yr"}, "discount_rate": 0.035,
                       "timing": "end", "nominal": false, "base_year": null},
             "cash_flows": [{"year": 0, "nominal": {"energy": …, "total": …},
                             "present_value": {…}}, …],   # unit: currency
             "warnings": ["…"]}

        Every float is finite or null with a ``reason``. With samples, figures
        are means over the samples (``lcc`` also gives std and percentiles).

        Parameters
        ----------
        cash_flows : bool
            Include the yearly cash flows (default True).
        """
        from lcc.results._serialize import amount, header, number

        cur = self.currency
        doc = header("lcc.LCCResult")
        doc.update({"alternative": self.name, "currency": cur, "samples": self.samples})
        total = np.asarray(self._total, dtype=float)
        annual = np.asarray(self.annual_value.magnitude, dtype=float)
        if self.samples:
            p5, p50, p95 = np.percentile(total, [5, 50, 95])
            doc["lcc"] = {"value": number(total.mean()), "unit": cur,
                          "std": number(total.std(ddof=1) if total.size > 1 else 0.0),
                          "p5": number(p5), "p50": number(p50), "p95": number(p95)}
        else:
            doc["lcc"] = amount(total, cur)
        doc["annual_value"] = amount(annual.mean(), f"{cur}/yr")
        doc["by_category"] = {k: amount(np.mean(v), cur) for k, v in self._in_lcc.items()}
        doc["externalities"] = amount(np.mean(self._all.get("externality", 0.0)), cur)
        doc["emissions"] = {p: amount(v, "kg") for p, v in self.emissions.items()}
        study = self.study
        doc["study"] = {"period": {"value": study.years, "unit": "yr"},
                        "discount_rate": number(np.mean(np.asarray(self._ctx.rate))),
                        "timing": study.timing, "nominal": study.nominal,
                        "base_year": study.base_year,
                        "include_externalities": study.include_externalities}
        if cash_flows:
            flows = self.cash_flows
            rows = []
            for year in flows.index:
                row: dict[str, Any] = {"year": int(year)}
                for kind in ("nominal", "present_value"):
                    part = flows[kind].loc[year]
                    row[kind] = {str(c): number(v) for c, v in part.items()}
                rows.append(row)
            doc["cash_flows"] = {"unit": cur, "rows": rows}
        doc["warnings"] = self.warnings
        return doc

    def to_json(self, *, indent: int | None = 2, cash_flows: bool = True) -> str:
        """:meth:`to_dict` as JSON text (UTF-8, no NaN)."""
        from lcc.results._serialize import dumps

        return dumps(self.to_dict(cash_flows=cash_flows), indent=indent)

    def plot(self, kind: str = "breakdown", **kwargs: Any) -> Any:
        """Draw the result with :mod:`lcc.plot` (``kind`` "breakdown" or "cumulative").

        Needs the ``plot`` extra (matplotlib); returns the matplotlib Axes.
        """
        return _plot(self, kind, ("breakdown", "cumulative"), **kwargs)

    def __repr__(self) -> str:
        if self.samples:
            return (f"<LCCResult {self.name!r}: {self.samples} samples, mean "
                    f"{money(self._total, self.currency)}>")
        return f"<LCCResult {self.name!r}: {money(self._total, self.currency)}>"

    def _repr_html_(self) -> str:
        cur = html_text(self.currency)
        title = f"<strong>LCC of {html_text(self.name)}</strong>"
        if self.samples:
            table = self.by_category.to_html(float_format=lambda x: f"{x:,.2f}")
            head = f"{title}: {self.samples} samples, mean {money(self._total, cur)}"
        else:
            series = self.by_category
            assert isinstance(series, pd.Series)
            frame = series.to_frame(f"present value [{cur}]")
            frame.loc["LCC"] = float(self._total)
            table = frame.to_html(float_format=lambda x: f"{x:,.2f}")
            head = f"{title}: {money(self._total, cur)}"
        warn = "".join(f"<li>{html_text(w)}</li>" for w in self.warnings)
        warn_html = f"<p>Warnings:</p><ul>{warn}</ul>" if warn else ""
        return f"<div>{head}{table}{warn_html}</div>"


def _dec(text: str, lang: str) -> str:
    """A decimal number as the reader writes it (decimal comma in Swedish)."""
    return text.replace(".", ",") if lang == "sv" else text


def _check_finite(per_term: list[tuple[Any, dict[str, Any]]], name: str) -> None:
    """Refuse a result that overflowed: never a silently wrong number."""
    from lcc._errors import LCCError, Msg

    for term, values in per_term:
        for cat, v in values.items():
            if not np.all(np.isfinite(v)):
                shown = v if np.ndim(v) == 0 else "not finite in some samples"
                raise LCCError(
                    Msg("{item}: its present value ({cat}) is {shown}: an amount, a quantity or "
                        "a rate is so large that the sum overflows; check the values of this "
                        "item in alternative {alternative!r}", item=term.item, cat=cat,
                        shown=shown, alternative=name), field="Alternative.items",
                    code="invalid-value"
                )


def _plot(obj: Any, kind: str, kinds: tuple[str, ...], **kwargs: Any) -> Any:
    """Dispatch a ``.plot()`` shortcut to :mod:`lcc.plot` (imported only when used)."""
    import importlib

    from lcc._errors import LCCError, Msg

    if kind not in kinds:
        raise LCCError(Msg("{name}: kind={kind!r}, expected one of {kinds}", name='plot',
                           kind=kind, kinds=', '.join(kinds)),
                       field=f"{type(obj).__name__}.plot.kind", code="invalid-value")
    plot = importlib.import_module("lcc.plot")
    return getattr(plot, kind)(obj, **kwargs)


def evaluate(alternative: Alternative, study: Study, *,
             overrides: dict[str, Any] | None = None) -> LCCResult:
    """Evaluate the life-cycle cost of one alternative.

    Parameters
    ----------
    alternative : Alternative
    study : Study
    overrides : dict, optional
        Values for Parameters by name (and ``"discount_rate"``). One value is
        read as a tornado range or a scenario reads it: a text or a quantity
        with a unit in any unit that converts (``"75 öre/kWh"``); a rate as a
        fraction or a percentage written as text, whatever its parameter's unit
        (``0.05`` or ``"5 %"``; a bare 5 would be 500 % and is refused);
        another value in percent as a fraction (0.5 is 50 %); any other number
        in the parameter's own unit. A 1-D array of samples is in the
        parameter's own unit, as Monte Carlo draws them
        (``MonteCarloResult.inputs``).

    Returns
    -------
    LCCResult

    Examples
    --------
    >>> import lcc
    >>> study = lcc.Study("20 yr", 0.06)
    >>> alt = lcc.Alternative("LED", lcc.Recurring("-6500 SEK/yr", category="energy"),
    ...                       lcc.Investment("50000 SEK"))
    >>> round(float(lcc.evaluate(alt, study).value), 2)
    -24554.49
    """
    compiled = compile_alternative(alternative, study)
    if not overrides:
        return LCCResult(compiled, *base_values(compiled))
    return LCCResult(compiled, context_for(compiled, read_overrides(compiled, overrides)))
