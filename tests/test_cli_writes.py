"""A file a command writes is written whole or not at all (review 3, finding 4).

With the disk full, ``lcc report … -o r.md --force`` left a truncated r.md (the previous good
report gone), a new r.html was left truncated and a new r.xlsx empty (the next run then said
"exists already"), and the message did not name the file. Every command that writes a file
(report, bid-form, import-bids, schema, portfolio report) now writes a temporary file in the
same folder and renames it into place when complete; the error names the file.

The full disk is made by a write that stores half of what it is given and then fails with
ENOSPC, as the system's would (its error names no file).
"""

from __future__ import annotations

import errno
import os
import pathlib
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lcc._atomic import write_atomic
from lcc.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PUMPS = EXAMPLES / "pumps.toml"
PLAN = EXAMPLES / "portfolio" / "plan.csv"
OLD = b"the previous good file\n"


def _under(fd: int, folder: Path) -> bool:
    """Whether ``fd`` is a regular file in ``folder`` (Linux names it in /proc)."""
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        return False
    try:
        return os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder))
    except OSError:  # pragma: no cover - no /proc
        return True


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A folder on a "full disk": every write of a file in it stops halfway with ENOSPC."""
    folder = tmp_path / "out"
    folder.mkdir()

    def enospc() -> OSError:
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    real_write = os.write

    def write(fd: int, data: Any) -> int:
        if _under(fd, folder):
            real_write(fd, bytes(data)[:max(1, len(data) // 2)])
            raise enospc()
        return real_write(fd, data)

    def halfway(real: Callable[..., Any]) -> Callable[..., Any]:
        def method(self: Path, data: Any, *args: Any, **kwargs: Any) -> Any:
            if str(self).startswith(str(folder)):
                real(self, data[:max(1, len(data) // 2)], *args, **kwargs)
                raise enospc()
            return real(self, data, *args, **kwargs)
        return method

    monkeypatch.setattr(os, "write", write)
    monkeypatch.setattr(pathlib.Path, "write_bytes", halfway(pathlib.Path.write_bytes))
    monkeypatch.setattr(pathlib.Path, "write_text", halfway(pathlib.Path.write_text))
    return folder


def _forms(tmp_path: Path) -> Path:
    """The examples and two filled bid forms (form-a.xlsx, form-b.xlsx) in ``tmp_path``."""
    from tests.test_docs_run import fixtures

    shutil.copytree(EXAMPLES, tmp_path / "examples")
    fixtures(tmp_path)
    return tmp_path


def _commands(tmp_path: Path) -> dict[str, Callable[[Path], list[str]]]:
    """Each command that writes a file, as the arguments that write ``out``."""
    def import_bids(out: Path) -> list[str]:
        where = _forms(tmp_path / "bids")
        return ["import-bids", str(where / "examples" / "street-lighting.toml"),
                str(where / "form-a.xlsx"), str(where / "form-b.xlsx"), "-o", str(out)]

    return {
        "r.md": lambda out: ["report", str(PUMPS), "-o", str(out), "--no-charts"],
        "r.html": lambda out: ["report", str(PUMPS), "-o", str(out), "--no-charts"],
        "r.xlsx": lambda out: ["report", str(PUMPS), "-o", str(out), "--no-charts",
                               "--lang", "sv"],
        "b.xlsx": lambda out: ["bid-form", str(PUMPS), "-o", str(out)],
        "t.toml": import_bids,
        "s.json": lambda out: ["schema", "-o", str(out)],
        "p.html": lambda out: ["portfolio", str(PLAN), "report", "-o", str(out)],
        "p.xlsx": lambda out: ["portfolio", str(PLAN), "report", "-o", str(out)],
    }


NAMES = ["r.md", "r.html", "r.xlsx", "b.xlsx", "t.toml", "s.json", "p.html", "p.xlsx"]


@pytest.mark.parametrize("name", NAMES)
def test_a_full_disk_leaves_no_partial_new_file(name: str, full_disk: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = full_disk / name
    assert main(_commands(tmp_path)[name](out)) == 2
    err = capsys.readouterr().err
    assert ("no space left on the disk" in err or "disken är full" in err) \
        and repr(str(out)) in err, err
    assert "Traceback" not in err
    assert sorted(os.listdir(full_disk)) == []  # neither the file nor a temporary one


@pytest.mark.parametrize("name", NAMES)
def test_a_full_disk_keeps_the_previous_file(name: str, full_disk: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = full_disk / name
    with open(out, "wb") as f:  # not the patched writes
        f.write(OLD)
    assert main([*_commands(tmp_path)[name](out), "--force"]) == 2
    err = capsys.readouterr().err
    assert repr(str(out)) in err, err
    assert out.read_bytes() == OLD
    assert sorted(os.listdir(full_disk)) == [name]


def test_the_message_in_swedish_names_the_file(full_disk: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = full_disk / "r.md"
    assert main(["report", str(PUMPS), "-o", str(out), "--no-charts", "--lang", "sv"]) == 2
    err = capsys.readouterr().err
    assert f"kan inte läsa eller skriva {str(out)!r}: disken är full" in err, err


@pytest.mark.parametrize("name", NAMES)
def test_a_written_file_replaces_the_old_one(name: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / name
    out.write_bytes(OLD)
    os.chmod(out, 0o640)
    assert main([*_commands(tmp_path)[name](out), "--force"]) == 0, capsys.readouterr().err
    assert out.read_bytes() != OLD and out.stat().st_size > 100
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # its permissions kept
    assert sorted(os.listdir(folder)) == [name]


def test_without_force_an_existing_file_is_still_refused(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    out = tmp_path / "r.md"
    out.write_bytes(OLD)
    assert main(["report", str(PUMPS), "-o", str(out), "--no-charts"]) == 2
    assert "exists already" in capsys.readouterr().err
    assert out.read_bytes() == OLD


def test_bid_form_refuses_another_suffix_before_reading(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    assert main(["bid-form", str(PUMPS), "-o", str(tmp_path / "b.xls"), "--lang", "sv"]) == 2
    err = capsys.readouterr().err
    assert "'b.xls'" in err and ".xlsx" in err and "anbudsformulär" in err, err
    assert os.listdir(tmp_path) == []


# ------------------------------------------------------------------ the helper itself


def test_write_atomic_follows_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_bytes(OLD)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert write_atomic(link, "new") == link
    assert link.is_symlink() and real.read_text() == "new"


def test_write_atomic_removes_the_temporary_file_on_any_error(tmp_path: Path) -> None:
    target = tmp_path / "r.toml"

    def fails(tmp: Path) -> None:
        assert tmp.parent == tmp_path and tmp.suffix == ".toml"
        tmp.write_text("half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, fails)
    assert os.listdir(tmp_path) == []


def test_write_atomic_names_the_file_for_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "no" / "r.md"
    with pytest.raises(FileNotFoundError) as info:
        write_atomic(target, b"x")
    assert info.value.filename == str(target)


def test_write_atomic_keeps_a_long_name_under_the_limit(tmp_path: Path) -> None:
    target = tmp_path / ("x" * 250 + ".md")
    write_atomic(target, b"x")
    assert os.listdir(tmp_path) == [target.name]


# ------------------------------------------------------------------ standard input, folders
# (review 3, finding 7): 'lcc compare - < t.toml' said '-: no such file'; 'lcc portfolio DIR'
# said "unknown file type '(none)'" where 'lcc compare DIR' said it is a folder.

TENDER_EXPECTED = "a tender file ending in .toml, .yaml, .yml or .json"


@pytest.mark.parametrize(("args", "expected"), [
    (["compare", "-"], TENDER_EXPECTED),
    (["evaluate", "-"], TENDER_EXPECTED),
    (["report", "-", "-o", "{tmp}/r.md"], TENDER_EXPECTED),
    (["bid-form", "-", "-o", "{tmp}/b.xlsx"], TENDER_EXPECTED),
    (["import-bids", "-", "{tmp}/f.xlsx"], TENDER_EXPECTED),
    (["import-bids", str(PUMPS), "-"], "a filled bid form ending in .xlsx"),
    (["portfolio", "-"], "a procurement plan ending in .csv, .xlsx or .toml"),
    (["portfolio", str(PLAN), "--targets", "-"], "a targets file ending in .toml"),
    (["portfolio", str(PLAN), "priorities", "--factors", "-"],
     "a factor table ending in .csv"),
])
def test_standard_input_is_refused_saying_what_is_expected(
        args: list[str], expected: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main([a.replace("{tmp}", str(tmp_path)) for a in args]) == 2
    err = capsys.readouterr().err
    assert f"'-': standard input is not read; give the path of {expected}" in err, err
    assert os.listdir(tmp_path) == []


def test_standard_input_in_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "-", "--lang", "sv"]) == 2
    err = capsys.readouterr().err
    assert "'-': standardinmatningen läses inte; ange sökvägen till en upphandlingsfil som " \
           "slutar på .toml, .yaml, .yml eller .json" in err, err


@pytest.mark.parametrize(("args", "expected"), [
    (["portfolio", "{dir}"], "a procurement plan ending in .csv, .xlsx or .toml"),
    (["portfolio", str(PLAN), "--targets", "{dir}"], "a targets file ending in .toml"),
    (["portfolio", str(PLAN), "priorities", "--factors", "{dir}"],
     "a factor table ending in .csv"),
])
def test_a_folder_is_refused_as_a_folder(args: list[str], expected: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main([a.replace("{dir}", str(tmp_path)) for a in args]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path}: is a folder; expected {expected}" in err, err


def test_a_folder_of_the_portfolio_in_swedish(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["portfolio", str(tmp_path), "--lang", "sv"]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path}: är en mapp; förväntade en upphandlingsplan" in err, err
