"""Labels of the follow-up in English and Swedish and number formats (text from plan
files is shown by the rule of :mod:`lcc._text`)."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from lcc._i18n import N_, number, ptr, tr, unit
from lcc.portfolio._columns import REQUIREMENTS

#: The requirements' labels (English; Swedish in the catalogue, ``messages.po``).
REQUIREMENT_WORDS: dict[str, str] = {
    "environmental": N_("Environmental"), "reuse": N_("Reuse"),
    "plastics": N_("Single-use plastics"), "climate": N_("Climate"),
}

#: The second part of a requirement's column label ('Reuse, share').
SUFFIX_WORDS: dict[str, str] = {
    "share": N_("share"), "value_share": N_("value share"), "target": N_("target"),
    "met": N_("met"), "missing": N_("missing"),
}

#: The labels of the follow-up's columns and the words of its report (English; Swedish in
#: the catalogue). Words whose English is used elsewhere with another Swedish word are in
#: :func:`_in_context`.
WORDS: dict[str, str] = {
    "organisation": N_("Organisation"), "year": N_("Year"),
    "status": N_("Status"), "award_basis": N_("Award basis"), "plan": N_("Plan"),
    "all": N_("Whole plan"), "procurements": N_("Procurements"), "value": N_("Value"),
    "linked": N_("Linked tenders"), "lcc_awarded": N_("LCC awarded"),
    "lcc_lowest_acquisition": N_("LCC lowest acquisition cost"),
    "lcc_saving": N_("LCC saved"), "co2e_awarded_kg": N_("kg CO2e awarded"),
    "co2e_lowest_acquisition_kg": N_("kg CO2e lowest acquisition cost"),
    "co2e_saving_kg": N_("kg CO2e saved"), "id": N_("Id"), "title": N_("Title"),
    "tender": N_("Tender"), "awarded": N_("Awarded"),
    "lowest_acquisition": N_("Lowest acquisition cost"), "rank": N_("Rank"),
    "kg_co2e": N_("kg CO2e (estimate)"),
    "behind": N_("Behind target"), "lcc_pays": N_("LCC award may pay"), "source": N_("Source"),
    "tenders": N_("Tenders"), "operating_share": N_("Operating share of LCC"),
    "lives_differ": N_("Lives differ"), "winner_changes": N_("Winner changes"),
    "criterion": N_("Criterion"), "organisations": N_("Organisations using it"),
    "differs": N_("Differs"),
    "yes": N_("yes"), "no": N_("no"),
    "report_title": N_("Follow-up of the procurement plan"),
    "whole": N_("The whole plan"), "by_organisation": N_("By organisation"),
    "by_year": N_("By year"), "by_organisation_year": N_("By organisation and year"),
    "by_category": N_("By category"),
    "shares": N_("Share of procurements with each requirement"),
    "value_shares": N_("Share of value with each requirement"),
    "charts": N_("Shares against targets"), "outcomes": N_("Results of linked tenders"),
    "linked_rows": N_("Linked procurements"), "priorities": N_("Where to act"),
    "lcc_categories": N_("Where an LCC award may pay"),
    "criteria": N_("Criteria across organisations"),
    # sheet names of the workbook where the part's title passes Excel's 31 characters
    "sheet_value_by_organisation": N_("Value shares by organisation"),
    "sheet_value_by_year": N_("Value shares by year"),
    "sheet_value_by_category": N_("Value shares by category"),
    "sheet_outcomes": N_("Outcomes of linked tenders"),
    "sheet_lcc_categories": N_("Where LCC may pay"),
    "criteria_lead": N_("Criteria used by some but not all organisations that procure in the "
                        "category (✓ = used, – = procures in the category without it, blank = "
                        "no procurement in the category)."),
    "criteria_sheet_lead": N_("Every criterion used in each category, one column per "
                              "organisation (✓ = used, – = procures in the category without "
                              "it, blank = no procurement in the category); Differs marks the "
                              "criteria that some but not all organisations that procure in the "
                              "category use."),
    "method": N_("Method"), "versions": N_("Versions and input hash"),
    "amounts_in": N_("Amounts in"), "target_line": N_("target"),
    "saving_chart": N_("LCC saved by awarding on LCC"),
    "co2e_chart": N_("kg CO2e saved"), "no_targets": N_("No targets are declared."),
    "no_linked": N_("No awarded procurement links a tender file."),
    "no_factors": N_("No climate factors were given (lcc portfolio … --factors FILE): the "
                     "ranking is by value."),
    "no_differences": N_("Every organisation uses the same criteria in each category."),
    "plan_file": N_("Plan"), "targets": N_("Targets"), "currency": N_("Currency"),
    "factors_file": N_("Climate factors"),
    "procurements_n": N_("procurements"), "organisations_n": N_("organisations"),
    "years_n": N_("years"),
    "pays_share": N_("operating share ≥ 50 %"), "pays_lives": N_("lives differ"),
    "pays_winner": N_("another winner"),
    "lcc_pays_rule": N_("LCC award may pay: yes where, in the category's linked tenders, the "
                        "operating cost is at least 50 % of the LCC (mean over their "
                        "alternatives), the alternatives' service lives differ, or LCC chose "
                        "another winner than the lowest acquisition cost; the column says "
                        "which. Different service lives alone do not show that LCC saved "
                        "anything: see LCC saved under Results of linked tenders."),
}


def pays_text(row: Any, lang: str) -> str:
    """Whether an LCC award may pay in a category, and why: 'yes: lives differ' ('ja: olika
    livslängd'), 'no' (the rule of :meth:`Plan.lcc_categories`)."""
    if not bool(row["lcc_pays"]):
        return tr(WORDS["no"], lang)
    why = [tr(WORDS[k], lang) for k, hit in (
        ("pays_share", float(row["operating_share"]) >= 0.5),
        ("pays_lives", bool(row["lives_differ"])),
        ("pays_winner", int(row["winner_changes"]) > 0)) if hit]
    return f"{tr(WORDS['yes'], lang)}: {', '.join(why)}" if why else tr(WORDS["yes"], lang)


def _in_context(key: str, lang: str) -> str | None:
    """The words whose English the catalogue already has with another Swedish word."""
    if key == "category":
        return ptr("portfolio", "Category", lang)
    if key == "summary":
        return ptr("portfolio", "Summary", lang)
    if key == "lcc":  # the requirement
        return ptr("requirement", "LCC", lang)
    return None


def requirement_label(requirement: str, lang: str) -> str:
    """A requirement's label: 'Återbrukskrav' (sv), 'Reuse' (en)."""
    if requirement == "lcc":
        return ptr("requirement", "LCC", lang)
    return tr(REQUIREMENT_WORDS[requirement], lang)


def factor_label(currency: str | None, lang: str) -> str:
    """The climate factor's label with its unit: 'kg CO2e/SEK' (en), 'kg CO2e/kr' (sv), by
    the unit words of every other table; without a currency, 'kg CO2e per unit of money'."""
    if currency:
        return f"kg CO2e/{unit(currency, lang)}"
    return tr("kg CO2e per unit of money", lang)


def label(key: Any, lang: str, currency: str | None = None) -> str:
    """The label of a column or word in ``lang``; requirement columns are composed
    (``reuse_share`` -> 'Återbrukskrav, andel'); the climate factor's names ``currency``
    (:func:`factor_label`)."""
    text = str(key)
    if text == "factor":
        return factor_label(currency, lang)
    if text in ("category", "summary"):
        return _in_context(text, lang) or text
    if text in WORDS:
        return tr(WORDS[text], lang)
    for r in REQUIREMENTS:
        if text == r:
            return requirement_label(r, lang)
        if text.startswith(r + "_"):
            suffix = text[len(r) + 1:]
            if suffix in SUFFIX_WORDS:
                return tr("{requirement}, {part}", lang, requirement=requirement_label(r, lang),
                          part=tr(SUFFIX_WORDS[suffix], lang))
    return text


#: The words of a plan's choice columns as a reader reads them (the plan's keys in files).
CHOICE_WORDS: dict[str, dict[str, str]] = {
    "status": {"planned": N_("planned"), "advertised": N_("advertised"),
               "awarded": N_("awarded")},
    "award_basis": {"price": N_("lowest price"), "cost": N_("lowest cost"),
                    "price_quality": N_("best price-quality ratio")},
}


def choice_word(column: str, value: Any, lang: str) -> Any:
    """A status or an award basis in words ('tilldelad', 'lägsta pris'); other values as
    they are."""
    words = CHOICE_WORDS.get(column)
    return tr(words[value], lang) if words and isinstance(value, str) and value in words \
        else value


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
    return tr(WORDS["yes" if bool(x) else "no"], lang)
