"""The one exception type for every input error."""

from __future__ import annotations


class LCCError(ValueError):
    """An input to lcc is invalid.

    Every message names the field, the value it got and what was expected.
    It subclasses :class:`ValueError` so callers that already catch
    ``ValueError`` keep working.
    """
