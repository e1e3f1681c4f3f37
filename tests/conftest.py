"""Test configuration: a non-interactive matplotlib backend, and the issue snapshot.

Every :class:`lcc.io.TenderError` raised while a test runs is recorded as its list of
(code, path, file name, line). ``tests/snapshots/issues.json`` holds that list for every
test that raised one; a test whose errors differ from the snapshot fails. Run
``LCC_SNAPSHOT=record pytest -p no:xdist tests`` to write the snapshot anew (only when a
change of behaviour is intended, and say so in the commit).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

SNAPSHOT = Path(__file__).parent / "snapshots" / "issues.json"
_RECORD = os.environ.get("LCC_SNAPSHOT") == "record"
_recorded: dict[str, list[list[list[Any]]]] = {}
_expected: dict[str, list[list[list[Any]]]] | None = None


def _snapshot() -> dict[str, list[list[list[Any]]]]:
    global _expected
    if _expected is None:
        _expected = json.loads(SNAPSHOT.read_text("utf-8")) if SNAPSHOT.exists() else {}
    return _expected


def _key(item: pytest.Item) -> str:
    return item.nodeid.replace("\\", "/")


def _random(item: pytest.Item) -> bool:
    fn = getattr(item, "function", None)
    return fn is not None and hasattr(fn, "hypothesis")


@pytest.fixture(autouse=True)
def _issue_snapshot(request: pytest.FixtureRequest) -> Iterator[None]:
    from lcc.io import TenderError

    if _random(request.node):
        yield
        return
    seen: list[list[list[Any]]] = []
    original = TenderError.__init__

    def record(self: Any, errors: Any) -> None:
        original(self, errors)
        seen.append([[e.code, e.path, Path(e.file).name if e.file else None, e.line]
                     for e in self.errors])

    TenderError.__init__ = record  # type: ignore[method-assign]
    try:
        yield
    finally:
        TenderError.__init__ = original  # type: ignore[method-assign]
    key = _key(request.node)
    if _RECORD:
        if seen:
            _recorded[key] = seen
        return
    expected = _snapshot().get(key)
    if expected is not None and expected != seen:
        pytest.fail(f"the located issues differ from tests/snapshots/issues.json:\n"
                    f"expected {json.dumps(expected)}\n     got {json.dumps(seen)}",
                    pytrace=False)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _RECORD and _recorded:
        old = json.loads(SNAPSHOT.read_text("utf-8")) if SNAPSHOT.exists() else {}
        old.update(_recorded)
        SNAPSHOT.write_text(json.dumps(dict(sorted(old.items())), indent=1,
                                       ensure_ascii=False) + "\n", "utf-8")
