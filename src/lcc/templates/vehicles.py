"""Road vehicles: the operational lifetime cost of the Clean Vehicles Directive.

Directive 2009/33/EC (Article 6 and Annex, in its original version) gave
contracting authorities a method to monetise a road vehicle's lifetime energy
use and emissions (CO2, NOx, NMHC, particulate matter):

- lifetime energy cost = mileage [km] × energy use [MJ/km] × cost per MJ
  [currency/MJ], where the cost per MJ is the same for every vehicle: the lower
  of the pre-tax price of petrol and of diesel per MJ (Annex Table 1 energy
  contents: petrol 32 MJ/l, diesel 36 MJ/l);
- lifetime emission cost = mileage [km] × emission [g/km] × cost [EUR/g]
  (Annex Table 2, 2007 prices; contracting authorities may use up to twice
  these costs);
- mileage is the lifetime mileage of the vehicle category (Annex Table 3)
  unless the authority states its own;
- nothing is discounted.

Directive (EU) 2019/1161 replaced this method, but its price set remains the
best-known citable EU externality valuation for vehicles. The constants are
read from the shipped tables ``cvd_fuel_energy_content``, ``cvd_emission_costs``
and ``cvd_lifetime_mileage`` (see :mod:`lcc.data`).

As a product calculator (``lcc.templates.CALCULATORS["vehicles"]``) the module
exposes both methods through ``alternative(name, method="lcc" | "cvd",
**inputs)`` and ``INPUTS``: ``"lcc"`` is :func:`vehicle_alternative` (a
discounted LCC in which each vehicle pays for its own fuel), ``"cvd"`` the
purchase price plus the Directive's undiscounted operational lifetime cost.

Reference: Directive 2009/33/EC of the European Parliament and of the Council
of 23 April 2009 on the promotion of clean and energy-efficient road transport
vehicles, OJ L 120, 15.5.2009, p. 5, Article 6 and Annex.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import numpy as np
import pandas as pd

from lcc._errors import LCCError, Msg, join
from lcc._i18n import N_
from lcc.templates._common import build, remember
from lcc.templates._inputs import Input, base_value, fail, read_inputs, the_input
from lcc.units import (
    ExchangeRates,
    currency_of,
    get_registry,
    magnitude_in,
    parse_number,
    parse_quantity,
)

__all__ = ["INPUTS", "METHOD", "NAME", "TITLE", "alternative", "clean_vehicles_directive",
           "vehicle_alternative"]

#: The pollutants of Annex Table 2, in the order of the result.
POLLUTANTS: tuple[str, ...] = ("CO2", "NOx", "NMHC", "PM")

#: Currency of the Directive's emission costs (Annex Table 2, 2007 prices).
EMISSION_COST_CURRENCY = "EUR"

#: The Directive's cap on the emission costs: "not exceeded by more than a factor 2".
MAX_EMISSION_COST_FACTOR = 2.0


@dataclass(frozen=True)
class _Constants:
    """The Directive's constants, read once from the shipped tables."""

    mileage_km: dict[str, float]  # category -> lifetime mileage [km]
    energy_content: dict[str, tuple[float, float, str]]  # fuel -> (low, high, unit)
    emission_cost: dict[str, tuple[float, float]]  # pollutant -> (low, high) [EUR/kg]
    price_base: str


def _convert(value: float, unit: str, to: str) -> float:
    reg = get_registry()
    return float(reg.Quantity(value, unit).to(to).magnitude)


@lru_cache(maxsize=1)
def _constants() -> _Constants:
    from lcc.data import load

    mileage = load("cvd_lifetime_mileage")
    unit = mileage.attrs["units"]["lifetime_mileage"]
    mileage_km = {
        str(cat): _convert(float(km), unit, "km")
        for cat, km in zip(mileage["category"], mileage["lifetime_mileage"], strict=True)
    }

    fuels = load("cvd_fuel_energy_content")
    units = fuels.attrs["units"]
    content: dict[str, tuple[float, float, str]] = {}
    row: dict[Any, Any]
    for row in fuels.to_dict("records"):
        per_litre = float(row["energy_per_litre"])
        if np.isfinite(per_litre):
            content[str(row["fuel"])] = (per_litre, per_litre, units["energy_per_litre"])
        else:
            content[str(row["fuel"])] = (
                float(row["energy_per_nm3_low"]),
                float(row["energy_per_nm3_high"]),
                units["energy_per_nm3_low"],
            )

    costs = load("cvd_emission_costs")
    units = costs.attrs["units"]
    target = f"{EMISSION_COST_CURRENCY}/kg"
    emission_cost = {
        str(row["pollutant"]): (
            _convert(float(row["cost_low"]), units["cost_low"], target),
            _convert(float(row["cost_high"]), units["cost_high"], target),
        )
        for row in costs.to_dict("records")
    }
    return _Constants(mileage_km, content, emission_cost, str(costs.attrs["price_base"]))


def _scalar(x: Any, name: str) -> float:
    if np.ndim(x) != 0:
        raise LCCError(Msg("{name}: got an array of samples; the Directive's costs take single "
                           "values (evaluate them once per sample)", name=name),
                       field=name, code="wrong-type")
    return float(x)


def _nonneg(q: Any, spec: str, name: str, shown: Any) -> float:
    x = _scalar(magnitude_in(q, spec), name)
    if x < 0:
        raise LCCError(Msg("{name}: got {value!r}; expected a value ≥ 0", name=name,
                           value=shown), field=name, code="invalid-value")
    return x


