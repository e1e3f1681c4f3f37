"""Monte Carlo uncertainty analysis, chunked, reproducible and vectorised."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from lcc._errors import LCCError, Msg, join
from lcc._text import html_text, shown
from lcc.model._fields import located
from lcc.model._inputs import check_bare_rate_distribution, drawn_ends
from lcc.model._parameter import Parameter
from lcc.model._study import Study
from lcc.results._ranking import best_shares, difference_label, order
from lcc.results._serialize import Picklable
from lcc.sensitivity._distributions import (
    PERT,
    UnitDistribution,
    default_distribution,
    describe,
)
from lcc.sensitivity._limits import check_memory
from lcc.sensitivity._model import Model, in_own_unit
from lcc.sensitivity._progress import Progress
from lcc.sensitivity._words import Figure, Percent, Unit, at

#: Samples evaluated per chunk by default (fits the working arrays in cache).
DEFAULT_CHUNK = 32_768
#: The smallest uniform drawn: Generator.random gives [0, 1); 0 would map to ppf(0) = −inf.
_U_MIN = 2.0 ** -53


def check_count(n: Any, name: str, func: str) -> int:
    """A whole number >= 1 (bools refused); ``name`` is the argument of ``func``."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        wrong = isinstance(n, bool) or not isinstance(n, (int, np.integer))
        raise LCCError(Msg("{name}: got {n!r}; expected a whole number >= 1", name=name, n=n),
                       field=f"{func}.{name}", code="wrong-type" if wrong else "invalid-value")
    return int(n)


def choose_distributions(model: Model, distributions: Mapping[str, Any] | None,
                         where: str, parameters: Sequence[str] | None = None
                         ) -> dict[str, Any]:
    """The distribution of every sampled input, in input order.

    Declared distributions first; an input with a range (``low < high``) and no
    distribution gets the default ``PERT(low, value, high)``
    (:func:`lcc.sensitivity.default_distribution`); ``distributions`` replaces
    or adds (None drops one); ``parameters``, when given, keeps only those
    inputs (each must then have a distribution or a range).
    """
    field = model.field("distributions")
    chosen: dict[str, Any] = {}
    # each as given, the field of its errors and how they name it
    written: dict[str, tuple[Any, str, Msg, Msg]] = {}
    for name, inp in model.inputs.items():
        if inp.distribution is not None:
            chosen[name] = inp.distribution
            if inp.parameter is not None:  # as written (own_distribution converted it)
                written[name] = (inp.parameter.distribution, "Parameter.distribution",
                                 Msg("parameter {param!r}", param=inp.parameter.name),
                                 Msg("the distribution of Parameter {param!r}",
                                     param=inp.parameter.name))
        elif inp.low is not None and inp.high is not None and inp.low < inp.high \
                and not inp.scalar_only:
            if not inp.low <= inp.base <= inp.high:
                raise LCCError(Msg(
                    "{where}: parameter {name!r} has the value {value:g} outside its range "
                    "[{low:g}, {high:g}]{unit}, so the default PERT(low, value, high) does not "
                    "exist; give it a distribution", where=where, name=name, value=inp.base,
                    low=inp.low, high=inp.high, unit=(' ' + inp.unit) if inp.unit else ''),
                    field="Parameter.value", code="invalid-value")
            chosen[name] = default_distribution(inp.low, inp.base, inp.high)
    if distributions is not None:
        if not isinstance(distributions, Mapping):
            raise LCCError(Msg("{where}: got {kind}; expected a mapping parameter name -> "
                               "distribution (or None)", where=where,
                               kind=type(distributions).__name__), field=field,
                           code="wrong-type")
        for key, dist in distributions.items():
            name = model.resolve(key, f"{where}[{key!r}]", arg="distributions")
            if dist is None:
                chosen.pop(name, None)
                continue
            if not callable(getattr(dist, "ppf", None)):
                raise LCCError(Msg(
                    "{where}: got {value!r}; expected a distribution such as "
                    "lcc.sensitivity.Triangular.of('0.8 SEK/kWh', '1.2 SEK/kWh', "
                    "'2 SEK/kWh') or a frozen scipy.stats distribution, in the parameter's "
                    "own unit", where=at(where, key), value=dist), field=field,
                    code="wrong-type")
            inp = model.inputs[name]
            written[name] = (dist, field, at(where, key), at(where, key))
            if isinstance(dist, UnitDistribution):  # in the input's own unit: '1 %' for a
                # discount rate held as 0.03 (no Parameter) is 0.01
                with located(field):
                    dist = in_own_unit(dist, inp.parameter or Parameter(name, inp.base),
                                       at(where, key))
            chosen[name] = dist
    if parameters is not None:
        keep = [model.resolve(p, f"{where}: parameters", arg="parameters") for p in parameters]
        for name in keep:
            if name not in chosen and model.inputs[name].scalar_only:  # a range it has
                raise _one_inflation(where, name, field)
            if name not in chosen:
                raise LCCError(Msg("{where}: parameter {name!r} has neither a distribution "
                                   "nor a range (low < high) to sample from", where=where,
                                   name=name), field=field, code="missing-field")
        chosen = {k: v for k, v in chosen.items() if k in keep}
    if not chosen:
        raise LCCError(Msg("{where}: no input has a distribution or a range; give a parameter "
                           "a low and a high value (it is then drawn from PERT(low, value, "
                           "high)) or a distribution; known parameters: {known}", where=where,
                           known=model.known), field=field, code="missing-field")
    for name in chosen:
        if name in written:
            dist, in_field, named, drawn = written[name]
            inp = model.inputs[name]
            with located(in_field):
                if model.is_rate(name) and model.rate_scale(name) == 1.0:
                    check_bare_rate_distribution(dist, named)  # it draws fractions
                ends = drawn_ends(chosen[name])  # in the input's own unit
                if ends is not None:  # the comparison's value is one it draws
                    holder = inp.parameter or Parameter(name, inp.base)
                    holder.check_drawn(*ends, drawn)
        if model.inputs[name].scalar_only:
            raise _one_inflation(where, name, field)
    return {name: chosen[name] for name in model.inputs if name in chosen}


