"""View ▸ The blog's code beside (blogModeAction): the blog's loop, run as written, beside
the correct run from the same initial weights, with numbers equal to the blog's own code."""

import numpy as np

from .helpers import find, train_to_end, trigger, type_into


def the_blogs_code(X_train, y_train, theta, bias, lr, epochs):
    """The seed blog's steps 2 to 5, as it writes them (no standardisation, its sigmoid,
    its +1e-8 loss, its gradient divided by x.shape[-1], the number of features)."""
    losses = []
    for _ in range(epochs):
        z = np.dot(theta, X_train.T) + bias
        with np.errstate(over="ignore"):
            y_hat = 1 / (1 + np.exp(-z))
        e = 1e-8
        each = -y_train * np.log(y_hat + e) - (1 - y_train) * np.log(1 - y_hat + e)
        losses.append(np.mean(each))
        m = X_train.shape[-1]
        theta = theta - lr * np.dot(y_hat - y_train, X_train) / m
        bias = bias - lr * np.mean(y_hat - y_train)
    return theta, bias, losses


def test_blog_mode_runs_the_blog_s_code_beside_the_correct_run(qtbot, window):
    action = trigger(window, "blogModeAction")
    assert action.isChecked() and "Blog mode" in window.statusBar().currentMessage()
    type_into(qtbot, find(window, "epochsInput"), "400")
    train_to_end(qtbot, window)
    session = window.session
    blog = next(r for r in session.runs if r.blog)
    assert "the blog's code" in blog.label
    assert not session.run.blog and blog.epoch == session.run.epoch == 400
    data = session.data
    start = session.run.parameters_at(0)
    np.testing.assert_array_equal(blog.parameters_at(0)[0], start[0])  # the same start
    raw = data.preprocessing.unscale(data.X_train) if data.standardized else data.X_train
    theta, bias, losses = the_blogs_code(
        raw, session.y_train, start[0], 0.0, session.run.settings["learning_rate"], 400
    )
    np.testing.assert_allclose(blog.latest["coef"], theta, rtol=1e-12)
    np.testing.assert_allclose(blog.latest["intercept"][0], bias, rtol=1e-12)
    _, curve = blog.curves.curve("train_loss")
    np.testing.assert_allclose(curve[:400], losses, rtol=1e-12)
    # The two runs differ: the blog's steps are not the correct ones.
    assert not np.allclose(blog.latest["coef"], session.run.latest["coef"], atol=1e-3)

    trigger(window, "blogModeAction")
    assert not action.isChecked()
    train_to_end(qtbot, window)
    assert not any(r.blog for r in [session.run, *session.racers])


def test_blog_mode_on_three_classes_says_why_it_runs_alone(qtbot, window):
    from PySide6.QtCore import Qt

    said = []
    window.coordinator.message.connect(said.append)
    trigger(window, "blogModeAction")
    box = find(window, "dataSourceInput")
    box.setCurrentIndex(box.findData("wine"))
    qtbot.waitUntil(lambda: window.session.n_classes == 3, timeout=30_000)
    qtbot.mouseClick(find(window, "trainButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: window.session.run is not None, timeout=30_000)
    assert any("two classes only" in text for text in said)
    assert not any(r.blog for r in [window.session.run, *window.session.racers])
