"""Files on disk: read whole within a size limit, written whole or not at all, and
recognised later by the digest of their content."""

from __future__ import annotations

import hashlib
import os
import stat

from ..errors import DataError
from ..i18n import translate
from .document import file_name

__all__ = ["file_digest", "read_bytes", "write_atomically"]


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


def write_atomically(path, content: bytes) -> None:
    """Write the whole file or nothing: a failure never leaves half a file behind."""
    path = os.fspath(path)
    temporary = f"{path}.part"
    try:
        with open(temporary, "wb") as handle:
            handle.write(content)
        os.replace(temporary, path)
    except OSError as exc:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise DataError(
            translate("persistence", "{name} cannot be written: {reason}.").format(
                name=file_name(path), reason=exc.strerror
            )
        ) from None
