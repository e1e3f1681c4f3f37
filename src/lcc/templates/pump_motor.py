"""Pumps and motor drives: electrical energy from shaft power, efficiency and a load profile.

The buyer describes how the system runs — so many hours per year at each load
(fraction of the shaft power at the duty point); each bidder gives the shaft
power its pump needs at the duty point, the efficiency of motor (and drive)
from shaft to grid, price, maintenance and life.

Formulas, per unit (``units`` becomes :attr:`lcc.Alternative.quantity`):

- electrical energy per year [kWh/yr] = Σ_i hours_i [h/yr] × shaft_power [kW]
  × load_i / efficiency — the energy term of the pump life-cycle cost of
  Europump and the Hydraulic Institute (2001), summed over the load profile;
  each step is one :class:`lcc.Energy` item whose power is the
  :class:`lcc.Product` shaft_power × load_i × 1/efficiency over hours_i, so
  the shaft power, the efficiency and each step's hours and load may be
  Parameters (as may every other input); ``efficiency`` is one number for
  every load (a motor's
  efficiency drops at low load: give the profile's weighted mean, or split
  the alternative);
- energy cost with ``electricity_price`` and ``escalation`` (UPV*, NIST
  Handbook 135), emissions with ``emission_factor``;
- acquisition: ``price`` at t = 0, replaced after ``life`` years with a
  linear residual value at the end of the study (docs: Concepts › Service lives); maintenance per
  year.

IE efficiency classes (IEC 60034-30-1, Regulation (EU) 2019/1781) are not
translated into efficiencies: lcc ships no table of them, so give the
efficiency of the offered motor as a number.

References
----------
Europump and Hydraulic Institute, "Pump Life Cycle Costs: A Guide to LCC
Analysis for Pumping Systems" (2001); Upphandlingsmyndigheten, LCC-verktyg and
"Parametrar i en LCC-kalkyl"; NIST Handbook 135; Directive 2014/24/EU art. 68.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lcc._errors import Msg
from lcc._i18n import N_
from lcc.model import Alternative, CostItem, Investment, Recurring, reciprocal
from lcc.templates._common import (
    build,
    electricity,
    electricity_price,
    emission_factor,
    escalation,
    product,
    share_text,
    units,
)
from lcc.templates._inputs import Input, base_value, fail, number, read_inputs, the_input

__all__ = ["INPUTS", "METHOD", "NAME", "TITLE", "alternative"]

NAME = "pump_motor"
TITLE = N_("Pumps and motors: shaft power, efficiency and a load profile")
#: The method in words (shown on bid forms and in ``lcc calculators``): a catalogue message.
METHOD = N_(
    "Per pump unit, multiplied by the number of units. Electrical energy per year = the sum, "
    "over the steps of the load profile, of hours per year × shaft power × share of the "
    "duty-point load ÷ efficiency (Europump and Hydraulic Institute, Pump Life Cycle Costs, "
    "2001); the efficiency is one figure for every load. Energy cost = that energy × "
    "electricity price, changing each year with the real change of the electricity price, as "
    "a present value (NIST Handbook 135); emissions = energy × emission factor of "
    "electricity. Purchase: the price at the start, bought again at the end of each service "
    "life; the unit in service at the end of the period leaves a linear residual value. "
    "Maintenance: a cost per year, as a present value.")

INPUTS: tuple[Input, ...] = (
    Input("shaft_power", "bidder", "kW",
          N_("Shaft power the pump needs at the duty point (100 % load)"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
             "bidder); the pump's performance curve at the tendered duty point"),
          example="7.5 kW", label=N_("Shaft power at the duty point")),
    Input("efficiency", "bidder", "1",
          N_("Efficiency from grid to shaft (motor, and drive if any), greater than 0 and at "
             "most 1"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
             "bidder); motor data sheet (IEC 60034-2-1 test method)"), example=0.92,
          kind="number", maximum=1.0, label=N_("Efficiency")),
    Input("price", "bidder", "SEK",
          N_("Price per pump unit including installation, excluding VAT"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
             "bidder): pris"), example="60000 SEK", label=N_("Price per pump unit")),
    Input("maintenance", "bidder", "SEK/yr", N_("Maintenance per unit and year"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
             "bidder): underhåll; Europump and Hydraulic Institute, 'Pump Life Cycle Costs: A "
             "Guide to LCC Analysis for Pumping Systems' (2001)"), required=False,
          example="2000 SEK/yr", label=N_("Maintenance per unit")),
    Input("life", "bidder", "yr",
          N_("Service life; replaced at its end, linear residual value at the end of the "
             "study; left out, the unit lasts the study"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
             "bidder)"), required=False, example="15 yr", label=N_("Service life"), exclusive=True),
    Input("load_profile", "buyer", "h/yr",
          N_("Hours per year at each load, as (hours per year, share of the duty-point shaft "
             "power) pairs; the hours and the shares may be parameters of the tender"),
          N_("Upphandlingsmyndigheten, LCC-verktyg and 'Parametrar i en LCC-kalkyl' (internal "
             "parameters set by the buyer): drifttid; Europump and Hydraulic Institute, 'Pump "
             "Life Cycle Costs: A Guide to LCC Analysis for Pumping Systems' (2001): energy "
             "cost = Σ power input at each load × hours"),
          example=[("2000 h/yr", 1.0), ("4000 h/yr", 0.6)], kind="profile", maximum=None,
          label=N_("Load profile")),
    electricity_price(),
    units(meaning=N_("Number of pump units bought (antal); multiplies every cost and "
                     "emission"), label=N_("Number of pump units")),
    escalation(),
    emission_factor(),
)


def alternative(name: str, **inputs: Any) -> Alternative:
    """A pump (or motor drive) bid as an :class:`lcc.Alternative`.

    Parameters
    ----------
    name : str
        Name of the alternative (the bid).
    **inputs
        See :data:`INPUTS`: ``shaft_power``, ``efficiency``, ``price``,
        ``maintenance``, ``life`` (bidder); ``load_profile``,
        ``electricity_price``, ``units``, ``escalation``, ``emission_factor``
        (buyer). Every input may be a Parameter (in the profile: each step's
        hours and load).

    Returns
    -------
    lcc.Alternative
        Items: the purchase (Investment), one Energy item per load step
        (Product(shaft_power, load, reciprocal(efficiency)) over its hours),
        maintenance;
        quantity = units.

    Raises
    ------
    LCCError
        Naming the calculator and the input, for unknown, missing or invalid
        inputs (an efficiency of 0 too).

    Examples
    --------
    >>> import lcc
    >>> from lcc.templates import pump_motor
    >>> pump = pump_motor.alternative(
    ...     "P", shaft_power="10 kW", efficiency=0.8, price="50000 SEK",
    ...     load_profile=[("1000 h/yr", 1.0), ("2000 h/yr", 0.5)],
    ...     electricity_price="1 SEK/kWh")
    >>> # (1 000 h × 10 kW + 2 000 h × 5 kW) / 0.8 = 25 000 kWh/yr
    >>> round(float(lcc.evaluate(pump, lcc.Study("1 yr", 0.0)).by_category["energy"]))
    25000
    """
    values = read_inputs(NAME, INPUTS, inputs)
    eff = number(values["efficiency"])
    if np.any(np.asarray(eff) <= 0):
        raise fail(NAME, Msg("{name}: got {value!r}; expected a number greater than 0 (and at "
                             "most 1)", name=the_input("efficiency"),
                             value=base_value(values["efficiency"])), key="efficiency")
    life = values["life"]

    def items() -> list[CostItem]:
        out: list[CostItem] = [
            Investment(values["price"], life=life,
                       residual="linear" if life is not None else None, label=N_("Pump unit")),
        ]
        for i, (hours, load) in enumerate(values["load_profile"], start=1):
            power = product(values["shaft_power"], load, reciprocal(values["efficiency"]))
            out.append(electricity(values, power=power, hours=hours,
                                   label=Msg("Electricity, step {step}: {share} load", step=i,
                                             share=share_text(load))))
        if values["maintenance"] is not None:
            out.append(Recurring(values["maintenance"], label=N_("Maintenance")))
        return out

    return build(NAME, name, items, count=values["units"], description=Msg(TITLE),
                 given=inputs)
