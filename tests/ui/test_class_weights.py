"""Class weights in the window: the model form's classWeightInput (none, balanced, per class)
and perClassWeightInput, said wrong next to the field and refused for labels the data do not
have; a balanced run trains the weighted objective, and the optimum line, the loss plot, the
step inspector and the evaluation say what is weighted and what is not; the choice comes
back at the next start."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from scipy.special import expit
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.utils.class_weight import compute_class_weight

from .helpers import find, settle, train_to_end, type_into


def choose(qtbot, window, name, value):
    """Choose ``value`` in the combo box ``name`` with the keyboard, as a person would."""
    box = find(window, name)
    box.setFocus()
    while box.currentData() != value:
        before = box.currentIndex()
        qtbot.keyClick(box, Qt.Key_Down if box.findData(value) > before else Qt.Key_Up)
        assert box.currentIndex() != before, value


def sklearn_optimum(X, labels, class_weight, alpha=None):
    """scikit-learn's optimum of the weighted objective (1/n)·Σ s_i·ℓ_i + (α/2)·‖w‖²
    (C = 1/(α·n); no penalty when α is None), fitted to convergence."""
    model = LogisticRegression(
        C=np.inf if alpha is None else 1.0 / (alpha * len(labels)),
        class_weight=class_weight,
        tol=1e-12,
        max_iter=100_000,
    )
    return model.fit(X, labels)


def sample_weights(class_weight, labels):
    """The weight of each sample as scikit-learn gives it (``compute_class_weight``)."""
    classes = np.unique(labels)
    weights = compute_class_weight(class_weight, classes=classes, y=labels)
    return weights[np.searchsorted(classes, labels)]


def weighted_loss(X, labels, coef, intercept, s):
    """(1/n)·Σ s_i·ℓ_i of two classes, by scikit-learn's log_loss (which divides by Σ s_i)."""
    p = expit(X @ np.ravel(coef) + intercept[0])
    return log_loss(labels, p, sample_weight=s, labels=[0, 1]) * s.sum() / len(labels)


def imbalanced(qtbot, window):
    """Generated data whose last class is a tenth of the samples."""
    type_into(qtbot, find(window, "classShareInput"), "0.1")
    qtbot.waitUntil(
        lambda: (
            window.session.data is not None
            and window.session.data_settings.generation.weights is not None
        ),
        timeout=20_000,
    )


def test_the_weights_per_class_are_asked_for_when_chosen(qtbot, window):
    def shown(name):
        return find(window, name).isVisibleTo(window)

    assert find(window, "classWeightInput").currentData() == "none"
    assert find(window, "classWeightInput").accessibleName() == "classWeightInput"
    assert window.session.request.model["class_weight"] is None
    assert not shown("perClassWeightInput")
    choose(qtbot, window, "classWeightInput", "balanced")
    qtbot.waitUntil(lambda: window.session.request.model["class_weight"] == "balanced")
    assert not shown("perClassWeightInput")
    choose(qtbot, window, "classWeightInput", "per_class")
    assert shown("perClassWeightInput")
    field = find(window, "perClassWeightInput")
    assert field.accessibleName() == "perClassWeightInput"
    # Empty, then a weight that is not a number: said next to the field, Train waits.
    assert "class_weights" in window.session.request.problems
    type_into(qtbot, field, "0: 1, 1: x")
    assert "the weight of class 1 must be a number greater than 0" in (
        find(window, "perClassWeightInputError").text()
    )
    assert not find(window, "trainButton").isEnabled()
    type_into(qtbot, field, "0: 1, 1: 10")
    qtbot.waitUntil(lambda: find(window, "trainButton").isEnabled(), timeout=10_000)
    assert window.session.request.model["class_weight"] == {0: 1.0, 1: 10.0}
    # Labels that are no class of these data: Train waits, and says why.
    type_into(qtbot, field, "5: 2")
    qtbot.waitUntil(lambda: not find(window, "trainButton").isEnabled(), timeout=10_000)
    assert "not classes of these data (0, 1)" in window.session.why_not_train
    choose(qtbot, window, "classWeightInput", "none")
    qtbot.waitUntil(lambda: find(window, "trainButton").isEnabled(), timeout=10_000)
    assert window.session.request.model["class_weight"] is None


