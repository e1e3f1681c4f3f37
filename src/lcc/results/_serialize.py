"""JSON-safe dictionaries of results: finite floats or null with a reason, units named.

Every ``to_dict()`` of lcc (:class:`lcc.LCCResult`, :class:`lcc.Comparison`,
:class:`lcc.sensitivity.MonteCarloResult`, :class:`lcc.sensitivity.SobolResult`,
:class:`lcc.sensitivity.TornadoResult`) builds its document from these helpers,
so every one follows the same rules:

* an amount is ``{"value": 123.4, "unit": "SEK"}``; a plain number (a rate, an
  index, a share) is a bare number, and its unit, if any, is named next to it;
* a float that is not finite (NaN, ±inf) is ``null``, and the document says why
  (``{"value": null, "unit": "1", "reason": "…"}`` or a ``notes`` list);
* keys are stable English names; every document has ``"type"`` and
  ``"lcc_version"``.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np

from lcc._text import escape_invisible


def number(x: Any) -> float | int | bool | None:
    """A JSON number: finite floats and ints as they are (−0.0 as 0.0: no cost is
    negative zero); NaN and ±inf as None."""
    if x is None:
        return None
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    v = float(x)
    return v + 0.0 if math.isfinite(v) else None


def amount(x: Any, unit: str, reason: str | None = None) -> dict[str, Any]:
    """``{"value": x, "unit": unit}``; a non-finite x gives ``value: null`` and the reason."""
    v = number(x)
    out: dict[str, Any] = {"value": v, "unit": unit}
    if v is None:
        out["reason"] = reason or "not a finite number"
    return out


def clean(obj: Any) -> Any:
    """Any nesting of dicts, lists, tuples, numpy scalars and arrays made JSON-safe."""
    if isinstance(obj, dict):
        return {str(k): clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [clean(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return [clean(v) for v in obj.tolist()]
    if isinstance(obj, (float, int, np.floating, np.integer, np.bool_)):
        return number(obj)
    return obj


def dumps(doc: Any, indent: int | None = 2) -> str:
    """JSON text of a document (NaN and inf refused: they must be null already; invisible
    characters in names as escapes, ``\\u202e``)."""
    return escape_invisible(json.dumps(clean(doc), ensure_ascii=False, indent=indent,
                                       allow_nan=False), json=True)


def header(kind: str) -> dict[str, Any]:
    """The first keys of every document: its type and the library version."""
    from lcc._version import __version__

    return {"type": kind, "lcc_version": __version__}


def records(df: Any, index: str | None = None) -> list[dict[str, Any]]:
    """A DataFrame as a list of row objects (the index as a column), JSON-safe.

    Rows are a list, not an object keyed by the index, so rows that share an
    index value (a parameter with several alternatives) all survive.
    """
    frame = df.reset_index() if index is not None or df.index.name is not None else df
    if index is not None and df.index.name is None:
        frame = frame.rename(columns={"index": index})
    out = []
    for row in frame.itertuples(index=False, name=None):
        out.append({str(c): clean(v) if not isinstance(v, str) else v
                    for c, v in zip(frame.columns, row, strict=True)})
    return out





# -- pickling -------------------------------------------------------------------------------

def pint_ready() -> _Ready:
    """Make lcc's unit registry pint's application registry (pint unpickles through it)."""
    import pint

    from lcc.units import get_registry

    reg = get_registry()
    app = pint.get_application_registry()
    if getattr(app, "get", lambda: None)() is not reg:
        pint.set_application_registry(reg)
    return _Ready()


class _Ready:
    """Unpickled before a result's state, so its quantities find lcc's units (SEK …)."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (pint_ready, ())


def _rebuild(ready: Any, cls: Any, state: dict[str, Any]) -> Any:
    obj = cls.__new__(cls)
    obj.__dict__.update(state)
    return obj


class Picklable:
    """Mixin: pickles the instance's ``__dict__`` after readying the unit registry.

    A result holds pint quantities in lcc's own units (SEK, kr …); pint
    unpickles a quantity through its *application registry*, so the first
    thing unpickled is a token that makes lcc's registry that registry — in
    a fresh process too.
    """

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        return (_rebuild, (_Ready(), type(self), dict(self.__dict__)))

__all__ = ["Picklable", "amount", "clean", "dumps", "header", "number", "pint_ready", "records"]
