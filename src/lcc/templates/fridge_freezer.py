"""Professional refrigerators and freezers (storkök), with EN 441 test data.

Upphandlingsmyndigheten's calculator for professional fridges and freezers:
the buyer sets the days of use per year, the electricity price, the number of
units and the period of use (the study period); each bidder gives its price,
the net volume (litres, EN 441) and the energy use in kWh per 48 hours per m³
of net volume (EN 441).

Formula, per unit (``units`` becomes :attr:`lcc.Alternative.quantity`)::

    annual energy [kWh/yr] = energy_48h [kWh/(48 h)/m³] × net_volume [m³]
                             × usage_days [d/yr] × 24 h/d
    LCC = units × (price + annual energy × electricity_price × UPV)

so 2.5 kWh/(48 h)/m³ × 600 l (0.6 m³) = 1.5 kWh per 48 h = 0.75 kWh/d, and
× 300 d/yr = 225 kWh/yr. In the model the cabinet is a constant electrical load,
the :class:`lcc.Product` energy_48h × net_volume (0.03125 kW here), over
usage_days × 24 h/yr, so every input may be a Parameter. No replacement and no
residual value, as in the calculator; UPV (UPV* with escalation) per NIST
Handbook 135.

EN 441 (refrigerated display cabinets) has been superseded by EN ISO 23953;
the labelled professional storage cabinets of Delegated Regulation (EU)
2015/1094 state an annual energy consumption directly.

References
----------
Upphandlingsmyndigheten, LCC-verktyg (LCC-kalkyl kyl och frys, storkök):
användningsdagar, nettovolym (liter, EN 441), energianvändning (kWh/48h/m³,
EN 441); EN 441 / EN ISO 23953; NIST Handbook 135; Directive 2014/24/EU art. 68.
"""

from __future__ import annotations

from typing import Any

from lcc._errors import Msg
from lcc._i18n import N_
from lcc.model import Alternative, CostItem, Investment
from lcc.templates._common import (
    build,
    electricity,
    electricity_price,
    emission_factor,
    escalation,
    product,
    units,
)
from lcc.templates._inputs import Input, read_inputs

__all__ = ["INPUTS", "METHOD", "NAME", "TITLE", "alternative"]

NAME = "fridge_freezer"
TITLE = N_("Professional fridges and freezers: net volume and energy per 48 h (EN 441)")
#: The method in words (shown on bid forms and in ``lcc calculators``): a catalogue message.
METHOD = N_(
    "Per cabinet, multiplied by the number of cabinets. Energy per year = energy use per 48 h "
    "per m³ × net volume (m³) × days of use per year × 24 h ÷ 48 h (EN 441, now EN ISO "
    "23953); so 2.5 kWh per 48 h and m³ × 600 litres × 300 days = 225 kWh a year. LCC = price "
    "+ energy per year × electricity price × the present value factor of the period of use "
    "(NIST Handbook 135; with the real change of the electricity price where the buyer gives "
    "one). No replacement and no residual value, as in Upphandlingsmyndigheten's calculator.")

INPUTS: tuple[Input, ...] = (
    Input("price", "bidder", "SEK", N_("Price per cabinet including delivery, excluding VAT"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each bidder): "
             "pris inkl. leverans"), example="28000 SEK", label=N_("Price per cabinet")),
    Input("net_volume", "bidder", "l",
          N_("Net volume of the cabinet (litres or m³)"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each bidder): "
             "nettovolym, measured by EN 441 (now EN ISO 23953)"), example="600 l",
          label=N_("Net volume")),
    Input("energy_48h", "bidder", "kWh/(48 h)/m**3",
          N_("Energy use per 48 hours per m³ of net volume"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each bidder): "
             "energianvändning kWh/48h/m³, tested by EN 441 (now EN ISO 23953)"),
          example="2.5 kWh/(48 h)/m³", label=N_("Energy use per 48 h and m³")),
    Input("usage_days", "buyer", "d/yr", N_("Days per year the cabinet is in use"),
          N_("Upphandlingsmyndigheten, LCC-verktyg and 'Parametrar i en LCC-kalkyl' (internal "
             "parameters set by the buyer): användningsdagar per år"), required=False,
          default="365 d/yr", example="300 d/yr", label=N_("Days of use per year")),
    electricity_price(),
    units(meaning=N_("Number of cabinets bought (antal); multiplies every cost and emission"),
          label=N_("Number of cabinets")),
    escalation(),
    emission_factor(),
)


def alternative(name: str, **inputs: Any) -> Alternative:
    """A professional fridge or freezer bid as an :class:`lcc.Alternative`.

    Parameters
    ----------
    name : str
        Name of the alternative (the bid).
    **inputs
        See :data:`INPUTS`: ``price``, ``net_volume``, ``energy_48h``
        (bidder); ``usage_days``, ``electricity_price``, ``units``,
        ``escalation``, ``emission_factor`` (buyer). Every input may be a
        Parameter.

    Returns
    -------
    lcc.Alternative
        Items: the purchase (Investment, no life) and electricity (Energy,
        power = Product(energy_48h, net_volume) over hours = usage_days);
        quantity = units.

    Raises
    ------
    LCCError
        Naming the calculator and the input, for unknown, missing or invalid
        inputs.

    Examples
    --------
    >>> import lcc
    >>> from lcc.templates import fridge_freezer
    >>> bid = fridge_freezer.alternative(
    ...     "A", price="20000 SEK", net_volume="600 l", energy_48h="2.5 kWh/(48 h)/m**3",
    ...     usage_days="300 d/yr", electricity_price="2 SEK/kWh")
    >>> # 2.5 × 0.6 m³ = 1.5 kWh per 48 h × 300 d / 2 d = 225 kWh/yr × 2 SEK/kWh
    >>> round(float(lcc.evaluate(bid, lcc.Study("1 yr", 0.0)).by_category["energy"]))
    450
    """
    values = read_inputs(NAME, INPUTS, inputs)

    def items() -> list[CostItem]:
        load = product(values["energy_48h"], values["net_volume"])
        return [
            Investment(values["price"], label=N_("Cabinet incl. delivery")),
            electricity(values, power=load, hours=values["usage_days"], label=N_("Electricity")),
        ]

    return build(NAME, name, items, count=values["units"], description=Msg(TITLE),
                 given=inputs)
