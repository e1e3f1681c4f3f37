"""The inputs of a product calculator: what each one is, who gives it, and reading them.

Every calculator module declares ``INPUTS``, a tuple of :class:`Input`: one
small frozen record per input with its role (the buyer's *internal* parameter
or the bidder's *external* one, as Upphandlingsmyndigheten's LCC calculators
divide them), its unit, what it means and where the figure comes from. The
same records drive three things: the checks of ``alternative(name,
**inputs)`` (:func:`read_inputs`), the table of :func:`lcc.templates.list_calculators`,
and — later — the rows of an Excel bid form and the keys of a tender file.

Conventions of the records:

- ``unit`` is a unit text that lcc's registry reads. Money is written in SEK,
  the default study currency, but any currency is accepted (the study converts
  with its exchange rates). ``"1"`` marks a plain number (a fraction, a rate,
  a count), ``""`` a text choice.
- ``kind`` tells a form what a cell holds: ``"quantity"`` (a value with the
  unit, or one of ``other_units``), ``"number"`` (a plain number),
  ``"count"`` (a whole number of units > 0), ``"choice"`` (one of ``choices``) or
  ``"profile"`` (a sequence of (hours per year, fraction) pairs; ``unit`` is
  the unit of the hours and ``minimum``/``maximum`` bound the fractions).
- ``parameter`` says whether an :class:`lcc.Parameter` is accepted, so that
  sensitivity analysis reaches the input. Inputs that are multiplied together
  reach the model as an :class:`lcc.Product` of their values (power ×
  (1 − control savings), shaft power × load ÷ efficiency), so each factor
  stays a Parameter. It is False only where the calculator itself must
  decide something from the value — a choice, a life in burning hours
  converted with the operating hours, the lower of two fuel prices, a resale
  timed by a life — and the input's ``meaning`` says why.
- ``per_year`` says whether a per-year sequence (:class:`lcc.ByYear`, or a
  list for a plain number) is accepted, e.g. an electricity price path.
- ``applies_to`` names the values of the calculator's selector input (``kind``
  of :mod:`~lcc.templates.reusable_vs_single_use`, ``method`` of
  :mod:`~lcc.templates.vehicles`) for which the input exists; empty means
  always.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from typing import Any

import numpy as np

from lcc._errors import LCCError, Msg, as_msg, join, raise_collected
from lcc._text import closest
from lcc.model import ByYear, Parameter
from lcc.model._fields import Field, located
from lcc.model._inputs import A_VALUE, dimensionless_text, rates_by_year
from lcc.model._items import residual_percent
from lcc.model._limits import MAX_HOURS_PER_YEAR, MAX_YEARS
from lcc.units import (
    CURRENCIES,
    _parse_text,
    get_registry,
    magnitude_in,
    parse_number,
    parse_quantity,
)

ROLES: tuple[str, ...] = ("buyer", "bidder")
KINDS: tuple[str, ...] = ("quantity", "number", "count", "choice", "profile")

_CURRENCY = re.compile(rf"\b(?:{'|'.join(CURRENCIES)})\b")



@dataclass(frozen=True)
class Input:
    """One input of a product calculator.

    Parameters
    ----------
    name : str
        Keyword of ``alternative(name, **inputs)`` (and key in tender files).
    role : {"buyer", "bidder"}
        Who gives the figure: the buyer (internal parameter, the same for
        every bid) or each bidder (external parameter, from the bid).
    unit : str
        Unit text lcc's registry reads (``"W"``, ``"SEK/kWh"``, ``"h/yr"``);
        ``"1"`` for a plain number, ``""`` for a text choice. Money in SEK
        stands for any currency.
    meaning : str
        What the input is, in a sentence a bidder understands.
    source : str
        Where the figure comes from (EU label, standard, data sheet, the
        buyer's contract …) and the method that uses it.
    required : bool
        Whether ``alternative`` needs it (among the inputs that apply).
    default : object, optional
        The value used when an optional input is left out; None means the
        cost item it feeds is left out.
    example : object, optional
        A value as one would write it, e.g. ``"45 W"``.
    kind : str
        ``"quantity"``, ``"number"``, ``"count"``, ``"choice"`` or ``"profile"``.
    choices : tuple of str
        The accepted words (for ``kind="choice"``, or words accepted besides
        a quantity, such as ``"linear"``).
    other_units : tuple of str
        Further accepted units of another dimension (``"h"`` besides ``"yr"``
        for a life in burning hours); ``"1"`` admits a plain number.
    minimum, maximum : float, optional
        Bounds of the value in ``unit`` (for a profile: of its fractions).
    parameter : bool
        Whether an :class:`lcc.Parameter` is accepted (see the module notes);
        always False for a choice; for a profile, whether its hours and
        fractions may be Parameters.
    applies_to : tuple of str
        Values of the calculator's selector input for which this input exists.
    per_year : bool
        Whether a per-year sequence is accepted: an :class:`lcc.ByYear` (with
        the unit) or, for a plain number such as escalation, a list.
    label : str
        What a person reads instead of the name ("Number of luminaires"), in
        English; a catalogue message, like ``meaning`` and ``source`` (shown
        with :func:`lcc._i18n.tr` in the reader's language). Left empty, the
        name in words.
    choice_labels : tuple of str
        The words of ``choices`` as a person reads them (same order), catalogue
        messages; empty means the words themselves.
    exclusive : bool
        Whether ``minimum`` itself is refused (a service life is more than 0 years):
        the input says so at once instead of the item the calculator builds from it.

    Attributes
    ----------
    field : lcc.model._fields.Field
        What the input holds as the model's one description of an input
        (one description per input): kind, unit(s) as parse specs, bounds, whether it takes a
        Parameter or a per-year sequence, an example. Reading a value — in
        :func:`read_inputs`, in tender files, on bid forms — goes through its
        :meth:`~lcc.model._fields.Field.read`, so a wrong unit, a bare rate
        ≥ 1, a Unicode minus or ``"4 %"`` are treated exactly as in a model
        field. For a profile it describes the hours of one step.
    """

    name: str
    role: str
    unit: str
    meaning: str
    source: str
    required: bool = True
    default: Any = None
    example: Any = None
    kind: str = "quantity"
    choices: tuple[str, ...] = ()
    other_units: tuple[str, ...] = ()
    minimum: float | None = 0.0
    maximum: float | None = None
    parameter: bool = True
    applies_to: tuple[str, ...] = ()
    per_year: bool = False
    label: str = ""
    choice_labels: tuple[str, ...] = ()
    exclusive: bool = False
    field: Field = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        where = f"Input {self.name!r}"
        if not isinstance(self.name, str) or not self.name.isidentifier():
            raise LCCError(Msg("Input.name: expected a Python identifier, got {value!r}",
                               value=self.name), field="Input.name", code="invalid-value")
        if not self.label:
            words = self.name.replace("_", " ")
            object.__setattr__(self, "label", words[:1].upper() + words[1:])
        if self.choice_labels and len(self.choice_labels) != len(self.choices):
            raise LCCError(Msg("{where}.choice_labels: expected one label per choice "
                               "({n}), got {got}", where=where, n=len(self.choices),
                               got=len(self.choice_labels)), field="Input.choice_labels",
                           code="invalid-value")
        if self.role not in ROLES:
            raise LCCError(Msg("{where}.role: got {value!r}, expected 'buyer' or 'bidder'",
                               where=where, value=self.role), field="Input.role",
                           code="invalid-value")
        if self.kind not in KINDS:
            raise LCCError(Msg("{where}.kind: got {value!r}, expected one of {kinds}",
                               where=where, value=self.kind, kinds=", ".join(KINDS)),
                           field="Input.kind", code="invalid-value")
        for key in ("meaning", "source"):
            if not isinstance(getattr(self, key), str) or not getattr(self, key).strip():
                raise LCCError(Msg("{where}.{key}: expected a non-empty text", where=where,
                                   key=key), field=f"Input.{key}", code="missing-field")
        if self.kind == "choice" and not self.choices:
            raise LCCError(Msg("{where}.choices: a choice needs its accepted words",
                               where=where), field="Input.choices", code="missing-field")
        if self.kind == "choice":  # a word is never a Parameter
            object.__setattr__(self, "parameter", False)
        if self.kind in ("number", "count") and self.unit != "1":
            raise LCCError(Msg("{where}.unit: a {kind} has unit '1', got {value!r}",
                               where=where, kind=self.kind, value=self.unit),
                           field="Input.unit", code="invalid-value")
        if self.kind == "choice" and self.unit != "":
            raise LCCError(Msg("{where}.unit: a choice has unit '', got {value!r}",
                               where=where, value=self.unit), field="Input.unit",
                           code="invalid-value")
        if self.kind in ("quantity", "profile"):
            for unit in self.units:
                if unit != "1":
                    with located("Input.unit", f"{where}.unit"):
                        parse_quantity(f"1 {unit}", spec_of(unit), name=f"{where}.unit")
        if self.required and self.default is not None:
            raise LCCError(Msg("{where}: a required input has no default", where=where),
                           field="Input.default", code="invalid-value")
        object.__setattr__(self, "field", _field_of(self))

    @property
    def units(self) -> tuple[str, ...]:
        """``unit`` followed by ``other_units``."""
        return (self.unit, *self.other_units)

    def choice_label(self, word: Any) -> str:
        """How a person reads one of ``choices`` (English; translate with ``tr``)."""
        if isinstance(word, str) and self.choice_labels:
            for c, shown in zip(self.choices, self.choice_labels, strict=True):
                if c.lower() == word.strip().lower():
                    return shown
        return str(word)

    def describe(self) -> str:
        """One line: name [unit] (role, required/optional): meaning."""
        need = "required" if self.required else f"optional, default {self.default!r}"
        unit = " | ".join(u for u in self.units if u) or "text"
        return f"{self.name} [{unit}] ({self.role}, {need}): {self.meaning}"

    @property
    def fraction(self) -> Field:
        """What each fraction of a profile holds: a plain number within the bounds."""
        return Field("number", None, "0.5", ref=self.parameter, minimum=self.minimum,
                     maximum=self.maximum, what=Msg("a fraction"))

    def as_dict(self) -> dict[str, Any]:
        """The record as a plain dict (for tables and files; without the derived field)."""
        out = asdict(self)
        out.pop("field", None)
        return out


class _Lowered(Msg):
    """A catalogue message with a small first letter (a label inside a sentence)."""

    def __new__(cls, message: str) -> _Lowered:
        self = str.__new__(cls, message[:1].lower() + message[1:])
        self.msgid = message
        self.values = {}
        return self

    def in_lang(self, lang: str) -> str:
        from lcc._i18n import tr

        text = tr(self.msgid, lang)
        return text[:1].lower() + text[1:]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Lowered, (self.msgid,))


def _most(specs: tuple[str, ...]) -> float | None:
    """The largest value of a quantity input in its canonical unit: a life in years the
    longest study, a time of use per year (h/yr, d/yr) the hours of a year."""
    most: dict[tuple[str, ...], float] = {("yr",): MAX_YEARS, ("h/yr",): MAX_HOURS_PER_YEAR,
                                          ("d/yr",): MAX_HOURS_PER_YEAR / 24}
    return most.get(specs)


def _field_of(inp: Input) -> Field:
    """The :class:`Field` of a calculator input: its one description as a model field."""
    example = "" if inp.example is None else str(inp.example)
    if inp.kind in ("quantity", "profile"):
        units = [u for u in inp.units if u != "1"]
        specs = tuple(spec_of(u) for u in units)
        if inp.kind == "profile":
            example = f"2000 {inp.unit}"
        elif inp.example in inp.choices:
            example = f"1 {units[0]}"
        minimum = None if inp.minimum is None else \
            float(magnitude_in(parse_quantity(f"{inp.minimum!r} {units[0]}", specs[0]),
                               specs[0]))
        what: str = _Lowered(inp.label) if inp.label and inp.kind == "quantity" \
            else Msg("a quantity in {units}", units=_either(units))
        return Field("quantity", specs[0], example, what,
                     ref=inp.parameter, by_year=inp.per_year and inp.kind == "quantity",
                     minimum=minimum if inp.kind == "quantity" else 0.0,
                     exclusive=inp.exclusive and inp.kind == "quantity",
                     alt_units=specs[1:], choices=inp.choices,
                     maximum=None if inp.kind != "quantity" else _most(specs))
    if inp.kind == "number":
        rate = inp.minimum == -1.0 and inp.maximum is None  # a rate per year
        return Field("rate" if rate else "number", None, example, A_VALUE,
                     ref=inp.parameter, by_year=inp.per_year, minimum=inp.minimum,
                     exclusive=rate, maximum=inp.maximum)
    if inp.kind == "count":  # units bought, luminaires, a stock: none is not a purchase
        return Field("count", None, example, A_VALUE, ref=inp.parameter,
                     minimum=inp.minimum or 0.0, exclusive=inp.exclusive or not inp.minimum,
                     maximum=inp.maximum, whole=True)
    return Field("choice", example=example, ref=False, choices=inp.choices,
                 meaning=inp.meaning, source=inp.source)


@lru_cache(maxsize=256)
def spec_of(unit: str) -> str:
    """The parse spec of a unit text: a currency code (any currency) becomes ``CUR``.

    A unit with a scaling factor (``"kWh/(48 h)/m**3"``, ``"l/100km"``) is
    replaced by its unscaled units (``kWh/h/m³``, ``l/km``): the spec checks
    the dimension, the value keeps the unit it was written in.
    """
    reg = get_registry()
    try:
        reg.Unit(unit)
    except Exception:
        q = _parse_text(f"1 {unit}", "unit")
        unit = f"{q.units:~C}" if q._units else ""
    return _CURRENCY.sub("CUR", unit)


def is_parameter(value: Any) -> bool:
    """Whether a value is an :class:`lcc.Parameter`."""
    return isinstance(value, Parameter)


def base_value(value: Any) -> Any:
    """A Parameter's value (its base value, in its own unit); other values as they are."""
    return value.value if isinstance(value, Parameter) else value


def the_input(key: str) -> Msg:
    """How a message names a calculator's input: ``input 'power'`` (the ``name`` of a
    message ``"{name}: …"``, so its detail is the rest)."""
    return Msg("input {key!r}", key=key)


def fail(calculator: str, message: Msg, *, key: str | None = None, code: str | None = None,
         detail: Msg | None = None) -> LCCError:
    """The LCCError of a calculator: its message starts with the calculator's name.

    ``message`` is a :class:`Msg`; about one input ``key`` it is worded
    ``"{name}: …"`` with ``name=the_input(key)`` (``input 'power': got …``), and the
    error's ``field`` is ``"<calculator>.<input>"`` and its ``detail`` the text after the
    input's name (or ``detail``). ``code`` defaults to ``invalid-value``.
    """
    text = Msg("{calculator}: {message}", calculator=calculator, message=message)
    if key is None:
        return LCCError(text, field=calculator, code=code or "invalid-value",
                        detail=detail or Msg("the calculator {calculator!r}: {message}",
                                             calculator=calculator, message=message))
    return LCCError(text, field=f"{calculator}.{key}", code=code or "invalid-value",
                    detail=detail or message.detail() or message)


def _expected(inp: Input) -> Msg:
    example = Msg(", e.g. {example!r}", example=inp.example) if inp.example is not None \
        else ""
    if inp.kind == "choice":
        return Msg("one of {choices}", choices=", ".join(repr(c) for c in inp.choices))
    if inp.kind in ("number", "count"):
        return Msg("a count{example}", example=example) if inp.kind == "count" else \
            Msg("a plain number{example}", example=example)
    if inp.kind == "profile":
        return Msg("a list of (hours per year, fraction) pairs, e.g. {example!r}",
                   example=inp.example)
    units = _either(Msg("a plain number") if u == "1" else f"[{u}]" for u in inp.units)
    if inp.choices:
        return Msg("{words} or {units}{example}", words=_either(repr(c) for c in inp.choices),
                   units=units, example=example)
    return Msg("{units}{example}", units=units, example=example)


def _either(parts: Iterable[str]) -> Msg:
    """``a or b or c`` in the reader's language."""
    shown: list[str] = []
    for part in parts:
        shown += [*([Msg(" or ")] if shown else []), part]
    return join("", shown)


def _read(calculator: str, inp: Input, fld: Field, value: Any, what: Msg | None = None,
          unit: str | None = None) -> Any:
    """``value`` read by a field's one rule (:meth:`Field.read`); its error as the
    calculator's (``"<calculator>: input '<name>'<what>: …"``, the field's code kept)."""
    label: Msg = what or the_input(inp.name)
    try:
        return fld.read(value, label, unit=unit)
    except LCCError as exc:
        err = fail(calculator, as_msg(exc.message), key=inp.name, code=exc.code)
        err.parameter = exc.parameter
        raise err from None


#: A residual value as a share of the price (the model's residual field as a fraction).
_A_FRACTION = Field("number", None, "0.4", Msg("a fraction"), minimum=0.0, maximum=1.0)


def _check_quantity(calculator: str, inp: Input, value: Any) -> Any:
    """Check a quantity input; return it as given (a choice word as spelled in ``choices``)."""
    raw = base_value(value)
    word = choice_of(inp, raw)
    if word is not None:
        if is_parameter(value):
            raise fail(calculator, Msg("{name}: a Parameter holds a value, not the word "
                                       "{word!r}", name=the_input(inp.name), word=raw),
                       key=inp.name)
        return word
    if "1" in inp.other_units and not isinstance(raw, (bool, ByYear)) and (
            dimensionless_text(raw) if isinstance(raw, str) else not hasattr(raw, "units")):
        # a plain number besides the quantity: a residual as a fraction of the price, 0.4,
        # '40 %' or '0,4', read by the model's residual rule (a bare 40 is offered as 40 %)
        try:
            residual_percent(value, the_input(inp.name))
        except LCCError as exc:
            raise fail(calculator, as_msg(exc.message), key=inp.name, code=exc.code) from None
        _read(calculator, inp, _A_FRACTION, value)
        return value
    fld = inp.field
    errors: list[LCCError] = []
    for spec in fld.units:
        try:
            _read(calculator, inp, fld, value, unit=spec)
        except LCCError as exc:
            errors.append(exc)
            continue
        return value
    if len(errors) == 1 and not inp.choices:
        e = errors[0]  # the field's own message names its example when it has one unit
        if inp.example is None or len(fld.units) == 1:
            raise e
        example = Msg(" (for example {example!r})", example=inp.example)
        err = LCCError(Msg("{message}{example}", message=e.message, example=example),
                       field=e.field, code=e.code,
                       detail=Msg("{message}{example}", message=e.detail, example=example))
        err.parameter = e.parameter
        raise err
    if any(e.code == "invalid-value" for e in errors):  # the unit fits, the value does not
        raise next(e for e in errors if e.code == "invalid-value")
    hint: Msg | str = ""
    if isinstance(raw, (int, float, np.number, np.ndarray)) and not isinstance(raw, bool):
        hint = Msg(" (a bare number is refused: this input has a unit)")
    wrong_unit = bool(errors) and all(e.code == "wrong-unit" for e in errors)
    raise fail(calculator, Msg("{name}: got {value!r}{hint}; expected {expected}",
                               name=the_input(inp.name), value=raw, hint=hint,
                               expected=_expected(inp)), key=inp.name,
               code="bare-number" if hint else "wrong-unit" if wrong_unit else None)


def _check_number(calculator: str, inp: Input, value: Any) -> Any:
    fld = replace(inp.field, by_year=False) if inp.field.by_year else inp.field  # one value
    num = _read(calculator, inp, fld, value)
    if fld.whole and not is_parameter(value) and not np.ndim(num.value) and \
            not float(num.value).is_integer():  # 40.5 dishwashers: a typo, not a purchase
        raise fail(calculator, Msg("{name}: got {value!r}; expected a whole number of units, "
                                   "e.g. {example!r}", name=the_input(inp.name), value=value,
                                   example=inp.example), key=inp.name)
    return value if is_parameter(value) else num.value


def read_profile(calculator: str, inp: Input, value: Any) -> tuple[tuple[Any, float], ...]:
    """A yearly profile: (hours per year, fraction) pairs, checked.

    The hours are quantities of the input's unit (``"2000 h/yr"``, read by
    ``inp.field``) and the fractions plain numbers within the input's bounds
    (``inp.fraction``); with ``inp.parameter`` either may be a Parameter
    (each reaches sensitivity analysis; the bounds are checked on its base
    value). The hours may add up to at most a year (8 784 h). Returns
    (hours, fraction) pairs: a Parameter kept, a fraction otherwise as a float.
    """
    label = the_input(inp.name)
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence) or \
            not value:
        raise fail(calculator, Msg("{name}: got {value!r}; expected {expected}", name=label,
                                   value=value, expected=_expected(inp)), key=inp.name)
    out: list[tuple[Any, float]] = []
    total = 0.0
    for i, pair in enumerate(value):
        where = Msg("input {key!r}, step {step}", key=inp.name, step=i + 1)
        if isinstance(pair, (str, bytes)) or not isinstance(pair, Sequence) or len(pair) != 2:
            raise fail(calculator, Msg("{name}: got {value!r}; expected a pair (hours per "
                                       "year, fraction), e.g. {example!r}", name=where,
                                       value=pair, example=inp.example[0]), key=inp.name)
        hours, fraction = pair
        if is_parameter(hours) and not inp.parameter:
            raise fail(calculator, Msg("{name}: the hours are a Parameter; this profile takes "
                                       "values", name=where), key=inp.name)
        h = _read(calculator, inp, inp.field, hours, Msg(
            "input {key!r}, step {step} hours", key=inp.name, step=i + 1)).value
        total = total + h
        if is_parameter(fraction) and not inp.parameter:
            raise fail(calculator, Msg("{name}: the fraction is a Parameter; this profile "
                                       "takes plain numbers", name=where), key=inp.name)
        if isinstance(base_value(fraction), np.ndarray):
            raise fail(calculator, Msg("{name}: the fraction {value!r} — expected a single "
                                       "number, not an array of samples", name=where,
                                       value=base_value(fraction)), key=inp.name)
        _bare_share(calculator, inp, fraction, where)
        f = _read(calculator, inp, inp.fraction, fraction, Msg(
            "input {key!r}, step {step} fraction", key=inp.name, step=i + 1)).value
        out.append((hours, fraction if is_parameter(fraction) else float(f)))
    if np.any(np.asarray(total) > MAX_HOURS_PER_YEAR + 1e-9):
        shown = float(np.max(total))
        raise fail(calculator, Msg("{name}: the hours add up to {hours} h/yr, more than a "
                                   "year ({most} h)", name=label, hours=f"{shown:g}",
                                   most=f"{MAX_HOURS_PER_YEAR:g}"), key=inp.name)
    return tuple(out)


def _bare_share(calculator: str, inp: Input, fraction: Any, where: Msg) -> None:
    """Refuse a profile's share given as a bare number above 1: a percentage (60 for 60 %
    would be 60 times the load). A share above 100 % that is meant is written as text,
    ``"120 %"``, as a rate of 400 % is."""
    from lcc.units import _has_unit

    if inp.maximum is not None and inp.maximum <= 1:
        return  # a share of at most 1: its bound says so
    x = fraction
    if isinstance(x, str) and not _has_unit(x, where):
        x = parse_number(x, name=where)
    if isinstance(x, (int, float, np.number)) and not isinstance(x, bool) and x > 1:
        raise fail(calculator, Msg(
            "{name}: got the bare number {x:g}; a share is a fraction of the load, so this "
            "would be {pct:g} %; did you mean {x:g} % = {frac:g}? Write '{x:g} %' or {frac:g} "
            "(a share of {pct:g} % is written as text, '{pct:g} %')", name=where, x=float(x),
            pct=float(x) * 100, frac=float(x) / 100), key=inp.name)


def read_inputs(calculator: str, spec: Sequence[Input], given: Mapping[str, Any], *,
                selector: str | None = None) -> dict[str, Any]:
    """Check the inputs given to a calculator against its ``INPUTS``.

    Parameters
    ----------
    calculator : str
        The calculator's name, used in every message.
    spec : sequence of Input
        The calculator's ``INPUTS``.
    given : mapping
        The keyword arguments of ``alternative``. None counts as not given.
    selector : str, optional
        The name of the choice input that selects which inputs apply
        (``Input.applies_to``).

    Returns
    -------
    dict
        Every input that applies, by name: the value given (Parameters kept,
        choice words spelled as in ``choices``, plain numbers as floats, profiles as tuples
        of (hours, fraction)) or the default (None for an optional input left
        out).

    Raises
    ------
    LCCError
        Naming the calculator, the input and what was expected: for an unknown
        input, a missing required one, an input that does not apply to the
        selected kind, a Parameter where none is accepted, or a value of the
        wrong unit, kind or range.
    """
    by_name = {inp.name: inp for inp in spec}
    errors: list[LCCError] = []
    for name in given:
        if name not in by_name:
            close = closest(name, by_name)
            hint = Msg("; did you mean {word!r}?", word=close) if close else ""
            errors.append(fail(calculator, Msg("unknown input {key!r}{hint} Expected inputs: "
                                               "{inputs}", key=name, hint=hint,
                                               inputs=", ".join(by_name)), code="unknown-key"))
    values: dict[str, Any] = {}
    chosen: str | None = None
    if selector is not None:
        sel = by_name[selector]
        raw = given.get(selector)
        raw = sel.default if raw is None else raw
        try:
            if raw is None:
                raise fail(calculator, Msg("missing input {key!r}: {meaning}; expected "
                                           "{expected}", key=selector, meaning=Msg(sel.meaning),
                                           expected=_expected(sel)), key=selector,
                           code="missing-field", detail=Msg(
                               "missing: {meaning}; expected {expected}",
                               meaning=Msg(sel.meaning), expected=_expected(sel)))
            chosen = _check_choice(calculator, sel, raw)
            values[selector] = chosen
        except LCCError as exc:
            errors.append(exc)
    for inp in spec:
        if inp.name == selector:
            continue
        value = given.get(inp.name)
        applies = not inp.applies_to or chosen is None or chosen in inp.applies_to
        try:
            if not applies:
                if value is not None:
                    applies_to = " or ".join(repr(a) for a in inp.applies_to)
                    raise fail(calculator, Msg(
                        "input {key!r} applies to {selector}={values} only, not "
                        "{selector}={chosen!r}; leave it out", key=inp.name, selector=selector,
                        values=applies_to, chosen=chosen), key=inp.name, code="not-applicable",
                        detail=Msg("{key} applies to {selector}={values} only, not "
                                   "{selector}={chosen!r}; leave it out", key=inp.name,
                                   selector=selector, values=applies_to, chosen=chosen))
                continue
            if value is None:
                if inp.required and (chosen is not None or not inp.applies_to):
                    raise fail(calculator, Msg(
                        "missing input {key!r} ({role}): {meaning}; expected {expected}",
                        key=inp.name, role=Msg(inp.role), meaning=Msg(inp.meaning),
                        expected=_expected(inp)), key=inp.name, code="missing-field",
                        detail=Msg("missing ({role}): {meaning}; expected {expected}",
                                   role=Msg(inp.role), meaning=Msg(inp.meaning),
                                   expected=_expected(inp)))
                values[inp.name] = inp.default
                continue
            if is_parameter(value) and not inp.parameter:
                raise fail(calculator, Msg(
                    "{name}: got Parameter {parameter!r}, but the calculator decides something "
                    "from this input's value before it reaches the model, so sensitivity "
                    "analysis could not vary it; give a value (or an array of samples)",
                    name=the_input(inp.name), parameter=value.name), key=inp.name,
                    code="wrong-type")
            values[inp.name] = _check(calculator, inp, value)
        except LCCError as exc:
            errors.append(exc)
    raise_collected(errors)
    return values


def choice_of(inp: Input, value: Any) -> str | None:
    """The choice a text names (any letter case, blanks around it), or None."""
    if not isinstance(value, str):
        return None
    key = value.strip().lower()
    return next((c for c in inp.choices if c.lower() == key), None)


def _check_choice(calculator: str, inp: Input, value: Any) -> str:
    word = None if is_parameter(value) else choice_of(inp, value)
    if word is None:
        raise fail(calculator, Msg("{name}: got {value!r}; expected {expected}",
                                   name=the_input(inp.name), value=value,
                                   expected=_expected(inp)), key=inp.name)
    return word


def _check_sequence(calculator: str, inp: Input, value: Any) -> Any:
    if not inp.per_year:
        raise fail(calculator, Msg("{name}: got a per-year sequence {value!r}; this input "
                                   "takes one value (or an array of samples)",
                                   name=the_input(inp.name), value=value), key=inp.name)
    if isinstance(value, (list, tuple)) and inp.kind != "number":
        raise fail(calculator, Msg("{name}: got a {type}; a per-year sequence with a unit "
                                   "is lcc.ByYear(values, unit={unit!r})",
                                   name=the_input(inp.name), type=type(value).__name__,
                                   unit=inp.unit), key=inp.name)
    if isinstance(value, ByYear) and inp.kind != "number" and value.unit is None:
        raise fail(calculator, Msg("{name}: the ByYear has no unit; give one, e.g. "
                                   "ByYear([...], unit={unit!r})", name=the_input(inp.name),
                                   unit=inp.unit), key=inp.name, code="bare-number")
    _read(calculator, inp, inp.field, value)
    return rates_by_year(value, the_input(inp.name)) if isinstance(value, (list, tuple)) \
        else value


def _check(calculator: str, inp: Input, value: Any) -> Any:
    if isinstance(value, ByYear) or (isinstance(value, (list, tuple)) and inp.kind != "profile"):
        return _check_sequence(calculator, inp, value)
    if inp.kind == "choice":
        return _check_choice(calculator, inp, value)
    if inp.kind in ("number", "count"):
        return _check_number(calculator, inp, value)
    if inp.kind == "profile":
        return read_profile(calculator, inp, value)
    return _check_quantity(calculator, inp, value)


def quantity(value: Any, unit: str) -> Any:
    """A checked value as a pint Quantity (for the arithmetic of a calculator).

    ``value`` must not be a Parameter (the calculator refused those where it
    computes); a Parameter's base value is used only where a calculator says so.
    """
    return parse_quantity(base_value(value), spec_of(unit), name=unit)


def number(value: Any) -> Any:
    """A checked plain number (float or samples)."""
    return parse_number(base_value(value))
