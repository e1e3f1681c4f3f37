"""Files a command reads and writes.

A command reads files named by a path (never standard input: ``-`` is refused, saying what
is expected) and writes a file never over one of its own inputs, never over an existing
file unasked.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from lcc._errors import LCCError, Msg
from lcc._i18n._catalog import N_


def add_force(parser: argparse.ArgumentParser) -> None:
    """The ``--force`` option of a command that writes a file."""
    parser.add_argument("--force", action="store_true",
                        help=N_("write over the output file if it exists (never over an input)"))


def output_path(args: argparse.Namespace, *inputs: str | os.PathLike[str] | None) -> Path:
    """The file named by ``-o``, checked: not one of ``inputs``, and new unless ``--force``.

    Raises
    ------
    LCCError
        With ``field = "-o"``: the file is one of the command's inputs (a tender that
        ``lcc schema -o`` would have overwritten, the tender ``import-bids`` read), or it
        exists and ``--force`` was not given.
    """
    out = Path(args.output)
    for given in inputs:
        if given is not None and _same(out, Path(given)):
            raise LCCError(Msg(
                "-o: {out} is one of this command's input files ({given}); no command writes "
                "over its own input — write to another file", out=str(out), given=str(given)),
                field="-o", code="invalid-value")
    if out.exists() and not getattr(args, "force", False):
        raise LCCError(Msg("-o: {out} exists already; add --force to write over it, or give "
                           "another file", out=str(out)), field="-o", code="invalid-value")
    if out.exists() and not out.is_file():
        raise LCCError(Msg("-o: {out} is not a regular file", out=str(out)), field="-o",
                       code="invalid-value")

    return out


#: What each input of the commands is, for a message that says what is expected.
EXPECTED: dict[str, Msg] = {
    "tender": Msg("a tender file ending in .toml, .yaml, .yml or .json"),
    "forms": Msg("a filled bid form ending in .xlsx"),
    "plan": Msg("a procurement plan ending in .csv, .xlsx or .toml"),
    "--targets": Msg("a targets file ending in .toml"),
    "--factors": Msg("a factor table ending in .csv"),
}


def input_path(path: str | os.PathLike[str] | None, field: str) -> None:
    """Refuse an input that is not a file's path, saying what is expected (``EXPECTED``).

    ``-`` (standard input, by the usual convention) is not read: a tender or plan names its
    assumption set and files relative to its own folder, and its format follows its
    suffix. A folder is refused as a folder (the file reader would say 'unknown file type').

    Raises
    ------
    LCCError
        With ``field``: ``-`` (``invalid-value``), or a folder (``missing-file``).
    """
    if path is None:
        return
    text = os.fspath(path)
    if text == "-":
        raise LCCError(Msg("'-': standard input is not read; give the path of {expected}",
                           expected=EXPECTED[field]),
                       field=field, code="invalid-value")
    if os.path.isdir(text):
        raise LCCError(Msg("{path}: is a folder; expected {expected}", path=text,
                           expected=EXPECTED[field]), field=field, code="missing-file")


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()
