"""Indoor lighting: luminaires with controls, priced over the study (LCC-kalkyl belysning).

Upphandlingsmyndigheten's calculator for indoor lighting compares bids by
their life-cycle cost: the buyer fixes the operating hours (drifttid), the
electricity price and the period of use; each bidder states the luminaires of
its design, their power, price and life.

Formulas (per luminaire; ``luminaires`` becomes :attr:`lcc.Alternative.quantity`):

- energy per year [kWh/yr] = power [W] / 1000 × operating_hours [h/yr] ×
  (1 − control_savings) — EN 15193-1:2017, where the control factors
  (occupancy, daylight, constant illuminance) reduce the installed power ×
  operating hours; so for the installation: luminaires × power × hours ×
  (1 − control savings). The power of the :class:`lcc.Energy` item is the
  :class:`lcc.Product` power × (1 − control_savings), so both stay
  Parameters;
- energy cost: that energy × electricity_price, escalating at ``escalation``
  (present value with UPV*, NIST Handbook 135); emissions = energy ×
  ``emission_factor`` (kg CO2e, priced only with the study's carbon price);
- acquisition: ``price`` (incl. installation) at t = 0, replaced after
  ``life`` years with a linear residual value at the end of the study (docs:
  Concepts › Service lives); a life in burning hours is life_h / operating_hours years (with the
  hours' base value, so such a life cannot be a Parameter; a life in years
  can);
- maintenance per year (present value with UPV).

References
----------
Upphandlingsmyndigheten, LCC-verktyg (LCC-kalkyl för inomhusbelysning) and
"Parametrar i en LCC-kalkyl"; EN 15193-1:2017; IEC 62717 (rated life of LED
modules); NIST Handbook 135; Directive 2014/24/EU art. 68.
"""

from __future__ import annotations

from typing import Any

from lcc._errors import Msg
from lcc._i18n import N_
from lcc.model import Alternative
from lcc.templates._common import build, electricity_price, emission_factor, escalation
from lcc.templates._inputs import Input, read_inputs
from lcc.templates._lighting import luminaire_inputs, luminaire_items

__all__ = ["INPUTS", "METHOD", "NAME", "TITLE", "alternative"]

NAME = "indoor_lighting"
TITLE = N_("Indoor lighting: luminaires, controls, electricity and maintenance")
#: The method in words (shown on bid forms and in ``lcc calculators``): a catalogue message.
METHOD = N_(
    "Per luminaire, multiplied by the number of luminaires. Energy per year = power per "
    "luminaire × operating hours per year × (1 − energy saved by controls) (EN 15193-1:2017). "
    "Energy cost = that energy × electricity price, changing each year with the real change "
    "of the electricity price, as a present value over the period of use (NIST Handbook 135); "
    "emissions = energy × emission factor of electricity (kg CO2e, priced only with a carbon "
    "price). Purchase: the price per luminaire including installation at the start, bought "
    "again at the end of each service life; the luminaire in service at the end of the period "
    "leaves a linear residual value. A life in burning hours is divided by the operating "
    "hours per year. Maintenance: a cost per year, as a present value.")

INPUTS: tuple[Input, ...] = (
    *luminaire_inputs(controls=N_("Share of the energy saved by controls (presence detection, "
                                  "daylight dimming, constant illuminance), 0–1")),
    Input("operating_hours", "buyer", "h/yr",
          N_("Operating (burning) hours per year of the lighting"),
          N_("Upphandlingsmyndigheten, LCC-verktyg and 'Parametrar i en LCC-kalkyl' (internal "
             "parameters set by the buyer): drifttid; EN 15193-1:2017 (energy requirements for "
             "lighting)"), example="2800 h/yr", label=N_("Operating hours per year")),
    electricity_price(),
    escalation(),
    emission_factor(),
)


def alternative(name: str, **inputs: Any) -> Alternative:
    """An indoor lighting bid as an :class:`lcc.Alternative`.

    Parameters
    ----------
    name : str
        Name of the alternative (the bid).
    **inputs
        See :data:`INPUTS`: ``luminaires``, ``power``, ``price``,
        ``control_savings``, ``maintenance``, ``life`` (bidder);
        ``operating_hours``, ``electricity_price``, ``escalation``,
        ``emission_factor`` (buyer). Every input but a life in burning hours
        may be a Parameter.

    Returns
    -------
    lcc.Alternative
        Items: the luminaire (Investment), electricity (Energy: power ×
        (1 − control_savings) × operating_hours), maintenance (Recurring);
        quantity = luminaires.

    Raises
    ------
    LCCError
        Naming the calculator and the input, for unknown, missing or invalid
        inputs.

    Examples
    --------
    >>> import lcc
    >>> from lcc.templates import indoor_lighting
    >>> bid = indoor_lighting.alternative(
    ...     "LED A", luminaires=100, power="30 W", price="2000 SEK",
    ...     operating_hours="3000 h/yr", electricity_price="1.5 SEK/kWh")
    >>> round(float(lcc.evaluate(bid, lcc.Study("1 yr", 0.0)).value))  # 200 000 + 13 500
    213500
    """
    values = read_inputs(NAME, INPUTS, inputs)
    hours = values["operating_hours"]
    return build(
        NAME, name,
        lambda: luminaire_items(NAME, values, hours, [(1.0, hours, N_("Electricity"))]),
        count=values["luminaires"], description=Msg(TITLE), given=inputs,
    )
