"""Tables a result computes once and hands out as copies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class cached_table(Generic[T]):
    """Like :func:`functools.cached_property`, but each access gives a copy: a caller who
    scales ``Comparison.summary`` to kSEK for a display does not change the figures the
    result prints, plots and writes to JSON afterwards.

    >>> class R:
    ...     @cached_table
    ...     def table(self) -> list[int]:
    ...         return [1, 2]
    >>> r = R(); r.table.append(3); r.table
    [1, 2]
    """

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.key = f"_cached_{func.__name__}"
        self.__doc__ = func.__doc__

    @overload
    def __get__(self, obj: None, owner: type) -> cached_table[T]: ...

    @overload
    def __get__(self, obj: object, owner: type) -> T: ...

    def __get__(self, obj: Any, owner: type) -> Any:
        if obj is None:
            return self
        try:
            value = obj.__dict__[self.key]
        except KeyError:
            value = obj.__dict__[self.key] = self.func(obj)
        return value.copy() if hasattr(value, "copy") else value
