"""Chart labels, from the message catalogue (:mod:`lcc._i18n`)."""

from __future__ import annotations

from lcc._i18n import LABELS as _COLUMN_LABELS
from lcc._i18n import N_, check_lang, number, tr

#: key -> English label; the Swedish text is in the catalogue.
LABELS: dict[str, str] = {
    "year": N_("Year"),
    "cumulative_pv": N_("Cumulative discounted cost"),
    "cumulative_nominal": N_("Cumulative undiscounted cost"),
    "present_value": N_("Present value"),
    "lcc": N_("Life-cycle cost"),
    "lcc_difference": N_("Difference in life-cycle cost"),
    "payback": N_("payback"),
    "discounted_payback": N_("discounted payback"),
    "crossing": N_("crossing"),
    "breakdown": N_("Life-cycle cost by cost category"),
    "total": N_("LCC"),
    "tornado": N_("Sensitivity of the life-cycle cost"),
    "tornado_x": N_("Change in life-cycle cost from the base case"),
    "low": N_("low value"),
    "high": N_("high value"),
    "distribution": N_("Distribution of the life-cycle cost"),
    "probability": N_("Cumulative probability"),
    "density": N_("Share of samples"),
    "p_best": N_("P(lowest)"),
    "break_even": N_("Break-even"),
    "no_break_even": N_("The two do not cost the same anywhere in"),
}
for _cat in ("acquisition", "replacement", "residual", "energy", "water", "consumables",
             "maintenance", "end_of_life", "externality", "other"):
    LABELS[_cat] = _COLUMN_LABELS[_cat]


def label(key: str, lang: str) -> str:
    """The label of ``key`` in ``lang`` ("en" or "sv")."""
    check_lang(lang)
    return tr(LABELS[key], lang) if key in LABELS else key


def money_axis(value: float, lang: str) -> str:
    """Tick text for money: thousands separated by a space (sv: minus sign U+2212)."""
    return number(value, lang, 0)

