"""The landscape's contour lines, computed in its job: every point of a line lies on its
level (read off the grid between the two values it was placed between). In the image's
pixel coordinates a grid value sits at the centre of its pixel: value [i, j] at i + ½."""

import numpy as np

from logreg_gui.ui.views.landscape_view import LEVEL_QUANTILES, level_lines


def bilinear(values_t, x, y):
    """``values_t`` (indexed [x, y]) read at a point between grid points."""
    i0, j0 = int(np.floor(x)), int(np.floor(y))
    i1, j1 = min(i0 + 1, values_t.shape[0] - 1), min(j0 + 1, values_t.shape[1] - 1)
    fx, fy = x - i0, y - j0
    top = values_t[i0, j0] * (1 - fx) + values_t[i1, j0] * fx
    bottom = values_t[i0, j1] * (1 - fx) + values_t[i1, j1] * fx
    return top * (1 - fy) + bottom * fy


def test_every_point_of_a_contour_line_is_on_its_level():
    a = np.linspace(-2.0, 3.0, 61)
    b = np.linspace(-1.0, 1.5, 41)
    values = (a[None, :] - 0.4) ** 2 + 3.0 * (b[:, None] + 0.2) ** 2  # rows along b
    levels = np.quantile(values, LEVEL_QUANTILES)
    x, y = level_lines(values)
    assert len(x) == len(y) and np.isnan(x).any()  # several lines, NaN between them
    x, y = x - 0.5, y - 0.5  # grid coordinates
    inside = np.isfinite(x) & (x >= 0) & (x <= len(a) - 1) & (y >= 0) & (y <= len(b) - 1)
    assert inside.sum() > 200
    read = np.array([bilinear(values.T, xi, yi) for xi, yi in zip(x[inside], y[inside])])
    assert np.abs(read[:, None] - levels[None, :]).min(axis=1).max() < 1e-9
    # Each level has its line: the ellipses around the minimum are closed curves.
    for level in levels:
        assert np.isclose(read, level, atol=1e-9).any()


def test_a_flat_slice_has_no_lines():
    x, y = level_lines(np.ones((5, 7)))
    assert len(x) == len(y)
    assert not np.isfinite(x).any() or len(x) == 0
