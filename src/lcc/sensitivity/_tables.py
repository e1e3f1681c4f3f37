"""Result tables of sensitivity analysis: a pandas DataFrame that also serialises itself."""

from __future__ import annotations

from typing import Any

import pandas as pd

from lcc.results._serialize import dumps, header, records


class ResultTable(pd.DataFrame):
    """A long-format DataFrame with ``to_dict()``/``to_json()`` in lcc's documented shape.

    It is a :class:`pandas.DataFrame` (filter, sort and plot it as one; slices and
    copies are plain DataFrames). Called without arguments, ``to_dict()`` and
    ``to_json()`` give lcc's JSON-safe document (``{"type", "rows": [...], …}``);
    with pandas' arguments (``orient=…``) they are pandas' own.
    """

    _kind = "lcc.ResultTable"

    @property
    def _constructor(self) -> Any:
        return pd.DataFrame

    def _document(self) -> dict[str, Any]:
        doc = header(self._kind)
        doc.update(self._meta())
        doc["rows"] = records(self)
        return doc

    def _meta(self) -> dict[str, Any]:
        return {}

    def to_dict(self, *args: Any, **kwargs: Any) -> Any:
        """lcc's JSON-safe document; with arguments, :meth:`pandas.DataFrame.to_dict`."""
        if args or kwargs:
            return super().to_dict(*args, **kwargs)
        return self._document()

    def to_json(self, *args: Any, **kwargs: Any) -> Any:
        """:meth:`to_dict` as JSON text; with arguments, :meth:`pandas.DataFrame.to_json`."""
        if args or kwargs:
            return super().to_json(*args, **kwargs)
        return dumps(self._document())

    def to_frame(self) -> pd.DataFrame:
        """A plain DataFrame copy (attrs kept)."""
        return pd.DataFrame(self).copy()


class TornadoResult(ResultTable):
    """The table of :func:`lcc.sensitivity.tornado` (a DataFrame; see there).

    ``to_dict()``::

        {"type": "lcc.TornadoResult", "lcc_version": …, "unit": "SEK",
         "pair": [best, other] | null, "difference": "other minus best" | null,
         "base_lcc": {alternative: {"value": …, "unit": "SEK"}}, "skipped": [...],
         "rows": [{"parameter", "alternative", "low", "high", "lcc_low", "lcc_high",
                   "swing", "base", "lcc_base", "unit"}, …]}

    ``low``/``high``/``base`` are in the row's ``unit`` (the parameter's own);
    the LCCs and the swing in the document's ``unit``.
    """

    _kind = "lcc.TornadoResult"

    def _meta(self) -> dict[str, Any]:
        unit = self.attrs.get("unit", "")
        base = self.attrs.get("base_lcc") or {}
        pair = self.attrs.get("pair")
        return {"unit": unit, "pair": list(pair) if pair else None,
                "difference": self.attrs.get("difference"),
                "base_lcc": {k: {"value": v, "unit": unit} for k, v in base.items()},
                "skipped": list(self.attrs.get("skipped") or [])}


class SobolResult(ResultTable):
    """The table of :func:`lcc.sensitivity.sobol` (a DataFrame; see there).

    ``to_dict()``::

        {"type": "lcc.SobolResult", "lcc_version": …, "n": 1024, "n_requested": 1000,
         "evaluations": …, "seed": …, "confidence_level": 0.95, "bootstrap": 1000,
         "pair": [best, other] | null, "difference": "other minus best" | null,
         "distributions": {name: "PERT(…)"}, "notes": [...], "method": "…",
         "rows": [{"parameter", "alternative", "S1", "S1_conf", "ST", "ST_conf"}, …]}

    Indices are shares of variance (unit 1); an index is null where the output
    does not vary (zero variance).
    """

    _kind = "lcc.SobolResult"

    def _meta(self) -> dict[str, Any]:
        a = self.attrs
        pair = a.get("pair")
        return {"n": a.get("n"), "n_requested": a.get("n_requested"),
                "evaluations": a.get("evaluations"), "seed": a.get("seed"),
                "confidence_level": a.get("confidence_level"),
                "bootstrap": a.get("bootstrap"),
                "pair": list(pair) if pair else None, "difference": a.get("difference"),
                "distributions": dict(a.get("distributions") or {}),
                "notes": list(a.get("notes") or []), "method": a.get("method"),
                "unit": "1"}


__all__ = ["ResultTable", "SobolResult", "TornadoResult"]
