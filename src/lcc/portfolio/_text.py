"""Labels of the follow-up in English and Swedish, number formats, and the neutralising
of text from plan files for terminals, CSV and spreadsheets."""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from lcc._i18n import number
from lcc.portfolio._columns import REQUIREMENTS

REQUIREMENT_LABELS: dict[str, dict[str, str]] = {
    "en": {"environmental": "Environmental", "reuse": "Reuse", "plastics": "Single-use plastics",
           "climate": "Climate", "lcc": "LCC"},
    "sv": {"environmental": "Miljökrav", "reuse": "Återbrukskrav", "plastics": "Plastkrav",
           "climate": "Klimatkrav", "lcc": "LCC-krav"},
}

_SUFFIXES: dict[str, dict[str, str]] = {
    "en": {"share": "share", "value_share": "value share", "target": "target", "met": "met",
           "missing": "missing"},
    "sv": {"share": "andel", "value_share": "värdeandel", "target": "mål", "met": "uppfyllt",
           "missing": "saknas"},
}

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "organisation": "Organisation", "year": "Year", "category": "Category",
        "status": "Status", "award_basis": "Award basis", "plan": "Plan", "all": "Whole plan",
        "procurements": "Procurements", "value": "Value", "linked": "Linked tenders",
        "lcc_awarded": "LCC awarded", "lcc_lowest_acquisition": "LCC lowest acquisition cost",
        "lcc_saving": "LCC saved", "co2e_awarded_kg": "kg CO2e awarded",
        "co2e_lowest_acquisition_kg": "kg CO2e lowest acquisition cost",
        "co2e_saving_kg": "kg CO2e saved", "id": "Id", "title": "Title",
        "tender": "Tender", "awarded": "Awarded", "lowest_acquisition": "Lowest acquisition cost",
        "rank": "Rank", "factor": "kg CO2e per", "kg_co2e": "kg CO2e (estimate)",
        "behind": "Behind target", "lcc_pays": "LCC award pays", "source": "Source",
        "tenders": "Tenders", "operating_share": "Operating share of LCC",
        "lives_differ": "Lives differ", "winner_changes": "Winner changes",
        "criterion": "Criterion", "organisations": "Organisations using it",
        "differs": "Differs",
        "yes": "yes", "no": "no",
        "report_title": "Follow-up of the procurement plan",
        "summary": "Summary", "whole": "The whole plan", "by_organisation": "By organisation",
        "by_year": "By year", "by_organisation_year": "By organisation and year",
        "by_category": "By category",
        "shares": "Share of procurements with each requirement",
        "value_shares": "Share of value with each requirement",
        "charts": "Shares against targets", "outcomes": "Results of linked tenders",
        "linked_rows": "Linked procurements", "priorities": "Where to act",
        "lcc_categories": "Where an LCC award pays",
        "criteria": "Criteria across organisations",
        "criteria_lead": "Criteria used by some but not all organisations that procure in the "
                         "category (✓ = used, – = procures in the category without it, blank = "
                         "no procurement in the category).",
        "method": "Method", "versions": "Versions and input hash",
        "amounts_in": "Amounts in", "target_line": "target",
        "saving_chart": "LCC saved by awarding on LCC",
        "co2e_chart": "kg CO2e saved", "no_targets": "No targets are declared.",
        "no_linked": "No awarded procurement links a tender file.",
        "no_factors": "No climate factors were given (lcc portfolio … --factors FILE): the "
                      "ranking is by value.",
        "no_differences": "Every organisation uses the same criteria in each category.",
        "plan_file": "Plan", "targets": "Targets", "currency": "Currency",
        "procurements_n": "procurements", "organisations_n": "organisations",
        "years_n": "years",
    },
    "sv": {
        "organisation": "Organisation", "year": "År", "category": "Kategori",
        "status": "Status", "award_basis": "Tilldelningsgrund", "plan": "Plan",
        "all": "Hela planen", "procurements": "Upphandlingar", "value": "Värde",
        "linked": "Kopplade anbudsfiler", "lcc_awarded": "LCC tilldelat",
        "lcc_lowest_acquisition": "LCC lägsta anskaffningskostnad",
        "lcc_saving": "LCC besparing", "co2e_awarded_kg": "kg CO2e tilldelat",
        "co2e_lowest_acquisition_kg": "kg CO2e lägsta anskaffningskostnad",
        "co2e_saving_kg": "kg CO2e besparing", "id": "Id", "title": "Titel",
        "tender": "Upphandling", "awarded": "Tilldelat",
        "lowest_acquisition": "Lägsta anskaffningskostnad", "rank": "Rang",
        "factor": "kg CO2e per", "kg_co2e": "kg CO2e (uppskattning)",
        "behind": "Under målet", "lcc_pays": "LCC lönar sig", "source": "Källa",
        "tenders": "Anbudsfiler", "operating_share": "Driftkostnadens andel av LCC",
        "lives_differ": "Olika livslängd", "winner_changes": "Annan vinnare",
        "criterion": "Kriterium", "organisations": "Organisationer som använder det",
        "differs": "Skiljer sig",
        "yes": "ja", "no": "nej",
        "report_title": "Uppföljning av upphandlingsplanen",
        "summary": "Sammanfattning", "whole": "Hela planen",
        "by_organisation": "Per organisation", "by_year": "Per år",
        "by_organisation_year": "Per organisation och år", "by_category": "Per kategori",
        "shares": "Andel upphandlingar med respektive krav",
        "value_shares": "Andel av värdet med respektive krav",
        "charts": "Andelar mot målen", "outcomes": "Resultat av kopplade upphandlingar",
        "linked_rows": "Kopplade upphandlingar", "priorities": "Var insatser gör mest nytta",
        "lcc_categories": "Där tilldelning på LCC lönar sig",
        "criteria": "Kriterier mellan organisationer",
        "criteria_lead": "Kriterier som några men inte alla organisationer som upphandlar i "
                         "kategorin använder (✓ = används, – = upphandlar i kategorin utan det, "
                         "tomt = ingen upphandling i kategorin).",
        "method": "Metod", "versions": "Versioner och kontrollsumma",
        "amounts_in": "Belopp i", "target_line": "mål",
        "saving_chart": "Besparing genom tilldelning på LCC",
        "co2e_chart": "Minskade utsläpp, kg CO2e", "no_targets": "Inga mål är angivna.",
        "no_linked": "Ingen tilldelad upphandling har en kopplad anbudsfil.",
        "no_factors": "Inga klimatfaktorer angavs (lcc portfolio … --factors FIL): "
                      "rangordningen följer värdet.",
        "no_differences": "Alla organisationer använder samma kriterier i varje kategori.",
        "plan_file": "Plan", "targets": "Mål", "currency": "Valuta",
        "procurements_n": "upphandlingar", "organisations_n": "organisationer",
        "years_n": "år",
    },
}


