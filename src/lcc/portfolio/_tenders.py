"""What a linked tender file contributes to the follow-up: each alternative's LCC,
acquisition cost, operating cost and kg CO2e."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from lcc._errors import Msg
from lcc.portfolio._issues import PlanError, PlanIssue

#: Operating (running) cost categories: an LCC award pays where these dominate.
OPERATING: tuple[str, ...] = ("energy", "water", "consumables", "maintenance", "other")


@dataclass(frozen=True)
class TenderOutcome:
    """The evaluated alternatives of one tender file.

    Attributes
    ----------
    path : str
        The tender file.
    name : str
        The tender's name.
    currency : str
        Its study currency.
    alternatives : pandas.DataFrame
        Indexed by alternative (in file order): ``lcc``, ``acquisition`` (present value
        of the acquisition category, 0 where absent), ``operating`` (present value of
        energy, water, consumables, maintenance and other), ``co2e_kg`` (kg CO2e over
        the study; NaN where the tender states no CO2e), ``lives`` (the service lives of
        its investments, years, as text).
    """

    path: str
    name: str
    currency: str
    alternatives: pd.DataFrame

    @property
    def lowest_acquisition(self) -> str:
        """The alternative with the lowest acquisition cost; among equal ones (relative
        difference < 1e-9) the one with the lowest LCC, so that a saving is never overstated."""
        alts = self.alternatives
        low = float(alts["acquisition"].min())
        tol = 1e-9 * max(abs(low), 1.0)
        tied = alts[alts["acquisition"] <= low + tol]
        return str(tied["lcc"].idxmin())

    @property
    def lowest_lcc(self) -> str:
        """The alternative with the lowest LCC."""
        return str(self.alternatives["lcc"].idxmin())

    @property
    def lives_differ(self) -> bool:
        """Whether the alternatives' service lives differ."""
        return self.alternatives["lives"].nunique() > 1


def _years(value: Any) -> float | None:
    from lcc.model import Parameter
    from lcc.units import parse_quantity

    if isinstance(value, Parameter):
        value = value.value
    if value is None:
        return None
    try:
        return float(parse_quantity(value, "yr", name="life").to("yr").magnitude)
    except Exception:  # a life in burning hours or samples: not comparable here
        return None


def _lives(alternative: Any) -> str:
    found = []
    for item in getattr(alternative, "items", ()) or ():
        for attr in ("life", "every"):
            years = _years(getattr(item, attr, None))
            if years is not None and math.isfinite(years):
                found.append(f"{years:g}")
    return ", ".join(sorted(found))


def load_outcome(path: str | os.PathLike[str]) -> TenderOutcome:
    """Load and evaluate one tender file.

    Raises
    ------
    PlanError
        When the file does not exist.
    lcc.io.TenderError, lcc.LCCError
        When it cannot be read or evaluated.
    """
    from lcc.io import load_tender

    file = os.fspath(path)
    if not Path(file).is_file():
        raise PlanError([PlanIssue("missing-file", Msg("no such file"), file)])
    tender = load_tender(file)
    results = tender.evaluate()
    rows = {}
    for alt in tender.alternatives:
        r = results[alt.name]
        cats: dict[str, float] = {str(k): float(v) for k, v in
                                  r.by_category.to_dict().items()}
        emissions: dict[str, float] = {str(k): float(v) for k, v in
                                       r.emissions.to_dict().items()}
        co2e = emissions.get("CO2e", math.nan)
        rows[alt.name] = {
            "lcc": float(r.value),
            "acquisition": cats.get("acquisition", 0.0),
            "operating": sum(cats.get(c, 0.0) for c in OPERATING),
            "co2e_kg": co2e,
            "lives": _lives(alt),
        }
    df = pd.DataFrame.from_dict(rows, orient="index")
    df.index.name = "alternative"
    return TenderOutcome(file, tender.name, tender.study.currency, df)
