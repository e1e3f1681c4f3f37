"""Benchmark of the command line's start-up (issue 19 target: ratio at most 2).

Runs, as whole processes and interleaved in one run,

* ``python -m lcc compare examples/street-lighting.toml`` (import, read the tender
  and its assumption set, compare, print), and
* ``python -c "import numpy, pandas"`` (the floor any pandas-based tool pays),

``REPEAT`` times each after one warm-up of each (so bytecode and pint's definition
cache exist), and reports the median wall time of each and their ratio. It also
checks that ``compare`` imports neither scipy.stats, matplotlib nor openpyxl.

Both run as a user's Python does: with bytecode written and read. An environment
that sets ``PYTHONDONTWRITEBYTECODE`` (some containers and CI images do) would make
lcc, installed editable from ``src/``, compile its ~150 modules at every start while
numpy and pandas read the bytecode pip wrote when installing them; so the variable is
removed for the runs and lcc's bytecode is compiled first, as ``pip install`` does
for a wheel.

Run: ``.venv/bin/python benchmarks/bench_startup.py [REPEAT]``; exits 1 when the
ratio exceeds 2.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPARE = [sys.executable, "-m", "lcc", "compare", "examples/street-lighting.toml"]
FLOOR = [sys.executable, "-c", "import numpy, pandas"]
TARGET = 2.0
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(cmd: list[str]) -> float:
    """Wall time of one run of ``cmd`` [s]."""
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - t0


def heavy_imports() -> list[str]:
    """Modules ``compare`` must not import: scipy.stats, matplotlib, openpyxl."""
    out = subprocess.run([*COMPARE[:1], "-X", "importtime", *COMPARE[1:]], cwd=ROOT,
                         capture_output=True, text=True, check=True, env=ENV)
    names = {line.rsplit("|", 1)[-1].strip() for line in out.stderr.splitlines()}
    return sorted(n for n in names if n in ("scipy.stats", "matplotlib", "openpyxl"))


def main(repeat: int = 7) -> int:
    import lcc

    compileall.compile_dir(Path(lcc.__file__).parent, quiet=1)
    wall(COMPARE), wall(FLOOR)  # warm-up: bytecode, pint's cache
    compare, floor = [], []
    for _ in range(repeat):
        compare.append(wall(COMPARE))
        floor.append(wall(FLOOR))
    c, f = statistics.median(compare), statistics.median(floor)
    ratio = c / f
    print(f"lcc compare examples/street-lighting.toml: median {c:.3f} s "
          f"(min {min(compare):.3f}, max {max(compare):.3f}) over {repeat} runs")
    print(f"python -c 'import numpy, pandas':        median {f:.3f} s "
          f"(min {min(floor):.3f}, max {max(floor):.3f})")
    print(f"ratio {ratio:.2f} (target <= {TARGET:g})")
    heavy = heavy_imports()
    print(f"heavy imports in compare: {', '.join(heavy) if heavy else 'none'}")
    return 0 if ratio <= TARGET and not heavy else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 7))
