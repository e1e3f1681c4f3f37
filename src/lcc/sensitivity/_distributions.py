"""Distributions of uncertain inputs, written in the input's own unit; scipy loaded lazily.

A Parameter's ``distribution`` may be any frozen ``scipy.stats`` distribution
(parameters ``loc``/``scale`` in the value's unit) or one of the classes here,
whose parameters are written as the buyer thinks of them, with units:

* :class:`Triangular` ``(low, mode, high)``
* :class:`PERT` ``(low, mode, high)`` — Beta-PERT with λ = 4; the **default** for a
  Parameter that has ``low`` and ``high`` but no distribution: ``PERT(low, value, high)``
* :class:`Normal` ``(mean, sd)``
* :class:`Uniform` ``(low, high)``

All of them import :mod:`scipy.stats` only when first sampled (importing it
costs about a second), and so does :class:`ScipyDistribution`, the lazy form
in which tender files give a scipy.stats distribution by name.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from lcc._errors import LCCError, Msg, suggest

#: PERT's weight of the mode (Malcolm et al. 1959; Vose 2008 §III.7.3).
PERT_LAMBDA = 4.0


def _magnitude_and_unit(value: Any, where: str, field: str) -> tuple[float, str | None]:
    """A number (unit None) or a quantity/text with a unit, as (magnitude, unit text).

    A percentage keeps its unit ("4 %" is (4, "%")): for a parameter in % it is 4, for a
    plain-number parameter 0.04. ``field`` is the field of an error.
    """
    if isinstance(value, bool):
        raise LCCError(Msg("{where}: got {value!r}; expected a number or a value with a unit",
                           where=where, value=value), field=field, code="wrong-type")
    if isinstance(value, str) or hasattr(value, "units"):
        from lcc.units import _parse_text, pretty_units

        q = _parse_text(value, where) if isinstance(value, str) else value
        if not q._units:
            return _finite(float(q.magnitude), where, field), None
        return _finite(float(q.magnitude), where, field), pretty_units(q.units)
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise LCCError(Msg("{where}: got {value!r}; expected a number or a value with a "
                           "unit such as '1.5 SEK/kWh'", where=where, value=value),
                       field=field, code="wrong-type") from None
    return _finite(x, where, field), None


def convert_magnitude(x: float, unit: str, to: str) -> float:
    """``x unit`` expressed in ``to``."""
    from lcc.units import _parse_text, _with_unit

    return float(_parse_text(_with_unit(repr(x), unit), "unit")
                 .to(_parse_text(_with_unit("1", to), "unit").units).magnitude)


def _finite(x: float, where: str, field: str) -> float:
    if not math.isfinite(x):
        raise LCCError(Msg("{where}: got {value!r}; expected a finite number", where=where,
                           value=x), field=field, code="invalid-value")
    return x


def _fmt(x: float) -> str:
    return f"{x:.6g}"


@dataclass(frozen=True, eq=True)
class UnitDistribution:
    """Base of the distributions written in the input's unit.

    Subclasses set ``kind`` (the name in tender files), ``keys`` (their
    parameters in order) and ``shift`` (which parameters are differences —
    a standard deviation — rather than positions). Values are held as
    magnitudes in ``unit`` (None: a plain number, or the input's own unit).
    """

    values: tuple[float, ...]
    unit: str | None = None
    _frozen: list[Any] = field(default_factory=list, init=False, repr=False, compare=False)

    kind: ClassVar[str] = ""
    keys: ClassVar[tuple[str, ...]] = ()
    shift: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def _build(cls, raw: dict[str, Any], where: str) -> UnitDistribution:
        mags: list[float] = []
        unit: str | None = None
        units: list[str | None] = []
        for key in cls.keys:
            m, u = _magnitude_and_unit(raw[key], f"{where}.{key}", cls._field(key))
            mags.append(m)
            units.append(u)
        given = {u for u in units if u is not None}
        if given:
            if None in units:
                raise LCCError(Msg("{where}: write every parameter of the {kind} distribution "
                                   "with a unit, or none ({keys})", where=where,
                                   kind=cls.kind, keys=", ".join(cls.keys)),
                               field=cls._field(cls.keys[units.index(None)]),
                               code="bare-number")
            unit = units[0]
            if len(given) > 1:
                for i, u in enumerate(units):
                    if u != unit:
                        assert u is not None and unit is not None
                        try:
                            mags[i] = convert_magnitude(mags[i], u, unit)
                        except Exception:
                            raise LCCError(Msg("{where}: the unit {unit} does not convert "
                                               "to {to}", where=".".join((where, cls.keys[i])),
                                               unit=u, to=unit), field=cls._field(cls.keys[i]),
                                           code="wrong-unit") from None
        out = cls(tuple(mags), unit)
        out._check(where)
        return out

    def _check(self, where: str) -> None:  # pragma: no cover - overridden
        pass

    @classmethod
    def _field(cls, key: str) -> str:
        """The field of one of its parameters: ``"Triangular.low"``."""
        return f"{cls.__name__}.{key}"

    # -- scipy ---------------------------------------------------------------
    def _make(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    @property
    def frozen(self) -> Any:
        """The frozen scipy.stats distribution (built, and scipy imported, on first use)."""
        if not self._frozen:
            self._frozen.append(self._make())
        return self._frozen[0]

    def ppf(self, q: Any) -> Any:
        """Inverse CDF, in ``unit``."""
        return self.frozen.ppf(q)

    def support(self) -> tuple[float, float]:
        """The least and most values it draws, in ``unit``: the values written where they bound
        it (uniform, triangular, PERT; scipy not imported), else scipy's support."""
        if not self.shift:
            return float(min(self.values)), float(max(self.values))
        low, high = self.frozen.support()
        return float(low), float(high)

    def cdf(self, x: Any) -> Any:
        """CDF at x (in ``unit``)."""
        return self.frozen.cdf(x)

    def rvs(self, size: Any = None, random_state: Any = None) -> Any:
        """Random values, in ``unit``."""
        return self.frozen.rvs(size=size, random_state=random_state)

    def mean(self) -> float:
        """The mean, in ``unit``."""
        return float(self.frozen.mean())

    def std(self) -> float:
        """The standard deviation, in ``unit``."""
        return float(self.frozen.std())

    def median(self) -> float:
        """The median, in ``unit``."""
        return float(self.frozen.median())

    # -- identity (Parameter.same_as compares args and kwds) ------------------
    @property
    def args(self) -> tuple[Any, ...]:
        return (self.kind, *self.values, self.unit)

    @property
    def kwds(self) -> dict[str, Any]:
        return {}

    @property
    def data(self) -> dict[str, float]:
        """The parameters by name (magnitudes in ``unit``)."""
        return dict(zip(self.keys, self.values, strict=True))

    def to_data(self) -> dict[str, Any]:
        """As tender-file data: ``{"name": kind, key: "value unit", …}``."""
        out: dict[str, Any] = {"name": self.kind}
        for k, v in self.data.items():
            out[k] = v if self.unit is None else f"{_fmt(v)} {self.unit}"
        return out

    def describe(self, unit: str | None = None) -> str:
        """``"PERT(3900, 4100, 4300) h/yr"`` — the name shown in outputs and reports."""
        u = unit if unit is not None else self.unit
        inner = ", ".join(_fmt(v) for v in self.values)
        return f"{self.label}({inner}){(' ' + u) if u else ''}"

    @property
    def label(self) -> str:
        return self.kind

    def in_unit(self, convert: Callable[[float, str | None], float]) -> UnitDistribution:
        """The same distribution with its values converted by ``convert(x, unit)``.

        ``convert`` maps a magnitude in ``self.unit`` to the input's own unit;
        differences (a standard deviation) convert as differences.
        """
        if self.unit is None:
            return self
        data = self.data
        anchor = data[self.keys[0]]
        out = []
        for k, v in data.items():
            if k in self.shift:
                out.append(convert(anchor + v, self.unit) - convert(anchor, self.unit))
            else:
                out.append(convert(v, self.unit))
        return type(self)(tuple(out), None)

    def __repr__(self) -> str:
        return self.describe()


def _range_check(where: str, kind: str, low: float, mode: float, high: float, *,
                 owner: str) -> None:
    """low < high and low <= mode <= high of the distribution ``owner`` (a class name)."""
    if not low < high:
        raise LCCError(Msg("{name}: {kind} needs low < high; got low {low} and high {high}",
                           name=where, kind=kind, low=_fmt(low), high=_fmt(high)),
                       field=f"{owner}.low", code="invalid-value")
    if not low <= mode <= high:
        raise LCCError(Msg("{name}: {kind} needs low <= mode <= high; got {low}, {mode}, "
                           "{high}", name=where, kind=kind, low=_fmt(low), mode=_fmt(mode),
                           high=_fmt(high)), field=f"{owner}.mode", code="invalid-value")


class Triangular(UnitDistribution):
    """Triangular distribution on [low, high] with its peak at ``mode``, in the input's unit.

    ``scipy.stats.triang(c=(mode − low)/(high − low), loc=low, scale=high − low)``.

    Examples
    --------
    >>> Triangular.of("0.75 SEK/kWh", "1.5 SEK/kWh", "3 SEK/kWh")
    triangular(0.75, 1.5, 3) SEK/kWh
    """

    kind: ClassVar[str] = "triangular"
    keys: ClassVar[tuple[str, ...]] = ("low", "mode", "high")

    @classmethod
    def of(cls, low: Any, mode: Any, high: Any) -> Triangular:
        """From three numbers or values with units."""
        out = cls._build({"low": low, "mode": mode, "high": high}, cls.kind)
        assert isinstance(out, Triangular)
        return out

    def _check(self, where: str) -> None:
        _range_check(where, self.kind, *self.values, owner=type(self).__name__)

    def _make(self) -> Any:
        from scipy import stats

        lo, mode, hi = self.values
        return stats.triang((mode - lo) / (hi - lo), loc=lo, scale=hi - lo)


class PERT(UnitDistribution):
    """Beta-PERT distribution on [low, high] with its mode at ``mode`` (λ = 4).

    ``X = low + (high − low)·B`` with ``B ~ Beta(α, β)``,
    ``α = 1 + λ(mode − low)/(high − low)``, ``β = 1 + λ(high − mode)/(high − low)``,
    λ = 4; mean ``(low + 4·mode + high)/6``. This is the **default** Monte Carlo
    and Sobol distribution of a Parameter with ``low`` and ``high`` and no
    distribution: ``PERT(low, value, high)``.

    References
    ----------
    Malcolm, D. G., Roseboom, J. H., Clark, C. E. & Fazar, W. (1959), Application
    of a technique for research and development program evaluation, *Operations
    Research* 7(5), 646–669. Vose, D. (2008), *Risk Analysis: A Quantitative
    Guide*, 3rd ed., Wiley, §III.7.3 (the PERT distribution).

    Examples
    --------
    >>> d = PERT.of(3900, 4100, 4300)
    >>> round(d.mean(), 6)
    4100.0
    """

    kind: ClassVar[str] = "pert"
    keys: ClassVar[tuple[str, ...]] = ("low", "mode", "high")

    @classmethod
    def of(cls, low: Any, mode: Any, high: Any) -> PERT:
        """From three numbers or values with units."""
        out = cls._build({"low": low, "mode": mode, "high": high}, cls.kind)
        assert isinstance(out, PERT)
        return out

    @property
    def label(self) -> str:
        return "PERT"

    def _check(self, where: str) -> None:
        _range_check(where, "PERT", *self.values, owner=type(self).__name__)

    @property
    def shapes(self) -> tuple[float, float]:
        """(α, β) of the Beta distribution."""
        lo, mode, hi = self.values
        return (1 + PERT_LAMBDA * (mode - lo) / (hi - lo),
                1 + PERT_LAMBDA * (hi - mode) / (hi - lo))

    def _make(self) -> Any:
        from scipy import stats

        lo, _, hi = self.values
        a, b = self.shapes
        return stats.beta(a, b, loc=lo, scale=hi - lo)


class Normal(UnitDistribution):
    """Normal distribution with ``mean`` and standard deviation ``sd``, in the input's unit.

    Examples
    --------
    >>> Normal.of("1.5 SEK/kWh", "0.2 SEK/kWh").describe()
    'normal(1.5, 0.2) SEK/kWh'
    """

    kind: ClassVar[str] = "normal"
    keys: ClassVar[tuple[str, ...]] = ("mean", "sd")
    shift: ClassVar[tuple[str, ...]] = ("sd",)

    @classmethod
    def of(cls, mean: Any, sd: Any) -> Normal:
        """From two numbers or values with units."""
        out = cls._build({"mean": mean, "sd": sd}, cls.kind)
        assert isinstance(out, Normal)
        return out

    def _check(self, where: str) -> None:
        if not self.values[1] > 0:
            raise LCCError(Msg("{name}: normal needs sd > 0; got {sd}", name=where,
                               sd=_fmt(self.values[1])), field=self._field("sd"),
                           code="invalid-value")

    def _make(self) -> Any:
        from scipy import stats

        return stats.norm(self.values[0], self.values[1])


class Uniform(UnitDistribution):
    """Uniform distribution on [low, high], in the input's unit."""

    kind: ClassVar[str] = "uniform"
    keys: ClassVar[tuple[str, ...]] = ("low", "high")

    @classmethod
    def of(cls, low: Any, high: Any) -> Uniform:
        """From two numbers or values with units."""
        out = cls._build({"low": low, "high": high}, cls.kind)
        assert isinstance(out, Uniform)
        return out

    def _check(self, where: str) -> None:
        lo, hi = self.values
        if not lo < hi:
            raise LCCError(Msg("{name}: uniform needs low < high; got {low} and {high}",
                               name=where, low=_fmt(lo), high=_fmt(hi)), field=self._field("low"),
                           code="invalid-value")

    def _make(self) -> Any:
        from scipy import stats

        lo, hi = self.values
        return stats.uniform(lo, hi - lo)


#: The distributions written with units, by their name in tender files.
UNIT_DISTRIBUTIONS: dict[str, type[UnitDistribution]] = {
    c.kind: c for c in (Triangular, PERT, Normal, Uniform)
}


def unit_distribution(name: str, raw: dict[str, Any], where: str) -> UnitDistribution:
    """A distribution written in the input's unit: ``name`` and its parameters by key.

    Raises
    ------
    LCCError
        Unknown name, missing or extra keys, or parameters that do not make a
        distribution.
    """
    cls = UNIT_DISTRIBUTIONS.get(name)
    if cls is None:
        raise LCCError(Msg("{where}: {name!r} is not one of {known}{suggest}", where=where,
                           name=name, known=", ".join(UNIT_DISTRIBUTIONS),
                           suggest=suggest(name, UNIT_DISTRIBUTIONS)
                           if isinstance(name, str) else ""),
                       field="unit_distribution.name", code="invalid-value")
    missing = [k for k in cls.keys if k not in raw]
    extra = [k for k in raw if k not in cls.keys]
    if missing or extra:
        keys = ", ".join(cls.keys)
        if missing and extra:
            raise LCCError(Msg("{where}: the {name} distribution takes {keys}; missing "
                               "{missing}; unknown {extra}", where=where, name=name, keys=keys,
                               missing=", ".join(missing), extra=", ".join(extra)),
                           field=cls._field(missing[0]), code="missing-field")
        if missing:
            raise LCCError(Msg("{where}: the {name} distribution takes {keys}; missing "
                               "{missing}", where=where, name=name, keys=keys,
                               missing=", ".join(missing)), field=cls._field(missing[0]),
                           code="missing-field")
        raise LCCError(Msg("{where}: the {name} distribution takes {keys}; unknown {extra}",
                           where=where, name=name, keys=keys, extra=", ".join(extra)),
                       field=cls._field(str(extra[0])), code="unknown-key")
    return cls._build(raw, where)


def is_unit_form(name: Any, keys: Any) -> bool:
    """Whether a tender-file distribution ``{name, …keys}`` is written in units (not scipy's).

    ``triangular``, ``pert`` and ``normal`` always are; ``uniform`` is when it
    has ``low``/``high`` rather than scipy's ``loc``/``scale``.
    """
    if name in ("triangular", "pert", "normal"):
        return True
    return name == "uniform" and bool({"low", "high"} & set(keys))


def default_distribution(low: float, mode: float, high: float) -> PERT:
    """The default distribution of an input with a range: ``PERT(low, value, high)``."""
    out = PERT((float(low), float(mode), float(high)), None)
    out._check("default distribution")
    return out


def describe(dist: Any, unit: str = "") -> str:
    """A short name of any distribution: ``"PERT(3900, 4100, 4300) h/yr"``,
    ``"uniform(loc=3900, scale=400) h/yr"``."""
    if isinstance(dist, UnitDistribution):
        return dist.describe(unit or None)
    if isinstance(dist, ScipyDistribution):
        inner = ", ".join(f"{k}={_fmt(v)}" for k, v in dist.kwds.items())
        return f"{dist.name}({inner}){(' ' + unit) if unit else ''}"
    rv = getattr(dist, "dist", None)
    name = getattr(rv, "name", None)
    if name is None:
        return repr(dist)
    # scipy's arguments by name: uniform(1, 4) is loc=1, scale=4 (1 to 5), not lcc's
    # Uniform(1, 4) (1 to 4)
    shapes = [s.strip() for s in (getattr(rv, "shapes", None) or "").split(",") if s.strip()]
    keys = [*shapes, "loc", "scale"]
    args = getattr(dist, "args", ())
    parts = [f"{keys[i]}={_fmt(float(a))}" if i < len(keys) else _fmt(float(a))
             for i, a in enumerate(args)]
    parts += [f"{k}={_fmt(float(v))}" for k, v in getattr(dist, "kwds", {}).items()]
    return f"{name}({', '.join(parts)}){(' ' + unit) if unit else ''}"


# -- scipy.stats distributions by name, validated without importing scipy where possible --

#: name -> (shape parameters, continuous, check of the shapes and scale).
_KNOWN: dict[str, tuple[tuple[str, ...], bool, Callable[[dict[str, float]], bool]]] = {
    "norm": ((), True, lambda k: k.get("scale", 1.0) > 0),
    "uniform": ((), True, lambda k: k.get("scale", 1.0) > 0),
    "triang": (("c",), True, lambda k: 0 <= k["c"] <= 1 and k.get("scale", 1.0) > 0),
    "lognorm": (("s",), True, lambda k: k["s"] > 0 and k.get("scale", 1.0) > 0),
    "truncnorm": (("a", "b"), True, lambda k: k["a"] < k["b"] and k.get("scale", 1.0) > 0),
    "beta": (("a", "b"), True, lambda k: k["a"] > 0 and k["b"] > 0 and k.get("scale", 1.0) > 0),
    "gamma": (("a",), True, lambda k: k["a"] > 0 and k.get("scale", 1.0) > 0),
    "expon": ((), True, lambda k: k.get("scale", 1.0) > 0),
    "weibull_min": (("c",), True, lambda k: k["c"] > 0 and k.get("scale", 1.0) > 0),
    "randint": (("low", "high"), False, lambda k: k["low"] < k["high"]),
}


class _Name:
    """Stands for the scipy rv object where only its name is needed (no import)."""

    def __init__(self, owner: ScipyDistribution) -> None:
        self._owner = owner
        self.name = owner.name

    @property
    def shapes(self) -> str | None:
        known = _KNOWN.get(self.name)
        if known is not None:
            return ", ".join(known[0]) or None
        return getattr(self._owner.frozen.dist, "shapes", None)


class ScipyDistribution:
    """A scipy.stats distribution by name and keyword parameters, frozen on first use.

    Behaves as the frozen distribution (``ppf``, ``rvs``, ``mean`` …, ``dist.name``,
    ``kwds``) but imports :mod:`scipy.stats` only when sampled.
    """

    def __init__(self, name: str, kwds: dict[str, float]) -> None:
        self.name = name
        self._kwds = dict(kwds)
        self._frozen: Any = None

    @property
    def frozen(self) -> Any:
        """The frozen scipy.stats distribution."""
        if self._frozen is None:
            from scipy import stats

            self._frozen = getattr(stats, self.name)(**self._kwds)
        return self._frozen

    @property
    def dist(self) -> _Name:
        return _Name(self)

    @property
    def args(self) -> tuple[Any, ...]:
        return ()

    @property
    def kwds(self) -> dict[str, float]:
        return dict(self._kwds)

    def to_data(self) -> dict[str, Any]:
        return {"name": self.name, **self._kwds}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.frozen, name)

    def ppf(self, q: Any) -> Any:
        return self.frozen.ppf(q)

    def support(self) -> tuple[float, float]:
        """The least and most values it draws; for a uniform, triang, beta or truncnorm
        without importing scipy (the rate check of a tender's parameters asks it)."""
        k = self._kwds
        loc, scale = k.get("loc", 0.0), k.get("scale", 1.0)
        if self.name in ("uniform", "triang", "beta"):
            return loc, loc + scale
        if self.name == "truncnorm":
            return loc + k["a"] * scale, loc + k["b"] * scale
        low, high = self.frozen.support()
        return float(low), float(high)

    def drawn_range(self) -> tuple[float, float] | None:
        """The least and most values it draws as the sampling checks see them (the ends of
        its support where finite, else its 1e-9 and 1 − 1e-9 quantiles), in closed form for
        the common distributions so that reading a tender needs no scipy; None for the
        others (gamma, a name not in the table, an infinite truncation: asked when
        sampled)."""
        k = self._kwds
        loc, scale = k.get("loc", 0.0), k.get("scale", 1.0)
        from statistics import NormalDist

        q = 1 - 1e-9  # as scipy gets it (a float), so the quantiles agree to the last digit
        z_low, z = NormalDist().inv_cdf(1e-9), NormalDist().inv_cdf(q)  # ∓5.9978
        tail = -math.log1p(-q)  # standard exponential quantile: 20.7233
        ends: tuple[float, float]
        try:
            if self.name in ("uniform", "triang", "beta", "truncnorm"):
                ends = self.support()
            elif self.name == "randint":
                ends = k["low"] + loc, k["high"] - 1 + loc
            elif self.name == "norm":
                ends = loc + z_low * scale, loc + z * scale
            elif self.name == "lognorm":
                ends = loc, loc + scale * math.exp(k["s"] * z)
            elif self.name == "expon":
                ends = loc, loc + scale * tail
            elif self.name == "weibull_min":
                ends = loc, loc + scale * tail ** (1 / k["c"])
            else:
                return None
        except (OverflowError, KeyError, ZeroDivisionError):  # beyond floats: asked when
            return None  # sampled, by its draws
        return ends if all(math.isfinite(e) for e in ends) else None

    def rvs(self, size: Any = None, random_state: Any = None) -> Any:
        return self.frozen.rvs(size=size, random_state=random_state)

    def __getstate__(self) -> dict[str, Any]:
        return {"name": self.name, "kwds": self._kwds}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.name = state["name"]
        self._kwds = state["kwds"]
        self._frozen = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ScipyDistribution) and self.to_data() == other.to_data()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return describe(self)


