"""One self-contained HTML report of a session: what a student hands in or a teacher posts.

The data and what was done to them, the run's settings, the loss and boundary plots (PNG
images inside the file), the evaluation tables, the gap to the optimum, and the prediction
for the selected test sample with its reasons. Nothing outside the file is needed to read it.
"""

from __future__ import annotations

import base64
import html

import numpy as np

from ...core.analysis.explanation import explain_sample
from ..style.i18n import translate

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
    from ...core.analysis.evaluation import evaluate_weights

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
    if data.standardized:
        counts = translate(
            "Report",
            "{source}: {train:,} training and {test:,} test samples, {features} features, "
            "{classes} classes; standardised on the training part.",
        )
    else:
        counts = translate(
            "Report",
            "{source}: {train:,} training and {test:,} test samples, {features} features, "
            "{classes} classes.",
        )
    counts = counts.format(
        source=e(data.source),
        train=len(data.y_train),
        test=len(data.y_test),
        features=len(data.feature_names),
        classes=session.n_classes,
    )
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>{e(translate('Report', 'logreg-gui report'))}</title><style>",
        "body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#111}"
        "table{border-collapse:collapse;margin:0.5em 0}td,th{border:1px solid #999;"
        "padding:0.2em 0.6em;text-align:right}th{background:#eee}img{max-width:100%}",
        "</style></head><body>",
        f"<h1>{e(translate('Report', 'Logistic regression by gradient descent'))}</h1>",
        f"<h2>{e(translate('Report', 'Data'))}</h2><p>{counts}</p>",
    ]
    if data.notes:
        parts.append("<ul>" + "".join(f"<li>{e(n)}</li>" for n in data.notes) + "</ul>")
    if run is None or run.latest is None:
        parts.append(f"<p>{e(translate('Report', 'No model has been trained yet.'))}</p>")
        parts.append("</body></html>")
        return "".join(parts)
    settings = {k: v for k, v in run.settings.items() if v is not None}
    parts.append(f"<h2>{e(translate('Report', 'Training'))}</h2>")
    header = [translate("Report", "setting"), translate("Report", "value")]
    parts.append(_table(header, sorted(settings.items())))
    rates = ", ".join(
        translate("Report", "{rate:g} from epoch {epoch:,}").format(rate=r, epoch=e_)
        for e_, r in run.learning_rates
    )
    if run.message:
        ending = translate("Report", "The run {message}").format(message=run.message)
    else:
        ending = translate("Report", "The run is going on.")
    learning = translate("Report", "Learning rate: {rates}.").format(rates=rates)
    parts.append(f"<p>{e(learning)} {e(ending)}</p>")
    if run.warning:
        warning = translate("Report", "<b>Warning:</b> {warning}").format(warning=e(run.warning))
        parts.append(f"<p>{warning}</p>")
    parts.append(_img(loss_png, translate("Report", "loss and accuracy by epoch")))
    optimum = session.optimum
    if optimum is not None:
        line = optimum.message
        if optimum.exists:
            at = run.latest["objective"]
            line += " " + translate(
                "Report", "Gradient descent reached {value:.6g}, {gap:.3g} above it."
            ).format(value=at, gap=at - optimum.objective)
        parts.append(f"<p>{e(line)}</p>")
    parts.append(
        f"<h2>{e(translate('Report', 'Decision boundary'))}</h2>"
        + _img(boundary_png, translate("Report", "decision boundary"))
    )
    evaluation = _evaluation(session)
    if evaluation is not None:
        train, test, epoch = evaluation
        train, test = (None if ev is None else ev.at(session.threshold) for ev in (train, test))
        keys = ("accuracy", "precision", "recall", "f1", "log_loss", "macro_auc")
        names = (
            translate("Report", "accuracy"),
            translate("Report", "precision"),
            translate("Report", "recall"),
            translate("Report", "F1"),
            translate("Report", "log-loss"),
            translate("Report", "ROC AUC"),
        )
        rows = [
            [name, _number(getattr(train, key)), _number(getattr(test, key)) if test else "—"]
            for key, name in zip(keys, names)
        ]
        heading = translate("Report", "Evaluation after epoch {epoch:,}").format(epoch=epoch)
        parts.append(f"<h2>{e(heading)}</h2>")
        if session.n_classes == 2:
            said = translate(
                "Report",
                "Class {name} is predicted when P({name}) > t = {threshold:.3f} (the decision "
                "threshold).",
            ).format(name=session.classes[1], threshold=session.threshold)
            parts.append(f"<p>{e(said)}</p>")
        parts.append(_table(["", translate("Report", "train"), translate("Report", "test")], rows))
        if test is not None and session.n_classes <= 20:
            classes = [str(c) for c in session.classes]
            true, pred = translate("Report", "true {name}"), translate("Report", "pred. {name}")
            matrix = [
                [true.format(name=c), *map(int, row)] for c, row in zip(classes, test.confusion)
            ]
            caption = translate("Report", "Confusion matrix of the test samples:")
            parts.append(f"<p>{e(caption)}</p>")
            parts.append(_table(["", *[pred.format(name=c) for c in classes]], matrix))
    shown = session.shown()
    if shown is not None and len(data.y_test):
        epoch, coef, intercept = shown
        index = session.selected
        why = explain_sample(data.X_test[index], coef, intercept)
        predicted_index = int(session.predicted(why.scores[None, :])[0])
        predicted = session.classes[predicted_index]
        heading = translate("Report", "Test sample {index}").format(index=index)
        parts.append(f"<h2>{e(heading)}</h2>")
        sentence = translate(
            "Report",
            "True class: <b>{true}</b>; predicted: <b>{predicted}</b> with probability "
            "{probability:.3f}.",
        ).format(
            true=e(str(data.y_test[index])),
            predicted=e(str(predicted)),
            probability=why.probabilities[predicted_index],
        )
        parts.append(f"<p>{sentence}</p>")
        row = why.contributions[0 if len(why.scores) == 1 else predicted_index]
        top = np.argsort(-np.abs(row))[:10]
        parts.append(
            _table(
                [translate("Report", "feature"), "wᵢ·xᵢ"],
                [[data.feature_names[i], f"{row[i]:+.4f}"] for i in top],
            )
        )
    parts.append("</body></html>")
    return "".join(parts)
