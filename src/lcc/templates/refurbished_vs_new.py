"""Refurbished or new (återbruk): furniture, equipment and other durable goods.

One alternative per offer — a new item, or a refurbished (reused) one with a
shorter expected remaining life. Both are costed the same way, so the
comparison shows whether the lower price and embodied emissions of the
refurbished item outweigh its earlier replacement.

Formulas, per item (``units`` becomes :attr:`lcc.Alternative.quantity`):

- acquisition: ``price`` and ``transport`` at t = 0 (two Investment items,
  category acquisition), each replaced after ``life`` years (the same kind of
  item again) before the end of the study, the installation in service at
  the end leaving a linear residual value (docs: Concepts › Service lives; NIST Handbook 135);
- reuse/resale value R at the end of each service life, t = L, 2L, … ≤ N
  (negative cost, category residual); a unit still in service at N is valued
  linearly from its price and transport instead — choose a study period that
  is a multiple of the lives compared where you can;
- embodied emissions: ``embodied_co2e`` [kg per item] spread evenly over the
  item's life, embodied_co2e / life per year for every year of the study (the
  :class:`lcc.Product` embodied_co2e × 1/life, so both may be Parameters)
  (pollutant CO2e; priced with the study's carbon price as an externality,
  Directive 2014/24/EU art. 68(1)(b)). Over N years that is N / L items' worth
  of emissions: the share of the items' lives the study uses, consistent with
  the linear residual value of the money flows. (The model has no one-off
  emission item that could sit at each purchase.)
- maintenance per year.

References
----------
Upphandlingsmyndigheten, återbruk and circular procurement guidance and
LCC-verktyg; Directive 2014/24/EU art. 68; embodied emissions from an EPD
(ISO 14025; EN 15804 for construction products) or the refurbisher's
calculation; NIST Handbook 135.
"""

from __future__ import annotations

from typing import Any

from lcc._errors import Msg
from lcc._i18n import N_
from lcc.model import Alternative, CostItem, Emission, Investment, Recurring, reciprocal
from lcc.templates._common import build, product, resale_items, units
from lcc.templates._inputs import Input, read_inputs

__all__ = ["INPUTS", "METHOD", "NAME", "TITLE", "alternative"]

NAME = "refurbished_vs_new"
TITLE = N_("Refurbished or new: price, remaining life, transport, resale and embodied CO2e")
#: The method in words (shown on bid forms and in ``lcc calculators``): a catalogue message.
METHOD = N_(
    "Per item, multiplied by the number of items. Purchase: the price and the transport at "
    "the start, both paid again at the end of each service life; the item in service at the "
    "end of the period leaves a linear residual value (NIST Handbook 135). Resale or reuse "
    "value at the end of each service life, as a negative cost. Embodied emissions: the kg "
    "CO2e per item spread evenly over its service life (kg CO2e ÷ life, every year), priced "
    "with the carbon price as an external cost (Directive 2014/24/EU art. 68(1)(b)). "
    "Maintenance: a cost per year, as a present value.")

#: Each condition in words, for the description of a bid ('… (new item)').
_KIND_WORDS = {"new": N_("new item"), "refurbished": N_("refurbished item")}

