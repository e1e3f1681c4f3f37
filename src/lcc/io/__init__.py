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

The format (``format = "lcc.tender/1"``; :func:`json_schema` publishes it)
----------------------------------------------------------------------------
- Top level: ``name`` (required), ``description``, ``reference`` (case
  number), ``assumptions`` (path of an assumption set, relative to the file),
  ``[study]``, ``[parameters.<name>]``, ``[[alternatives]]``, ``[sensitivity]``,
  ``[comparison]``, ``[overrides]``.
- ``[study]``: ``period`` ("20 yr") and ``discount_rate`` (0.035 or "3.5 %")
  are required here or in the assumption set; ``inflation``, ``timing``,
  ``base_year``, ``currency``, ``exchange_rates = {base = "SEK", rates =
  {EUR = 11.48}, date = "...", source = "..."}``, ``carbon_price``,
  ``include_externalities``.
- ``[parameters.<name>]`` are the buyer's (internal) parameters: ``value``
  (a number, or text with a unit: "1.2 SEK/kWh"), optional ``low``/``high``
  (range for tornado and break-even), ``distribution = {name = "norm", loc =
  1.2, scale = 0.1}`` (any scipy.stats distribution, parameters by name, in
  the value's unit), ``description``, ``source``.
- ``[[alternatives]]`` are the bids: ``name`` (unique), ``items``, optional
  ``description``, ``start``, ``quantity``, ``life`` and the bidder's own
  ``[alternatives.parameters.<name>]`` (role "bidder"); a bid cannot define a
  parameter under a buyer parameter's name.
- **Product calculators**: instead of ``items``, an alternative may name a
  calculator of :mod:`lcc.templates` with ``template = "<name>"`` and give
  its inputs in ``[alternatives.inputs]`` (``lcc calculators`` lists them):
  values as for items (text with a unit, numbers, ``{ parameter = "<name>" }``
  where the input accepts a Parameter, per-year values where it takes
  them), a profile as ``[[hours, fraction], ...]`` pairs. The alternative is
  ``lcc.templates.get(name).alternative(alt_name, **inputs)``; ``items``,
  ``quantity``, ``start`` and ``life`` do not go with ``template``.
  Writing a tender writes such an alternative back as ``template`` and
  ``inputs`` (:attr:`lcc.Alternative.calculator`).
- ``[[alternatives.items]]``: ``type`` (Investment, Replacement, OneOff,
  Periodic, Recurring, Energy, Water, Emission, Residual, Disposal) and that
  item's fields as in :mod:`lcc.model` (``amount = "2500 SEK"``, ``life =
  "20 yr"`` …). Values with a unit are text with the unit; a bare number is
  refused there.
- **References**: wherever a value may be a parameter, write
  ``{ parameter = "<name>" }``: the bid's own parameter, else the buyer's.
- **Per-year values**: ``{ by_year = [1.2, 1.3], unit = "SEK/kWh",
  first_year = 2025 }`` (first_year 1, 2 … is a study year; 1000 and later a
  calendar year); escalation may also be a plain list of rates.
- ``[sensitivity]``: ``parameters = ["discount_rate", ...]`` (each with a
  range or a distribution), ``monte_carlo = {n = 10000, seed = 1}``.
- ``[comparison]``: ``policy`` (one of ``lcc.results.POLICIES``), ``baseline``.
- ``[overrides]``: ``"<path>" = "<reason>"`` for every value that departs
  from the assumption set; paths are ``study.<field>``,
  ``parameters.<name>`` or ``parameters.<name>.<field>``.

Error paths count list entries from 0 (``alternatives[2].items[1].price``);
the codes are listed in :data:`ERROR_CODES`.
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
