"""Units: one pint registry with currencies, parsing helpers and exchange rates.

The registry is built once, on first use (building it costs ~0.15 s, so
``import lcc`` stays fast), with guarded definitions: calling
:func:`get_registry` again returns the same registry and never redefines a
unit.

Each currency (SEK, EUR, USD, NOK, DKK, GBP) is its own base dimension, so
adding SEK to EUR is a dimensionality error rather than a silently wrong sum;
conversion between currencies goes through :class:`ExchangeRates`, which also
converts compound units such as EUR/kWh (pint contexts cannot).

Notations procurers write are read with their intended meaning:
``"5 l/100km"`` is 0.05 l/km (plain pint reads 5 l·km/100), ``"Nm3"`` is a
normal cubic metre (a volume), ``"50 000 kr"`` is fifty thousand kronor, and
``kr``, ``tkr``, ``Mkr``, ``öre`` (``ore``), ``år``, ``m3`` and the Swedish words for
hours, days, weeks and months are understood. Unit words that mean one thing to a
procurer and another to pint (``ton``, ``mil``, ``dag``) are refused with both readings.
"""

from __future__ import annotations

import math
import numbers
import re
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from lcc._errors import LCCError, Msg, UnitText, join, raise_collected, suggest
from lcc._text import is_blank, unit_powers

if TYPE_CHECKING:
    import pint

__all__ = [
    "CURRENCIES",
    "Q_",  # noqa: F822 (module __getattr__)
    "ExchangeRates",
    "currency_of",
    "format_quantity",
    "get_registry",
    "parse_number",
    "parse_quantity",
    "pretty_units",
    "ureg",  # noqa: F822 (module __getattr__)
]

#: Currency codes that are dimensions of their own.
CURRENCIES: tuple[str, ...] = ("SEK", "EUR", "USD", "NOK", "DKK", "GBP")

_DEFINITIONS: tuple[str, ...] = (
    *(f"{code} = [currency_{code}]" for code in CURRENCIES),
    "kSEK = 1000 * SEK",
    "MSEK = 1000000 * SEK",
    "kEUR = 1000 * EUR",
    "öre = 0.01 * SEK = _ = ore",
    "kr = SEK",
    "tkr = 1000 * SEK",
    "Mkr = 1000000 * SEK",
    # Swedish financial notation, which pint reads as prefixes: tera-kr, milli-kr
    "Tkr = 1000 * SEK",
    "TSEK = 1000 * SEK",
    "mkr = 1000000 * SEK",
    "mnkr = 1000000 * SEK",
    "mdkr = 1000000000 * SEK",
    "Nm3 = meter ** 3 = _ = normal_cubic_meter",
    # Swedish unit words a procurer writes (kvadratmeter, kubikmeter, styck)
    "kvm = meter ** 2",
    "kbm = meter ** 3",
    "styck = 1 = st",
)
#: Swedish words for units pint knows: (pint's unit, the Swedish words).
_ALIASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("year", ("år",)),
    ("day", ("dygn", "dagar")),
    ("hour", ("tim", "timme", "timmar")),
    ("week", ("vecka", "veckor")),
    ("month", ("mån", "månad", "månader")),
    ("percent", ("procent",)),
    ("SEK", ("krona", "kronor")),
)

#: Every way a text writes "percent": the sign, pint's word and the Swedish ones.
PERCENT_WORDS: tuple[str, ...] = ("%", "percent", *dict(_ALIASES)["percent"])

_lock = threading.Lock()
_registry: pint.UnitRegistry | None = None


def _new_registry(pint: Any) -> Any:
    """pint's registry, with its parsed definitions cached on disk when that works.

    Parsing pint's definitions file takes about 0.3 s at every start; pint's own
    disk cache brings it to a few ms. lcc keeps that cache in a folder of its own
    for each installation of pint (:func:`_cache_folder`): pint's shared folder
    records the path of the environment that wrote an entry, and once that
    environment is deleted every other one failed to read the entry and parsed
    the file again at every start. A cache that cannot be read is cleared and
    written again once; a folder that cannot be used falls back to parsing.
    ``LCC_PINT_CACHE=0`` turns the cache off.
    """
    import os
    import shutil

    class Registry(pint.UnitRegistry):
        """pint's registry, reading a text as every lcc field does: ``ureg("50 000 kr")``
        is 50 000 SEK (pint alone: 0 kr), as ``Q_("50 000 kr")`` is."""

        def parse_expression(self, input_string: str, *args: Any, **kwargs: Any) -> Any:
            if args or kwargs or not isinstance(input_string, str) or \
                    _unit_alone(input_string.strip()):  # pint's ureg("kWh"): 1 kWh
                return super().parse_expression(input_string, *args, **kwargs)
            return _parse_text(input_string, "ureg")

        __call__ = parse_expression

    folder = _cache_folder(pint) if os.environ.get("LCC_PINT_CACHE", "1") != "0" else None
    if folder is not None:
        for attempt in range(2):
            try:
                return Registry(cache_folder=folder)
            except Exception:  # an unreadable or stale entry: clear the folder, try once more
                if attempt == 0:
                    shutil.rmtree(folder, ignore_errors=True)
    return Registry(cache_folder=None)


def _cache_folder(pint: Any) -> Any:
    """lcc's folder of pint's cache for this installation of pint (None if there is none)."""
    import hashlib
    from pathlib import Path

    try:
        import platformdirs

        home = platformdirs.user_cache_path(appname="pint", appauthor=False)
    except Exception:  # pragma: no cover - pint installs platformdirs
        return None
    where = str(Path(pint.__file__).resolve().parent)
    return home / f"lcc-{hashlib.sha256(where.encode()).hexdigest()[:16]}"


def get_registry() -> pint.UnitRegistry:
    """Return the library's one pint registry, building it on first use.

    Returns
    -------
    pint.UnitRegistry
        The registry with currencies and the Swedish aliases defined.
    """
    global _registry
    if _registry is not None:
        return _registry
    with _lock:
        if _registry is None:
            import pint

            reg: Any = _new_registry(pint)
            for line in _DEFINITIONS:  # before any lookup: pint caches 'Tkr' as tera-kr
                name = line.split("=", 1)[0].strip()
                if name not in reg._units:
                    reg.define(line)
            for unit, words in _ALIASES:
                if words[0] not in reg:
                    reg.define(f"@alias {unit} = {' = '.join(words)}")
            reg.formatter.default_format = "~P"
            _read_texts_as_procurers_write(reg.Quantity)
            _registry = reg
    return _registry


def _read_texts_as_procurers_write(quantity: Any) -> None:
    """``Q_("50 000 kr")``, ``Q_("1,20 kr/kWh")``, ``Q_("−500 SEK")``: the registry's
    Quantity reads a text exactly as every lcc field does (:func:`parse_quantity`)."""
    plain_new = quantity.__new__

    def __new__(cls: Any, value: Any, units: Any = None) -> Any:
        if isinstance(value, str) and units is None:
            q = _parse_text(value, "Q_")
            value, units = q.magnitude, q._units
        elif isinstance(units, str):  # Q_(3, "dkr"), Q_(3, "kr/m3"): read by the same rule
            factor, units = _unit_text(units)  # Q_(5, "l/100km") is 0.05 l/km
            value = value if factor == 1 else value * factor
        return plain_new(cls, value, units)

    quantity.__new__ = __new__
    quantity.__reduce__ = _reduce_quantity


