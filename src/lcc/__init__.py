"""lcc — life-cycle cost calculation for public procurement.

Products and contracts are modelled as cash flows (acquisition, energy and
water, maintenance, replacements, residual value, disposal, externalities),
discounted exactly with unit-aware inputs, and compared as tender
alternatives with sensitivity and uncertainty analysis.

Public names are imported lazily on first use, so ``import lcc`` stays fast
(numpy, pandas and pint load only when needed).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from lcc._errors import LCCError
from lcc._version import __version__

if TYPE_CHECKING:
    from lcc import discounting, units
    from lcc.discounting import irr, npv
    from lcc.model import (
        Alternative,
        ByYear,
        Disposal,
        Emission,
        Energy,
        Investment,
        OneOff,
        Parameter,
        Periodic,
        Recurring,
        Replacement,
        Residual,
        Study,
        Water,
    )
    from lcc.results import LCCResult, evaluate
    from lcc.units import Q_, ExchangeRates, ureg

# name -> module it lives in (attribute of the same name) or, for a module, None
_LAZY: dict[str, str | None] = {
    "ureg": "lcc.units",
    "Q_": "lcc.units",
    "ExchangeRates": "lcc.units",
    "npv": "lcc.discounting",
    "irr": "lcc.discounting",
    **{name: "lcc.model" for name in (
        "Alternative", "ByYear", "Disposal", "Emission", "Energy", "Investment", "OneOff",
        "Parameter", "Periodic", "Recurring", "Replacement", "Residual", "Study", "Water",
        "CATEGORIES",
    )},
    "LCCResult": "lcc.results",
    "evaluate": "lcc.results",
    "discounting": None,
    "engine": None,
    "model": None,
    "results": None,
    "units": None,
}

__all__ = [
    "CATEGORIES",
    "Q_",
    "Alternative",
    "ByYear",
    "Disposal",
    "Emission",
    "Energy",
    "ExchangeRates",
    "Investment",
    "LCCError",
    "LCCResult",
    "OneOff",
    "Parameter",
    "Periodic",
    "Recurring",
    "Replacement",
    "Residual",
    "Study",
    "Water",
    "__version__",
    "discounting",
    "engine",
    "evaluate",
    "irr",
    "model",
    "npv",
    "results",
    "units",
    "ureg",
]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'lcc' has no attribute {name!r}")
    where = _LAZY[name]
    if where is None:
        value: Any = importlib.import_module(f"lcc.{name}")
    else:
        value = getattr(importlib.import_module(where), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
