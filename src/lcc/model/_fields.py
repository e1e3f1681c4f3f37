"""One description per input: :class:`Field`, read the same way everywhere.

A field says what an input holds — its kind, unit(s), bounds, choices, whether
it takes a :class:`~lcc.model.Parameter` or a per-year sequence, an example —
once. The model's validation (:meth:`Field.read`), the tender-file reader,
the writer, the JSON Schema and the bid-form rows all use that one
description; no other layer restates its rules. Errors carry the field's
dotted path and a stable code (:class:`lcc.LCCError`), so nobody needs to
parse a message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

import numpy as np

from lcc._errors import LCCError, Msg, UnitText, raise_collected, suggest
from lcc._text import is_blank, lone_surrogate
from lcc.model._inputs import (
    A_RATE,
    A_VALUE,
    in_burning_hours,
    read_amount,
    read_escalation,
    read_number,
    read_position,
    read_quantity,
)
from lcc.model._limits import MAX_HOURS_PER_YEAR, MAX_TEXT, MAX_YEARS
from lcc.model._parameter import Parameter
from lcc.model._product import Product
from lcc.units import _written

#: The kinds of value a field may hold.
KINDS: tuple[str, ...] = ("quantity", "position", "rate", "number", "count", "residual",
                          "text", "bool", "year", "choice",
                          # structures of files, read by lcc.io itself
                          "exchange_rates", "template", "inputs", "parameters", "items")


def check_text(text: str, name: str) -> None:
    """Refuse a text longer than :data:`~lcc.model._limits.MAX_TEXT` characters, one of
    blanks or invisible characters alone (it names or says nothing, and a file refuses it),
    and one that holds half of a surrogate pair (no character; it cannot be written to a
    file)."""
    if is_blank(text):
        raise LCCError(Msg("{name}: expected a non-empty text, got {value!r}: only blanks or "
                           "invisible characters", name=name, value=text), field=name,
                       code="invalid-value")
    if len(text) > MAX_TEXT:
        raise LCCError(Msg("{name}: the text is {length} characters long; the limit is {limit}",
                           name=name, length=len(text), limit=MAX_TEXT), field=name,
                       code="too-large")
    half = None if text.isascii() else lone_surrogate(text)
    if half is not None:
        raise LCCError(Msg("{name}: character {at} of the text is {code}, half of a UTF-16 "
                           "surrogate pair and no character; write the character itself",
                           name=name, at=half[0], code=half[1]), field=name,
                       code="invalid-value")


@dataclass(frozen=True)
class Field:
    """What one input holds, described once.

    Attributes
    ----------
    kind : str
        ``"quantity"`` (a value with a unit), ``"position"`` (a point on the
        study's year axis: years as a number or ``"3 yr"``), ``"rate"`` (a
        plain number or a percentage per year, > −1), ``"number"`` (a plain
        number: a fraction, a factor), ``"count"`` (a number >= 0),
        ``"residual"`` (``"linear"``, ``"none"``, a fraction 0..1 or money),
        ``"text"``, ``"bool"``, ``"year"`` (a calendar year) or ``"choice"``.
    unit : str, optional
        The unit of a quantity as in :func:`lcc.units.parse_quantity`
        (``"CUR/kWh"``; ``CUR`` = any one currency).
    alt_units : tuple of str
        Other units the quantity may have (a fuel price per litre instead of
        per kWh); which one fits the other fields the item decides.
    example : str
        An example value, as written in a file.
    what : str
        What the value is, in words ("an energy price").
    ref : bool
        Whether a :class:`~lcc.model.Parameter` (in files ``{parameter =
        "name"}``) is accepted.
    by_year : bool
        Whether a per-year sequence (:class:`~lcc.model.ByYear`; in files
        ``{by_year = [...], unit = "..."}``) is accepted.
    minimum, maximum : float, optional
        Bounds of the value in its canonical unit; ``exclusive`` makes the
        minimum strict.
    choices : tuple of str
        The accepted texts of a choice.
    offer : callable, optional
        For a choice: the likely reading of a text that is none of them, as a message
        (`` (did you mean 'SEK'?)``); the closest choice when not given.
    whole : bool
        A position that must be a whole number of years.
    burning : bool
        A life or an interval: a value in hours is burning hours, which only its holder's
        operating hours per year turn into years (an item converts it before reading it);
        read here directly, it is refused rather than taken as calendar hours.
    meaning, source : str
        For calculator inputs: what the input means and where its rule or
        default comes from (shown by ``lcc calculators``, the docs and the
        bid form).
    label : str
        The input in a person's words, as a bid form's row and the tender sheet
        name it ("service life", "price per unit incl. delivery and installation,
        excl. VAT"): a catalogue message; empty for the field's key in words.
    """

    kind: str
    unit: str | None = None
    example: str = ""
    what: str = ""
    ref: bool = True
    by_year: bool = False
    minimum: float | None = None
    exclusive: bool = False
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    offer: Callable[[str], Msg] | None = None
    alt_units: tuple[str, ...] = ()
    whole: bool = False
    burning: bool = False
    meaning: str = ""
    source: str = ""
    label: str = ""

    def __post_init__(self) -> None:
        assert self.kind in KINDS, self.kind

    def named(self, label: str) -> Field:
        """The same field, named ``label`` for the one input it describes."""
        return replace(self, label=label)

    @property
    def name(self) -> str:
        """The kind (kept for code that reads ``kind.name``)."""
        return self.kind

    @property
    def units(self) -> tuple[str, ...]:
        """Every unit the quantity may have."""
        return (self.unit, *self.alt_units) if self.unit else self.alt_units

    @cached_property
    def _expect(self) -> Msg | None:
        """What a value in the field's one unit is expected as, said if it is wrong (made
        once: a tender reads hundreds of fields)."""
        return Msg("{what}, e.g. '{example}'", what=self.what,
                   example=UnitText(self.example)) if self.what else None

    def read(self, value: Any, name: str, *, unit: str | None = None) -> Any:
        """Read a value given for this field into what the model keeps.

        Parameters
        ----------
        value : Any
            What the user gave (text, number, Quantity, ndarray of samples,
            Parameter, Product, ByYear or list).
        name : str
            How the field is named in messages (``"Investment 'LED'.life"``).
        unit : str, optional
            The unit to read a quantity in, when the item chose one of
            ``units`` (default: ``unit``).

        Raises
        ------
        LCCError
            With ``code`` set; the caller sets ``field``.
        """
        kind = self.kind
        if self.burning and not isinstance(value, Product) and in_burning_hours(value):
            raise LCCError(Msg("{name}: got {value!r}, a life in burning hours, but nothing "
                               "here gives the operating hours per year to count it with; "
                               "give it in years, e.g. '12 yr' (a life in hours is counted "
                               "with the operating hours of its item)", name=name,
                               value=_written(value.value if isinstance(value, Parameter)
                                              else value)), code="invalid-value")
        if kind == "quantity":
            spec = unit or self.unit
            assert spec is not None
            expect = self._expect if spec == self.unit and len(self.units) == 1 else None
            if self.by_year:
                return read_amount(value, spec, name, allow_sequence=True,
                                   minimum=self.minimum, what=self.what or A_VALUE,
                                   expect=expect)
            return read_quantity(value, spec, name, minimum=self.minimum,
                                 exclusive=self.exclusive, what=self.what or A_VALUE,
                                 expect=expect, maximum=self.maximum,
                                 over=None if spec != "yr" else _LONGER_THAN_A_STUDY
                                 if not isinstance(value, Product) else _LONGER_IN_HOURS)
        if kind == "position":
            return read_position(value, name, whole=self.whole,
                                 minimum=self.minimum if self.minimum is not None else 0.0,
                                 maximum=self.maximum)
        if kind == "rate":
            if self.by_year:
                return read_escalation(value, name)
            return read_number(value, name, minimum=self.minimum, exclusive=self.exclusive,
                               what=A_RATE, rate=True)
        if kind in ("number", "count"):
            return read_number(value, name, minimum=self.minimum, exclusive=self.exclusive,
                               maximum=self.maximum, what=self.what or A_VALUE)
        if kind == "text":
            if not isinstance(value, str):
                raise LCCError(Msg("{name}: expected a text, got {value!r}", name=name,
                                   value=value), code="wrong-type")
            check_text(value, name)
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                raise LCCError(Msg("{name}: expected true or false, got {value!r}", name=name,
                                   value=value), code="wrong-type")
            return value
        if kind == "year":
            if isinstance(value, float) and value.is_integer():  # JSON's 2025.0 is 2025
                value = int(value)
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
                raise LCCError(Msg("{name}: got {value!r}, expected a calendar year such as "
                                   "2025", name=name, value=value), code="wrong-type")
            if not 1000 <= value <= 9999:
                raise LCCError(Msg("{name}: got {value!r}, expected a calendar year such as "
                                   "2025", name=name, value=value), code="invalid-value")
            return int(value)
        if kind == "choice":
            if value not in self.choices:
                if not isinstance(value, str):
                    raise LCCError(Msg("{name}: got {value!r}, expected one of {choices}",
                                       name=name, value=value, choices=", ".join(self.choices)),
                                   code="wrong-type")
                hint = self.offer(value) if self.offer else suggest(value, self.choices)
                raise LCCError(Msg("{name}: got {value!r}{suggestion}, expected one of {choices}",
                                   name=name, value=value, suggestion=hint,
                                   choices=", ".join(self.choices)), code="invalid-value")
            return str(value)
        raise AssertionError(kind)  # residual: read by its item (it depends on the item)

    def expect(self) -> str:
        """What the field expects, in words, for messages (a :class:`~lcc._errors.Msg`).

        Each phrase is a whole template of the catalogue, so a translation words it as its
        language needs; ``ref`` adds the parameter reference with a template of its own.
        """
        text: str
        if self.kind == "quantity":
            text = Msg("{what} as text with a unit, e.g. '{example}'",
                       what=self.what or A_VALUE, example=UnitText(self.example))
        elif self.kind == "choice":
            text = Msg("one of {choices}", choices=", ".join(repr(c) for c in self.choices))
        else:
            text = _EXPECT.get(self.kind, self.example)
        if self.ref:
            text = Msg("{expect}, or {{parameter = \"<name>\"}}", expect=text)
        return text


class located:
    """Give every :class:`LCCError` raised inside the field's dotted path.

    ``name`` is how the messages name the input (``"Investment 'LED'.life"``);
    the error's :attr:`~lcc.LCCError.detail` is its message without that name.
    A plain class rather than a generator: it wraps every field read of a file.
    """

    __slots__ = ("field", "name")

    def __init__(self, field: str, name: str | None = None) -> None:
        self.field = field
        self.name = name

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        if isinstance(exc, LCCError):
            _relocate(exc, self.field, self.name)


def _relocate(exc: LCCError, field: str, name: str | None) -> None:
    """Raise ``exc`` again with its field and its detail (the message without ``name``)."""
    if len(exc.errors) > 1:
        return
    message = exc.message
    detail: str | None = None
    head = message.values.get("name") if isinstance(message, Msg) else None
    if name is not None and isinstance(message, Msg) and message.detail() is not None and (
            head == name or (isinstance(head, Msg) and head.values.get("name") == name)):
        detail = message.detail()  # the rest of the message, in any language
    elif name is not None and message.startswith(name):
        rest = message[len(name):]
        if rest.startswith(": "):
            detail = rest[2:]
        elif rest.startswith(" (") and "): " in rest:
            detail = rest[rest.index("): ") + 3:]
    moved = LCCError(message, field=field, code=exc.code or "invalid-value",
                     detail=detail if detail is not None else exc._detail)
    moved.parameter = exc.parameter
    raise moved from None


class _Recorded:
    __slots__ = ("errors", "field", "name")

    def __init__(self, errors: list[LCCError], field: str, name: str | None) -> None:
        self.errors = errors
        self.field = field
        self.name = name

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> bool:
        if not isinstance(exc, LCCError):
            return False
        try:
            _relocate(exc, self.field, self.name)
        except LCCError as located_exc:
            exc = located_exc
        self.errors.extend(exc.errors)
        return True


class Errors:
    """Collects the errors of one object's fields, raised together at the end."""

    def __init__(self) -> None:
        self.errors: list[LCCError] = []

    def field(self, field: str, name: str | None = None) -> _Recorded:
        """Record an error of ``field`` (named ``name`` in messages) instead of raising it."""
        return _Recorded(self.errors, field, name)

    def raise_any(self) -> None:
        """Raise the errors recorded, if any: one, or all of them in one LCCError."""
        raise_collected(self.errors)