def _energy_per_km(
    consumption: Any, fuel: str, energy_content: Any, consts: _Constants
) -> tuple[float, Msg, str]:
    """Energy use in MJ/km, a note on how it was obtained and where the energy content came
    from (``"energy"``: the use is given as energy; ``"given"``; ``"directive"``)."""
    kind = None
    q: Any = None
    for spec, label in (("MJ/km", "energy"), ("l/km", "volume"), ("kg/km", "mass")):
        try:
            q = parse_quantity(consumption, spec, name="consumption")
        except LCCError:
            continue
        kind = label
        break
    if kind is None:
        raise LCCError(Msg("{name}: got {value!r}; expected energy, volume or mass per "
                           "distance, e.g. '5.0 l/100km', '18 kWh/100km', '6 Nm3/100km' or "
                           "'1.8 MJ/km'", name="consumption", value=consumption),
                       field="consumption", code="wrong-unit")
    if kind == "energy":
        if energy_content is not None:
            raise LCCError(Msg("{name}: got {value!r}, but the consumption {consumption!r} "
                               "is already energy per distance; leave the energy content out",
                               name="energy_content", value=energy_content,
                               consumption=consumption),
                           field="energy_content", code="not-applicable")
        return (_nonneg(q, "MJ/km", "consumption", consumption),
                Msg("consumption given as energy"), "energy")
    spec = "MJ/l" if kind == "volume" else "MJ/kg"
    if energy_content is not None:
        content = parse_quantity(energy_content, spec, name="energy_content")
        note, source = Msg("energy content {content} (given)", content=energy_content), "given"
    elif kind == "mass":
        raise LCCError(Msg("{name}: got {value!r}, a mass per distance; the Directive gives "
                           "energy contents per litre or Nm3 only, so state the energy "
                           "content, e.g. '120 MJ/kg'", name="consumption", value=consumption),
                       field="consumption", code="missing-field")
    elif fuel not in consts.energy_content:
        raise LCCError(Msg("{name}: got {value!r} for the fuel {fuel!r}, which has no energy "
                           "content per volume; give the consumption as energy per distance, "
                           "e.g. '18 kWh/100km'", name="consumption", value=consumption,
                           fuel=fuel), field="consumption", code="wrong-unit")
    else:
        low, high, unit = consts.energy_content[fuel]
        if low != high:
            raise LCCError(Msg("{name}: the Directive gives a range of {low:g}–{high:g} {unit} "
                               "for {fuel!r}; state the energy content of the gas in question, "
                               "e.g. '{low:g} {unit}'", name="energy_content", fuel=fuel,
                               low=low, high=high, unit=unit),
                           field="energy_content", code="missing-field")
        content = get_registry().Quantity(low, unit)
        note = Msg("energy content {low:g} {unit} (Directive 2009/33/EC, Annex Table 1)",
                   low=low, unit=unit)
        source = "directive"
    mj_per_km = (q * content).to("MJ/km").magnitude
    x = _scalar(mj_per_km, "consumption")
    if x < 0:
        raise LCCError(Msg("{name}: got {value!r}; expected a value ≥ 0", name="consumption",
                           value=consumption), field="consumption", code="invalid-value")
    return x, note, source


def _to_currency(
    value: float, unit_from: str, currency: str, rates: ExchangeRates | None, name: str
) -> float:
    """Convert ``value`` [unit_from] into ``currency`` (same non-money part)."""
    reg = get_registry()
    q: Any = reg.Quantity(value, unit_from)
    found = currency_of(q)
    if found == currency:
        return value
    if rates is None:
        raise LCCError(Msg("{name}: the amount is in {found} but the fuel prices are in "
                           "{currency}; give an exchange rate for {found} in {currency} "
                           "(exchange_rates) to convert it", name=name, found=found,
                           currency=currency), field=name, code="currency-mix")
    return float(rates.convert(q, to=currency).magnitude)


