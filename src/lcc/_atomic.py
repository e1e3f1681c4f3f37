"""Writing a file whole or not at all (a leaf module: it imports nothing of lcc).

A file lcc writes goes first to a temporary file in the same folder, which replaces the
file only once it is complete (:func:`os.replace`, atomic on one file system). A full disk,
a read-only disk or an interruption leaves the previous file as it was and no partial file;
the temporary file is removed on any error. An :class:`OSError` names the file asked for,
never the temporary one (``cannot read or write 'r.md': no space left on the disk``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

#: At most this many characters of the file's name in the temporary file's name (a name
#: near the system's limit stays under it with the prefix and suffix added).
_NAME_PART = 40


def write_atomic(path: str | os.PathLike[str], data: bytes | str | Callable[[Path], object]
                 ) -> Path:
    """Write ``data`` to ``path`` whole, or leave ``path`` as it was.

    Parameters
    ----------
    path : path
        The file to write (a link is followed: the file it points to is replaced).
    data : bytes, str or callable
        The bytes to write, a text (written as UTF-8), or a function that writes the file
        it is given (a temporary file with the same suffix as ``path``, in its folder).

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    OSError
        The file could not be written; its ``filename`` is ``path``. ``path`` is unchanged.
    """
    asked = Path(path)
    target = Path(os.path.realpath(asked)) if asked.is_symlink() else asked
    mode = _mode_of(target, asked)
    fd, tmp = _create(target, asked, mode)
    try:
        if callable(data):
            os.close(fd)
            fd = -1
            data(tmp)
        else:
            raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
            view = memoryview(raw)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
            os.close(fd)
            fd = -1
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        _discard(fd, tmp)
        if exc.filename is None or os.fspath(exc.filename) == os.fspath(tmp):
            raise OSError(exc.errno, exc.strerror or str(exc), os.fspath(asked)) from exc
        raise
    except BaseException:
        _discard(fd, tmp)
        raise
    _sync_folder(target.parent)
    return asked


def _mode_of(target: Path, asked: Path) -> int | None:
    """The permissions of the file written over (None: a new file, as the umask says); a
    file that may not be written is refused, as writing into it would have been."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, os.fspath(asked)) from exc
    if stat.S_ISREG(st.st_mode) and not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(asked))
    return stat.S_IMODE(st.st_mode)


def _create(target: Path, asked: Path, mode: int | None) -> tuple[int, Path]:
    """A new, empty temporary file next to ``target``, open for writing."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = target.with_name(f".{target.name[:_NAME_PART]}.{secrets.token_hex(4)}.tmp"
                               f"{target.suffix[:_NAME_PART]}")
        try:
            return os.open(tmp, flags, 0o666 if mode is None else 0o600), tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, os.fspath(asked)) from exc
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), os.fspath(asked))


def _discard(fd: int, tmp: Path) -> None:
    """Close and remove the temporary file (after an error; nothing else to say)."""
    if fd >= 0:
        with contextlib.suppress(OSError):
            os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the system allows (best effort)."""
    try:
        fd = os.open(folder if str(folder) else ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = ["write_atomic"]