def label(key: Any, lang: str) -> str:
    """The label of a column or word in ``lang``; requirement columns are composed
    (``reuse_share`` -> 'Återbrukskrav, andel')."""
    text = str(key)
    words = WORDS[lang]
    if text in words:
        return words[text]
    for r in REQUIREMENTS:
        if text == r:
            return REQUIREMENT_LABELS[lang][r]
        if text.startswith(r + "_"):
            suffix = text[len(r) + 1:]
            if suffix in _SUFFIXES[lang]:
                return f"{REQUIREMENT_LABELS[lang][r]}, {_SUFFIXES[lang][suffix]}"
    return text


def percent(x: Any, lang: str, digits: int = 1) -> str:
    """'37.5 %' (en) or '37,5 %' (sv); NaN or NA as '—'."""
    try:
        v = float(x)
    except (TypeError, ValueError):
        return "—"
    if math.isnan(v):
        return "—"
    return f"{number(v * 100, lang, digits)}\u00a0%"


def yes_no(x: Any, lang: str) -> str:
    """'yes'/'no' ('ja'/'nej'); NA as '—'."""
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return WORDS[lang]["yes" if bool(x) else "no"]


# ------------------------------------------------------------------ hostile text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: Any) -> str:
    """Text without control characters (terminal escapes, bidi overrides), one line."""
    return _CONTROL.sub("", str(text)).replace("\n", " ").replace("\t", " ")


def spreadsheet_safe(text: Any) -> str:
    """CSV cell text a spreadsheet will not run: a leading = + - @ (or tab, CR) gets a
    leading apostrophe (OWASP CSV injection)."""
    s = _CONTROL.sub("", str(text))
    if s and s[0] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + s
    return s


def xlsx_safe(text: Any) -> str:
    """Text for an Excel cell: control characters removed (openpyxl refuses them)."""
    return _CONTROL.sub("", str(text))
