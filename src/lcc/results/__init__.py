"""Results: LCCResult (one alternative) and, later, comparisons between them."""

from __future__ import annotations

from lcc.results._comparison import POLICIES, Comparison, compare
from lcc.results._measures import airr, net_savings, payback, sir
from lcc.results._result import LCCResult, describe_samples, evaluate

__all__ = [
    "POLICIES",
    "Comparison",
    "LCCResult",
    "airr",
    "compare",
    "describe_samples",
    "evaluate",
    "net_savings",
    "payback",
    "sir",
]