#: What a field of a kind without a unit expects, in words.
_EXPECT: dict[str, str] = {
    "text": Msg("a text"), "bool": Msg("true or false"),
    "year": Msg("a calendar year such as 2025"),
    "position": Msg("a number of years, e.g. 3 or '3 yr'"),
    "count": Msg("a number > 0, e.g. 12"),
}


# ------------------------------------------------------------------ the fields of the model


def quantity(unit: str, example: str, what: str, *, by_year: bool = False, ref: bool = True,
             alt: tuple[str, ...] = (), minimum: float | None = 0.0,
             exclusive: bool = False, maximum: float | None = None,
             burning: bool = False) -> Field:
    """A field with a unit."""
    return Field("quantity", unit, example, what, ref=ref, by_year=by_year, minimum=minimum,
                 exclusive=exclusive, alt_units=alt, maximum=maximum, burning=burning)


#: A service life or an interval longer than the longest study (MAX_YEARS) is refused: a
#: number that large is the rated life in hours of a datasheet, typed into a field of years.
_LONGER_THAN_A_STUDY = Msg(
    "expected at most {most:g} years, the longest study lcc evaluates; a life or an interval "
    "in hours is written with its unit, '50000 h', with the operating hours per year",
    most=MAX_YEARS)
_LONGER_IN_HOURS = Msg("expected at most {most:g} years, the longest study lcc evaluates",
                       most=MAX_YEARS)


