"""Sensitivity and uncertainty analysis: tornado, break-even, scenarios, Monte Carlo, Sobol'.

Inputs are addressed by name: any :class:`lcc.Parameter` used by the
alternatives or the study (one name is one input, common to every
alternative that uses it), and ``"discount_rate"`` for the study's rate
(when ``Study.discount_rate`` is a Parameter, its name works too and its
``low``/``high``/``distribution`` are the defaults for ``"discount_rate"``).
Values are in each parameter's own unit. Every function evaluates through the
vectorised engine: many points or samples per call, never a Python loop
over samples.

One sign convention everywhere: a difference is the other alternative's LCC
minus the best one's, named in words (``"LED bid B minus LED bid A"``,
:func:`lcc.results.difference_label`); positive while the best stays best.

Functions
---------
tornado           one-at-a-time swings of each LCC and of the deciding difference
break_even        the value of one input at which two alternatives cost the same
switching_values  the same for every input with a range
scenarios         LCC and rank per named scenario (values or per-year paths)
monte_carlo       chunked, seeded Monte Carlo -> MonteCarloResult
sobol             first-order and total Sobol' indices with bootstrap intervals -> SobolResult

Distributions (in the input's own unit; scipy is imported only when sampling)
-------------
Triangular, PERT, Normal, Uniform; a Parameter with ``low``/``high`` and no
distribution is sampled from ``PERT(low, value, high)`` (:func:`default_distribution`).

Names are imported on first use, so ``import lcc.sensitivity`` does not load
scipy or pandas.
"""

from __future__ import annotations

import importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from lcc.sensitivity._breakeven import BreakEvenWarning, break_even, switching_values
    from lcc.sensitivity._deterministic import scenarios, tornado
    from lcc.sensitivity._distributions import (
        PERT,
        Normal,
        Triangular,
        Uniform,
        default_distribution,
    )
    from lcc.sensitivity._montecarlo import MonteCarloResult, monte_carlo
    from lcc.sensitivity._scenario import Scenario
    from lcc.sensitivity._sobol import sobol
    from lcc.sensitivity._tables import SobolResult, TornadoResult

_WHERE = {
    "BreakEvenWarning": "_breakeven", "break_even": "_breakeven",
    "switching_values": "_breakeven",
    "Scenario": "_scenario", "scenarios": "_deterministic", "tornado": "_deterministic",
    "PERT": "_distributions", "Normal": "_distributions", "Triangular": "_distributions",
    "Uniform": "_distributions", "default_distribution": "_distributions",
    "MonteCarloResult": "_montecarlo", "monte_carlo": "_montecarlo",
    "sobol": "_sobol",
    "SobolResult": "_tables", "TornadoResult": "_tables",
}

__all__ = [
    "PERT",
    "BreakEvenWarning",
    "MonteCarloResult",
    "Normal",
    "Scenario",
    "SobolResult",
    "TornadoResult",
    "Triangular",
    "Uniform",
    "break_even",
    "default_distribution",
    "monte_carlo",
    "scenarios",
    "sobol",
    "switching_values",
    "tornado",
]


def __getattr__(name: str) -> _typing.Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'lcc.sensitivity' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"lcc.sensitivity.{where}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
