"""The study: period, discount rate, price basis, timing, currency, carbon price."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field
from typing import Any

import numpy as np

from lcc._errors import LCCError
from lcc.discounting import TIMINGS
from lcc.model._compare import ModelEq
from lcc.model._inputs import Num, Seq, read_amount, read_number
from lcc.model._parameter import ByYear, Parameter
from lcc.units import CURRENCIES, ExchangeRates, get_registry, parse_quantity

TIMING_TEXT = {
    "end": "end of year (the amount of year k at t = k)",
    "middle": "middle of year (the amount of year k at t = k − 0.5)",
    "beginning": "beginning of year (the amount of year k at t = k − 1)",
    "continuous": "continuous discounting e^(−d·t) (the amount of year k at t = k)",
}


@dataclass(frozen=True, eq=False)
class Study(ModelEq):
    """The common frame of an evaluation.

    Parameters
    ----------
    period : str or pint.Quantity
        Study period N, a whole number of years, e.g. ``"15 yr"``.
    discount_rate : float, ndarray or Parameter
        Real discount rate per year (kalkylränta) [1] — or nominal when
        ``inflation`` is given. An ndarray is samples. Sensitivity analysis
        addresses it as ``"discount_rate"``.
    inflation : float or Parameter, optional
        General inflation per year [1]. None (default) means a real analysis
        in constant prices of the base year; a number means a nominal analysis:
        ``discount_rate`` is nominal and every indexed item is inflated.
    timing : {"end", "middle", "beginning", "continuous"}
        Where annual amounts sit within their year (DESIGN §3).
    base_year : int, optional
        Calendar year of the base date t = 0; study year k is calendar year
        base_year + k − 1. Needed for ByYear sequences by calendar year.
    currency : str
        Study currency; every amount is converted into it.
    exchange_rates : ExchangeRates, optional
        Needed when any amount is in another currency.
    carbon_price : str, Quantity, Parameter or ByYear, optional
        Price of CO2e in currency per mass (``"1.2 SEK/kg"``), constant or a
        path by year (calendar years through ``base_year``). Prices every
        CO2e emission that has no price of its own.
    include_externalities : bool
        Include the money value of externalities in the LCC (Directive
        2014/24/EU art. 68). When False the emissions are still reported.
    """

    period: Any = "15 yr"
    discount_rate: Any = 0.03
    _: KW_ONLY
    inflation: Any = None
    timing: str = "end"
    base_year: int | None = None
    currency: str = "SEK"
    exchange_rates: ExchangeRates | None = None
    carbon_price: Any = None
    include_externalities: bool = True
    _years: int = field(init=False, repr=False, compare=False)
    _rate: Num = field(init=False, repr=False, compare=False)
    _inflation: Num | None = field(init=False, repr=False, compare=False)
    _carbon: Num | Seq | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        reg = get_registry()
        if isinstance(self.period, (int, float, np.number)) and not isinstance(self.period, bool):
            raise LCCError(
                f"Study.period: got the bare number {self.period!r}; write it with a unit, "
                f"e.g. '{self.period} yr'"
            )
        q = parse_quantity(self.period, "yr", name="Study.period")
        if np.ndim(q.magnitude):
            raise LCCError("Study.period: expected one period, not samples")
        years = float(q.to("yr").magnitude)
        if years <= 0:
            raise LCCError(f"Study.period: got {self.period!r}; expected a period > 0 years")
        if abs(years - round(years)) > 1e-9:
            raise LCCError(
                f"Study.period: got {self.period!r}; expected a whole number of years "
                f"(annual steps)"
            )
        if years > 500:
            raise LCCError(f"Study.period: got {self.period!r}; expected at most 500 years")
        object.__setattr__(self, "_years", round(years))
        rate = read_number(self.discount_rate, "Study.discount_rate", minimum=-1.0, what="a rate")
        object.__setattr__(self, "_rate", rate)
        infl = None
        if self.inflation is not None:
            infl = read_number(self.inflation, "Study.inflation", minimum=-1.0, what="a rate")
            if infl.samples:
                raise LCCError("Study.inflation: expected one rate, not samples")
        object.__setattr__(self, "_inflation", infl)
        if self.timing not in TIMINGS:
            raise LCCError(f"Study.timing: got {self.timing!r}, expected one of "
                           f"{', '.join(TIMINGS)}")
        if self.base_year is not None and (
            isinstance(self.base_year, bool)
            or not isinstance(self.base_year, (int, np.integer))
            or not 1000 <= self.base_year <= 9999
        ):
            raise LCCError(f"Study.base_year: got {self.base_year!r}, expected a calendar year "
                           f"such as 2025")
        if self.currency not in CURRENCIES:
            raise LCCError(f"Study.currency: got {self.currency!r}, expected one of "
                           f"{', '.join(CURRENCIES)}")
        if self.exchange_rates is not None and not isinstance(self.exchange_rates, ExchangeRates):
            raise LCCError("Study.exchange_rates: expected lcc.ExchangeRates(base=..., rates=...)")
        if not isinstance(self.include_externalities, bool):
            raise LCCError(f"Study.include_externalities: expected True or False, got "
                           f"{self.include_externalities!r}")
        carbon: Num | Seq | None = None
        if self.carbon_price is not None:
            carbon = read_amount(self.carbon_price, "CUR/kg", "Study.carbon_price",
                                 allow_sequence=True, what="a price")
            if isinstance(carbon, Seq) and carbon.calendar and self.base_year is None:
                raise LCCError(
                    "Study.carbon_price: the ByYear is by calendar year "
                    f"(first_year={carbon.first_year}); give Study(base_year=...) to align it"
                )
        object.__setattr__(self, "_carbon", carbon)
        del reg

    # -- derived, read-only -------------------------------------------------
    @property
    def years(self) -> int:
        """The study period N in whole years."""
        return self._years

    @property
    def rate(self) -> Num:
        """The discount rate as read (internal)."""
        return self._rate

    @property
    def nominal(self) -> bool:
        """Whether this is a nominal analysis (``inflation`` given)."""
        return self.inflation is not None

    def parameters(self) -> list[Parameter]:
        """Parameters used by the study itself."""
        out = []
        for value in (self.discount_rate, self.inflation, self.carbon_price):
            if isinstance(value, Parameter):
                out.append(value)
        return out

    def describe(self) -> list[str]:
        """Lines describing the study's assumptions, for traces and reports."""
        rate = self.rate
        kind = "nominal" if self.nominal else "real"
        lines = [f"Study period: {self.years} years"]
        if self.base_year is not None:
            lines[-1] += f" (base date t = 0 at the start of {self.base_year})"
        rate_text = (f"{rate.value * 100:.4g} %" if rate.samples is None
                     else f"{rate.samples} samples, mean {rate.mean() * 100:.4g} %")
        if rate.param:
            rate_text += f" (Parameter {rate.param!r})"
        lines.append(f"Discount rate (kalkylränta): {rate_text}, {kind}")
        if self.nominal:
            infl = self._inflation
            assert infl is not None
            lines.append(
                f"Price basis: nominal (current prices); general inflation {infl.value * 100:.4g} "
                f"%/yr applied to indexed items; real ↔ nominal by Fisher, (1 + D) = (1 + d)(1 + i)"
            )
        else:
            lines.append("Price basis: real (constant prices of the base year)")
        lines.append(f"Timing of annual amounts: {TIMING_TEXT[self.timing]}")
        lines.append(f"Currency: {self.currency}, amounts excluding VAT unless stated otherwise")
        if self.exchange_rates is not None:
            lines.append(f"Exchange rates: {self.exchange_rates.describe()}")
        if self.carbon_price is not None:
            shown = self.carbon_price
            text = shown.describe() if isinstance(shown, Parameter) else (
                repr(shown) if isinstance(shown, ByYear) else str(shown))
            lines.append(f"Carbon price (CO2e): {text}")
        lines.append(
            "Externalities: " + ("included in the LCC" if self.include_externalities
                                 else "reported in kg only, not included in the LCC")
        )
        return lines

    def replace(self, **changes: Any) -> Study:
        """A copy with some fields changed (``dataclasses.replace``)."""
        import dataclasses

        return dataclasses.replace(self, **changes)
