"""The one ranking rule of lcc: ranks, ties, the share of samples each alternative wins,
and the name of a difference between two alternatives.

Used by :class:`lcc.Comparison`, :class:`lcc.sensitivity.MonteCarloResult`,
:func:`lcc.sensitivity.scenarios` and every table that shows a difference, so
that ties and signs are the same everywhere (see the conventions: lower LCC is better;
two values tie when their relative difference is below 1e-9).
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: Relative difference under which two values tie (the conventions, docs/concepts/time.md).
TIE = 1e-9


def tied(a: float, b: float) -> bool:
    """Whether two values tie: ``|a − b| <= 1e-9 · max(|a|, |b|)`` (or they are equal)."""
    return a == b or abs(a - b) <= TIE * max(abs(a), abs(b))


def ranks(values: Any) -> np.ndarray:
    """Rank 1 = lowest along axis 0; tied values share the rank of the best among them.

    ``rank_i = 1 + #{j : v_j < v_i by more than 1e-9 · max(|v_i|, |v_j|)}`` —
    "competition" ranking (1, 1, 3) with the tolerance TIE.

    Parameters
    ----------
    values : array_like
        Shape (alternatives,) or (alternatives, samples…).

    Returns
    -------
    numpy.ndarray of int, the shape of ``values``.

    Examples
    --------
    >>> ranks([3.0, 1.0, 3.0 * (1 + 1e-12), 2.0]).tolist()
    [3, 1, 3, 2]
    """
    v = np.asarray(values, dtype=float)
    out = np.ones(v.shape, dtype=int)
    for j in range(v.shape[0]):  # one alternative at a time: memory of values, not its square
        b = v[j]
        out += (v - b) > TIE * np.maximum(np.abs(v), np.abs(b))
    return out


def order(values: Any) -> np.ndarray:
    """Indices from the best to the worst by :func:`ranks`; tied values in the order given.

    Examples
    --------
    >>> order([2.0, 1.0 + 1e-12, 1.0]).tolist()  # the 2nd and 3rd tie: the 2nd first
    [1, 2, 0]
    """
    r = ranks(np.asarray(values, dtype=float))
    return np.lexsort((np.arange(r.shape[0]), r))


def best_shares(values: Any) -> np.ndarray:
    """Share of samples in which each alternative has rank 1; ties split the sample equally.

    Parameters
    ----------
    values : array_like
        Shape (alternatives, samples); a 1-D array is one sample.

    Returns
    -------
    numpy.ndarray
        Shape (alternatives,); the shares sum to 1.

    Examples
    --------
    >>> best_shares([[1.0, 2.0], [1.0, 1.0]]).tolist()  # a tie, then the second wins
    [0.25, 0.75]
    """
    v = np.asarray(values, dtype=float)
    if v.ndim == 1:
        v = v[:, None]
    first = ranks(v) == 1
    share = first / first.sum(axis=0)
    return np.asarray(share.mean(axis=1), dtype=float)


def difference_label(other: str, best: str) -> str:
    """The name of a difference: the other alternative's LCC minus the best one's.

    Every table, JSON document and plot of lcc names a difference this way —
    ``"LED bid B minus LED bid C"`` is LCC(LED bid B) − LCC(LED bid C), positive
    when LED bid C is cheaper. Tools choose a difference with the word
    ``"difference"`` (the deciding one) rather than by typing this label.
    """
    return f"{other} minus {best}"


__all__ = ["TIE", "best_shares", "difference_label", "ranks", "tied"]
