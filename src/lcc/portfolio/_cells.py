"""Reading one cell of a plan: the rules of each column kind, written once."""

from __future__ import annotations

import datetime as dt
import math
import re
from fractions import Fraction
from typing import Any

from lcc._errors import LCCError, Msg
from lcc._text import closest, name_key
from lcc._text import is_blank as text_is_blank
from lcc._text import shown as text_shown
from lcc.portfolio._columns import AWARD_BASES, NO, STATUSES, YES, Column
from lcc.units import PERCENT_WORDS

#: Longest text accepted in a cell.
MAX_TEXT = 2_000


class CellError(Exception):
    """A cell cannot be read: ``code`` and ``message`` for a :class:`PlanIssue`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def is_blank(raw: Any) -> bool:
    """A cell with nothing in it (None, empty, white space or invisible characters)."""
    return raw is None or (isinstance(raw, str) and text_is_blank(raw))


def as_text(raw: Any) -> str:
    """A cell as the text it holds (a whole float without its '.0')."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


def shown(raw: Any) -> str:
    """A cell as text for messages, by lcc's rule of text from outside
    (:func:`lcc._text.shown`: a tab is a blank, not the escape '\\t')."""
    return text_shown(as_text(raw))


def suggest(word: str, known: list[str] | tuple[str, ...]) -> str:
    """'; did you mean 'x'?' when a close match exists, else ''."""
    match = closest(word, known)
    return Msg("; did you mean {match!r}?", match=match) if match else ""


def plain_text(raw: Any, col: Column) -> str:
    """A text cell without the blanks around it (a file's name, an amount)."""
    if isinstance(raw, (dt.date, dt.datetime, dt.time)):
        raise CellError("wrong-type", Msg("got the date {raw}; expected text, e.g. {example!r}",
                                          raw=raw, example=col.example))
    text = as_text(raw).strip()
    if len(text) > MAX_TEXT:
        raise CellError("too-large", Msg("the text is {n} characters; the limit is {MAX_TEXT}",
                                         n=len(text), MAX_TEXT=MAX_TEXT))
    return text


def read_text(raw: Any, col: Column) -> str:
    """A text cell as the name it shows (:func:`lcc._text.name_key`): 'Ekås kommun ' and
    'Ekås\u00a0kommun' are one organisation, not two rows that look the same."""
    return name_key(plain_text(raw, col))


def read_year(raw: Any, col: Column) -> int:
    """A calendar year 1900-2200 (text or an integral number)."""
    if isinstance(raw, (dt.date, dt.datetime)):  # TOML's 2025-01-01, an Excel date
        raise CellError("wrong-type", Msg("got the date {raw}; expected a year such as 2025",
                                          raw=raw))
    if isinstance(raw, bool):
        raise CellError("wrong-type", Msg("got {raw!r}; expected a year such as 2025", raw=raw))
    if isinstance(raw, (int, float)):
        if not (isinstance(raw, int) or (math.isfinite(raw) and raw.is_integer())):
            raise CellError("wrong-type", Msg("got {shown}; expected a whole year such as 2025",
                                              shown=shown(raw)))
        year = int(raw)
    else:
        text = read_text(raw, col)
        if not re.fullmatch(r"\d{4}", text):
            raise CellError("wrong-type", Msg("got {text!r}; expected a year such as 2025",
                                              text=text))
        year = int(text)
    if not 1900 <= year <= 2200:
        raise CellError("invalid-value", Msg("got {year}; expected a year between 1900 and 2200",
                                             year=year))
    return year


#: A plain amount in a common notation ("1 200 000 SEK", "350 tkr", "2.5 MSEK"): read
#: without pint (the same value; every other notation goes through lcc.units).
_FAST_MONEY = re.compile(r"^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:\.(\d+))?\s*"
                         r"(SEK|kr|tkr|Mkr|kSEK|MSEK|EUR|kEUR|USD|NOK|DKK|GBP)$")
_FAST_UNITS: dict[str, tuple[int, str]] = {
    "SEK": (1, "SEK"), "kr": (1, "SEK"), "tkr": (1000, "SEK"), "Mkr": (1_000_000, "SEK"),
    "kSEK": (1000, "SEK"), "MSEK": (1_000_000, "SEK"), "EUR": (1, "EUR"),
    "kEUR": (1000, "EUR"), "USD": (1, "USD"), "NOK": (1, "NOK"), "DKK": (1, "DKK"),
    "GBP": (1, "GBP")}


