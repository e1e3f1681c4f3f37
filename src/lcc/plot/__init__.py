"""Charts with matplotlib (the ``plot`` extra): ``pip install openlcc[plot]``.

Every function returns the matplotlib Axes and takes an optional ``ax``;
``lang="sv"`` gives Swedish labels. :func:`to_svg` renders a chart to an
SVG string for reports. Importing :mod:`lcc` does not import matplotlib;
importing this module does.
"""

from __future__ import annotations

try:
    import matplotlib as _matplotlib  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the environment
    from lcc._errors import LCCError, Msg

    raise LCCError(Msg(
        "charts need matplotlib: install the plot extra, pip install 'openlcc[plot]'"
    ), field="lcc.plot", code="unsupported-format") from exc


from lcc.plot._charts import (
    CATEGORY_COLOURS,
    break_even,
    breakdown,
    cumulative,
    distributions,
    to_png,
    to_svg,
    tornado,
)
from lcc.plot._labels import LABELS, label

__all__ = [
    "CATEGORY_COLOURS",
    "LABELS",
    "break_even",
    "breakdown",
    "cumulative",
    "distributions",
    "label",
    "to_png",
    "to_svg",
    "tornado",
]
