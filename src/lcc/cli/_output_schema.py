"""JSON Schemas of the ``--format json`` output of each command (``lcc schema WHAT``).

Every document is an object with ``command`` (WHAT), the command's facts
(``tender``, ``currency`` …), ``rows`` — a list with one object per table
row, the table's index as its first key — and ``notes`` (a list of text).
Money is in ``currency``; a number that cannot be computed is ``null`` and a
note says why. Rows are a list so that rows sharing an index value (one
parameter, several alternatives) all survive.
"""

from __future__ import annotations

from typing import Any

from lcc._errors import LCCError, Msg

DRAFT = "https://json-schema.org/draft/2020-12/schema"

_NUM = {"type": "number"}
_NUM_OR_NULL = {"type": ["number", "null"]}
_STR = {"type": "string"}
_INT = {"type": "integer"}
_STR_OR_NULL = {"type": ["string", "null"]}


def _rows(props: dict[str, Any], required: list[str] | None = None,
          additional: Any = False) -> dict[str, Any]:
    return {"type": "array", "items": {
        "type": "object", "properties": props,
        "required": list(props) if required is None else required,
        "additionalProperties": additional}}


def _doc(what: str, description: str, facts: dict[str, Any], rows: dict[str, Any],
         required: list[str] | None = None) -> dict[str, Any]:
    props: dict[str, Any] = {"command": {"const": what}}
    props.update(facts)
    props["rows"] = rows
    props["notes"] = {"type": "array", "items": _STR}
    return {"$schema": DRAFT, "$id": f"https://openlcc.org/schema/output/{what}.json",
            "title": f"lcc {what.replace('-', ' ', 1)} --format json",
            "description": description, "type": "object", "properties": props,
            "required": ["command", *(required if required is not None else facts), "rows",
                         "notes"],
            "additionalProperties": False}


_TENDER = {"tender": _STR, "currency": _STR}
_SENS = {**_TENDER, "analysis": _STR}
_PAIR = {"type": ["array", "null"], "items": _STR, "minItems": 2, "maxItems": 2}
_DISTS = {"type": "object", "additionalProperties": _STR,
          "description": "parameter -> its distribution as text, e.g. 'PERT(3900, 4100, "
                         "4300) h/yr (default: PERT(low, value, high))'"}