@lru_cache(maxsize=1024)
def _unit_text(units: str) -> tuple[Any, Any]:
    """(factor, units) of a unit text read as a quantity text is: ``"l/100km"`` is
    (0.01, l/km); each distinct text is read once."""
    q = _parse_text(f"1 {units}", "Q_", shown=units)
    return q.magnitude, q._units


def _reduce_quantity(q: Any) -> tuple[Any, ...]:
    """Pickle a quantity of lcc's registry through that registry: pint unpickles through its
    application registry, which knows no SEK, so a model object holding '1.2 SEK/kWh'
    could not be loaded back (in this process or another)."""
    return (_quantity, (q._magnitude, tuple(q._units.items())))


def _quantity(magnitude: Any, units: tuple[tuple[str, float], ...]) -> Any:
    reg: Any = get_registry()
    for name, _ in units:  # a prefixed name ('kilowatt_hour') is known once looked up
        reg.get_name(name)
    return reg.Quantity(magnitude, reg.UnitsContainer(dict(units)))


def __getattr__(name: str) -> Any:
    if name == "ureg":
        return get_registry()
    if name == "Q_":
        return get_registry().Quantity
    raise AttributeError(f"module 'lcc.units' has no attribute {name!r}")


# --------------------------------------------------------------------------- parsing

_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")
#: A number written with '.' or ',' between its digits ("1,5", "1.234.567", "1.234,50").
_SEPARATED = re.compile(r"(?<![\w.,])\d*(?:[.,]\d+)+(?![.,]?\d)")
_EXPONENT_NEXT = re.compile(r"[eE][-+]?\d")
#: Where a text without commas needs the rule: several dots in a number, or three decimals.
_DOTS_TO_READ = re.compile(r"\d\.\d+\.\d|\.\d{3}(?!\d)")
_PER_NUMBER = re.compile(r"/\s*(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*([^\W\d][\w³²]*(?:\*\*\d+|\d)?)")
_NM3 = re.compile(r"\bNm(?:³|\^3|\*\*3)")
#: Square and cubic metres as written without a superscript: 'm2', 'm3', 'km2', 'dm3'.
_SQUARE_CUBE = re.compile(r"(?<![^\W\d])([kdcmµ]?m)([23])(?!\w)")


#: Characters that stand for a minus sign: U+2212 (as word processors and spreadsheets write
#: it), and before a digit the figure dash, en dash, small and full-width hyphen-minus.
_MINUS = re.compile(r"\u2212|[\u2012\u2013\ufe63\uff0d](?=\s*[\d.])")
#: A power of a number ("9**9**9", "10^400"): pint would evaluate it, however large.
_NUMBER_POWER = re.compile(r"(?:\d|\))\s*(?:\*\*|\^)")
_EXPONENT = re.compile(r"(?:\*\*|\^)\s*\(?\s*([-+]?\d*\.?\d+)")
#: The longest text read as a quantity, and the longest run of digits in it.
MAX_TEXT = 200
_LONG_NUMBER = re.compile(r"\d{31,}")


def _preprocess(text: str, name: str, shown: str | None = None) -> str:
    """A procurer's notation as pint reads it: spaces in thousands, decimal commas,
    Unicode minus, ``l/100km``; refuses texts pint would take too long over (naming
    ``shown``, by default ``text``)."""
    s = text.strip()
    text = text if shown is None else shown
    if len(s) > MAX_TEXT:
        raise LCCError(Msg("{name}: got a text of {n} characters; a quantity is at most "
                           "{most} characters, e.g. '1.2 SEK/kWh'", name=name, n=len(s),
                           most=MAX_TEXT), field=name, code="invalid-value")
    s = _MINUS.sub("-", s)
    if "€" in s or "£" in s:
        s = _CURRENCY_SIGNS.sub(lambda m: f" {_SIGN_CODES[m.group(1)]} ", s).strip()
    s = _THOUSANDS.sub("", s)
    if _LONG_NUMBER.search(s):
        raise LCCError(Msg("{name}: {text!r} holds a number of more than 30 digits; write it "
                           "with an exponent, e.g. '1.5e40'", name=name, text=text),
                       field=name, code="invalid-value")
    if _NUMBER_POWER.search(s) or any(abs(float(e)) > 9 for e in _EXPONENT.findall(s)) \
            or s.count("**") + s.count("^") > 4:
        raise LCCError(Msg("{name}: {text!r} raises a number to a power, or a unit to a power "
                           "above 9; write the number itself (e.g. '1e6 SEK') and units such "
                           "as 'm**3'", name=name, text=text), field=name, code="invalid-value")

    s = _number_separators(s, name, text)
    s = _one_number(s, text, name)
    s = _NM3.sub("Nm3", s)
    if "m2" in s or "m3" in s:
        s = _SQUARE_CUBE.sub(r"\1**\2", s)
    s = _PER_NUMBER.sub(r"/(\1 \2)", s)
    return s


