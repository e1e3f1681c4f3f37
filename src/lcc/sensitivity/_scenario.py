"""A named scenario: parameters given other values or per-year paths (no pandas, no scipy)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lcc._errors import LCCError, Msg


@dataclass(frozen=True)
class Scenario:
    """A named set of input values: single values, or per-year paths.

    Parameters
    ----------
    values : mapping
        ``{parameter: value}``. A value is one number or quantity in the
        parameter's own unit (``"2.1 SEK/kWh"``), or a per-year path — a
        :class:`lcc.ByYear` (``ByYear([1.5, 1.6, …], "SEK/kWh")``), or a plain
        list for a dimensionless input such as an escalation rate — which
        replaces the parameter wherever an item uses it directly.
    description : str, optional
        Shown in reports, e.g. "High electricity price path (Energimyndigheten)".
    """

    values: Mapping[str, Any]
    description: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.values, Mapping):
            raise LCCError(Msg("{where}: got {value!r}; expected a mapping {{parameter: "
                               "value}}", where="Scenario.values", value=self.values),
                           field="Scenario.values", code="wrong-type")
        if self.description is not None and not isinstance(self.description, str):
            raise LCCError(Msg("Scenario.description: got {value!r}; expected text",
                               value=self.description), field="Scenario.description",
                           code="wrong-type")

        object.__setattr__(self, "values", dict(self.values))


__all__ = ["Scenario"]