#: Said where the study's inflation has a range and the sampled inputs are lcc's choice.
INFLATION_NOT_SAMPLED = Msg("The study's general inflation is not sampled: the calculation "
                            "takes one inflation rate; the tornado and scenarios vary it "
                            "within its range")


def not_sampled(model: Model, parameters: Sequence[str] | None) -> list[Msg]:
    """What an analysis that samples every input with a range leaves out, and why: the
    study's inflation (a range that only the tornado and scenarios can use)."""
    if parameters is not None:  # the caller named the inputs; inflation among them is refused
        return []
    return [INFLATION_NOT_SAMPLED for inp in model.inputs.values() if inp.scalar_only
            and inp.low is not None and inp.high is not None and inp.low < inp.high]


def _one_inflation(where: str, name: str, field: str) -> LCCError:
    return LCCError(Msg("{where}: the study's inflation rate cannot be sampled (the "
                        "calculation takes one inflation rate); vary it in a tornado or in "
                        "scenarios", where=at(where, name)), field=field, code="not-applicable")


def describe_distributions(model: Model, dists: Mapping[str, Any]) -> dict[str, str]:
    """name -> ``"PERT(3900, 4100, 4300) h/yr (default)"`` for outputs and reports."""
    out = {}
    for name, dist in dists.items():
        inp = model.inputs[name]
        text = describe(dist, inp.unit)
        if inp.distribution is None and isinstance(dist, PERT):
            text += " (default: PERT(low, value, high))"
        out[name] = text
    return out


def _name_key(name: str) -> tuple[int, int]:
    digest = hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest[:4], "little"), int.from_bytes(digest[4:], "little")


