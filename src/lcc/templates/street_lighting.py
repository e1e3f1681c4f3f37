"""Street (road) lighting: luminaires with a dimming profile over the night.

As :mod:`lcc.templates.indoor_lighting`, but the luminaires run through a
dimming profile: so many hours per year at full power, so many at a dimmed
level (Upphandlingsmyndigheten's calculator for outdoor lighting; the annual
energy of road lighting by EN 13201-5).

Formulas (per luminaire; ``luminaires`` becomes :attr:`lcc.Alternative.quantity`):

- energy per year [kWh/yr] = power [W] / 1000 × (1 − control_savings) ×
  Σ_j hours_j [h/yr] × fraction_j — EN 13201-5:2015, the annual energy
  consumption as the sum over the operating periods j of the power in the
  period × its duration; each step of the profile is one
  :class:`lcc.Energy` item whose power is the :class:`lcc.Product` power ×
  (1 − control_savings) × fraction_j, so the bidder's power and control
  savings and each step's hours and fraction may be Parameters;
- without a profile, ``operating_hours`` at full power (one step);
- energy cost, emissions, acquisition with replacement and residual value, and
  maintenance as in :mod:`lcc.templates.indoor_lighting`; a life in burning
  hours is life_h / Σ_j hours_j years (with the hours' base values: a life in
  burning hours cannot be a Parameter, a life in years can).

References
----------
Upphandlingsmyndigheten, LCC-verktyg (LCC-kalkyl för utomhusbelysning);
EN 13201-5:2015 (road lighting — energy performance indicators); IEC 62717;
NIST Handbook 135; Directive 2014/24/EU art. 68.
"""

from __future__ import annotations

from typing import Any

from lcc._errors import Msg
from lcc._i18n import N_
from lcc.model import Alternative
from lcc.templates._common import (
    build,
    electricity_price,
    emission_factor,
    escalation,
    share_text,
)
from lcc.templates._inputs import Input, fail, quantity, read_inputs
from lcc.templates._lighting import luminaire_inputs, luminaire_items

__all__ = ["INPUTS", "METHOD", "NAME", "TITLE", "alternative"]

NAME = "street_lighting"
TITLE = N_("Street lighting: luminaires with a dimming profile, electricity and maintenance")
#: The method in words (shown on bid forms and in ``lcc calculators``): a catalogue message.
METHOD = N_(
    "Per luminaire, multiplied by the number of luminaires. Energy per year = power per "
    "luminaire × (1 − energy saved by controls) × the sum, over the steps of the dimming "
    "profile, of hours per year × share of full power (EN 13201-5:2015); without a profile, "
    "the operating hours at full power. Energy cost = that energy × electricity price, "
    "changing each year with the real change of the electricity price, as a present value "
    "over the period of use (NIST Handbook 135); emissions = energy × emission factor of "
    "electricity (kg CO2e, priced only with a carbon price). Purchase: the price per "
    "luminaire including installation at the start, bought again at the end of each service "
    "life; the luminaire in service at the end of the period leaves a linear residual value. "
    "A life in burning hours is divided by the hours per year of the profile. Maintenance: a "
    "cost per year, as a present value.")

INPUTS: tuple[Input, ...] = (
    *luminaire_inputs(controls=N_("Share of the energy saved by controls (e.g. constant light "
                                  "output, presence detection), 0–1")),
    Input("dimming_profile", "buyer", "h/yr",
          N_("Hours per year at each power level, as (hours per year, share of full power) "
             "pairs; the hours and the shares may be parameters of the tender. Give this or "
             "the operating hours"),
          N_("Upphandlingsmyndigheten, LCC-verktyg and 'Parametrar i en LCC-kalkyl' (internal "
             "parameters set by the buyer): drifttid and dimning; EN 13201-5:2015 (road "
             "lighting, energy performance indicators): annual energy = Σ power in each "
             "operating period × its duration"), required=False,
          example=[("1500 h/yr", 1.0), ("2500 h/yr", 0.5)], kind="profile", maximum=1.0,
          label=N_("Dimming profile")),
    Input("operating_hours", "buyer", "h/yr",
          N_("Operating hours per year at full power, when there is no dimming profile"),
          N_("Upphandlingsmyndigheten, LCC-verktyg and 'Parametrar i en LCC-kalkyl' (internal "
             "parameters set by the buyer): drifttid"), required=False, example="4000 h/yr",
          label=N_("Operating hours per year")),
    electricity_price(),
    escalation(),
    emission_factor(),
)


def alternative(name: str, **inputs: Any) -> Alternative:
    """A street lighting bid as an :class:`lcc.Alternative`.

    Parameters
    ----------
    name : str
        Name of the alternative (the bid).
    **inputs
        See :data:`INPUTS`: ``luminaires``, ``power``, ``price``,
        ``control_savings``, ``maintenance``, ``life`` (bidder);
        ``dimming_profile`` or ``operating_hours``, ``electricity_price``,
        ``escalation``, ``emission_factor`` (buyer). Every input but a life in
        burning hours may be a Parameter (in a profile: each step's hours and
        fraction).

    Returns
    -------
    lcc.Alternative
        Items: the luminaire (Investment), one Energy item per step of the
        profile (power × (1 − control_savings) × fraction × hours),
        maintenance; quantity = luminaires.

    Raises
    ------
    LCCError
        Naming the calculator and the input; also when both or neither of
        ``dimming_profile`` and ``operating_hours`` are given.

    Examples
    --------
    >>> import lcc
    >>> from lcc.templates import street_lighting
    >>> bid = street_lighting.alternative(
    ...     "LED", luminaires=10, power="50 W", price="5000 SEK",
    ...     dimming_profile=[("1000 h/yr", 1.0), ("3000 h/yr", 0.5)],
    ...     electricity_price="1 SEK/kWh")
    >>> # 10 × 50 W × (1000 h × 1 + 3000 h × 0.5) = 1 250 kWh/yr
    >>> round(float(lcc.evaluate(bid, lcc.Study("1 yr", 0.0)).by_category["energy"]))
    1250
    """
    values = read_inputs(NAME, INPUTS, inputs)
    profile = values["dimming_profile"]
    hours = values["operating_hours"]
    if profile is not None and hours is not None:
        raise fail(NAME, Msg("got both 'dimming_profile' and 'operating_hours'; give the "
                             "profile (hours at each power level) or the hours at full power, "
                             "not both"))
    if profile is None:
        if hours is None:
            raise fail(NAME, Msg("missing input 'dimming_profile' (buyer): hours per year at "
                                 "each power level, e.g. [('1500 h/yr', 1.0), ('2500 h/yr', "
                                 "0.5)] — or 'operating_hours' at full power, e.g. '4000 h/yr'"),
                       key="dimming_profile", code="missing-field", detail=Msg(
                           "missing (buyer): hours per year at each power level, e.g. "
                           "[('1500 h/yr', 1.0), ('2500 h/yr', 0.5)] — or 'operating_hours' at "
                           "full power, e.g. '4000 h/yr'"))
        profile = ((hours, 1.0),)
    total: Any = sum(quantity(h, "h/yr") for h, _ in profile)
    steps = [(fraction, h, Msg("Electricity, step {step}: {share} power", step=i,
                               share=share_text(fraction)))
             for i, (h, fraction) in enumerate(profile, start=1)]
    return build(NAME, name, lambda: luminaire_items(NAME, values, total, steps),
                 count=values["luminaires"], description=Msg(TITLE), given=inputs)