MONEY = quantity("CUR", "2500 SEK", Msg("an amount"))
SIGNED_MONEY = quantity("CUR", "2500 SEK", Msg("an amount of money"), minimum=None)
MONEY_PER_YEAR = quantity("CUR/yr", "800 SEK/yr", Msg("money per year"), by_year=True, minimum=None)
ENERGY_PER_YEAR = quantity("kWh/yr", "3000 kWh/yr", Msg("energy (or fuel volume or mass) per year"),
                           by_year=True, alt=("m**3/yr", "kg/yr"))
POWER = quantity("kW", "45 W", Msg("a power"))
HOURS = quantity("h/yr", "4000 h/yr", Msg("hours per year"), maximum=MAX_HOURS_PER_YEAR)
DISTANCE = quantity("km/yr", "15000 km/yr", Msg("a distance per year"))
CONSUMPTION = quantity("kWh/km", "5 l/100km", Msg("energy (or fuel volume or mass) per distance"),
                       alt=("m**3/km", "kg/km"))
ENERGY_PRICE = quantity("CUR/kWh", "1.2 SEK/kWh",
                        Msg("a price per energy (or per volume or mass of fuel)"), by_year=True,
                        alt=("CUR/m**3", "CUR/kg"))
EMISSION_FACTOR = quantity("kg/kWh", "0.05 kg/kWh",
                           Msg("a mass per energy (or per volume or mass of fuel)"),
                           alt=("kg/m**3", "kg/kg"))
