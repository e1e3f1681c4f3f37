"""Variance-based global sensitivity: Sobol' first-order and total indices."""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import sobol_indices

from lcc._errors import LCCError
from lcc.model._study import Study
from lcc.sensitivity._model import Model, difference_label
from lcc.sensitivity._montecarlo import (
    DEFAULT_CHUNK,
    check_count,
    choose_distributions,
    root_seed,
)


def sobol(alternatives: Any, study: Study, distributions: Mapping[str, Any] | None = None,
          n: int = 1024, *, seed: Any = None) -> pd.DataFrame:
    """Sobol' sensitivity indices of each alternative's LCC and of the difference of the best two.

    Uses :func:`scipy.stats.sobol_indices` (Saltelli et al. 2010 estimator of
    the first-order index, Jansen 1999 of the total index, on a scrambled
    Sobol' sequence): ``n·(d + 2)`` model evaluations for d sampled inputs,
    done through the vectorised engine in chunks (no Python loop over
    samples).

    Parameters
    ----------
    alternatives : Alternative or sequence of Alternative
    study : Study
    distributions : mapping, optional
        As for :func:`monte_carlo`: ``name -> frozen scipy.stats distribution``
        in the parameter's own unit, added to (or replacing, or with None
        dropping) the declared ones; None: every declared distribution.
        Inputs are taken as independent.
    n : int
        Base sample size, a power of 2 (scipy's requirement).
    seed : int, numpy.random.SeedSequence or None
        Seed of the scrambling; same seed ⇒ same indices. With None the
        entropy drawn is kept in ``df.attrs["seed"]``.

    Returns
    -------
    pandas.DataFrame
        Long format, columns ``parameter, alternative, first_order,
        total_order``: one row per (output, sampled input); the outputs are each
        alternative's LCC and, with two or more alternatives,
        ``"difference: A − B"`` (LCC_A − LCC_B, A and B the two lowest LCCs
        at base values). Indices are shares of the output's variance [1]
        (S_i = V[E(Y|X_i)]/V[Y], S_Ti = E[V(Y|X_~i)]/V[Y]); NaN for an output
        with zero variance. ``df.attrs``: ``"n"``, ``"evaluations"``,
        ``"seed"``, ``"pair"``, ``"method"``.

    Raises
    ------
    LCCError
        ``n`` not a power of 2 >= 1, an unknown parameter, something that is
        not a distribution, or no distribution at all.

    References
    ----------
    Sobol', I. M. (2001), Global sensitivity indices for nonlinear mathematical
    models and their Monte Carlo estimates, Math. Comput. Simul. 55, 271–280.
    Saltelli, A. et al. (2010), Variance based sensitivity analysis of model
    output, Comput. Phys. Commun. 181, 259–270. Jansen, M. J. W. (1999),
    Analysis of variance designs for model output, Comput. Phys. Commun. 117,
    35–43.
    """
    model = Model(alternatives, study)
    n = check_count(n, "n")
    if n & (n - 1):
        raise LCCError(f"n: got {n}; expected a power of 2 such as {1 << n.bit_length()} "
                       f"(scipy.stats.sobol_indices needs one)")
    dists = choose_distributions(model, distributions, "distributions")
    names = list(dists)
    pair = model.pair(None) if len(model.names) > 1 else None
    outputs = list(model.names)
    if pair is not None:
        outputs.append(difference_label(model.names[pair[0]], model.names[pair[1]]))

    def func(x: np.ndarray) -> np.ndarray:
        m = x.shape[1]
        out = np.empty((len(outputs), m))
        for start in range(0, m, DEFAULT_CHUNK):
            stop = min(start + DEFAULT_CHUNK, m)
            ov = {}
            for j, name in enumerate(names):
                ov[name] = np.ascontiguousarray(x[j, start:stop], dtype=float)
                model.check_values(name, ov[name], f"distribution of {name!r}")
            v = model.evaluate(ov)
            out[:len(model.names), start:stop] = v
            if pair is not None:
                out[-1, start:stop] = v[pair[0]] - v[pair[1]]
        if not np.all(np.isfinite(out)):
            raise LCCError("sobol: the LCC is not finite for some sampled inputs; check the "
                           "distributions' supports")
        return out

    root = root_seed(seed)
    rng = np.random.default_rng(root)
    key = "rng" if "rng" in inspect.signature(sobol_indices).parameters else "random_state"
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        res = sobol_indices(func=func, n=n, dists=[dists[k] for k in names], **{key: rng})
    first = np.asarray(res.first_order, dtype=float).reshape(len(outputs), len(names))
    total = np.asarray(res.total_order, dtype=float).reshape(len(outputs), len(names))
    rows = [(name, out, float(first[i, j]), float(total[i, j]))
            for i, out in enumerate(outputs) for j, name in enumerate(names)]
    df = pd.DataFrame(rows, columns=["parameter", "alternative", "first_order", "total_order"])
    df.attrs.update({
        "n": n, "evaluations": n * (len(names) + 2), "seed": root.entropy,
        "pair": None if pair is None else (model.names[pair[0]], model.names[pair[1]]),
        "method": "scipy.stats.sobol_indices, saltelli_2010 (first order: Saltelli 2010; "
                  "total: Jansen 1999)",
    })
    return df
