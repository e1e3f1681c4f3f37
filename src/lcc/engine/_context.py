"""The evaluation context: discounting and growth as log-rates on plain arrays.

Every present value in the engine is a sum of terms amount × exp(g(t) − λ·t):
λ is the discount log-rate (ln(1 + d) for discrete timings, d itself for
continuous discounting), g(t) the log of the price growth to time t (item
escalation by study year plus, in a nominal study, general inflation).
Closed forms sum these geometric series exactly; the per-year path adds
them up flow by flow (used for ``cash_flows`` and as a cross-check).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from lcc._errors import LCCError
from lcc.model._inputs import Esc, Num


@dataclass
class Context:
    """Evaluation-time values for one study and one set of overrides."""

    years: int
    timing: str
    offset: float
    continuous: bool
    rate: Any
    lam: Any
    infl: float
    samples: int | None
    overrides: dict[str, Any] = field(default_factory=dict)

    def value(self, num: Num) -> Any:
        """A Num's value, replaced by an override when its Parameter is overridden."""
        if num.param is not None and num.param in self.overrides:
            return self.overrides[num.param] * num.scale
        return num.value

    def product(self, nums: tuple[Num, ...], const: float) -> Any:
        """const × Π values of nums."""
        out: Any = const
        for n in nums:
            out = out * self.value(n)
        return out

    def df(self, t: Any) -> Any:
        """Discount factor at time t: exp(−λ·t)."""
        return np.exp(-self.lam * t)


def make_context(study: Any, overrides: dict[str, Any] | None, samples: int | None) -> Context:
    """Build the context from a Study and overrides (name → value in the parameter's unit)."""
    ov = dict(overrides or {})
    rate_num: Num = study.rate
    if "discount_rate" in ov:
        d = ov["discount_rate"]
    elif rate_num.param is not None and rate_num.param in ov:
        d = ov[rate_num.param]
    else:
        d = rate_num.value
    d = np.asarray(d, dtype=float) if np.ndim(d) else float(d)
    infl = 0.0
    if study._inflation is not None:
        i_num = study._inflation
        i = ov.get(i_num.param, i_num.value) if i_num.param else i_num.value
        if np.ndim(i):
            raise LCCError("inflation: samples of the inflation rate are not supported")
        infl = float(np.log1p(i))
    continuous = study.timing == "continuous"
    if continuous:
        lam = d
    else:
        if np.any(np.asarray(d) <= -1):
            raise LCCError(f"discount_rate: got {d!r}; a rate must be greater than -1")
        lam = np.log1p(d)
    offset = {"end": 0.0, "middle": 0.5, "beginning": 1.0, "continuous": 0.0}[study.timing]
    return Context(study.years, study.timing, offset, continuous, d, lam, infl, samples, ov)


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

    def rate_log(self, ctx: Context) -> Any:
        """ln(1 + e) for a constant escalation (None for a path)."""
        if self.esc.sequence is not None:
            return None
        assert self.esc.rate is not None
        e = ctx.value(self.esc.rate)
        if np.any(np.asarray(e) <= -1):
            raise LCCError(f"escalation: got {e!r}; a rate must be greater than -1")
        return np.log1p(e)

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
            lo = np.floor(tt).astype(int)
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


def geometric(lq: Any, n: Any) -> Any:
    """Σ_{j=1..n} e^(j·lq), exact at lq = 0 (= n); n may be an array of counts."""
    lq_a = np.asarray(lq, dtype=float)
    n_a = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        s = np.exp(lq_a) * np.expm1(n_a * lq_a) / np.expm1(lq_a)
    out = np.where(lq_a == 0.0, n_a, np.where(n_a <= 0, 0.0, s))
    return float(out) if out.ndim == 0 else out
