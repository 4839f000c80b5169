"""logreg-train: the headless trainer.

Runs the seed blog's workflow end to end — data, split, gradient descent with a log every N
epochs, a summary, and the prediction for one random test sample — with the same core the
window uses. Bad input of any kind ends with status 2 and one line on stderr.
"""

from __future__ import annotations

import json
import sys

import numpy as np

from ..core import (
    SHAPES,
    DataError,
    DataSettings,
    FeatureMap,
    GenerationSettings,
    LogisticRegressionGD,
    ShapeSettings,
    StopReason,
    explain_sample,
    prepare_data,
)
from ..core.files.checks import class_weight_to_json
from ..core.training.blog_log import final_log_line, log_lines
from .arguments import GENERATION_FLAGS, TRAIN_OPTIONS, Parser, add_options, penalty_of_args
from .output import exit_status, plain_label

_PROG = "logreg-train"
_EXIT_DIVERGED = 1


def build_parser() -> Parser:
    """The command-line interface; defaults are the seed blog's."""
    parser = Parser(
        prog=_PROG,
        description=(
            "Train logistic regression by gradient descent, as in the numpy blog: "
            "make_classification -> train/test split -> 3000 epochs at learning rate 0.01, "
            "logging loss and accuracy -> predict one random test sample."
        ),
    )
    add_options(parser, TRAIN_OPTIONS)
    return parser


def data_settings(args) -> DataSettings:
    """The DataSettings the flags ask for; refuses flags that do not fit the source."""
    given = {
        field: getattr(args, field)
        for field in GENERATION_FLAGS
        if getattr(args, field) is not None
    }
    shape = {}
    if args.dataset in SHAPES:
        # A two-dimensional set has its number of samples, as generated data do.
        if "n_samples" in given:
            shape["n_samples"] = given.pop("n_samples")
        if args.noise is not None:
            shape["noise"] = args.noise
        if args.class_share is not None:
            shape["class_share"] = args.class_share
    elif args.noise is not None:
        names = ", ".join(SHAPES)
        raise DataError(f"--noise only applies to the two-dimensional sets (--dataset {names}).")
    share = args.class_share
    if share is not None and args.dataset not in SHAPES:
        if args.data is not None or args.dataset is not None:
            raise DataError(
                "--class-share only applies to generated data and the two-dimensional sets."
            )
        classes = given.get("n_classes", GenerationSettings().n_classes)
        given["weights"] = tuple([(1.0 - share) / (classes - 1)] * (classes - 1))
    if args.data is not None or args.dataset is not None:
        if given:
            flags = ", ".join(GENERATION_FLAGS[f] for f in given)
            verb = "apply" if len(given) > 1 else "applies"
            raise DataError(f"{flags} only {verb} to generated data, not to --data or --dataset.")
        if args.target is not None and args.data is None:
            raise DataError("--target only applies to --data.")
    elif args.target is not None:
        raise DataError("--target only applies to --data.")
    threshold = args.threshold
    if threshold is not None:
        if args.data is None:
            raise DataError("--threshold only applies to --data.")
        if threshold != "median":
            try:
                threshold = float(threshold)
            except ValueError:
                raise DataError(
                    f"--threshold must be a number or 'median', not {threshold!r}."
                ) from None
    expansions = set()
    if args.expand:
        expansions = {part.strip() for part in args.expand.split(",") if part.strip()}
        unknown = expansions - {"squares", "crosses", "sin"}
        if unknown:
            raise DataError(
                f"--expand takes squares, crosses and sin, not {', '.join(sorted(unknown))}."
            )
    feature_map = FeatureMap(
        degree=args.degree,
        squares="squares" in expansions,
        crosses="crosses" in expansions,
        sin="sin" in expansions,
    )
    if args.data is not None:
        source = "file"
    elif args.dataset is not None:
        source = args.dataset
    else:
        source = "generated"
    return DataSettings(
        source=source,
        generation=GenerationSettings(**given),
        path=args.data,
        target=args.target,
        threshold=threshold,
        missing=args.missing,
        test_size=args.test_size,
        seed=args.seed,
        standardize=not args.no_standardize,
        feature_map=feature_map,
        shape=ShapeSettings(**shape),
    )


