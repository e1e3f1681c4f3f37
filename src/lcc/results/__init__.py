"""Results: LCCResult (one alternative) and, later, comparisons between them."""

from __future__ import annotations

from lcc.results._result import LCCResult, describe_samples, evaluate

__all__ = ["LCCResult", "describe_samples", "evaluate"]
