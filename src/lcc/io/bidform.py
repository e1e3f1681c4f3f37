"""Alias of :mod:`lcc.bidform` (bid forms are their own layer; this name stays importable)."""

from lcc.bidform import *  # noqa: F403
from lcc.bidform import __all__  # noqa: F401
