"""Evaluate compiled alternatives: closed-form PVs, per-year flows, emissions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from lcc._errors import LCCError, Msg, suggest
from lcc.engine._compile import Compiled
from lcc.engine._context import Context, make_context
from lcc.engine._terms import Term
from lcc.model._alternative import check_parameters
from lcc.model._items import CATEGORIES


def _samples_of(compiled: Compiled | Sequence[Compiled],
                overrides: dict[str, Any] | None) -> int | None:
    many = [compiled] if isinstance(compiled, Compiled) else list(compiled)
    sizes = {c.samples for c in many}
    for name, value in (overrides or {}).items():
        if np.ndim(value) > 1:
            raise LCCError(Msg("override {param!r}: samples must be a one-dimensional array",
                               param=name), field=f"overrides.{name}", code="wrong-type")
        if np.ndim(value):
            sizes.add(int(np.size(value)))
    sizes.discard(None)
    if len(sizes) > 1:
        raise LCCError(Msg("sample arrays of different lengths: {s}",
                           s=sorted(s for s in sizes if s)), field="overrides",
                       code="invalid-value")
    return next(iter(sizes)) if sizes else None


def check_overrides(compiled: Compiled, overrides: dict[str, Any] | None) -> dict[str, Any]:
    """Validate override names and values (numbers or 1-D arrays)."""
    return _check_overrides(compiled.parameters, overrides)


def _check_overrides(parameters: Mapping[str, Any],
                     overrides: dict[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in (overrides or {}).items():
        if name != "discount_rate" and name not in parameters:
            known = ", ".join(sorted({"discount_rate", *parameters})) or "none"
            raise LCCError(Msg("unknown parameter {param!r}{suggest}; known parameters: {known}",
                               param=name, known=known, suggest=suggest(
                                   str(name), ["discount_rate", *parameters])),
                           field=f"overrides.{name}", code="unknown-parameter")
        arr = np.asarray(value, dtype=float)
        if not np.all(np.isfinite(arr)):
            raise LCCError(Msg("override {param!r}: values must be finite", param=name),
                           field=f"overrides.{name}", code="invalid-value")
        out[name] = arr if arr.ndim else float(arr)
    return out


def context_for(compiled: Compiled, overrides: dict[str, Any] | None = None) -> Context:
    """The evaluation context of a compiled alternative under overrides."""
    ov = check_overrides(compiled, overrides)
    return make_context(compiled.study, ov, _samples_of(compiled, ov))


def term_values(compiled: Compiled, ctx: Context) -> list[tuple[Term, dict[str, Any]]]:
    """Present value by category of each term (before quantity)."""
    return [(term, term.pv(ctx)) for term in compiled.terms]


def base_values(compiled: Compiled) -> tuple[Context, list[tuple[Term, dict[str, Any]]]]:
    """The context and present values per term of ``compiled`` without overrides.

    Computed once per compilation and kept on it when there are no samples (every value is
    then a float): reading a tender file checks these values for overflow, and the
    comparison that follows uses the same ones instead of evaluating again.
    """
    if compiled.base is not None:
        return compiled.base
    ctx = context_for(compiled)
    out = (ctx, term_values(compiled, ctx))
    if compiled.samples is None and not ctx.samples:
        compiled.base = out
    return out


def category_totals(per_term: list[tuple[Term, dict[str, Any]]],
                    quantity: Any) -> dict[str, Any]:
    """Sum per category over terms, times the quantity; in CATEGORIES order."""
    sums: dict[str, Any] = {}
    for _, values in per_term:
        for cat, v in values.items():
            sums[cat] = v if cat not in sums else sums[cat] + v
    if np.ndim(quantity) == 0 and quantity == 1.0:
        return {cat: sums[cat] for cat in CATEGORIES if cat in sums}
    return {cat: sums[cat] * quantity for cat in CATEGORIES if cat in sums}


def yearly(compiled: Compiled, ctx: Context, quantity: Any) -> tuple[dict[str, Any],
                                                                      dict[str, Any]]:
    """Nominal and present value per study year (0..N) and category.

    A flow at time t goes into year ⌈t⌉ (docs: Concepts › Time). Arrays have shape
    (N+1,) or (S, N+1).
    """
    n = ctx.years
    shape = (n + 1,) if ctx.samples is None else (ctx.samples, n + 1)
    nominal: dict[str, np.ndarray] = {}
    present: dict[str, np.ndarray] = {}
    rows = None if ctx.samples is None else np.arange(ctx.samples)
    for term in compiled.terms:
        for cat in term.pv(ctx):
            nominal.setdefault(cat, np.zeros(shape))
            present.setdefault(cat, np.zeros(shape))
        for cat, t, amount in term.events(ctx):
            nom = nominal.setdefault(cat, np.zeros(shape))
            pv = present.setdefault(cat, np.zeros(shape))
            value = np.asarray(amount, dtype=float) * quantity
            disc = value * ctx.df(t)
            year = np.clip(np.ceil(np.asarray(t, dtype=float) - 1e-9), 0, n).astype(int)
            if rows is None:
                nom[int(year)] += float(value)
                pv[int(year)] += float(disc)
            else:
                value = np.broadcast_to(value, (ctx.samples,))  # type: ignore[arg-type]
                disc = np.broadcast_to(disc, (ctx.samples,))  # type: ignore[arg-type]
                cols = np.broadcast_to(year, (ctx.samples,))  # type: ignore[arg-type]
                np.add.at(nom, (rows, cols), value)
                np.add.at(pv, (rows, cols), disc)
    order = [c for c in CATEGORIES if c in nominal]
    return {c: nominal[c] for c in order}, {c: present[c] for c in order}


def emissions_by_year(compiled: Compiled, ctx: Context, quantity: Any) -> dict[str, Any]:
    """Physical emissions per pollutant per study year [kg], times the quantity."""
    out: dict[str, Any] = {}
    q = np.asarray(quantity, dtype=float)
    for stream in compiled.streams:
        kg = stream.by_year(ctx) * q[..., None]
        out[stream.pollutant] = out.get(stream.pollutant, 0.0) + kg
    return out


def lcc_values(compiled: Compiled, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Fast path for sensitivity analysis: present value per category and ``"total"``.

    Values are floats or sample arrays in the study currency, times the
    alternative's quantity; the total leaves externalities out when the study
    does. No tables are built.
    """
    return _values(compiled, context_for(compiled, overrides))


