"""Labels of table columns, categories and study inputs, by the stable key used in JSON."""

from __future__ import annotations

import re
from typing import Any

from lcc._i18n._catalog import N_, ptr, tr

#: key (a JSON column or a category) -> its English label, translated through the catalogue.
LABELS: dict[str, str] = {
    # comparison summary
    "lcc": N_("LCC"),
    "rank": N_("Rank"),
    "net_savings": N_("Net savings"),
    "sir": N_("SIR"),
    "airr": N_("AIRR"),
    "simple_payback": N_("Simple payback (yr)"),
    "discounted_payback": N_("Discounted payback (yr)"),
    "annual_value": N_("Annual value"),
    "alternative": N_("Alternative"),
    "category": N_("Category"),
    "present_value": N_("Present value"),
    "nominal": N_("Amount"),
    "total": N_("Total"),
    "year": N_("Year"),
    # cost categories (Directive 2014/24/EU art. 68)
    "acquisition": N_("Acquisition"),
    "replacement": N_("Replacement"),
    "residual": N_("Residual value"),
    "energy": N_("Energy"),
    "water": N_("Water"),
    "consumables": N_("Consumables"),
    "maintenance": N_("Maintenance"),
    "end_of_life": N_("End of life"),
    "externality": N_("Externalities"),
    "other": N_("Other"),
    # sensitivity
    "parameter": N_("Parameter"),
    "low": N_("Low value"),
    "high": N_("High value"),
    "unit": N_("Unit"),
    "lcc_low": N_("LCC at low value"),
    "lcc_high": N_("LCC at high value"),
    "swing": N_("Swing"),
    "break_even": N_("Break-even"),
    "base": N_("Base value"),
    "value": N_("Value"),
    "relative_change": N_("Relative change"),
    "reason": N_("Comment"),
    "mean": N_("Mean"),
    "std": N_("Std. dev."),
    "sem": N_("Std. error"),
    "se": N_("Std. error"),
    "p5": N_("P5"),
    "p50": N_("P50 (median)"),
    "p95": N_("P95"),
    "probability_best": N_("P(lowest LCC)"),
    "probability_best_se": N_("P(lowest) std. error"),
    "first_order": N_("First-order index"),
    "total_order": N_("Total-order index"),
    "S1": N_("First-order index (S1)"),
    "S1_conf": N_("± (S1)"),
    "ST": N_("Total-order index (ST)"),
    "ST_conf": N_("± (ST)"),
    "kind": N_("Kind"),
    "scenario": N_("Scenario"),
    "pollutant": N_("Pollutant"),
    "difference": N_("difference"),
    # study inputs that may be parameters
    "discount_rate": N_("Discount rate"),
    "inflation": N_("Inflation"),
    "carbon_price": N_("Carbon price"),
}

#: Columns of physical emissions: ``kg_CO2e`` and ``kg_CO2e_difference``.
EMISSION_COLUMN = re.compile(r"^kg_(?P<pollutant>.+?)(?P<diff>_difference)?$")

#: Columns that hold shares shown as percentages.
PERCENT_COLUMNS = ("airr", "probability_best", "probability_best_se", "relative_change")


def emission_columns(pollutant: str) -> tuple[str, str]:
    """The JSON columns of a pollutant: its kg and its difference to the baseline."""
    return f"kg_{pollutant}", f"kg_{pollutant}_difference"


def word(key: Any, lang: str, *, header: bool = True) -> str:
    """The label of a column or category key in ``lang``.

    Unknown column headers lose their underscores; other unknown values (names of
    alternatives, parameters and scenarios: the user's own words) pass through.
    """
    text = str(key)
    if text in LABELS:
        return ptr("column", "LCC", lang) if text == "lcc" else tr(LABELS[text], lang)
    m = EMISSION_COLUMN.match(text)
    if m and header:
        pollutant = m.group("pollutant")
        if m.group("diff"):
            return tr("Difference, kg {pollutant}", lang, pollutant=pollutant)
        return tr("kg {pollutant}", lang, pollutant=pollutant)
    return text.replace("_", " ") if header else text
