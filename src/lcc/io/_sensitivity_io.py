"""Tender-file parts of sensitivity analysis (issue 19), kept in one module.

* ``[scenarios.NAME]`` — named scenarios: parameters given other values, or
  per-year paths (``{ by_year = [...], unit = "SEK/kWh" }``), and an optional
  ``description``. Read into :class:`lcc.sensitivity.Scenario`; written back;
  its JSON Schema.
* ``distribution = { name = "triangular", low = "…", mode = "…", high = "…" }``
  (also ``"pert"``, ``"normal"`` with ``mean``/``sd``, ``"uniform"`` with
  ``low``/``high``): distributions written in the parameter's unit; and scipy
  distributions by name, frozen lazily (reading a tender does not import
  scipy.stats for the common ones).

The reader functions take the tender reader (:class:`lcc.io._build.Reader`)
and report each problem with its path through it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from lcc._errors import LCCError, Msg, suggest
from lcc._text import same_name
from lcc.io._fields import TEXT_SCHEMA
from lcc.io._issues import file_year, kind_of

#: Reserved key of a scenario table.
DESCRIPTION = "description"
#: Most scenarios in one tender.
MAX_SCENARIOS = 50

Path = tuple[Any, ...]


# -- distributions ---------------------------------------------------------------------------

def read_distribution(r: Any, raw: Any, path: Path, bad: Any) -> Any:
    """A tender file's ``distribution`` table: written in units, or scipy's by name."""
    from lcc.sensitivity import _distributions as D

    obj = r.table(raw, path, Msg("a distribution such as {example}",
                                 example="{name = \"triangular\", low = \"0.8 SEK/kWh\", "
                                         "mode = \"1.2 SEK/kWh\", high = \"2 SEK/kWh\"}"))
    if obj is None:
        return bad
    if "name" not in obj:
        r.c.add("missing-field", (*path, "name"), Msg(
            "missing; name the distribution, e.g. name = \"triangular\" (low, mode, high), "
            "\"pert\", \"normal\" (mean, sd), \"uniform\" (low, high), or a scipy.stats name "
            "such as \"norm\""))
        return bad
    name = obj["name"]
    if not isinstance(name, str):
        r.c.add("wrong-type", (*path, "name"), Msg("expected a distribution name such as "
                                                   "'triangular', got {kind}",
                                                   kind=kind_of(name)))
        return bad
    rest = {k: v for k, v in obj.items() if k != "name"}
    if D.is_unit_form(name, rest):
        cls = D.UNIT_DISTRIBUTIONS[name]
        if not r.keys(obj, path, ["name", *cls.keys], ["name", *cls.keys],
                      what=Msg("the {distribution} distribution: ", distribution=name)):
            return bad
        if not all(r.number_or_text(v, (*path, key)) for key, v in rest.items()):
            return bad
        from lcc.model._fields import located

        try:
            with located("distribution", "distribution"):
                return D.unit_distribution(name, rest, "distribution")
        except LCCError as exc:
            r.c.add("invalid-value", path, exc.detail)
            return bad
    if not name.replace("_", "").isalnum() or name.startswith("_"):
        shapes = None
    else:
        shapes = D.scipy_shapes(name)
    if shapes is None:
        options = [*D.UNIT_DISTRIBUTIONS, *D.scipy_names()]
        r.c.add("invalid-value", (*path, "name"), Msg(
            "{distribution!r} is not a distribution lcc knows{suggest}; e.g. 'triangular', "
            "'pert', 'normal', 'uniform', or a scipy.stats name such as 'norm', 'triang', "
            "'lognorm'", distribution=name, suggest=suggest(name, options)))
        return bad
    shape_names, continuous = shapes
    allowed = ["name", *shape_names, "loc", "scale"] if continuous else \
        ["name", *shape_names, "loc"]
    ok = r.keys(obj, path, allowed, ["name", *shape_names],
                what=Msg("the distribution {distribution!r}: ", distribution=name))
    kwargs: dict[str, float] = {}
    for key, v in rest.items():
        if key not in allowed:
            continue
        x = r.finite(v, (*path, key), Msg("a number (in the unit of the value)"))
        if x is bad:
            ok = False
        else:
            kwargs[key] = float(x)
    if not ok:
        return bad
    try:
        return D.scipy_distribution(name, kwargs)
    except LCCError as exc:
        r.c.add("invalid-value", path, exc.message)
        return bad


# -- scenarios -------------------------------------------------------------------------------

def read_scenarios(r: Any, raw: Any, known: Mapping[str, Any], skip: set[str],
                   bad: Any, incomplete: bool = False,
                   rates: set[str] | frozenset[str] = frozenset()) -> Any:
    """``[scenarios.NAME]`` tables as ``{name: Scenario}`` (``bad`` if any is wrong).

    ``known`` maps parameter names to Parameters (buyer and bidder);
    ``"discount_rate"`` is always known. Names in ``skip`` failed elsewhere and
    are not reported again.
    """
    from lcc.model._parameter import ByYear
    from lcc.sensitivity._scenario import Scenario

    top: Path = ("scenarios",)
    obj = r.table(raw, top, Msg("scenarios: one table per scenario, [scenarios.high_price]"))
    if obj is None:
        return bad
    if len(obj) > MAX_SCENARIOS:
        r.c.add("too-many", top, Msg("{count} scenarios; the limit is {limit}", count=len(obj),
                                     limit=MAX_SCENARIOS))
        return bad
    out: dict[str, Any] = {}
    ok = True
    seen: dict[str, str] = {}
    for sname, table in obj.items():
        spath: Path = (*top, sname)
        if r.name(sname, spath, Msg("scenario name")) is bad:
            ok = False
            continue
        if same_name(sname) == "base":
            r.c.add("invalid-value", spath, Msg("{name!r} is the row of base values; give the "
                                                "scenario another name", name=sname))
            ok = False
            continue
        if same_name(sname) in seen:  # one name to whoever reads the scenarios' table
            r.c.add("duplicate-name", spath, Msg(
                "{name!r} looks the same as the scenario {other!r}; give every scenario a name "
                "of its own", name=sname, other=seen[same_name(sname)]))
            ok = False
            continue
        seen[same_name(sname)] = sname
        t = r.table(table, spath, Msg("a scenario: parameter = value, or parameter = "
                                      "{example}", example="{ by_year = [...], unit = \"...\" }"))
        if t is None:
            ok = False
            continue
        values: dict[str, Any] = {}
        description = None
        for key, value in t.items():
            kp: Path = (*spath, key)
            if key == DESCRIPTION and DESCRIPTION in known:  # no one can tell which is meant
                r.c.add("invalid-value", kp, Msg(
                    "{key!r} is the scenario's own text, and a parameter is named {key!r} too; "
                    "a scenario cannot give that parameter a value: give the parameter another "
                    "name", key=DESCRIPTION))
                ok = False
                continue
            if key == DESCRIPTION:
                description = r.text(value, kp)
                ok = ok and description is not bad
                continue
            if key in skip:
                ok = False
                continue
            p = known.get(key)
            rate_like = key == "discount_rate" or (p is not None and p.unit is None)
            if p is None and key != "discount_rate" and incomplete:
                ok = False  # the assumption set that would define it could not be read
                continue
            if p is None and key != "discount_rate":
                r.c.add("unknown-parameter", kp, Msg(
                    "no parameter is named {parameter!r}{suggest}", parameter=key,
                    suggest=suggest(key, [*known, "discount_rate"])))
                ok = False
                continue
            if key == "discount_rate" or key in rates:  # a bare 4 is 4 %, not 400 %
                from lcc.model._fields import located
                from lcc.model._inputs import check_bare_rate

                raw = value.get("by_year") if isinstance(value, dict) else value
                plain = isinstance(raw, (int, float, str)) or (
                    isinstance(raw, list) and all(isinstance(x, (int, float)) for x in raw))
                try:
                    if plain and not isinstance(raw, bool) and \
                            not (isinstance(value, dict) and value.get("unit")):
                        with located("value", "value"):
                            check_bare_rate(raw, "value")
                except LCCError as exc:
                    r.c.add(exc.code or "invalid-value", kp, exc.detail)
                    ok = False
                    continue
            if isinstance(value, dict):
                got = _path(r, value, kp, p, rate_like, bad, ByYear)
            else:
                got = _single(r, value, kp, p, bad)
            if got is bad:
                ok = False
            else:
                values[key] = got
        if not values and ok:
            r.c.add("missing-field", spath, Msg("a scenario needs at least one parameter = "
                                                "value"))
            ok = False
            continue
        out[sname] = Scenario(values, None if description is bad else description)
    return CheckedScenarios(out, known) if ok else bad


class CheckedScenarios(dict[str, Any]):
    """Scenarios read by the rules of ``[scenarios]``, with the parameters they were read
    against: a Tender of the same parameters and alternatives need not read them again."""

    def __init__(self, scenarios: Mapping[str, Any], known: Mapping[str, Any]) -> None:
        super().__init__(scenarios)
        self.known = dict(known)
        #: the alternatives whose use of the parameters (as rates) they were read with
        self.alternatives: tuple[Any, ...] | None = None

    def checked_against(self, known: Mapping[str, Any], alternatives: Iterable[Any]) -> bool:
        """Whether these were read against these very parameters and alternatives."""
        alts = tuple(alternatives)
        return self.alternatives is not None and len(alts) == len(self.alternatives) and \
            all(a is b for a, b in zip(alts, self.alternatives, strict=True)) and \
            self.known.keys() == known.keys() and all(self.known[k] is known[k] for k in known)


def _single(r: Any, value: Any, path: Path, p: Any, bad: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        r.c.add("wrong-type", path, Msg("expected a value (a number, or a text with a unit "
                                        "such as '2.1 SEK/kWh') or a per-year path {example}, "
                                        "got {kind}", example="{ by_year = [...] }",
                                        kind=kind_of(value)))
        return bad
    if isinstance(value, float) and r.finite(value, path) is bad:
        return bad
    from lcc.model._fields import located

    try:
        with located("value", "value"):
            if p is None or (p.unit is None and isinstance(value, str)):
                from lcc.units import parse_number

                parse_number(value, name="value")
            else:
                p._same_unit(value, "value")
    except LCCError as exc:
        r.c.add(exc.code or "invalid-value", path, exc.detail)
        return bad
    return value


def _path(r: Any, value: dict[str, Any], path: Path, p: Any, rate_like: bool, bad: Any,
          by_year: Any) -> Any:
    if not r.keys(value, path, ["by_year", "unit", "first_year"], ["by_year"],
                  what=Msg("a per-year path: ")):
        return bad
    seq = value["by_year"]
    if not isinstance(seq, list) or not seq or not all(
            not isinstance(x, bool) and isinstance(x, (int, float)) and math.isfinite(x)
            for x in seq):
        r.c.add("wrong-type", (*path, "by_year"), Msg("expected a non-empty list of finite "
                                                      "numbers, one per year"))
        return bad
    unit = value.get("unit")
    first = file_year(value.get("first_year", 1))
    if unit is not None and not isinstance(unit, str):
        r.c.add("wrong-type", (*path, "unit"), Msg("expected a unit as text, got {kind}",
                                                   kind=kind_of(unit)))
        return bad
    if rate_like and unit is not None:
        r.c.add("invalid-value", (*path, "unit"), Msg("this parameter is a plain number; give "
                                                      "its path without a unit"))
        return bad
    if not rate_like and unit is None:
        r.c.add("missing-field", (*path, "unit"), Msg(
            "missing; the values need the unit of {parameter!r} ({unit}), e.g. unit = "
            "\"{unit}\"", parameter=p.name, unit=p.unit_text))
        return bad
    if not rate_like:
        from lcc.model._fields import located

        try:
            with located("unit", "unit"):
                p._same_unit(f"1 {unit}", "unit")
        except LCCError as exc:
            r.c.add("wrong-unit", (*path, "unit"), exc.detail)
            return bad
    try:
        return by_year([float(x) for x in seq], unit=unit, first_year=first)
    except LCCError as exc:
        r.c.add("invalid-value", path, exc.message)
        return bad


def scenarios_data(scenarios: Mapping[str, Any],
                   known: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``{name: Scenario}`` as tender-file data (the inverse of :func:`read_scenarios`).

    A number of a parameter with a unit (``known``: parameters by name) is read as
    :func:`lcc.sensitivity.scenarios` reads it (the model's one rule: in the parameter's unit,
    but a fraction for a parameter in percent, 0.05 for '3 %' is 5 %) and written in that
    unit; a value of another kind is written as it is, for the reader to report.
    """
    from lcc.model._parameter import ByYear
    from lcc.sensitivity._scenario import Scenario

    out: dict[str, Any] = {}
    for name, sc in scenarios.items():
        if not isinstance(sc, Scenario):
            out[name] = sc
            continue
        table: dict[str, Any] = {}
        if sc.description:
            table[DESCRIPTION] = sc.description
        for key, value in sc.values.items():
            p = (known or {}).get(key)
            if p is not None and p.unit is not None and not isinstance(value, bool) and \
                    isinstance(value, (int, float)):
                from lcc.io._values import number_text
                from lcc.model._inputs import analysis_value

                own = analysis_value(p, value, key, rate=False)
                table[key] = f"{number_text(own)} {p.unit_text}"
                continue
            if isinstance(value, ByYear):
                path: dict[str, Any] = {"by_year": [float(v) for v in value.values]}
                if value.unit is not None:
                    path["unit"] = str(value.unit)
                if value.first_year != 1:
                    path["first_year"] = value.first_year
                table[key] = path
            elif isinstance(value, (list, tuple)):
                table[key] = {"by_year": list(value)}
            elif hasattr(value, "units"):
                from lcc.io._values import quantity_text

                table[key] = quantity_text(value, key)  # full precision, read back exactly
            else:
                table[key] = value
        out[name] = table
    return out