def clean_vehicles_directive(
    category: str,
    fuel: str,
    consumption: Any,
    *,
    petrol_price: Any,
    diesel_price: Any,
    co2: Any,
    nox: Any,
    nmhc: Any,
    pm: Any,
    mileage: Any = None,
    co2_price: Any = "high",
    emission_cost_factor: Any = 1.0,
    energy_content: Any = None,
    exchange_rates: ExchangeRates | None = None,
) -> pd.Series:
    """Operational lifetime cost of a road vehicle by Directive 2009/33/EC.

    Energy: mileage × MJ/km × the lower of the pre-tax petrol and diesel price
    per MJ (the same for every vehicle, whatever its own fuel). Emissions:
    mileage × g/km × the Directive's cost per g (2007 prices) × the emission
    cost factor. Undiscounted, as the Directive prescribes.

    Parameters
    ----------
    category : str
        EU vehicle category: ``"M1"`` (passenger car), ``"N1"`` (light
        commercial), ``"N2"``, ``"N3"`` (heavy goods), ``"M2"``, ``"M3"`` (bus).
    fuel : str
        The vehicle's fuel: ``"diesel"``, ``"petrol"``, ``"natural_gas"``,
        ``"biogas"``, ``"lpg"``, ``"ethanol"``, ``"biodiesel"``,
        ``"emulsion"``, ``"hydrogen"`` or ``"electricity"``. It selects the
        energy content that converts a volume consumption into MJ/km.
    consumption : pint.Quantity or str
        Energy use per distance in any unit: volume (``"5.0 l/100km"``,
        ``"6 Nm3/100km"``) converted with the Directive's energy content
        [MJ/l, MJ/Nm3] of ``fuel``; energy (``"18 kWh/100km"``, 1 kWh =
        3.6 MJ; ``"1.8 MJ/km"``); or mass (``"1 kg/100km"``, with
        ``energy_content``).
    petrol_price, diesel_price : pint.Quantity or str
        Pre-tax fuel prices per volume [currency/l], e.g. ``"0.55 EUR/l"``; both
        in the same currency, which is the currency of the result. Converted
        to currency/MJ with petrol 32 MJ/l and diesel 36 MJ/l (Annex Table 1).
    co2, nox, nmhc, pm : pint.Quantity or str
        Emissions per distance [g/km] of CO2, NOx, non-methane hydrocarbons
        and particulate matter.
    mileage : pint.Quantity or str, optional
        Lifetime mileage [km]; default the category's figure in Annex Table 3
        (M1 200 000, N1 250 000, N2/N3 1 000 000, M2/M3 800 000 km).
    co2_price : "high", "low" or pint.Quantity or str, default "high"
        Cost of CO2 [currency/kg]: the top (0.04 EUR/kg) or bottom
        (0.03 EUR/kg) of the Directive's range, or an own value.
    emission_cost_factor : float, default 1.0
        Multiplies every emission cost (CO2, NOx, NMHC, PM; also an own
        ``co2_price``); from 1 to 2, the Directive's "up to double".
    energy_content : pint.Quantity or str, optional
        Energy per volume or mass of the fuel [MJ/Nm3, MJ/l or MJ/kg]: needed
        for natural gas and biogas (the Directive gives a range, 33–38 MJ/Nm3)
        and for a consumption per mass; otherwise it overrides the table.
    exchange_rates : lcc.ExchangeRates, optional
        Required when the fuel prices are not in EUR: the Directive's emission
        costs are in EUR and are converted to the fuel prices' currency.

    Returns
    -------
    pandas.Series
        Index ``energy``, ``CO2``, ``NOx``, ``NMHC``, ``PM``, ``total``: lifetime
        costs in the fuel prices' currency (``attrs["unit"]`` and
        ``attrs["currency"]``). ``attrs`` also holds the intermediate figures:
        ``mileage`` [km], ``energy_per_km`` [MJ/km], ``petrol_price_per_mj``,
        ``diesel_price_per_mj``, ``energy_price_per_mj`` [currency/MJ],
        ``energy_price_set_by`` ("petrol", "diesel" or both when equal),
        ``co2_price`` [currency/kg] and ``nox_price``, ``nmhc_price``,
        ``pm_price`` [currency/g] before the factor, ``emission_cost_factor``,
        ``energy_content_note``, ``exchange_rates`` and ``units`` (attribute →
        unit string).

    Raises
    ------
    LCCError
        For an unknown category or fuel, a value with the wrong unit or a
        negative value, a factor outside 1–2, fuel prices in two currencies, or
        a currency other than EUR without ``exchange_rates``.

    References
    ----------
    Directive 2009/33/EC, Article 6 and Annex, Tables 1–3.

    Examples
    --------
    A diesel passenger car (pre-tax diesel 0.50 EUR/l, petrol 0.55 EUR/l):

    >>> s = clean_vehicles_directive(
    ...     "M1", "diesel", "5.0 l/100km",
    ...     petrol_price="0.55 EUR/l", diesel_price="0.50 EUR/l",
    ...     co2="132 g/km", nox="0.08 g/km", nmhc="0.02 g/km", pm="0.0045 g/km")
    >>> {k: round(v, 2) for k, v in s.items()}
    {'energy': 5000.0, 'CO2': 1056.0, 'NOx': 70.4, 'NMHC': 4.0, 'PM': 78.3, 'total': 6208.7}
    >>> s.attrs["energy_price_set_by"], round(s.attrs["energy_price_per_mj"], 6)
    ('diesel', 0.013889)
    """
    consts = _constants()

    if not isinstance(category, str) or category.strip().upper() not in consts.mileage_km:
        raise LCCError(Msg("{name}: got {value!r}; expected one of {choices}", name="category",
                           value=category, choices=", ".join(consts.mileage_km)),
                       field="category", code="invalid-value")
    cat = category.strip().upper()

    fuels = (*consts.energy_content, "electricity")
    fuel_key = (
        fuel.strip().lower().replace(" ", "_").replace("-", "_") if isinstance(fuel, str) else ""
    )
    if fuel_key not in fuels:
        raise LCCError(Msg("{name}: got {value!r}; expected one of {choices}", name="fuel",
                           value=fuel, choices=", ".join(fuels)), field="fuel",
                       code="invalid-value")

    mj_per_km, content_note, content_source = _energy_per_km(consumption, fuel_key,
                                                             energy_content, consts)

    # --- fuel prices -> price per MJ (Annex Table 1 energy contents)
    prices = {}
    currencies = {}
    for which, value in (("petrol", petrol_price), ("diesel", diesel_price)):
        name = f"{which}_price"
        q = parse_quantity(value, "CUR/l", name=name)
        currencies[which] = currency_of(q)
        per_litre = _nonneg(q, "CUR/l", name, value)
        low, _, unit = consts.energy_content[which]
        prices[which] = per_litre / _convert(low, unit, "MJ/l")
    if currencies["petrol"] != currencies["diesel"]:
        raise LCCError(Msg("{name}: got {value!r} ({currency}) but the diesel price "
                           "{other!r} ({other_currency}); give both in the same currency",
                           name="petrol_price", value=petrol_price,
                           currency=currencies["petrol"], other=diesel_price,
                           other_currency=currencies["diesel"]),
                       field="petrol_price", code="currency-mix")
    currency = str(currencies["petrol"])
    if prices["petrol"] < prices["diesel"]:
        set_by = "petrol"
    elif prices["diesel"] < prices["petrol"]:
        set_by = "diesel"
    else:
        set_by = "petrol and diesel (equal)"
    price_per_mj = min(prices["petrol"], prices["diesel"])

    if exchange_rates is not None and not isinstance(exchange_rates, ExchangeRates):
        raise LCCError(Msg("{name}: got {value!r}; expected exchange rates (lcc.ExchangeRates)",
                           name="exchange_rates", value=exchange_rates),
                       field="exchange_rates", code="wrong-type")

    # --- mileage
    if mileage is None:
        km = consts.mileage_km[cat]
    else:
        km = _nonneg(parse_quantity(mileage, "km", name="mileage"), "km", "mileage", mileage)

    # --- emissions [g/km]
    grams = {
        pol: _nonneg(parse_quantity(val, "g/km", name=arg), "g/km", arg, val)
        for pol, arg, val in (("CO2", "co2", co2), ("NOx", "nox", nox),
                              ("NMHC", "nmhc", nmhc), ("PM", "pm", pm))
    }

    # --- emission costs per kg, in the result currency
    factor = parse_number(emission_cost_factor, name="emission_cost_factor", allow_array=False)
    if not 1.0 <= factor <= MAX_EMISSION_COST_FACTOR:
        raise _factor_error(emission_cost_factor)
    eur_kg = f"{EMISSION_COST_CURRENCY}/kg"
    per_kg: dict[str, float] = {}
    if isinstance(co2_price, str) and co2_price.strip().lower() in ("high", "low"):
        low, high = consts.emission_cost["CO2"]
        chosen = high if co2_price.strip().lower() == "high" else low
        per_kg["CO2"] = _to_currency(chosen, eur_kg, currency, exchange_rates, "co2_price")
    else:
        if isinstance(co2_price, str) and not any(ch.isdigit() for ch in co2_price):
            raise LCCError(Msg("{name}: got {value!r}; expected 'high', 'low' or a price per kg "
                               "such as '0.035 EUR/kg'", name="co2_price", value=co2_price),
                           field="co2_price", code="invalid-value")
        q = parse_quantity(co2_price, "CUR/kg", name="co2_price")
        own = _nonneg(q, "CUR/kg", "co2_price", co2_price)
        per_kg["CO2"] = _to_currency(
            own, f"{currency_of(q)}/kg", currency, exchange_rates, "co2_price"
        )
    for pol in POLLUTANTS[1:]:
        cost, _ = consts.emission_cost[pol]
        per_kg[pol] = _to_currency(
            cost, eur_kg, currency, exchange_rates, f"emission cost of {pol}"
        )

    # --- lifetime costs (undiscounted)
    costs = {"energy": km * mj_per_km * price_per_mj}
    for pol in POLLUTANTS:
        costs[pol] = km * grams[pol] / 1000.0 * per_kg[pol] * factor
    costs["total"] = sum(costs.values())

    result = pd.Series(costs, dtype=float, name=f"{cat} {fuel_key}")
    result.index.name = "component"
    result.attrs = {
        "unit": currency,
        "currency": currency,
        "method": "Directive 2009/33/EC, Article 6 and Annex: operational lifetime cost, "
        "undiscounted",
        "category": cat,
        "fuel": fuel_key,
        "mileage": km,
        "energy_per_km": mj_per_km,
        "energy_content_note": content_note,
        "energy_content_source": content_source,
        "petrol_price_per_mj": prices["petrol"],
        "diesel_price_per_mj": prices["diesel"],
        "energy_price_per_mj": price_per_mj,
        "energy_price_set_by": set_by,
        "co2_price": per_kg["CO2"],
        "nox_price": per_kg["NOx"] / 1000.0,
        "nmhc_price": per_kg["NMHC"] / 1000.0,
        "pm_price": per_kg["PM"] / 1000.0,
        "emission_cost_factor": factor,
        "emission_price_base": consts.price_base,
        "exchange_rates": exchange_rates.describe() if exchange_rates is not None else None,
        "units": {
            "mileage": "km",
            "energy_per_km": "MJ/km",
            "petrol_price_per_mj": f"{currency}/MJ",
            "diesel_price_per_mj": f"{currency}/MJ",
            "energy_price_per_mj": f"{currency}/MJ",
            "co2_price": f"{currency}/kg",
            "nox_price": f"{currency}/g",
            "nmhc_price": f"{currency}/g",
            "pm_price": f"{currency}/g",
            "emission_cost_factor": "1",
        },
    }
    return result


