"""Variance-based global sensitivity: Sobol' first-order and total indices with
bootstrap confidence intervals."""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Mapping, Sequence
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from lcc._errors import LCCError, Msg
from lcc.model._study import Study
from lcc.sensitivity._limits import check_memory
from lcc.sensitivity._model import Model, difference_label
from lcc.sensitivity._montecarlo import (
    DEFAULT_CHUNK,
    check_count,
    choose_distributions,
    describe_distributions,
    not_sampled,
    root_seed,
)
from lcc.sensitivity._tables import SobolResult

#: Bootstrap resamples by default.
BOOTSTRAP = 1000
#: Working-array budget of the bootstrap, in numbers (about 32 MB).
_BUDGET = 4_000_000


def saltelli(f_a: np.ndarray, f_b: np.ndarray, f_ab: np.ndarray) -> tuple[np.ndarray,
                                                                         np.ndarray]:
    """First-order (Saltelli 2010) and total (Jansen 1999) indices, over the last axis.

    ``f_a``, ``f_b``: (..., n); ``f_ab``: (d, ..., n). Outputs are centred on the
    mean of A and B first, as :func:`scipy.stats.sobol_indices` does. Returns
    ``S1, ST`` of shape (d, ...); NaN where the output does not vary.
    """
    mean = 0.5 * (f_a.mean(axis=-1) + f_b.mean(axis=-1))[..., None]
    a, b, ab = f_a - mean, f_b - mean, f_ab - mean
    var = 0.5 * ((a ** 2).mean(axis=-1) + (b ** 2).mean(axis=-1)) - (
        0.5 * (a.mean(axis=-1) + b.mean(axis=-1))) ** 2
    with np.errstate(divide="ignore", invalid="ignore"):
        s1 = (b * (ab - a)).mean(axis=-1) / var
        st = 0.5 * ((a - ab) ** 2).mean(axis=-1) / var
    zero = ~(var > 0)
    s1 = np.where(zero, np.nan, s1)
    st = np.where(zero, np.nan, st)
    return s1, st