def scenarios_schema(name_pattern: str) -> dict[str, Any]:
    """The JSON Schema of ``[scenarios]``."""
    number_or_text = {"type": ["number", "string"]}
    path = {"type": "object", "required": ["by_year"], "additionalProperties": False,
            "properties": {"by_year": {"type": "array", "items": {"type": "number"},
                                       "minItems": 1},
                           "unit": {"type": "string"},
                           "first_year": {"type": "integer", "minimum": 1}},
            "description": "A per-year path: one value per study year (or calendar year "
                           "with first_year >= 1000)."}
    return {
        "type": "object", "maxProperties": MAX_SCENARIOS,
        "propertyNames": {"pattern": name_pattern},
        "description": "Named scenarios: parameters given other values or per-year paths "
                       "(lcc sensitivity FILE scenarios).",
        "additionalProperties": {
            "type": "object", "minProperties": 1,
            "properties": {DESCRIPTION: dict(TEXT_SCHEMA)},
            "additionalProperties": {"anyOf": [number_or_text, path]},
        },
    }


def distribution_schema() -> dict[str, Any]:
    """The JSON Schema of a parameter's ``distribution``."""
    text_or_number = {"type": ["number", "string"]}

    def unit_form(name: str, keys: list[str]) -> dict[str, Any]:
        props: dict[str, Any] = {"name": {"const": name}}
        props.update({k: text_or_number for k in keys})
        return {"type": "object", "required": ["name", *keys], "properties": props,
                "additionalProperties": False}

    return {
        "description": "A distribution in the value's unit — triangular (low, mode, high), "
                       "pert (low, mode, high), normal (mean, sd), uniform (low, high), "
                       "values as numbers or texts with units — or a scipy.stats "
                       "distribution by name with its parameters by name, e.g. {name = "
                       "'norm', loc = 1.2, scale = 0.1}. Without one, a parameter with low "
                       "and high is sampled from PERT(low, value, high).",
        "anyOf": [
            unit_form("triangular", ["low", "mode", "high"]),
            unit_form("pert", ["low", "mode", "high"]),
            unit_form("normal", ["mean", "sd"]),
            unit_form("uniform", ["low", "high"]),
            {"type": "object", "required": ["name"],
             "properties": {"name": {"type": "string"}},
             "additionalProperties": {"type": "number"}},
        ],
    }


__all__ = ["distribution_schema", "read_distribution",
           "read_scenarios", "scenarios_data", "scenarios_schema"]