def root_seed(seed: Any, func: str) -> np.random.SeedSequence:
    """The root SeedSequence of a run of ``func``: from None (fresh entropy), an int >= 0 or
    a SeedSequence. Its ``entropy`` is always one int, kept in the result, that repeats the
    run: a plain SeedSequence's own; a spawned one, one with entropy in several words or
    another pool size gives the first 128 bits of its state (the same for the same
    sequence). The caller's SeedSequence is never spawned from, so it repeats too."""
    if isinstance(seed, np.random.SeedSequence):
        if seed.spawn_key or not isinstance(seed.entropy, int) or seed.pool_size != 4:
            words = seed.generate_state(4, np.uint32)
            return np.random.SeedSequence(int.from_bytes(words.tobytes(), "little"))
        return np.random.SeedSequence(seed.entropy)
    whole = isinstance(seed, (int, np.integer)) and not isinstance(seed, bool)
    if seed is None or (whole and seed >= 0):
        return np.random.SeedSequence(None if seed is None else int(seed))
    raise LCCError(Msg("seed: got {seed!r}; expected None, a whole number >= 0 or a "
                       "numpy.random.SeedSequence", seed=seed), field=f"{func}.seed",
                   code="invalid-value" if whole else "wrong-type")


def streams(seed: Any, names: list[str], func: str
            ) -> tuple[int, dict[str, np.random.Generator]]:
    """One random stream per input, keyed by the input's name.

    ``SeedSequence(seed)`` gives the root entropy; each input's stream is the
    SeedSequence with that entropy and a spawn key derived from its name
    (BLAKE2b), so an input draws the same numbers whatever else is sampled
    and in whatever order. Returns (entropy, name -> Generator).
    """
    root = root_seed(seed, func)
    entropy = root.entropy
    assert isinstance(entropy, int)
    out = {}
    for name in names:
        ss = np.random.SeedSequence(entropy, spawn_key=(*root.spawn_key, *_name_key(name)))
        out[name] = np.random.Generator(np.random.PCG64(ss))
    return entropy, out


def draw(model: Model, name: str, dist: Any, gen: np.random.Generator, m: int) -> np.ndarray:
    """m values of one input: uniforms from its stream mapped through ``dist.ppf``.

    Generator.random is consistent across call sizes (k draws then j draws give
    the same numbers as k + j at once), so results do not depend on the chunk
    size.
    """
    model.check_support(name, dist, Msg("distribution of {name!r}", name=name))
    u = gen.random(m)
    np.maximum(u, _U_MIN, out=u)
    x = np.asarray(dist.ppf(u), dtype=float)
    if x.shape != (m,):
        raise LCCError(Msg("distribution of {name!r}: ppf returned shape {shape}; expected "
                           "({m},) — give a frozen univariate scipy.stats distribution",
                           name=name, shape=x.shape, m=m), field=model.field("distributions"),
                       code="wrong-type")
    bad = ~np.isfinite(x)
    if bad.any():
        raise LCCError(Msg("distribution of {name!r}: it gives the value {value} at the "
                           "cumulative probability {p:.6g}; expected finite values (check the "
                           "distribution's parameters)", name=name, p=float(u[bad][0]),
                           value=float(x[bad][0])), field=model.field("distributions"),
                       code="invalid-value")
    model.check_values(name, x, Msg("distribution of {name!r}", name=name), arg="distributions")
    return x


