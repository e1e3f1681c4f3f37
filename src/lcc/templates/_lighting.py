"""Shared inputs and items of the lighting calculators (internal)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lcc._i18n import N_
from lcc.model import CostItem, Investment, Recurring, one_minus
from lcc.templates._common import electricity, life_in_years, product
from lcc.templates._inputs import Input


def luminaire_inputs(*, controls: str) -> tuple[Input, ...]:
    """The bidder's luminaire inputs (count, power, price, controls, maintenance, life).

    ``controls`` is the meaning of the control savings (a catalogue message).
    """
    return (
        Input("luminaires", "bidder", "1",
              N_("Number of luminaires in the bid's lighting design; multiplies every cost "
                 "and emission"),
              N_("The bid's lighting design (dimensioned for the lighting requirements of the "
                 "tender)"), example=120, kind="count", label=N_("Number of luminaires")),
        Input("power", "bidder", "W",
              N_("Power per luminaire including driver/control gear (system input power) at "
                 "full output"),
              N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
                 "bidder); manufacturer's data sheet: rated input power (IEC 62722-2-1 for LED "
                 "luminaires)"), example="36 W", label=N_("Power per luminaire")),
        Input("price", "bidder", "SEK",
              N_("Price per luminaire including installation, excluding VAT"),
              N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
                 "bidder): pris inkl. installation"), example="3500 SEK",
              label=N_("Price per luminaire")),
        Input("control_savings", "bidder", "1", controls,
              N_("The bid's control system, estimated as in EN 15193-1:2017 (energy "
                 "requirements for lighting): annual lighting energy = installed power × "
                 "operating hours × control factors"), required=False,
              default=0.0, example=0.3, kind="number", maximum=1.0,
              label=N_("Energy saved by controls")),
        Input("maintenance", "bidder", "SEK/yr",
              N_("Maintenance per luminaire and year (cleaning, repairs, spare parts)"),
              N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
                 "bidder): underhåll"), required=False, example="50 SEK/yr",
              label=N_("Maintenance per luminaire")),
        Input("life", "bidder", "yr",
              N_("Service life of the luminaire, in years or as its rated life in burning "
                 "hours (e.g. L80 50 000 h), which is converted to years with the operating "
                 "hours per year. The luminaire is replaced at the end of its life; the one in "
                 "service at the end of the period leaves a linear residual value. Left out, it "
                 "lasts the whole period"),
              N_("Manufacturer's data: rated life Lx in hours (IEC 62717 for LED modules)"),
              required=False, example="50000 h", other_units=("h",),
              label=N_("Service life of the luminaire"), exclusive=True),
    )


def luminaire_items(calculator: str, values: dict[str, Any], hours_per_year: Any,
                    energy: Sequence[tuple[Any, Any, str]]) -> list[CostItem]:
    """Investment (with life), Energy items and maintenance of one luminaire.

    ``energy`` lists (fraction of full power, hours, label) per operating
    step; the power of a step is the :class:`lcc.Product` power ×
    (1 − control_savings) × fraction, so each of them (and the hours) may be
    a Parameter.
    """
    life = life_in_years(calculator, values["life"], hours_per_year)
    items: list[CostItem] = [
        Investment(values["price"], life=life, residual="linear" if life is not None else None,
                   label=N_("Luminaire incl. installation")),
    ]
    for fraction, hours, label in energy:
        power = product(values["power"], one_minus(values["control_savings"]), fraction)
        items.append(electricity(values, power=power, hours=hours, label=label))
    if values["maintenance"] is not None:
        items.append(Recurring(values["maintenance"], label=N_("Maintenance")))
    return items
