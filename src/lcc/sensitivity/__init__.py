"""Sensitivity and uncertainty analysis: tornado, break-even, scenarios, Monte Carlo, Sobol'.

Inputs are addressed by name: any :class:`lcc.Parameter` used by the
alternatives or the study (one name is one input, common to every
alternative that uses it), and ``"discount_rate"`` for the study's rate
(when ``Study.discount_rate`` is a Parameter, its name works too and its
``low``/``high``/``distribution`` are the defaults for ``"discount_rate"``).
Values are in each parameter's own unit. Every function evaluates through the
vectorised engine: many points or samples per call, never a Python loop
over samples.

Functions
---------
tornado           one-at-a-time swings of each LCC and of the best two's difference
break_even        the value of one input at which two alternatives cost the same
switching_values  the same for every input with a range
scenarios         LCC and rank per named scenario
monte_carlo       chunked, seeded Monte Carlo -> MonteCarloResult
sobol             first-order and total Sobol' indices (scipy.stats.sobol_indices)
"""

from __future__ import annotations

from lcc.sensitivity._breakeven import BreakEvenWarning, break_even, switching_values
from lcc.sensitivity._deterministic import scenarios, tornado
from lcc.sensitivity._montecarlo import MonteCarloResult, monte_carlo
from lcc.sensitivity._sobol import sobol

__all__ = [
    "BreakEvenWarning",
    "MonteCarloResult",
    "break_even",
    "monte_carlo",
    "scenarios",
    "sobol",
    "switching_values",
    "tornado",
]
