"""Compiled terms: the flows of one item as plain numbers, with closed-form PVs.

Each term gives its present value by category in closed form
(:meth:`pv`) and, for the per-year tables, its flows one by one
(:meth:`events`). The two paths are independent and the tests check they
agree.

References
----------
NIST Handbook 135 (1995), §5 (present values of one-time and annually
recurring amounts, UPV*), §5.3 (residual values); the documentation's Concepts › Time (timing,
escalation by study year, replacements strictly before N, residual at the
price level of year N).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from lcc.discounting import geometric_sum as geometric
from lcc.engine._context import Context, Growth
from lcc.model._inputs import Num

_EPS = 1e-9

#: An event: (category, time t, nominal amount at t). t and amount may be arrays.
Event = tuple[str, Any, Any]


def growth_to(ctx: Context, growth: Growth, t: float) -> Any:
    """Price growth from t = 0 to one time t, e^(g(t)) (cached in the context)."""
    if t == 0.0:
        return 1.0
    return ctx.cached(("growth", growth.token(ctx), float(t)),
                      lambda: np.exp(growth.log_at(ctx, t)))


def once_factor(ctx: Context, growth: Growth, t: float) -> Any:
    """Growth × discount of a one-off at time t, e^(g(t) − λ·t) (cached in the context)."""
    if t == 0.0:
        return 1.0
    return ctx.cached(("once", growth.token(ctx), float(t)),
                      lambda: np.exp(growth.log_at(ctx, t) - ctx.lam * t))


@dataclass(frozen=True)
class Term:
    """Base: one item's contribution. ``nums`` × ``const`` is the base amount."""

    item: str
    nums: tuple[Num, ...]
    const: float
    growth: Growth

    def amount(self, ctx: Context) -> Any:
        return ctx.product(self.nums, self.const)

    def pv(self, ctx: Context) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def events(self, ctx: Context) -> Iterator[Event]:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass(frozen=True)
class AnnualTerm(Term):
    """An amount for each study year k0..k1, placed at t = k − offset.

    The amount of year k is A · profile[k] · Π_{j≤k}(1 + e_j), times
    (1 + i)^t in a nominal study for an indexed item.
    """

    category: str
    k0: int
    k1: int
    profile: np.ndarray | None
    sign: float = 1.0

    def factor(self, ctx: Context) -> Any:
        """Σ_k profile_k · c_k · df(t_k) — the UPV* of this term (cached in the context)."""
        key = ("annual", self.growth.token(ctx), self.k0, self.k1,
               None if self.profile is None else id(self.profile))
        return ctx.cached(key, lambda: self._factor(ctx))

    def _factor(self, ctx: Context) -> Any:
        g = self.growth.rate_log(ctx)
        gi = self.growth.infl(ctx)
        if g is not None and self.profile is None:
            lq = g + gi - ctx.lam if gi else g - ctx.lam
            n = self.k1 - self.k0 + 1
            # Σ_{k=k0..k1} e^{k·lq} · e^{offset·(λ − gi)}
            total = geometric(lq, n)
            if self.k0 != 1:
                total = total * np.exp((self.k0 - 1) * lq)
            if ctx.offset:
                total = total * np.exp(ctx.offset * (ctx.lam - gi))
            return total
        k = np.arange(self.k0, self.k1 + 1, dtype=float)
        t = k - ctx.offset
        log_e = self.growth.log_year(ctx, k) if g is None else np.asarray(g)[..., None] * k
        lam = np.asarray(ctx.lam)[..., None]
        terms = np.exp(log_e + gi * t - lam * t)
        if self.profile is not None:
            terms = terms * self.profile[self.k0:self.k1 + 1]
        out = terms.sum(axis=-1)
        return float(out) if np.ndim(out) == 0 else out

    def pv(self, ctx: Context) -> dict[str, Any]:
        a = self.amount(ctx)
        if self.sign != 1.0:
            a = self.sign * a
        return {self.category: a * self.factor(ctx)}

    def events(self, ctx: Context) -> Iterator[Event]:
        a = self.sign * self.amount(ctx)
        g = self.growth.rate_log(ctx)
        gi = self.growth.infl(ctx)
        for k in range(self.k0, self.k1 + 1):
            t = k - ctx.offset
            log_e = g * k if g is not None else self.growth.log_year(ctx, k)
            value = a * np.exp(log_e + gi * t)
            if self.profile is not None:
                value = value * self.profile[k]
            yield self.category, t, value