def _ambiguous(whole: str, decimals: str | None) -> bool:
    """'1.500 SEK': 1.5 or 1 500? lcc.units refuses it with both readings; the fast path
    leaves it to that rule."""
    return decimals is not None and len(decimals) == 3 and len(whole) <= 3 and \
        not whole.startswith("0")


def read_money(raw: Any, col: Column, cache: dict[str, tuple[float, str]]) -> tuple[float, str]:
    """(amount in the currency's base unit, currency code) of a value such as '1,2 Mkr'."""
    if isinstance(raw, bool):  # Excel's TRUE or FALSE in the value column
        raise CellError("wrong-type", Msg("got {shown}; expected {meaning}, e.g. {example!r}",
                                          shown="TRUE" if raw else "FALSE",
                                          meaning=Msg(col.meaning), example=col.example))
    if isinstance(raw, (int, float)):
        raise CellError("bare-number", Msg("got the bare number {shown}; write the value with its "
                                           "currency, e.g. '{shown} SEK' or {example!r}",
                                           shown=shown(raw), example=col.example))
    text = plain_text(raw, col)
    hit = cache.get(text)
    if hit is not None:
        return hit
    fast = _FAST_MONEY.match(text)
    if fast and not _ambiguous(*fast.groups()[:2]):
        whole, decimals, unit = fast.groups()
        factor, code = _FAST_UNITS[unit]
        digits = re.sub(r"\D", "", whole)
        exact = Fraction(int(digits)) if decimals is None else Fraction(f"{digits}.{decimals}")
        cache[text] = (_finite(exact * factor, text), code)
        return cache[text]
    if text != text_shown(text):  # a tab, a line break: shown as a blank, so said
        raise CellError("invalid-value", Msg(
            "got {text!r}, which holds a tab, a line break or another character that does not "
            "show; write the value on one line with blanks alone, e.g. {example!r}",
            text=text_shown(text), example=col.example))
    if "(" in text or ")" in text:  # pint would read '(900 000) kr' as 900 000 kr
        raise CellError("invalid-value", Msg(
            "got {text!r}; a value is not read in brackets: in accounting they mean a negative "
            "amount, and a value must be 0 or more; write the amount without brackets, e.g. "
            "{example!r}", text=text, example=col.example))
    from lcc.model._fields import located
    from lcc.units import currency_of, parse_quantity

    try:
        with located(col.name, col.name):
            q = parse_quantity(text.replace("\u2212", "-"), "CUR", name=col.name)
    except LCCError as exc:
        if exc.code == "bare-number":
            raise CellError("bare-number", Msg("got {text!r} without a currency; write the value "
                                               "with its currency, e.g. '{text} SEK' or "
                                               "{example!r}", text=text,
                                               example=col.example)) from None
        # the units' own words (a Msg in the reader's language), without the column's name
        raise CellError("invalid-value", Msg("{detail}", detail=exc.detail)) from None
    cur = currency_of(q)
    assert cur is not None
    if [power for _, power in q.unit_items()] != [1]:  # '50 kr/st' is a price, not a value
        raise CellError("invalid-value", Msg(
            "got {text!r}, an amount per unit or times a unit; the value is the procurement's "
            "total in a currency, e.g. {example!r} (multiply a price per piece by the number "
            "of pieces)", text=text, example=col.example))
    amount = _finite(q.to(cur).magnitude, text)
    if amount < 0:
        raise CellError("invalid-value", Msg("got {text!r}; a value must be 0 or more", text=text))
    cache[text] = (amount, cur)
    return amount, cur


def _finite(amount: Any, text: str) -> float:
    """``amount`` as a float, or a :class:`CellError` quoting the cell ``text`` where it is
    more than a float holds ('1e308 MSEK' is 1e314 SEK)."""
    try:
        value = float(amount)
    except OverflowError:  # a Fraction of more than 309 digits
        value = math.inf
    if not math.isfinite(value):
        raise CellError("invalid-value", Msg(
            "got {text!r}; the value is more than lcc can compute with: check the value and its "
            "unit (kr, tkr, Mkr)", text=text))
    return value


