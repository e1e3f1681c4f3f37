"""A SOURCE_DATE_EPOCH that gives no date is refused with a message naming it, the value and
the range, exit code 2 (review finding 6: '-99999999999' gave 'internal error: ValueError'
and '99999999999999999' a misleading 'cannot read or write' from a library that reads it)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lcc import LCCError
from lcc._i18n import document_date

PUMPS = Path(__file__).resolve().parents[1] / "examples" / "pumps.toml"
RANGE = "-62135596800 to 253402300799"
RANGE_SV = "-62135596800 till 253402300799"


@pytest.mark.parametrize(("value", "expected"), [
    ("-62135596800", dt.date(1, 1, 1)), ("253402300799", dt.date(9999, 12, 31)),
    (" 1764374400 ", dt.date(2025, 11, 29)), ("", None)])
def test_the_range_of_dates(monkeypatch: pytest.MonkeyPatch, value: str,
                            expected: dt.date | None) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert document_date() == expected


@pytest.mark.parametrize("value", ["-62135596801", "253402300800", "99999999999999999",
                                   "1.5e9", "abc"])
def test_out_of_range_or_malformed_is_refused(monkeypatch: pytest.MonkeyPatch,
                                              value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(LCCError) as err:
        document_date()
    assert err.value.field == "SOURCE_DATE_EPOCH" and err.value.code == "invalid-value"
    assert str(err.value) == (
        f"SOURCE_DATE_EPOCH: got {value!r}; expected a whole number of seconds since "
        f"1970-01-01 00:00 UTC from {RANGE} (the years 1 to 9999)")


@pytest.mark.parametrize(("value", "lang", "expected"), [
    ("-99999999999", "en",
     "lcc: error: SOURCE_DATE_EPOCH: got '-99999999999'; expected a whole number of seconds "
     f"since 1970-01-01 00:00 UTC from {RANGE} (the years 1 to 9999)"),
    ("99999999999999999", "sv",
     "lcc: fel: SOURCE_DATE_EPOCH: fick '99999999999999999'; ange ett helt antal sekunder sedan "
     f"1970-01-01 00:00 UTC, från {RANGE_SV} (åren 1 till 9999)"),
])
def test_the_command_line_refuses_it(tmp_path: Path, value: str, lang: str,
                                     expected: str) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": value}
    out = subprocess.run([sys.executable, "-m", "lcc", "report", str(PUMPS), "-o",
                          str(tmp_path / "r.html"), "--lang", lang], capture_output=True,
                         text=True, env=env, timeout=300)
    assert out.returncode == 2
    assert out.stderr.splitlines() == [expected]
    assert not (tmp_path / "r.html").exists()
