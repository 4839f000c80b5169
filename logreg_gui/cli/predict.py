"""logreg-predict: a saved model's predictions for the rows of a data file.

The model's own preprocessing is applied to the rows; rows that cannot be predicted are
listed with an empty prediction and say why. Bad input of any kind ends with status 2 and
one line on stderr.
"""

from __future__ import annotations

import json
import os
import sys

import numpy as np

from ..core import DataError
from ..core.files.storage import write_atomically
from ..core.files.tables import safe_cell, write_csv
from ..core.model.objective import class_probabilities, decision_scores, predicted_indices
from .arguments import PREDICT_OPTIONS, Parser, add_options
from .output import exit_status, plain_label

_PROG = "logreg-predict"


def build_predict_parser() -> Parser:
    """The command line of ``logreg-predict``."""
    parser = Parser(
        prog=_PROG,
        description=(
            "Predict the class of every row of a data file with a model saved by logreg-train "
            "--save-model or by logreg-gui: the model's own preprocessing is applied to the rows."
        ),
    )
    add_options(parser, PREDICT_OPTIONS)
    return parser


def predict(args, out=None, err=None) -> int:
    """Predict the rows of ``args.data`` with ``args.model``; returns the exit status."""
    import csv

    from ..core.data.dataset import line_list
    from ..core.data.reading import read_table
    from ..core.files.model_file import load_model

    out = out or sys.stdout
    err = err or sys.stderr
    model = load_model(args.model)
    table = read_table(args.data)
    frame = table.frame
    pre = model.preprocessing
    needed = list(pre.columns) if pre is not None else list(model.feature_names)
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise DataError(
            f"the data lack the column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(map(repr, missing))} the model was trained with."
        )
    rows = frame[needed]
    imputes = pre is not None and pre.numeric_fill is not None
    problems = {}
    numeric = list(pre.numeric) if pre is not None else needed
    for column in numeric:
        values = _numbers(rows[column])
        bad_number = ~np.isfinite(values) & rows[column].notna().to_numpy()
        for i in np.flatnonzero(bad_number):
            problems.setdefault(i, f"{column} is not a finite number")
    if not imputes:
        for i in np.flatnonzero(rows.isna().to_numpy().any(axis=1)):
            problems.setdefault(i, "missing cells")
    usable = np.array([i not in problems for i in range(len(rows))])
    lines = table.line_numbers
    # Text values the training never saw get no column of their own: they are predicted as
    # the reference level, which each such row says.
    unseen = {}
    for j, column in enumerate(pre.categorical if pre is not None else ()):
        known = {str(v) for v in (*pre.levels[j], pre.references[j])}
        values = rows[column]
        new_values = values.notna() & ~values.astype(str).isin(known)
        for i in np.flatnonzero(new_values.to_numpy() & usable):
            unseen.setdefault(
                i,
                f"{column} {values.iloc[i]!s} was not seen in training: predicted as "
                f"{column} {pre.references[j]!s}",
            )
    if unseen:
        shown = line_list(lines[sorted(unseen)])
        print(
            f"note: {len(unseen)} of {len(rows)} rows have a value the training never saw "
            f"({shown}): {unseen[sorted(unseen)[0]]}; each such row says so.",
            file=err,
        )
    if problems:
        shown = line_list(lines[sorted(problems)])
        print(
            f"note: {len(problems)} of {len(rows)} rows cannot be predicted ({shown}): "
            f"{problems[sorted(problems)[0]]}; they are listed with an empty prediction.",
            file=err,
        )
    probabilities = np.full((len(rows), len(model.classes)), np.nan)
    predicted = np.full(len(rows), None, dtype=object)
    if usable.any():
        usable_rows = rows[usable]
        if pre is not None:
            for column in numeric:
                usable_rows = usable_rows.assign(**{column: _numbers(usable_rows[column])})
        features = model.features(usable_rows if pre is not None else usable_rows.to_numpy(float))
        scores = decision_scores(features, model.coef, model.intercept)
        probabilities[usable] = class_probabilities(scores)
        predicted[usable] = model.classes[predicted_indices(scores)]
    classes = [plain_label(c) for c in model.classes]
    if args.json:
        result = {
            "model": os.path.basename(args.model),
            "target": model.target,
            "classes": classes,
            "predictions": [
                {
                    "line": int(lines[i]),
                    "predicted": None if not usable[i] else plain_label(predicted[i]),
                    "probabilities": None
                    if not usable[i]
                    else {str(c): float(p) for c, p in zip(classes, probabilities[i])},
                    "problem": problems.get(i, unseen.get(i)),
                }
                for i in range(len(rows))
            ],
        }
        text = json.dumps(result)
        if args.output:
            write_atomically(args.output, (text + "\n").encode("utf-8"))
        else:
            print(text, file=out)
        return 0
    header = ["line", f"predicted {model.target}"] + [f"P({c})" for c in classes] + ["problem"]

    def cells():
        for i in range(len(rows)):
            row = [int(lines[i]), "" if not usable[i] else plain_label(predicted[i])]
            row += ["" if not usable[i] else f"{p:.6g}" for p in probabilities[i]]
            row.append(problems.get(i, unseen.get(i, "")))
            yield row

    if args.output:
        write_csv(args.output, header, cells())
        print(f"{int(usable.sum())} predictions written to {args.output}", file=err)
    else:
        writer = csv.writer(out)
        writer.writerow([safe_cell(cell) for cell in header])
        for row in cells():
            writer.writerow([safe_cell(cell) for cell in row])
    return 0


def _numbers(series):
    """A column as float64, text that is not a number becoming NaN."""
    import pandas as pd

    return pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)


def main(argv=None) -> int:
    """Entry point of ``logreg-predict``."""
    args = build_predict_parser().parse_args(argv)
    return exit_status(_PROG, lambda: predict(args))
