"""The names of pollutants: one spelling for each, so that a carbon price, an emissions
table and a follow-up find every kilogram of it."""

from __future__ import annotations

import re

from lcc._text import name_key

#: Pollutants in their usual spelling (CO2e: carbon dioxide equivalents, priced by the
#: study's carbon_price; the Clean Vehicles Directive's CO2, NOx, NMHC and PM).
POLLUTANTS: tuple[str, ...] = ("CO2e", "CO2", "CH4", "N2O", "NOx", "NMHC", "PM", "PM10",
                               "PM2.5", "SO2", "CO", "HC")

#: Other spellings of CO2e (Swedish koldioxidekvivalenter, "CO2-ekv").
_ALIASES = {"co2eq": "CO2e", "co2equivalent": "CO2e", "co2equivalents": "CO2e",
            "co2ekv": "CO2e", "co2ekvivalenter": "CO2e", "koldioxidekvivalenter": "CO2e"}

_PUNCTUATION = re.compile(r"[\s\-_.,·/]")


def _key(text: str) -> str:
    return _PUNCTUATION.sub("", name_key(text)).casefold()


_KNOWN = {**{_key(p): p for p in POLLUTANTS}, **_ALIASES}


def pollutant_name(text: str) -> str:
    """The usual spelling of a pollutant; another name as shown, its blanks collapsed.

    ``"co2e"``, ``"CO₂e"``, ``"CO2-e"``, ``"CO2 eq"`` and ``"CO2-ekv"`` are all ``"CO2e"``;
    ``"nox"`` is ``"NOx"``, ``"PM2,5"`` is ``"PM2.5"``.

    >>> [pollutant_name(t) for t in ("co2e", "CO₂e", "CO2-ekv", "nox", "PM2,5", "Lead ")]
    ['CO2e', 'CO2e', 'CO2e', 'NOx', 'PM2.5', 'Lead']
    """
    return _KNOWN.get(_key(text), name_key(text))


__all__ = ["POLLUTANTS", "pollutant_name"]
