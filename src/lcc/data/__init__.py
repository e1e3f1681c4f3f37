"""Reference tables shipped with lcc, each with its provenance, and price indices.

Every table comes from a named publication (a directive, a statistics office,
an agency's guidance) and carries its title, source, URL, publication year,
price base (for money), confidence, licence, notes and the unit of every
column. The tables are curated from the project's research: rows of low
confidence or unverified are not shipped. ``data/README.md`` in the source
repository lists them. :func:`inflate` moves a money amount from one year's
price level to another's with a price index (SCB's KPI by default).

Examples
--------
>>> import lcc.data
>>> kpi = lcc.data.load("scb_kpi_annual")
>>> kpi.attrs["source"]
'Statistics Sweden (SCB), Konsumentprisindex (1980=100), fastställda tal'
>>> float(kpi.set_index("year").loc[2023, "kpi"])
403.7
>>> kpi.attrs["units"]["kpi"]
'1'
>>> "cvd_emission_costs" in set(lcc.data.list()["name"])
True
"""

from __future__ import annotations

import typing as _typing

from lcc.data._loader import fingerprint
from lcc.data._loader import list_tables as _list_tables
from lcc.data._loader import load_table as _load_table
from lcc.data._price_index import inflate

if _typing.TYPE_CHECKING:
    import pandas as pd

__all__ = ["fingerprint", "inflate", "list", "load"]


def list() -> pd.DataFrame:
    """List the shipped reference tables.

    Returns
    -------
    pandas.DataFrame
        One row per table, sorted by name, with columns ``name``, ``title``,
        ``source`` (the publication) and ``year`` (its publication year).
    """
    return _list_tables()


def load(name: str) -> pd.DataFrame:
    """Load a reference table with its provenance.

    Parameters
    ----------
    name : str
        A name from :func:`list`, e.g. ``"scb_kpi_annual"``.

    Returns
    -------
    pandas.DataFrame
        The table (a fresh copy each call). ``df.attrs`` holds ``name``,
        ``title``, ``description``, ``source``, ``url``, ``year``,
        ``price_base`` (None for tables without money), ``confidence``,
        ``licence``, ``notes`` and ``units``: a dict mapping every column to a
        unit string that :func:`lcc.units.parse_quantity` reads (``"1"`` for a
        dimensionless number, ``""`` for text, identifiers and calendar years).

    Raises
    ------
    LCCError
        If ``name`` is not a shipped table; the message lists the names.
    """
    return _load_table(name)
