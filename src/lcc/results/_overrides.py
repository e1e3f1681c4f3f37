"""The overrides a user gives :func:`lcc.evaluate`, read into each parameter's own unit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from lcc._errors import LCCError, Msg
from lcc.engine._compile import Compiled
from lcc.model._alternative import rate_names
from lcc.model._fields import located
from lcc.model._inputs import analysis_value, check_bare_rate, own_fraction
from lcc.model._parameter import Parameter


def read_overrides(compiled: Compiled, overrides: Any) -> dict[str, Any] | None:
    """Overrides as a user gives them to :func:`lcc.evaluate`, in each parameter's own unit.

    Read as an analysis reads its values (:func:`lcc.model._inputs.analysis_value`): a text
    or a quantity with a unit is converted (``"75 öre/kWh"`` is 0.75 for a price in
    SEK/kWh); a rate is a fraction or a percentage written as text, whatever its parameter's
    unit (``0.05`` and ``"5 %"`` are 5 %; a bare 5 would be 500 % and is refused); another
    value in percent takes fractions (0.5 is 50 %); other numbers are in the parameter's
    unit. Sample arrays are in the parameter's own unit, as Monte Carlo draws them (the
    samples of a rate held as a plain number are fractions, each below 1). Unknown names are
    left to :func:`lcc.engine.check_overrides`.
    """
    if overrides is None:
        return None
    if not isinstance(overrides, Mapping):
        raise LCCError(Msg("overrides: got {kind}; expected a mapping parameter name -> value, "
                           "e.g. {{'discount_rate': 0.05}}", kind=type(overrides).__name__),
                       field="overrides", code="wrong-type")
    study = compiled.study
    rates = rate_names([compiled.alternative], study)
    out: dict[str, Any] = {}
    for name, value in overrides.items():
        p = study._rate.parameter if name == "discount_rate" else compiled.parameters.get(name)
        if name != "discount_rate" and p is None:
            out[name] = value  # an unknown name: check_overrides says so
            continue
        where = f"overrides[{name!r}]"
        with located(f"overrides.{name}"):
            if isinstance(value, (list, tuple, np.ndarray)):
                out[name] = _samples(p, value, where, rate=name in rates)
            else:
                out[name] = analysis_value(p, value, where, rate=name in rates)
    return out


def _samples(p: Parameter | None, value: Any, where: str, *, rate: bool) -> np.ndarray:
    """Samples in the parameter's own unit, as Monte Carlo draws them
    (:attr:`MonteCarloResult.inputs`); those of a rate held as a plain number are fractions."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise LCCError(Msg("{name}: got {value!r}; expected numbers (samples in the unit of "
                           "the parameter)", name=where, value=value), field=where,
                       code="wrong-type") from None
    if rate and own_fraction(p) == 1.0:
        check_bare_rate(arr, where)
    return arr


__all__ = ["read_overrides"]
