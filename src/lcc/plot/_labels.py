"""Chart labels in English and Swedish."""

from __future__ import annotations

from lcc._errors import LCCError

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "year": "Year",
        "cumulative_pv": "Cumulative discounted cost",
        "cumulative_nominal": "Cumulative undiscounted cost",
        "present_value": "Present value",
        "lcc": "Life-cycle cost",
        "lcc_difference": "Difference in life-cycle cost",
        "payback": "payback",
        "crossing": "crossing",
        "breakdown": "Life-cycle cost by category",
        "total": "LCC",
        "tornado": "Sensitivity of the LCC",
        "tornado_x": "Change in LCC from the base case",
        "low": "low value",
        "high": "high value",
        "distribution": "Distribution of the LCC",
        "probability": "Cumulative probability",
        "density": "Share of samples",
        "p_best": "P(lowest)",
        "break_even": "Break-even",
        "no_break_even": "The two do not cost the same anywhere in",
        "acquisition": "Acquisition",
        "replacement": "Replacement",
        "residual": "Residual value",
        "energy": "Energy",
        "water": "Water",
        "consumables": "Consumables",
        "maintenance": "Maintenance",
        "end_of_life": "End of life",
        "externality": "Externalities",
        "other": "Other",
    },
    "sv": {
        "year": "År",
        "cumulative_pv": "Ackumulerad nuvärdeskostnad",
        "cumulative_nominal": "Ackumulerad kostnad (odiskonterad)",
        "present_value": "Nuvärde",
        "lcc": "Livscykelkostnad",
        "lcc_difference": "Skillnad i livscykelkostnad",
        "payback": "återbetalning",
        "crossing": "skärningspunkt",
        "breakdown": "Livscykelkostnad per kostnadsslag",
        "total": "LCC",
        "tornado": "Känslighet i livscykelkostnaden",
        "tornado_x": "Ändring av LCC från grundfallet",
        "low": "lågt värde",
        "high": "högt värde",
        "distribution": "Fördelning av livscykelkostnaden",
        "probability": "Kumulativ sannolikhet",
        "density": "Andel av utfallen",
        "p_best": "P(lägst)",
        "break_even": "Brytpunkt",
        "no_break_even": "Alternativen kostar inte lika mycket någonstans i",
        "acquisition": "Anskaffning",
        "replacement": "Reinvestering",
        "residual": "Restvärde",
        "energy": "Energi",
        "water": "Vatten",
        "consumables": "Förbrukningsmaterial",
        "maintenance": "Underhåll",
        "end_of_life": "Slutomhändertagande",
        "externality": "Externa kostnader",
        "other": "Övrigt",
    },
}


def label(key: str, lang: str) -> str:
    """The label of ``key`` in ``lang`` ("en" or "sv")."""
    if lang not in LABELS:
        raise LCCError(f"lang: got {lang!r}, expected 'en' or 'sv'")
    return LABELS[lang].get(key, key)


def money_axis(value: float, lang: str) -> str:
    """Tick text for money: thousands separated by a space (sv: decimal comma)."""
    text = f"{value:,.0f}".replace(",", "\u202f")
    return text