INTENSITY = quantity("kg/km", "132 g/km", Msg("a mass per distance"))
VOLUME_PER_YEAR = quantity("m**3/yr", "12 m3/yr", Msg("a volume per year"), by_year=True)
VOLUME_PRICE = quantity("CUR/m**3", "45 SEK/m3", Msg("a price per volume"), by_year=True)
MASS_PER_YEAR = quantity("kg/yr", "120 kg/yr", Msg("a mass per year"), by_year=True)
MASS_PRICE = quantity("CUR/kg", "7 SEK/kg", Msg("a price per mass"), by_year=True)
DURATION = quantity("yr", "20 yr", Msg("a duration"), exclusive=True, maximum=MAX_YEARS,
                    burning=True)
PERIOD = quantity("yr", "20 yr", Msg("a duration"), ref=False, exclusive=True)
POSITION = Field("position", "yr", Msg("3 (years) or '3 yr'"), ref=False, minimum=0.0,
                 maximum=MAX_YEARS)
YEAR_OF_SERVICE = Field("position", "yr", Msg("3 (years) or '3 yr'"), ref=False, minimum=1.0,
                        whole=True, maximum=MAX_YEARS)
RATE = Field("rate", None, Msg("0.02 or '2 %'"), by_year=True, minimum=-1.0, exclusive=True)
STUDY_RATE = Field("rate", None, Msg("0.035 or '3.5 %'"), minimum=-1.0, exclusive=True)
#: A number of units: none would give an LCC of 0, ranked best.
COUNT = Field("count", None, "12", minimum=0.0, exclusive=True, what=Msg("a quantity"))
RESIDUAL = Field("residual", None, Msg("'linear', 'none', a fraction 0..1 or an amount '500 SEK'"))
TEXT = Field("text", example="some text", ref=False)
BOOL = Field("bool", example="true", ref=False)
YEAR = Field("year", example="2025", ref=False)
