"""Dishwashers (household appliances, e.g. for municipal housing and care homes).

Upphandlingsmyndigheten's calculator for dishwashers (vitvaror): the buyer sets
the electricity price, the cold-water price per m³, the number of units and the
period of use (the study period); each bidder gives its price and the annual
energy and water use from the EU energy label.

Formula, per unit (``units`` becomes :attr:`lcc.Alternative.quantity`)::

    LCC = units × (price + (energy × electricity_price + water × water_price) × UPV)

with energy in kWh/yr, water as a volume per year (the label states litres;
the water price is per m³, 1 m³ = 1 000 l) and UPV = (1 − (1 + d)^−N) / d the
uniform present value factor of the study (UPV* when the electricity price
escalates; NIST Handbook 135). The dishwasher serves the whole period of use:
no replacement and no residual value, as in the calculator.

The label figures: on the label of Regulation (EU) No 1059/2010 the annual
energy (kWh/annum) and water (litres/annum) are based on 280 standard cleaning
cycles a year; the label of Delegated Regulation (EU) 2019/2017 states energy
per 100 cycles and water per cycle — multiply by the cycles per year the
buyer expects (e.g. 280) to get the annual figures.

References
----------
Upphandlingsmyndigheten, LCC-verktyg (LCC-kalkyl diskmaskiner) and
"Parametrar i en LCC-kalkyl"; Commission Delegated Regulation (EU) No 1059/2010;
Commission Delegated Regulation (EU) 2019/2017; NIST Handbook 135; Directive
2014/24/EU art. 68.
"""

from __future__ import annotations

from typing import Any

from lcc._errors import Msg
from lcc._i18n import N_
from lcc.model import Alternative, CostItem, Investment, Water
from lcc.templates._common import (
    build,
    electricity,
    electricity_price,
    emission_factor,
    escalation,
    units,
)
from lcc.templates._inputs import Input, read_inputs

__all__ = ["INPUTS", "METHOD", "NAME", "TITLE", "alternative"]

NAME = "dishwasher"
TITLE = N_("Dishwashers (household): price, energy and water from the EU energy label")
#: The method in words (shown on bid forms and in ``lcc calculators``): a catalogue message.
METHOD = N_(
    "Per dishwasher, multiplied by the number of units: LCC = price + (energy use per year × "
    "electricity price + water use per year × water price) × the present value factor of the "
    "period of use (NIST Handbook 135; with the real change of the electricity price where "
    "the buyer gives one). The water price is per m³ (1 m³ = 1 000 litres). The dishwasher "
    "serves the whole period of use: no replacement and no residual value, as in "
    "Upphandlingsmyndigheten's calculator. On the label of Regulation (EU) No 1059/2010 the "
    "annual energy and water use are based on 280 cycles a year; the label of Regulation (EU) "
    "2019/2017 states energy per 100 cycles and water per cycle, to be multiplied by the "
    "cycles per year.")

INPUTS: tuple[Input, ...] = (
    Input("price", "bidder", "SEK",
          N_("Price per dishwasher including delivery, excluding VAT"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each bidder): "
             "pris inkl. leverans"), example="6500 SEK", label=N_("Price per dishwasher")),
    Input("energy", "bidder", "kWh/yr", N_("Energy use per dishwasher and year"),
          N_("EU energy label: annual energy consumption, kWh/annum (Regulation (EU) No "
             "1059/2010, 280 cycles), or energy per 100 cycles × cycles/100 (Regulation (EU) "
             "2019/2017)"), example="240 kWh/yr", label=N_("Energy use per year")),
    Input("water", "bidder", "l/yr", N_("Water use per dishwasher and year (litres)"),
          N_("EU energy label: annual water consumption, litres/annum (Regulation (EU) No "
             "1059/2010), or water per cycle × cycles per year (Regulation (EU) 2019/2017)"),
          example="2800 l/yr", label=N_("Water use per year")),
    electricity_price(),
    Input("water_price", "buyer", "SEK/m**3",
          N_("Price of cold water per m³ (water and sewage charge), excluding VAT"),
          N_("Upphandlingsmyndigheten, LCC-verktyg and 'Parametrar i en LCC-kalkyl' (internal "
             "parameters set by the buyer): vattenpris (kr/m³), from the municipal water "
             "tariff"), example="45 SEK/m³", per_year=True, label=N_("Water price")),
    units(meaning=N_("Number of dishwashers bought (antal); multiplies every cost and "
                     "emission"), label=N_("Number of dishwashers")),
    escalation(),
    emission_factor(),
)


def alternative(name: str, **inputs: Any) -> Alternative:
    """A dishwasher bid as an :class:`lcc.Alternative`.

    Parameters
    ----------
    name : str
        Name of the alternative (the bid).
    **inputs
        See :data:`INPUTS`: ``price``, ``energy``, ``water`` (bidder);
        ``electricity_price``, ``water_price``, ``units``, ``escalation``,
        ``emission_factor`` (buyer). Every input may be a Parameter.

    Returns
    -------
    lcc.Alternative
        Items: the purchase (Investment, no life), electricity (Energy,
        ``energy`` × ``electricity_price``), water (Water, ``water`` ×
        ``water_price``); quantity = units.

    Raises
    ------
    LCCError
        Naming the calculator and the input, for unknown, missing or invalid
        inputs.

    Examples
    --------
    >>> import lcc
    >>> from lcc.templates import dishwasher
    >>> bid = dishwasher.alternative(
    ...     "A", price="6000 SEK", energy="200 kWh/yr", water="2000 l/yr",
    ...     electricity_price="1.5 SEK/kWh", water_price="40 SEK/m**3", units=2)
    >>> # 2 × (6 000 + 200 × 1.5 + 2 m³ × 40) = 12 760 SEK in one year, undiscounted
    >>> round(float(lcc.evaluate(bid, lcc.Study("1 yr", 0.0)).value))
    12760
    """
    values = read_inputs(NAME, INPUTS, inputs)

    def items() -> list[CostItem]:
        return [
            Investment(values["price"], label=N_("Dishwasher incl. delivery")),
            electricity(values, annual=values["energy"], label=N_("Electricity")),
            Water(annual=values["water"], price=values["water_price"], label=N_("Water")),
        ]

    return build(NAME, name, items, count=values["units"], description=Msg(TITLE),
                 given=inputs)
