"""Model values <-> file values: encoding for writing, comparison, display."""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np

from lcc._errors import LCCError, Msg
from lcc.model import ByYear, Parameter
from lcc.model._compare import same
from lcc.units import ExchangeRates, get_registry, pretty_units


def number_text(x: float) -> str:
    """A float as short text that reads back to the same float.

    A number of three decimals after one to three digits gets a fourth: lcc refuses
    ``"1.234"`` as ambiguous (1.234 or 1 234), and reads ``"1.2340"`` only one way.

    >>> number_text(3.0), number_text(1.234), number_text(1234.5), number_text(0.125)
    ('3', '1.2340', '1234.5', '0.125')
    """
    if math.isfinite(x) and x == int(x) and abs(x) < 1e15:
        return str(int(x))
    text = repr(float(x))
    whole, _, decimals = text.lstrip("-").partition(".")
    if len(decimals) == 3 and len(whole) <= 3 and whole != "0":
        return text + "0"  # '1.234' reads as 1 234 to many: '1.2340' reads only as 1.234
    return text


def _samples(where: str) -> LCCError:
    return LCCError(Msg("{name}: holds samples (an array); a tender file holds single values — "
                        "describe the uncertainty with a distribution on a Parameter instead",
                        name=where), field=where, code="wrong-type")


def _not_finite(where: str, value: float) -> LCCError:
    return LCCError(Msg("{name}: {value!r} is not a finite number", name=where, value=value),
                    field=where, code="invalid-value")


def quantity_text(q: Any, where: str = "value") -> str:
    """A scalar pint quantity as text that :func:`lcc.units.parse_quantity` reads back."""
    from lcc.units import _parse_text

    mag = q.magnitude
    if np.ndim(mag):
        raise _samples(where)
    mag = float(mag)
    if not math.isfinite(mag):
        raise _not_finite(where, mag)
    for text in (pretty_units(q.units), format(q.units, "D")):
        out = f"{number_text(mag)} {text}".strip()
        try:
            back = _parse_text(out, where)
        except Exception:
            continue
        if same(back.units, q.units) or str(back.units) == str(q.units):
            return out
    return f"{number_text(mag)} {format(q.units, 'D')}"


def encode(value: Any, where: str = "value") -> Any:
    """A model value as plain file data (text, numbers, lists, tables).

    Parameters become ``{"parameter": name}``; ByYear becomes
    ``{"by_year": [...], "unit": ..., "first_year": ...}``.

    Raises
    ------
    LCCError
        For values a file cannot hold: sample arrays, non-finite numbers,
        objects of other types.
    """
    reg = get_registry()
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, Parameter):
        return {"parameter": value.name}
    if isinstance(value, ByYear):
        out: dict[str, Any] = {"by_year": [float(v) for v in value.values]}
        if value.unit is not None:
            out["unit"] = value.unit if isinstance(value.unit, str) else \
                pretty_units(value.unit)
        if value.first_year != 1:
            out["first_year"] = value.first_year
        return out
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        if not math.isfinite(float(value)):
            raise _not_finite(where, float(value))
        return float(value)
    if isinstance(value, np.ndarray):
        raise _samples(where)
    if isinstance(value, (list, tuple)):
        return [encode(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, reg.Quantity):
        return quantity_text(value, where)
    if isinstance(value, ExchangeRates):
        rates = {k: float(v) for k, v in value.rates.items() if k != value.base}
        ex: dict[str, Any] = {"base": value.base, "rates": rates}
        if value.date is not None:
            ex["date"] = value.date
        if value.source is not None:
            ex["source"] = value.source
        return ex
    raise LCCError(Msg("{name}: cannot write {type} {value!r} to a tender file", name=where,
                       type=type(value).__name__, value=value), field=where, code="wrong-type")


def parameter_value(value: Any, where: str) -> Any:
    """A Parameter's value, low or high as file data (text with unit, or a number)."""
    reg = get_registry()
    if isinstance(value, reg.Quantity):
        return quantity_text(value, where)
    if isinstance(value, np.ndarray):
        return encode(value, where)
    x = float(value)
    return int(x) if x == int(x) and abs(x) < 1e15 else x


def distribution_data(dist: Any, where: str) -> dict[str, Any]:
    """A frozen scipy.stats distribution as ``{"name": ..., <parameter> = <number>}``."""
    to_data = getattr(dist, "to_data", None)  # lcc's distributions (issue 19)
    if callable(to_data):
        return dict(to_data())
    rv = getattr(dist, "dist", None)
    name = getattr(rv, "name", None)
    if rv is None or name is None:
        raise LCCError(Msg("{name}: cannot write the distribution {value!r}", name=where,
                           value=dist), field=where, code="wrong-type")
    shapes = [s.strip() for s in (rv.shapes or "").split(",") if s.strip()]
    names = [*shapes, "loc", "scale"]
    out: dict[str, Any] = {"name": name}
    for key, arg in zip(names, dist.args, strict=False):
        out[key] = float(arg)
    for key, arg in dist.kwds.items():
        out[key] = float(arg)
    return out


def parameter_data(p: Parameter, where: str) -> dict[str, Any]:
    """A Parameter as a file table (role not included: the place in the file gives it)."""
    out: dict[str, Any] = {"value": parameter_value(p.value, f"{where}.value")}
    for key in ("low", "high"):
        v = getattr(p, key)
        if v is not None:
            out[key] = parameter_value(v, f"{where}.{key}")
    if p.distribution is not None:
        out["distribution"] = distribution_data(p.distribution, f"{where}.distribution")
    for key in ("description", "source"):
        v = getattr(p, key)
        if v is not None:
            out[key] = v
    return out


def dist_key(dist: Any) -> Any:
    """What makes two frozen distributions the same (name, parameters by name)."""
    if dist is None:
        return None
    try:
        return tuple(sorted(distribution_data(dist, "distribution").items()))
    except LCCError:
        return repr(dist)


def _as_number(x: Any) -> float | None:
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float, np.integer, np.floating)):
        return float(x)
    if isinstance(x, get_registry().Quantity) and not x.dimensionality and not np.ndim(x):
        return float(x.to("").magnitude)  # '3.5 %' read: 0.035
    if isinstance(x, str):
        from lcc.units import parse_number

        try:
            v = parse_number(x, allow_array=False)
        except Exception:
            return None
        return float(v)
    return None


