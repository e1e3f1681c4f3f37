"""Equality of model values that may hold numpy arrays or pint quantities."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

import numpy as np


def same(a: Any, b: Any) -> bool:
    """Structural equality that understands arrays, quantities and model objects."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return a.shape == b.shape and bool(np.array_equal(a, b))
    if hasattr(a, "magnitude") and hasattr(a, "units"):
        return str(a.units) == str(b.units) and same(np.asarray(a.magnitude),
                                                     np.asarray(b.magnitude))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if is_dataclass(a) and not isinstance(a, type) and type(a).__eq__ is object.__eq__:
        return same_fields(a, b)
    return bool(a == b)


def same_fields(a: Any, b: Any) -> bool:
    """Field-by-field :func:`same` of two dataclass instances of one type."""
    return type(a) is type(b) and all(
        same(getattr(a, f.name), getattr(b, f.name)) for f in fields(a) if f.init
    )


class ModelEq:
    """Mixin: equality by fields with :func:`same`; model objects are unhashable."""

    def __eq__(self, other: object) -> bool:
        return same_fields(self, other)

    __hash__ = None  # type: ignore[assignment]
