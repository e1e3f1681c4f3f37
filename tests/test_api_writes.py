"""The library's own writers replace a file whole or leave it as it was (the CLI did so
already): ``lcc.io.save_tender``, ``lcc.bidform.write_bid_form(tender, path)`` and
``save_with_bids`` wrote in place, so a full disk left a truncated file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import lcc
import lcc.io

ROOT = Path(__file__).resolve().parents[1]
STREET = ROOT / "examples" / "street-lighting.toml"


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write of more than 16 bytes fails halfway, as on a full disk."""
    real = os.write

    def write(fd: int, data: bytes) -> int:
        if len(data) > 16:
            real(fd, bytes(data)[:16])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, data)

    monkeypatch.setattr(os, "write", write)


def test_dump_tender_leaves_the_old_file_on_a_full_disk(tmp_path: Path, full_disk: None) -> None:
    tender = lcc.load_tender(STREET)
    out = tmp_path / "copy.toml"
    out.write_text("the old file\n", encoding="utf-8")
    with pytest.raises(OSError) as info:
        lcc.io.save_tender(tender, out)
    assert info.value.filename == str(out)
    assert out.read_text(encoding="utf-8") == "the old file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.toml"]


def test_write_bid_form_to_a_path_leaves_the_old_file_on_a_full_disk(
        tmp_path: Path, full_disk: None) -> None:
    pytest.importorskip("openpyxl")
    from lcc.bidform import write_bid_form

    tender = lcc.load_tender(STREET)
    out = tmp_path / "form.xlsx"
    out.write_bytes(b"old")
    with pytest.raises(OSError):
        write_bid_form(tender, out)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["form.xlsx"]


def test_the_writers_still_write(tmp_path: Path) -> None:
    tender = lcc.load_tender(STREET)
    out = lcc.io.save_tender(tender, tmp_path / "copy.toml")
    again = lcc.load_tender(out)
    assert [a.name for a in again.alternatives] == [a.name for a in tender.alternatives]