def test_choosing_balanced_trains_the_weighted_objective_and_the_optimum_line_is_its(qtbot, window):
    imbalanced(qtbot, window)
    choose(qtbot, window, "classWeightInput", "balanced")
    type_into(qtbot, find(window, "learningRateInput"), "0.5")
    type_into(qtbot, find(window, "epochsInput"), "400")
    train_to_end(qtbot, window)
    session = window.session
    run = session.run
    assert run.settings["class_weight"] == "balanced"
    assert run.settings["penalty"] is None
    X, labels = session.data.X_train, session.data.y_train
    s = sample_weights("balanced", labels)
    assert s[labels == 1][0] > 3 * s[labels == 0][0]  # the rare class weighs more
    # The optimum line is the weighted objective's: scikit-learn's balanced optimum.
    qtbot.waitUntil(
        lambda: (
            session.optimum is not None
            and session.optimum.exists
            and session.optimum_is_of(run.settings)
        ),
        timeout=30_000,
    )
    optimum = session.optimum
    reference = sklearn_optimum(X, labels, "balanced")
    np.testing.assert_allclose(
        optimum.class_weights, compute_class_weight("balanced", classes=np.array([0, 1]), y=labels)
    )
    np.testing.assert_allclose(optimum.coef, reference.coef_, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(optimum.intercept, reference.intercept_, rtol=1e-5, atol=1e-6)
    assert optimum.objective == pytest.approx(
        weighted_loss(X, labels, reference.coef_, reference.intercept_, s), rel=1e-9
    )
    plot = window.loss_plot
    assert plot.reference_label.startswith("optimum of the weighted training objective")
    legend = plot.loss_plot_item.legend
    assert legend.getLabel(plot.train_loss).text == "weighted train loss"
    assert "Optimum of the weighted training objective" in find(window, "optimumLabel").text()
    # The curve drawn is the weighted objective at the run's weights, at or above the optimum;
    # the plain train loss beside it is unweighted.
    _, coef, intercept = session.shown()
    drawn = plot.data()["train_loss"]
    assert drawn[-1] == pytest.approx(weighted_loss(X, labels, coef, intercept, s), rel=1e-10)
    assert drawn[-1] >= optimum.objective - 1e-12
    plain = log_loss(labels, expit(X @ coef[0] + intercept[0]), labels=[0, 1])
    assert run.latest["train_loss"] == pytest.approx(plain, rel=1e-10)
    assert drawn[-1] != pytest.approx(plain, rel=1e-3)
    # The metrics stay unweighted, and say so.
    window.tabs.setCurrentWidget(window.evaluation)
    qtbot.waitUntil(lambda: session.evaluation is not None, timeout=20_000)
    qtbot.waitUntil(lambda: "unweighted" in find(window, "metricsTable").toolTip(), timeout=10_000)
    assert session.evaluation[0].log_loss == pytest.approx(plain, rel=1e-9)
    # The landscape is the weighted objective, and says so.
    window.tabs.setCurrentWidget(window.landscape)
    view = window.landscape
    qtbot.waitUntil(lambda: view.landscape() is not None, timeout=20_000)
    assert view.value_at_center() == pytest.approx(drawn[-1], rel=1e-10)
    assert "weighted by class" in find(window, "landscapeCaption").text()


def test_the_complexity_curve_is_that_of_the_weighted_optimum(qtbot, window):
    imbalanced(qtbot, window)
    choose(qtbot, window, "classWeightInput", "balanced")
    qtbot.waitUntil(
        lambda: window.session.request.model["class_weight"] == "balanced", timeout=10_000
    )
    window.tabs.setCurrentWidget(window.evaluation)
    window.evaluation.pages.setCurrentWidget(window.complexity)
    settle()
    view = window.complexity
    view.set_axis("l2")
    qtbot.mouseClick(find(window, "complexityComputeButton"), Qt.LeftButton)
    qtbot.waitUntil(
        lambda: window.session.complexity.get("l2") is not None and not view.running(),
        timeout=60_000,
    )
    data = window.session.data
    drawn = view.drawn()
    assert len(drawn["x"]) > 5
    # Each point: scikit-learn's balanced optimum with C = 1/(α·n), its losses unweighted.
    for i, alpha in enumerate(drawn["x"]):
        model = sklearn_optimum(data.X_train, data.y_train, "balanced", alpha)
        train = log_loss(data.y_train, model.predict_proba(data.X_train))
        test = log_loss(data.y_test, model.predict_proba(data.X_test))
        assert drawn["train_loss"][i] == pytest.approx(train, rel=1e-5), alpha
        assert drawn["test_loss"][i] == pytest.approx(test, rel=1e-5), alpha
    text = find(window, "complexitySummary").text()
    assert "weighted objective (balanced class weights)" in text
    assert "the losses shown are unweighted" in text


def test_a_changed_class_weight_changes_the_optimum_line(qtbot, window):
    imbalanced(qtbot, window)
    type_into(qtbot, find(window, "epochsInput"), "50")
    train_to_end(qtbot, window)
    session = window.session
    qtbot.waitUntil(
        lambda: session.optimum is not None and session.optimum_is_of(session.run.settings),
        timeout=30_000,
    )
    plain = session.optimum
    assert not plain.weighted
    assert window.loss_plot.reference_label.startswith("optimum of the training objective")
    choose(qtbot, window, "classWeightInput", "per_class")
    type_into(qtbot, find(window, "perClassWeightInput"), "0: 1, 1: 10")
    train_to_end(qtbot, window)
    qtbot.waitUntil(
        lambda: (
            session.optimum is not None
            and session.optimum.weighted
            and session.optimum_is_of(session.run.settings)
        ),
        timeout=30_000,
    )
    np.testing.assert_allclose(session.optimum.class_weights, [1.0, 10.0])
    reference = sklearn_optimum(session.data.X_train, session.data.y_train, {0: 1, 1: 10})
    np.testing.assert_allclose(session.optimum.coef, reference.coef_, rtol=1e-5, atol=1e-6)
    assert not np.allclose(session.optimum.coef, plain.coef, atol=1e-3)
    assert not session.optimum_is_of(dict(session.run.settings, class_weight=None))
    assert "class weights 0: 1, 1: 10" in session.run.label


def test_the_step_inspector_shows_the_weighted_loss_and_gradient(qtbot, window):
    imbalanced(qtbot, window)
    choose(qtbot, window, "classWeightInput", "balanced")
    for epoch in (1, 2):
        qtbot.mouseClick(find(window, "stepButton"), Qt.LeftButton)
        qtbot.waitUntil(
            lambda epoch=epoch: (
                window.session.run is not None and window.session.run.epoch == epoch
            ),
            timeout=10_000,
        )
    window.tabs.setCurrentWidget(window.step_inspector)
    qtbot.waitUntil(
        lambda: getattr(window.step_inspector.explanation(), "epoch", None) == 2, timeout=10_000
    )
    step = window.step_inspector.explanation()
    assert step.weighted
    session = window.session
    assert session.run.settings["batch_size"] is None  # full batch: one gradient
    X, labels = session.data.X_train, session.data.y_train
    s = sample_weights("balanced", labels)
    coef, intercept = session.run.parameters_at(1)
    # J and ∇J at the weights of epoch 1, weighted as scikit-learn weighs the samples.
    assert step.objective_before == pytest.approx(
        weighted_loss(X, labels, coef, intercept, s), rel=1e-12
    )
    residual = s * (expit(X @ coef[0] + intercept[0]) - labels)
    np.testing.assert_allclose(step.grad_coef[0], X.T @ residual / len(labels), atol=1e-14)
    np.testing.assert_allclose(step.grad_intercept[0], residual.mean(), atol=1e-14)
    # The update the kernel made is −η·∇J of the weighted J.
    after, _ = session.run.parameters_at(2)
    rate = session.run.settings["learning_rate"]
    np.testing.assert_allclose(after - coef, -rate * step.grad_coef, atol=1e-14)
    assert "The loss is weighted by class" in find(window, "stepTitle").text()
    text = find(window, "stepForward").text()
    assert "weighted mean cross-entropy" in text
    assert "s·(ŷ − y)" in window.step_inspector.gradient_title.text()


def test_the_class_weights_come_back_at_the_next_start(qtbot, window):
    from logreg_gui.ui.app.main_window import MainWindow

    choose(qtbot, window, "classWeightInput", "per_class")
    type_into(qtbot, find(window, "perClassWeightInput"), "0: 2, 1: 0.5")
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.session.data is not None, timeout=20_000)
    try:
        assert find(again, "classWeightInput").currentData() == "per_class"
        assert find(again, "perClassWeightInput").text() == "0: 2, 1: 0.5"
        qtbot.waitUntil(lambda: again.session.request.model is not None, timeout=10_000)
        assert again.session.request.model["class_weight"] == {0: 2.0, 1: 0.5}
    finally:
        again.close()


def test_an_opened_sessions_class_weights_are_shown_in_the_form(qtbot, window, tmp_path):
    choose(qtbot, window, "classWeightInput", "per_class")
    type_into(qtbot, find(window, "perClassWeightInput"), "0: 3")
    type_into(qtbot, find(window, "epochsInput"), "20")
    train_to_end(qtbot, window)
    path = tmp_path / "weighted.lrsession"
    window.save_session(str(path))
    choose(qtbot, window, "classWeightInput", "none")
    window.open_session(str(path))
    qtbot.waitUntil(
        lambda: find(window, "classWeightInput").currentData() == "per_class", timeout=20_000
    )
    assert find(window, "perClassWeightInput").text() == "0: 3"
    assert window.session.run.settings["class_weight"] == {0: 3.0}
