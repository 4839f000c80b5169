"""What both programs write as JSON: class labels as plain Python values."""

from __future__ import annotations

import numpy as np


def plain_label(value):
    """A class label as plain JSON (numpy scalars become Python ones)."""
    return value.item() if isinstance(value, np.generic) else value
