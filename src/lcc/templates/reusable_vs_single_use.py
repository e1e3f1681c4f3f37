"""Reusable or single-use: tableware and cups in municipal kitchens and at events.

The single-use plastic case (e.g. Region Dalarna's "Minska inköp av
engångsplast"; Directive (EU) 2019/904 on single-use plastics): is it cheaper
over the years to buy single-use items, or a stock of reusable ones that are
washed after every use? One calculator, two kinds of alternative, chosen with
the input ``kind``: ``"single_use"`` or ``"reusable"``. Each alternative
covers the whole service (quantity 1); compare one of each under one study.

Single-use (``kind="single_use"``), per year, n = ``items_per_year``:

- purchases n × ``price`` (category consumables);
- waste n × ``mass`` × ``waste_fee`` (end_of_life), mass per item in g and the
  fee per kg (1 kg = 1 000 g);
- emissions n × ``co2e`` kg CO2e (externality if the study has a carbon price).

Reusable (``kind="reusable"``), S = ``stock``, b = ``breakage_rate`` per year,
u = ``uses_per_year`` (items washed per year):

- the initial stock S × ``price`` at t = 0 (acquisition), no residual value
  (the stock left at the end is neither valued nor disposed of);
- broken or lost items replaced: S × b × ``price`` per year (category
  replacement) and disposed of at S × b × ``end_of_life_fee`` per year
  (end_of_life);
- washing per use: energy u × ``energy_per_use`` [kWh] at ``electricity_price``
  (Energy, escalating at ``escalation``, emissions with ``emission_factor``),
  water u × ``water_per_use`` [l] at ``water_price`` per m³ (Water, 1 m³ =
  1 000 l), detergent u × ``detergent_per_use`` (consumables) and labour
  u × ``labour_per_use`` (other);
- emissions: S × ``co2e`` for the initial stock, counted in year 1 (the model
  has no one-off emission item at t = 0), and S × b × ``co2e`` per year for
  the replacements.

Every amount per year is discounted with UPV (NIST Handbook 135).

Each amount reaches the model as an :class:`lcc.Product` of the inputs it is
made of (n × ``price``, S × b × 1/yr × ``price``, u × ``water_per_use`` …),
so every input except the choice ``kind`` may be a Parameter that
sensitivity analysis varies: the items and uses per year, the stock, the
breakage rate, the prices, fees and per-use costs.

References
----------
Region Dalarna, "Minska inköp av engångsplast"; Directive (EU) 2019/904 (single-
use plastics); Upphandlingsmyndigheten, LCC-verktyg and "Parametrar i en
LCC-kalkyl"; NIST Handbook 135; Directive 2014/24/EU art. 68.
"""

from __future__ import annotations

from typing import Any

from lcc._errors import LCCError, Msg
from lcc._i18n import N_
from lcc.model import Alternative, CostItem, Emission, Investment, Recurring, Water
from lcc.templates._common import (
    build,
    electricity,
    electricity_price,
    emission_factor,
    escalation,
    product,
)
from lcc.templates._inputs import Input, fail, read_inputs

__all__ = ["INPUTS", "METHOD", "NAME", "TITLE", "alternative"]

NAME = "reusable_vs_single_use"
#: The choice input that selects which of the other inputs apply.
SELECTOR = "kind"
TITLE = N_("Reusable or single-use items: purchases, washing, waste and CO2e")
#: The method in words (shown on bid forms and in ``lcc calculators``): a catalogue message.
METHOD = N_(
    "Single-use: every year, the items used per year × the price per item (consumables), their "
    "waste × mass per item × waste fee (end of life) and their emissions × kg CO2e per item. "
    "Reusable: the initial stock × the price at the start (no residual value); every year the "
    "broken or lost share of the stock is bought again and its disposal paid; each use costs "
    "washing energy at the electricity price, washing water at the water price (per m³, "
    "1 m³ = 1 000 litres), detergent and labour; emissions of the initial stock count in "
    "year 1 and those of the replacements every year. Every amount per year is a present "
    "value over the period of use (NIST Handbook 135).")

