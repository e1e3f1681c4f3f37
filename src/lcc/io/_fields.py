"""What each key of a tender file holds: the kinds of value and the field tables.

One table drives the reading, the writing and the JSON Schema, so the three
cannot disagree. Units are written as in :func:`lcc.units.parse_quantity`
(``CUR`` = any one currency).
"""

from __future__ import annotations

from dataclasses import dataclass

from lcc.model import (
    CATEGORIES,
    CostItem,
    Disposal,
    Emission,
    Energy,
    Investment,
    OneOff,
    Periodic,
    Recurring,
    Replacement,
    Residual,
    Water,
)


@dataclass(frozen=True)
class Kind:
    """The kind of value a key holds.

    Attributes
    ----------
    name : str
        ``"quantity"`` (text with a unit), ``"position"`` (years: a number or
        text), ``"rate"`` (a plain number or percentage), ``"count"`` (a
        number >= 0), ``"residual"``, ``"text"``, ``"bool"``, ``"year"``,
        ``"choice"``.
    unit : str or None
        Expected unit of a quantity (``"CUR/kWh"``).
    example : str
        An example value for messages.
    ref : bool
        Whether ``{parameter = "name"}`` is accepted.
    by_year : bool
        Whether a per-year sequence ``{by_year = [...], unit = ...}`` is accepted.
    choices : tuple of str
        The accepted texts of a ``"choice"``.
    what : str
        What a quantity is, in words ("an energy price").
    alt_units : tuple of str
        Other units a quantity may have (a fuel price per litre instead of per
        kWh); which one fits the other fields of the item the model checks.
    """

    name: str
    unit: str | None = None
    example: str = ""
    ref: bool = False
    by_year: bool = False
    choices: tuple[str, ...] = ()
    what: str = ""
    alt_units: tuple[str, ...] = ()

    @property
    def units(self) -> tuple[str, ...]:
        """Every unit the quantity may have."""
        return (self.unit, *self.alt_units) if self.unit else self.alt_units


def _q(unit: str, example: str, what: str, *, by_year: bool = False, ref: bool = True,
       alt: tuple[str, ...] = ()) -> Kind:
    return Kind("quantity", unit, example, ref=ref, by_year=by_year, what=what, alt_units=alt)


MONEY = _q("CUR", "2500 SEK", "an amount of money")
MONEY_PER_YEAR = _q("CUR/yr", "800 SEK/yr", "money per year", by_year=True)
ENERGY_PER_YEAR = _q("kWh/yr", "3000 kWh/yr", "energy (or fuel volume or mass) per year",
                     by_year=True, alt=("m**3/yr", "kg/yr"))
POWER = _q("kW", "45 W", "a power")
HOURS = _q("h/yr", "4000 h/yr", "hours per year")
DISTANCE = _q("km/yr", "15000 km/yr", "a distance per year")
CONSUMPTION = _q("kWh/km", "5 l/100km", "energy (or fuel volume or mass) per distance",
                 alt=("m**3/km", "kg/km"))
ENERGY_PRICE = _q("CUR/kWh", "1.2 SEK/kWh", "a price per energy (or per volume or mass of fuel)",
                  by_year=True, alt=("CUR/m**3", "CUR/kg"))
EMISSION_FACTOR = _q("kg/kWh", "0.05 kg/kWh", "a mass per energy (or per volume or mass of fuel)",
                     alt=("kg/m**3", "kg/kg"))
INTENSITY = _q("kg/km", "132 g/km", "a mass per distance")
VOLUME_PER_YEAR = _q("m**3/yr", "12 m**3/yr", "a volume per year", by_year=True)
VOLUME_PRICE = _q("CUR/m**3", "45 SEK/m**3", "a price per volume", by_year=True)
MASS_PER_YEAR = _q("kg/yr", "120 kg/yr", "a mass per year", by_year=True)
MASS_PRICE = _q("CUR/kg", "7 SEK/kg", "a price per mass", by_year=True)
DURATION = _q("yr", "20 yr", "a duration")
PERIOD = _q("yr", "20 yr", "a duration", ref=False)
POSITION = Kind("position", "yr", "3 (years) or '3 yr'")
RATE = Kind("rate", None, "0.02 or '2 %'", ref=True, by_year=True)
STUDY_RATE = Kind("rate", None, "0.035 or '3.5 %'", ref=True)
COUNT = Kind("count", None, "12", ref=True)
RESIDUAL = Kind("residual", None, "'linear', 'none', a fraction 0..1 or an amount '500 SEK'",
                ref=True)
TEXT = Kind("text", example="some text")
BOOL = Kind("bool", example="true")
YEAR = Kind("year", example="2025")
CATEGORY = Kind("choice", example="maintenance", choices=CATEGORIES)


@dataclass(frozen=True)
class ItemSpec:
    """A cost item type: its class, its keys with their kinds, the required keys."""

    cls: type[CostItem]
    fields: dict[str, Kind]
    required: tuple[str, ...]


