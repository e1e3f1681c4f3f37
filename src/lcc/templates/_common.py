"""Inputs and cost items several calculators share (internal).

The buyer's electricity inputs follow Upphandlingsmyndigheten's LCC
calculators, where the buyer fills the *internal parameters* (elpris, drifttid,
an optional yearly energy price increase and an optional kg CO2e per kWh) and
the bidders the *external* ones (Upphandlingsmyndigheten, "LCC-verktyg",
"Parametrar i en LCC-kalkyl").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from lcc._errors import LCCError, Msg, UnitText, as_msg, join
from lcc._i18n import N_
from lcc.model import Alternative, CalculatorCall, CostItem, Energy, Periodic, Product, Residual
from lcc.model._fields import MONEY
from lcc.model._inputs import in_burning_hours
from lcc.model._items import worth_more
from lcc.model._product import Factor
from lcc.results._describe import ParameterName
from lcc.templates._inputs import Input, base_value, fail, is_parameter, quantity, the_input
from lcc.units import format_quantity


def _shared(changes: dict[str, Any], **fields: Any) -> Input:
    """An input shared by several calculators, with one calculator's ``changes``."""
    return Input(**{**fields, **changes})


def electricity_price(**changes: Any) -> Input:
    """The buyer's electricity price."""
    return _shared(
        changes,
        name="electricity_price", role="buyer", unit="SEK/kWh",
        label=N_("Electricity price"),
        meaning=N_("Electricity price per kWh, excluding VAT, in base-year prices"),
        source=N_("Upphandlingsmyndigheten, LCC-verktyg and 'Parametrar i en LCC-kalkyl' "
                  "(internal parameters set by the buyer): elpris, from the organisation's "
                  "electricity contract"),
        example="1.20 SEK/kWh", per_year=True)


def escalation(**changes: Any) -> Input:
    """The buyer's yearly real change of the electricity price."""
    return _shared(
        changes,
        name="escalation", role="buyer", unit="1",
        label=N_("Real change of the electricity price"),
        meaning=N_("Real change of the electricity price per year (0.02 = +2 % a year), as "
                   "one figure, one figure per year, or a parameter of the tender"),
        source=N_("Upphandlingsmyndigheten, LCC-verktyg and 'Parametrar i en LCC-kalkyl' "
                  "(internal parameters set by the buyer): optional yearly (real) energy "
                  "price increase"),
        required=False, default=0.0, example=0.02, kind="number", minimum=-1.0, per_year=True)


def emission_factor(**changes: Any) -> Input:
    """The buyer's CO2e per kWh of electricity."""
    return _shared(
        changes,
        name="emission_factor", role="buyer", unit="kg/kWh",
        label=N_("Emission factor of electricity"),
        meaning=N_("Greenhouse gas emissions per kWh of electricity (CO2e); reported in kg, "
                   "and priced only if the study has a carbon price"),
        source=N_("Upphandlingsmyndigheten, LCC-verktyg and 'Parametrar i en LCC-kalkyl' "
                  "(internal parameters set by the buyer): optional kg CO2e per kWh, e.g. "
                  "from the electricity emission factors shipped with lcc"),
        required=False, example="0.05 kg/kWh")


def units(**changes: Any) -> Input:
    """The buyer's number of units (Alternative.quantity)."""
    return _shared(
        changes,
        name="units", role="buyer", unit="1", label=N_("Number of units"),
        meaning=N_("Number of units bought (antal); multiplies every cost and emission"),
        source=N_("Upphandlingsmyndigheten, LCC-verktyg and 'Parametrar i en LCC-kalkyl' "
                  "(internal parameters set by the buyer): antal"),
        required=False, default=1, example=10, kind="count")


def _is_one(factor: Any) -> bool:
    """Whether a factor is the plain number 1 (or 1 − 0): a factor to leave out."""
    if is_parameter(factor) or isinstance(factor, (str, Product)):
        return False
    if isinstance(factor, Factor):
        return factor.transform == "one_minus" and _is_plain(factor.value, 0.0)
    return _is_plain(factor, 1.0)


def _is_plain(value: Any, target: float) -> bool:
    return isinstance(value, (int, float, np.number)) and not isinstance(value, bool) and \
        float(value) == target


def product(*factors: Any) -> Any:
    """The value of a field as the product of calculator inputs (:class:`lcc.Product`).

    Each factor stays what it was given as — a Parameter, a quantity, a
    number, samples — so sensitivity analysis can vary every Parameter among
    them and the trace shows the factors. Plain factors of 1 (and 1 − 0) are
    left out; a single remaining factor is returned as it is.
    """
    kept = [f for f in factors if not _is_one(f)]
    if not kept:
        return 1.0
    if len(kept) == 1 and not isinstance(kept[0], Factor):
        return kept[0]
    return Product(*kept)


def share_text(fraction: Any) -> Msg:
    """A fraction for a label: ``"50%"``, or ``"dimmed_level = 50%"`` for a Parameter (in
    Swedish ``50 %`` and the parameter's name in words)."""
    percent = f"{float(np.mean(base_value(fraction))):.0%}".removesuffix("%")
    if is_parameter(fraction):
        return Msg("{parameter} = {percent}%", parameter=ParameterName(fraction.name,
                                                                fraction.description),
                   percent=percent)
    return Msg("{percent}%", percent=percent)


def escalation_value(value: Any) -> Any:
    """Escalation as the model takes it: a number, samples, Parameter, list or ByYear."""
    return 0.0 if value is None else value


def electricity(values: dict[str, Any], **use: Any) -> Energy:
    """An Energy item priced with the buyer's electricity inputs."""
    return Energy(price=values["electricity_price"],
                  escalation=escalation_value(values.get("escalation")),
                  emission_factor=values.get("emission_factor"), **use)


