"""The file behind a path: refused unless it is a readable regular file of a sane size, opened
without waiting on a pipe, its system errors said in plain words; and the cancel check made
between reads."""

from __future__ import annotations

import os
import stat

from ...errors import Cancelled, DataError
from ...i18n import translate
from .messages import folder, no_file, not_ordinary

#: Larger files are refused before reading: a table that big would not fit in memory anyway.
MAX_FILE_BYTES = 2 * 1024**3


def check_cancel(cancel) -> None:
    """Raise :class:`~logreg_gui.core.errors.Cancelled` when ``cancel`` (if any) returns True."""
    if cancel is not None and cancel():
        raise Cancelled(translate("data.reading", "reading the file was cancelled."))


def os_error(exc: OSError, name: str) -> DataError:
    """``exc``, raised reading ``name``, as one plain-words sentence."""
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return no_file(name)
    if isinstance(exc, PermissionError):
        return DataError(
            translate(
                "data.reading", "{name} cannot be read: permission to read it is denied."
            ).format(name=name)
        )
    if isinstance(exc, IsADirectoryError):
        return folder(name)
    if exc.strerror:
        reason = exc.strerror.rstrip(".").lower()
    else:
        reason = translate("data.reading", "the system refused")
    return DataError(
        translate("data.reading", "{name} cannot be read: {reason}.").format(
            name=name, reason=reason
        )
    )


def check_file(path: str, name: str) -> int:
    """The file's size, after refusing what is not a readable regular file of a sane size."""
    # stat, not open: opening a FIFO for reading blocks until a writer appears, and a device
    # such as /dev/zero never ends.
    try:
        info = os.stat(path)
    except OSError as exc:
        raise os_error(exc, name) from None
    except ValueError:  # a path with a NUL character in it
        raise no_file(name) from None
    if stat.S_ISDIR(info.st_mode):
        raise folder(name)
    if not stat.S_ISREG(info.st_mode):
        raise not_ordinary(name)
    if info.st_size > MAX_FILE_BYTES:
        raise DataError(
            translate(
                "data.reading", "{name} is too large to read ({size}; the limit is {limit})."
            ).format(name=name, size=_size(info.st_size), limit=_size(MAX_FILE_BYTES))
        )
    if info.st_size == 0:
        raise DataError(translate("data.reading", "{name} is empty.").format(name=name))
    return info.st_size


def _size(size: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return translate("data.reading", "{size} bytes").format(size=size)


def open_file(path: str, name: str):
    """The file opened for reading in binary, still known to be a regular file."""
    # O_NONBLOCK: should the path have been swapped for a FIFO since the stat, opening it does
    # not wait for a writer; it has no effect on regular files.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise os_error(exc, name) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise not_ordinary(name)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
