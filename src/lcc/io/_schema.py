"""The published JSON Schema (draft 2020-12) of tender files and assumption sets.

Built from the same field tables as the reader (:mod:`lcc.io._fields`), so
the schema and the reader agree on every key. The reader checks more than a
schema can say (units, references, overrides against the assumption set);
the schema serves editors and other tools. A TOML file is checked as the
JSON document it parses to (dates as ISO text).
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

from lcc.io import _fields as F
from lcc.io._sensitivity_io import distribution_schema, scenarios_schema

_DRAFT = "https://json-schema.org/draft/2020-12/schema"


#: A text that says something: not blanks alone (nor invisible characters, which a schema
#: cannot tell; the reader refuses them).
_TEXT: dict[str, Any] = F.TEXT_SCHEMA


def _bounded(kind: F.Kind) -> dict[str, Any]:
    """A number within the field's bounds (its minimum, maximum, and whole where it is)."""
    out: dict[str, Any] = {"type": "number"}
    if kind.minimum is not None:
        out["exclusiveMinimum" if kind.exclusive else "minimum"] = kind.minimum
    if kind.maximum is not None:
        out["maximum"] = kind.maximum
    if kind.whole:
        out["multipleOf"] = 1
    return out


def _unit_words(unit: str) -> str:
    """A field's unit (or example) as a file author writes it: ``CUR/m**3`` is ``SEK/m3``."""
    return unit.replace("CUR", "SEK").replace("**", "")


#: The keys of an item that has operating hours (``hours``) whose value may be in burning
#: hours ('50000 h'), converted into years with those hours (the items' rule).
_IN_BURNING_HOURS = ("life", "every")


def _quantity_words(kind: F.Kind, hours: bool = False) -> str:
    """What a quantity field takes, in a file author's words: what it is, its units with the
    currency shown as SEK, an example, its most, and for a life with operating hours that it
    may be in burning hours."""
    units = [_unit_words(u) for u in kind.units]
    what, example = kind.what or "a value", _unit_words(kind.example)
    text = f"{what} in years, e.g. '{example}'" if kind.units == ("yr",) else \
        f"{what} as text with a unit ({' or '.join(units)}), e.g. '{example}'"
    if any("CUR" in u for u in kind.units):
        text += f"; SEK stands for any currency lcc knows " \
                f"({', '.join(F.STUDY['currency'].choices)})"
    if kind.maximum is not None:
        text += f"; at most {kind.maximum:g} {'years' if kind.unit == 'yr' else units[0]}"
    if hours:
        text += "; or in burning hours, e.g. '50000 h', counted into years with the item's " \
                "hours (operating hours per year)"
    return text


def _kind_schema(kind: F.Kind, hours: bool = False) -> dict[str, Any]:
    options: list[dict[str, Any]] = []
    if kind.name == "quantity":
        options.append({"type": "string", "description": _quantity_words(kind, hours)})
    elif kind.name in ("position", "number", "count"):
        options += [_bounded(kind), {"type": "string"}]
    elif kind.name == "rate":  # a fraction above −1; a bare 1 or more is a percentage refused
        options += [{"type": "number", "exclusiveMinimum": -1, "exclusiveMaximum": 1},
                    {"type": "string"}]
        if kind.by_year:  # yearly rates, numbers or texts ('2 %')
            options.append({"type": "array", "items": {"type": ["number", "string"]},
                            "minItems": 1, "maxItems": F.MAX_SEQUENCE})
    elif kind.name == "residual":
        options += [{"enum": ["linear", "none"]}, {"type": "number", "minimum": 0, "maximum": 1},
                    {"type": "string"}]
    elif kind.name == "text":
        options.append(_TEXT)
    elif kind.name == "bool":
        options.append({"type": "boolean"})
    elif kind.name == "year":
        options.append({"type": "integer", "minimum": 1000, "maximum": 9999})
    elif kind.name == "choice":
        options.append({"enum": list(kind.choices)})
    elif kind.name == "exchange_rates":
        options.append({"$ref": "#/$defs/exchange_rates"})
    if kind.ref:
        options.append({"$ref": "#/$defs/reference"})
    if kind.by_year and kind.name != "rate":
        options.append({"$ref": "#/$defs/by_year"})
    elif kind.by_year:
        options.append({"$ref": "#/$defs/by_year_plain"})
    return options[0] if len(options) == 1 else {"anyOf": options}