SU = ("single_use",)
RE = ("reusable",)

#: Each kind in words, for the description of a bid ('… (single-use items)').
_KIND_WORDS = {"single_use": N_("single-use items"), "reusable": N_("reusable items")}

INPUTS: tuple[Input, ...] = (
    Input("kind", "buyer", "",
          N_("Which alternative: single-use items bought for every use, or a reusable stock "
             "washed after every use"), N_("Region Dalarna, 'Minska inköp av engångsplast'"),
          example="reusable", kind="choice", choices=("single_use", "reusable"),
          label=N_("Single-use or reusable"), choice_labels=(N_("single-use"), N_("reusable"))),
    Input("price", "bidder", "SEK", N_("Price per item, excluding VAT"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
             "bidder): pris"), example="0.45 SEK", label=N_("Price per item")),
    Input("co2e", "bidder", "kg",
          N_("Greenhouse gas emissions per item over its production (CO2e)"),
          N_("EPD (ISO 14025) or the supplier's LCA"), required=False, example="0.01 kg",
          label=N_("Emissions per item (CO2e)")),
    # single use
    Input("items_per_year", "buyer", "1/yr", N_("Single-use items used per year"),
          N_("Region Dalarna, 'Minska inköp av engångsplast': the organisation's purchase "
             "statistics"), example="60000/yr", applies_to=SU,
          label=N_("Items used per year")),
    Input("mass", "bidder", "g", N_("Mass per single-use item (to price its waste)"),
          N_("Upphandlingsmyndigheten, LCC-verktyg (external parameters given by each "
             "bidder); product data sheet"), required=False, example="5 g", applies_to=SU,
          label=N_("Mass per item")),
    Input("waste_fee", "buyer", "SEK/kg",
          N_("Fee for the waste per kg (collection and treatment)"),
          N_("Upphandlingsmyndigheten, LCC-verktyg and 'Parametrar i en LCC-kalkyl' (internal "
             "parameters set by the buyer): the municipal waste tariff"), required=False,
          example="2.5 SEK/kg", applies_to=SU, label=N_("Waste fee")),
    # reusable
    Input("stock", "buyer", "1",
          N_("Number of reusable items bought to start with (the stock in circulation)"),
          N_("Region Dalarna, 'Minska inköp av engångsplast': the kitchen's or event's need "
             "at peak use"), example=500, kind="count", applies_to=RE,
          label=N_("Initial stock")),
    Input("breakage_rate", "buyer", "1",
          N_("Share of the stock broken or lost per year, 0–1 (replaced by new purchases)"),
          N_("Region Dalarna, 'Minska inköp av engångsplast': the organisation's experience "
             "or the supplier's durability data"),
          required=False, default=0.0, example=0.1, kind="number", maximum=1.0, applies_to=RE,
          label=N_("Share broken or lost per year")),
    Input("uses_per_year", "buyer", "1/yr", N_("Uses (and washes) of reusable items per year"),
          N_("Region Dalarna, 'Minska inköp av engångsplast': servings per year"),
          example="60000/yr", applies_to=RE, label=N_("Uses per year")),
    Input("energy_per_use", "buyer", "kWh",
          N_("Washing energy per item and use (the dishwasher's energy per cycle ÷ items per "
             "cycle)"), N_("The buyer's dishwasher: manufacturer's data per cycle"),
          required=False, example="0.01 kWh", applies_to=RE,
          label=N_("Washing energy per use")),
    Input("water_per_use", "buyer", "l", N_("Washing water per item and use (litres)"),
          N_("The buyer's dishwasher: manufacturer's data per cycle"), required=False,
          example="0.05 l", applies_to=RE, label=N_("Washing water per use")),
    Input("detergent_per_use", "buyer", "SEK", N_("Detergent cost per item and use"),
          N_("The buyer's detergent consumption and price"), required=False,
          example="0.02 SEK", applies_to=RE, label=N_("Detergent per use")),
    Input("labour_per_use", "buyer", "SEK",
          N_("Labour cost of handling and washing per item and use"),
          N_("The buyer's time per item × hourly labour cost"), required=False,
          example="0.15 SEK", applies_to=RE, label=N_("Labour per use")),
    Input("end_of_life_fee", "buyer", "SEK", N_("Cost of disposing of a broken reusable item"),
          N_("Upphandlingsmyndigheten, LCC-verktyg and 'Parametrar i en LCC-kalkyl' (internal "
             "parameters set by the buyer): the municipal waste tariff"), required=False,
          example="0.5 SEK", applies_to=RE, label=N_("Disposal cost per broken item")),
    electricity_price(required=False, applies_to=RE,
                      meaning=N_("Electricity price per kWh for washing, excluding VAT; "
                                 "needed with the washing energy per use")),
    Input("water_price", "buyer", "SEK/m**3",
          N_("Price of water per m³ (water and sewage charge), excluding VAT; needed with the "
             "washing water per use"),
          N_("Upphandlingsmyndigheten, LCC-verktyg and 'Parametrar i en LCC-kalkyl' (internal "
             "parameters set by the buyer): vattenpris (kr/m³), from the municipal water "
             "tariff"), required=False, example="45 SEK/m³", per_year=True, applies_to=RE,
          label=N_("Water price")),
    escalation(applies_to=RE),
    emission_factor(applies_to=RE),
)