def read_choice(raw: Any, col: Column) -> str:
    """One of the column's choices, or its Swedish word."""
    text = read_text(raw, col).lower()
    table = AWARD_BASES if col.name == "award_basis" else STATUSES
    for key, words in table.items():
        if text == key or text in words:
            return key
    known = [w for key, words in table.items() for w in (key, *words)]
    raise CellError("invalid-value", Msg("got {shown!r}; expected one of {value} (Swedish: "
                                         "{value2}){suggest}", shown=shown(raw),
                                         value=', '.join(table),
                                         value2=', '.join(w[0] for w in table.values()),
                                         suggest=suggest(text, known)))


def read_yesno(raw: Any, col: Column) -> bool:
    """yes/no, ja/nej, true/false, sant/falskt, 1/0 (case-insensitive); an Excel TRUE/FALSE."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, (int, float)) and raw in (0, 1):
        return bool(raw)
    text = read_text(raw, col).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError("invalid-value", Msg("got {shown!r}; expected yes or no (ja or nej)",
                                         shown=shown(raw)))


def read_list(raw: Any, col: Column) -> tuple[str, ...]:
    """IDs separated by ';', ',' or line breaks (blank: none); IDs of figures separated by
    blanks alone ('10234 10551') are refused: two IDs or one written in groups of digits."""
    if is_blank(raw):
        return ()
    parts = [name_key(p) for p in _LIST_SEPARATORS.split(plain_text(raw, col))]
    for part in parts:
        if _SPACED_FIGURES.match(part):
            raise CellError("invalid-value", Msg(
                "got {shown!r}; separate criteria IDs by ';' (such as '{parts}')",
                shown=part, parts="; ".join(part.split())))
    return tuple(dict.fromkeys(p for p in parts if p))


_LIST_SEPARATORS = re.compile(r"[;,\n\r]")
_SPACED_FIGURES = re.compile(r"^\d+(?:\s+\d+)+$")


_PERCENT = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*(?:"
                      + "|".join(map(re.escape, PERCENT_WORDS)) + r")\s*$")
_NUMBER = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*$")


def read_share(raw: Any) -> Fraction:
    """A target share: '20 %', '20%', '0.2' or 0.2 -> Fraction(1, 5), exactly.

    A bare number of 1 or more is refused (is 20 meant as 20 %?); the share
    must lie in 0..1 (0 % .. 100 %).
    """
    if isinstance(raw, bool) or raw is None:
        raise CellError("wrong-type", Msg("got {raw!r}; expected a share such as '20 %' or 0.2",
                                          raw=raw))
    if isinstance(raw, (int, float)):
        if not math.isfinite(raw):
            raise CellError("invalid-value", Msg("got {raw!r}; a share must be finite", raw=raw))
        value = Fraction(repr(raw)) if isinstance(raw, float) else Fraction(raw)
        text = repr(raw)
        percent = False
    elif isinstance(raw, str):
        from lcc.units import _number_separators

        text = raw.strip().replace("\u2212", "-")
        from lcc.model._fields import located

        try:  # '12,5 %', '0,2'; '12,500 %' is ambiguous, as everywhere in lcc
            with located("share", "share"):
                plain = _number_separators(text, "share")
        except LCCError as exc:
            raise CellError("invalid-value", Msg("{detail}", detail=exc.detail)) from None
        m = _PERCENT.match(plain)
        if m:
            value = Fraction(m.group(1)) / 100
            percent = True
        else:
            m = _NUMBER.match(plain)
            if not m:
                raise CellError("wrong-type", Msg("got {raw!r}; expected a share such as '20 %' or "
                                                  "0.2", raw=raw))
            value = Fraction(m.group(1))
            percent = False
    else:
        raise CellError("wrong-type", Msg("got {raw!r}; expected a share such as '20 %' or 0.2",
                                          raw=raw))
    if not percent and value >= 1:
        raise CellError("bare-number", Msg("got the bare number {text}; a share is a fraction of "
                                           "0..1 or a percentage: did you mean '{text} %'?",
                                           text=text))
    if value < 0 or value > 1:
        raise CellError("invalid-value", Msg("got {raw!r}; a share must lie between 0 % and 100 %",
                                             raw=raw))
    return value