@dataclass(frozen=True)
class OnceTerm(Term):
    """A one-off amount at time t (escalated to t)."""

    category: str
    t: float
    sign: float = 1.0

    def pv(self, ctx: Context) -> dict[str, Any]:
        a = self.amount(ctx)
        if self.sign != 1.0:
            a = self.sign * a
        return {self.category: a * once_factor(ctx, self.growth, self.t)}

    def events(self, ctx: Context) -> Iterator[Event]:
        lg = self.growth.log_at(ctx, self.t)
        yield self.category, self.t, self.sign * self.amount(ctx) * np.exp(lg)


@dataclass(frozen=True)
class SeriesTerm(Term):
    """A one-off amount at first, first + P, … up to last (Periodic)."""

    category: str
    every: Num
    first: float
    last: float

    def count(self, ctx: Context) -> Any:
        p = ctx.value(self.every)
        return np.floor((self.last - self.first) / p + _EPS) + 1

    def factor(self, ctx: Context) -> Any:
        """Σ over occurrences of growth × discount (cached in the context)."""
        key = ("series", self.growth.token(ctx), ctx.token(self.every), self.first, self.last)
        return ctx.cached(key, lambda: self._factor(ctx))

    def _factor(self, ctx: Context) -> Any:
        p = ctx.value(self.every)
        count = self.count(ctx)
        g = self.growth.rate_log(ctx)
        if g is not None:
            lq = g + self.growth.infl(ctx) - ctx.lam
            # Σ_{j=0..J−1} e^{(F + jP)·lq} = e^{F·lq}·(1 + Σ_{j=1..J−1} e^{j·P·lq})
            return np.exp(self.first * lq) * (1.0 + geometric(p * lq, count - 1))
        total: Any = 0.0
        for j in range(int(np.max(count))):
            t = self.first + j * p
            term = np.exp(self.growth.log_at(ctx, t) - ctx.lam * t)
            total = total + np.where(j < count, term, 0.0)
        return total

    def pv(self, ctx: Context) -> dict[str, Any]:
        return {self.category: self.amount(ctx) * self.factor(ctx)}

    def events(self, ctx: Context) -> Iterator[Event]:
        p = ctx.value(self.every)
        count = self.count(ctx)
        a = self.amount(ctx)
        for j in range(int(np.max(count))):
            t = self.first + j * p
            yield self.category, t, np.where(j < count, a * np.exp(self.growth.log_at(ctx, t)),
                                             0.0)