def _check_used(*, life: Any, residual: Any, emission_prices: Any, co2_price: Any,
                emission_cost_factor: Any, exhaust: dict[str, Any]) -> None:
    """Refuse an input given away from its default that this vehicle would not use: a bid's
    residual value without a life (one vehicle serves the whole study), an emission price
    with emission_prices none or without the emissions it prices. Dropped without a word, a
    bid's resale value of 40 % would not count."""
    def given(value: Any, default: Any) -> bool:
        return value is not None and not (isinstance(value, str) and isinstance(default, str)
                                          and value.strip().lower() == default) and \
            not (_is_plain_number(value) and float(value) == default)

    if life is None and given(residual, "linear") and given(residual, "none"):
        raise LCCError(Msg("{name}: got {value!r}, but without a life the vehicle serves the "
                           "whole study and leaves no residual value; give life too, or leave "
                           "residual out", name="residual", value=residual),
                       field="residual", code="not-applicable")
    for key, value, default, needs in (
            ("co2_price", co2_price, "high", ["co2"]),
            ("emission_cost_factor", emission_cost_factor, 1.0, list(exhaust))):
        if not given(value, default):
            continue
        if emission_prices is None:
            raise LCCError(Msg("{name}: got {value!r}, but emission_prices is none: the exhaust "
                               "emissions are reported in kg, not priced; leave {name} out, or "
                               "set emission_prices to 'cvd'", name=key, value=value),
                           field=key, code="not-applicable")
        if all(exhaust[k] is None for k in needs):
            raise LCCError(Msg("{name}: got {value!r}, but no exhaust emission it prices is "
                               "given ({needs}); give one, or leave {name} out", name=key,
                               value=value, needs=", ".join(needs)),
                           field=key, code="not-applicable")


def _is_plain_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_word(co2_price: Any) -> bool:
    return isinstance(co2_price, str) and co2_price.strip().lower() in ("high", "low")


def _cvd_price(pollutant: str, co2_price: Any, factor: Any) -> Any:
    """The Directive's emission cost of a pollutant per kg × factor, as a field value.

    An own ``co2_price`` and the ``factor`` may be Parameters: the price is
    then an :class:`lcc.Product` of the two, so sensitivity analysis reaches
    both; a factor of 1 is left out.
    """
    from lcc.templates._common import product

    consts = _constants()
    reg = get_registry()
    if pollutant == "CO2" and not _is_word(co2_price):
        parse_quantity(base_value(co2_price), "CUR/kg", name="co2_price")
        return product(co2_price, factor)
    low, high = consts.emission_cost[pollutant]
    value = low if (pollutant == "CO2" and str(co2_price).strip().lower() == "low") else high
    return product(reg.Quantity(value, f"{EMISSION_COST_CURRENCY}/kg"), factor)


def _check_factor(emission_cost_factor: Any) -> None:
    factor = parse_number(base_value(emission_cost_factor), name="emission_cost_factor",
                          allow_array=False)
    if not 1.0 <= factor <= MAX_EMISSION_COST_FACTOR:
        raise _factor_error(base_value(emission_cost_factor))


def _factor_error(value: Any) -> LCCError:
    return LCCError(Msg("{name}: got {value!r}; expected a number from 1 to {most:g} (the "
                        "Directive allows up to double the costs)", name="emission_cost_factor",
                        value=value, most=MAX_EMISSION_COST_FACTOR),
                    field="emission_cost_factor", code="invalid-value")


