"""One self-contained HTML report of a session: what a student hands in or a teacher posts.

The data and what was done to them, the run's settings, the loss and boundary plots (PNG
images inside the file), the evaluation tables, the gap to the optimum, and the prediction
for the selected test sample with its reasons. Nothing outside the file is needed to read it.
"""

from __future__ import annotations

import base64
import html

import numpy as np

from ..core.explanation import explain_sample

__all__ = ["report_html"]


def _img(png, alt) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data}">'


def _table(header, rows) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _number(value, digits=4) -> str:
    return "—" if value is None or not np.isfinite(value) else f"{value:.{digits}f}"


def _evaluation(session):
    """The metrics of the weights shown (computed now if the window has not yet)."""
    shown = session.shown()
    if shown is None:
        return None
    epoch, coef, intercept = shown
    if session.evaluation is not None and session.evaluation[2] == epoch:
        return session.evaluation
    from ..core.evaluation import evaluate_weights

    data, k = session.data, session.n_classes
    train = evaluate_weights(data.X_train, session.y_train, coef, intercept, k)
    test = None
    if len(session.y_test):
        test = evaluate_weights(data.X_test, session.y_test, coef, intercept, k)
    return train, test, epoch


def report_html(session, *, loss_png, boundary_png) -> str:
    """The report of ``session`` (the window's Session), with the two plots as PNG bytes."""
    data, run = session.data, session.run
    e = html.escape
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        "<title>logreg-gui report</title><style>",
        "body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#111}"
        "table{border-collapse:collapse;margin:0.5em 0}td,th{border:1px solid #999;"
        "padding:0.2em 0.6em;text-align:right}th{background:#eee}img{max-width:100%}",
        "</style></head><body><h1>Logistic regression by gradient descent</h1>",
        f"<h2>Data</h2><p>{e(data.source)}: {len(data.y_train):,} training and "
        f"{len(data.y_test):,} test samples, {len(data.feature_names)} features, "
        f"{session.n_classes} classes"
        f"{'; standardised on the training part' if data.standardized else ''}.</p>",
    ]
    if data.notes:
        parts.append("<ul>" + "".join(f"<li>{e(n)}</li>" for n in data.notes) + "</ul>")
    if run is None or run.latest is None:
        parts.append("<p>No model has been trained yet.</p></body></html>")
        return "".join(parts)
    settings = {k: v for k, v in run.settings.items() if v is not None}
    parts.append("<h2>Training</h2>")
    parts.append(_table(["setting", "value"], sorted(settings.items())))
    rates = ", ".join(f"{r:g} from epoch {e_:,}" for e_, r in run.learning_rates)
    parts.append(f"<p>Learning rate: {e(rates)}. The run {e(run.message or 'is going on.')}</p>")
    if run.warning:
        parts.append(f"<p><b>Warning:</b> {e(run.warning)}</p>")
    parts.append(_img(loss_png, "loss and accuracy by epoch"))
    optimum = session.optimum
    if optimum is not None:
        line = optimum.message
        if optimum.exists:
            at = run.latest["objective"]
            line += f" Gradient descent reached {at:.6g}, {at - optimum.objective:.3g} above it."
        parts.append(f"<p>{e(line)}</p>")
    parts.append("<h2>Decision boundary</h2>" + _img(boundary_png, "decision boundary"))
    evaluation = _evaluation(session)
    if evaluation is not None:
        train, test, epoch = evaluation
        keys = ("accuracy", "precision", "recall", "f1", "log_loss", "macro_auc")
        names = ("accuracy", "precision", "recall", "F1", "log-loss", "ROC AUC")
        rows = [
            [name, _number(getattr(train, key)), _number(getattr(test, key)) if test else "—"]
            for key, name in zip(keys, names)
        ]
        parts.append(f"<h2>Evaluation after epoch {epoch:,}</h2>")
        parts.append(_table(["", "train", "test"], rows))
        if test is not None and session.n_classes <= 20:
            classes = [str(c) for c in session.classes]
            matrix = [[f"true {c}", *map(int, row)] for c, row in zip(classes, test.confusion)]
            parts.append("<p>Confusion matrix of the test samples:</p>")
            parts.append(_table(["", *[f"pred. {c}" for c in classes]], matrix))
    shown = session.shown()
    if shown is not None and len(data.y_test):
        epoch, coef, intercept = shown
        index = session.selected
        why = explain_sample(data.X_test[index], coef, intercept)
        predicted = session.classes[why.predicted_index]
        parts.append(f"<h2>Test sample {index}</h2>")
        parts.append(
            f"<p>True class: <b>{e(str(data.y_test[index]))}</b>; predicted: "
            f"<b>{e(str(predicted))}</b> with probability "
            f"{why.probabilities[why.predicted_index]:.3f}.</p>"
        )
        row = why.contributions[0 if len(why.scores) == 1 else why.predicted_index]
        top = np.argsort(-np.abs(row))[:10]
        parts.append(
            _table(
                ["feature", "wᵢ·xᵢ"],
                [[data.feature_names[i], f"{row[i]:+.4f}"] for i in top],
            )
        )
    parts.append("</body></html>")
    return "".join(parts)