@dataclass(frozen=True)
class ChainTerm(Term):
    """An installation with a service life: purchase, replacements, disposal, residual.

    Installed at t = a (``initial``: the purchase itself is in this term,
    category acquisition), replaced at a + mL for m = 1..M, M = ⌈(N − a)/L⌉ − 1
    (strictly before N); ``disposal`` paid at each replacement; the last
    installation, in service at N, leaves the residual value
    (mode linear: cost at year-N prices × remaining life / L; fraction: × f;
    amount: a stated amount at base-year prices escalated to N). Without
    ``initial`` (a :class:`~lcc.Replacement`: the first unit is bought by another
    item) only a unit this term bought leaves one: with M = 0 there is none (the
    final value of the last replacement, EN 15459-1 §6; the first unit's value is
    in its own item's residual value).
    """

    life: Num
    start: float
    years: int
    initial: bool
    residual_mode: str
    residual: Num | None
    residual_const: float
    disposal: tuple[Num, ...] | None
    disposal_const: float

    def replacements(self, ctx: Context) -> Any:
        """M = max(⌈(N − a)/L⌉ − 1, 0) (cached in the context)."""
        key = ("count", ctx.token(self.life), self.start, self.years)
        return ctx.cached(key, lambda: self._replacements(ctx))

    def _replacements(self, ctx: Context) -> Any:
        life = ctx.value(self.life)
        m = np.ceil((self.years - self.start) / life - _EPS) - 1
        return np.maximum(m, 0.0)

    def _replacement_factor(self, ctx: Context, count: Any) -> Any:
        key = ("chain", self.growth.token(ctx), ctx.token(self.life), self.start, self.years)
        return ctx.cached(key, lambda: self._chain_factor(ctx, count))

    def _chain_factor(self, ctx: Context, count: Any) -> Any:
        life = ctx.value(self.life)
        g = self.growth.rate_log(ctx)
        if g is not None:
            lq = g + self.growth.infl(ctx) - ctx.lam
            return np.exp(self.start * lq) * geometric(life * lq, count)
        total: Any = 0.0
        for m in range(1, int(np.max(count)) + 1):
            t = self.start + m * life
            term = np.exp(self.growth.log_at(ctx, t) - ctx.lam * t)
            total = total + np.where(m <= count, term, 0.0)
        return total

    def residual_value(self, ctx: Context, count: Any) -> Any:
        """Residual value at t = N in year-N prices (before discounting), or 0."""
        value = self.residual_if_bought(ctx, count)
        if self.initial or self.residual_mode == "none":
            return value
        if np.ndim(count) == 0:
            return value if count >= 1 else 0.0 * value
        return np.where(np.asarray(count) >= 1, value, 0.0)

    def residual_if_bought(self, ctx: Context, count: Any) -> Any:
        """The residual value of the last unit as if this term bought it (M ≥ 1 or
        ``initial``)."""
        if self.residual_mode == "none":
            return 0.0
        n = self.years
        at_n = growth_to(ctx, self.growth, float(n))
        if self.residual_mode == "amount":
            assert self.residual is not None
            return ctx.value(self.residual) * self.residual_const * at_n
        cost = self.amount(ctx) * at_n
        if self.residual_mode == "fraction":
            assert self.residual is not None
            return cost * ctx.value(self.residual)
        key = ("remaining", ctx.token(self.life), self.start, self.years)
        return cost * ctx.cached(key, lambda: self._remaining_share(ctx, count))

    def _remaining_share(self, ctx: Context, count: Any) -> Any:
        """Share of the last installation's life left at t = N: clip(a + (M+1)L − N, 0, L)/L."""
        life = ctx.value(self.life)
        last = self.start + count * life
        return np.clip(last + life - self.years, 0.0, life) / life

    def pv(self, ctx: Context) -> dict[str, Any]:
        count = self.replacements(ctx)
        a = self.amount(ctx)
        out: dict[str, Any] = {}
        if self.initial:
            out["acquisition"] = a * once_factor(ctx, self.growth, self.start)
        rf = self._replacement_factor(ctx, count)
        out["replacement"] = a * rf
        if self.disposal is not None:
            out["end_of_life"] = ctx.product(self.disposal, self.disposal_const) * rf
        if self.residual_mode != "none":
            out["residual"] = -self.residual_value(ctx, count) * ctx.df_at(float(self.years))
        return out

    def late_purchase(self, ctx: Context) -> tuple[float, float, float] | None:
        """The last replacement, if the unit bought serves under half its life in the study.

        Returns (t, PV of the purchase, PV of its residual value at N), for a single
        evaluation (no samples); None otherwise. A life of 24.39 years in a 25-year
        study buys a unit at t = 24.39 and credits most of it back as residual value.
        """
        count = self.replacements(ctx)
        life = ctx.value(self.life)
        if np.ndim(count) or np.ndim(life) or count < 1:
            return None
        t = self.start + float(count) * float(life)
        if self.years - t >= float(life) / 2:
            return None
        purchase = self.amount(ctx) * np.exp(self.growth.log_at(ctx, t) - ctx.lam * t)
        residual = 0.0
        if self.residual_mode != "none":
            residual = -self.residual_value(ctx, count) * ctx.df_at(float(self.years))
        if np.ndim(purchase) or np.ndim(residual):
            return None
        return t, float(purchase), float(residual)

    def events(self, ctx: Context) -> Iterator[Event]:
        count = self.replacements(ctx)
        life = ctx.value(self.life)
        a = self.amount(ctx)
        if self.initial:
            yield "acquisition", self.start, a * np.exp(self.growth.log_at(ctx, self.start))
        disp = None if self.disposal is None else ctx.product(self.disposal, self.disposal_const)
        for m in range(1, int(np.max(count)) + 1):
            t = self.start + m * life
            grow = np.exp(self.growth.log_at(ctx, t))
            mask = m <= count
            yield "replacement", t, np.where(mask, a * grow, 0.0)
            if disp is not None:
                yield "end_of_life", t, np.where(mask, disp * grow, 0.0)
        if self.residual_mode != "none":
            yield "residual", float(self.years), -self.residual_value(ctx, count)


@dataclass(frozen=True)
class EmissionStream:
    """Physical emissions: mass per year for study years k0..k1 (kg)."""

    item: str
    pollutant: str
    nums: tuple[Num, ...]
    const: float
    k0: int
    k1: int
    profile: np.ndarray | None

    def by_year(self, ctx: Context) -> Any:
        """kg in each study year 0..N; shape (N+1,) or (S, N+1)."""
        a = np.asarray(ctx.product(self.nums, self.const), dtype=float)
        row = np.zeros(ctx.years + 1)
        row[self.k0:self.k1 + 1] = 1.0
        if self.profile is not None:
            row = row * self.profile
        return a[..., None] * row