#: One per year: turns a number of items per year (a plain number such as the breakage
#: rate, or a count) into a rate.
PER_YEAR = "1 /yr"


def _unused(key: str, needs: str) -> LCCError:
    return fail(NAME, Msg("input {key!r} is given, but it is used only with {needs!r}; give "
                          "{needs} too, or leave {key} out", key=key, needs=needs), key=key,
                code="not-applicable", detail=Msg(
                    "{key} is given, but it is used only with {needs!r}; give {needs} too, or "
                    "leave {key} out", key=key, needs=needs))


def _single_use(values: dict[str, Any]) -> list[CostItem]:
    if values["mass"] is not None and values["waste_fee"] is None:
        raise _unused("mass", "waste_fee")
    n = values["items_per_year"]
    out: list[CostItem] = [
        Recurring(product(n, values["price"]), category="consumables",
                  label=N_("Single-use items")),
    ]
    if values["waste_fee"] is not None:
        if values["mass"] is None:
            raise fail(NAME, Msg("missing input 'mass' (bidder): the waste fee is per kg, so "
                                 "give the mass per item, e.g. '5 g'"), key="mass",
                       code="missing-field", detail=Msg(
                           "missing (bidder): the waste fee is per kg, so give the mass per "
                           "item, e.g. '5 g'"))
        fee = product(n, values["mass"], values["waste_fee"])
        out.append(Recurring(fee, category="end_of_life", label=N_("Waste fee")))
    if values["co2e"] is not None:
        out.append(Emission(annual=product(n, values["co2e"]), pollutant="CO2e",
                            label=N_("CO2e of single-use items")))
    return out


