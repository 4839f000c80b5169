"""What every logreg-gui file's JSON shares: the header (format and version), plain values
for JSON, and arrays checked to be finite numbers of the right shape — every problem one
plain sentence (DataError)."""

from __future__ import annotations

import math
import os

import numpy as np

from ..errors import DataError
from ..i18n import translate

__all__ = [
    "VERSION",
    "check_header",
    "data_word",
    "file_name",
    "finite_array",
    "intercepts_word",
    "plain",
    "weights_word",
]

#: The version of the files this logreg-gui writes (and the newest it reads).
VERSION = 1


def plain(value):
    """JSON-ready: numpy scalars and arrays become Python numbers and lists."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def file_name(path) -> str:
    return os.path.basename(str(path))


def check_header(data, kind, path):
    if not isinstance(data, dict) or data.get("format") != kind:
        raise DataError(
            translate("persistence", "{name} is not a {kind} file.").format(
                name=file_name(path), kind=kind
            )
        )
    version = data.get("version")
    if not isinstance(version, int):
        raise DataError(
            translate("persistence", "{name} is not a {kind} file (it has no version).").format(
                name=file_name(path), kind=kind
            )
        )
    if version > VERSION:
        raise DataError(
            translate(
                "persistence",
                "{name} was saved by a newer logreg-gui (file version {version}, this one reads "
                "up to {supported}): update logreg-gui to open it.",
            ).format(name=file_name(path), version=version, supported=VERSION)
        )


def finite_array(value, shape, what, path):
    """``value`` as an array of finite floats of ``shape`` (None: any); ``what`` names it in a
    message (a plural noun, already translated)."""
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise DataError(
            translate("persistence", "{name} is damaged: its {what} are not numbers.").format(
                name=file_name(path), what=what
            )
        ) from None
    if shape is not None and array.shape != shape:
        raise DataError(
            translate(
                "persistence", "{name} is damaged: its {what} have the shape {shape}, not {wanted}."
            ).format(name=file_name(path), what=what, shape=array.shape, wanted=shape)
        )
    if not np.isfinite(array).all():
        raise DataError(
            translate(
                "persistence", "{name} is damaged: its {what} are not all finite numbers."
            ).format(name=file_name(path), what=what)
        )
    return array


def weights_word():
    return translate("persistence", "weights")


def intercepts_word():
    return translate("persistence", "intercepts")


def data_word():
    return translate("persistence", "data")
