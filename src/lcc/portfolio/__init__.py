"""Follow-up of a procurement plan against the organisation's targets.

A *procurement plan* (CSV, Excel or TOML; one row per procurement) states for
each procurement whether it sets environmental, reuse, single-use-plastics,
climate and LCC requirements. :func:`read_plan` reads it strictly (every
problem at once, each with file, row and column); :meth:`Plan.follow_up` gives
the shares against the targets (e.g. reuse requirements in 20 % of the plan),
:meth:`Plan.outcomes` the results of linked tender files (LCC saved by the LCC
award, kg CO2e), :meth:`Plan.priorities` where a requirement would do most,
:meth:`Plan.criteria` the criteria each organisation uses per category, and
:meth:`Plan.report` an HTML or Excel report in English or Swedish.

>>> import lcc.portfolio
>>> plan = lcc.portfolio.read_plan("plan.csv", targets="targets.toml")  # doctest: +SKIP
>>> plan.follow_up(by=["organisation", "year"])  # doctest: +SKIP
"""

from __future__ import annotations

import os
import typing as _typing

from lcc.portfolio._columns import COLUMNS, REQUIREMENTS, Column, columns_markdown
from lcc.portfolio._factors import Factors, read_factors
from lcc.portfolio._issues import PLAN_CODES, PlanError, PlanIssue
from lcc.portfolio._plan import Plan, missing_count
from lcc.portfolio._read import Targets
from lcc.portfolio._tenders import TenderOutcome

if _typing.TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

__all__ = [
    "COLUMNS",
    "PLAN_CODES",
    "REQUIREMENTS",
    "Column",
    "Factors",
    "Plan",
    "PlanError",
    "PlanIssue",
    "Targets",
    "TenderOutcome",
    "columns_markdown",
    "missing_count",
    "read_factors",
    "read_plan",
]


def read_plan(path: str | os.PathLike[str], *,
              targets: str | os.PathLike[str] | Mapping[str, Any] | Targets | None = None
              ) -> Plan:
    """Read and check a procurement plan.

    Parameters
    ----------
    path : path
        A ``.csv`` file (comma- or semicolon-separated, UTF-8), an ``.xlsx``
        workbook (its active sheet, or its first visible one where the active
        sheet is hidden) or a ``.toml`` file (``[plan]``, optional
        ``[targets]``, one ``[[procurements]]`` table per procurement). The
        columns and their Swedish headers are in :data:`COLUMNS`.
    targets : path, mapping or Targets, optional
        A TOML file with a ``[targets]`` table (``reuse = "20 %"``, optionally
        ``[targets.organisation."Alby kommun"]``), the same as a dict, or None
        (the TOML plan's own ``[targets]``, if any).

    Returns
    -------
    Plan

    Raises
    ------
    PlanError
        With every problem found, each as ``file:row: column: message [code]``.
        Linked tender files are read and evaluated; their problems are listed too.
    """
    from lcc.portfolio._read import read_table

    table, currency, tgt, outcomes, notes = read_table(path, targets=targets)
    return Plan(table, currency, tgt, outcomes, os.fspath(path), tuple(notes))