def life_in_years(calculator: str, life: Any, hours_per_year: Any) -> Any:
    """A service life for the model: calendar time as given, burning hours converted.

    A life in hours (a rated life such as L80 50 000 h, or 50 kh; the model's rule,
    :func:`lcc.model._inputs.in_burning_hours`) is divided by the operating hours per year
    (a Parameter's base value is used, so sensitivity analysis on the operating hours does
    not move the converted life).
    """
    if life is None:
        return None
    if not in_burning_hours(life):
        return life
    if is_parameter(life):
        raise fail(calculator, Msg("{name}: got Parameter {parameter!r} in hours; a life in "
                                   "burning hours is converted with the operating hours, so "
                                   "give it as a value, or give the Parameter in years",
                                   name=the_input("life"), parameter=life.name), key="life")
    h = quantity(life, "h")
    per_year = quantity(hours_per_year, "h/yr")
    if not np.all(np.asarray(per_year.magnitude) > 0):
        raise fail(calculator, Msg("{name}: got {life!r}, a life in burning hours, with "
                                   "{hours} of operation a year; a life in hours needs "
                                   "operating hours above 0, or give the life in years",
                                   name=the_input("life"), life=base_value(life),
                                   hours=UnitText(format_quantity(per_year))), key="life")
    return (h / per_year).to("yr")


def resale_items(calculator: str, resale: Any, life: Any, price: Any) -> list[CostItem]:
    """Resale (reuse) value of a unit at the end of its service life, at most its ``price``
    (the model's rule for a residual value, :func:`lcc.model._items.worth_more`).

    With a ``life``, the unit is sold at the end of each service life — at
    t = L, 2L, … up to and including the end of the study — as a negative
    cost in category residual (a Periodic item of −1 × ``resale``, so the
    resale value may be a Parameter); the unit still in service at the end,
    if any, keeps the linear residual value of its Investment. Without a
    ``life`` the unit serves the whole study and is sold at its end (a
    Residual item). The times of the resales come from the life, so with a
    resale value the life must be one value (not a Parameter, not samples).
    """
    if resale is None:
        return []
    above = worth_more(MONEY.read(resale, "resale_value"), MONEY.read(price, "price"))
    if above is not None:
        raise fail(calculator, Msg("{name}: got {value}, more than the price ({price}); a resale "
                                   "value is what a unit is still worth at the end of its "
                                   "service life, at most what it cost. Give it per unit, as "
                                   "the price is", name=the_input("resale_value"),
                                   value=above[0], price=above[1]),
                   key="resale_value")
    if life is None:
        return [Residual(resale, label=N_("Resale value"))]
    if is_parameter(life):
        raise fail(calculator, Msg("{name}: got Parameter {parameter!r}, but with a "
                                   "resale_value the unit is resold at the end of every service "
                                   "life, which the model cannot time from a Parameter; give "
                                   "the life as a value (or leave life out to resell once, at "
                                   "the end)", name=the_input("life"), parameter=life.name),
                   key="life")
    every = quantity(life, "yr")
    if np.ndim(every.magnitude):
        raise fail(calculator, Msg("{name}: samples of the life cannot time the resale; give "
                                   "one value", name=the_input("life")), key="life")
    amount = product(-1.0, resale) if is_parameter(resale) else -quantity(resale, "SEK")
    return [Periodic(amount, every=every, category="residual", label=N_("Resale value"))]


def remember(alt: Alternative, calculator: str, given: Mapping[str, Any]) -> Alternative:
    """Record on the alternative which calculator built it from which inputs
    (:attr:`lcc.Alternative.calculator`), so a tender file can write it as
    ``template`` and ``inputs``."""
    object.__setattr__(alt, "calculator", CalculatorCall(calculator, given))
    return alt


def build(calculator: str, name: str, make: Callable[[], list[CostItem]], *,
          count: Any = 1, description: str | None = None,
          given: Mapping[str, Any] | None = None) -> Alternative:
    """Build the Alternative; errors of the model are prefixed with the calculator's name.

    ``given`` (the inputs of ``alternative``) is recorded as the alternative's
    :attr:`~lcc.Alternative.calculator`.
    """
    try:
        items = make()
        for item in items:  # lcc's own words: shown in the reader's language (ItemName)
            if isinstance(item.label, str) and not isinstance(item.label, Msg):
                object.__setattr__(item, "label", Msg(item.label))
        alt = Alternative(name, *items, quantity=1 if count is None else count,
                          description=description)
    except LCCError as exc:
        if (exc.field or "").partition(".")[0] == calculator:  # the calculator's own (fail)
            raise
        errors = []
        for err in exc.errors:  # each problem its own error, as the model found them
            message = as_msg(err.message)
            key = _holding(given, err.parameter[0]) if err.parameter and given else None
            error = fail(calculator, message, key=key, code=err.code, detail=Msg(
                "the calculator {calculator!r}: {message}", calculator=calculator,
                message=message))
            error.parameter = err.parameter
            errors.append(error)
        if len(errors) == 1:
            raise errors[0] from None
        raise LCCError(join("\n", (e.message for e in errors)), field=errors[0].field,
                       code=errors[0].code or "invalid-value", errors=errors) from None
    return alt if given is None else remember(alt, calculator, given)


def _holding(given: Mapping[str, Any], name: str) -> str | None:
    """The input whose value is (or holds, as a profile does) the Parameter ``name``."""
    def holds(value: Any) -> bool:
        if isinstance(value, (list, tuple)):
            return any(holds(v) for v in value)
        return is_parameter(value) and value.name == name

    return next((key for key, value in given.items() if holds(value)), None)
