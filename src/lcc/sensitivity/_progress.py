"""A one-line progress display on stderr for long runs (no dependency)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from lcc._i18n import check_lang, number, tr

#: Seconds a run must last before the automatic display appears.
DELAY = 2.0
#: Seconds between redraws.
EVERY = 0.25


def interactive() -> bool:
    """Whether someone is watching: stderr is a terminal, or we run in an IPython kernel."""
    try:
        if sys.stderr.isatty():
            return True
    except (AttributeError, ValueError):
        pass
    ipython = sys.modules.get("IPython")
    get = getattr(ipython, "get_ipython", None)
    shell = get() if callable(get) else None
    return shell is not None and getattr(shell, "kernel", None) is not None


class Progress:
    """Counts work done and, when shown, redraws ``label: 42 % (…)`` on stderr.

    Parameters
    ----------
    total : int
        Units of work (samples).
    label : str
        Shown before the figures.
    show : bool or None
        True: from the start; False: never; None: only when :func:`interactive`
        and the run has lasted more than ``DELAY`` seconds.
    stream : text stream, optional
        Where to draw; default ``sys.stderr``.
    lang : {"en", "sv"}
        Language of the words and numbers of the line.
    """

    def __init__(self, total: int, label: str, show: bool | None = None,
                 stream: TextIO | None = None, lang: str = "en") -> None:
        self.total = total
        self.lang = check_lang(lang)
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = interactive() if show is None else bool(show)
        self.delay = DELAY if show is None else 0.0
        self.start = time.perf_counter()
        self.last = -EVERY
        self.drawn = False

    def update(self, done: int) -> None:
        """Record that ``done`` units are finished; redraw if due."""
        if not self.enabled:
            return
        now = time.perf_counter() - self.start
        if now < self.delay or now - self.last < EVERY:
            return
        self.last = now
        share = done / self.total if self.total else 1.0
        left = now / share - now if share > 0 else float("nan")
        self.stream.write("\r" + tr("{label}: {share} % ({done} / {total}), {elapsed} s elapsed, "
                                    "~{left} s left ", self.lang, label=self.label,
                                    share=self._number(share * 100, 0, 3),
                                    done=self._number(done), total=self._number(self.total),
                                    elapsed=self._number(now, 1), left=self._number(left, 1)))
        self.stream.flush()
        self.drawn = True

    def _number(self, x: float, digits: int = 0, width: int = 0) -> str:
        """``x`` as the reader writes it: ``12,345`` and ``1.5`` (en), ``12 345`` and ``1,5``
        (sv)."""
        if self.lang == "en":  # as it always was
            return f"{x:{width},.{digits}f}"
        return number(x, self.lang, digits).rjust(width)

    def close(self) -> None:
        """Finish the line (only if something was drawn)."""
        if self.drawn:
            now = time.perf_counter() - self.start
            total = self._number(self.total)
            self.stream.write(f"\r{self.label}: 100 % ({total} / {total}), "
                              f"{self._number(now, 1)} s{' ' * 20}\n")
            self.stream.flush()