#: A number as a quantity text holds it (its sign, its exponent), not inside a unit's name.
_NUMBER_LITERAL = re.compile(r"(?<![\w.])(?:[-+]\s*)?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
#: Characters pint would read as arithmetic, or pass over, between the parts of a quantity:
#: anything but letters, digits, spaces, '/', '*', '^', brackets, '%', '‰', '°', '·', '×', '⁻'.
_NOT_IN_A_UNIT = re.compile(r"[^\w\s/*^()%‰°·⋅×⁻]")
#: Currency signs read as their code; '$' is the sign of several currencies.
_CURRENCY_SIGNS = re.compile(r"\s*([€£])\s*")
_SIGN_CODES = {"€": "EUR", "£": "GBP"}
_PER_UNIT = re.compile(r"\s*/\s*\(?\s*[^\W\d]")
_CURRENCY_FIRST = re.compile(r"^(SEK|EUR|USD|NOK|DKK|GBP|kr)\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)"
                             r"(?:[eE][-+]?\d+)?)$")


def _with_unit(number: str, unit: str) -> str:
    """``"2 kWh"``; the number alone for the dimensionless unit ``"1"`` (``"2 1"`` is two
    numbers, which a quantity text may not hold)."""
    return number if unit.strip() in ("", "1") else f"{number} {unit}"


def _unit_alone(s: str, numbers: list[re.Match[str]] | None = None) -> bool:
    """Whether ``s`` is a unit without a number of it: every number in it is part of the unit
    (``/100km``, ``/(48 h)``, ``m**3``); not a word that is no unit, nor 'nan SEK'."""
    if numbers is None:
        numbers = list(_NUMBER_LITERAL.finditer(s))
    if numbers and numbers[0].start() == 0:  # '1.5 SEK/kWh': the common case, at once
        return False
    return bool(s.strip()) and all(
        s[:m.start()].rstrip(" (").endswith(("/", "**", "^")) for m in numbers) and \
        not _NOT_FINITE.search(s) and _is_unit(s)


def _is_unit(s: str) -> bool:
    """Whether ``s`` is a unit lcc knows ('tkr', 'kWh/yr'), not some other word."""
    s = _NM3.sub("Nm3", s)
    s = _PER_NUMBER.sub(r"/\2", _SQUARE_CUBE.sub(r"\1**\2", s))  # the unit of /100km
    s = _COUNT.sub("", s)  # and of /(48 h); m**3 keeps its power
    try:
        get_registry().parse_units(s)
    except Exception:
        return False
    return True


#: A number that is no power of a unit ('48' in '/(48 h)', not '3' in 'm**3').
_COUNT = re.compile(r"(?<![\w.^*])(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
_NOT_FINITE = re.compile(r"(?<![A-Za-z])(nan|inf|infinity)(?![A-Za-z])", re.IGNORECASE)


def _one_number(s: str, text: str, name: str) -> str:
    """``s`` if it is one number and its unit, where a further number only counts per
    (``/100km``, ``/(48 h)``) or raises a unit to a power (``m**3``); refused otherwise.

    pint evaluates what it is given: ``"1 30"`` is 30, ``"1 1/2"`` 0.5, ``"2–3 %"`` −1 %,
    ``"1:30"`` 30, ``"4950 SEK 2"`` 9 900 SEK. ``"SEK 500"`` and ``"kr 500"`` are read as
    ``"500 SEK"``, ``"500 kr"``.
    """
    first = _CURRENCY_FIRST.match(s)
    if first:
        return f"{first.group(2)} {first.group(1)}"
    numbers = list(_NUMBER_LITERAL.finditer(s))
    if numbers and s[:numbers[0].start()].strip() == "(":  # pint: '(900 000) kr' = 900 000 kr
        raise LCCError(Msg("{name}: {text!r} holds its number in brackets, which in accounting "
                           "mean a negative amount; write it with a minus sign if it is "
                           "negative (e.g. '-900000 SEK'), else without brackets", name=name,
                           text=text), field=name, code="invalid-value")
    if _unit_alone(s, numbers):  # pint reads a unit alone as 1 of it: 'tkr' would be 1 000
        # SEK, 'kWh/100km' 1 kWh/100km ('tkr 50' has its number after the unit, said below)
        raise LCCError(Msg("{name}: {text!r} has no number; write the number and its unit, "
                           "e.g. '1300 SEK' or '4.5 %'", name=name, text=text),
                       field=name, code="invalid-value")
    for i, m in enumerate(numbers):
        before = s[:m.start()].rstrip(" (")
        if (i == 0 and not before) or (before.endswith(("/", "**", "^")) and
                                       not m.group().startswith("+")):
            continue
        if m.group() == "1" and _PER_UNIT.match(s, m.end()):
            continue  # the unit 1/yr
        raise LCCError(Msg("{name}: {text!r} is not one number and its unit (it holds a "
                           "second number, a sign between numbers or a number after its "
                           "unit); write e.g. '1300 SEK' or '4.5 %' (a quantity per so many "
                           "units, '5 l/100km', is read)", name=name, text=text),
                       field=name, code="invalid-value")
    odd = _NOT_IN_A_UNIT.search(_NUMBER_LITERAL.sub(" ", s))
    if odd and odd.group() == "$":
        raise LCCError(Msg("{name}: {text!r}: '$' is the sign of several currencies; write the "
                           "currency's code, e.g. '1300 USD'", name=name, text=text),
                       field=name, code="invalid-value")
    if odd:
        raise LCCError(Msg("{name}: {text!r} holds {char!r}, which is no part of a number or a "
                           "unit; write one number and its unit, e.g. '1300 SEK'", name=name,
                           text=text, char=odd.group()), field=name, code="invalid-value")
    return s


def _number_separators(s: str, name: str, text: str | None = None) -> str:
    """``s`` with each number's thousands separators removed and its decimal sign a point,
    by the one rule every reader of lcc applies (see :func:`_plain_number`).

    >>> _number_separators("1.234,50 kr", "x"), _number_separators("0,125", "x")
    ('1234.50 kr', '0.125')
    """
    if "," not in s and not _DOTS_TO_READ.search(s):  # '1.2', '4000': pint reads them as is
        return s
    return _SEPARATED.sub(lambda m: _plain_number(m, s if text is None else text, name), s)


def _grouped(groups: list[str]) -> bool:
    """Whether digit groups are thousands: 1 to 3 digits, then groups of exactly 3."""
    return 1 <= len(groups[0]) <= 3 and not (groups[0].startswith("0") and len(groups[0]) > 1) \
        and all(len(g) == 3 for g in groups[1:])


def _plain_number(m: re.Match[str], text: str, name: str) -> str:
    """A number with separators as pint reads it, by the one reading rule of lcc.

    The last of two different separators is the decimal one (``"1.234,50"``,
    ``"1,234.50"``); one separator used several times groups thousands
    (``"1.234.567"``, ``"1,234,567"``); a single separator is decimal, except
    after 1 to 3 digits (not a lone 0) before exactly 3 digits, where ``"1,500"``
    and ``"1.500"`` are 1.5 to some readers and 1 500 to others: refused, with both
    readings offered. Any other grouping is refused.
    """
    token = m.group(0)
    seps = [c for c in token if c in ".,"]
    groups = re.split(r"[.,]", token)
    scientific = _EXPONENT_NEXT.match(m.string, m.end()) is not None
    if len(set(seps)) == 2 and seps.count(seps[-1]) == 1 and _grouped(groups[:-1]) \
            and not scientific:
        return "".join(groups[:-1]) + "." + groups[-1]
    if len(seps) > 1 and len(set(seps)) == 1 and _grouped(groups) and not scientific:
        return "".join(groups)
    if len(seps) > 1:
        raise LCCError(Msg("{name}: cannot read the number {number!r} in {text!r}: write "
                           "thousands with spaces or not at all and one decimal sign, e.g. "
                           "'1 234 567.5' or '1234567,5'", name=name, number=token, text=text),
                       field=name, code="invalid-value")
    whole, decimals = groups
    if len(decimals) == 3 and whole and not whole.startswith("0") and len(whole) <= 3 \
            and not scientific:
        short = decimals.rstrip("0")
        decimal = whole if not short else f"{whole}.{short}" if short != decimals else \
            f"{whole}.{decimals}0"

        def written(number: str) -> str:
            return text.strip().replace(token, number, 1) if token in text else number

        raise LCCError(Msg("{name}: {text!r} is ambiguous: is {sep!r} a decimal sign or a "
                           "thousands separator? Write {thousands!r} for the thousands, or "
                           "{decimal!r} for the decimal number", name=name, text=text,
                           sep=seps[0], thousands=written(f"{whole} {decimals}"),
                           decimal=written(decimal)),
                       field=name, code="invalid-value")
    return f"{whole or 0}.{decimals}"


def _parse_text(text: str, name: str, shown: str | None = None) -> pint.Quantity:
    """A text read as a quantity of lcc's registry (procurer notations included).

    Each distinct text is parsed once: the result is cached (a new Quantity is
    made from the cached magnitude and units each time).
    """
    reg: Any = get_registry()
    s = _preprocess(text, name, shown)
    text = text if shown is None else shown
    if not s:
        raise LCCError(Msg("{name}: got an empty string, expected a quantity such as "
                           "'1.2 SEK/kWh'", name=name), field=name, code="invalid-value")
    try:
        magnitude, units = _parse_cached(s)
    except _Unreadable as exc:
        raise LCCError(Msg("{name}: could not read {text!r} as a quantity ({why})",
                           name=name, text=text, why=exc.args[0]),
                       field=name, code="invalid-value") from None
    _check_units(units, text, name)
    return reg.Quantity(magnitude, units)


#: Units whose name means something else to a procurer than to pint, with what it means.
_OTHER_WORDS: dict[str, Msg] = {
    "mil": Msg("'mil' is a Swedish mile of 10 km, but an angle to pint (the angular mil, so "
               "'3 mil' was the number 0.0003); write the distance in km, e.g. "
               "'0.5 l/(10 km)' or '0.05 l/km'"),
    "decagram": Msg("'dag' is a day in Swedish, but a decagram (10 g) to pint; write 'd', 'dygn' "
                "or 'dagar' for days, or '10 g'"),
    "molar": Msg("'M' alone is a concentration (molar) to pint; write millions of kronor as "
                 "'Mkr' or 'MSEK', e.g. '2.5 Mkr'"),
    "parsec": Msg("'pc' and 'pcs' are the parsec to pint; write a number of pieces without a "
                  "unit (or with 'st'), e.g. '12'"),
    "volt_ampere": Msg("'VA' is apparent power (volt-ampere), which pint reads as watts; give "
                       "the real power in W or kW (a motor's rated shaft power, or apparent "
                       "power × power factor)"),
}

#: Prefixes a currency may take: thousands, millions, billions (kSEK, MSEK, GSEK, kkr).
_MONEY_PREFIXES = ("kilo", "mega", "giga")


@lru_cache(maxsize=1024)
def _misread_unit(units: Any) -> tuple[str, str] | None:
    """(unit, why) of a unit that pint reads otherwise than a procurer means it, or None.

    A currency with another SI prefix (``dkr`` is a tenth of a krona to pint, a Danish
    krone to a Dane; ``mSEK``, ``µkr``) and the ``ton`` (907 kg to pint, the US short
    ton; 1 000 kg in Swedish, 1 016 kg in the UK).
    """
    reg: Any = get_registry()
    for key in units:
        readings = reg.parse_unit_name(key)
        prefix, base = ("", key) if any(not r[0] for r in readings) else readings[0][:2]
        if base == "ton":
            return key, "ton"
        if prefix + base in _OTHER_WORDS:
            return key, prefix + base
        if base == "volt_ampere":  # any prefix: kVA, MVA
            return key, base
        if prefix and base == "styck":
            return key, "pieces"
        root = reg.get_root_units(key)[1]._units
        if "radian" in root and "candela" not in root:  # an angle (photometric units aside)
            return key, "angle"
        if prefix and any(d.startswith("[currency_") for d in reg.get_dimensionality(base)) \
                and not (prefix in _MONEY_PREFIXES and base in (*CURRENCIES, "kr")):
            return key, "money"
    return None


#: The highest power of a unit any input takes (m³ is 3; an area per time squared, 4).
_HIGHEST_POWER = 4


def _check_units(units: Any, text: str, name: str) -> None:
    power = max((abs(float(e)) for e in dict(units).values()), default=0.0)
    if power > _HIGHEST_POWER:  # 'SEK a a a …' is year to the 89th: no input means it (and
        # its size in SI base units overflows a float)
        raise LCCError(Msg("{name}: could not read {text!r} as a quantity: a unit is raised to "
                           "the power {power:g}, and no input takes a unit beyond the power "
                           "{most}", name=name, text=text, power=power, most=_HIGHEST_POWER),
                       field=name, code="invalid-value")
    problem = _misread_unit(units)
    if problem is None or (problem[1] == "ton" and "short_ton" in text):
        return
    if problem[1] == "angle":
        raise LCCError(Msg("{name}: {text!r} holds an angle, {unit!r} to pint (a 'cycle' or a "
                           "'turn' is 2π radians, so '280 cycles/yr' was 1 759 a year); lcc "
                           "reads no angles: write a count without a unit, e.g. '280 /yr', and "
                           "an amount per cycle as the amount, e.g. '0.9 kWh'", name=name,
                           text=text,
                           unit=get_registry().get_symbol(problem[0])),
                       field=name, code="invalid-value")
    if problem[1] == "pieces":
        raise LCCError(Msg("{name}: {text!r}: a count of pieces takes no prefix ({unit!r}); write "
                           "the number, e.g. '2000' or '2000 st'", name=name, text=text,
                           unit=get_registry().get_symbol(problem[0])),
                       field=name, code="invalid-value")
    if problem[1] in _OTHER_WORDS:
        raise LCCError(Msg("{name}: {text!r}: {why}", name=name, text=text,
                           why=_OTHER_WORDS[problem[1]]), field=name, code="invalid-value")
    unit = get_registry().get_symbol(problem[0]) if problem[1] == "money" else "ton"
    if problem[1] == "ton":
        raise LCCError(Msg("{name}: {text!r}: 'ton' is 1 000 kg in Swedish, 907 kg as the US "
                           "short ton (how pint reads it) and 1 016 kg in the UK; write 't' or "
                           "'tonne' for 1 000 kg, or 'short_ton'", name=name, text=text),
                       field=name, code="invalid-value")
    raise LCCError(Msg("{name}: {text!r}: the unit {unit!r} reads as a fraction or an odd "
                       "multiple of a currency, which no amount means; write the currency "
                       "('1 500 SEK', '1 500 kr'), thousands ('350 tkr', '350 kSEK') or "
                       "millions ('2.5 Mkr', '2.5 MSEK'); Danish and Norwegian kroner are DKK "
                       "and NOK", name=name, text=text, unit=unit),
                   field=name, code="invalid-value")


#: Units procurers write, by their letters in any case: 'kwh' is offered 'kWh'.
_LIKELY_UNITS: dict[str, str] = {
    **{u.casefold(): u for u in ("Wh", "kWh", "MWh", "GWh", "kW", "MW", "GW", "SEK", "kSEK",
                                 "MSEK", "EUR", "kEUR", "USD", "NOK", "DKK", "GBP", "kr",
                                 "tkr", "Mkr", "Nm3", "km", "kg", "yr", "år")},
    "euro": "EUR", "euros": "EUR", "sek": "SEK",
}


class _Unreadable(Exception):
    pass


def _pint_reason(exc: Exception) -> Msg:
    """Why pint could not read a text, in the reader's words (pint's own text is English)."""
    names = getattr(exc, "unit_names", None)
    if names:
        unknown = names if isinstance(names, str) else ", ".join(map(str, names))
        likely = _LIKELY_UNITS.get(unknown.casefold())
        if likely:
            return Msg("{unit!r} is not a known unit; did you mean {likely!r}?", unit=unknown,
                       likely=likely)
        return Msg("{unit!r} is not a known unit", unit=unknown)
    return Msg("not a number with a unit")


@lru_cache(maxsize=8192)
def _parse_cached(s: str) -> tuple[Any, Any]:
    import pint

    reg: Any = get_registry()
    try:
        q: Any = pint.UnitRegistry.parse_expression(reg, s)  # pint's own reading
    except Exception as exc:  # pint raises many kinds on odd text (":", ")", "1 +")
        raise _Unreadable(_pint_reason(exc)) from None
    if not isinstance(q, reg.Quantity):
        q = reg.Quantity(q, None)
    magnitude = q.magnitude
    if isinstance(magnitude, complex) or not isinstance(magnitude, (int, float)):
        raise _Unreadable(Msg("not a number with a unit"))
    return magnitude, q._units


_DIM_NAMES: tuple[tuple[str, Msg], ...] = (
    ("kWh", Msg("energy")),
    ("kW", Msg("power")),
    ("m**3", Msg("volume")),
    ("m**2", Msg("area")),
    ("m", Msg("length")),
    ("kg", Msg("mass")),
    ("s", Msg("time")),
)


def _dim_name(unit_name: str, exp: float) -> str:
    reg = get_registry()
    dims = reg.get_dimensionality(f"({unit_name})**{exp:g}")
    keys = list(dims)
    if len(keys) == 1 and keys[0].startswith("[currency_"):
        return Msg("currency") if exp == 1 else Msg("{dimension}^{exp:g}",
                                                    dimension=Msg("currency"), exp=exp)
    for ref, label in _DIM_NAMES:
        if dims == reg.get_dimensionality(ref):
            return label
    single = reg.get_dimensionality(unit_name)
    for ref, label in _DIM_NAMES:
        if single == reg.get_dimensionality(ref):
            return Msg("{dimension}^{exp:g}", dimension=label, exp=exp)
    return str(dims)


@lru_cache(maxsize=512)
def _dims_text(spec: str) -> str:
    """Describe a spec in words, e.g. ``"CUR/kWh"`` -> ``"currency per energy"`` (a Msg)."""
    reg = get_registry()
    units: Any = reg.Unit(spec.replace("CUR", "SEK"))._units
    if not units and "/" in spec:
        top, bottom = spec.split("/", 1)
        return Msg("{top} per {bottom}", top=_dims_text(top),
                   bottom=_dims_text(bottom.strip("()")))
    num = [_dim_name(k, v) for k, v in units.items() if v > 0]
    den = [_dim_name(k, -v) for k, v in units.items() if v < 0]
    text: str = join(" × ", num) if num else "1"
    for part in den:
        text = Msg("{top} per {bottom}", top=text, bottom=part)
    return text


def pretty_units(units: Any) -> str:
    """Units as a procurer writes them: ``SEK/kWh``, ``kWh/yr`` (pint prints ``a`` for year)."""
    text = f"{units:~P}"
    return re.sub(r"(?<![\w])a(?![\w])", "yr", text)


#: Examples of uses per distance as a datasheet gives them (per 100 km).
_PER_DISTANCE = {"m**3/km": "6 l/100km", "kWh/km": "18 kWh/100km", "kg/km": "4 kg/100km"}


def _example(spec: str) -> str:
    return unit_powers(spec.replace("CUR", "SEK"))


def _an_example(spec: str) -> str:
    """A value in the unit of ``spec`` for a message: '1 SEK/kWh', '6 l/100km'."""
    return _PER_DISTANCE.get(spec.replace(" ", "")) or f"1 {_example(spec)}"


def currency_of(q: pint.Quantity) -> str | None:
    """Return the currency code in a quantity's dimensionality, or None.

    Raises
    ------
    LCCError
        If the quantity mixes two currencies.
    """
    codes = [k[len("[currency_"):-1] for k in q.dimensionality if k.startswith("[currency_")]
    if len(codes) > 1:
        raise LCCError(Msg("{q} mixes currencies {codes}", q=str(q), codes=", ".join(codes)),
                       code='wrong-unit')
    return codes[0] if codes else None


def suggest_currency(word: Any) -> Msg:
    """`` (did you mean 'SEK'?)`` for a word that is no currency code but names one: a
    misspelt code (``"sek"``), or a currency as lcc reads it in an amount (``"kr"`` and
    ``"kronor"`` are SEK, ``"€"`` is EUR); nothing for anything else."""
    if not isinstance(word, str):
        return Msg("")
    near = suggest(word, CURRENCIES)
    if near or not word.strip() or len(word) > 20:
        return near
    try:
        code = currency_of(_parse_text(f"1 {word.strip()}", "currency"))
    except (LCCError, ValueError):
        return Msg("")
    return Msg(" (did you mean {option!r}?)", option=code) if code else Msg("")


def _split(units: Any) -> tuple[Any, Any]:
    reg = get_registry()
    num = {k: v for k, v in units.items() if v > 0}
    den = {k: -v for k, v in units.items() if v < 0}
    return (
        reg.get_dimensionality(reg.Unit("*".join(f"{k}**{v}" for k, v in num.items()) or "")),
        reg.get_dimensionality(reg.Unit("*".join(f"{k}**{v}" for k, v in den.items()) or "")),
    )


@lru_cache(maxsize=4096)
def _spec_info(spec: str, code: str) -> tuple[Any, bool, Any]:
    reg = get_registry()
    target = reg.Unit(spec.replace("CUR", code))
    ratio = reg.get_dimensionality(target) == reg.get_dimensionality("")
    split = (_ratio_sides(_with_unit("1", spec.replace("CUR", code)), "spec") or
             _split(target._units)
             if ratio else None)
    return target, ratio, split


@lru_cache(maxsize=4096)
def _factor(units: Any, target: Any) -> float:
    reg = get_registry()
    return float(reg.Quantity(1.0, units).to(target).magnitude)


def _check_finite(magnitude: Any, name: str, shown: Any) -> None:
    arr = np.asarray(magnitude)
    if arr.ndim and arr.size == 0:
        raise LCCError(Msg("{name}: got an empty array of samples; give at least one value",
                           name=name), field=name, code="invalid-value")
    if arr.dtype == object or not np.issubdtype(arr.dtype, np.number):
        raise LCCError(Msg("{name}: expected a number, got {value!r}", name=name, value=shown),
                       field=name, code='wrong-type')
    if not np.all(np.isfinite(arr)):
        raise LCCError(Msg("{name}: got {value!r}; values must be finite numbers (not "
                           "infinite or undefined)", name=name, value=shown),
                       field=name, code="invalid-value")


def _written(value: Any) -> Any:
    """A value as a message quotes it: a Quantity as lcc writes one ('1.2 SEK/kWh'), not its
    Python repr."""
    return format_quantity(value) if hasattr(value, "dimensionality") and hasattr(
        value, "magnitude") else value


def parse_quantity(value: Any, spec: str, *, name: str = "value",
                   expect: str | None = None, calendar: bool = True) -> pint.Quantity:
    """Read a quantity and check its dimension.

    Parameters
    ----------
    value : pint.Quantity, str or number
        What the user gave, e.g. ``"1.2 SEK/kWh"`` or ``Q_(45, "W")``. A bare
        number is refused: the field has a unit.
    spec : str
        The expected unit, e.g. ``"kWh/yr"``; ``CUR`` stands for any one
        currency (``"CUR/kWh"``). A ratio of like dimensions such as ``"h/yr"``
        must be given with units of that shape: pint calls h/yr dimensionless,
        but ``4000`` or ``"40 %"`` is not an operating time.
    name : str
        The field name used in error messages.
    expect : str, optional
        What the field expects, in words with an example, for messages
        (default: the dimension of ``spec`` in words).
    calendar : bool
        For an amount per year (``spec`` ending in ``/yr``): refuse one written per
        hour, minute or second (``"50 kr/h"``, ``"45 W"``), which pint would count
        over every hour of the year; it must be per year, month, week or day.

    Returns
    -------
    pint.Quantity
        The value as a quantity of the registry, in the units it was given.

    Raises
    ------
    LCCError
        Naming the field, the expected dimension and the value it got.

    Examples
    --------
    >>> parse_quantity("5 l/100km", "l/km", name="consumption").to("l/km")
    <Quantity(0.05, 'liter / kilometer')>
    """
    reg = get_registry()
    plain = spec.strip() in ("", "1")  # a share, a factor: a number, or a percentage
    if expect is None:
        expect = Msg("a plain number or a percentage, e.g. '0.5' or '50 %'") if plain else \
            Msg("{what}, e.g. '{example}'", what=_dims_text(spec),
                example=UnitText(_an_example(spec)))
    expect = Msg("expected {what}", what=expect)
    sides = None
    if plain and isinstance(value, (int, float, np.number, np.ndarray)) and \
            not isinstance(value, (bool, np.bool_)):
        value = reg.Quantity(parse_number(value, name=name), "")
    if isinstance(value, str):
        q = _parse_text(value, name)
        if q.unitless and not q._units and not plain:
            sides = _ratio_sides(value, name)
            if sides is None:
                raise LCCError(Msg("{name}: got {value!r} without a unit; {expect}", name=name,
                                   value=value, expect=expect),
                               field=name, code="bare-number")
    elif isinstance(value, reg.Quantity):
        q = value
    elif hasattr(value, "magnitude") and hasattr(value, "units"):
        try:
            q = reg.Quantity(value.magnitude, str(value.units))
        except Exception:
            raise LCCError(Msg("{name}: got {value!r} from another unit registry; {expect}",
                               name=name, value=value, expect=expect),
                           field=name, code="wrong-type") from None
    elif isinstance(value, bool) or value is None:
        raise LCCError(Msg("{name}: got {value!r}; {expect}", name=name, value=value,
                           expect=expect), field=name, code='wrong-type')
    elif isinstance(value, (int, float, np.number, np.ndarray, list, tuple)):
        raise LCCError(
            Msg("{name}: got the bare number {value!r}; this field has a unit, so write it "
                "with one; {expect}", name=name, value=value, expect=expect),
            field=name, code='bare-number'
        )
    else:
        raise LCCError(Msg("{name}: got {type} {value!r}; {expect}", name=name,
                           type=type(value).__name__, value=_written(value), expect=expect),
                       field=name, code="wrong-type")
    _check_finite(q.magnitude, name, value if isinstance(value, str) else q)
    code = "SEK"
    if "CUR" in spec:
        cur = currency_of(q)
        if cur is None:
            raise LCCError(Msg("{name}: got {value!r}, which has no currency; {expect}",
                               name=name, value=_written(value), expect=expect),
                           field=name, code="wrong-unit")
        code = cur
    elif currency_of(q) is not None:
        raise LCCError(Msg("{name}: got {value!r}, a money amount; {expect}", name=name,
                           value=_written(value), expect=expect),
                       field=name, code="wrong-unit")
    target, ratio, split = _spec_info(spec, code)
    if q.dimensionality != reg.get_dimensionality(target):
        raise LCCError(Msg("{name}: got {value!r} (units {units}); {expect}", name=name,
                           value=_written(value), units=pretty_units(q.units), expect=expect),
                       field=name, code="wrong-unit")
    if ratio and spec.strip() not in ("", "1") and (sides or _split(q._units)) != split:
        raise LCCError(
            Msg("{name}: got {value!r}; {expect} (a ratio like {example} must be written "
                "with units of that shape)", name=name, value=_written(value), expect=expect,
                example=_example(spec)), field=name, code='wrong-unit'
        )
    if calendar and not ratio and spec.replace(" ", "").endswith("/yr") and \
            not _per_calendar(q._units):
        yearly = format_quantity(q.to(target), 10) if not np.ndim(q.magnitude) else \
            _example(spec)
        raise LCCError(
            Msg("{name}: got {value!r}, which is not per year, month, week or day: counted all "
                "year round it is {yearly!r}, but an amount per operating hour needs the "
                "operating hours; write the amount per year (an energy use may also be given "
                "as power and hours)", name=name, value=_written(value),
                yearly=UnitText(yearly)), field=name, code="wrong-unit")
    return q


#: Time units an amount per year may be written per: calendar periods, not hours of use.
_CALENDAR = frozenset({"year", "month", "week", "day"})


@lru_cache(maxsize=1024)
def _per_calendar(units: Any) -> bool:
    """Whether a yearly amount's units are per a calendar period (``kr/mån``, ``kWh/yr``),
    not per hour or second (``kr/h``, ``W``: every hour of the year to pint)."""
    reg: Any = get_registry()
    per = [name for name, exp in units.items() if exp < 0 and
           reg.get_dimensionality(name) == reg.get_dimensionality("s")]
    return bool(per) and all(reg.parse_unit_name(name)[0][1] in _CALENDAR and
                             not reg.parse_unit_name(name)[0][0] for name in per)


_LEADING_NUMBER = re.compile(r"^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*")


def _ratio_sides(text: str, name: str) -> tuple[Any, Any] | None:
    """Dimensions of the two sides of a ratio of like units ("0.02 kg/kg"), which pint cancels."""
    rest = _LEADING_NUMBER.sub("", _preprocess(text, name), count=1)
    if "/" not in rest:
        return None
    num, den = rest.split("/", 1)
    reg = get_registry()
    try:
        return (reg.get_dimensionality(reg.parse_units(num.strip() or "")),
                reg.get_dimensionality(reg.parse_units(den.strip().strip("()"))))
    except Exception:
        return None


def magnitude_in(q: pint.Quantity, spec: str) -> Any:
    """Magnitude of an already checked quantity in the canonical unit of ``spec``.

    ``CUR`` in ``spec`` is replaced by the quantity's own currency.
    """
    code = currency_of(q) or "SEK"
    target, _, _ = _spec_info(spec, code)
    if q._units == target._units:
        return q.magnitude
    return q.magnitude * _factor(q.units, target)


def _exchange_rate(rate: Any, code: str, base: str, name: str) -> float:
    """The value of 1 ``code`` in ``base``: a plain number, or an amount of the base currency
    ('11.48 SEK', '11.48 SEK/EUR'); a percentage or another unit is no exchange rate."""
    reg = get_registry()
    q = _parse_text(rate, name) if isinstance(rate, str) else rate
    if isinstance(q, reg.Quantity) and (q.dimensionality or len(q._units)):
        for unit in (base, f"{base}/{code}"):
            if base in CURRENCIES and q.dimensionality == reg.get_dimensionality(unit):
                return float(q.to(unit).magnitude)
        raise LCCError(Msg("{name}: got {value!r}; expected the value of 1 {code} in {base}: a "
                           "number, e.g. 11.48, or '11.48 {base}'", name=name, value=rate,
                           code=code, base=base), field=name, code="wrong-unit")
    return float(parse_number(rate, name=name, allow_array=False))


def parse_number(value: Any, *, name: str = "value", allow_array: bool = True) -> Any:
    """Read a plain number (a rate, a fraction or a count).

    Accepts a number, a numpy array of samples, a dimensionless quantity or a
    string such as ``"3 %"`` or ``"0.03"``. Returns a float or a float array.
    """
    reg = get_registry() if isinstance(value, str) or hasattr(value, "units") else None
    shown = value
    if isinstance(value, bool) or value is None:
        raise LCCError(Msg("{name}: expected a number, got {value!r}", name=name, value=value),
                       field=name, code='wrong-type')
    if isinstance(value, str):
        value = _parse_text(value, name)
    if reg is not None and isinstance(value, reg.Quantity):
        if value.dimensionality:
            raise LCCError(Msg("{name}: expected a plain number (or a percentage), got "
                               "{value!r}", name=name, value=shown), field=name, code="wrong-unit")
        value = value.to("").magnitude
    if isinstance(value, (list, tuple)):
        raise LCCError(
            Msg("{name}: got a {type}; a sequence of samples must be a numpy array (a per-year "
                "sequence is lcc.ByYear)", name=name, type=type(value).__name__),
            field=name, code='wrong-type'
        )
    if isinstance(value, np.ndarray):
        if not allow_array:
            raise LCCError(Msg("{name}: expected a single number, not an array of samples",
                               name=name), field=name, code="wrong-type")
        if value.ndim != 1:
            raise LCCError(
                Msg("{name}: samples must be a one-dimensional array, got shape {shape}",
                    name=name, shape=value.shape), field=name, code="wrong-type"
            )
        _check_finite(value, name, shown)
        return value.astype(float)
    if not isinstance(value, (int, float, np.number)):
        if isinstance(value, numbers.Number) and not isinstance(value, complex):
            # Decimal('0.04'), Fraction(1, 25): kept as they are they could not be written to
            # a tender file nor compared
            try:
                example = repr(float(value))  # type: ignore[arg-type]
            except (ValueError, OverflowError):  # Decimal('sNaN')
                example = "0.04"
            raise LCCError(Msg("{name}: got {value}, a {kind}; give the number as a float, e.g. "
                               "{example}", name=name, value=str(value), kind=type(value).__name__,
                               example=example), field=name, code="wrong-type")
        if type(value).__name__ == "Parameter":  # its name, not its whole repr
            raise LCCError(Msg("{name}: got the Parameter {param!r}; this input takes a number "
                               "(it is not varied by name in sensitivity analysis)", name=name,
                               param=getattr(value, "name", "")), field=name,
                           code="wrong-type")
        raise LCCError(Msg("{name}: expected a number, got {type} {value!r}", name=name,
                           type=type(shown).__name__, value=shown), field=name, code="wrong-type")
    x = as_float(value, name)
    if not math.isfinite(x):
        raise LCCError(Msg("{name}: got {value!r}; values must be finite numbers (not "
                           "infinite or undefined)", name=name, value=shown),
                       field=name, code="invalid-value")
    return x


#: The largest float: a whole number beyond it (TOML, YAML, JSON and Python write any
#: length) cannot be computed with.
LARGEST_FLOAT = sys.float_info.max


def _has_unit(text: str, name: str | Msg = "value") -> bool:
    """Whether a text that reads as a number carries a unit (``"4 %"``) or is bare (``"4"``)."""
    return bool(_parse_text(text, name)._units)


def check_bare_rate(value: Any, name: str | Msg, *, source: Msg | None = None) -> None:
    """Refuse a rate given as a bare number of 1 or more (or -1 or less): a percentage.

    A procurer who writes ``4`` for a kalkylränta of 4 % would otherwise get 400 %.
    ``source`` says where the number stands when it is not the field's own value (``the
    high of Parameter 'esc'``).
    """
    if isinstance(value, (float, int)) and -1 < value < 1:  # one value, no percentage
        return
    if hasattr(value, "units") or (isinstance(value, str) and _has_unit(value, name)):
        return  # '400 %' says what it means
    if isinstance(value, str):  # '4' is the bare number 4
        value = parse_number(value, name=name)
    arr = np.asarray(value, dtype=float)
    big = np.abs(arr) >= 1
    if not np.any(big):
        return
    x = float(arr[big].flat[0]) if arr.ndim else float(arr)
    if not np.isfinite(x * 100):  # no percentage reading is a number either
        raise LCCError(Msg("{name}: got the bare number {x:g}, far beyond any rate; write a "
                           "rate as a fraction (0.04) or a percentage as text ('4 %')",
                           name=name, x=x), field=name, code="invalid-value")
    if abs(x) >= 100:  # its fraction, 1 or more, would be refused the same way
        raise LCCError(
            Msg("{name}: got the bare number {x:g}; a rate is a fraction per year, so this "
                "would be {pct:g} %; did you mean {x:g} %? Write it as text, '{x:g} %'",
                name=name, x=x, pct=x * 100) if source is None else
            Msg("{name}: {source} holds the bare number {x:g}; a rate is a fraction per year, "
                "so this would be {pct:g} %; did you mean {x:g} %? Write it as text, '{x:g} %'",
                name=name, source=source, x=x, pct=x * 100),
            field=name, code="invalid-value")
    raise LCCError(
        Msg("{name}: got the bare number {x:g}; a rate is a fraction per year, so this would be "
            "{pct:g} %; did you mean {x:g} % = {frac:g}? Write '{x:g} %' or {frac:g} "
            "(a rate of {pct:g} % is written as text, '{pct:g} %')",
            name=name, x=x, pct=x * 100, frac=x / 100) if source is None else
        Msg("{name}: {source} holds the bare number {x:g}; a rate is a fraction per year, so "
            "this would be {pct:g} %; did you mean {x:g} % = {frac:g}? Write '{x:g} %' or "
            "{frac:g} (a rate of {pct:g} % is written as text, '{pct:g} %')",
            name=name, source=source, x=x, pct=x * 100, frac=x / 100),
        field=name, code="invalid-value")


def is_percent(q: Any) -> bool:
    """Whether a quantity is a plain number written in % or ‰ (``"5 %"``)."""
    return not q.dimensionality and bool(q._units) and set(q._units) <= {"percent", "permille"}


def as_float(value: Any, name: Any) -> float:
    """``float(value)``, refusing a whole number too large for a float (TOML, YAML, JSON and
    Python write integers of any length) with the input's name, not an OverflowError."""
    try:
        return float(value)
    except OverflowError:
        raise LCCError(too_large(value, name), field=name, code="invalid-value") from None


def too_large(value: int, name: Any) -> Msg:
    """The message for a whole number beyond the largest float."""
    return Msg("{name}: got a number of {digits} digits, larger than any number lcc computes "
               "with (about 1.8e308)", name=name, digits=len(str(abs(int(value)))))


def format_quantity(q: Any, digits: int = 15) -> str:
    """Format a scalar quantity compactly (``'1.2 SEK/kWh'``) for traces and messages: the
    value as given (``12345.67 SEK``, not ``12345.7``), without a float's last-digit noise.

    >>> format_quantity(get_registry().Quantity(1234567.891, "SEK/a"))
    '1234567.891 SEK/yr'
    """
    mag = q.magnitude
    if np.ndim(mag):
        arr = np.asarray(mag, dtype=float)
        text = f"[{arr.size} samples, mean {arr.mean():.{digits}g}] {pretty_units(q.units)}"
        return text.rstrip()
    return f"{float(mag):.{digits}g} {pretty_units(q.units)}".rstrip()


# --------------------------------------------------------------------------- exchange rates

#: What one unit of each currency is worth in SEK, to within a factor of two since 2000
#: (Riksbank annual means: EUR 8.2–11.9 SEK, USD 6.4–11.0, GBP 10.5–15.1, NOK 0.8–1.3,
#: DKK 1.1–1.6). Used only to tell a rate from its inverse (1 EUR = 0.087 SEK), never to
#: convert: between currencies this far apart the two differ a hundredfold.
_ROUGH_SEK = {"SEK": 1.0, "NOK": 1.0, "DKK": 1.4, "EUR": 10.0, "USD": 9.0, "GBP": 12.0}


@dataclass(frozen=True)
class ExchangeRates:
    """Exchange rates into a base currency.

    Parameters
    ----------
    base : str
        The currency the rates are quoted in, e.g. ``"SEK"``.
    rates : mapping of str to float
        Units of ``base`` per one unit of each currency:
        ``{"EUR": 11.48}`` means 1 EUR = 11.48 SEK.
    date : str, optional
        The date (or period, e.g. ``"2024 annual mean"``) the rates refer to.
    source : str, optional
        Where the rates come from (e.g. ``"Riksbanken"``); printed in traces.

    Examples
    --------
    >>> rates = ExchangeRates("SEK", {"EUR": 11.48})
    >>> rates.convert("0.1 EUR/kWh")
    <Quantity(1.148, 'SEK / kilowatt_hour')>
    """

    base: str
    rates: Mapping[str, float] = field(default_factory=dict)
    date: str | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        errors: list[LCCError] = []

        def bad(field: str, code: str, message: Msg) -> None:
            errors.append(LCCError(message, field=f"ExchangeRates.{field}", code=code,
                                   detail=message.detail()))

        if self.base not in CURRENCIES:
            bad("base", "invalid-value" if isinstance(self.base, str) else "wrong-type",
                Msg("{name}: got {value!r}{suggestion}, expected one of {choices}",
                    name="ExchangeRates.base", value=self.base, choices=", ".join(CURRENCIES),
                    suggestion=suggest_currency(self.base)))
        clean: dict[str, float] = {}
        if not isinstance(self.rates, Mapping):
            bad("rates", "wrong-type",
                Msg("{name}: expected a mapping such as {example}, got {value!r}",
                    name="ExchangeRates.rates", example="{'EUR': 11.48}", value=self.rates))
        for code, rate in self.rates.items() if isinstance(self.rates, Mapping) else ():
            name = f"ExchangeRates.rates[{code!r}]"
            if code not in CURRENCIES:
                bad(f"rates.{code}", "invalid-value",
                    Msg("{name}: unknown currency {code!r}{suggestion}, expected one of "
                        "{choices}", name=name, code=code, choices=", ".join(CURRENCIES),
                        suggestion=suggest_currency(code)))
                continue
            try:
                x = _exchange_rate(rate, code, self.base, name)
            except LCCError as exc:
                message = exc.message
                errors.append(LCCError(message, field=f"ExchangeRates.rates.{code}",
                                       code=exc.code or "invalid-value",
                                       detail=(message.detail() if isinstance(message, Msg)
                                               else None)))
                continue
            if x <= 0:
                bad(f"rates.{code}", "invalid-value",
                    Msg("{name}: got {value!r}, expected a rate > 0", name=name, value=rate))
                continue
            if code == self.base and abs(x - 1.0) > 1e-12:
                bad(f"rates.{code}", "invalid-value",
                    Msg("{name}: got {value!r}, but {code} is the base currency: 1 {code} is 1 "
                        "{code}; leave it out of the rates, or give its rate as 1",
                        name=name, value=rate, code=code))
                continue
            near = _ROUGH_SEK.get(code, 0.0) / _ROUGH_SEK.get(self.base, 1.0) \
                if self.base in _ROUGH_SEK else 0.0
            if (near >= 4 or 0 < near <= 0.25) and abs(math.log(x * near)) < math.log(4) \
                    and abs(math.log(x / near)) > math.log(4):
                bad(f"rates.{code}", "invalid-value", Msg(
                    "{name}: got {value!r}, but 1 {code} has long been worth about {near} "
                    "{base}; the rate looks inverted: did you mean {inverse}, that is 1 {code} "
                    "= {inverse} {base}? A rate is the units of the base currency per unit of "
                    "the currency", name=name, value=rate, code=code, base=self.base,
                    near=UnitText(f"{near:.2g}"), inverse=UnitText(f"{1 / x:.6g}")))
                continue
            clean[code] = x
        for key in ("date", "source"):
            value, name = getattr(self, key), "ExchangeRates." + key
            if value is not None and not (isinstance(value, str) and not is_blank(value)):
                bad(key, "wrong-type" if not isinstance(value, str) else "invalid-value",
                    Msg("{name}: expected a non-empty text, got {value!r}", name=name,
                        value=value))
        raise_collected(errors)
        clean[self.base] = 1.0
        object.__setattr__(self, "rates", clean)

    def rate(self, from_currency: str, to_currency: str) -> float:
        """Units of ``to_currency`` per one unit of ``from_currency``."""
        for code in (from_currency, to_currency):
            if code not in self.rates:
                raise LCCError(
                    Msg("no exchange rate for {code}: declare it, e.g. "
                        "ExchangeRates(base={base!r}, rates={{{code!r}: ...}})", code=code,
                        base=self.base), field="ExchangeRates.rates", code="currency-mix")
        return self.rates[from_currency] / self.rates[to_currency]

    def convert(self, quantity: Any, to: str | None = None) -> pint.Quantity:
        """Convert the currency part of any quantity, compound units included.

        Parameters
        ----------
        quantity : pint.Quantity or str
            E.g. ``"0.1 EUR/kWh"`` or ``Q_(5, "kEUR/yr")``.
        to : str, optional
            Target currency code; default the base currency.

        Returns
        -------
        pint.Quantity
            The same quantity with every currency unit replaced by ``to``.
        """
        reg = get_registry()
        target = self.base if to is None else to
        if target not in CURRENCIES:
            raise LCCError(Msg("convert: to={to!r}, expected one of {choices}", to=to,
                               choices=", ".join(CURRENCIES)), field="ExchangeRates.convert.to",
                           code="invalid-value")
        q = _parse_text(quantity, "quantity") if isinstance(quantity, str) else quantity
        if not isinstance(q, reg.Quantity):
            raise LCCError(Msg("convert: expected a quantity with a currency, got {value!r}",
                               value=quantity), field="ExchangeRates.convert.quantity",
                           code="wrong-type")
        factor: Any = 1.0
        new_units: Any = reg.Unit("")._units
        exp: Any
        for unit_name, exp in q._units.items():
            dims = reg.get_dimensionality(unit_name)
            keys = list(dims)
            if len(keys) == 1 and keys[0].startswith("[currency_") and dims[keys[0]] == 1:
                code = keys[0][len("[currency_"):-1]
                to_code = _factor(reg.Unit(unit_name), reg.Unit(code))
                factor *= (to_code * self.rate(code, target)) ** exp
                new_units = new_units.add(target, exp)
            else:
                new_units = new_units.add(unit_name, exp)
        return reg.Quantity(q.magnitude * factor, reg.Unit(new_units))

    def describe(self) -> str:
        """One line for traces: the rates, their date and source."""
        pairs = ", ".join(f"1 {c} = {r:g} {self.base}" for c, r in self.rates.items()
                          if c != self.base)
        extra = "; ".join(x for x in (self.date, self.source) if x)
        return pairs + (f" ({extra})" if extra else "")


def currency_mix_error(name: str, found: str, wanted: str) -> LCCError:
    """The error for an amount in another currency when no rate is declared."""
    return LCCError(
        Msg("{name}: the amount is in {found} but the study currency is {wanted}, and no "
            "exchange rate from {found} is declared. Declare it on the study, e.g. "
            "lcc.Study(..., currency={wanted!r}, exchange_rates=lcc.ExchangeRates("
            "base={wanted!r}, rates={{{found!r}: <{wanted} per {found}>}}, date=..., "
            "source=...))", name=name, found=found, wanted=wanted),
        field=name, code="currency-mix")
