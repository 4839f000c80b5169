"""The training objective over two parameters, the others held fixed: the loss landscape.

A view draws ``J = mean cross-entropy + (l2 / 2)·||coef||² + l1·||coef||₁`` (intercepts
unpenalised, the objective of :mod:`~logreg_gui.core.model.objective`; with class weights the
cross-entropy is the weighted ``(1/n)·Σ s_i·ℓ_i``) over a grid of two chosen parameters, every
other parameter held at its value of one epoch, with the path gradient descent took.

A parameter is a cell ``(row, column)`` of the augmented array ``(k, d + 1)``: the weights of
row ``row`` in columns ``0 .. d - 1``, its intercept in column ``d`` (the layout of
:class:`~logreg_gui.core.training.history.WeightHistory`). ``k == 1`` for two classes (the score is the
log-odds of class 1), ``k == n_classes`` for more (softmax).

The grid is cheap because the scores are affine in the two parameters: moving weight
``(r, j)`` by δ adds ``δ·X[:, j]`` to score column ``r`` (an intercept adds δ). The scores
are computed once, and each grid point costs one evaluation of
``f(t) = |t|/2 + log1p(exp(-|t|))`` per row, whatever the number of classes, using

    logaddexp(x, y) = (x + y)/2 + f(x - y)

whose first half sums separately over the rows (it is linear, or depends on one parameter
only). Two classes: the loss of a row is ``logaddexp(0, z) - y·z``. More: the log-sum-exp of
the scores the two parameters do not touch is computed once per row (``L``); if both
parameters are in row ``r`` the loss is ``logaddexp(L, z_r) - z_y``, and if they are in rows
``r`` and ``s``, ``logaddexp(logaddexp(L, z_r), z_s) - z_y`` where the inner term depends on the
first parameter only (computed once per value, not per grid point). ``f`` is evaluated with
numpy's vectorised ``exp`` and ``log1p``, several times faster than ``np.logaddexp``, in
blocks of about half a megabyte: memory stays bounded whatever the data and the grid.

Large data are evaluated on a fixed random sample of their rows (:data:`MAX_ROWS` by
default); the result says so (``rows_used < n_rows``).

The modules: ``parameters`` (which parameters there are, the two shown first, their path),
``grid`` (the objective over the grid and at one point) and ``description`` (a landscape in
plain words).
"""

from .description import describe
from .grid import MAX_ROWS, Landscape, compute_landscape, grid_axes, sample_rows, value_at
from .parameters import Parameter, default_parameters, parameter_choices, path_of

__all__ = [
    "MAX_ROWS",
    "Landscape",
    "Parameter",
    "compute_landscape",
    "default_parameters",
    "describe",
    "grid_axes",
    "parameter_choices",
    "path_of",
    "sample_rows",
    "value_at",
]