def _period(kind: F.Kind) -> dict[str, Any]:
    """The study period: a quantity in whole years (annual steps; the study's rule)."""
    out = _kind_schema(kind)
    out["description"] += "; a whole number of years (annual steps)"
    return out


def _object(props: dict[str, Any], required: Any = (), **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        out["required"] = list(required)
    out.update(extra)
    return out


def _common_defs() -> dict[str, Any]:
    number_or_text = {"anyOf": [{"type": "number"}, {"type": "string"}]}

    def by_year(**unit: Any) -> dict[str, Any]:  # fresh dicts: a schema shares no parts
        return {"by_year": {"type": "array", "items": {"type": "number"}, "minItems": 1,
                            "maxItems": F.MAX_SEQUENCE}, **unit,
                "first_year": {"type": "integer", "minimum": 1, "maximum": 9999}}

    return {
        "reference": _object({"parameter": {"type": "string", "pattern": F.NAME_PATTERN}},
                             ["parameter"], description="A reference to a parameter by name."),
        "by_year": _object(by_year(unit={"type": "string"}), ["by_year", "unit"],
                           description="Values by year: study years 1, 2, … or calendar "
                                       "years (first_year >= 1000)."),
        "by_year_plain": _object(by_year(unit={
            "type": "string", "description": "'%' when the values are percentages (2 for "
                                             "2 %); without it they are fractions (0.02)"}),
            ["by_year"], description="Yearly rates by year: fractions, or percentages with "
                                     "unit = '%'."),
        "distribution": distribution_schema(),
        "parameter": _object({
            "value": number_or_text, "low": number_or_text, "high": number_or_text,
            "distribution": {"$ref": "#/$defs/distribution"},
            "description": _TEXT, "source": _TEXT,
        }, description="A named value; a number, or text with a unit ('1.2 SEK/kWh')."),
        "parameters": {
            "type": "object", "maxProperties": F.MAX_PARAMETERS,
            "propertyNames": {"pattern": F.NAME_PATTERN},
            "additionalProperties": {"$ref": "#/$defs/parameter"},
        },
        "exchange_rates": _object({
            "base": {"enum": list(F.STUDY["currency"].choices)},
            "rates": {"type": "object",
                      "propertyNames": {"enum": list(F.STUDY["currency"].choices)},
                      "additionalProperties": {"anyOf": [
                          {"type": "number", "exclusiveMinimum": 0},
                          {"type": "string", "description": "a number, or an amount of the "
                                                            "base currency ('11.48 SEK')"}]}},
            "date": _TEXT, "source": _TEXT,
        }, ["base", "rates"]),
        "study": _object({k: _period(v) if k == "period" else _kind_schema(v)
                          for k, v in F.STUDY.items()}),
    }


#: The characters a regular expression reads as syntax (ECMA 262, as JSON Schema's).
_SYNTAX = frozenset("\\^$.|?*+()[]{}/")


def _any_case(choices: Any) -> str:
    """A pattern that matches each of ``choices`` in any letter case."""
    def one(word: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.lower() != c.upper() and
                       len(c.upper()) == 1 else "\\" + c if c in _SYNTAX else c for c in word)
    return "^(?:" + "|".join(one(str(c)) for c in choices) + ")$"


def _input_schema(inp: Any) -> dict[str, Any]:
    """The schema of one product-calculator input (a :class:`lcc.templates.Input`): its
    field's, with the input's meaning; a quantity that may be a plain number (a share
    instead of an amount) takes a number too, and a profile is a list of pairs."""
    if inp.kind == "choice":  # in any letter case, as the reader takes it
        return {"type": "string", "pattern": _any_case(inp.choices),
                "description": f"{inp.meaning} (one of {', '.join(inp.choices)})"}
    if inp.kind == "profile":
        ref = [{"$ref": "#/$defs/reference"}] if inp.parameter else []
        hours = {"anyOf": [{"type": "string", "description": f"hours in {inp.unit}"}, *ref]}
        fraction = {"anyOf": [_bounded(inp.fraction), {"type": "string"}, *ref]}
        return {"type": "array", "minItems": 1, "maxItems": F.MAX_SEQUENCE,
                "items": {"type": "array", "prefixItems": [hours, fraction], "minItems": 2,
                          "maxItems": 2},
                "description": f"{inp.meaning}; [hours per year, fraction] pairs"}
    schema = _kind_schema(inp.field)
    options = list(schema.get("anyOf", [schema]))
    if inp.kind == "quantity" and "1" in inp.other_units:
        options.insert(1, {"type": "number"})
    return {"anyOf": options, "description": inp.meaning}


def _template_props(defs: dict[str, Any]) -> dict[str, Any]:
    """``template`` and ``inputs`` of an alternative; one ``template_<name>`` def each."""
    from lcc.templates import CALCULATORS

    for name, module in CALCULATORS.items():
        spec = module.INPUTS
        schema = _object({inp.name: _input_schema(inp) for inp in spec},
                         [inp.name for inp in spec if inp.required and not inp.applies_to],
                         description=f"The inputs of the product calculator {name!r}: "
                                     f"{module.TITLE}.")
        selector = getattr(module, "SELECTOR", None)
        if selector is not None:
            sel = next(inp for inp in spec if inp.name == selector)
            rules = []
            for word in sel.choices:
                cond: dict[str, Any] = {"properties": {selector: {"const": word}},
                                        "required": [selector]}
                if sel.default == word:
                    cond = {"anyOf": [cond, {"not": {"required": [selector]}}]}
                applies = [inp for inp in spec if not inp.applies_to or word in inp.applies_to]
                rules.append({"if": cond, "then": {
                    "required": [inp.name for inp in applies if inp.required],
                    "properties": {inp.name: False for inp in spec if inp not in applies}}})
            schema["allOf"] = rules
        defs[f"template_{name}"] = schema
    return {
        "template": {"enum": list(CALCULATORS),
                     "description": "A product calculator (lcc.templates) that builds the "
                                    "alternative from its inputs."},
        "inputs": {"type": "object", "description": "The calculator's inputs by name."},
    }


def _template_rules() -> dict[str, Any]:
    """An alternative has items, or a template with inputs (and then none of the keys the
    calculator sets); the inputs follow the named calculator."""
    from lcc.io._templates import NOT_WITH_TEMPLATE
    from lcc.templates import CALCULATORS

    return {
        "oneOf": [
            {"required": ["items"],
             "not": {"anyOf": [{"required": ["template"]}, {"required": ["inputs"]}]}},
            {"required": ["template", "inputs"],
             "not": {"anyOf": [{"required": [k]} for k in NOT_WITH_TEMPLATE]}},
        ],
        "allOf": [{"if": {"properties": {"template": {"const": name}},
                          "required": ["template"]},
                   "then": {"properties": {"inputs": {"$ref": f"#/$defs/template_{name}"}}}}
                  for name in CALCULATORS],
    }


def _tender_schema() -> dict[str, Any]:
    from lcc.results import POLICIES

    defs = _common_defs()
    item_refs = []
    for name, spec in F.ITEMS.items():
        props = {"type": {"const": name}}
        props.update({k: _kind_schema(v, hours=k in _IN_BURNING_HOURS and "hours" in spec.fields)
                      for k, v in spec.fields.items()})
        defs[name] = _object(props, ["type", *spec.required])
        item_refs.append({"if": {"properties": {"type": {"const": name}}, "required": ["type"]},
                          "then": {"$ref": f"#/$defs/{name}"}})
    defs["item"] = {"type": "object", "required": ["type"],
                    "properties": {"type": {"enum": list(F.ITEMS)}}, "allOf": item_refs}
    alt_props: dict[str, Any] = {k: _kind_schema(v) for k, v in F.ALTERNATIVE.items()
                                 if k not in ("parameters", "items", "template", "inputs")}
    alt_props["parameters"] = {"$ref": "#/$defs/parameters"}
    alt_props["items"] = {"type": "array", "items": {"$ref": "#/$defs/item"}, "minItems": 1,
                          "maxItems": F.MAX_ITEMS}
    alt_props.update(_template_props(defs))
    defs["alternative"] = _object(alt_props, ["name"], **_template_rules())
    return {
        "$schema": _DRAFT,
        "$id": "urn:openlcc:schema:tender:1",
        "title": "lcc tender file (lcc.tender/1)",
        "description": "One procurement's LCC evaluation: the study, the buyer's parameters, "
                       "the bids and their items. Indices in error paths count from 0.",
        **_object({
            "format": {"const": F.TENDER_FORMAT},
            "name": _TEXT,
            "description": _TEXT,
            "reference": _TEXT,
            "assumptions": {"type": "string", "description": "Path of the assumption set, "
                                                              "relative to this file."},
            "study": {"$ref": "#/$defs/study"},
            "parameters": {"$ref": "#/$defs/parameters"},
            "alternatives": {"type": "array", "items": {"$ref": "#/$defs/alternative"},
                             "maxItems": F.MAX_ALTERNATIVES},
            "sensitivity": _object({
                "parameters": {"type": "array", "items": {"type": "string"}},
                "monte_carlo": _object({
                    "n": {"type": "integer", "minimum": 1, "maximum": F.MAX_MONTE_CARLO},
                    "seed": {"type": "integer", "minimum": 0, "maximum": 2**63 - 1},
                }),
            }),
            "scenarios": scenarios_schema(F.NAME_PATTERN),
            "comparison": _object({
                "policy": {"enum": list(POLICIES)},
                "baseline": _TEXT,
            }),
            "overrides": {
                "type": "object",
                "propertyNames": {"pattern": r"^(study\.[a-z_]+|parameters\.[^.]+(\.[a-z]+)?)$"},
                "additionalProperties": {"type": "string", "minLength": 1},
                "description": "Declared departures from the assumption set: path -> reason.",
            },
            "bid_form": {
                "type": "object",
                "description": "What each bidder gives on the Excel bid form (lcc.io.bidform): "
                               "like = '<alternative>', template = '<calculator>' with inputs, "
                               "or items whose bidder values are { bidder = '<what>' }.",
            },
        }, ["name"]),
        # the bids may come later on bid forms: without a [bid_form], at least one
        "if": {"not": {"required": ["bid_form"]}},
        "then": {"required": ["alternatives"], "properties": {"alternatives": {"minItems": 1}}},
        "$defs": defs,
    }


def _assumptions_schema() -> dict[str, Any]:
    defs = _common_defs()
    return {
        "$schema": _DRAFT,
        "$id": "urn:openlcc:schema:assumptions:1",
        "title": "lcc assumption set (lcc.assumptions/1)",
        "description": "A shared, versioned set of buyer (internal) LCC parameters.",
        **_object({
            "format": {"const": F.ASSUMPTIONS_FORMAT},
            "name": _TEXT,
            "version": _TEXT,
            "valid_from": {"type": "string", "format": "date"},
            "owner": _TEXT,
            "description": _TEXT,
            "sources": {"type": "array", "items": _object({
                "id": _TEXT, "title": _TEXT, "url": _TEXT, "note": _TEXT,
            }, ["id", "title"])},
            "policy_choices": {"type": "array", "items": {"type": "string"}},
            "study": {"$ref": "#/$defs/study"},
            "parameters": {"$ref": "#/$defs/parameters"},
        }, ["name", "version", "valid_from", "owner"]),
        "$defs": defs,
    }


@lru_cache(maxsize=2)
def _cached(kind: str) -> dict[str, Any]:
    return _tender_schema() if kind == "tender" else _assumptions_schema()


def json_schema(kind: str = "tender") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of tender files or assumption sets.

    Parameters
    ----------
    kind : {"tender", "assumptions"}

    Returns
    -------
    dict
        A fresh copy of the schema, ready for ``json.dumps``.

    Examples
    --------
    >>> from lcc.io import json_schema
    >>> json_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> sorted(json_schema("assumptions")["required"])
    ['name', 'owner', 'valid_from', 'version']
    """
    if kind not in ("tender", "assumptions"):
        from lcc._errors import LCCError, Msg

        raise LCCError(Msg("json_schema: kind={kind!r}, expected 'tender' or 'assumptions'",
                           kind=kind), field="kind", code="invalid-value")
    return copy.deepcopy(_cached(kind))
