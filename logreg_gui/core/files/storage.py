"""Files on disk: read whole within a size limit, written whole or not at all, and
recognised later by the digest of their content."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile

from ..errors import DataError
from ..i18n import translate
from .document import file_name

__all__ = ["TEMPORARY_SUFFIX", "file_digest", "read_bytes", "write_atomically"]

#: The suffix of a file being written (beside the file it replaces once complete).
TEMPORARY_SUFFIX = ".part"


def file_digest(path) -> str:
    """SHA-256 of a file's content (to recognise the same data file later)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(2**20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_bytes(path, limit) -> bytes:
    name = file_name(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise DataError(
            translate("persistence", "the file {name} does not exist.").format(name=name)
        ) from None
    except OSError as exc:
        raise DataError(_unreadable(name, exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise DataError(translate("persistence", "{name} is not a regular file.").format(name=name))
    if info.st_size > limit:
        raise DataError(
            translate("persistence", "{name} is too large to be a logreg-gui file.").format(
                name=name
            )
        )
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise DataError(_unreadable(name, exc)) from None


def _unreadable(name, exc: OSError) -> str:
    return translate("persistence", "the file {name} cannot be read: {reason}.").format(
        name=name, reason=exc.strerror
    )


def write_atomically(path, content) -> None:
    """Write the whole file or nothing: a failure never leaves half a file behind, and the
    file that was there stays until the new one is complete on disk.

    ``content`` is bytes, or a function that writes into the open binary file it is given.
    The file is written beside ``path`` under a name of its own (two writers never share
    one), flushed to the disk, then put in place in one step."""
    path = os.fspath(path)
    folder, name = os.path.split(os.path.abspath(path))
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{name}.", suffix=TEMPORARY_SUFFIX, dir=folder
        )
        with os.fdopen(handle, "wb") as out:
            if callable(content):
                content(out)
            else:
                out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        raise DataError(
            translate("persistence", "{name} cannot be written: {reason}.").format(
                name=file_name(path), reason=exc.strerror or exc
            )
        ) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.remove(temporary)