def bootstrap_conf(f_a: np.ndarray, f_b: np.ndarray, f_ab: np.ndarray, resamples: int,
                   level: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Half-widths of the confidence intervals of S1 and ST by bootstrap.

    The N base rows are resampled with replacement ``resamples`` times (the
    same rows for A, B and every AB page), the indices recomputed on each
    resample, and the half-width is ``Φ⁻¹(0.5 + level/2) · std`` of the
    resampled indices — SALib's ``S1_conf``/``ST_conf`` (Herman & Usher 2017;
    Archer, Saltelli & Sobol' 1997).

    Vectorised: a resample is a row of counts w (how often each base row is
    drawn), and every mean the estimators need is ``w @ column / N``, so a
    block of resamples is one matrix product. Returns arrays of shape
    (d, outputs).
    """
    n = f_a.shape[-1]
    d, s = f_ab.shape[0], f_a.shape[0]
    shift = 0.5 * (f_a.mean(axis=-1) + f_b.mean(axis=-1))[:, None]  # for precision only
    a, b, ab = f_a - shift, f_b - shift, f_ab - shift
    delta = ab - a  # (d, s, n)
    cols = np.concatenate([a, b, a * a, b * b,
                           (b * delta).reshape(d * s, n), delta.reshape(d * s, n),
                           (delta * delta).reshape(d * s, n)]).T  # (n, 4s + 3ds)
    block = max(1, min(resamples, 8_000_000 // max(n, 1)))
    s1_all, st_all = [], []
    for start in range(0, resamples, block):
        r = min(block, resamples - start)
        idx = rng.integers(0, n, size=(r, n)) + (np.arange(r) * n)[:, None]
        w = np.bincount(idx.ravel(), minlength=r * n).reshape(r, n).astype(float)
        m = (w @ cols) / n  # (r, k): the means of each column in each resample
        ma, mb, ma2, mb2 = (m[:, i * s:(i + 1) * s] for i in range(4))
        rest = m[:, 4 * s:].reshape(r, 3, d, s)
        mean = 0.5 * (ma + mb)
        var = 0.5 * (ma2 + mb2) - mean ** 2  # (r, s)
        with np.errstate(divide="ignore", invalid="ignore"):
            s1 = (rest[:, 0] - mean[:, None, :] * rest[:, 1]) / var[:, None, :]
            st = 0.5 * rest[:, 2] / var[:, None, :]
        s1_all.append(s1)
        st_all.append(st)
    s1s = np.concatenate(s1_all)  # (resamples, d, s)
    sts = np.concatenate(st_all)
    z = NormalDist().inv_cdf(0.5 + level / 2)
    if resamples < 2:
        nan = np.full((d, s), np.nan)
        return nan, nan.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return z * np.nanstd(s1s, axis=0, ddof=1), z * np.nanstd(sts, axis=0, ddof=1)


#: The most bootstrap resamples of :func:`sobol` (memory grows with them: about 440 MB per
#: million with 2 inputs and 3 outputs).
MAX_BOOTSTRAP = 100_000


def sobol(alternatives: Any, study: Study, distributions: Mapping[str, Any] | None = None,
          n: int = 1024, *, seed: Any = None, parameters: Sequence[str] | None = None,
          bootstrap: int = BOOTSTRAP, confidence_level: float = 0.95,
          pair: Sequence[str] | None = None) -> SobolResult:
    """Sobol' indices of each alternative's LCC and of the deciding difference, with
    bootstrap confidence intervals.

    Sampling and the point estimates are :func:`scipy.stats.sobol_indices`'
    (a scrambled Sobol' sequence; Saltelli et al. 2010 estimator of the
    first-order index, Jansen 1999 of the total index): ``n·(d + 2)`` model
    evaluations for d sampled inputs, done through the vectorised engine in
    chunks (no Python loop over samples).

    Parameters
    ----------
    alternatives : Alternative or sequence of Alternative
    study : Study
    distributions : mapping, optional
        As for :func:`monte_carlo`: ``name -> distribution`` in the parameter's
        own unit, added to (or replacing, or with None dropping) the declared
        ones. An input with ``low``/``high`` and no distribution is sampled
        from the default ``PERT(low, value, high)``. Inputs are taken as
        independent.
    n : int
        Base sample size, 2 or more. Sobol' sampling needs a power of 2: any other n
        is rounded up to the next one, and a note says so (``attrs["notes"]``).
    seed : int, numpy.random.SeedSequence or None
        Seed of the scrambling and the bootstrap; same seed ⇒ same indices and
        intervals. With None the entropy drawn is kept in ``attrs["seed"]``.
    parameters : sequence of str, optional
        Sample only these inputs.
    bootstrap : int
        Bootstrap resamples for the confidence intervals (default 1000; 0 for
        none, the ``_conf`` columns are then NaN; at most ``MAX_BOOTSTRAP``, 100 000).
    confidence_level : float
        Of the intervals (default 0.95).
    pair : (str, str), optional
        The alternatives (A, B) of the deciding difference LCC_B − LCC_A; by
        default A is the lowest LCC at base values and B the runner-up.

    Returns
    -------
    SobolResult
        A :class:`pandas.DataFrame` in long format (with ``to_dict()``/
        ``to_json()``), columns ``parameter, alternative, S1, S1_conf, ST,
        ST_conf`` (SALib's names): one row per (output, sampled input). The
        outputs are each alternative's LCC and, with two or more alternatives,
        the deciding difference ``"B minus A"`` = LCC_B − LCC_A (A the lowest
        LCC at base values, B the runner-up, or the ``pair`` given). ``S1`` = V[E(Y|X_i)]/V[Y] and
        ``ST`` = E[V(Y|X_~i)]/V[Y] are shares of the output's variance [1];
        ``S1_conf``/``ST_conf`` the half-widths of their bootstrap confidence
        intervals (estimate ± conf). NaN for an output with zero variance.
        ``attrs``: ``"n"`` (used), ``"n_requested"``, ``"evaluations"``,
        ``"seed"``, ``"pair"``, ``"difference"``, ``"distributions"`` (as
        text), ``"bootstrap"``, ``"confidence_level"``, ``"notes"``,
        ``"method"``.

    Raises
    ------
    LCCError
        ``n`` not a whole number >= 1, an unknown parameter, something that is
        not a distribution, or nothing to sample.

    References
    ----------
    Sobol', I. M. (2001), Global sensitivity indices for nonlinear mathematical
    models and their Monte Carlo estimates, Math. Comput. Simul. 55, 271–280.
    Saltelli, A. et al. (2010), Variance based sensitivity analysis of model
    output, Comput. Phys. Commun. 181, 259–270. Jansen, M. J. W. (1999),
    Analysis of variance designs for model output, Comput. Phys. Commun. 117,
    35–43. Archer, G. E. B., Saltelli, A. & Sobol', I. M. (1997), Sensitivity
    measures, ANOVA-like techniques and the use of bootstrap, J. Stat. Comput.
    Simul. 58, 99–120. Herman, J. & Usher, W. (2017), SALib, JOSS 2(9), 97.
    """
    from scipy.stats import sobol_indices

    model = Model(alternatives, study, "sobol")
    requested = check_count(n, "n", model.func)
    if requested < 2:  # one row: no variance to split, and every bootstrap resample alike
        raise LCCError(Msg("n: got {n!r}; Sobol' indices need at least 2 base samples to "
                           "estimate a variance (1 024 or more for indices to about two "
                           "decimals)", n=requested), field=model.field("n"),
                       code="invalid-value")
    n = 1 << (requested - 1).bit_length()
    notes: list[str] = []
    if n != requested:
        notes.append(Msg("n = {requested} rounded up to {n}: Sobol' sampling needs a power "
                         "of 2", requested=requested, n=n))
    if isinstance(bootstrap, bool) or not isinstance(bootstrap, (int, np.integer)) \
            or bootstrap < 0:
        wrong = isinstance(bootstrap, bool) or not isinstance(bootstrap, (int, np.integer))
        raise LCCError(Msg("bootstrap: got {value!r}; expected a whole number >= 0",
                           value=bootstrap), field=model.field("bootstrap"),
                       code="wrong-type" if wrong else "invalid-value")
    if bootstrap > MAX_BOOTSTRAP:  # each resample holds every index of every output
        raise LCCError(Msg("bootstrap: got {value!r}; the most lcc resamples is {limit} (its "
                           "intervals are then as exact as the sample allows)",
                           value=bootstrap, limit=MAX_BOOTSTRAP),
                       field=model.field("bootstrap"), code="too-large")
    if isinstance(confidence_level, bool) or not isinstance(confidence_level, (int, float)) \
            or not 0 < confidence_level < 1:
        wrong = isinstance(confidence_level, bool) or not isinstance(confidence_level,
                                                                     (int, float))
        raise LCCError(Msg("confidence_level: got {value!r}; expected a number between 0 and "
                           "1 such as 0.95", value=confidence_level),
                       field=model.field("confidence_level"),
                       code="wrong-type" if wrong else "invalid-value")
    dists = choose_distributions(model, distributions, Msg("distributions"), parameters)
    notes += not_sampled(model, parameters)
    names = list(dists)
    for name in names:
        model.check_support(name, dists[name], Msg("distribution of {name!r}", name=name))
    # scipy evaluates n·(k + 2) samples and keeps them with the inputs drawn
    check_memory(n, (len(names) + 2) * (2 * (len(model.names) + 1 + len(names)) + 4), "Sobol",
                 func=model.func)
    chosen = model.pair(pair) if pair is not None or len(model.names) > 1 else None
    outputs = list(model.names)
    difference = None
    if chosen is not None:
        difference = difference_label(model.names[chosen[1]], model.names[chosen[0]])
        outputs.append(difference)
    calls: list[np.ndarray] = []
    scales: list[np.ndarray] = []
    single = len(outputs) == 1 and len(names) == 1

    def func(x: np.ndarray) -> np.ndarray:
        m = x.shape[1]
        out = np.empty((len(outputs), m))
        for start in range(0, m, DEFAULT_CHUNK):
            stop = min(start + DEFAULT_CHUNK, m)
            ov = {}
            for j, name in enumerate(names):
                ov[name] = np.ascontiguousarray(x[j, start:stop], dtype=float)
                model.check_values(name, ov[name], Msg("distribution of {name!r}", name=name),
                                   arg="distributions")
            v = model.evaluate(ov)
            out[:len(model.names), start:stop] = v
            if chosen is not None:
                out[-1, start:stop] = v[chosen[1]] - v[chosen[0]]
        if not np.all(np.isfinite(out)):
            raise LCCError(Msg("Sobol: the LCC cannot be computed for some sampled inputs; "
                               "check the ranges of the distributions"),
                           field=model.field("distributions"), code="invalid-value")
        if not scales:  # the indices are shares of a variance, the same for any scale: each
            # output in units of its largest first value keeps the squares of LCCs near 1e155
            # finite (they overflowed, and every index came out 0)
            top = np.max(np.abs(out), axis=1, keepdims=True)
            scales.append(np.where(top > 0, top, 1.0))
        out /= scales[0]
        calls.append(out)
        # one output of one input: scipy's indices are then scalars it cannot write into; a
        # copy of the output makes them arrays (its indices are the same and left out)
        return np.concatenate([out, out]) if single else out

    root = root_seed(seed, model.func)
    scramble_ss, boot_ss = root.spawn(2) if bootstrap else (root, root)
    key = "rng" if "rng" in inspect.signature(sobol_indices).parameters else "random_state"
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        res = sobol_indices(func=func, n=n, dists=[dists[k] for k in names],
                            **{key: np.random.default_rng(scramble_ss)})
    d = len(names)
    first = np.asarray(res.first_order, dtype=float).reshape(-1, d)[:len(outputs)]
    total = np.asarray(res.total_order, dtype=float).reshape(-1, d)[:len(outputs)]
    s1_conf = np.full((len(outputs), d), np.nan)
    st_conf = np.full((len(outputs), d), np.nan)
    if bootstrap and len(calls) == 3:  # scipy evaluates A, then B, then the AB pages
        f_a, f_b, f_ab_flat = calls
        f_ab = np.moveaxis(f_ab_flat.reshape((-1, n, d)), -1, 0)
        s1c, stc = bootstrap_conf(f_a, f_b, f_ab, int(bootstrap), float(confidence_level),
                                  np.random.default_rng(boot_ss))
        s1_conf, st_conf = s1c.T, stc.T
    var = np.var(np.concatenate(calls[:2], axis=1), axis=1) if len(calls) >= 2 else None
    if var is not None:
        flat = ~(var > 0)
        first[flat] = np.nan
        total[flat] = np.nan
        for i in np.flatnonzero(flat):
            notes.append(Msg("{name} does not vary with the sampled inputs: its indices are "
                             "not defined", name=outputs[i]))

    rows = [(name, out, float(first[i, j]), float(s1_conf[i, j]), float(total[i, j]),
             float(st_conf[i, j]))
            for i, out in enumerate(outputs) for j, name in enumerate(names)]
    frame = pd.DataFrame(rows, columns=["parameter", "alternative", "S1", "S1_conf", "ST",
                                        "ST_conf"])
    df = SobolResult(frame)
    df.attrs.update({
        "n": n, "n_requested": requested, "evaluations": n * (d + 2), "seed": root.entropy,
        "pair": None if chosen is None else (model.names[chosen[0]], model.names[chosen[1]]),
        "difference": difference,
        "distributions": describe_distributions(model, dists),
        "rates": [name for name in dists if model.is_rate(name)],
        "bootstrap": int(bootstrap), "confidence_level": float(confidence_level),
        "notes": notes,
        "method": "scipy.stats.sobol_indices (Sobol' sequence; first order: Saltelli 2010; "
                  "total: Jansen 1999); confidence: bootstrap of the N base rows, "
                  f"±Φ⁻¹({0.5 + confidence_level / 2:g})·std (SALib)",
    })
    return df
