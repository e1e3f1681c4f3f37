"""Tender files and shared assumption sets: load, validate, evaluate, save.

A *tender file* (TOML, or the same document as YAML or JSON) holds one
procurement's evaluation: the study, the buyer's (internal) parameters, the
bids with their items and optional sensitivity settings. It may reference a
shared, versioned *assumption set* (discount rate, energy prices, CO2 value,
timing …) decided centrally; a tender may depart from the set only through an
explicit ``[overrides]`` entry with a reason, which every evaluation reports.

Reading is strict: every problem in a file is collected and raised at once as
a :class:`TenderError`, each problem with file, line, path and a stable code.

>>> import lcc.io
>>> tender = lcc.io.loads_tender('''
... name = "Pumps"
... [study]
... period = "10 yr"
... discount_rate = 0.04
... [parameters.electricity_price]
... value = "1.5 SEK/kWh"
... [[alternatives]]
... name = "Pump A"
... [[alternatives.items]]
... type = "Investment"
... amount = "20000 SEK"
... [[alternatives.items]]
... type = "Energy"
... annual = "3000 kWh/yr"
... price = { parameter = "electricity_price" }
... ''')
>>> round(float(tender.evaluate()["Pump A"].value), 2)
56499.03

See ``docs`` and :func:`json_schema` for the format.
"""

from __future__ import annotations

from lcc.io._api import (
    dumps_tender,
    load_assumptions,
    load_tender,
    loads_assumptions,
    loads_tender,
    save_tender,
)
from lcc.io._issues import ERROR_CODES, TenderError, TenderIssue
from lcc.io._model import (
    AssumptionSet,
    Change,
    ComparisonSettings,
    Override,
    SensitivitySettings,
    Source,
    Tender,
    TenderResults,
)
from lcc.io._schema import json_schema

__all__ = [
    "ERROR_CODES",
    "AssumptionSet",
    "Change",
    "ComparisonSettings",
    "Override",
    "SensitivitySettings",
    "Source",
    "Tender",
    "TenderError",
    "TenderIssue",
    "TenderResults",
    "dumps_tender",
    "json_schema",
    "load_assumptions",
    "load_tender",
    "loads_assumptions",
    "loads_tender",
    "save_tender",
]
