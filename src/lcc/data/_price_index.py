"""Price-year conversion: express a money amount at the price level of another year.

An amount stated at the prices of year *a* is expressed at the prices of year
*b* by the ratio of a price index:

    amount_b = amount_a × I(b) / I(a)

The default index is Statistics Sweden's consumer price index KPI (1980 = 100,
annual means; shipped table ``scb_kpi_annual``), for amounts in Swedish kronor.
An amount in another currency needs the price index of its prices, passed as a
pandas Series (or a mapping) from year to index value: KPI measures Swedish
prices, and applying it to euros would silently give a wrong number.

Reference: SCB, "Konsumentprisindex (1980=100), fastställda tal"; the method is
the usual rebasing of constant prices with a price index (e.g. Trafikverket's
ASEK values are stated at one price level and rebased this way).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import cache
from numbers import Integral
from typing import TYPE_CHECKING, Any

import numpy as np

from lcc._errors import LCCError, Msg

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["inflate"]

#: Names of the shipped indices accepted by ``inflate(index=...)`` -> (table, column).
SHIPPED_INDICES: dict[str, tuple[str, str, str]] = {
    "KPI": ("scb_kpi_annual", "year", "kpi"),
}


@cache
def _shipped(name: str) -> dict[int, float]:
    from lcc.data._loader import load_table

    table, year_col, value_col = SHIPPED_INDICES[name]
    df = load_table(table)
    return {int(y): float(v) for y, v in zip(df[year_col], df[value_col], strict=True)}


#: The currencies whose prices KPI measures (the units of Swedish kronor).
_KRONOR = ("SEK",)

#: The fields of the index and the amount given to :func:`inflate`.
INDEX, AMOUNT = "inflate.index", "inflate.amount"


def _year(value: Any, field: str, arg: str) -> int:
    """A calendar year, named ``field`` in messages, of the argument ``arg`` of inflate; a
    year written as text ('2017', a table's ``price_base``) is that year."""
    if isinstance(value, str) and value.strip().isdecimal() and len(value.strip()) == 4:
        return int(value)
    if isinstance(value, bool) or not isinstance(value, (Integral, float, np.floating)):
        raise LCCError(Msg("{name}: got {value!r}; expected a calendar year such as 2023",
                           name=field, value=value), field=f"inflate.{arg}", code="wrong-type")
    if isinstance(value, (float, np.floating)) and not float(value).is_integer():
        raise LCCError(Msg("{name}: got {value!r}; expected a whole calendar year such as 2023",
                           name=field, value=value), field=f"inflate.{arg}",
                       code="invalid-value")
    return int(value)


def _index_table(index: Any) -> tuple[str, dict[int, float]]:
    """Return (label, {year: value}) for a shipped index name or a user series."""
    if isinstance(index, str):
        key = index.strip().upper()
        if key not in SHIPPED_INDICES:
            raise LCCError(
                Msg("{name}: got {index!r}; expected one of {choices} or a pandas "
                    "Series mapping year to index value", name='index', index=index,
                    choices=', '.join(SHIPPED_INDICES)), field=INDEX, code="invalid-value"
            )
        return f"{key} ({SHIPPED_INDICES[key][0]})", _shipped(key)
    items: Any
    units = getattr(index, "attrs", {}).get("units")
    column = getattr(index, "name", None)
    if (isinstance(units, dict) and "percent" in str(units.get(column, ""))) or \
            (isinstance(column, str) and re.search(r"(?:^|[\W_])rates?(?:$|[\W_])", column,
                                                  re.IGNORECASE) is not None):
        raise LCCError(
            Msg("{name}: the series {column!r} holds yearly rates of change, not index levels; "
                "chain them into an index first: (1 + rates / 100).cumprod() for rates in "
                "percent (the rate of a year moves prices from the year before to it)",
                name="index", column=column), field=INDEX, code="invalid-value")
    if hasattr(index, "items") and callable(index.items) and not isinstance(index, str):
        items = index.items()
    else:
        raise LCCError(
            Msg("{name}: got {type} {index!r}; expected 'KPI' or a pandas Series mapping year "
                "to index value", name='index', type=type(index).__name__, index=index),
            field=INDEX, code="wrong-type"
        )
    table: dict[int, float] = {}
    for year, value in items:
        y = _year(year, "index (a year in its index)", "index")
        try:
            v = float(value)
        except (TypeError, ValueError):
            raise LCCError(
                Msg("{name}: got {value!r}; expected a positive number", name=f'index[{y}]',
                    value=value), field=INDEX, code="wrong-type"
            ) from None
        if not math.isfinite(v) or v <= 0:
            raise LCCError(Msg("{name}: got {value!r}; expected a positive, finite number",
                               name=f'index[{y}]', value=value), field=INDEX,
                           code="invalid-value")
        if y in table:  # monthly values keyed by year: which one would be chance
            raise LCCError(Msg("{name}: the year {y} is given twice; an index has one value a "
                               "year (the annual mean of monthly values)", name="index", y=y),
                           field=INDEX, code="invalid-value")
        table[y] = v
    if not table:
        raise LCCError(Msg("{name}: the series is empty; expected index values by year",
                           name='index'), field=INDEX, code="missing-field")
    return "the given index", table


def _years_text(years: list[int]) -> str:
    """'2006–2023', or the years listed if the series has gaps."""
    years = sorted(years)
    if years[-1] - years[0] + 1 == len(years):
        return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    return ", ".join(str(y) for y in years)


def inflate(
    amount: Any,
    from_year: int,
    to_year: int | str,
    index: str | pd.Series | Mapping[int, float] | None = None,
) -> Any:
    """Express an amount stated at one year's prices at another year's prices.

    ``amount × I(to_year) / I(from_year)``, with *I* a price index by year.

    Parameters
    ----------
    amount : pint.Quantity, str, number or numpy array
        The amount at the prices of ``from_year``: a quantity with a currency
        (``"7 SEK/kg"``, ``Q_(120, "EUR/t")``), or a plain number (or an array
        of samples) taken to be money at the index's prices (kronor for KPI).
    from_year : int
        The year whose price level ``amount`` is stated at.
    to_year : int or "latest"
        The year whose price level is wanted; ``"latest"`` is the last year of
        the index (for KPI, the latest shipped year: "today's prices").
    index : "KPI", pandas.Series or mapping, optional
        ``"KPI"`` is SCB's consumer price index (1980 = 100, annual means,
        table ``scb_kpi_annual``). A Series (or dict) maps year to index value;
        only ratios matter, so any base year works. By default KPI, for an
        amount in Swedish kronor (SEK, kSEK, MSEK, öre) or a plain number; an
        amount in another currency is refused without an index (give the index
        of its prices, such as Eurostat's HICP for euros, or ``"KPI"`` to scale
        it by Swedish prices all the same).

    Returns
    -------
    pint.Quantity, float or numpy.ndarray
        A quantity (in the same units) for a quantity or string input, a float
        for a number, an array for an array.

    Raises
    ------
    LCCError
        If a year is outside the index (the message gives the years available),
        the amount has a unit but no currency, is in a currency other than
        Swedish kronor without an index, or the index is not valid.

    References
    ----------
    Statistics Sweden (SCB), Konsumentprisindex (1980=100), fastställda tal.

    Examples
    --------
    7 SEK/kg at 2017 prices (Trafikverket ASEK 7.0's CO2e value) at 2023 prices,
    7 × 403.70 / 322.11:

    >>> inflate("7 SEK/kg", 2017, 2023)
    <Quantity(8.77308994, 'SEK / kilogram')>
    >>> round(inflate(100.0, 2022, 2023), 4)
    108.5478
    """
    label, table = _index_table("KPI" if index is None else index)
    years = sorted(table)
    y_from = _year(from_year, "from_year", "from_year")
    if isinstance(to_year, str):
        if to_year.strip().lower() != "latest":
            raise LCCError(Msg("{name}: got {to_year!r}; expected a calendar year or 'latest'",
                               name='to_year', to_year=to_year), field="inflate.to_year",
                           code="invalid-value")
        y_to = years[-1]
    else:
        y_to = _year(to_year, "to_year", "to_year")
    for field, y in (("from_year", y_from), ("to_year", y_to)):
        if y not in table:
            raise LCCError(
                Msg("{name}: {y} is not in {label}; available years: {years}", name=field, y=y,
                    label=label, years=_years_text(years)), field=f"inflate.{field}",
                code="invalid-value"
            )
    ratio = table[y_to] / table[y_from]
    return _scale(amount, ratio, given=index is not None)


def _scale(amount: Any, ratio: float, given: bool = True) -> Any:
    if isinstance(amount, bool) or amount is None:
        raise LCCError(Msg("{name}: got {amount!r}; expected a money amount such as '7 SEK/kg'",
                           name='amount', amount=amount), field=AMOUNT, code="wrong-type")
    if isinstance(amount, str) or hasattr(amount, "units"):
        from lcc.units import _parse_text, currency_of, get_registry

        reg = get_registry()
        q: Any = _parse_text(amount, "amount") if isinstance(amount, str) else amount
        if not isinstance(q, reg.Quantity):
            try:
                q = reg.Quantity(q.magnitude, str(q.units))
            except Exception:
                raise LCCError(
                    Msg("{name}: got {amount!r}, which lcc's unit registry cannot read",
                        name='amount', amount=amount), field=AMOUNT, code="wrong-unit"
                ) from None
        if currency_of(q) is None:
            raise LCCError(
                Msg("{name}: got {amount!r}, which has no currency; a price index scales money "
                    "amounts such as '7 SEK/kg' or '120 EUR/t'", name='amount', amount=amount),
                field=AMOUNT, code="wrong-unit"
            )
        code = currency_of(q)
        if not given and code not in _KRONOR:
            raise LCCError(
                Msg("{name}: got {amount!r}, an amount in {code}; the default index, SCB's "
                    "KPI, measures Swedish prices; give the price index of {code} prices as "
                    "index= (a pandas Series from year to index level, e.g. Eurostat's HICP "
                    "index for euros; the table eu_hicp_annual_rate holds its yearly rates, "
                    "which (1 + rates / 100).cumprod() makes an index), or index='KPI' to "
                    "scale it by Swedish prices all the same",
                    name="amount", amount=amount, code=code), field=INDEX, code="missing-field")
        _finite(q.magnitude, amount)
        # money to the power p (kg per kSEK: p = −1) moves by the ratio to the power p
        power = q.dimensionality.get(f"[currency_{code}]", 1)
        return q * ratio ** power
    if isinstance(amount, np.ndarray):
        if not np.issubdtype(amount.dtype, np.number):
            raise LCCError(Msg("{name}: expected numbers, got an array of {dtype}",
                               name='amount', dtype=amount.dtype), field=AMOUNT,
                           code="wrong-type")
        _finite(amount, amount)
        return amount * ratio
    if isinstance(amount, (Integral, float, np.floating)):
        _finite(amount, amount)
        return float(amount) * ratio
    raise LCCError(
        Msg("{name}: got {type} {amount!r}; expected a money amount (a quantity such as '7 "
            "SEK/kg' or a number)", name='amount', type=type(amount).__name__, amount=amount),
        field=AMOUNT, code="wrong-type"
    )


def _finite(values: Any, amount: Any) -> None:
    if not np.all(np.isfinite(np.asarray(values, dtype=float))):
        raise LCCError(Msg("{name}: got {amount!r}; expected finite numbers", name="amount",
                           amount=amount), field=AMOUNT, code="invalid-value")
