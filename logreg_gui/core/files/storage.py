"""Files on disk: opened only when they are regular files within a size limit, written
whole or not at all, and recognised later by the digest of their content."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import tempfile

from ..errors import DataError
from ..i18n import translate
from .document import file_name

__all__ = [
    "TEMPORARY_SUFFIX",
    "checked_size",
    "file_digest",
    "open_checked",
    "read_bytes",
    "remove_stale_temporaries",
    "write_atomically",
]

#: The suffix of a file being written (beside the file it replaces once complete).
TEMPORARY_SUFFIX = ".part"


def file_digest(path) -> str:
    """SHA-256 of a file's content (to recognise the same data file later)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(2**20), b""):
            digest.update(block)
    return digest.hexdigest()


def checked_size(path, limit) -> int:
    """The size of ``path`` once it is known to be a regular file of at most ``limit``
    bytes (looked at before anything is read: a pipe would block, a device never end);
    DataError otherwise."""
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
    return info.st_size


def open_checked(path, limit):
    """``path`` opened for reading, once :func:`checked_size` allows it (not following a
    pipe put there in between); DataError otherwise."""
    checked_size(path, limit)
    try:
        handle = open(path, "rb")  # noqa: SIM115 (the caller closes it)
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            handle.close()
            raise DataError(
                translate("persistence", "{name} is not a regular file.").format(
                    name=file_name(path)
                )
            )
        return handle
    except OSError as exc:
        raise DataError(_unreadable(file_name(path), exc)) from None


def read_bytes(path, limit) -> bytes:
    """The whole content of ``path``, a regular file of at most ``limit`` bytes."""
    with open_checked(path, limit) as handle:
        try:
            return handle.read(limit + 1)[:limit]
        except OSError as exc:
            raise DataError(_unreadable(file_name(path), exc)) from None


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


#: A temporary file :func:`write_atomically` makes: ``.NAME.XXXXXXXX.part``.
_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}" + re.escape(TEMPORARY_SUFFIX))


def remove_stale_temporaries(folders, older_than=3600.0) -> int:
    """Remove what writes cut short left in ``folders`` (a process killed while writing):
    :func:`write_atomically`'s temporary files older than ``older_than`` seconds (a write
    going on elsewhere is younger). Returns how many were removed; never fails."""
    import time

    removed, now = 0, time.time()
    for folder in dict.fromkeys(os.fspath(f) for f in folders if f):
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                if not _TEMPORARY.fullmatch(entry.name) or not entry.is_file(follow_symlinks=False):
                    continue
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > older_than:
                        os.remove(entry.path)
                        removed += 1
    return removed
