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

Only the buyer's prices of electricity and water (and the escalation and
emission factor) map onto one field of the model and may be Parameters; the
other inputs are multiplied with each other first (a value or an array of
samples each).

References
----------
Region Dalarna, "Minska inköp av engångsplast"; Directive (EU) 2019/904 (single-
use plastics); Upphandlingsmyndigheten, LCC-verktyg and "Parametrar i en
LCC-kalkyl"; NIST Handbook 135; Directive 2014/24/EU art. 68.
"""

from __future__ import annotations

from typing import Any

from lcc._errors import LCCError
from lcc.model import Alternative, CostItem, Emission, Investment, Recurring, Water
from lcc.templates._common import (
    UHM,
    UHM_BID,
    build,
    electricity,
    electricity_price,
    emission_factor,
    escalation,
)
from lcc.templates._inputs import Input, fail, number, quantity, read_inputs
from lcc.units import get_registry

__all__ = ["INPUTS", "NAME", "TITLE", "alternative"]

NAME = "reusable_vs_single_use"
TITLE = "Reusable or single-use items: purchases, washing, waste and CO2e"

DALARNA = "Region Dalarna, 'Minska inköp av engångsplast'"
SU = ("single_use",)
RE = ("reusable",)
COMBINED = "; a value or samples, not a Parameter (it is multiplied by other inputs first)"

INPUTS: tuple[Input, ...] = (
    Input("kind", "buyer", "", "Which alternative: 'single_use' items bought for every use, "
          "or a 'reusable' stock washed after every use", DALARNA, example="reusable",
          kind="choice", choices=("single_use", "reusable")),
    Input("price", "bidder", "SEK", "Price per item, excluding VAT" + COMBINED,
          f"{UHM_BID}: pris", example="0.45 SEK", parameter=False),
    Input("co2e", "bidder", "kg",
          "Greenhouse gas emissions per item over its production (CO2e)" + COMBINED,
          "EPD (ISO 14025) or the supplier's LCA", required=False, example="0.01 kg",
          parameter=False),
    # single use
    Input("items_per_year", "buyer", "1/yr", "Single-use items used per year" + COMBINED,
          f"{DALARNA}: the organisation's purchase statistics", example="60000 /yr",
          parameter=False, applies_to=SU),
    Input("mass", "bidder", "g", "Mass per single-use item (to price its waste)" + COMBINED,
          f"{UHM_BID}; product data sheet", required=False, example="5 g", parameter=False,
          applies_to=SU),
    Input("waste_fee", "buyer", "SEK/kg",
          "Fee for the waste per kg (collection and treatment)" + COMBINED,
          f"{UHM}: the municipal waste tariff", required=False, example="2.5 SEK/kg",
          parameter=False, applies_to=SU),
    # reusable
    Input("stock", "buyer", "1",
          "Number of reusable items bought to start with (the stock in circulation)" + COMBINED,
          f"{DALARNA}: the kitchen's or event's need at peak use", example=500, kind="count",
          parameter=False, applies_to=RE),
    Input("breakage_rate", "buyer", "1",
          "Share of the stock broken or lost per year, 0–1 (replaced by new purchases)"
          + COMBINED, f"{DALARNA}: the organisation's experience or the supplier's durability "
          f"data", required=False, default=0.0, example=0.1, kind="number", maximum=1.0,
          parameter=False, applies_to=RE),
    Input("uses_per_year", "buyer", "1/yr", "Uses (and washes) of reusable items per year"
          + COMBINED, f"{DALARNA}: servings per year", example="60000 /yr", parameter=False,
          applies_to=RE),
    Input("energy_per_use", "buyer", "kWh",
          "Washing energy per item and use (the dishwasher's energy per cycle / items per "
          "cycle)" + COMBINED, "The buyer's dishwasher: manufacturer's data per cycle",
          required=False, example="0.01 kWh", parameter=False, applies_to=RE),
    Input("water_per_use", "buyer", "l",
          "Washing water per item and use (litres)" + COMBINED,
          "The buyer's dishwasher: manufacturer's data per cycle", required=False,
          example="0.05 l", parameter=False, applies_to=RE),
    Input("detergent_per_use", "buyer", "SEK", "Detergent cost per item and use" + COMBINED,
          "The buyer's detergent consumption and price", required=False, example="0.02 SEK",
          parameter=False, applies_to=RE),
    Input("labour_per_use", "buyer", "SEK",
          "Labour cost of handling and washing per item and use" + COMBINED,
          "The buyer's time per item × hourly labour cost", required=False,
          example="0.15 SEK", parameter=False, applies_to=RE),
    Input("end_of_life_fee", "buyer", "SEK",
          "Cost of disposing of a broken reusable item" + COMBINED,
          f"{UHM}: the municipal waste tariff", required=False, example="0.5 SEK",
          parameter=False, applies_to=RE),
    electricity_price(required=False, applies_to=RE,
                      meaning="Electricity price per kWh for washing, excluding VAT; needed "
                              "with energy_per_use"),
    Input("water_price", "buyer", "SEK/m**3",
          "Price of water per m³ (water and sewage charge), excluding VAT; needed with "
          "water_per_use", f"{UHM}: vattenpris (kr/m³), from the municipal water tariff",
          required=False, example="45 SEK/m**3", per_year=True, applies_to=RE),
    escalation(applies_to=RE),
    emission_factor(applies_to=RE),
)


def _per_year(x: Any) -> Any:
    return x * get_registry().Quantity(1.0, "1/yr")


def _unused(key: str, needs: str) -> LCCError:
    return fail(NAME, f"input {key!r} is given, but it is used only with {needs!r}; give "
                      f"{needs} too, or leave {key} out")


def _single_use(values: dict[str, Any]) -> list[CostItem]:
    if values["mass"] is not None and values["waste_fee"] is None:
        raise _unused("mass", "waste_fee")
    n = quantity(values["items_per_year"], "1/yr")
    out: list[CostItem] = [
        Recurring(n * quantity(values["price"], "SEK"), category="consumables",
                  label="Single-use items"),
    ]
    if values["waste_fee"] is not None:
        if values["mass"] is None:
            raise fail(NAME, "missing input 'mass' (bidder): the waste fee is per kg, so give "
                             "the mass per item, e.g. '5 g'")
        fee = n * quantity(values["mass"], "g") * quantity(values["waste_fee"], "SEK/kg")
        out.append(Recurring(fee, category="end_of_life", label="Waste fee"))
    if values["co2e"] is not None:
        out.append(Emission(annual=(n * quantity(values["co2e"], "kg")).to("kg/yr"),
                            pollutant="CO2e", label="CO2e of single-use items"))
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
    stock = number(values["stock"])
    breakage = _per_year(number(values["breakage_rate"]))
    uses = quantity(values["uses_per_year"], "1/yr")
    price = quantity(values["price"], "SEK")
    out: list[CostItem] = [Investment(price * stock, label="Reusable items (initial stock)")]
    broken = stock * breakage
    out.append(Recurring(broken * price, category="replacement",
                         label="Replacement of broken items"))
    if values["end_of_life_fee"] is not None:
        fee = quantity(values["end_of_life_fee"], "SEK")
        out.append(Recurring(broken * fee, category="end_of_life",
                             label="Disposal of broken items"))
    if values["energy_per_use"] is not None:
        if values["electricity_price"] is None:
            raise fail(NAME, "missing input 'electricity_price' (buyer): needed to price "
                             "energy_per_use, e.g. '1.20 SEK/kWh'")
        use = (uses * quantity(values["energy_per_use"], "kWh")).to("kWh/yr")
        out.append(electricity(values, annual=use, label="Washing energy"))
    if values["water_per_use"] is not None:
        if values["water_price"] is None:
            raise fail(NAME, "missing input 'water_price' (buyer): needed to price "
                             "water_per_use, e.g. '45 SEK/m**3'")
        water = (uses * quantity(values["water_per_use"], "l")).to("m**3/yr")
        out.append(Water(annual=water, price=values["water_price"], label="Washing water"))
    for key, category, label in (("detergent_per_use", "consumables", "Detergent"),
                                 ("labour_per_use", "other", "Washing labour")):
        if values[key] is not None:
            cost = quantity(values[key], "SEK")
            out.append(Recurring(uses * cost, category=category, label=label))
    if values["co2e"] is not None:
        kg = quantity(values["co2e"], "kg")
        out.append(Emission(annual=_per_year(kg * stock).to("kg/yr"), start=1, end=1,
                            pollutant="CO2e", label="CO2e of the initial stock (year 1)"))
        out.append(Emission(annual=(broken * kg).to("kg/yr"), pollutant="CO2e",
                            label="CO2e of replacement items"))
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
        ``escalation``, ``emission_factor``.

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
    values = read_inputs(NAME, INPUTS, inputs, selector="kind")
    make = _single_use if values["kind"] == "single_use" else _reusable
    return build(NAME, name, lambda: make(values),
                 description=f"{TITLE} ({values['kind'].replace('_', '-')})")
