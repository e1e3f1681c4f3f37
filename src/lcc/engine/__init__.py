"""The engine: compiles alternatives and a study into plain arrays and evaluates them.

No pint inside: every input was converted to canonical magnitudes when the
model was built; the engine multiplies, discounts and sums float arrays,
vectorised over samples, with closed-form factors where they apply.
"""

from __future__ import annotations

from lcc.engine._compile import Compiled, compile_alternative
from lcc.engine._context import Context, make_context
from lcc.engine._evaluate import (
    base_values,
    category_totals,
    check_overrides,
    context_for,
    emissions_by_year,
    lcc_values,
    lcc_values_many,
    term_values,
    yearly,
)

__all__ = [
    "Compiled",
    "Context",
    "base_values",
    "category_totals",
    "check_overrides",
    "compile_alternative",
    "context_for",
    "emissions_by_year",
    "lcc_values",
    "lcc_values_many",
    "make_context",
    "term_values",
    "yearly",
]