def monte_carlo(alternatives: Any, study: Study, distributions: Mapping[str, Any] | None = None,
                n: int = 10_000, *, seed: Any = None, chunk_size: int | None = None,
                progress: bool | None = None,
                parameters: Sequence[str] | None = None, lang: str = "en") -> MonteCarloResult:
    """Monte Carlo simulation of the LCC of every alternative under uncertain inputs.

    Each sampled input draws uniforms from its own random stream
    (``numpy.random.Generator.random``) and maps them through the
    distribution's inverse CDF (``ppf``). All alternatives are evaluated on
    the same samples (common random numbers), a chunk at a time, through the
    vectorised engine (one call per chunk, sample-array overrides, service
    lives included; no Python loop over samples).

    Parameters
    ----------
    alternatives : Alternative or sequence of Alternative
    study : Study
    distributions : mapping, optional
        ``name -> distribution`` (``"discount_rate"`` for the study's rate): one
        written in units (:class:`Triangular`, :class:`PERT`, :class:`Normal`,
        :class:`Uniform`) or a frozen scipy.stats distribution in the
        parameter's own unit; discrete ones such as ``scipy.stats.randint(10,
        21)`` for a service life are fine. Inputs not named here use the
        distribution declared on their Parameter, or — with ``low`` and
        ``high`` and no distribution — the default ``PERT(low, value, high)``
        (Beta-PERT, λ = 4; :class:`PERT`). Mapping a name to None keeps that
        input at its base value.
    n : int
        Number of samples (>= 1).
    seed : int, numpy.random.SeedSequence or None
        Same seed ⇒ identical numbers, whatever ``chunk_size``. With None the
        entropy drawn is kept in ``result.seed`` to repeat the run.
    chunk_size : int, optional
        Samples per chunk (default 32 768). Memory beyond the stored results
        grows with the chunk, not with n.
    progress : bool, optional
        Show a progress line on stderr. Default: only for runs longer than
        about two seconds in a terminal or a Jupyter kernel.
    parameters : sequence of str, optional
        Sample only these inputs (each needs a distribution or a range); the
        others stay at their base values.
    lang : {"en", "sv"}
        Language of the progress line ("elapsed", "left" and the numbers).

    Returns
    -------
    MonteCarloResult

    Raises
    ------
    LCCError
        ``n`` or ``chunk_size`` not a whole number >= 1, an unknown parameter
        (the message lists the known ones), something that is not a
        distribution, no distribution at all, a sampled service life <= 0, or
        a sampled inflation rate.

    References
    ----------
    Standard errors: σ/√n for the mean of n independent samples (e.g. Robert
    & Casella, *Monte Carlo Statistical Methods*, 2004, §3.2). Inverse
    transform sampling: Devroye, *Non-Uniform Random Variate Generation*,
    1986, §2.1.
    """
    model = Model(alternatives, study, "monte_carlo")
    n = check_count(n, "n", model.func)
    chunk = DEFAULT_CHUNK if chunk_size is None else check_count(chunk_size, "chunk_size",
                                                                 model.func)
    dists = choose_distributions(model, distributions, Msg("distributions"), parameters)
    names = list(dists)
    # the LCC and inputs arrays, and the tables and statistics built from them (about 3x)
    check_memory(n, 3 * (len(model.names) + len(names)) + 4, "Monte Carlo", func=model.func)
    entropy, gens = streams(seed, names, model.func)
    lcc = np.empty((len(model.names), n))
    inputs = np.empty((len(names), n))
    bar = Progress(n, "Monte Carlo", progress, lang=lang)
    t0 = time.perf_counter()
    for start in range(0, n, chunk):
        m = min(chunk, n - start)
        overrides = {}
        for j, name in enumerate(names):
            x = draw(model, name, dists[name], gens[name], m)
            inputs[j, start:start + m] = x
            overrides[name] = x
        with np.errstate(over="ignore", invalid="ignore"):  # said below, as lcc's error
            values = model.evaluate(overrides)
        if not np.all(np.isfinite(values)):
            bar.close()
            raise _not_finite(model, values, overrides)
        lcc[:, start:start + m] = values
        bar.update(start + m)
    bar.close()
    elapsed = time.perf_counter() - t0
    units = {name: model.inputs[name].unit for name in names}
    return MonteCarloResult(model.names, lcc, names, inputs, units=units, currency=study.currency,
                            seed=entropy, chunk_size=chunk, distributions=dists,
                            elapsed=elapsed,
                            described=describe_distributions(model, dists),
                            rates=[name for name in names if model.is_rate(name)],
                            notes=not_sampled(model, parameters))