def vehicle_alternative(
    name: str,
    *,
    price: Any,
    annual_mileage: Any,
    consumption: Any,
    fuel_price: Any,
    life: Any = None,
    residual: Any = "linear",
    maintenance: Any = None,
    fuel_escalation: Any = 0.0,
    emission_factor: Any = None,
    co2: Any = None,
    nox: Any = None,
    nmhc: Any = None,
    pm: Any = None,
    emission_prices: str | None = "cvd",
    co2_price: Any = "high",
    emission_cost_factor: Any = 1.0,
    quantity: Any = 1,
    start: Any = 0,
) -> Any:
    """A vehicle as a discounted :class:`lcc.Alternative` for a normal LCC comparison.

    Items: the purchase (an Investment, replaced after ``life`` with a
    residual value at the end of the study), fuel or electricity for
    ``annual_mileage`` × ``consumption`` at ``fuel_price`` (category energy,
    escalating at ``fuel_escalation``), maintenance per year, and the
    emissions per km as :class:`lcc.Emission` items (category externality).
    Unlike :func:`clean_vehicles_directive` every flow is discounted with the
    study's rate and each vehicle pays for its own fuel.

    Parameters
    ----------
    name : str
        Name of the alternative.
    price : money
        Purchase price per vehicle (``"350000 SEK"``).
    annual_mileage : distance per time
        ``"15000 km/yr"`` (a Parameter for sensitivity analysis).
    consumption : fuel or energy per distance
        ``"5 l/100km"``, ``"18 kWh/100km"``, ``"6 Nm3/100km"``: in the unit the
        fuel is priced in.
    fuel_price : money per unit of fuel
        ``"18 SEK/l"``, ``"2.5 SEK/kWh"``, ``"25 SEK/Nm3"``.
    life : duration, optional
        Service life of the vehicle (replacement and residual value).
    residual : "linear", fraction, money or None
        Residual (resale) value of the vehicle in service at the end of the
        study, as for :class:`lcc.Investment`.
    maintenance : money per time, optional
        Service and repairs per vehicle and year (``"6000 SEK/yr"``).
    fuel_escalation : float, optional
        Real change of the fuel price per year [1/yr].
    emission_factor : mass per unit of fuel, optional
        Lifecycle CO2e per unit of fuel (``"2.6 kg/l"``), priced with the
        study's ``carbon_price``. Do not combine with ``co2``.
    co2, nox, nmhc, pm : mass per distance, optional
        Exhaust emissions (``"132 g/km"``) reported per pollutant and, with
        ``emission_prices="cvd"``, priced at the Directive 2009/33/EC costs
        (EUR, 2007 prices; the study then needs exchange rates for EUR).
    emission_prices : "cvd" or None
        ``"cvd"``: price the emissions with the Directive's costs (× the
        ``emission_cost_factor``, 1–2); None: report them in kg only.
    co2_price : "high", "low" or money per mass
        CO2 cost: the top or bottom of the Directive's range, or an own value
        (which may be a Parameter).
    emission_cost_factor : float or Parameter
        Multiplies the Directive's emission costs, 1–2.
    quantity : count
        Number of vehicles.
    start : whole years
        Years after the base date when the vehicles enter service.

    Returns
    -------
    lcc.Alternative

    References
    ----------
    Directive 2009/33/EC, Annex (emission costs); NIST Handbook 135 §5
    (discounting); docs: Concepts › Time.
    """
    from lcc.model import Alternative, Emission, Energy, Investment, Recurring

    _check_factor(emission_cost_factor)
    if emission_prices not in ("cvd", None):
        raise LCCError(Msg("{name}: got {value!r}; expected 'cvd' or none",
                           name="emission_prices", value=emission_prices),
                       field="emission_prices", code="invalid-value")
    if emission_factor is not None and co2 is not None:
        raise LCCError(Msg("{name}: the emission factor and co2 both count the vehicle's CO2: "
                           "give the life-cycle emission factor (priced with the study's carbon "
                           "price) or the exhaust CO2 per km (priced with the Directive's cost), "
                           "not both", name="co2"), field="co2", code="not-applicable")
    _check_used(life=life, residual=residual, emission_prices=emission_prices,
                co2_price=co2_price, emission_cost_factor=emission_cost_factor,
                exhaust={"co2": co2, "nox": nox, "nmhc": nmhc, "pm": pm})
    items: list[Any] = [
        Investment(price, life=life, residual=residual if life is not None else None,
                   label=N_("Purchase")),
        Energy(distance=annual_mileage, consumption=consumption, price=fuel_price,
               escalation=fuel_escalation, emission_factor=emission_factor, label=N_("Fuel")),
    ]
    if maintenance is not None:
        items.append(Recurring(maintenance, label=N_("Maintenance")))
    for pollutant, value in (("CO2", co2), ("NOx", nox), ("NMHC", nmhc), ("PM", pm)):
        if value is None:
            continue
        unit_price = None if emission_prices is None else _cvd_price(pollutant, co2_price,
                                                                      emission_cost_factor)
        items.append(Emission(distance=annual_mileage, intensity=value, pollutant=pollutant,
                              price=unit_price, label=_EXHAUST_LABEL[pollutant]))
    return Alternative(name, *items, quantity=quantity, start=start)


# --------------------------------------------------------------------------- calculator
# ``alternative`` and ``INPUTS``: the two methods above exposed as a product
# calculator (lcc.templates.CALCULATORS["vehicles"]).

NAME = "vehicles"
#: The choice input that selects which of the other inputs apply.
SELECTOR = "method"
TITLE = N_("Road vehicles: discounted LCC with fuel, maintenance and priced emissions, or "
           "the Clean Vehicles Directive's operational lifetime cost")
#: The method in words (shown on bid forms and in ``lcc calculators``): a catalogue message.
METHOD = N_(
    "Two methods, chosen by the buyer. Discounted LCC: per vehicle, multiplied by the number "
    "of vehicles, the purchase price at the start, bought again at the end of each period of "
    "use, with a residual value for the vehicle in service at the end of the study; fuel = "
    "distance per year × consumption × fuel price, changing each year with the real change "
    "of the fuel price; service and repairs per year; exhaust emissions per km × distance, "
    "priced with the Directive's costs where the buyer says so; each amount per year as a "
    "present value (NIST Handbook 135). Clean Vehicles Directive (2009/33/EC, Article 6 and "
    "Annex): the purchase price plus the undiscounted operational lifetime cost over the "
    "lifetime mileage of the vehicle category — energy in MJ priced at the lower of the "
    "pre-tax petrol and diesel price per MJ, and the emissions of CO2, NOx, NMHC and "
    "particulate matter at the Directive's prices.")

_CVD = "Directive 2009/33/EC, Article 6 and Annex (operational lifetime cost)"
_LCC_ONLY = ("lcc",)
_CVD_ONLY = ("cvd",)
_FUELS = ("diesel", "petrol", "natural_gas", "biogas", "lpg", "ethanol", "biodiesel",
          "emulsion", "hydrogen", "electricity")
_FUEL_LABELS = (N_("diesel"), N_("petrol"), N_("natural gas"), N_("biogas"), N_("LPG"),
                N_("ethanol"), N_("biodiesel"), N_("diesel emulsion"), N_("hydrogen"),
                N_("electricity"))
