"""Results: LCCResult (one alternative), Comparison, and the one ranking rule of lcc."""

from __future__ import annotations

from lcc.results._comparison import POLICIES, Comparison, compare
from lcc.results._measures import airr, net_savings, payback, sir
from lcc.results._ranking import TIE, best_shares, difference_label, ranks, tied
from lcc.results._result import LCCResult, describe_samples, evaluate

__all__ = [
    "POLICIES",
    "TIE",
    "Comparison",
    "LCCResult",
    "airr",
    "best_shares",
    "compare",
    "describe_samples",
    "difference_label",
    "evaluate",
    "net_savings",
    "payback",
    "ranks",
    "sir",
    "tied",
]
