"""How many samples fit: refuse a run up front, with the memory it would need."""

from __future__ import annotations

import os

from lcc._errors import LCCError, Msg

#: Share of the available memory a sampling run may plan to use.
SHARE = 0.5
#: Assumed when the machine does not say (a small laptop).
FALLBACK = 4 * 1024**3


def available_memory() -> int:
    """Bytes of memory available to this process (physical memory not in use)."""
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):  # not POSIX
        return FALLBACK


def check_memory(n: int, floats_per_sample: int, what: str, *, name: str = "n",
                 func: str) -> None:
    """Refuse ``n`` samples (the argument ``name`` of ``func``) that would need more than half
    the available memory.

    ``floats_per_sample`` is how many float64 values the run keeps per sample (the
    LCC of every alternative, every input drawn, and the tables built from them).
    """
    need = n * floats_per_sample * 8
    have = available_memory()
    if need <= SHARE * have:
        return
    fits = max(1, int(SHARE * have // (floats_per_sample * 8)))
    raise LCCError(Msg(
        "{name}: {what} with {n} samples would need about {need} of memory; {have} is "
        "available, so at most about {fits} samples fit", name=name, what=what, n=_count(n),
        need=_size(need), have=_size(have), fits=_count(fits)), field=f"{func}.{name}",
        code="too-many")



def _count(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def _size(n: float) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB"):
        if n < 1024 or unit == "TiB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TiB"  # pragma: no cover