#: The exhaust emissions a bidder states per km: (input, meaning, label, example).
_EXHAUST = (
    ("co2", N_("Exhaust emissions of CO2 per km; optional for the discounted LCC (reported, "
               "and priced with the Directive's costs when the buyer prices emissions so), "
               "needed for the Directive's method"), N_("Exhaust CO2 per km"), "132 g/km"),
    ("nox", N_("Exhaust emissions of NOx per km; optional for the discounted LCC (reported, "
               "and priced with the Directive's costs when the buyer prices emissions so), "
               "needed for the Directive's method"), N_("Exhaust NOx per km"), "0.08 g/km"),
    ("nmhc", N_("Exhaust emissions of non-methane hydrocarbons per km; optional for the "
                "discounted LCC (reported, and priced with the Directive's costs when the "
                "buyer prices emissions so), needed for the Directive's method"),
     N_("Exhaust NMHC per km"), "0.02 g/km"),
    ("pm", N_("Exhaust emissions of particulate matter per km; optional for the discounted "
              "LCC (reported, and priced with the Directive's costs when the buyer prices "
              "emissions so), needed for the Directive's method"),
     N_("Exhaust particulate matter per km"), "0.0045 g/km"),
)

#: The labels of the exhaust emission items (catalogue messages).
_EXHAUST_LABEL = {"CO2": N_("Exhaust CO2"), "NOx": N_("Exhaust NOx"),
                  "NMHC": N_("Exhaust NMHC"), "PM": N_("Exhaust particulate matter")}