def _not_finite(model: Model, values: np.ndarray, overrides: dict[str, Any]) -> LCCError:
    """The error for a sample whose LCC overflowed: never an inf in a result."""
    row, col = (int(i[0]) for i in np.nonzero(~np.isfinite(values)))
    drawn = join(", ", (drawn_value(model, name, float(x[col])) for name, x in overrides.items()))
    return LCCError(Msg(
        "Monte Carlo: the LCC of {name!r} is not finite for a sample ({drawn}): a value "
        "drawn is so large that the sum overflows; narrow the distributions",
        name=model.names[row], drawn=drawn), field=model.field("distributions"),
        code="invalid-value")


def drawn_value(model: Model, name: str, x: float) -> Msg:
    """``discount_rate = 4.2555 %``, ``price = 1.35 SEK/kWh``: a value drawn, in the
    reader's format (a rate held as a fraction as a percentage)."""
    if model.is_rate(name) and model.rate_scale(name) == 1.0:
        return Msg("{name} = {value}", name=name, value=Percent(x))
    unit = model.inputs[name].unit
    return Msg("{name} = {value}{unit}", name=name, value=Figure(x, f"{x:.6g}"),
               unit=Unit(f" {unit}" if unit else ""))


def _stats(x: np.ndarray, n: int) -> tuple[float, ...]:
    """mean, std (ddof 1; NaN for n = 1), standard error std/√n, P5, P50, P95."""
    std = float(x.std(ddof=1)) if n > 1 else float("nan")
    p5, p50, p95 = np.percentile(x, [5, 50, 95])
    return float(x.mean()), std, std / np.sqrt(n), float(p5), float(p50), float(p95)


