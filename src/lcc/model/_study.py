"""The study: period, discount rate, price basis, timing, currency, carbon price."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field
from typing import Any

import numpy as np

from lcc._errors import LCCError, Msg
from lcc.discounting import TIMINGS
from lcc.model import _fields as F
from lcc.model._compare import ModelEq
from lcc.model._fields import Errors, Field
from lcc.model._inputs import Num, Seq
from lcc.model._limits import MAX_YEARS
from lcc.model._parameter import ByYear, Parameter
from lcc.units import CURRENCIES, ExchangeRates, parse_quantity, suggest_currency

#: The fields of a study, each described once (exchange rates are an object of their own).
FIELDS: dict[str, Field] = {
    "period": F.PERIOD,
    "discount_rate": F.STUDY_RATE,
    "inflation": F.STUDY_RATE,
    "timing": Field("choice", example="end", choices=TIMINGS, ref=False),
    "base_year": F.YEAR,
    "currency": Field("choice", example="SEK", choices=CURRENCIES, offer=suggest_currency,
                      ref=False),
    "carbon_price": F.MASS_PRICE,
    "include_externalities": F.BOOL,
}
#: Study fields a tender must set (in its file or through its assumption set).
REQUIRED: tuple[str, ...] = ("period", "discount_rate")


def _read_period(period: Any) -> int:
    """The study period N in whole years (1..500)."""
    if isinstance(period, (int, float, np.number)) and not isinstance(period, bool):
        raise LCCError(Msg("{name}: got the bare number {period!r}; write it with a unit, e.g. "
                           "'{period} yr'", name='Study.period', period=period),
                       code="bare-number")
    if isinstance(period, (list, tuple, dict, bool)) or period is None:
        raise LCCError(Msg("{name}: got {period!r}; expected a whole number of years with a "
                           "unit, e.g. '15 yr'", name='Study.period', period=period),
                       code="wrong-type")
    if isinstance(period, Parameter):
        raise LCCError(Msg("{name}: the study period cannot be a Parameter; give it as '15 yr'",
                           name='Study.period'), code="wrong-type")
    q = parse_quantity(period, "yr", name="Study.period")
    if np.ndim(q.magnitude):
        raise LCCError(Msg("{name}: expected one period, not samples", name='Study.period'),
                       code="wrong-type")
    years = float(q.to("yr").magnitude)
    if years <= 0:
        raise LCCError(Msg("{name}: got {period!r}; expected a period > 0 years",
                           name='Study.period', period=period),
                       code="invalid-value")
    if abs(years - round(years)) > 1e-9:
        raise LCCError(Msg("{name}: got {period!r}; expected a whole number of years (annual "
                           "steps)", name='Study.period', period=period), code="invalid-value")
    if years > MAX_YEARS:
        raise LCCError(Msg("{name}: got {period!r}; expected at most 500 years",
                           name='Study.period', period=period),
                       code="invalid-value")
    return round(years)

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
        Where annual amounts sit within their year (docs: Concepts › Time).
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
        errs = Errors()
        with errs.field("Study.period", "Study.period"):
            object.__setattr__(self, "_years", _read_period(self.period))
        with errs.field("Study.discount_rate", "Study.discount_rate"):
            object.__setattr__(self, "_rate", FIELDS["discount_rate"].read(
                self.discount_rate, "Study.discount_rate"))
        infl = None
        if self.inflation is not None:
            with errs.field("Study.inflation", "Study.inflation"):
                infl = FIELDS["inflation"].read(self.inflation, "Study.inflation")
                if infl.samples:
                    raise LCCError(Msg("{name}: expected one rate, not samples",
                                       name='Study.inflation'),
                                   code="wrong-type")
                if isinstance(self.inflation, Parameter) and \
                        self.inflation.distribution is not None:
                    raise LCCError(Msg(
                        "{name}: parameter {param!r} has a distribution, but the calculation "
                        "takes one inflation rate, so Monte Carlo and Sobol cannot sample it; "
                        "give it a range (low and high) for the tornado, or vary it in "
                        "scenarios", name='Study.inflation', param=self.inflation.name),
                        code="not-applicable")
        object.__setattr__(self, "_inflation", infl)
        for key in ("timing", "currency", "include_externalities"):
            with errs.field(f"Study.{key}", f"Study.{key}"):
                FIELDS[key].read(getattr(self, key), f"Study.{key}")
        if self.base_year is not None:
            with errs.field("Study.base_year", "Study.base_year"):
                FIELDS["base_year"].read(self.base_year, "Study.base_year")
        if self.exchange_rates is not None and not isinstance(self.exchange_rates, ExchangeRates):
            with errs.field("Study.exchange_rates", "Study.exchange_rates"):
                raise LCCError(Msg("{name}: expected lcc.ExchangeRates(base=..., rates=...)",
                                   name='Study.exchange_rates'), code="wrong-type")
        carbon: Num | Seq | None = None
        if self.carbon_price is not None:
            with errs.field("Study.carbon_price", "Study.carbon_price"):
                carbon = FIELDS["carbon_price"].read(self.carbon_price, "Study.carbon_price")
                if isinstance(carbon, Seq) and carbon.calendar and self.base_year is None:
                    raise LCCError(
                        Msg("{name}: the ByYear is by calendar year (first_year={first_year}); "
                            "give Study(base_year=...) to align it", name='Study.carbon_price',
                            first_year=carbon.first_year), code="invalid-value")
        object.__setattr__(self, "_carbon", carbon)
        errs.raise_any()

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
                f"%/yr applied to indexed items; real ↔ nominal by Fisher, "
                + ("D = d + ln(1 + i)" if self.timing == "continuous"
                   else "(1 + D) = (1 + d)(1 + i)")
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