SCHEMAS: dict[str, dict[str, Any]] = {
    "evaluate": _doc(
        "evaluate", "LCC of every alternative by category (present values in currency), and "
        "the physical emissions over the study period: kg_<pollutant> (e.g. kg_CO2e) and "
        "kg_<pollutant>_difference, the alternative's kg minus the baseline's.",
        {**_TENDER, "baseline": _STR},
        _rows({"alternative": _STR, "lcc": _NUM}, additional=_NUM)),
    "compare": _doc(
        "compare", "Ranking and the NIST Handbook 135 measures against the baseline. sir "
        "and airr are shares (1 and 1/yr), paybacks in years, money in currency; null where "
        "not defined (the notes say why). kg_<pollutant> (e.g. kg_CO2e): physical emissions "
        "over the study period; kg_<pollutant>_difference: the alternative's minus the "
        "baseline's.",
        {**_TENDER, "best": _STR, "policy": _STR, "baseline": _STR},
        {"type": "array", "items": {
            "type": "object",
            "properties": {"alternative": _STR, "lcc": _NUM, "rank": _INT, "net_savings": _NUM,
                           "sir": _NUM_OR_NULL, "airr": _NUM_OR_NULL,
                           "simple_payback": _NUM_OR_NULL, "discounted_payback": _NUM_OR_NULL,
                           "annual_value": _NUM},
            "required": ["alternative", "lcc", "rank", "net_savings", "sir", "airr",
                         "simple_payback", "discounted_payback", "annual_value"],
            "patternProperties": {"^kg_.+$": _NUM},
            "additionalProperties": False}}),
    "sensitivity-tornado": _doc(
        "sensitivity-tornado", "One-at-a-time swings. low/high in the row's unit (the "
        "parameter's own); lcc_low, lcc_high and swing in currency. Rows whose alternative "
        "is the 'difference' name give the deciding difference: the runner-up's LCC minus "
        "the best one's.",
        {**_SENS, "pair": _PAIR, "difference": _STR_OR_NULL,
         "skipped": {"type": "array", "items": _STR}},
        _rows({"parameter": _STR, "alternative": _STR, "low": _NUM, "high": _NUM,
               "unit": _STR, "lcc_low": _NUM, "lcc_high": _NUM, "swing": _NUM})),
    "sensitivity-break-even": _doc(
        "sensitivity-break-even", "Where the difference (pair[1]'s LCC minus pair[0]'s) is "
        "zero, per parameter, in the parameter's unit; null where it does not cross.",
        {**_SENS, "pair": _PAIR, "difference": _STR},
        _rows({"parameter": _STR, "unit": _STR, "base": _NUM, "low": _NUM, "high": _NUM,
               "break_even": _NUM_OR_NULL, "relative_change": _NUM_OR_NULL,
               "reason": _STR}, required=["parameter", "break_even", "reason"])),
    "sensitivity-monte-carlo": _doc(
        "sensitivity-monte-carlo", "Monte Carlo summary: one row per alternative (kind "
        "'alternative') and per difference to the best mean (kind 'difference': that "
        "alternative's LCC minus the best one's). Money in currency; probability_best a "
        "share (null for differences).",
        {**_SENS, "n": _INT, "seed": _INT, "best": _STR, "distributions": _DISTS},
        _rows({"alternative": _STR, "kind": {"enum": ["alternative", "difference"]},
               "mean": _NUM, "std": _NUM_OR_NULL, "se": _NUM_OR_NULL, "p5": _NUM,
               "p50": _NUM, "p95": _NUM, "probability_best": _NUM_OR_NULL,
               "probability_best_se": _NUM_OR_NULL})),
    "sensitivity-sobol": _doc(
        "sensitivity-sobol", "Sobol' indices (SALib's names): S1 first order, ST total, "
        "shares of the output's variance; S1_conf and ST_conf the half-widths of their "
        "bootstrap confidence intervals; null where the output does not vary.",
        {**_SENS, "n": _INT, "n_requested": _INT, "evaluations": _INT, "seed": _INT,
         "bootstrap": _INT, "confidence_level": _NUM, "difference": _STR_OR_NULL,
         "pair": _PAIR, "distributions": _DISTS},
        _rows({"parameter": _STR, "alternative": _STR, "S1": _NUM_OR_NULL,
               "S1_conf": _NUM_OR_NULL, "ST": _NUM_OR_NULL, "ST_conf": _NUM_OR_NULL})),
    "sensitivity-scenarios": _doc(
        "sensitivity-scenarios", "LCC and rank of every alternative per scenario ('base' "
        "first); best lists the alternatives ranked 1 in each.",
        {**_SENS, "best": {"type": "object", "additionalProperties": {
            "type": "array", "items": _STR}},
         "scenarios": {"type": "object", "additionalProperties": {
             "type": "object", "required": ["description", "values"],
             "properties": {"description": _STR_OR_NULL, "values": {"type": "object"}}}}},
        _rows({"scenario": _STR, "alternative": _STR, "lcc": _NUM, "rank": _INT})),
    "import-bids": _doc(
        "import-bids", "The LCC of each imported bid (currency).", {**_TENDER},
        _rows({"alternative": _STR, "lcc": _NUM})),
    "calculators": _doc(
        "calculators", "The product calculators and their inputs, one row per input.", {},
        _rows({}, required=[], additional=True), required=[]),
}

# ----------------------------------------------------------------- portfolio

_PLAN = {"plan": _STR, "currency": _STR,
         "table": {"type": "array", "items": {"type": "object"},
                   "description": "the rows under their former name, kept for one release; "
                                  "read rows"}}
_BOOL_OR_NULL = {"type": ["boolean", "null"]}
#: The keys a follow-up or outcomes row starts with: the groups (--by), or plan = 'all'.
_GROUPS = {"organisation": _STR, "year": _INT, "category": _STR, "status": _STR,
           "award_basis": _STR, "plan": _STR}
_REQ = "(environmental|reuse|plastics|climate|lcc)"


def _grouped(props: dict[str, Any], patterns: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"type": "array", "items": {
        "type": "object", "properties": {**_GROUPS, **props}, "required": list(props),
        "patternProperties": patterns or {}, "additionalProperties": False}}


