"""What each key of a tender file holds: the kinds of value and the field tables.

One table drives the reading, the writing and the JSON Schema, so the three
cannot disagree. Units are written as in :func:`lcc.units.parse_quantity`
(``CUR`` = any one currency).
"""

from __future__ import annotations

from dataclasses import dataclass

from lcc._text import VISIBLE_PATTERN
from lcc.model import (
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
from lcc.model._alternative import FIELDS as ALTERNATIVE_FIELDS
from lcc.model._fields import BOOL, COUNT, DURATION, POSITION, RATE, TEXT, Field  # noqa: F401
from lcc.model._limits import (  # noqa: F401 - the model's limits, read by files too
    MAX_ALTERNATIVES,
    MAX_ITEMS,
    MAX_PARAMETERS,
    MAX_SEQUENCE,
    MAX_TEXT,
)
from lcc.model._parameter import NAME_PATTERN as PARAMETER_NAME_PATTERN
from lcc.model._study import FIELDS as STUDY_FIELDS
from lcc.model._study import REQUIRED as STUDY_REQUIRED_FIELDS

#: The kind of value a key holds: the model's one description of the input (COUNT, DURATION
#: and POSITION, imported above, are the kinds of the bid forms' columns).
Kind = Field


@dataclass(frozen=True)
class ItemSpec:
    """A cost item type: its class, its keys with their kinds, the required keys."""

    cls: type[CostItem]
    fields: dict[str, Kind]
    required: tuple[str, ...]


def _spec(cls: type[CostItem]) -> ItemSpec:
    return ItemSpec(cls, {**cls.FIELDS, **cls.COMMON_FIELDS}, cls.REQUIRED)


#: Every cost item type, by the name written in ``type = "..."``: the model's own fields.
ITEMS: dict[str, ItemSpec] = {cls.kind: _spec(cls) for cls in (
    Investment, Replacement, OneOff, Periodic, Recurring, Energy, Water, Emission, Residual,
    Disposal)}

#: The keys of ``[study]``: the model's fields, plus the exchange rates.
STUDY: dict[str, Kind] = {**STUDY_FIELDS, "exchange_rates": Kind("exchange_rates", ref=False)}
#: Keys of ``[study]`` a tender must have (in the file or from its assumption set).
STUDY_REQUIRED: tuple[str, ...] = STUDY_REQUIRED_FIELDS

#: Keys of a parameter table.
PARAMETER_KEYS: tuple[str, ...] = ("value", "low", "high", "distribution", "description",
                                   "source")

#: Keys of an alternative (a bid).
ALTERNATIVE: dict[str, Kind] = {
    "name": TEXT,
    "template": Kind("template"),
    "inputs": Kind("inputs"),
    "parameters": Kind("parameters"),
    "items": Kind("items"),
    **ALTERNATIVE_FIELDS,
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

#: The JSON Schema of a free text: the model's text rule (not blank, not invisible
#: characters alone, at most MAX_TEXT characters), for the schema of every file.
TEXT_SCHEMA: dict[str, object] = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT,
                                  "pattern": VISIBLE_PATTERN}

#: The format marker written into files (and accepted when read).
TENDER_FORMAT = "lcc.tender/1"
ASSUMPTIONS_FORMAT = "lcc.assumptions/1"

#: Limits on counts that keep a hostile file small.
MAX_MONTE_CARLO = 1_000_000

#: Names of parameters (and scenarios): the model's rule for a Parameter's name.
NAME_PATTERN = PARAMETER_NAME_PATTERN
