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
    from lcc.units import Q_, ExchangeRates, ureg

# name -> module it lives in (attribute of the same name) or, for a module, None
_LAZY: dict[str, str | None] = {
    "ureg": "lcc.units",
    "Q_": "lcc.units",
    "ExchangeRates": "lcc.units",
    "npv": "lcc.discounting",
    "irr": "lcc.discounting",
    "discounting": None,
    "units": None,
}

__all__ = [
    "Q_",
    "ExchangeRates",
    "LCCError",
    "__version__",
    "discounting",
    "irr",
    "npv",
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
