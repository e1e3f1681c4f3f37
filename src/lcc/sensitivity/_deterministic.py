"""One-at-a-time sensitivity (tornado) and named scenarios."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from lcc._errors import LCCError, Msg
from lcc._text import is_blank, repeated, same_name
from lcc.model._inputs import check_bare_rate
from lcc.model._parameter import ByYear, Parameter
from lcc.model._study import Study
from lcc.results._describe import ParameterName
from lcc.results._ranking import tied
from lcc.sensitivity._model import Model, difference_label, ranks
from lcc.sensitivity._scenario import Scenario
from lcc.sensitivity._tables import TornadoResult
from lcc.sensitivity._words import Unit, at

#: Relative change of an LCC below which an input counts as not affecting it.
UNCHANGED = 1e-12

#: The field of an error in the scenarios given to :func:`scenarios`.
SCENARIOS = "scenarios.scenarios"

TORNADO_COLUMNS = ["parameter", "alternative", "low", "high", "lcc_low", "lcc_high", "swing",
                   "base", "lcc_base", "unit"]


def tornado(alternatives: Any, study: Study,
            ranges: Mapping[str, Any] | None = None, *,
            pair: Sequence[str] | None = None) -> TornadoResult:
    """One-at-a-time sensitivity of each alternative's LCC to each input (tornado table).

    Each input with a range is set to its low and then its high value while
    every other input stays at its base value; the LCC of every alternative
    is evaluated at those points in one vectorised call of the engine.

    Parameters
    ----------
    alternatives : Alternative or sequence of Alternative
    study : Study
    ranges : mapping, optional
        ``name -> (low, high)`` in the parameter's own unit (numbers, or
        quantities/strings that convert to it); overrides the ``low``/``high``
        declared on the Parameter. ``"discount_rate"`` addresses the study's
        rate.
    pair : (str, str), optional
        The alternatives (A, B) of the deciding difference LCC_B − LCC_A; by
        default A is the lowest LCC at base values and B the runner-up.

    Returns
    -------
    TornadoResult
        A :class:`pandas.DataFrame` (with ``to_dict()``/``to_json()``): one row
        per (input, alternative the input affects), columns
        ``parameter, alternative, low, high, lcc_low, lcc_high, swing`` and
        also ``base`` (the input's base value), ``lcc_base`` and ``unit`` (the
        input's own unit). ``low``/``high``/``base`` are in the input's own unit;
        the LCCs and ``swing = |lcc_high − lcc_low|`` in the study currency.
        Sorted by swing, largest first.

        With two or more alternatives, extra rows with ``alternative =
        "B minus A"`` give the swing of the deciding difference LCC_B − LCC_A,
        where A is the alternative with the lowest LCC at base values and B
        the runner-up (positive while A wins), or the ``pair`` given: a bar
        that crosses zero means the input can change which of the two wins.

        A row is left out when the input does not change that alternative's
        LCC (nor, for a difference row, the difference) at either end, by more
        than 1e-12 of the LCC (rounding).
        ``df.attrs``: ``"skipped"`` (inputs without a range), ``"pair"``
        (A, B), ``"difference"`` (the label of the difference rows),
        ``"base_lcc"`` (dict alternative -> LCC at base values) and
        ``"unit"`` (study currency).

    Raises
    ------
    LCCError
        An unknown name in ``ranges`` (the message lists the known ones), or a
        range that is not a pair low <= high.

    Notes
    -----
    This is the one-way (one-factor-at-a-time) sensitivity analysis of NIST
    Handbook 135 (1995), §7.1; it ignores interactions between inputs (see
    :func:`sobol` for that).
    """
    model = Model(alternatives, study, "tornado")
    rngs, skipped = model.ranges(ranges, "ranges")
    flat = [name for name, (lo, hi) in rngs.items() if lo == hi]  # low = high: no range,
    skipped = [*skipped, *flat]  # left out and said so as one without a range
    rngs = {name: r for name, r in rngs.items() if name not in flat}
    base = model.base_lcc()
    chosen = model.pair(pair) if pair is not None or len(model.names) > 1 else None
    points: list[dict[str, float]] = []
    for name, (lo, hi) in rngs.items():
        model.check_values(name, [lo, hi], f"ranges[{name!r}]", arg="ranges")
        points += [{name: lo}, {name: hi}]
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is said below
        values = model.evaluate_points(points)
    for i, (name, (lo, hi)) in enumerate(rngs.items()):  # as break-even and Monte Carlo do
        for x, column in ((lo, values[:, 2 * i]), (hi, values[:, 2 * i + 1])):
            if not np.all(np.isfinite(column)):
                inp = model.inputs[name]
                what = ParameterName(name, getattr(inp.parameter, "description", None))
                raise LCCError(Msg("tornado of {what!r}: the LCC cannot be computed at "
                                   "{value:g}{unit}, an end of its range; narrow the range",
                                   what=what, value=x, unit=Unit(f" {inp.unit}" if inp.unit
                                                                  else "")),
                               field=model.field("ranges"), code="invalid-value")
    rows = []
    for i, (name, (lo, hi)) in enumerate(rngs.items()):
        inp = model.inputs[name]
        at_lo, at_hi = values[:, 2 * i], values[:, 2 * i + 1]
        series = [(alt, at_lo[k], at_hi[k], base[k], abs(base[k]))
                  for k, alt in enumerate(model.names)]
        if chosen is not None:
            a, b = chosen  # by default the best and the runner-up: LCC_b − LCC_a
            series.append((difference_label(model.names[b], model.names[a]),
                           at_lo[b] - at_lo[a], at_hi[b] - at_hi[a], base[b] - base[a],
                           max(abs(base[a]), abs(base[b]))))
        for label, v_lo, v_hi, v_base, scale in series:
            tol = UNCHANGED * max(scale, 1.0)
            if abs(v_lo - v_base) <= tol and abs(v_hi - v_base) <= tol:
                continue
            rows.append((name, label, lo, hi, float(v_lo), float(v_hi), abs(float(v_hi - v_lo)),
                         inp.base, float(v_base), inp.unit))
    frame = pd.DataFrame(rows, columns=TORNADO_COLUMNS)
    frame = frame.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)
    df = TornadoResult(frame)
    df.attrs["skipped"] = skipped
    df.attrs["pair"] = None if chosen is None else (model.names[chosen[0]],
                                                    model.names[chosen[1]])
    df.attrs["difference"] = None if chosen is None else difference_label(
        model.names[chosen[1]], model.names[chosen[0]])
    df.attrs["base_lcc"] = {n: float(v) for n, v in zip(model.names, base, strict=True)}
    df.attrs["unit"] = study.currency
    df.attrs["rates"] = [name for name in model.inputs if model.is_rate(name)]
    return df


def _path_scale(path: Any, unit: str | None) -> float:
    """What a per-year path's values are multiplied by to stand in its input's unit: 0.01
    for 'öre/kWh' beside SEK/kWh, 0.001 for SEK/MWh, 0.01 for a path in '%' of a rate held
    as a fraction; 1 for a path without a unit."""
    written = getattr(path, "unit", None)
    if not written:
        return 1.0
    from lcc.units import get_registry

    reg = get_registry()
    try:
        return float(reg.Quantity(1.0, str(written)).to(unit or "").magnitude)
    except Exception:  # not convertible: refused where the path is read
        return 1.0


def _is_path(value: Any, unit: str) -> bool:
    """A ByYear, or a plain list for a dimensionless input (a list holds years)."""
    return isinstance(value, ByYear) or (not unit and isinstance(value, (list, tuple)))


def check_paths(alternatives: Any, study: Study, paths: Mapping[str, Any],
                scenario: str) -> None:
    """Refuse a per-year path that no field takes: for a quantity or the discount rate (one
    value each), or for a parameter no item or study field uses directly. Its ``field`` is
    ``scenarios.<scenario>.<parameter>``."""
    where = f"scenarios[{scenario!r}]"
    used: set[str] = set()
    for alt in alternatives:
        for item in alt.items:
            for key in (*item.FIELDS, *item.COMMON_FIELDS):  # the fields a path may replace
                v = getattr(item, key, None)
                if isinstance(v, Parameter) and v.name in paths:
                    used.add(v.name)
        for name in paths:
            if isinstance(alt.quantity, Parameter) and alt.quantity.name == name:
                raise LCCError(Msg("{name}: is the quantity of {alternative!r}; a quantity "
                                   "takes one value, not a per-year path",
                                   name=at(where, name), alternative=alt.name),
                               field=f"scenarios.{scenario}.{name}", code="not-applicable")
    if isinstance(study.carbon_price, Parameter) and study.carbon_price.name in paths:
        used.add(study.carbon_price.name)
    rate = study.discount_rate.name if isinstance(study.discount_rate, Parameter) else None
    for name in paths:
        if name in ("discount_rate", rate):
            raise LCCError(Msg("{name}: the discount rate takes one value, not a per-year "
                               "path", name=at(where, name)),
                           field=f"scenarios.{scenario}.{name}", code="not-applicable")
    for name in paths:
        if name not in used:
            raise LCCError(Msg("{name}: no item uses the parameter {parameter!r} directly as "
                               "a field, so a per-year path cannot replace it; give one value",
                               name=at(where, name), parameter=name),
                           field=f"scenarios.{scenario}.{name}", code="not-applicable")


def _substitute(alternatives: list[Any], study: Study, paths: Mapping[str, Any],
                scenario: str) -> tuple[list[Any], Study]:
    """Alternatives and study with each Parameter named in ``paths`` replaced by its path
    (:func:`check_paths` says which paths no field takes)."""
    check_paths(alternatives, study, paths, scenario)

    def swap(obj: Any) -> Any:
        changes = {}
        for key, value in obj.field_values().items() if hasattr(obj, "field_values") else ():
            if isinstance(value, Parameter) and value.name in paths:
                path = paths[value.name]
                changes[key] = path if isinstance(path, ByYear) or value.unit is None else \
                    ByYear(list(path), value.unit_text or None)
        return obj.replace(**changes) if changes else obj

    alts = []
    for alt in alternatives:
        items = [swap(item) for item in alt.items]
        alts.append(alt.with_items(*items) if any(
            a is not b for a, b in zip(items, alt.items, strict=True)) else alt)
    changes = {}
    if isinstance(study.carbon_price, Parameter) and study.carbon_price.name in paths:
        changes["carbon_price"] = paths[study.carbon_price.name]
    return alts, study.replace(**changes) if changes else study


def scenarios(alternatives: Any, study: Study, scenarios: Mapping[str, Any], *,
              include_base: bool = True) -> pd.DataFrame:
    """LCC and rank of every alternative in named scenarios.

    EN 15459-1 (2017, §6) asks for the economic calculation under at least two
    discount rates; buyers ask for price paths (a high and a low energy price).
    Both are scenarios.

    Parameters
    ----------
    alternatives : Alternative or sequence of Alternative
    study : Study
    scenarios : mapping
        ``{scenario_name: {parameter: value}}`` or ``{scenario_name:
        Scenario}``; values in the parameter's own unit (numbers, or
        quantities/strings that convert to it), or per-year paths
        (:class:`lcc.ByYear`, or a list for a dimensionless input such as an
        escalation rate). Inputs a scenario does not name keep their base
        values.
    include_base : bool
        Add a first row ``"base"`` with every input at its base value.

    Returns
    -------
    pandas.DataFrame
        Wide format: index ``scenario`` (in the given order, ``"base"`` first),
        columns a two-level index — ``("lcc", alternative)`` the LCC in the study
        currency and ``("rank", alternative)`` the rank (1 = lowest LCC; ties,
        relative difference < 1e-9, share a rank; :func:`lcc.results.ranks`).
        ``df["lcc"]`` and ``df["rank"]`` give the two tables. ``df.attrs``:
        ``"best"`` (dict scenario -> alternatives ranked 1), ``"scenarios"``
        (the values used, own units; paths as lists), ``"descriptions"``
        (scenario -> text or None), ``"unit"`` (study currency), ``"notes"`` (what the
        calculation says of a scenario's path, such as one cut to the years its items
        use, as it says of an item's own per-year sequence) and ``"unchanged"`` (the
        scenarios in which every LCC ties with its base value: no alternative depends on
        what they change, such as a carbon price the study leaves out of the LCC).

    Raises
    ------
    LCCError
        An unknown parameter (the message lists the known ones), a value that is
        not a single number in the parameter's unit or a path, a path for an
        input that takes one value (the discount rate, a quantity), or a
        scenario named ``"base"`` while ``include_base`` is true.
    """
    model = Model(alternatives, study, "scenarios")
    if not isinstance(scenarios, Mapping):
        raise LCCError(Msg("scenarios: got {kind}; expected a mapping {{scenario_name: "
                           "{{parameter: value}}}}", kind=type(scenarios).__name__),
                       field=SCENARIOS, code="wrong-type")
    names: list[str] = ["base"] if include_base else []
    points: list[dict[str, float]] = [{}] if include_base else []
    path_sets: list[dict[str, Any]] = [{}] if include_base else []
    shown: list[dict[str, Any]] = [{}] if include_base else []
    descriptions: list[str | None] = [None] if include_base else []
    for sname, assignment in scenarios.items():
        if not isinstance(sname, str) or is_blank(sname):
            raise LCCError(Msg("scenarios: got the scenario name {name!r}; expected a "
                               "non-empty string", name=sname), field=SCENARIOS,
                           code="invalid-value" if isinstance(sname, str) else "wrong-type")
        if same_name(sname) == "base" and include_base:
            raise LCCError(Msg("scenarios: a scenario is named 'base', which is the row of "
                               "base values; rename it or pass include_base=False"),
                           field=SCENARIOS, code="duplicate-name")
        description = None
        if isinstance(assignment, Scenario):
            description = assignment.description
            assignment = assignment.values
        if not isinstance(assignment, Mapping):
            raise LCCError(Msg("{where}: got {value!r}; expected a mapping {{parameter: "
                               "value}}", where=at("scenarios", sname), value=assignment),
                           field=SCENARIOS, code="wrong-type")
        point: dict[str, float] = {}
        paths: dict[str, Any] = {}
        show: dict[str, Any] = {}
        for key, value in assignment.items():
            where = f"scenarios[{sname!r}][{key!r}]"
            name = model.resolve(key, where, arg="scenarios")
            if name in point or name in paths:
                raise LCCError(Msg("{where}: the discount rate is given twice (as "
                                   "'discount_rate' and by the name of its parameter)",
                                   where=where), field=SCENARIOS, code="duplicate-name")
            if model.is_rate(name):  # a bare 4 is 4 %, not 400 % (as in every rate field)
                raw = value.values if isinstance(value, ByYear) else value
                if not getattr(value, "unit", None):
                    check_bare_rate(raw, where)
            if _is_path(value, model.inputs[name].unit):
                paths[name] = value
                scale = _path_scale(value, model.inputs[name].unit)  # in the input's own
                show[name] = [float(v) * scale for v in (value.values if isinstance(  # unit,
                    value, ByYear) else value)]  # as a single value is (öre/kWh as SEK/kWh)
                continue
            point[name] = model.own_value(name, value, where, arg="scenarios")
            model.check_values(name, point[name], where, arg="scenarios")
            show[name] = point[name]
        names.append(sname)
        points.append(point)
        path_sets.append(paths)
        shown.append(show)
        descriptions.append(description)
    dup = repeated(names)
    if dup:
        raise LCCError(Msg("scenarios: the names {names} look the same; give every scenario a "
                           "name of its own", names=dup), field=SCENARIOS, code="duplicate-name")
    if not points:
        raise LCCError(Msg("scenarios: got no scenarios and include_base=False; nothing to "
                           "evaluate"), field=SCENARIOS, code="missing-field")

    values = np.empty((len(model.names), len(points)))
    plain = [i for i, p in enumerate(path_sets) if not p]
    if plain:
        values[:, plain] = model.evaluate_points([points[i] for i in plain])
    notes: list[Msg] = []
    known = {w for c in model.compiled for w in c.warnings}
    for i, paths in enumerate(path_sets):
        if paths:
            alts, st = _substitute(model.alternatives, study, paths, names[i])
            try:
                sub = Model(alts, st, "scenarios")
            except LCCError as exc:  # a path that does not cover the years an item needs
                one = f".{next(iter(paths))}" if len(paths) == 1 else ""
                raise LCCError(Msg("{name}: {problem}", name=f"scenarios[{names[i]!r}]",
                                   problem=exc.message),
                               field=f"scenarios.{names[i]}{one}",
                               code=exc.code or "invalid-value") from None
            values[:, i] = sub.evaluate_points([points[i]])[:, 0]
            notes += [Msg("{name}: {problem}", name=names[i], problem=w)
                      for c in sub.compiled for w in c.warnings if w not in known]
    rank = ranks(values)
    lcc_part = pd.DataFrame(values.T, index=names, columns=model.names)
    rank_part = pd.DataFrame(rank.T, index=names, columns=model.names)
    df = pd.concat({"lcc": lcc_part, "rank": rank_part}, axis=1)
    df.index.name = "scenario"
    df.attrs["best"] = {s: [a for a, r in zip(model.names, rank[:, i], strict=True) if r == 1]
                        for i, s in enumerate(names)}
    df.attrs["scenarios"] = dict(zip(names, shown, strict=True))
    df.attrs["descriptions"] = dict(zip(names, descriptions, strict=True))
    df.attrs["unit"] = study.currency
    df.attrs["notes"] = notes
    base = model.base_lcc()  # a scenario that moves no LCC is said, not shown as a finding
    df.attrs["unchanged"] = [s for i, s in enumerate(names) if s != "base" and all(
        tied(float(values[k, i]), float(base[k])) for k in range(len(model.names)))]
    return df


def check_scenarios(alternatives: Any, study: Study, scenarios: Mapping[str, Any]) -> None:
    """Raise the first per-year path of ``scenarios`` that :func:`scenarios` would refuse
    (:func:`check_paths`), without evaluating anything: ``lcc.io`` reads a tender's
    scenarios with it (their values, one by one, it reads by their parameters' rules)."""
    for sname, scenario in scenarios.items():
        values = scenario.values if isinstance(scenario, Scenario) else scenario
        paths = {k: v for k, v in values.items() if isinstance(v, (ByYear, list, tuple))}
        if paths:
            check_paths(alternatives, study, paths, sname)
