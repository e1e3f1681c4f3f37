"""Benchmark: read a tender file and compare its bids, against evaluating the bids alone.

Issue 15 point 3. In one run, with everything warm (modules imported, the
assumption set and the shipped tables read once before timing):

* **load + compare**: ``lcc.io.load_tender(path).compare()`` — reading and
  validating the file and its assumption set, building the model, compiling
  and evaluating every alternative (over the study period and, for the
  policy check, over its own service life);
* **evaluate**: ``lcc.evaluate(alt, study)`` of every alternative of the
  already loaded tender under its study, each as a first evaluation: compiled
  and evaluated (the measure of the issue when it was filed — lcc then kept
  nothing between calls). lcc keeps the last compilation of an alternative and
  its present values without overrides, so a repeated ``evaluate`` of the same
  objects only builds the result; that figure is printed for information;

each the median of many repetitions after a warm-up, and their ratio
(target after the issue-15 refactor: ≤ 8). ``compare().summary`` (the
pandas tables, built lazily) is timed separately for information.

``--profile`` runs the load + compare path under cProfile and prints where
the time goes: the own time of every lcc layer (``lcc.io``, ``lcc.model``,
``lcc.units``, ``lcc.engine``, ``lcc.results``, …; third-party code is
charged to the lcc layer that called it) and the functions with the largest
cumulative time.

Run: ``.venv/bin/python benchmarks/bench_load_compare.py [--profile] [--reps N] [path]``
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lcc
import lcc.io

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "examples" / "street-lighting.toml"
TARGET = 8.0


def median_ms(fn: Callable[[], Any], reps: int, warmup: int = 10) -> float:
    """Median wall time of ``fn()`` in ms over ``reps`` runs after ``warmup`` runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def _layer(filename: str) -> str | None:
    """The lcc layer a source file belongs to (``lcc.io``, ``lcc.engine`` …), or None."""
    parts = Path(filename).parts
    if "lcc" not in parts:
        return None
    i = len(parts) - 1 - parts[::-1].index("lcc")
    rest = parts[i + 1:]
    if not rest:
        return None
    head = rest[0].removesuffix(".py")
    return "lcc" if head == "__init__" else f"lcc.{head}"


def layer_times(fn: Callable[[], Any], reps: int) -> dict[str, float]:
    """Own time [s] of each lcc layer over ``reps`` calls of ``fn``.

    A ``sys.setprofile`` hook keeps a stack of layers: a Python function in
    an lcc module runs in its layer, any other function (numpy, pandas, pint,
    tomllib, dataclass-generated ``__init__`` …) and every C function in the
    layer of its caller. The time between two events goes to the layer on
    top, so the layers add up to the whole run.
    """
    totals: dict[str, float] = {}
    layers: dict[str, str | None] = {}
    stack: list[str] = ["(outside lcc)"]
    clock = time.perf_counter
    last = [clock()]

    def hook(frame: Any, event: str, _arg: Any) -> None:
        if event not in ("call", "return"):
            return
        now = clock()
        top = stack[-1]
        totals[top] = totals.get(top, 0.0) + now - last[0]
        if event == "call":
            file = frame.f_code.co_filename
            layer = layers.get(file, "?")
            if layer == "?":
                layer = layers[file] = _layer(file)
            stack.append(layer or top)
        elif len(stack) > 1:
            stack.pop()
        last[0] = clock()

    sys.setprofile(hook)
    try:
        for _ in range(reps):
            fn()
    finally:
        sys.setprofile(None)
    return totals


def profile(path: Path, reps: int, top: int = 30) -> None:
    """Print the own time of each lcc layer and the top functions by cumulative time."""
    run = lambda: lcc.io.load_tender(path).compare()  # noqa: E731
    per_layer = layer_times(run, reps)
    total = sum(per_layer.values())
    print(f"\nOwn time per lcc layer, {reps} x load_tender + compare (per run, with the "
          f"overhead of the profile hook; numpy, pandas, pint, tomllib … count for the lcc "
          f"layer that called them):")
    for layer, t in sorted(per_layer.items(), key=lambda kv: -kv[1]):
        print(f"  {layer:20s} {t / reps * 1e3:8.3f} ms {t / total:7.1%}")
    print(f"  {'total':20s} {total / reps * 1e3:8.3f} ms")

    pr = cProfile.Profile()
    pr.enable()
    for _ in range(reps):
        run()
    pr.disable()
    stats = pstats.Stats(pr)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    whole = max(ct for (_cc, _nc, _tt, ct, _c) in raw.values())
    rows = [(ct, nc, func) for func, (_cc, nc, _tt, ct, _c) in raw.items()
            if _layer(func[0]) is not None]
    rows.sort(key=lambda r: -r[0])
    print(f"\nTop {top} lcc functions by cumulative time (cProfile; per run, and as a share "
          f"of the whole run):")
    for ct, nc, (file, line, name) in rows[:top]:
        where = f"{_layer(file)}:{Path(file).name}:{line} {name}"
        print(f"  {ct / reps * 1e3:8.3f} ms {ct / whole:6.1%} {nc / reps:7.0f} calls  {where}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--reps", type=int, default=200, help="timed repetitions (default 200)")
    ap.add_argument("--profile", action="store_true", help="also profile load + compare")
    args = ap.parse_args()
    path = Path(args.path)

    tender = lcc.io.load_tender(path)
    tender.compare().summary  # noqa: B018 - warm every lazy import and cache
    study, alts = tender.study, tender.alternatives

    t_load_compare = median_ms(lambda: lcc.io.load_tender(path).compare(), args.reps)
    t_load = median_ms(lambda: lcc.io.load_tender(path), args.reps)
    t_compare = median_ms(tender.compare, args.reps)
    t_summary = median_ms(lambda: tender.compare().summary, max(args.reps // 4, 20))

    def first_evaluation() -> list[Any]:
        for a in alts:  # forget the kept compilation: evaluate as a first call does
            a.__dict__.pop("_compiled", None)
        return [lcc.evaluate(a, study) for a in alts]

    t_eval = median_ms(first_evaluation, args.reps)
    t_again = median_ms(lambda: [lcc.evaluate(a, study) for a in alts], args.reps)
    ratio = t_load_compare / t_eval

    print(f"{path.name}: {len(alts)} alternatives, {study.years}-year study; "
          f"median of {args.reps} runs after warm-up")
    print(f"  load_tender + compare()       {t_load_compare:8.3f} ms")
    print(f"    load_tender alone           {t_load:8.3f} ms")
    print(f"    compare() alone             {t_compare:8.3f} ms")
    print(f"    compare().summary           {t_summary:8.3f} ms  (tables, for information)")
    print(f"  evaluate every alternative    {t_eval:8.3f} ms  (compile + evaluate)")
    print(f"    evaluated again             {t_again:8.3f} ms  (kept compilation, "
          f"for information)")
    print(f"  ratio (load + compare) / evaluate = {ratio:.1f}  (target <= {TARGET:g}: "
          f"{'OK' if ratio <= TARGET else 'not yet'})")
    if args.profile:
        profile(path, max(args.reps // 4, 20))


if __name__ == "__main__":
    main()
