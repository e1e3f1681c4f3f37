"""Values inside messages that are written in the reader's format.

A :class:`~lcc._errors.Msg` keeps its values and renders them again in the
reader's language; these values are English text (so the English message is
unchanged) that also know how to write themselves for another language:
a number with a decimal comma, a unit as the reader writes it (``kr/kWh``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lcc._errors import Msg


class Figure(Msg):
    """A number: ``text`` in English, :func:`lcc._i18n.significant` (or ``digits``
    decimals) in another language."""

    x: float
    digits: int | None

    def __new__(cls, x: float, text: str, digits: int | None = None) -> Figure:
        self: Figure = super().__new__(cls, "{text}", text=text)  # type: ignore[assignment]
        self.x, self.digits = float(x), digits
        return self

    def in_lang(self, lang: str) -> str:
        if lang == "en":
            return str(self)
        from lcc._i18n import number, significant

        return significant(self.x, lang) if self.digits is None else \
            number(self.x, lang, self.digits)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Figure, (self.x, str(self), self.digits))


class Percent(Msg):
    """A rate per year as the reader reads it: ``4.5718 %`` in English, ``4,5718 %`` in
    Swedish (as the tables show a rate)."""

    x: float

    def __new__(cls, x: float) -> Percent:
        from lcc._i18n import percent

        self: Percent = super().__new__(  # type: ignore[assignment]
            cls, "{text}", text=percent(float(x), "en", 4))
        self.x = float(x)
        return self

    def in_lang(self, lang: str) -> str:
        from lcc._i18n import percent

        return str(self) if lang == "en" else percent(self.x, lang, 4)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Percent, (self.x,))


class Figures(Msg):
    """Several numbers, comma-separated (six significant digits in English)."""

    xs: tuple[float, ...]

    def __new__(cls, xs: Iterable[float]) -> Figures:
        values = tuple(float(x) for x in xs)
        self: Figures = super().__new__(  # type: ignore[assignment]
            cls, "{text}", text=", ".join(f"{x:.6g}" for x in values))
        self.xs = values
        return self

    def in_lang(self, lang: str) -> str:
        if lang == "en":
            return str(self)
        from lcc._i18n import significant

        return "; ".join(significant(x, lang) for x in self.xs)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Figures, (self.xs,))


class Unit(Msg):
    """A unit after a number (``" SEK/kWh"`` or ``""``), written as the reader writes it."""

    def __new__(cls, text: str) -> Unit:
        return super().__new__(cls, "{text}", text=text)  # type: ignore[return-value]

    def in_lang(self, lang: str) -> str:
        text = str(self)
        if lang == "en" or not text.strip():
            return text
        from lcc._i18n import unit

        return " " + unit(text.strip(), lang)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Unit, (str(self),))




def at(where: Any, key: Any) -> Msg:
    """``where[key]`` (the place of one entry), with ``where`` in the reader's language."""
    return Msg("{where}[{key!r}]", where=where, key=key)


__all__ = ["Figure", "Figures", "Unit", "at"]
