"""The cash-flow model: study, alternatives and cost items (frozen, validated)."""

from __future__ import annotations

from lcc.model._alternative import Alternative, CalculatorCall
from lcc.model._items import (
    CATEGORIES,
    INVESTMENT_CATEGORIES,
    CostItem,
    Disposal,
    Emission,
    Energy,
    Investment,
    OneOff,
    Periodic,
    Recurring,
    Replacement,
    Residual,
    Water,
)
from lcc.model._parameter import ByYear, Parameter
from lcc.model._product import Factor, Product, one_minus, reciprocal
from lcc.model._study import Study

__all__ = [
    "CATEGORIES",
    "INVESTMENT_CATEGORIES",
    "Alternative",
    "ByYear",
    "CalculatorCall",
    "CostItem",
    "Disposal",
    "Emission",
    "Energy",
    "Factor",
    "Investment",
    "OneOff",
    "Parameter",
    "Periodic",
    "Product",
    "Recurring",
    "Replacement",
    "Residual",
    "Study",
    "Water",
    "one_minus",
    "reciprocal",
]
