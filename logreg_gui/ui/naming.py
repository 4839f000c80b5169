"""Names for automation and accessibility."""

from __future__ import annotations

__all__ = ["named"]


def named(widget, name, tooltip=None):
    """Give ``widget`` an objectName, the same accessibleName and, if given, a tooltip."""
    widget.setObjectName(name)
    widget.setAccessibleName(name)
    if tooltip is not None:
        widget.setToolTip(tooltip)
    return widget