class MonteCarloResult(Picklable):
    """Samples of the LCC of every alternative and the inputs drawn.

    Attributes
    ----------
    lcc : pandas.DataFrame
        n rows × one column per alternative, LCC in the study currency
        (``attrs["unit"]``).
    inputs : pandas.DataFrame
        n rows × one column per sampled input, in each input's own unit
        (``attrs["units"]``).
    n : int
    seed : int
        The root entropy; ``monte_carlo(..., seed=result.seed)`` repeats the run.
    chunk_size : int
    distributions : dict
        name -> the distribution used.
    described : dict
        name -> the distribution as text, e.g. ``"PERT(3900, 4100, 4300) h/yr
        (default: PERT(low, value, high))"``.
    elapsed : float
        Wall time of the sampling and evaluation [s].
    notes : list of str
        What the reader needs to know about the run: an input with a range that
        was not sampled (the study's inflation), and why.
    """

    def __init__(self, names: list[str], lcc: np.ndarray, input_names: list[str],
                 inputs: np.ndarray, *, units: dict[str, str], currency: str, seed: int,
                 chunk_size: int, distributions: dict[str, Any], elapsed: float,
                 described: dict[str, str] | None = None, rates: Sequence[str] = (),
                 notes: Sequence[str] = ()) -> None:
        self.names = list(names)
        self.notes = list(notes)
        self._lcc = lcc
        self._inputs = inputs
        self.n = int(lcc.shape[1])
        self.seed = seed
        self.chunk_size = chunk_size
        self.distributions = dict(distributions)
        self.described = dict(described) if described is not None else {
            k: describe(v) for k, v in self.distributions.items()}
        self.elapsed = elapsed
        self.currency = currency
        self.lcc = pd.DataFrame(lcc.T, columns=pd.Index(self.names, name="alternative"),
                                copy=False)
        self.lcc.attrs["unit"] = currency
        self.inputs = pd.DataFrame(inputs.T, columns=pd.Index(input_names, name="parameter"),
                                   copy=False)
        self.inputs.attrs["units"] = dict(units)
        self.inputs.attrs["rates"] = list(rates)  # the inputs read as rates per year

    # -- statistics ------------------------------------------------------------
    @cached_property
    def probability_best(self) -> pd.Series:
        """Share of samples in which each alternative has the lowest LCC.

        Ties (relative difference < 1e-9) split the sample equally; the shares
        sum to 1 (:func:`lcc.results.best_shares`, the rule of
        :attr:`lcc.Comparison.probability_best` too). Standard error
        √(p(1 − p)/n) in ``summary``.
        """
        share = np.zeros(len(self.names))
        step = DEFAULT_CHUNK
        for start in range(0, self.n, step):  # bounded memory: ranks are (k, k, chunk)
            part = self._lcc[:, start:start + step]
            share += best_shares(part) * part.shape[1]
        return pd.Series(share / self.n, index=pd.Index(self.names, name="alternative"),
                         name="probability_best")

    @property
    def best(self) -> str:
        """The alternative with the lowest mean LCC; of means that tie (the rule of
        :func:`lcc.results.ranks`), the first given, as :attr:`lcc.Comparison.best`."""
        return self.names[int(order(self._lcc.mean(axis=1))[0])]

    def differences(self) -> pd.DataFrame:
        """Per sample, LCC of each other alternative minus that of :attr:`best` [currency]."""
        b = self.names.index(self.best)
        cols = {difference_label(name, self.best): self._lcc[i] - self._lcc[b]
                for i, name in enumerate(self.names) if i != b}
        df = pd.DataFrame(cols)
        df.attrs["unit"] = self.currency
        return df

    def percentiles(self, q: Any) -> pd.DataFrame:
        """Percentiles of each alternative's LCC.

        Parameters
        ----------
        q : float or sequence of float
            Percent, 0..100 (as :func:`numpy.percentile`, linear interpolation).

        Returns
        -------
        pandas.DataFrame
            Index q [%], one column per alternative [currency].
        """
        qs = np.atleast_1d(np.asarray(q, dtype=float))
        if qs.ndim != 1 or np.any((qs < 0) | (qs > 100)) or not np.all(np.isfinite(qs)):
            raise LCCError(Msg("percentiles: got q={q!r}; expected percent values in 0..100",
                               q=q), field="MonteCarloResult.percentiles.q",
                           code="invalid-value")

        values = np.percentile(self._lcc, qs, axis=1)
        df = pd.DataFrame(values, index=pd.Index(qs, name="q"),
                          columns=pd.Index(self.names, name="alternative"))
        df.attrs["unit"] = self.currency
        return df

    @cached_property
    def summary(self) -> pd.DataFrame:
        """Mean, std, standard error, P5/P50/P95 and probability of being best.

        One row per alternative and one per difference to the alternative with
        the lowest mean LCC A: ``"B minus A"`` is LCC_B − LCC_A per sample
        (positive where A is cheaper; :func:`lcc.results.difference_label`). ``se`` is the
        Monte Carlo standard error of the mean, std/√n; for
        ``probability_best`` it is in ``probability_best_se``, √(p(1 − p)/n).
        Money in the study currency.
        """
        b = self.names.index(self.best)
        labels = list(self.names)
        stats = [_stats(row, self.n) for row in self._lcc]
        for i, name in enumerate(self.names):
            if i != b:  # one row at a time: memory stays at one n-vector beyond the results
                labels.append(difference_label(name, self.best))
                stats.append(_stats(self._lcc[i] - self._lcc[b], self.n))
        df = pd.DataFrame(stats, columns=["mean", "std", "se", "p5", "p50", "p95"],
                          index=pd.Index(labels, name="alternative"))
        pb = np.full(len(labels), np.nan)
        pb[:len(self.names)] = self.probability_best.to_numpy()
        df["probability_best"] = pb
        df["probability_best_se"] = np.sqrt(pb * (1 - pb) / self.n)
        df.attrs["unit"] = self.currency
        df.attrs["best"] = self.best
        return df

    # -- serialisation -----------------------------------------------------------
    def to_dict(self, *, samples: bool = False) -> dict[str, Any]:
        """A JSON-safe document of the run.

        Shape::

            {"type": "lcc.MonteCarloResult", "lcc_version": "…", "n": 20000,
             "seed": …, "chunk_size": 32768, "currency": "SEK", "best": "LED",
             "difference_of": "LED",          # differences are other minus this one
             "distributions": {"electricity_price": "PERT(0.75, 1.5, 3 SEK/kWh) …"},
             "notes": [],                     # e.g. the study's inflation not sampled
             "summary": [{"alternative": "LED", "kind": "alternative",
                          "mean": …, "std": …, "se": …, "p5": …, "p50": …, "p95": …,
                          "probability_best": 0.93, "probability_best_se": …,
                          "unit": "SEK"},
                         {"alternative": "HPS minus LED", "kind": "difference", …}],
             "samples": {"lcc": {name: [...]}, "inputs": {name: [...]},
                         "units": {...}}}   # only with samples=True

        Money in ``currency``; ``probability_best`` is a share (null for a
        difference row: it is not an alternative).
        """
        from lcc.results._serialize import header, number

        doc = header("lcc.MonteCarloResult")
        doc.update({"n": self.n, "seed": self.seed, "chunk_size": self.chunk_size,
                    "currency": self.currency, "best": self.best, "difference_of": self.best,
                    "distributions": dict(self.described),
                    "notes": [str(n) for n in self.notes]})
        rows = []
        for label, row in self.summary.iterrows():
            kind = "alternative" if label in self.names else "difference"
            out: dict[str, Any] = {"alternative": str(label), "kind": kind}
            out.update({str(k): number(v) for k, v in row.items()})
            out["unit"] = self.currency
            rows.append(out)
        doc["summary"] = rows
        if samples:
            doc["samples"] = {
                "lcc": {str(k): [number(x) for x in self.lcc[k]] for k in self.lcc.columns},
                "inputs": {str(k): [number(x) for x in self.inputs[k]]
                           for k in self.inputs.columns},
                "units": dict(self.inputs.attrs.get("units", {})),
            }
        return doc

    def to_json(self, *, indent: int | None = 2, samples: bool = False) -> str:
        """:meth:`to_dict` as JSON text (UTF-8, no NaN)."""
        from lcc.results._serialize import dumps

        return dumps(self.to_dict(samples=samples), indent=indent)

    # -- display ---------------------------------------------------------------
    def plot(self, kind: str = "cdf", **kwargs: Any) -> Any:
        """Draw the distributions with :func:`lcc.plot.distributions` ("cdf" or "hist").

        Needs the ``plot`` extra (matplotlib); returns the matplotlib Axes.
        """
        import importlib

        return importlib.import_module("lcc.plot").distributions(self, kind=kind, **kwargs)

    def __repr__(self) -> str:
        return (f"<MonteCarloResult: {self.n:,} samples of {len(self.names)} alternatives, "
                f"{len(self.distributions)} uncertain inputs, seed {self.seed}; lowest mean "
                f"LCC {self.best!r}>")

    def _repr_html_(self) -> str:
        cur = html_text(self.currency)
        dists = ", ".join(html_text(name) for name in self.distributions)
        head = (f"<strong>Monte Carlo</strong>: {self.n:,} samples, seed {self.seed}; "
                f"uncertain inputs: {dists}. Money in {cur}.")
        money = lambda x: f"{x:,.2f}"  # noqa: E731
        share = lambda x: "" if np.isnan(x) else f"{x:.4f}"  # noqa: E731
        formatters = {c: money for c in ("mean", "std", "se", "p5", "p50", "p95")}
        formatters.update({c: share for c in ("probability_best", "probability_best_se")})
        table = self.summary.rename(index=shown).to_html(formatters=formatters)
        return f"<div>{head}{table}</div>"
