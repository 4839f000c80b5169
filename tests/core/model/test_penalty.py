"""The penalties as a person sets them (SGDClassifier's names) and their strengths."""

import numpy as np
import pytest

from logreg_gui.core.model.objective import penalty as penalty_term
from logreg_gui.core.model.penalty import (
    Penalty,
    as_penalty,
    penalty_of,
    settings_without_l2,
    soft_threshold,
)


def test_strengths_of_each_penalty():
    assert Penalty().strengths == (0.0, 0.0) and not Penalty().active
    assert Penalty("none", 0.5) == Penalty(None, 0.5) and not Penalty("none", 0.5).active
    assert Penalty("l2", 0.5).strengths == (0.5, 0.0)
    assert Penalty("l1", 0.5).strengths == (0.0, 0.5)
    assert Penalty("elasticnet", 0.5, 0.2).strengths == pytest.approx((0.4, 0.1))
    with pytest.raises(ValueError, match="unknown penalty"):
        Penalty("l3")


def test_the_term_is_sgdclassifiers():
    coef = np.array([[1.0, -2.0, 0.0, 3.0]])
    squares, sizes = float(np.sum(coef**2)), float(np.sum(np.abs(coef)))
    alpha, r = 0.3, 0.25
    assert Penalty("l2", alpha).value(coef) == pytest.approx(alpha * 0.5 * squares)
    assert Penalty("l1", alpha).value(coef) == pytest.approx(alpha * sizes)
    expected = alpha * (r * sizes + (1 - r) / 2 * squares)
    assert Penalty("elasticnet", alpha, r).value(coef) == pytest.approx(expected)
    p = Penalty("elasticnet", alpha, r)
    assert penalty_term(coef, p.l2, p.l1) == pytest.approx(expected)
    assert Penalty("l2", 0.1).C(50) == pytest.approx(1 / (0.1 * 50))
    assert Penalty().C(50) == np.inf


def test_earlier_settings_name_l2():
    assert settings_without_l2({"l2": 0.2, "epochs": 5}) == {
        "penalty": "l2",
        "alpha": 0.2,
        "epochs": 5,
    }
    assert settings_without_l2({"l2": 0.0}) == {"penalty": None}
    assert settings_without_l2({"l2": None, "penalty": "l1"}) == {"penalty": "l1"}
    assert penalty_of({"l2": 0.2}) == Penalty("l2", 0.2)
    assert penalty_of({}) == Penalty()
    assert as_penalty(0.3) == Penalty("l2", 0.3) and as_penalty(0) == Penalty()


def test_soft_thresholding_gives_exact_zeros():
    values = np.array([-3.0, -0.5, 0.0, 0.2, 0.5, 2.0])
    np.testing.assert_array_equal(soft_threshold(values, 0.5), [-2.5, 0, 0, 0, 0, 1.5])
