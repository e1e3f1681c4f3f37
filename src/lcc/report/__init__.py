"""Reports to attach to an award decision: HTML, Excel and Markdown.

Every report states the assumptions (and the shared assumption set, if any),
the method and its sources, the library and reference-data versions and a
hash of the inputs, and contains the full calculation trace
(:meth:`lcc.Comparison.explain`). HTML reports are self-contained: CSS and the
charts (inline SVG, drawn with :mod:`lcc.plot`) are in the page, nothing is
fetched from the network.
"""

from lcc.report._api import FORMATS, Report, build

__all__ = ["FORMATS", "Report", "build"]
