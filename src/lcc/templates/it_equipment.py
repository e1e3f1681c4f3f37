"""IT equipment (computers, monitors, imaging equipment): price, TEC, life and resale.

The energy figure is the typical energy consumption (TEC, kWh per year) of a
product under a standard duty cycle: ENERGY STAR's TEC for computers and
imaging equipment, E_TEC of Commission Regulation (EU) No 617/2013 for
computers, or the on-mode energy of the EU label of electronic displays
(Delegated Regulation (EU) 2019/2013, kWh/1000 h, × the hours of use per year
/ 1000). The European Commission's GPP LCC tool for computers and monitors
asks for the same figures.

Formulas, per unit (``units`` becomes :attr:`lcc.Alternative.quantity`):

- acquisition: ``price`` at t = 0; with a ``life``, replaced at L, 2L, …
  before the end of the study, and the unit in service at the end leaves a
  linear residual value (docs: Concepts › Service lives);
- energy: ``tec`` [kWh/yr] × ``electricity_price`` each year (UPV, or UPV*
  with escalation; NIST Handbook 135); emissions ``tec`` × ``emission_factor``;
- resale value R (given positive, a negative cost in category residual): with
  a ``life``, the unit is resold at the end of each service life, t = L, 2L, …
  ≤ N; without one it serves the whole study and is resold at t = N. Choose a
  study period that is a multiple of the life (usually equal to it): a unit
  still in service at N is valued linearly from its price, not from R;
- maintenance (support, repairs) per year.

References
----------
ENERGY STAR Program Requirements for Computers (TEC); Commission Regulation
(EU) No 617/2013 (ecodesign of computers, E_TEC); Commission Delegated
Regulation (EU) 2019/2013 (energy label of electronic displays); European
Commission GPP LCC tool for computers and monitors (2020); NIST Handbook 135;
Directive 2014/24/EU art. 68.
"""

from __future__ import annotations

from typing import Any

from lcc._errors import Msg
from lcc._i18n import N_
from lcc.model import Alternative, CostItem, Investment, Recurring
from lcc.templates._common import (
    build,
    electricity,
    electricity_price,
    emission_factor,
    escalation,
    resale_items,
    units,
)
from lcc.templates._inputs import Input, read_inputs

__all__ = ["INPUTS", "METHOD", "NAME", "TITLE", "alternative"]

NAME = "it_equipment"
TITLE = N_("IT equipment: price, typical energy consumption (TEC), life and resale value")
#: The method in words (shown on bid forms and in ``lcc calculators``): a catalogue message.
METHOD = N_(
    "Per unit, multiplied by the number of units. Purchase: the price at the start; with a "
    "period of use, the unit is bought again at the end of each period, and the unit in "
    "service at the end of the study leaves a linear residual value. Energy: typical energy "
    "consumption per year × electricity price each year, as a present value (NIST Handbook "
    "135; with the real change of the electricity price where the buyer gives one); "
    "emissions = energy × emission factor of electricity. Resale value: with a period of use, "
    "each unit is sold at the end of its period; without one it serves the whole study and "
    "is sold at its end (a negative cost). Maintenance: support and repairs per year.")

INPUTS: tuple[Input, ...] = (
    Input("price", "bidder", "SEK", N_("Price per unit including delivery, excluding VAT"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each bidder): "
             "pris"), example="9000 SEK", label=N_("Price per unit")),
    Input("tec", "bidder", "kWh/yr",
          N_("Typical energy consumption per unit and year (TEC) under the standard duty "
             "cycle"),
          N_("ENERGY STAR TEC, or E(TEC) of Regulation (EU) No 617/2013, from the product's "
             "test report or registration"), example="25 kWh/yr",
          label=N_("Typical energy consumption (TEC)")),
    Input("resale_value", "bidder", "SEK",
          N_("Resale (buy-back) value per unit at the end of its life, in base-year prices, "
             "at most the price; counted as a negative cost"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each bidder): "
             "restvärde (the bidder's buy-back offer or a market estimate)"),
          required=False, example="800 SEK", label=N_("Resale value per unit")),
    Input("maintenance", "bidder", "SEK/yr",
          N_("Support, warranty extension and repairs per unit and year"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each bidder): "
             "underhåll"), required=False, example="150 SEK/yr",
          label=N_("Maintenance per unit")),
    Input("life", "buyer", "yr",
          N_("Years each unit is used before it is replaced (and resold); left out, one unit "
             "serves the whole study. A parameter of the tender only when no resale value is "
             "given (the resales are timed by the life)"),
          N_("Upphandlingsmyndigheten, LCC-verktyg and 'Parametrar i en LCC-kalkyl' (internal "
             "parameters set by the buyer): användningstid (the organisation's replacement "
             "cycle)"), required=False, example="4 yr", label=N_("Period of use"), exclusive=True),
    electricity_price(),
    units(),
    escalation(),
    emission_factor(),
)


def alternative(name: str, **inputs: Any) -> Alternative:
    """An IT equipment bid as an :class:`lcc.Alternative`.

    Parameters
    ----------
    name : str
        Name of the alternative (the bid).
    **inputs
        See :data:`INPUTS`: ``price``, ``tec``, ``resale_value``,
        ``maintenance`` (bidder); ``life``, ``electricity_price``, ``units``,
        ``escalation``, ``emission_factor`` (buyer). Every input may be a
        Parameter; ``life`` only when ``resale_value`` is left out (the
        resales are timed by the life).

    Returns
    -------
    lcc.Alternative
        Items: the purchase (Investment with ``life``), electricity (Energy,
        ``tec`` × ``electricity_price``), the resale value (Periodic at each
        end of life, or Residual at the end), maintenance; quantity = units.

    Raises
    ------
    LCCError
        Naming the calculator and the input, for unknown, missing or invalid
        inputs, and for a Parameter for ``life`` when ``resale_value`` is
        given too.

    Examples
    --------
    >>> import lcc
    >>> from lcc.templates import it_equipment
    >>> pc = it_equipment.alternative(
    ...     "PC", price="9000 SEK", tec="25 kWh/yr", resale_value="500 SEK",
    ...     electricity_price="2 SEK/kWh")
    >>> # 9 000 + 4 × 25 kWh × 2 SEK/kWh − 500 over 4 years, undiscounted
    >>> round(float(lcc.evaluate(pc, lcc.Study("4 yr", 0.0)).value))
    8700
    """
    values = read_inputs(NAME, INPUTS, inputs)
    life = values["life"]

    def items() -> list[CostItem]:
        out: list[CostItem] = [
            Investment(values["price"], life=life,
                       residual="linear" if life is not None else None, label=N_("Purchase")),
            electricity(values, annual=values["tec"], label=N_("Electricity (TEC)")),
            *resale_items(NAME, values["resale_value"], life, values["price"]),
        ]
        if values["maintenance"] is not None:
            out.append(Recurring(values["maintenance"], label=N_("Maintenance")))
        return out

    return build(NAME, name, items, count=values["units"], description=Msg(TITLE),
                 given=inputs)
