"""The report object and its builder behind :mod:`lcc.report` (internal)."""


from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from lcc._atomic import write_atomic
from lcc._errors import LCCError, Msg, NotFound
from lcc._i18n import check_lang, tr
from lcc._text import is_blank, shown
from lcc.report._content import Section, build_sections
from lcc.report._render import to_excel, to_html, to_markdown
from lcc.results import Comparison

FORMATS: tuple[str, ...] = ("html", "xlsx", "md")


@dataclass
class Report:
    """A built report; render it with :meth:`html`, :meth:`markdown` or :meth:`save`."""

    title: str
    lang: str
    currency: str
    best: str | None
    sections: list[Section]

    def html(self) -> str:
        """The report as a self-contained HTML page."""
        return to_html(self.sections, title=self.title, lang=self.lang, currency=self.currency,
                       best=self.best)

    def markdown(self) -> str:
        """The report as Markdown (tables and trace; no charts)."""
        return to_markdown(self.sections, title=self.title, lang=self.lang,
                           currency=self.currency)

    def save(self, path: str | Path) -> Path:
        """Write the report; the format follows the suffix: .html, .xlsx or .md. The file is
        written whole or not at all: an error (a full disk) leaves a previous file as it was."""
        target = Path(path)
        suffix = target.suffix.lower().lstrip(".")
        if suffix == "htm":
            suffix = "html"
        if suffix == "markdown":
            suffix = "md"
        if suffix not in FORMATS:
            raise LCCError(Msg("report: cannot write {name!r}; the file must end in .html, "
                               ".xlsx or .md", name=target.name), field="Report.save.path",
                           code="unsupported-format")

        # whole or not at all: a full disk leaves the previous file and no partial one
        if suffix == "html":
            write_atomic(target, self.html().encode("utf-8"))
        elif suffix == "md":
            write_atomic(target, self.markdown().encode("utf-8"))
        else:
            write_atomic(target, lambda tmp: to_excel(self.sections, tmp, title=self.title,
                                                      lang=self.lang, currency=self.currency))
        return target

    def section(self, key: str) -> Section:
        """One section by key (summary, by_category, differences, emissions, cumulative,
        breakdown, tornado, scenarios, monte_carlo, assumptions, method, versions, trace)."""
        for s in self.sections:
            if s.key == key:
                return s
        raise NotFound(key, (s.key for s in self.sections), "section")


def build(comparison: Comparison, *, title: str | None = None, lang: str = "en",
          tornado: pd.DataFrame | None = None, monte_carlo: Any = None,
          assumptions: list[str] | None = None, inputs: list[bytes] | None = None,
          charts: bool = True, scenarios: pd.DataFrame | None = None,
          date: Any = None) -> Report:
    """Build a report of a comparison.

    Parameters
    ----------
    comparison : Comparison
        From :func:`lcc.compare` (deterministic inputs).
    title : str, optional
    lang : {"en", "sv"}
        Language of every text of the report: headings, labels, notes, assumptions,
        method and the calculation trace (names from the tender file are kept as written).
    tornado : DataFrame, optional
        From :func:`lcc.sensitivity.tornado`.
    monte_carlo : MonteCarloResult, optional
        From :func:`lcc.sensitivity.monte_carlo`; its distributions are named
        (e.g. ``PERT(3900, 4100, 4300) h/yr (default: PERT(low, value, high))``).
    scenarios : DataFrame, optional
        From :func:`lcc.sensitivity.scenarios`: LCC per scenario and the winner
        of each.
    assumptions : list of str, optional
        Extra lines for the assumptions section (assumption set, overrides).
    inputs : list of bytes, optional
        The input files (tender, assumption set) to hash; default the model's repr.
    charts : bool
        Draw charts (needs matplotlib).
    date : datetime.date or str (ISO), optional
        The date printed on the report; default ``SOURCE_DATE_EPOCH`` if set, else none.
        The wall clock is never used, so the same inputs give byte-identical files.
    """
    check_lang(lang)
    sections = build_sections(comparison, lang=lang, tornado=tornado, monte_carlo=monte_carlo,
                              assumptions=assumptions, inputs=inputs, charts=charts,
                              scenarios=scenarios, date_=date)
    # a title of blanks or control characters alone shows as nothing: the default instead
    return Report(title if title and not is_blank(shown(title)) else
                  tr("Life-cycle cost analysis", lang), lang,
                  comparison.study.currency, comparison.best, sections)