_COMMON: dict[str, Kind] = {"label": TEXT, "escalation": RATE, "indexed": BOOL}
_ANNUAL: dict[str, Kind] = {"start": POSITION, "end": POSITION}

#: Every cost item type, by the name written in ``type = "..."``.
ITEMS: dict[str, ItemSpec] = {
    "Investment": ItemSpec(Investment, {
        "amount": MONEY, "at": POSITION, "life": DURATION, "residual": RESIDUAL,
        "disposal": MONEY, **_COMMON}, ("amount",)),
    "Replacement": ItemSpec(Replacement, {
        "amount": MONEY, "every": DURATION, "residual": RESIDUAL, "disposal": MONEY,
        **_COMMON}, ("amount", "every")),
    "OneOff": ItemSpec(OneOff, {
        "amount": MONEY, "at": POSITION, "category": CATEGORY, **_COMMON}, ("amount", "at")),
    "Periodic": ItemSpec(Periodic, {
        "amount": MONEY, "every": DURATION, "first": POSITION, "last": POSITION,
        "category": CATEGORY, **_COMMON}, ("amount", "every")),
    "Recurring": ItemSpec(Recurring, {
        "amount_per_year": MONEY_PER_YEAR, **_ANNUAL, "category": CATEGORY, **_COMMON},
        ("amount_per_year",)),
    "Energy": ItemSpec(Energy, {
        "annual": ENERGY_PER_YEAR, "power": POWER, "hours": HOURS, "distance": DISTANCE,
        "consumption": CONSUMPTION, "price": ENERGY_PRICE, "emission_factor": EMISSION_FACTOR,
        **_ANNUAL, **_COMMON}, ("price",)),
    "Water": ItemSpec(Water, {
        "annual": VOLUME_PER_YEAR, "price": VOLUME_PRICE, **_ANNUAL, **_COMMON},
        ("annual", "price")),
    "Emission": ItemSpec(Emission, {
        "annual": MASS_PER_YEAR, "pollutant": TEXT, "price": MASS_PRICE, "distance": DISTANCE,
        "intensity": INTENSITY, **_ANNUAL, **_COMMON}, ()),
    "Residual": ItemSpec(Residual, {"amount": MONEY, "at": POSITION, **_COMMON}, ("amount",)),
    "Disposal": ItemSpec(Disposal, {"amount": MONEY, "at": POSITION, **_COMMON}, ("amount",)),
}

#: The keys of ``[study]``.
STUDY: dict[str, Kind] = {
    "period": PERIOD,
    "discount_rate": STUDY_RATE,
    "inflation": STUDY_RATE,
    "timing": Kind("choice", example="end", choices=("end", "middle", "beginning",
                                                     "continuous")),
    "base_year": YEAR,
    "currency": Kind("choice", example="SEK",
                     choices=("SEK", "EUR", "USD", "NOK", "DKK", "GBP")),
    "exchange_rates": Kind("exchange_rates"),
    "carbon_price": MASS_PRICE,
    "include_externalities": BOOL,
}
#: Keys of ``[study]`` a tender must have (in the file or from its assumption set).
STUDY_REQUIRED: tuple[str, ...] = ("period", "discount_rate")

#: Keys of a parameter table.
PARAMETER_KEYS: tuple[str, ...] = ("value", "low", "high", "distribution", "description",
                                   "source")

#: Keys of an alternative (a bid).
ALTERNATIVE: dict[str, Kind] = {
    "name": TEXT,
    "description": TEXT,
    "template": Kind("template"),
    "inputs": Kind("inputs"),
    "start": POSITION,
    "quantity": COUNT,
    "life": DURATION,
    "parameters": Kind("parameters"),
    "items": Kind("items"),
}

#: Top-level keys of a tender file.
TENDER_KEYS: tuple[str, ...] = ("format", "name", "description", "reference", "assumptions",
                                "study", "parameters", "alternatives", "sensitivity",
                                "comparison", "overrides", "bid_form", "scenarios")

#: Top-level keys of an assumption-set file.
ASSUMPTION_KEYS: tuple[str, ...] = ("format", "name", "version", "valid_from", "owner",
                                    "description", "sources", "policy_choices", "study",
                                    "parameters")

#: Keys of one entry of an assumption set's ``sources``.
SOURCE_KEYS: tuple[str, ...] = ("id", "title", "url", "note")

#: The format marker written into files (and accepted when read).
TENDER_FORMAT = "lcc.tender/1"
ASSUMPTIONS_FORMAT = "lcc.assumptions/1"

#: Limits on counts that keep a hostile file small.
MAX_ALTERNATIVES = 500
MAX_ITEMS = 500
MAX_PARAMETERS = 1000
MAX_SEQUENCE = 1000
MAX_MONTE_CARLO = 1_000_000

#: Names of parameters: a letter or underscore, then letters, digits or underscores.
NAME_PATTERN = r"^[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]" \
               r"[A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]{0,99}$"
