"""The inputs of a sensitivity analysis and the vectorised evaluation of every alternative.

:class:`Model` compiles the alternatives once under the study, collects the
Parameters they use (one name = one input, common to every alternative that
uses it) plus ``"discount_rate"`` for the study's rate, and evaluates the
LCC of every alternative at many points in one call of the engine
(:func:`lcc.engine.lcc_values_many`, sample-array overrides, no Python loop
over points).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from lcc._errors import LCCError, Msg, suggest
from lcc._text import repeated
from lcc.engine import Compiled, compile_alternative, lcc_values_many
from lcc.engine._terms import ChainTerm, SeriesTerm
from lcc.model._alternative import Alternative, check_parameters, rate_names
from lcc.model._fields import located
from lcc.model._inputs import Num, analysis_value, own_fraction
from lcc.model._parameter import Parameter
from lcc.model._study import Study
from lcc.results._ranking import TIE, difference_label, order, ranks
from lcc.sensitivity._distributions import UnitDistribution
from lcc.sensitivity._words import Figure, Unit
from lcc.units import get_registry

#: The name that addresses the study's discount rate.
DISCOUNT_RATE = "discount_rate"


@dataclass(frozen=True)
class Input:
    """One input of the analysis, addressed by ``name``.

    ``base``, ``low`` and ``high`` are in the input's own unit (``unit``, '' for a
    plain number). ``parameter`` is None for a study discount rate given as a
    plain number.
    """

    name: str
    parameter: Parameter | None
    base: float
    unit: str
    low: float | None
    high: float | None
    distribution: Any
    duration: bool
    scalar_only: bool

    @property
    def declared_range(self) -> tuple[float, float] | None:
        """(low, high) declared on the Parameter, or None if either is missing."""
        if self.low is None or self.high is None:
            return None
        return self.low, self.high


def own_distribution(p: Parameter) -> Any:
    """The Parameter's distribution in its own unit (a distribution written with units,
    such as ``Triangular.of("0.75 SEK/kWh", …)``, converted to the value's unit)."""
    return in_own_unit(p.distribution, p, f"Parameter {p.name!r}.distribution")


def in_own_unit(d: Any, p: Parameter, where: str | Msg) -> Any:
    """A distribution in the unit of the Parameter ``p``'s value (``where`` names it in an
    error: its units must convert to the value's)."""
    if isinstance(d, UnitDistribution) and d.unit is not None:
        def convert(x: float, unit: str | None) -> float:
            got = p._same_unit(f"{x!r} {unit}", where)
            return float(got.magnitude if hasattr(got, "magnitude") else got)

        return d.in_unit(convert)
    return d


def as_alternatives(alternatives: Any, func: str = "Model") -> list[Alternative]:
    """One Alternative or an iterable of them, as a list with unique names.

    ``func`` is the function they were given to (the field of an error is ``func.alternatives``).
    """
    field = f"{func}.alternatives"
    if isinstance(alternatives, Alternative):
        alts = [alternatives]
    elif isinstance(alternatives, (str, bytes)) or not isinstance(alternatives, Iterable):
        raise LCCError(Msg(
            "alternatives: got {kind} {value!r}; expected an lcc.Alternative or a list of "
            "them", kind=type(alternatives).__name__, value=alternatives), field=field,
            code="wrong-type")
    else:
        alts = list(alternatives)
    if not alts:
        raise LCCError(Msg("alternatives: got an empty list; expected at least one "
                           "lcc.Alternative"), field=field, code="missing-field")
    for i, alt in enumerate(alts):
        if not isinstance(alt, Alternative):
            raise LCCError(Msg(
                "alternatives: item {i} is {kind} {value!r}; expected an lcc.Alternative",
                i=i + 1, kind=type(alt).__name__, value=alt), field=field, code="wrong-type")
    dup = repeated(a.name for a in alts)
    if dup:
        raise LCCError(Msg(
            "alternatives: the name(s) {names} occur more than once; results are labelled by "
            "name, so give every alternative its own", names=dup),
            field=field, code="duplicate-name")
    return alts


