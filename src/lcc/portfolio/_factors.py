"""Climate factors per category: kg CO2e per unit of money spent, with their source.

lcc ships no spend-based factors (none with provenance is among its reference
data), so the table is the user's: a CSV file with the columns

``category``
    a category of the plan, as written there;
``factor``
    a number ≥ 0;
``unit``
    ``kg CO2e/SEK`` (or per kSEK, MSEK, kr, tkr, Mkr, EUR …: the currency must be
    the plan's; ``t CO2e/…`` is accepted too);
``source``
    where the figure comes from (publication, year, table): required.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lcc._errors import Msg
from lcc._text import name_key
from lcc.portfolio._issues import Issues, PlanError, PlanIssue
from lcc.portfolio._read import csv_rows, decode_csv, named_columns

FACTOR_COLUMNS: tuple[str, ...] = ("category", "factor", "unit", "source")

_UNIT = re.compile(r"^\s*(kg|t|g)\s*(?:CO2e|CO₂e|CO2-ekv|CO2eq)?\s*/\s*(\S+)\s*$", re.I)


@dataclass(frozen=True)
class Factors:
    """Climate factors: ``table`` indexed by category with ``factor`` (kg CO2e per one
    unit of ``currency``), ``unit`` and ``source`` as written."""

    table: pd.DataFrame
    currency: str
    file: str | None = None

    def factor(self, category: str) -> float:
        """kg CO2e per unit of money of a category (NaN where the table has none)."""
        category = name_key(category)
        if category in self.table.index:
            return float(self.table["factor"].to_dict()[category])
        return math.nan


def _factor_number(text: str, line: int, issues: Issues) -> float | None:
    """A factor's number by the one reading rule of lcc's numbers (``0,09``; ``25 000``;
    ``25,000`` refused as it may be 25 or 25 000), or None with the issue recorded."""
    from lcc._errors import LCCError
    from lcc.model._fields import located
    from lcc.units import _number_separators

    try:
        with located("factor", "factor"):
            plain = _number_separators(text.replace("\u2212", "-"), "factor")
    except LCCError as exc:
        issues.add("invalid-value", line, "factor", Msg("{detail}", detail=exc.detail), text)
        return None
    try:
        return float(re.sub(r"[\s\u00a0\u202f]", "", plain))
    except ValueError:
        issues.add("wrong-type", line, "factor", Msg("got {factor!r}; expected a number",
                                                     factor=text), text)
        return None


def read_factors(path: str | os.PathLike[str]) -> Factors:
    """Read a table of climate factors (CSV: category, factor, unit, source).

    Every factor is converted to kg CO2e per one unit of its currency (per SEK).

    Raises
    ------
    PlanError
        With every problem located by file, line and column.
    """
    from lcc.units import currency_of, parse_quantity

    file = os.fspath(path)
    sink: list[PlanIssue] = []
    issues = Issues(file, sink)
    data = issues.read(Path(file), Msg("the factor table"), 16 * 1024 * 1024)
    if data is None:
        raise PlanError(sink)
    text = decode_csv(data, issues)
    if text is None:
        raise PlanError(sink)
    headers, rows = csv_rows(text, issues, factors=True)  # the plan's rules of a CSV table
    if not headers and not sink:
        issues.add("parse-error", None, "", Msg("the file is empty"))
    found, seen = named_columns(headers, {c: c for c in FACTOR_COLUMNS}, issues, 1)
    for col in FACTOR_COLUMNS:
        if headers and col not in seen:
            issues.add("missing-column", 1, col, Msg("the factor table has no column {col}; its "
                                                     "columns are {value}", col=col,
                                                     value=', '.join(FACTOR_COLUMNS)))
    if any(e.code in ("parse-error", "too-large", "missing-column") for e in sink):
        raise PlanError(sink)
    pos = {name: p for p, name in found.items()}
    out: dict[str, dict[str, object]] = {}
    firsts: dict[str, tuple[str, int]] = {}  # a category in any letter case -> as first written
    currency: str | None = None
    for line, cells, _ in rows:
        get = {c: str(cells.get(p, "")).strip() for c, p in pos.items()}
        for c in FACTOR_COLUMNS:
            if not get[c]:
                issues.add("missing-value", line, c, Msg("the cell is blank; every factor needs "
                                                         "its {c}", c=c))
        if not all(get.values()):
            continue
        cat = name_key(get["category"])  # as the plan reads its categories: in any case
        earlier, row = firsts.setdefault(cat.casefold(), (cat, line))
        if row != line and earlier == cat:
            issues.add("duplicate-id", line, "category", Msg("a second factor for {cat!r}",
                                                             cat=cat), cat)
            continue
        if row != line:
            issues.add("duplicate-id", line, "category", Msg(
                "a second factor for {cat!r}: the category {first!r} of row {row} in another "
                "letter case", cat=cat, first=earlier, row=row), cat)
            continue
        value = _factor_number(get["factor"], line, issues)
        if value is None:
            continue
        if not math.isfinite(value) or value < 0:
            issues.add("invalid-value", line, "factor", Msg("got {factor!r}; a factor must be "
                                                            "finite and 0 or more",
                                                            factor=get['factor']), get["factor"])
            continue
        m = _UNIT.match(get["unit"])
        if not m:
            issues.add("invalid-value", line, "unit", Msg("got {unit!r}; expected a unit such as "
                                                          "'kg CO2e/SEK'",
                                                          unit=get['unit']), get["unit"])
            continue
        mass = {"kg": 1.0, "t": 1000.0, "g": 0.001}[m.group(1).lower()]
        try:
            money = parse_quantity(f"1 {m.group(2)}", "CUR", name="unit")
        except Exception:
            issues.add("invalid-value", line, "unit", Msg("got {unit!r}; the part after '/' must "
                                                          "be a currency (SEK, kr, tkr, Mkr, EUR "
                                                          "…)", unit=get['unit']), get["unit"])
            continue
        code = currency_of(money)
        assert code is not None
        if currency is None:
            currency = code
        elif code != currency:
            issues.add("currency-mix", line, "unit", Msg("the factor is per {code} but the table's "
                                                         "first factor is per {currency}",
                                                         code=code, currency=currency), get["unit"])
            continue
        per_unit = float(money.to(code).magnitude)
        if not math.isfinite(value * mass / per_unit):
            issues.add("invalid-value", line, "factor", Msg(
                "got {factor!r} in {unit!r}: more kg CO2e per {code} than lcc can compute "
                "with; check the factor and its unit", factor=get["factor"], unit=get["unit"],
                code=code), get["factor"])
            continue
        out[cat] = {"factor": value * mass / per_unit, "unit": get["unit"],
                    "source": get["source"]}
    if sink:
        raise PlanError(sink)
    table = pd.DataFrame.from_dict(out, orient="index", columns=["factor", "unit", "source"])
    table.index.name = "category"
    return Factors(table, currency or "SEK", file)
