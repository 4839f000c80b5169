"""Cross-validation, the learning curve and the reliability diagram in the Evaluation tab:
what each page shows equals the core's computation with the same settings (itself checked
against scikit-learn), computed in the background and cancellable."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from scipy.special import expit

from logreg_gui.core import LogisticRegressionGD
from logreg_gui.core.analysis.calibration import calibration
from logreg_gui.core.analysis.validation import cross_validation, learning_curve_of
from logreg_gui.core.model.objective import decision_scores

from .helpers import find, train_to_end, type_into


def page(window, name):
    window.tabs.setCurrentWidget(window.evaluation)
    view = find(window, name)
    find(window, "evaluationPages").setCurrentWidget(view)
    return view


def test_cross_validation_shows_the_folds_of_the_training_part(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "300")
    view = page(window, "crossValidation")
    find(window, "cvFoldsInput").setCurrentIndex(1)  # 4 folds
    qtbot.mouseClick(find(window, "cvComputeButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: "cv" in window.session.validation, timeout=60_000)
    result = view.result()
    params = dict(window.coordinator.params())
    expected = cross_validation(window.session.data, LogisticRegressionGD(**params), k=4,
                                seed=0, feature_map=window.session.data_settings.feature_map)  # fmt: skip
    np.testing.assert_allclose(result.scores["accuracy"], expected.scores["accuracy"])
    np.testing.assert_allclose(result.scores["log_loss"], expected.scores["log_loss"])
    table = find(window, "cvTable")
    assert table.rowCount() == 5
    assert float(table.item(0, 0).text()) == pytest.approx(expected.scores["accuracy"][0], abs=5e-5)
    mean = table.item(4, 0).text()
    assert mean == f"{expected.mean('accuracy'):.4f} ± {expected.sd('accuracy'):.4f}"
    assert "4-fold cross-validation of the training part" in find(window, "cvSummary").text()


def test_cross_validation_can_be_cancelled(qtbot, window):
    page(window, "crossValidation")
    find(window, "cvFoldsInput").setCurrentIndex(7)  # 10 folds
    find(window, "cvRepeatsInput").setCurrentIndex(4)  # ×5: 50 models
    qtbot.mouseClick(find(window, "cvComputeButton"), Qt.LeftButton)
    assert find(window, "cvCancelButton").isVisible()
    qtbot.mouseClick(find(window, "cvCancelButton"), Qt.LeftButton)
    assert window.session.validation_running is None and "cv" not in window.session.validation
    assert "cancelled" in find(window, "cvSummary").text()


def test_the_learning_curve_is_the_core_s_and_says_what_it_means(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "300")
    view = page(window, "learningCurve")
    qtbot.mouseClick(find(window, "learningComputeButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: "learning" in window.session.validation, timeout=60_000)
    params = dict(window.coordinator.params())
    expected = learning_curve_of(window.session.data, LogisticRegressionGD(**params), k=5,
                                 seed=0, feature_map=window.session.data_settings.feature_map)  # fmt: skip
    curve = view.result()
    np.testing.assert_array_equal(curve.sizes, expected.sizes)
    np.testing.assert_allclose(curve.validation, expected.validation)
    assert len(find(window, "learningPlot").listDataItems()) >= 2
    assert "training accuracy" in find(window, "learningSummary").text()


@pytest.mark.parametrize("strategy", [0, 1])
def test_the_reliability_diagram_of_the_test_samples(qtbot, window, strategy):
    type_into(qtbot, find(window, "epochsInput"), "300")
    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: window.session.evaluation is not None, timeout=20_000)
    view = page(window, "calibrationPlot")
    find(window, "calibrationStrategyInput").setCurrentIndex(strategy)
    _, coef, intercept = window.session.shown()
    p = expit(decision_scores(window.session.data.X_test, coef, intercept)[:, 0])
    y = window.session.y_test
    expected = calibration(y, p, 10, ("uniform", "quantile")[strategy])
    shown = view.shown()
    order = np.argsort(shown.predicted)
    np.testing.assert_allclose(shown.predicted[order], np.sort(expected.predicted))
    np.testing.assert_allclose(shown.brier, expected.brier)
    assert f"Brier score {expected.brier:.4f}" in find(window, "calibrationSummary").text()


def test_the_accuracy_paradox_is_said_on_imbalanced_classes(qtbot, window, tmp_path):
    """95 of 100 samples of one class: a model scoring about as well as always guessing it
    is said to, with the balanced accuracy to read instead."""
    import pandas as pd

    rng = np.random.default_rng(0)
    n = 400
    y = (rng.uniform(size=n) < 0.05).astype(int)
    x = rng.normal(size=(n, 2)) + 0.3 * y[:, None]  # barely separated: close to the baseline
    path = tmp_path / "rare.csv"
    pd.DataFrame({"a": x[:, 0], "b": x[:, 1], "rare": y}).to_csv(path, index=False)
    window.open_data(str(path), target="rare", wait=True)
    type_into(qtbot, find(window, "epochsInput"), "300")
    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: window.session.evaluation is not None, timeout=20_000)
    window.tabs.setCurrentWidget(window.evaluation)
    note = window.evaluation.paradox_note()
    test = window.session.evaluation[1]
    assert f"always predicting the largest class would score {test.majority:.3f}" in note
    assert "balanced accuracy" in note
    shown = window.evaluation.shown_values()["test"]
    assert shown["balanced_accuracy"] == pytest.approx(test.balanced_accuracy, abs=5e-5)


def test_no_paradox_is_said_on_balanced_classes(qtbot, window):
    type_into(qtbot, find(window, "epochsInput"), "300")
    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: window.session.evaluation is not None, timeout=20_000)
    assert window.evaluation.paradox_note() == ""


def test_the_penalty_path_and_a_strength_chosen_on_it(qtbot, window):
    """The path of L1 on the seed's data equals the core's, with each strength's
    cross-validated log-loss; 'Use the best α' puts that penalty into the form."""
    from logreg_gui.core.analysis.path import alpha_grid, regularization_path

    view = page(window, "regularizationPath")
    find(window, "pathPenaltyInput").setCurrentIndex(0)  # L1
    qtbot.mouseClick(find(window, "pathComputeButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: "path" in window.session.validation, timeout=120_000)
    path, cv = view.result()
    X, y = window.session.data.X_train, window.session.y_train
    expected = regularization_path(X, y, 2, "l1", 0.15, alphas=alpha_grid(X, y, 2, "l1"))
    np.testing.assert_allclose(path.coefs, expected.coefs, atol=1e-8)
    assert path.zeros()[0] == X.shape[1]  # the strongest: every weight exactly 0
    assert cv.log_loss.shape == (len(path.alphas), 5)
    assert "L1 path" in find(window, "pathSummary").text()
    qtbot.mouseClick(find(window, "pathUseBestButton"), Qt.LeftButton)
    best = cv.alphas[cv.best()]
    qtbot.waitUntil(
        lambda: (
            window.session.request.model is not None
            and window.session.request.model["penalty"] == "l1"
        ),
        timeout=10_000,
    )
    assert window.session.request.model["alpha"] == pytest.approx(best, rel=1e-3)
    assert find(window, "penaltyInput").currentData() == "l1"
