"""Numbers, percentages, amounts, units and dates for readers, with Babel (sv_SE / en).

Swedish: ``12 345,67`` (no-break space, decimal comma, the minus sign U+2212),
``3,5 %``, ``1 234 kr``, ``29 november 2026``. English: ``12 345.67`` (a space
between thousands, as SI and the Swedish authorities' English pages write),
``3.5 %``, ``1 234 SEK``, ``29 November 2026``. A number that is not defined
(NaN) is shown as ``—`` and the notes say why.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import math
import re
from contextlib import AbstractContextManager
from typing import Any

import numpy as np

from lcc._i18n._catalog import tr
from lcc._text import unit_powers

#: Babel locale per language.
LOCALES = {"sv": "sv_SE", "en": "en_GB"}
#: Shown where a number is not defined.
NOT_DEFINED = "—"


def _finite(x: Any) -> float | None:
    if x is None or isinstance(x, (str, bytes, bool)):
        return None
    try:
        v = float(np.mean(x)) if np.ndim(x) else float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _locale_text(text: str, lang: str) -> str:
    if lang == "sv":
        return text.replace("-", "\u2212")
    return text.replace(",", " ")


#: From here on a number is shown with an exponent (``1,5e+20``): its grouped digits past a
#: float's precision would be noise, and Babel's rounding to cents fails above about 1e26.
LARGE = 1e15


def _scientific(v: float, lang: str) -> str:
    text = _locale_text(f"{v:.6g}", lang)
    return text.replace(".", ",") if lang == "sv" else text


def number(x: Any, lang: str, digits: int = 2) -> str:
    """``12 345.67`` (en) or ``12 345,67`` (sv); not defined as ``—``; text unchanged."""
    if isinstance(x, (str, bytes)):
        return str(x)
    v = _finite(x)
    if v is None:
        return NOT_DEFINED
    from babel.numbers import format_decimal

    if round(v, digits) == 0:
        v = 0.0  # no "−0,00"
    if abs(v) >= LARGE:  # past a float's 16 digits: grouped digits would be noise
        return _scientific(v, lang)
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    with _half_up():
        text = format_decimal(v, format=pattern, locale=LOCALES.get(lang, "en_GB"),
                              decimal_quantization=True)
    return _locale_text(text, lang)


def _half_up() -> AbstractContextManager[decimal.Context]:
    """Round a half away from zero, as Excel and LibreOffice show a cell's number format:
    one rule for every document (HTML and Markdown showed 5·10⁻⁵ as 0,00 %, the workbook
    as 0,01 %)."""
    return decimal.localcontext(rounding=decimal.ROUND_HALF_UP)


def significant(x: Any, lang: str, digits: int = 6) -> str:
    """An input value as written: up to ``digits`` significant digits under 1 000
    (``0.035``, ``1,2`` in Swedish), and from 1 000 whole or with its two decimals
    (``4 100``, ``12 345,67``) — the figure a bidder wrote, not rounded.

    >>> significant(12345.67, "sv"), significant(4100.0, "en"), significant(0.0351234567, "en")
    ('12\xa0345,67', '4 100', '0.0351235')
    """
    if isinstance(x, (str, bytes)):
        return str(x)
    v = _finite(x)
    if v is None:
        return NOT_DEFINED
    if abs(v) >= 1000:
        return number(v, lang, 0 if float(v).is_integer() else 2)
    text = f"{v:.{digits}g}"
    if "e" in text:
        return _locale_text(text, lang).replace(".", "," if lang == "sv" else ".")
    return text.replace(".", ",").replace("-", "\u2212") if lang == "sv" else text


def percent(x: Any, lang: str, digits: int = 2, *, fixed: bool = False) -> str:
    """A share as a percentage: ``3,5 %`` (sv), ``1.55 %`` (en); not defined as ``—``.

    ``fixed`` keeps every decimal (``19,10 %``), so that a table column reads evenly."""
    v = _finite(x)
    if v is None:
        return NOT_DEFINED
    from babel.numbers import format_percent

    pattern = "#,##0" + ("." + ("0" if fixed else "#") * digits if digits > 0 else "") + "\u00a0%"
    with _half_up():
        text = format_percent(v, format=pattern, locale=LOCALES.get(lang, "en_GB"))
    return _locale_text(text, lang)


#: Units as Swedish readers write them; the English side keeps the procurer's notation.
_SV_UNITS = {"yr": "år", "SEK": "kr", "kSEK": "tkr", "MSEK": "Mkr", "d": "dygn",
             "year": "år", "years": "år"}


def unit(text: str | None, lang: str) -> str:
    """A unit in the reader's language: ``SEK/kWh`` → ``kr/kWh``, ``h/yr`` → ``h/år``,
    ``1/yr`` → ``per år`` (sv); squares and cubes as written: ``SEK/m**3`` → ``SEK/m³``."""
    if not text:
        return ""
    text = unit_powers(str(text).replace(" / ", "/").replace(" * ", "·"))
    if lang != "sv":
        return text
    text = re.sub(r"[A-Za-z]+", lambda m: _SV_UNITS.get(m.group(0), m.group(0)), text)
    # a count per year as Swedish writes it: '75 000 per år', not '75 000 1/år'
    return re.sub(r"^1\s*/\s*(?=[^\W\d])", "per ", text)


def money(x: Any, currency: str, lang: str, digits: int = 0) -> str:
    """An amount with its currency: ``1 234 567 kr`` (sv), ``1 234 567 SEK`` (en)."""
    text = number(x, lang, digits)
    if text == NOT_DEFINED:
        return text
    return f"{text}\u00a0{unit(currency, lang)}"


def quantity(value: Any, unit_text: str | None, lang: str) -> str:
    """A magnitude with its unit, 6 significant digits: ``1,5 kr/kWh``, ``4 100 h/år``."""
    text = significant(value, lang)
    u = unit(unit_text, lang)
    return f"{text}\u00a0{u}" if u and text != NOT_DEFINED else text


def years(n: Any, lang: str) -> str:
    """``20 years`` / ``20 år``."""
    v = _finite(n)
    if v is None:
        return NOT_DEFINED
    shown = significant(v, lang)
    return tr("{n} year", lang, n=shown) if v == 1 else tr("{n} years", lang, n=shown)


def date(value: _dt.date, lang: str) -> str:
    """``29 november 2026`` (sv), ``29 November 2026`` (en)."""
    from babel.dates import format_date

    return format_date(value, format="long", locale=LOCALES.get(lang, "en_GB"))


def document_date(explicit: _dt.date | str | None = None) -> _dt.date | None:
    """The date printed on a document: the given one, else ``SOURCE_DATE_EPOCH``, else None.

    Never the wall clock, so the same inputs give the same file.
    """
    import os

    if isinstance(explicit, _dt.date):
        return explicit
    if isinstance(explicit, str) and explicit:
        return _dt.date.fromisoformat(explicit)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch or not epoch.strip():
        return None
    text = epoch.strip()
    if not re.fullmatch(r"-?\d{1,30}", text) or not _EPOCH_RANGE[0] <= int(text) <= \
            _EPOCH_RANGE[1]:
        from lcc._errors import LCCError, Msg

        raise LCCError(Msg("{name}: got {value!r}; expected a whole number of seconds since "
                           "1970-01-01 00:00 UTC from {low} to {high} (the years 1 to 9999)",
                           name="SOURCE_DATE_EPOCH", value=epoch, low=str(_EPOCH_RANGE[0]),
                           high=str(_EPOCH_RANGE[1])),
                       field="SOURCE_DATE_EPOCH", code="invalid-value")
    return _dt.datetime.fromtimestamp(int(text), _dt.UTC).date()


#: The SOURCE_DATE_EPOCH a date can be made of: 0001-01-01 00:00 to 9999-12-31 23:59:59 UTC.
_EPOCH_RANGE = (-62_135_596_800, 253_402_300_799)