def _reusable(values: dict[str, Any]) -> list[CostItem]:
    if values["energy_per_use"] is None:
        for key in ("electricity_price", "emission_factor"):
            if values[key] is not None:
                raise _unused(key, "energy_per_use")
        if not (isinstance(values["escalation"], float) and values["escalation"] == 0.0):
            raise _unused("escalation", "energy_per_use")
    if values["water_per_use"] is None and values["water_price"] is not None:
        raise _unused("water_price", "water_per_use")
    stock, breakage = values["stock"], values["breakage_rate"]
    uses, price = values["uses_per_year"], values["price"]
    out: list[CostItem] = [
        Investment(product(price, stock), label=N_("Reusable items (initial stock)")),
        Recurring(product(stock, breakage, PER_YEAR, price), category="replacement",
                  label=N_("Replacement of broken items")),
    ]
    if values["end_of_life_fee"] is not None:
        out.append(Recurring(product(stock, breakage, PER_YEAR, values["end_of_life_fee"]),
                             category="end_of_life", label=N_("Disposal of broken items")))
    if values["energy_per_use"] is not None:
        if values["electricity_price"] is None:
            raise fail(NAME, Msg("missing input 'electricity_price' (buyer): needed to price "
                                 "energy_per_use, e.g. '1.20 SEK/kWh'"), key="electricity_price",
                       code="missing-field", detail=Msg(
                           "missing (buyer): needed to price energy_per_use, e.g. "
                           "'1.20 SEK/kWh'"))
        out.append(electricity(values, annual=product(uses, values["energy_per_use"]),
                               label=N_("Washing energy")))
    if values["water_per_use"] is not None:
        if values["water_price"] is None:
            raise fail(NAME, Msg("missing input 'water_price' (buyer): needed to price "
                                 "water_per_use, e.g. '45 SEK/m**3'"), key="water_price",
                       code="missing-field", detail=Msg(
                           "missing (buyer): needed to price water_per_use, e.g. "
                           "'45 SEK/m**3'"))
        out.append(Water(annual=product(uses, values["water_per_use"]),
                         price=values["water_price"], label=N_("Washing water")))
    for key, category, label in (("detergent_per_use", "consumables", N_("Detergent")),
                                 ("labour_per_use", "other", N_("Washing labour"))):
        if values[key] is not None:
            out.append(Recurring(product(uses, values[key]), category=category, label=label))
    if values["co2e"] is not None:
        co2e = values["co2e"]
        out.append(Emission(annual=product(stock, PER_YEAR, co2e), start=1, end=1,
                            pollutant="CO2e", label=N_("CO2e of the initial stock (year 1)")))
        out.append(Emission(annual=product(stock, breakage, PER_YEAR, co2e), pollutant="CO2e",
                            label=N_("CO2e of replacement items")))
    return out


def alternative(name: str, **inputs: Any) -> Alternative:
    """A single-use or reusable alternative as an :class:`lcc.Alternative`.

    Parameters
    ----------
    name : str
        Name of the alternative.
    **inputs
        See :data:`INPUTS`. ``kind`` selects the inputs that apply:
        ``"single_use"``: ``items_per_year``, ``price``, ``mass``,
        ``waste_fee``, ``co2e``; ``"reusable"``: ``stock``, ``price``,
        ``breakage_rate``, ``uses_per_year``, ``energy_per_use``,
        ``water_per_use``, ``detergent_per_use``, ``labour_per_use``,
        ``end_of_life_fee``, ``co2e``, ``electricity_price``, ``water_price``,
        ``escalation``, ``emission_factor``. Every input but ``kind`` may be
        a Parameter.

    Returns
    -------
    lcc.Alternative
        Quantity 1: the alternative covers the whole service.

    Raises
    ------
    LCCError
        Naming the calculator and the input: unknown, missing or invalid
        inputs, or an input of the other kind.

    Examples
    --------
    >>> import lcc
    >>> from lcc.templates import reusable_vs_single_use as m
    >>> cups = m.alternative("Single-use cups", kind="single_use", items_per_year="10000 /yr",
    ...                      price="0.5 SEK", mass="4 g", waste_fee="2 SEK/kg")
    >>> # 10 000 × 0.5 SEK + 10 000 × 4 g = 40 kg × 2 SEK/kg = 5 080 SEK a year
    >>> round(float(lcc.evaluate(cups, lcc.Study("1 yr", 0.0)).value))
    5080
    """
    values = read_inputs(NAME, INPUTS, inputs, selector=SELECTOR)
    make = _single_use if values["kind"] == "single_use" else _reusable
    return build(NAME, name, lambda: make(values),
                 description=Msg("{title} ({kind})", title=Msg(TITLE),
                                 kind=Msg(_KIND_WORDS[values["kind"]])), given=inputs)