_OUTCOMES = {"lcc_awarded": _NUM, "lcc_lowest_acquisition": _NUM, "lcc_saving": _NUM,
             "co2e_awarded_kg": _NUM, "co2e_lowest_acquisition_kg": _NUM,
             "co2e_saving_kg": _NUM}

#: The schemas of ``lcc portfolio PLAN ACTION --format json`` (``portfolio-ACTION``).
PORTFOLIO_SCHEMAS: dict[str, dict[str, Any]] = {
    "portfolio-follow-up": _doc(
        "portfolio-follow-up", "Requirement shares per group (--by; plan = 'all' for the "
        "whole plan): for R in environmental, reuse, plastics, climate, lcc: R_share and "
        "R_value_share (shares 0..1), and where a target is declared R_target, R_met and "
        "R_missing (procurements short of the target); null where the group has no target.",
        _PLAN, _grouped({"procurements": _INT, "value": _NUM}, {
            f"^{_REQ}_(share|value_share)$": _NUM,
            f"^{_REQ}_target$": _NUM_OR_NULL, f"^{_REQ}_met$": _BOOL_OR_NULL,
            f"^{_REQ}_missing$": {"type": ["integer", "null"]}}),
        required=["plan", "currency"]),
    "portfolio-outcomes": _doc(
        "portfolio-outcomes", "Outcomes of the linked tenders per group (--by): the LCC "
        "(present value, currency) of the awarded alternatives and of those with the lowest "
        "acquisition cost, the LCC saved, and kg CO2e over each tender's study period.",
        _PLAN, _grouped({"linked": _INT, **_OUTCOMES}), required=["plan", "currency"]),
    "portfolio-linked": _doc(
        "portfolio-linked", "Every awarded procurement that links a tender file: the tender's "
        "name, the awarded alternative and the one with the lowest acquisition cost, their "
        "LCC (currency) and kg CO2e.", _PLAN,
        _rows({"id": _STR, "organisation": _STR, "year": _INT, "category": _STR,
               "tender": _STR, "awarded": _STR, "lowest_acquisition": _STR, **_OUTCOMES}),
        required=["plan", "currency"]),
    "portfolio-priorities": _doc(
        "portfolio-priorities", "Planned procurements ranked by kg_co2e = value × factor "
        "(kg CO2e per unit of currency, from the factor table, with its source); those "
        "without a factor last, by value (factor, kg_co2e and source null). behind: the "
        "requirements (their keys, '; '-separated) the procurement lacks whose target its "
        "organisation and year miss; lcc_pays: whether the linked tenders of its category "
        "show that an LCC award pays (null where none is linked).", _PLAN,
        _rows({"id": _STR, "rank": _INT, "title": _STR, "organisation": _STR, "year": _INT,
               "category": _STR, "value": _NUM, "factor": _NUM_OR_NULL,
               "kg_co2e": _NUM_OR_NULL, "behind": _STR, "lcc_pays": _BOOL_OR_NULL,
               "source": _STR_OR_NULL}),
        required=["plan", "currency"]),
    "portfolio-criteria": _doc(
        "portfolio-criteria", "Criteria IDs per category, one key per organisation: true "
        "where it uses the criterion in the category, false where it procures in the "
        "category without it, null where it has no procurement there; organisations: how "
        "many use it; differs: some but not all of those procuring in the category use it.",
        _PLAN, _rows({"category": _STR, "criterion": _STR, "organisations": _INT,
                      "differs": {"type": "boolean"}}, additional=_BOOL_OR_NULL),
        required=["plan", "currency"]),
}


def output_schema(what: str) -> dict[str, Any]:
    """The JSON Schema of ``lcc WHAT --format json`` (``sensitivity-tornado`` for
    ``lcc sensitivity FILE tornado``, ``portfolio-priorities`` for ``lcc portfolio PLAN
    priorities``)."""
    known = {**SCHEMAS, **PORTFOLIO_SCHEMAS}
    try:
        return known[what]
    except KeyError:
        raise LCCError(Msg("schema: no output schema for {what!r}; known: {known}", what=what,
                           known=", ".join(known)), field="output_schema.what",
                       code="invalid-value") from None



__all__ = ["PORTFOLIO_SCHEMAS", "SCHEMAS", "output_schema"]
