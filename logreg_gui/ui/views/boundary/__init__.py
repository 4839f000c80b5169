"""The live decision-boundary view: the samples on a plane through feature space over a map of
the model's probabilities, with the lines where its prediction changes.

The maths (planes, projections, probabilities, boundary lines) lives in
:mod:`logreg_gui.core.analysis.boundary`; this package only turns its arrays into pixels:
the samples drawn (``points``), the probability map and its colour scale (``background``),
the legend (``legend``) and the view that composes them and follows the session (``view``).
"""

from .view import BoundaryView

__all__ = ["BoundaryView"]