class Model:
    """Alternatives compiled under a study, with their inputs, ready to evaluate.

    Parameters
    ----------
    alternatives : Alternative or sequence of Alternative
    study : Study
    func : str
        The analysis they were given to (``"tornado"``, ``"monte_carlo"`` …): the field
        of an input error is ``func.argument`` (``"monte_carlo.distributions"``).
    """

    def __init__(self, alternatives: Any, study: Study, func: str = "Model") -> None:
        self.func = func
        if not isinstance(study, Study):
            raise LCCError(Msg("study: got {kind} {value!r}; expected an lcc.Study",
                               kind=type(study).__name__, value=study),
                           field=self.field("study"), code="wrong-type")
        self.alternatives = as_alternatives(alternatives, func)
        self.study = study
        self.names = [a.name for a in self.alternatives]
        self.compiled: list[Compiled] = [compile_alternative(a, study) for a in self.alternatives]
        for c in self.compiled:
            if c.samples is not None:
                raise LCCError(Msg(
                    "Alternative {name!r}: has inputs with {n} samples; sensitivity analysis "
                    "varies single-valued inputs — give Parameters single values and let "
                    "monte_carlo draw the samples", name=c.alternative.name, n=c.samples),
                    field=self.field("alternatives"), code="not-applicable")
        params = check_parameters(
            [p for c in self.compiled for p in c.parameters.values()],
            "alternatives with the study",
        )
        self.alias: str | None = None
        rate = study.discount_rate
        if isinstance(rate, Parameter) and rate.name != DISCOUNT_RATE:
            self.alias = rate.name
        durations = self._durations()
        inflation = study.inflation.name if isinstance(study.inflation, Parameter) else None
        inputs: dict[str, Input] = {DISCOUNT_RATE: self._rate_input()}
        for name in sorted(params, key=str.casefold):
            if name in (DISCOUNT_RATE, self.alias):
                continue
            p = params[name]
            inputs[name] = Input(
                name, p, float(p.magnitude), p.unit_text, p.low_magnitude, p.high_magnitude,
                own_distribution(p), name in durations, name == inflation,
            )
        self.inputs = inputs

    def field(self, arg: str) -> str:
        """The field of an argument of the analysis: ``"tornado.ranges"``."""
        return f"{self.func}.{arg}"

    # -- inputs -------------------------------------------------------------
    def _rate_input(self) -> Input:
        rate = self.study.discount_rate
        if isinstance(rate, Parameter):  # in its own unit ('3 %': 3, in %), as every input
            return Input(DISCOUNT_RATE, rate, float(rate.magnitude), rate.unit_text or "",
                         rate.low_magnitude, rate.high_magnitude, own_distribution(rate), False,
                         False)
        return Input(DISCOUNT_RATE, None, float(self.study.rate.value), "", None, None, None,
                     False, False)

    def _nums(self) -> list[Num]:
        """Every input read from a Parameter: the items', the alternatives' and the study's."""
        nums: list[Any] = [self.study._inflation, self.study._carbon]
        for alt in self.alternatives:
            nums += [alt._quantity, alt._life]
            for item in alt.items:
                nums += item.inputs()
        return [self.study._rate] + [n for n in nums if isinstance(n, Num)
                                     and n.param is not None and n.scale > 0]

    def bounds(self) -> dict[str, tuple[float | None, bool, float | None]]:
        """(least, whether the least is excluded, most) value each Parameter may take, in its
        own unit: the tightest bounds of the fields it stands in (0 for a price, > −1 for a
        rate, > 0 and at most 500 years for a life)."""
        out: dict[str, tuple[float | None, bool, float | None]] = {}
        for num in self._nums():
            name = DISCOUNT_RATE if num.param in (self.alias, None) else num.param
            floor, strict, ceiling = out.get(name, (None, False, None))
            if num.floor is not None:
                lo = num.floor / num.scale
                if floor is None or lo > floor:
                    floor, strict = lo, num.strict
                elif lo == floor:
                    strict = strict or num.strict
            if num.ceiling is not None:
                hi = num.ceiling / num.scale
                ceiling = hi if ceiling is None else min(ceiling, hi)
            out[name] = (floor, strict, ceiling)
        return out

    def floors(self) -> dict[str, float]:
        """The least value each Parameter may take, in its own unit (see :meth:`bounds`)."""
        return {k: lo for k, (lo, _, _) in self._bounds.items() if lo is not None}

    @cached_property
    def _bounds(self) -> dict[str, tuple[float | None, bool, float | None]]:
        return self.bounds()

    def is_rate(self, name: str) -> bool:
        """Whether an input is a rate per year (the discount rate, or a Parameter that stands
        in a rate field), held as a plain number or in percent."""
        return name in self._rates and self.rate_scale(name) is not None

    @cached_property
    def _rates(self) -> set[str]:
        return {DISCOUNT_RATE if name == self.alias else name
                for name in rate_names(self.alternatives, self.study)}

    def rate_scale(self, name: str) -> float | None:
        """The fraction one of the input's own unit stands for (1, or 0.01 for '%')."""
        return own_fraction(self.inputs[name].parameter)

    def check_support(self, name: str, dist: Any, where: str) -> None:
        """Refuse a distribution that draws values below the least its input takes (or that
        least itself where the input is more than it: a service life of 0 years)."""
        floor, strict, _ = self._least_most(name)
        if floor is None:
            return
        try:
            low = float(dist.ppf(1e-9))
        except Exception:  # pragma: no cover - a distribution without ppf is refused elsewhere
            return
        unit = self.inputs[name].unit if name in self.inputs else ""
        if strict and floor - 1e-12 * max(1.0, abs(floor)) <= low <= floor:
            raise LCCError(Msg(
                "{where}: it draws {low}{unit}, while this input is more than "
                "{floor}{unit}; give a distribution that stays above it, e.g. PERT or "
                "triangular with a lowest value above {floor}, or a lognormal", where=where,
                low=Figure(low, f"{low:.6g}"), unit=Unit(f" {unit}" if unit else ""),
                floor=Figure(floor, f"{floor:g}")),
                field=self.field("distributions"), code="invalid-value")
        if low < floor - 1e-12 * max(1.0, abs(floor)):
            raise LCCError(Msg(
                "{where}: it draws values down to {low}{unit}, "
                "below {floor}{unit}, the least this input takes (a negative price or "
                "quantity would be a silently wrong number); give a distribution that stays "
                "within it, e.g. PERT or triangular with a lowest value of at least {floor}, "
                "a lognormal or a truncated normal", where=where,
                low=Figure(low, f"{low:.6g}"), unit=Unit(f" {unit}" if unit else ""),
                floor=Figure(floor, f"{floor:g}")), field=self.field("distributions"),
                code="invalid-value")
        ceiling = self._bounds.get(name, (None, False, None))[2]
        if ceiling is None:
            return
        high = float(dist.ppf(1 - 1e-9))
        if high > ceiling + 1e-12 * max(1.0, abs(ceiling)):
            unit = self.inputs[name].unit if name in self.inputs else ""
            raise LCCError(Msg(
                "{where}: it draws values up to {high}{unit}, "
                "above {ceiling}{unit}, the most this input takes; give a distribution that "
                "stays within it, e.g. PERT or triangular with a highest value of at most "
                "{ceiling}, or a truncated normal", where=where,
                high=Figure(high, f"{high:.6g}"), unit=Unit(f" {unit}" if unit else ""),
                ceiling=Figure(ceiling, f"{ceiling:g}")),
                field=self.field("distributions"), code="invalid-value")

    @cached_property
    def _floors(self) -> dict[str, float]:
        return self.floors()

    def _least_most(self, name: str) -> tuple[float | None, bool, float | None]:
        return self._bounds.get(name, (None, False, None))

    def _durations(self) -> set[str]:
        """Names of Parameters used as a service life or an interval (must stay > 0)."""
        out: set[str] = set()
        for c in self.compiled:
            for term in c.terms:
                num = term.life if isinstance(term, ChainTerm) else (
                    term.every if isinstance(term, SeriesTerm) else None)
                if num is not None and num.param is not None:
                    out.add(num.param)
        return out

    @property
    def known(self) -> str:
        """The names that address inputs, for error messages."""
        names = list(self.inputs)
        if self.alias:
            names.append(f"{self.alias} (= discount_rate)")
        return ", ".join(names)

    def resolve(self, name: Any, where: str, *, arg: str) -> str:
        """The input a name addresses; unknown names are an error listing the known ones.

        ``arg`` is the argument that gave the name (the field of the error).
        """
        if isinstance(name, str):
            if name in self.inputs:
                return name
            if name == self.alias:
                return DISCOUNT_RATE
        names = [*self.inputs, *([self.alias] if self.alias else [])]
        raise LCCError(Msg("{where}: unknown parameter {name!r}{suggest}; known parameters: "
                           "{known}", where=where, name=name, known=self.known,
                           suggest=suggest(name, names) if isinstance(name, str) else ""),
                       field=self.field(arg), code="unknown-parameter")

    def own_value(self, name: str, value: Any, where: str, *, arg: str) -> float:
        """A single value in the input's own unit (a number, or a quantity converted to it)."""
        inp = self.inputs[name]
        reg = get_registry()
        if not isinstance(value, bool) and isinstance(
                value, (str, reg.Quantity, int, float, np.integer, np.floating)):
            with located(self.field(arg)):  # the analysis' argument, as every error here
                value = analysis_value(inp.parameter, value, where, rate=self.is_rate(name))
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer,
                                                             np.floating)):
            if inp.unit:
                raise LCCError(Msg("{where}: got {value!r}; expected one number in {unit} (the "
                                   "unit of parameter {name!r})", where=where, value=value,
                                   unit=inp.unit, name=name), field=self.field(arg),
                               code="wrong-type")
            raise LCCError(Msg("{where}: got {value!r}; expected one number (the unit of "
                               "parameter {name!r})", where=where, value=value, name=name),
                           field=self.field(arg), code="wrong-type")
        x = float(value)
        if not math.isfinite(x):
            raise LCCError(Msg("{where}: got {value!r}; expected a finite number", where=where,
                               value=value), field=self.field(arg), code="invalid-value")
        return x

    def own_range(self, name: str, value: Any, where: str, *, arg: str
                  ) -> tuple[float, float]:
        """A (low, high) pair in the input's own unit, low <= high."""
        if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or len(value) != 2:
            raise LCCError(Msg("{where}: got {value!r}; expected a pair (low, high) in the unit "
                               "of parameter {name!r}", where=where, value=value, name=name),
                           field=self.field(arg), code="wrong-type")
        lo = self.own_value(name, value[0], f"{where} low", arg=arg)
        hi = self.own_value(name, value[1], f"{where} high", arg=arg)
        if lo > hi:
            raise LCCError(Msg("{where}: low ({low:g}) is greater than high ({high:g}); "
                               "expected (low, high)", where=where, low=lo, high=hi),
                           field=self.field(arg), code="invalid-value")
        return lo, hi

    def ranges(self, ranges: Mapping[str, Any] | None, where: str
               ) -> tuple[dict[str, tuple[float, float]], list[str]]:
        """Ranges by input: given ones override declared ones; names without a range."""
        if ranges is not None and not isinstance(ranges, Mapping):
            raise LCCError(Msg("{where}: got {kind}; expected a mapping name -> (low, high)",
                               where=where, kind=type(ranges).__name__),
                           field=self.field("ranges"), code="wrong-type")
        given: dict[str, tuple[float, float]] = {}
        for key, value in (ranges or {}).items():
            name = self.resolve(key, f"{where}[{key!r}]", arg="ranges")
            given[name] = self.own_range(name, value, f"{where}[{key!r}]", arg="ranges")
        out: dict[str, tuple[float, float]] = {}
        skipped: list[str] = []
        for name, inp in self.inputs.items():
            rng = given.get(name, inp.declared_range)
            if rng is None:
                skipped.append(name)
            else:
                out[name] = rng
        return out, skipped

    def check_values(self, name: str, values: Any, where: str, *, arg: str) -> None:
        """Values an analysis gives a Parameter keep the bounds of every field it stands in
        (:meth:`bounds`): a service life or interval > 0 years, a price >= 0 …"""
        arr = np.asarray(values, dtype=float)
        unit = self.inputs[name].unit
        spaced = f" {unit}" if unit else ""
        if self.inputs[name].duration and np.any(arr <= 0):
            bad = float(arr[arr <= 0].flat[0]) if arr.ndim else float(arr)
            raise LCCError(Msg(
                "{where}: parameter {name!r} is a service life or interval and got "
                "{value:g} {unit}; expected values > 0", where=where, name=name, value=bad,
                unit=unit), field=self.field(arg), code="invalid-value")
        floor, strict, ceiling = self._least_most(name)
        if floor is not None:
            tol = 1e-12 * max(1.0, abs(floor))
            low = arr <= floor + tol if strict else arr < floor - tol
            if np.any(low):
                raise LCCError(Msg(
                    "{where}: parameter {name!r} got {value:g}{unit}; the inputs it stands in "
                    "take values {op} {floor:g}{unit} (outside them the LCC would be a silently "
                    "wrong number)", where=where, name=name,
                    value=float(arr[low].flat[0]) if arr.ndim else float(arr), unit=spaced,
                    op=">" if strict else ">=", floor=floor), field=self.field(arg),
                    code="invalid-value")
        if ceiling is not None:
            high = arr > ceiling + 1e-12 * max(1.0, abs(ceiling))
            if np.any(high):
                raise LCCError(Msg(
                    "{where}: parameter {name!r} got {value:g}{unit}; the inputs it stands in "
                    "take values <= {ceiling:g}{unit}", where=where, name=name,
                    value=float(arr[high].flat[0]) if arr.ndim else float(arr), unit=spaced,
                    ceiling=ceiling), field=self.field(arg), code="invalid-value")

    # -- evaluation ---------------------------------------------------------
    def evaluate(self, overrides: Mapping[str, Any]) -> np.ndarray:
        """LCC of every alternative: shape (alternatives,) or (alternatives, points).

        ``overrides`` maps input names to a number or a 1-D array (own unit).
        """
        values = lcc_values_many(self.compiled, dict(overrides))
        rows = [np.asarray(v["total"], dtype=float) for v in values]
        size = max((r.size for r in rows if r.ndim), default=None)
        if size is None:
            return np.array([float(r) for r in rows])
        return np.stack([np.broadcast_to(r, (size,)) for r in rows])

    def evaluate_points(self, points: Sequence[Mapping[str, float]]) -> np.ndarray:
        """LCC of every alternative at each point (a partial assignment; base elsewhere).

        Returns shape (alternatives, points). One engine call with an array per
        input named anywhere; an input that cannot take sample arrays (the
        study's inflation) falls back to one call per point.
        """
        names = sorted({k for p in points for k in p})
        if any(self.inputs[k].scalar_only for k in names):
            return np.stack([self.evaluate(dict(p)) for p in points], axis=1) if points \
                else np.empty((len(self.names), 0))
        ov = {k: np.array([p.get(k, self.inputs[k].base) for p in points], dtype=float)
              for k in names}
        if not ov:
            base = self.evaluate({})
            return np.repeat(base[:, None], len(points), axis=1)
        return self.evaluate(ov)

    def base_lcc(self) -> np.ndarray:
        """LCC of every alternative at base values."""
        return self.evaluate({})

    def index(self, name: Any, where: str) -> int:
        """Position of an alternative by name."""
        if isinstance(name, str) and name in self.names:
            return self.names.index(name)
        raise LCCError(Msg("{where}: unknown alternative {name!r}; the alternatives are "
                           "{names}", where=where, name=name,
                           names=", ".join(map(repr, self.names))),
                       field=self.field("pair"), code="invalid-value")

    def pair(self, pair: Any, where: str = "pair") -> tuple[int, int]:
        """Indices of the pair (A, B): given names, or the two best at base values.

        A is the reference (by default the best), and the pair's difference is
        LCC_B − LCC_A, named ``"B minus A"`` (:func:`lcc.results.difference_label`).
        """
        if pair is None:
            if len(self.names) < 2:
                raise LCCError(Msg("{where}: needs two alternatives; got only {name!r}",
                                   where=where, name=self.names[0]),
                               field=self.field("alternatives"), code="missing-field")
            best = order(self.base_lcc())
            return int(best[0]), int(best[1])
        if isinstance(pair, (str, bytes)) or not isinstance(pair, Sequence) or len(pair) != 2:
            raise LCCError(Msg("{where}: got {pair!r}; expected two alternative names (A, B)",
                               where=where, pair=pair), field=self.field("pair"),
                           code="wrong-type")
        a, b = self.index(pair[0], where), self.index(pair[1], where)
        if a == b:
            raise LCCError(Msg("{where}: got {pair!r}; expected two different alternatives",
                               where=where, pair=pair), field=self.field("pair"),
                           code="invalid-value")

        return a, b


__all__ = ["DISCOUNT_RATE", "TIE", "Input", "Model", "as_alternatives", "difference_label",
           "in_own_unit", "own_distribution", "ranks"]
