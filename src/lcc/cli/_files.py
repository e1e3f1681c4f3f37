"""Files a command writes: never one of its own inputs, never an existing file unasked."""

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


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()