def scipy_shapes(name: str) -> tuple[list[str], bool] | None:
    """(shape parameter names, continuous) of a scipy.stats distribution; None if unknown.

    Common distributions are answered from a table without importing scipy.
    """
    known = _KNOWN.get(name)
    if known is not None:
        return list(known[0]), known[1]
    from scipy import stats

    rv = getattr(stats, name, None) if not name.startswith("_") else None
    if not isinstance(rv, (stats.rv_continuous, stats.rv_discrete)):
        return None
    shapes = [s.strip() for s in (rv.shapes or "").split(",") if s.strip()]
    return shapes, isinstance(rv, stats.rv_continuous)


def scipy_names() -> list[str]:
    """Every scipy.stats distribution name (imports scipy.stats)."""
    from scipy import stats

    return [n for n in dir(stats) if isinstance(getattr(stats, n, None),
                                                (stats.rv_continuous, stats.rv_discrete))]


#: The field of an error in the parameters of a scipy.stats distribution given by name.
SCIPY_FIELD = "scipy_distribution.kwds"


def scipy_distribution(name: str, kwds: dict[str, float]) -> ScipyDistribution:
    """A lazily frozen scipy.stats distribution; invalid parameters raise LCCError.

    Known common distributions are checked without importing scipy; others are
    frozen at once to check them.
    """
    known = _KNOWN.get(name)
    if known is not None:
        try:
            ok = known[2](kwds)
        except KeyError as exc:
            raise LCCError(Msg("the distribution {name!r} needs the parameter {key}",
                               name=name, key=exc.args[0]), field=SCIPY_FIELD,
                           code="missing-field") from None
        if not ok:
            shown = ", ".join(f"{k} = {v:g}" for k, v in kwds.items())
            raise LCCError(Msg("the distribution {name!r} with {shown} is not a valid "
                               "distribution (its spread must be greater than zero)",
                               name=name, shown=shown), field=SCIPY_FIELD, code="invalid-value")
        return ScipyDistribution(name, kwds)
    out = ScipyDistribution(name, kwds)
    import numpy as np

    try:
        with np.errstate(all="ignore"):
            median = float(out.frozen.median())
    except Exception:
        shown = ", ".join(f"{k} = {v:g}" for k, v in kwds.items())
        raise LCCError(Msg("the distribution {name!r} with {shown} is not a valid "
                           "distribution (its spread must be greater than zero)",
                           name=name, shown=shown), field=SCIPY_FIELD,
                       code="invalid-value") from None
    if not math.isfinite(median):
        shown = ", ".join(f"{k} = {v:g}" for k, v in kwds.items())
        raise LCCError(Msg("the distribution {name!r} with {shown} is not a valid "
                           "distribution (its spread must be greater than zero)",
                           name=name, shown=shown), field=SCIPY_FIELD, code="invalid-value")

    return out


