"""The evaluation context: discounting and growth as log-rates on plain arrays.

Every present value in the engine is a sum of terms amount × exp(g(t) − λ·t):
λ is the discount log-rate (ln(1 + d) for discrete timings, d itself for
continuous discounting: :meth:`lcc.discounting.TimingRule.log_rate`), g(t)
the log of the price growth to time t (item escalation by study year plus, in
a nominal study, general inflation). Where an annual amount sits in its year
comes from the same :data:`lcc.discounting.TIMING_TABLE` that
:func:`lcc.discounting.upv` reads. Closed forms sum these geometric series
exactly with :func:`lcc.discounting.geometric_sum`; the per-year path adds
them up flow by flow (used for ``cash_flows`` and as a cross-check).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from lcc._errors import LCCError, Msg
from lcc.discounting import timing_rule
from lcc.model._inputs import Esc, Num


@dataclass
class Context:
    """Evaluation-time values for one study and one set of overrides.

    ``memo`` caches factors that depend only on the context and on inputs
    identified by :meth:`token` (discount and escalation series, replacement
    chains), so terms and alternatives that share them compute them once. A
    context lives for one evaluation; its overrides do not change.
    """

    years: int
    timing: str
    offset: float
    continuous: bool
    rate: Any
    lam: Any
    infl: float
    samples: int | None
    overrides: dict[str, Any] = field(default_factory=dict)
    memo: dict[Hashable, Any] = field(default_factory=dict, repr=False)

    def value(self, num: Num) -> Any:
        """A Num's value, replaced by an override when its Parameter is overridden.

        A product of inputs (``num.factors``) is recomputed from its factors when
        any of them is overridden: scale × Π g(factor), g = x, 1 − x or 1/x.
        """
        if num.factors is not None:
            if not self.overrides or not any(f.param in self.overrides
                                             for f in num.factors):
                return num.value
            return self.cached(("product", id(num)), lambda: self._product_value(num))
        name = num.param
        if name is not None and name in self.overrides:
            if num.scale == 1.0:
                return self.overrides[name]
            return self.cached(("value", name, num.scale),
                               lambda: self.overrides[name] * num.scale)
        return num.value

    def _product_value(self, num: Num) -> Any:
        out: Any = num.scale
        for f in num.factors or ():
            v = self.value(f)
            if f.transform == "one_minus":
                v = 1.0 - v
            elif f.transform == "reciprocal":
                v = 1.0 / v
            out = out * v
        return out

    def token(self, num: Num) -> Hashable:
        """What identifies a Num's value within this context (a key for ``memo``).

        An overridden Parameter is its name and unit scale; otherwise a
        number is itself and a sample array its identity (the array belongs to
        the compiled model, which outlives the context).
        """
        if num.param is not None and num.param in self.overrides:
            return ("p", num.param, num.scale)
        if num.factors is not None and any(f.param in self.overrides for f in num.factors):
            return ("product", id(num))
        v = num.value
        return ("a", id(v)) if isinstance(v, np.ndarray) else ("v", float(v))

    def cached(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """``memo[key]``, computed by ``compute()`` on first use."""
        try:
            return self.memo[key]
        except KeyError:
            value = self.memo[key] = compute()
            return value

    def product(self, nums: tuple[Num, ...], const: float) -> Any:
        """const × Π values of nums (single values multiplied first, then sample arrays)."""
        out: Any = const
        arrays = None
        for n in nums:
            v = self.value(n)
            if isinstance(v, np.ndarray) and v.ndim:
                if arrays is None:
                    arrays = [v]
                else:
                    arrays.append(v)
            else:
                out = out * v
        if arrays is not None:
            for v in arrays:
                out = out * v
        return out

    def df(self, t: Any) -> Any:
        """Discount factor at time t: exp(−λ·t)."""
        return np.exp(-self.lam * t)

    def df_at(self, t: float) -> Any:
        """Discount factor at one time t, cached: exp(−λ·t)."""
        if t == 0.0:
            return 1.0
        return self.cached(("df", float(t)), lambda: np.exp(-self.lam * t))


def make_context(study: Any, overrides: dict[str, Any] | None, samples: int | None) -> Context:
    """Build the context from a Study and overrides (name → value in the parameter's unit)."""
    ov = dict(overrides or {})
    rate_num: Num = study.rate
    if "discount_rate" in ov:  # in the unit of the rate's Parameter ("4" for 4 %)
        d = np.multiply(ov["discount_rate"], rate_num.scale)
    elif rate_num.param is not None and rate_num.param in ov:
        d = np.multiply(ov[rate_num.param], rate_num.scale)
    else:
        d = rate_num.value
    scalar = isinstance(d, (float, int)) or not np.ndim(d)
    d = float(d) if scalar else np.asarray(d, dtype=float)
    infl = 0.0
    if study._inflation is not None:
        i_num = study._inflation
        i = np.multiply(ov[i_num.param], i_num.scale) if i_num.param in ov else i_num.value
        if np.ndim(i):
            raise LCCError(Msg("{name}: samples of the inflation rate are not supported",
                               name='inflation'), field="Study.inflation", code="invalid-value")
        infl = float(np.log1p(i))
    rule = timing_rule(study.timing)
    if not rule.continuous and (d <= -1 if scalar else np.any(d <= -1)):
        raise LCCError(Msg("{name}: got {d!r}; a rate must be greater than -1",
                           name='discount_rate', d=d), field="Study.discount_rate",
                       code="invalid-value")
    return Context(study.years, study.timing, rule.offset, rule.continuous, d,
                   rule.log_rate(d), infl, samples, ov)


@dataclass(frozen=True)
class Growth:
    """Price growth of one item: constant escalation (maybe samples) or a per-year path.

    ``log_c`` holds, for a path, the cumulative log growth at study years
    0..K (log_c[0] = 0); ``step`` the log growth within each year (to
    interpolate fractional times).
    """

    esc: Esc
    indexed: bool
    log_c: np.ndarray | None = None
    step: np.ndarray | None = None

    def token(self, ctx: Context) -> Hashable:
        """What identifies this growth within a context (a key for ``ctx.memo``)."""
        if self.esc.sequence is not None:
            return ("path", id(self), self.indexed)
        assert self.esc.rate is not None
        return ("rate", ctx.token(self.esc.rate), self.indexed)

    def rate_log(self, ctx: Context) -> Any:
        """ln(1 + e) for a constant escalation (None for a path)."""
        if self.esc.sequence is not None:
            return None
        assert self.esc.rate is not None
        rate = self.esc.rate
        return ctx.cached(("log1p", ctx.token(rate)), lambda: _log1p_rate(ctx.value(rate)))

    def infl(self, ctx: Context) -> float:
        """ln(1 + i) if the item follows inflation in this study, else 0."""
        return ctx.infl if self.indexed else 0.0

    def log_at(self, ctx: Context, t: Any) -> Any:
        """Log growth from t = 0 to time t (t may be fractional or an array)."""
        g = self.rate_log(ctx)
        if g is not None:
            esc_part = g * t
        else:
            assert self.log_c is not None and self.step is not None
            tt = np.asarray(t, dtype=float)
            # a sampled life's events past the path (t > N) are masked by the caller; each
            # sample's own events inside the study are read exactly
            lo = np.minimum(np.floor(tt).astype(int), self.log_c.size - 1)
            frac = tt - lo
            hi = np.minimum(lo + 1, self.step.size - 1)
            esc_part = self.log_c[lo] + frac * self.step[hi]
            if esc_part.ndim == 0:
                esc_part = float(esc_part)
        return esc_part + self.infl(ctx) * t

    def log_year(self, ctx: Context, k: Any) -> Any:
        """Log escalation of the amount of year k (by study year; no inflation)."""
        g = self.rate_log(ctx)
        if g is not None:
            return g * k
        assert self.log_c is not None
        return self.log_c[np.asarray(k, dtype=int)]


def _log1p_rate(e: Any) -> Any:
    if isinstance(e, float):
        if e <= -1:
            raise LCCError(Msg("{name}: got {e!r}; a rate must be greater than -1",
                               name='escalation', e=e), field="escalation", code="invalid-value")
        return np.log1p(e)
    if np.any(np.asarray(e) <= -1):
        raise LCCError(Msg("{name}: got {e!r}; a rate must be greater than -1",
                           name='escalation', e=e), field="escalation", code="invalid-value")
    return np.log1p(e)