def run(args, out=None, err=None) -> int:
    """Run the workflow for parsed ``args``, printing to ``out``/``err`` (default stdout and
    stderr); returns the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    settings = data_settings(args)
    split = prepare_data(settings)
    for note in split.notes:
        print(f"note: {note}", file=err)
    penalty = penalty_of_args(args)
    model = LogisticRegressionGD(
        learning_rate=args.learning_rate,
        epochs=args.epochs,
        batch_size=args.batch_size,
        **penalty.settings(),
        class_weight=args.class_weight,
        init=args.init,
        tol=args.tol,
        n_iter_no_change=args.n_iter_no_change,
        solver=args.solver,
        momentum=args.momentum,
        dtype=args.dtype,
        random_state=args.seed,
        n_jobs=args.n_jobs,
    )
    training = model.start_training(
        split.X_train, split.y_train, split.X_test, split.y_test, keep_curve=False
    )
    if not args.json:
        print(f"data: {split.source}", file=out)
        print(
            f"split: {len(split.y_train)} train / {len(split.y_test)} test"
            f"{' (stratified)' if split.stratified else ''}, "
            f"{'standardised on the training part' if split.standardized else 'not standardised'}; "
            f"classes {', '.join(map(str, model.classes_))}",
            file=out,
        )
        weights = training.class_weights
        if weights is not None:
            each = ", ".join(f"{c}: {w:.4g}" for c, w in zip(model.classes_, weights))
            how = " (balanced)" if args.class_weight == "balanced" else ""
            print(
                f"class weights{how}: {each}; the objective weighs each sample by its class's "
                "weight, the losses logged are unweighted",
                file=out,
            )
    last = None
    while not training.finished:
        batch = training.advance(max_seconds=0.5)
        if batch is None:
            continue
        last = batch
        if not args.json:
            for line in log_lines(batch, args.log_every):
                print(line, file=out)
        if batch.warning:
            print(f"{_PROG}: warning: {batch.warning}", file=err)
    final_line = final_log_line(last, args.log_every)
    if final_line is not None and not args.json:
        print(final_line, file=out)  # the final epoch, as the blog's last word
    if training.stop_reason == StopReason.DIVERGED:
        print(f"{_PROG}: warning: training {training.message}", file=err)
    final = training.record()
    if final is None:  # diverged before its first record: nothing to report but why
        print(f"{_PROG}: error: training {training.message}", file=err)
        return _EXIT_DIVERGED

    rng = np.random.default_rng(args.seed)
    index = int(rng.integers(len(split.X_test)))
    why = explain_sample(split.X_test[index], model.coef_, model.intercept_)
    predicted = model.classes_[why.predicted_index]
    truth = split.y_test[index]
    sample = {
        "index": index,
        "true": plain_label(truth),
        "predicted": plain_label(predicted),
        "probabilities": {str(c): float(p) for c, p in zip(model.classes_, why.probabilities)},
        "correct": bool(predicted == truth),
    }
    if args.save_model:
        from ..core.files.model_file import model_of, save_model

        training_settings = model.get_params()
        training_settings.pop("random_state", None)
        save_model(
            args.save_model,
            model_of(
                split,
                model.coef_,
                model.intercept_,
                training=dict(
                    training_settings, epochs_run=final.epoch, stop_reason=training.stop_reason
                ),
                metrics={
                    "train_loss": final.train_loss,
                    "train_accuracy": final.train_accuracy,
                    "test_loss": final.test_loss,
                    "test_accuracy": final.test_accuracy,
                },
                data_settings=settings,
            ),
        )
        if not args.json:
            print(f"model saved to {args.save_model}", file=out)
    if args.json:
        result = {
            "epochs_run": final.epoch,
            "stop_reason": training.stop_reason,
            "message": str(training.message),
            "warning": None if training.warning is None else str(training.warning),
            "train_loss": final.train_loss,
            "train_acc": final.train_accuracy,
            "objective": final.objective,
            "class_weight": class_weight_to_json(args.class_weight),
            "test_loss": final.test_loss,
            "test_acc": final.test_accuracy,
            "classes": [plain_label(c) for c in model.classes_],
            "feature_names": list(split.feature_names),
            "coef": model.coef_.tolist(),
            "intercept": model.intercept_.tolist(),
            "n_train": len(split.y_train),
            "n_test": len(split.y_test),
            "data": split.source,
            "notes": list(split.notes),
            "sample": sample,
        }
        print(json.dumps(result), file=out)
    else:
        print(
            f"summary: {training.message} train loss {final.train_loss:.6f}, acc {final.train_accuracy:.4f}; "
            f"test loss {final.test_loss:.6f}, acc {final.test_accuracy:.4f}",
            file=out,
        )
        probability = why.probabilities[why.predicted_index]
        print(
            f"random test sample #{index}: y:{truth}, predict:{predicted} "
            f"(probability {probability:.3f}, {'right' if sample['correct'] else 'wrong'})",
            file=out,
        )
        row = why.contributions[0 if why.contributions.shape[0] == 1 else why.predicted_index]
        top = np.argsort(-np.abs(row))[:3]
        reasons = ", ".join(f"{split.feature_names[i]} {row[i]:+.3f}" for i in top)
        print(f"  largest contributions w_i*x_i to z: {reasons}", file=out)
    return _EXIT_DIVERGED if training.stop_reason == StopReason.DIVERGED else 0


def main(argv=None) -> int:
    """Entry point of ``logreg-train``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        penalty = penalty_of_args(args)
    except ValueError as error:
        parser.error(str(error))
    if args.solver == "newton" and penalty.l1 > 0:
        from ..core.training.newton import newton_problem

        parser.error(newton_problem(1, 2, penalty.l1))
    return exit_status(_PROG, lambda: run(args))