def _as_quantity(x: Any) -> Any:
    reg = get_registry()
    if isinstance(x, reg.Quantity):
        return x
    if isinstance(x, str):
        from lcc.units import _parse_text

        try:
            return _parse_text(x, "value")
        except Exception:
            return None
    return None


def _close(a: float, b: float) -> bool:
    return a == b or math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0)


def same_value(a: Any, b: Any) -> bool:
    """Whether two values say the same thing (``"3.5 %"`` = 0.035, ``"1 kSEK"`` = ``"1000 SEK"``).

    Parameters compare by name (their contents are compared on their own).
    """
    if a is b:
        return True
    if isinstance(a, Parameter) or isinstance(b, Parameter):
        return isinstance(a, Parameter) and isinstance(b, Parameter) and a.name == b.name
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, str) and isinstance(b, str) and a == b:
        return True
    if isinstance(a, ExchangeRates) or isinstance(b, ExchangeRates):
        return isinstance(a, ExchangeRates) and isinstance(b, ExchangeRates) and \
            encode(a) == encode(b)
    na, nb = _as_number(a), _as_number(b)
    if na is not None and nb is not None:
        return _close(na, nb)
    qa, qb = _as_quantity(a), _as_quantity(b)
    if qa is not None and qb is not None and qa.dimensionality == qb.dimensionality:
        try:
            ma = np.asarray(qa.to_base_units().magnitude, dtype=float)
            mb = np.asarray(qb.to_base_units().magnitude, dtype=float)
        except Exception:
            return False
        return ma.shape == mb.shape and bool(np.all(np.isclose(ma, mb, rtol=1e-12, atol=0)))
    try:
        return same(a, b)
    except Exception:
        return False


def display(value: Any) -> str:
    """A value as shown in messages and notes: ``"20 yr"``, ``0.035``, ``{parameter = "r"}``."""
    try:
        data = encode(value)
    except LCCError:
        return repr(value)
    return _show(data)


def _show(data: Any) -> str:
    if isinstance(data, dict):
        return "{" + ", ".join(f"{k} = {_show(v)}" for k, v in data.items()) + "}"
    if isinstance(data, list):
        return "[" + ", ".join(_show(v) for v in data) + "]"
    if isinstance(data, float):
        return number_text(data)
    return json.dumps(data, ensure_ascii=False)
