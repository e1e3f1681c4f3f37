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
        "import-bids", "The LCC of each imported bid (currency).", {},
        _rows({"alternative": _STR, "lcc": _NUM}), required=[]),
    "calculators": _doc(
        "calculators", "The product calculators and their inputs, one row per input.", {},
        _rows({}, required=[], additional=True), required=[]),
}


def output_schema(what: str) -> dict[str, Any]:
    """The JSON Schema of ``lcc WHAT --format json`` (``sensitivity-tornado`` for
    ``lcc sensitivity FILE tornado``)."""
    try:
        return SCHEMAS[what]
    except KeyError:
        raise LCCError(Msg("schema: no output schema for {what!r}; known: {known}", what=what,
                           known=", ".join(SCHEMAS)), field="output_schema.what",
                       code="invalid-value") from None



__all__ = ["SCHEMAS", "output_schema"]
