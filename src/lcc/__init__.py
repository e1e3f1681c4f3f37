"""lcc — life-cycle cost calculation for public procurement.

Products and contracts are modelled as cash flows (acquisition, energy and
water, maintenance, replacements, residual value, disposal, externalities),
discounted exactly with unit-aware inputs, and compared as tender
alternatives with sensitivity and uncertainty analysis.

Public names are imported lazily on first use, so ``import lcc`` stays fast
(numpy, pandas and pint load only when needed).
"""

from __future__ import annotations

import importlib as _importlib
import typing as _typing

from lcc._errors import LCCError
from lcc._version import __version__

if _typing.TYPE_CHECKING:
    from lcc import (
        bidform,
        data,
        discounting,
        engine,
        io,
        model,
        portfolio,
        report,
        results,
        sensitivity,
        templates,
        units,
    )
    from lcc.data import inflate
    from lcc.discounting import irr, npv
    from lcc.io import Tender, TenderError, load_assumptions, load_tender, save_tender
    from lcc.model import (
        CATEGORIES,
        Alternative,
        ByYear,
        Disposal,
        Emission,
        Energy,
        Investment,
        OneOff,
        Parameter,
        Periodic,
        Product,
        Recurring,
        Replacement,
        Residual,
        Study,
        Water,
        one_minus,
        reciprocal,
    )
    from lcc.results import Comparison, LCCResult, compare, evaluate
    from lcc.units import Q_, ExchangeRates, ureg

_MODULES = (
    "bidform", "data", "discounting", "engine", "io", "model", "plot", "portfolio", "report",
    "results", "sensitivity", "templates", "units",
)
_MODEL = (
    "CATEGORIES", "Alternative", "ByYear", "Disposal", "Emission", "Energy", "Investment",
    "OneOff", "Parameter", "Periodic", "Product", "Recurring", "Replacement", "Residual", "Study",
    "Water", "one_minus", "reciprocal",
)

# name -> module it lives in (attribute of the same name) or, for a module, None
_LAZY: dict[str, str | None] = {
    **{name: None for name in _MODULES},
    **{name: "lcc.model" for name in _MODEL},
    "Comparison": "lcc.results",
    "LCCResult": "lcc.results",
    "compare": "lcc.results",
    "evaluate": "lcc.results",
    "inflate": "lcc.data",
    "Tender": "lcc.io",
    "TenderError": "lcc.io",
    "load_tender": "lcc.io",
    "save_tender": "lcc.io",
    "load_assumptions": "lcc.io",
    "irr": "lcc.discounting",
    "npv": "lcc.discounting",
    "ExchangeRates": "lcc.units",
    "Q_": "lcc.units",
    "ureg": "lcc.units",
}

__all__ = [  # noqa: RUF022 - grouped: exceptions and version, model, functions, modules
    "LCCError",
    "__version__",
    "CATEGORIES",
    "Alternative",
    "ByYear",
    "Comparison",
    "Disposal",
    "Emission",
    "Energy",
    "ExchangeRates",
    "Investment",
    "LCCResult",
    "OneOff",
    "Parameter",
    "Periodic",
    "Product",
    "Q_",
    "Recurring",
    "Replacement",
    "Residual",
    "Study",
    "Tender",
    "TenderError",
    "Water",
    "compare",
    "evaluate",
    "inflate",
    "irr",
    "load_assumptions",
    "load_tender",
    "npv",
    "one_minus",
    "reciprocal",
    "save_tender",
    "ureg",
    "bidform",
    "data",
    "discounting",
    "engine",
    "io",
    "model",
    "portfolio",
    "report",
    "results",
    "sensitivity",
    "templates",
    "units",
]


def __getattr__(name: str) -> _typing.Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'lcc' has no attribute {name!r}")
    where = _LAZY[name]
    if where is None:
        value: _typing.Any = _importlib.import_module(f"lcc.{name}")
    else:
        value = getattr(_importlib.import_module(where), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