def scaled(dist: Any, factor: float) -> Any:
    """``dist``, written in bare numbers of one unit, for a value held in another: one of
    the first unit is ``factor`` of the other (an assumption set's 'loc = 0.75' in SEK/kWh
    for a tender's value in SEK/MWh is 750). A continuous distribution of X gives factor·X by
    multiplying its positions and spreads (lcc's own: every number; scipy's: loc and scale);
    a distribution with units is returned as it is; a discrete one cannot be (its values are
    whole numbers of its unit): None."""
    if factor == 1.0 or not factor > 0:
        return dist
    if isinstance(dist, UnitDistribution):
        if dist.unit is not None:  # converted by the parameter itself
            return dist
        return type(dist)(tuple(v * factor for v in dist.values))
    if isinstance(dist, ScipyDistribution):
        known = _KNOWN.get(dist.name)
        if known is not None and not known[1]:  # randint draws whole numbers of its unit
            return None
        if known is None:
            from scipy import stats

            if not isinstance(getattr(stats, dist.name, None), stats.rv_continuous):
                return None
        kwds = dict(dist.kwds)
        kwds["loc"] = kwds.get("loc", 0.0) * factor
        kwds["scale"] = kwds.get("scale", 1.0) * factor
        return ScipyDistribution(dist.name, kwds)
    return dist


__all__ = [
    "PERT",
    "PERT_LAMBDA",
    "UNIT_DISTRIBUTIONS",
    "Normal",
    "ScipyDistribution",
    "Triangular",
    "Uniform",
    "UnitDistribution",
    "default_distribution",
    "describe",
    "is_unit_form",
    "scaled",
    "scipy_distribution",
    "scipy_names",
    "scipy_shapes",
    "unit_distribution",
]
