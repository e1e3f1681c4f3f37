"""Behaviour snapshot: ``compare`` and ``sensitivity … tornado`` JSON of every bundled example.

The figures in ``tests/snapshots/cli/`` were written by the CLI before the field-spec
refactoring; a refactoring must reproduce them (floats to a relative 1e-9, everything else
exactly). Write them anew with ``LCC_SNAPSHOT=record`` only for an intended change.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
from pathlib import Path
from typing import Any

import pytest

from lcc.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p.name for p in (ROOT / "examples").glob("*.toml"))
STORE = Path(__file__).parent / "snapshots" / "cli"
COMMANDS = {"compare": ["compare"], "tornado": ["sensitivity", "{}", "tornado"]}


def _run(args: list[str]) -> Any:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(args)
    assert code == 0, out.getvalue()
    return json.loads(out.getvalue())


def _same(a: Any, b: Any, where: str = "") -> list[str]:
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None or isinstance(a, str) or isinstance(b, str):
            return [] if a == b else [f"{where}: {a!r} != {b!r}"]
        if math.isnan(a) and math.isnan(b):
            return []
        return [] if math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6) else \
            [f"{where}: {a!r} != {b!r}"]
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a) != list(b):
            return [f"{where}: keys {list(a)} != {list(b)}"]
        return [d for k in a for d in _same(a[k], b[k], f"{where}.{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{where}: {len(a)} rows != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True))
                for d in _same(x, y, f"{where}[{i}]")]
    return [] if a == b else [f"{where}: {a!r} != {b!r}"]


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("example", EXAMPLES)
def test_json_output_is_unchanged(example: str, command: str) -> None:
    path = str(ROOT / "examples" / example)
    args = [path if a == "{}" else a for a in COMMANDS[command]]
    if "{}" not in COMMANDS[command]:
        args.append(path)
    got = json.loads(json.dumps(_run([*args, "--format", "json"]))
                     .replace(json.dumps(str(ROOT))[1:-1], "<repo>"))
    store = STORE / f"{example.removesuffix('.toml')}.{command}.json"
    if os.environ.get("LCC_SNAPSHOT") == "record":
        store.parent.mkdir(parents=True, exist_ok=True)
        store.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", "utf-8")
    expected = json.loads(store.read_text("utf-8"))
    assert _same(expected, got) == []
