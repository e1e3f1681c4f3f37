"""Find, read and describe the reference tables (implementation of :mod:`lcc.data`).

Each table is a pair of files: ``<name>.csv`` (the data) and ``<name>.toml``
(its provenance and the unit of every column). In an installed wheel the pairs
live in the package folder ``lcc/_tables`` (the build force-includes the
repository's top-level ``data/`` there); in a source checkout or an editable
install they are read from ``data/`` itself.
"""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Mapping
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import pandas as pd

from lcc._errors import LCCError, Msg

#: Metadata keys every table's TOML file must have.
REQUIRED_KEYS: tuple[str, ...] = (
    "title",
    "description",
    "source",
    "url",
    "year",
    "confidence",
    "licence",
    "units",
    "notes",
)

#: Metadata copied into ``DataFrame.attrs`` by :func:`load_table` (besides ``units``).
ATTR_KEYS: tuple[str, ...] = (
    "title",
    "description",
    "source",
    "url",
    "year",
    "price_base",
    "confidence",
    "licence",
    "notes",
)

_PACKAGED = "_tables"


@lru_cache(maxsize=1)
def table_dir() -> Traversable:
    """Return the folder that holds the tables.

    The packaged copy (``lcc/_tables`` inside an installed wheel) wins; a source
    checkout or editable install falls back to the repository's ``data/``.

    Raises
    ------
    LCCError
        If neither folder exists (a broken installation).
    """
    packaged = resources.files("lcc") / _PACKAGED
    if packaged.is_dir():
        return packaged
    # src/lcc/data/_loader.py -> parents[3] is the repository root
    source = Path(__file__).resolve().parents[3] / "data"
    if source.is_dir():
        return source
    raise LCCError(
        Msg("{name}: the reference tables are missing: neither the packaged folder {packaged} "
            "nor the source folder {source} exists; reinstall openlcc", name='lcc.data',
            packaged=packaged, source=source), field="lcc.data", code="missing-file"
    )


@lru_cache(maxsize=1)
def table_names() -> tuple[str, ...]:
    """Names of the shipped tables (a ``.csv`` with its ``.toml``), sorted."""
    folder = table_dir()
    files = {entry.name for entry in folder.iterdir() if entry.is_file()}
    return tuple(
        sorted(
            name[: -len(".csv")]
            for name in files
            if name.endswith(".csv") and f"{name[: -len('.csv')]}.toml" in files
        )
    )


def _check_name(name: object) -> str:
    names = table_names()
    if not isinstance(name, str) or name not in names:
        raise LCCError(
            Msg("lcc.data.load: name={table!r} is not a shipped table; expected one of: {names}",
                table=name, names=', '.join(names)), field="load.name",
            code="invalid-value" if isinstance(name, str) else "wrong-type"
        )
    return name


@cache
def read_metadata(name: str) -> Mapping[str, Any]:
    """Parse ``<name>.toml`` and check that it has every required key.

    Raises
    ------
    LCCError
        If the table is unknown or its metadata lacks a required key.
    """
    name = _check_name(name)
    with (table_dir() / f"{name}.toml").open("rb") as fh:
        meta = tomllib.load(fh)
    missing = [key for key in REQUIRED_KEYS if key not in meta]
    if missing:
        raise LCCError(
            Msg("lcc.data: the metadata of table {table!r} lacks {missing}; expected the keys "
                "{keys}", table=name, missing=', '.join(missing),
                keys=', '.join(REQUIRED_KEYS)), field="lcc.data", code="missing-field"
        )
    if not isinstance(meta["units"], dict):
        raise LCCError(
            Msg("lcc.data: units in the metadata of table {table!r} must be a table (column = "
                "unit), got {units!r}", table=name, units=meta['units']), field="lcc.data",
            code="wrong-type"
        )
    return meta


@cache
def _read(name: str) -> pd.DataFrame:
    meta = read_metadata(name)
    with (table_dir() / f"{name}.csv").open("rb") as fh:
        df = pd.read_csv(fh, encoding="utf-8")
    units: dict[str, str] = {str(k): str(v) for k, v in meta["units"].items()}
    columns = [str(c) for c in df.columns]
    if set(units) != set(columns):
        raise LCCError(
            Msg("lcc.data: table {table!r} has columns {columns} but its metadata gives units "
                "for {units}; expected one unit entry per column", table=name, columns=columns,
                units=sorted(units)), field="lcc.data", code="invalid-value"
        )
    df.attrs = {"name": name, **{key: meta.get(key) for key in ATTR_KEYS}, "units": units}
    return df


def load_table(name: str) -> pd.DataFrame:
    """Return a fresh copy of a table with its metadata in ``attrs``."""
    cached = _read(_check_name(name))
    df = cached.copy(deep=True)
    df.attrs = copy.deepcopy(cached.attrs)
    return df


def list_tables() -> pd.DataFrame:
    """One row per table: name, title, source and year."""
    rows = []
    for name in table_names():
        meta = read_metadata(name)
        rows.append(
            {"name": name, "title": meta["title"], "source": meta["source"],
             "year": meta["year"]}
        )
    return pd.DataFrame(rows, columns=["name", "title", "source", "year"])


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """SHA-256 over every shipped table and its metadata (first 16 hex digits).

    Reports print it so that a calculation can be tied to the exact reference
    data it used.
    """
    import hashlib

    digest = hashlib.sha256()
    folder = table_dir()
    for name in table_names():
        for suffix in (".csv", ".toml"):
            digest.update(name.encode() + suffix.encode())
            digest.update((folder / f"{name}{suffix}").read_bytes())
    return digest.hexdigest()[:16]
