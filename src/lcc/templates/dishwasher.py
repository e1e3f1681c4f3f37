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

from lcc.model import Alternative, CostItem, Investment, Water
from lcc.templates._common import (
    UHM,
    UHM_BID,
    build,
    electricity,
    electricity_price,
    emission_factor,
    escalation,
    units,
)
from lcc.templates._inputs import Input, read_inputs

__all__ = ["INPUTS", "NAME", "TITLE", "alternative"]

NAME = "dishwasher"
TITLE = "Dishwashers (household): price, energy and water from the EU energy label"

LABEL = ("EU energy label: annual energy consumption, kWh/annum (Regulation (EU) No 1059/2010, "
         "280 cycles), or energy per 100 cycles × cycles/100 (Regulation (EU) 2019/2017)")
WATER_LABEL = ("EU energy label: annual water consumption, litres/annum (Regulation (EU) "
               "No 1059/2010), or water per cycle × cycles per year (Regulation (EU) 2019/2017)")

INPUTS: tuple[Input, ...] = (
    Input("price", "bidder", "SEK", "Price per dishwasher including delivery, excluding VAT",
          f"{UHM_BID}: pris inkl. leverans", example="6500 SEK"),
    Input("energy", "bidder", "kWh/yr", "Energy use per dishwasher and year", LABEL,
          example="240 kWh/yr"),
    Input("water", "bidder", "l/yr", "Water use per dishwasher and year (litres)", WATER_LABEL,
          example="2800 l/yr"),
    electricity_price(),
    Input("water_price", "buyer", "SEK/m**3",
          "Price of cold water per m³ (water and sewage charge), excluding VAT",
          f"{UHM}: vattenpris (kr/m³), from the municipal water tariff", example="45 SEK/m**3",
          per_year=True),
    units(meaning="Number of dishwashers bought (antal); multiplies every cost and emission"),
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
            Investment(values["price"], label="Dishwasher incl. delivery"),
            electricity(values, annual=values["energy"], label="Electricity"),
            Water(annual=values["water"], price=values["water_price"], label="Water"),
        ]

    return build(NAME, name, items, count=values["units"], description=TITLE,
                 given=inputs)