def lcc_values_many(compiled: Sequence[Compiled],
                    overrides: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """:func:`lcc_values` of several alternatives under one study and one set of overrides.

    The alternatives share one evaluation context, so the factors they have in
    common — discount and escalation series, replacement chains with a shared
    service life, discount factors at fixed times — are computed once per call
    instead of once per alternative. The results are those of
    :func:`lcc_values` called alternative by alternative. ``overrides`` may
    name a Parameter of any of the alternatives (and ``"discount_rate"``).
    """
    many = list(compiled)
    if not many:
        return []
    study = many[0].study
    for c in many[1:]:
        if c.study is not study and c.study != study:
            raise LCCError(
                Msg("{name}: alternative {called!r} was compiled under another study than "
                    "{called2!r}; compile every alternative under the same study",
                    name='lcc_values_many', called=c.alternative.name,
                    called2=many[0].alternative.name),
                field="compiled", code="invalid-value")
    params = check_parameters([p for c in many for p in c.parameters.values()],
                              "lcc_values_many")
    ov = _check_overrides(params, overrides)
    ctx = make_context(study, ov, _samples_of(many, ov))
    return [_values(c, ctx) for c in many]


def _values(compiled: Compiled, ctx: Context) -> dict[str, Any]:
    q = ctx.value(compiled.quantity) if compiled.quantity is not None else 1.0
    cats = category_totals(term_values(compiled, ctx), q)
    include = compiled.study.include_externalities
    total: Any = 0.0
    summed: Any = None  # a sum of sample arrays this function owns (added to in place)
    for cat, v in cats.items():
        if cat == "externality" and not include:
            continue
        if np.ndim(v) == 0:
            total = total + v
        elif summed is None:
            summed = v + total
            total = 0.0
        else:
            summed += v
    if summed is not None:
        total = summed + total if total else summed
    if ctx.samples and np.ndim(total) == 0:
        total = np.full(ctx.samples, float(total))
    cats["total"] = total
    return cats