INPUTS: tuple[Input, ...] = (
    Input("method", "buyer", "",
          N_("Discounted LCC: an LCC over the study — purchase with replacement and residual "
             "value, the vehicle's own fuel, maintenance and emissions per km; or the Clean "
             "Vehicles Directive: the purchase price plus the Directive's undiscounted "
             "operational lifetime cost, at the start"),
          N_("Directive 2009/33/EC, Article 6 and Annex (operational lifetime cost); NIST "
             "Handbook 135"), required=False, default="lcc", example="lcc",
          kind="choice", choices=("lcc", "cvd"), label=N_("Method"),
          choice_labels=(N_("discounted LCC"), N_("Clean Vehicles Directive"))),
    Input("price", "bidder", "SEK", N_("Purchase price per vehicle, excluding VAT"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (LCC-kalkyl personbilar): pris"),
          example="350000 SEK", label=N_("Purchase price per vehicle")),
    Input("consumption", "bidder", "l/100km",
          N_("Fuel or energy use per distance, in the unit the fuel is priced in for the "
             "discounted LCC (l, kWh, Nm3 or kg per distance); any of them, or MJ/km, for the "
             "Directive's method"),
          N_("Type approval (WLTP, Regulation (EU) 2017/1151); Directive 2009/33/EC, Article "
             "6 and Annex (operational lifetime cost)"),
          example="5.0 l/100km", other_units=("kWh/100km", "Nm3/100km", "kg/100km",
                                              "MJ/km"), label=N_("Fuel or energy use")),
    *(Input(key, "bidder", "g/km", meaning,
            N_("Type approval (certificate of conformity); Directive 2009/33/EC, Article 6 and "
               "Annex (operational lifetime cost), Annex Table 2"),
            required=False, example=ex, label=label)
      for key, meaning, label, ex in _EXHAUST),
    Input("co2_price", "buyer", "EUR/kg",
          N_("Cost of CO2 for the Directive's prices: high (0.04 EUR/kg), low (0.03 EUR/kg) "
             "or an own price per kg (a parameter of the tender holds an own price, not a "
             "word)"),
          N_("Directive 2009/33/EC, Article 6 and Annex (operational lifetime cost), Annex "
             "Table 2 (2007 prices)"), required=False, default="high",
          example="high", choices=("high", "low"), label=N_("Cost of CO2"),
          choice_labels=(N_("high"), N_("low"))),
    Input("emission_cost_factor", "buyer", "1",
          N_("Multiplies the Directive's emission costs, 1–2 (authorities may use up to twice "
             "them)"),
          N_("Directive 2009/33/EC, Article 6 and Annex (operational lifetime cost), Article "
             "6(1)(b)"), required=False, default=1.0, example=1.0,
          kind="number", minimum=1.0, maximum=MAX_EMISSION_COST_FACTOR,
          label=N_("Factor on the emission costs")),
    Input("units", "buyer", "1",
          N_("Number of vehicles bought (antal); multiplies every cost and emission"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (LCC-kalkyl personbilar): antal"),
          required=False, default=1, example=5, kind="count", label=N_("Number of vehicles")),
    # method "lcc"
    Input("annual_mileage", "buyer", "km/yr", N_("Distance driven per vehicle and year"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (LCC-kalkyl personbilar): körsträcka per "
             "år"), example="15000 km/yr", applies_to=_LCC_ONLY,
          label=N_("Distance per year")),
    Input("fuel_price", "buyer", "SEK/l",
          N_("Price of the vehicle's fuel or electricity per unit used (per l, kWh, Nm3 or kg, "
             "matching the consumption), excluding VAT"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (LCC-kalkyl personbilar): bränslepris / "
             "elpris"),
          example="18 SEK/l", other_units=("SEK/kWh", "SEK/Nm3", "SEK/kg"), per_year=True,
          applies_to=_LCC_ONLY, label=N_("Fuel price")),
    Input("fuel_escalation", "buyer", "1",
          N_("Real change of the fuel price per year (0.02 = +2 % a year)"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (LCC-kalkyl personbilar): optional yearly "
             "energy price increase"), required=False, default=0.0,
          example=0.02, kind="number", minimum=-1.0, per_year=True, applies_to=_LCC_ONLY,
          label=N_("Real change of the fuel price")),
    Input("life", "buyer", "yr",
          N_("Years each vehicle is kept; replaced at the end, the one in service at the end "
             "of the study leaves a residual value. Left out: one vehicle for the whole study, "
             "no residual value"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (LCC-kalkyl personbilar): användningstid"),
          required=False, example="8 yr", applies_to=_LCC_ONLY, label=N_("Period of use"),
          exclusive=True),
    Input("residual", "bidder", "SEK",
          N_("Residual (resale) value of the vehicle in service at the end of the study: "
             "linear (by remaining life), none, a share of the price (0–1) or an amount up "
             "to the price"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (LCC-kalkyl personbilar): restvärde; NIST "
             "Handbook 135 (linear residual value)"), required=False,
          default="linear", example="linear", choices=("linear", "none"),
          other_units=("1",), applies_to=_LCC_ONLY, label=N_("Residual value"),
          choice_labels=(N_("linear"), N_("none"))),
    Input("maintenance", "bidder", "SEK/yr", N_("Service and repairs per vehicle and year"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (LCC-kalkyl personbilar): service och "
             "underhåll"), required=False, example="6000 SEK/yr",
          applies_to=_LCC_ONLY, label=N_("Service and repairs per year")),
    Input("emission_factor", "buyer", "kg/l",
          N_("Lifecycle CO2e per unit of fuel (per l, kWh, Nm3 or kg, matching the "
             "consumption), priced with the study's carbon price; do not combine with exhaust "
             "CO2"),
          N_("e.g. the Swedish lifecycle emission factors of fuels shipped with lcc"),
          required=False, example="2.6 kg/l", other_units=("kg/kWh", "kg/Nm3", "kg/kg"),
          applies_to=_LCC_ONLY, label=N_("Emission factor of the fuel")),
    Input("emission_prices", "buyer", "",
          N_("Price the exhaust emissions with the Directive's costs (in EUR: the study then "
             "needs an exchange rate for EUR unless it is in EUR), or report them in kg only"),
          N_("Directive 2009/33/EC, Article 6 and Annex (operational lifetime cost)"),
          required=False, default="cvd", example="cvd",
          kind="choice", choices=("cvd", "none"), applies_to=_LCC_ONLY,
          label=N_("Pricing of exhaust emissions"),
          choice_labels=(N_("the Directive's costs"), N_("not priced"))),
    # method "cvd"
    Input("category", "buyer", "",
          N_("EU vehicle category: M1 (car), N1 (van), N2/N3 (lorry), M2/M3 (bus); sets the "
             "lifetime mileage"),
          N_("Directive 2009/33/EC, Article 6 and Annex (operational lifetime cost), Annex "
             "Table 3"), example="M1", kind="choice",
          choices=("M1", "N1", "N2", "N3", "M2", "M3"), applies_to=_CVD_ONLY,
          label=N_("Vehicle category")),
    Input("fuel", "bidder", "",
          N_("The vehicle's fuel: sets the energy content that converts a volume consumption "
             "into MJ/km"),
          N_("Directive 2009/33/EC, Article 6 and Annex (operational lifetime cost), Annex "
             "Table 1"), example="diesel",
          kind="choice", choices=_FUELS, applies_to=_CVD_ONLY, label=N_("Fuel"),
          choice_labels=_FUEL_LABELS),
    Input("petrol_price", "buyer", "SEK/l",
          N_("Pre-tax price of petrol per litre (the energy of every vehicle is priced at the "
             "lower of petrol and diesel per MJ); a value, not a Parameter: the calculator "
             "picks the lower of the two prices, which the model cannot redo under a changed "
             "value"),
          N_("Directive 2009/33/EC, Article 6 and Annex (operational lifetime cost), Article "
             "6(1)(b)"),
          example="0.55 EUR/l", parameter=False, applies_to=_CVD_ONLY,
          label=N_("Petrol price before tax")),
    Input("diesel_price", "buyer", "SEK/l",
          N_("Pre-tax price of diesel per litre; a value, not a Parameter (as the petrol "
             "price)"),
          N_("Directive 2009/33/EC, Article 6 and Annex (operational lifetime cost), Article "
             "6(1)(b)"), example="0.50 EUR/l", parameter=False,
          applies_to=_CVD_ONLY, label=N_("Diesel price before tax")),
    Input("mileage", "buyer", "km",
          N_("Lifetime mileage; by default the category's figure (M1 200 000 km, N1 250 000, "
             "N2/N3 1 000 000, M2/M3 800 000)"),
          N_("Directive 2009/33/EC, Article 6 and Annex (operational lifetime cost), Annex "
             "Table 3"), required=False,
          example="200000 km", applies_to=_CVD_ONLY, label=N_("Lifetime mileage")),
    Input("energy_content", "bidder", "MJ/Nm3",
          N_("Energy per volume or mass of the fuel; needed for natural gas and biogas (the "
             "Directive gives 33–38 MJ/Nm3) and for a consumption per mass"),
          N_("Directive 2009/33/EC, Article 6 and Annex (operational lifetime cost), Annex "
             "Table 1"), required=False, example="36 MJ/Nm3",
          other_units=("MJ/l", "MJ/kg"), applies_to=_CVD_ONLY,
          label=N_("Energy content of the fuel")),
)


def alternative(name: str, **inputs: Any) -> Any:
    """A vehicle bid as an :class:`lcc.Alternative`, by either method.

    ``method="lcc"`` (default) is :func:`vehicle_alternative`: a discounted
    LCC over the study in which each vehicle pays for its own fuel.
    ``method="cvd"`` is the Directive's operational lifetime cost
    (:func:`clean_vehicles_directive`): the purchase price plus lifetime
    energy (mileage × MJ/km × the lower of the pre-tax petrol and diesel price
    per MJ) and lifetime emission costs (mileage × g/km × the Directive's cost ×
    ``emission_cost_factor``), all at t = 0, so nothing is discounted, as the
    Directive prescribes. The emission costs are in EUR (an own ``co2_price``
    in its currency); a study in another currency converts them with its
    exchange rates. The CVD method reports the emissions as money only.

    Parameters
    ----------
    name : str
        Name of the alternative (the bid).
    **inputs
        See :data:`INPUTS`; ``units`` becomes the quantity. Every input but the
        choices (``method``, ``category``, ``fuel``, ``emission_prices``, the
        words of ``co2_price`` and ``residual``) and the two fuel prices of
        method ``"cvd"`` (the lower per MJ prices every vehicle's energy) may
        be a Parameter: with method ``"cvd"`` each lifetime cost is an
        :class:`lcc.Product` of its inputs.

    Returns
    -------
    lcc.Alternative

    Raises
    ------
    LCCError
        Naming the calculator and the input, for unknown, missing or invalid
        inputs, or an input of the other method.

    Examples
    --------
    The Directive's worked passenger car, 6 208.70 EUR of operational lifetime cost on top
    of the price:

    >>> import lcc
    >>> from lcc.templates import vehicles
    >>> car = vehicles.alternative(
    ...     "Diesel car", method="cvd", price="20000 EUR", category="M1", fuel="diesel",
    ...     consumption="5.0 l/100km", petrol_price="0.55 EUR/l", diesel_price="0.50 EUR/l",
    ...     co2="132 g/km", nox="0.08 g/km", nmhc="0.02 g/km", pm="0.0045 g/km")
    >>> round(float(lcc.evaluate(car, lcc.Study("10 yr", 0.04, currency="EUR")).value), 2)
    26208.7
    """
    values = read_inputs(NAME, INPUTS, inputs, selector=SELECTOR)
    if values["method"] == "cvd":
        return build(NAME, name, lambda: _cvd_items(values), count=values["units"],
                     description=Msg("{title} (method cvd: {method}, undiscounted)",
                                     title=Msg(TITLE), method=_CVD), given=inputs)
    args = {k: v for k, v in values.items() if k not in ("method", "units")}
    if args["emission_prices"] == "none":
        args["emission_prices"] = None
    try:
        alt = vehicle_alternative(name, quantity=values["units"], **args)
    except LCCError as exc:
        raise _passed_on(exc) from None
    return remember(alt, NAME, inputs)


#: The fuel whose price per MJ sets the energy price, in words.
_SET_BY = {"petrol": Msg("petrol"), "diesel": Msg("diesel"),
           "petrol and diesel (equal)": Msg("petrol and diesel (equal)")}


#: The input each field of the items of method 'lcc' is made from (vehicle_alternative).
_FEEDS = {"Investment.amount": "price", "Investment.life": "life",
          "Investment.residual": "residual", "Energy.distance": "annual_mileage",
          "Energy.consumption": "consumption", "Energy.price": "fuel_price",
          "Energy.escalation": "fuel_escalation", "Energy.emission_factor": "emission_factor",
          "Recurring.amount": "maintenance", "Alternative.quantity": "units"}


def _passed_on(exc: LCCError) -> LCCError:
    """Each error of the Directive's functions or of the items built from the inputs as the
    calculator's error of the input it is about (the input its ``field`` names, or the one
    that field is made from), its message and code kept."""
    names = {inp.name for inp in INPUTS}
    errors = []
    for err in exc.errors:
        key = err.field if err.field in names else _FEEDS.get(err.field or "")
        errors.append(fail(NAME, cast(Msg, err.message), key=key, code=err.code))
    if len(errors) == 1:
        return errors[0]
    return LCCError(join("\n", (e.message for e in errors)), field=errors[0].field,
                    code=errors[0].code or "invalid-value", errors=errors)


def _cvd_items(values: dict[str, Any]) -> list[Any]:
    """Purchase plus the Directive's lifetime costs as one-off amounts at t = 0.

    Each lifetime cost is an :class:`lcc.Product` of the inputs it is made
    of: energy = mileage × consumption [× energy content] × the price per MJ,
    a pollutant = mileage × g/km × its cost per kg [× emission_cost_factor],
    so every input but the two fuel prices (of which the lower per MJ sets
    the price) may be a Parameter.
    """
    from lcc.model import Investment, OneOff
    from lcc.templates._common import product

    for key in ("co2", "nox", "nmhc", "pm"):
        if values[key] is None:
            raise fail(NAME, Msg("missing input {key!r} (bidder): method 'cvd' prices the "
                                 "exhaust emissions of CO2, NOx, NMHC and PM, e.g. "
                                 "{key}='0.02 g/km'", key=key), key=key, code="missing-field",
                       detail=Msg("missing (bidder): method 'cvd' prices the exhaust emissions "
                                  "of CO2, NOx, NMHC and PM, e.g. {key}='0.02 g/km'", key=key))
    reg = get_registry()
    prices = [parse_quantity(values[k], "CUR/l", name=k) for k in ("petrol_price",
                                                                   "diesel_price")]
    codes = [currency_of(q) for q in prices]
    if codes[0] != codes[1]:
        raise fail(NAME, Msg("{name}: got {value!r} ({currency}) but petrol_price is in "
                             "{other}; give both in the same currency",
                             name=the_input("diesel_price"), value=values["diesel_price"],
                             currency=codes[1], other=codes[0]), key="diesel_price")
    # The Directive's function checks every input (at the base values of Parameters) and
    # finds the price per MJ: the lower of petrol and diesel. That price is linear in the
    # fuel prices whatever their currency, so it is computed with the magnitudes written as
    # EUR (then no exchange rate is needed for the Directive's EUR emission costs, which are
    # priced separately below) and given back its own currency.
    as_eur = [reg.Quantity(magnitude_in(q, "CUR/l"), "EUR/l") for q in prices]
    zero = "0 g/km"
    try:
        _check_factor(values["emission_cost_factor"])
        cost = clean_vehicles_directive(
            values["category"], values["fuel"], base_value(values["consumption"]),
            petrol_price=as_eur[0], diesel_price=as_eur[1], co2=zero, nox=zero, nmhc=zero,
            pm=zero, mileage=base_value(values["mileage"]),
            energy_content=base_value(values["energy_content"]))
    except LCCError as exc:
        raise _passed_on(exc) from None
    km = values["mileage"] if values["mileage"] is not None else \
        reg.Quantity(cost.attrs["mileage"], "km")
    per_mj = reg.Quantity(float(cost.attrs["energy_price_per_mj"]), f"{codes[0]}/MJ")
    content: Any = None
    if cost.attrs["energy_content_source"] == "given":
        content = values["energy_content"]
    elif cost.attrs["energy_content_source"] == "directive":
        low, _, unit = _constants().energy_content[cost.attrs["fuel"]]
        content = reg.Quantity(low, unit)
    energy = product(km, values["consumption"], *([content] if content is not None else []),
                     per_mj)
    factor = values["emission_cost_factor"]
    items: list[Any] = [
        Investment(values["price"], label=N_("Purchase")),
        OneOff(energy, at=0, category="energy",
               label=Msg("Lifetime energy ({fuel} price per MJ, Directive 2009/33/EC)",
                         fuel=_SET_BY[cost.attrs["energy_price_set_by"]])),
    ]
    for pollutant in POLLUTANTS:
        price = _cvd_price(pollutant, values["co2_price"], 1.0)
        amount = product(km, values[pollutant.lower()], price, factor)
        items.append(OneOff(amount, at=0, category="externality",
                            label=Msg("Lifetime {pollutant} (Directive 2009/33/EC, its cost "
                                      "per kg at {year} prices)", pollutant=pollutant,
                                      year=_constants().price_base)))
    return items