INPUTS: tuple[Input, ...] = (
    Input("condition", "bidder", "",
          N_("Whether the offered item is new or refurbished (reused); shown in labels"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
             "bidder)"), required=False, default="new", example="refurbished", kind="choice",
          choices=("new", "refurbished"), label=N_("New or refurbished"),
          choice_labels=(N_("new"), N_("refurbished"))),
    Input("price", "bidder", "SEK", N_("Price per item, excluding VAT"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
             "bidder): pris"), example="2500 SEK", label=N_("Price per item")),
    Input("life", "bidder", "yr",
          N_("Expected (remaining) service life of the item: its whole life if new, the life "
             "left after refurbishment if reused. A parameter of the tender only when no "
             "resale value is given (the resales are timed by the life)"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
             "bidder); the manufacturer's or refurbisher's statement or guarantee"),
          example="8 yr", label=N_("Service life"), exclusive=True),
    Input("transport", "bidder", "SEK",
          N_("Transport (collection, delivery) per item, paid with each purchase"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
             "bidder)"), required=False, example="150 SEK", label=N_("Transport per item")),
    Input("resale_value", "bidder", "SEK",
          N_("Reuse or resale value per item at the end of each service life, in base-year "
             "prices, at most the price; counted as a negative cost"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
             "bidder): restvärde (buy-back offer or market estimate)"), required=False,
          example="200 SEK", label=N_("Resale value per item")),
    Input("embodied_co2e", "bidder", "kg",
          N_("Embodied greenhouse gas emissions per item (CO2e): manufacture for a new item, "
             "refurbishment and transport for a reused one"),
          N_("EPD (ISO 14025) or the supplier's LCA; an external cost under Directive "
             "2014/24/EU art. 68(1)(b)"), required=False, example="90 kg",
          label=N_("Embodied emissions per item (CO2e)")),
    Input("maintenance", "bidder", "SEK/yr", N_("Maintenance and repairs per item and year"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
             "bidder): underhåll"), required=False, example="50 SEK/yr",
          label=N_("Maintenance per item")),
    units(meaning=N_("Number of items bought (antal); multiplies every cost and emission"),
          label=N_("Number of items")),
)


def alternative(name: str, **inputs: Any) -> Alternative:
    """A new or refurbished item as an :class:`lcc.Alternative`.

    Parameters
    ----------
    name : str
        Name of the alternative (the offer).
    **inputs
        See :data:`INPUTS`: ``condition``, ``price``, ``life``,
        ``transport``, ``resale_value``, ``embodied_co2e``, ``maintenance``
        (bidder); ``units`` (buyer). Every input but ``condition`` may be a
        Parameter; ``life`` only when ``resale_value`` is left out (the
        resales are timed by the life).

    Returns
    -------
    lcc.Alternative
        Items: purchase and transport (Investments with ``life``), the resale
        value (Periodic), embodied CO2e (Emission per year), maintenance;
        quantity = units.

    Raises
    ------
    LCCError
        Naming the calculator and the input, for unknown, missing or invalid
        inputs.

    Examples
    --------
    >>> import lcc
    >>> from lcc.templates import refurbished_vs_new
    >>> chair = refurbished_vs_new.alternative(
    ...     "Refurbished chair", condition="refurbished", price="1200 SEK", life="5 yr",
    ...     embodied_co2e="20 kg", units=10)
    >>> r = lcc.evaluate(chair, lcc.Study("10 yr", 0.0))
    >>> # 10 chairs × 1 200 SEK at t = 0 and again at t = 5; 10 × 20 kg / 5 yr × 10 yr
    >>> round(float(r.value)), round(float(r.emissions["CO2e"]))
    (24000, 400)
    """
    values = read_inputs(NAME, INPUTS, inputs)
    life = values["life"]
    what = N_("Refurbished item") if values["condition"] == "refurbished" else N_("New item")

    def items() -> list[CostItem]:
        out: list[CostItem] = [Investment(values["price"], life=life, label=what)]
        if values["transport"] is not None:
            out.append(Investment(values["transport"], life=life, label=N_("Transport")))
        out.extend(resale_items(NAME, values["resale_value"], life, values["price"]))
        if values["embodied_co2e"] is not None:
            per_year = product(values["embodied_co2e"], reciprocal(life))
            out.append(Emission(annual=per_year, pollutant="CO2e",
                                label=N_("Embodied CO2e (spread over the life)")))
        if values["maintenance"] is not None:
            out.append(Recurring(values["maintenance"], label=N_("Maintenance")))
        return out

    return build(NAME, name, items, count=values["units"],
                 description=Msg("{title} ({kind})", title=Msg(TITLE),
                                 kind=Msg(_KIND_WORDS[values["condition"]])),
                 given=inputs)
