"""logreg-train: the blog's run end to end, JSON output, and every kind of bad input."""

import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from logreg_gui.cli import main


def run_cli(*args, capsys):
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def exit_status(args):
    """main's status, whether argparse exits or main returns."""
    try:
        return main(args)
    except SystemExit as exc:
        return exc.code


def last_json(out):
    return json.loads(out.strip().splitlines()[-1])


def test_default_run_is_the_blogs_workflow(capsys):
    status, out, _err = run_cli(capsys=capsys)
    assert status == 0
    lines = out.strip().splitlines()
    epoch_lines = [line for line in lines if line.startswith("epoch:")]
    # The blog logs epochs 0, 100, ..., 2900; we also log the final epoch 3000.
    assert [int(line.split(",")[0].split(":")[1]) for line in epoch_lines] == list(
        range(0, 3001, 100)
    )
    assert "completed all 3,000 epochs" in out
    assert lines[-2].startswith("random test sample #")
    losses = [float(line.split("loss:")[1].split(",")[0]) for line in epoch_lines]
    assert losses[-1] < losses[0]


def test_json_matches_an_independent_numpy_run(capsys):
    """The JSON numbers equal a plain-numpy re-implementation of the blog's loop (fixed)."""
    status, out, _ = run_cli("--json", "--epochs", "500", "--seed", "3", capsys=capsys)
    assert status == 0
    result = last_json(out)
    for key in (
        "epochs_run",
        "train_loss",
        "train_acc",
        "test_loss",
        "test_acc",
        "classes",
        "coef",
        "intercept",
        "stop_reason",
    ):
        assert key in result
    assert result["epochs_run"] == 500 and result["stop_reason"] == "completed"

    X, y = make_classification(n_samples=150, n_features=10, random_state=3)
    X_train, X_test, y_train, _y_test = train_test_split(
        X, y, test_size=0.3, random_state=3, stratify=y
    )
    scaler = StandardScaler().fit(X_train)
    X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)
    theta = np.random.RandomState(3).standard_normal((1, 10))
    bias = 0.0
    for _ in range(500):
        y_hat = 1 / (1 + np.exp(-(X_train @ theta.T + bias)))[:, 0]
        theta = theta - 0.01 * ((y_hat - y_train) @ X_train / len(y_train))  # mean over samples
        bias = bias - 0.01 * np.mean(y_hat - y_train)
    p = 1 / (1 + np.exp(-(X_train @ theta.T + bias)))[:, 0]
    loss = np.mean(-y_train * np.log(p) - (1 - y_train) * np.log(1 - p))
    np.testing.assert_allclose(result["coef"], theta, rtol=1e-10)
    np.testing.assert_allclose(result["intercept"], [bias], rtol=1e-10, atol=1e-12)
    assert result["train_loss"] == pytest.approx(loss, rel=1e-10)
    assert result["train_acc"] == pytest.approx(np.mean((p > 0.5) == y_train))


def test_builtin_dataset_with_text_classes(capsys):
    status, out, _ = run_cli(
        "--dataset", "iris", "--learning-rate", "0.1", "--epochs", "300", "--json", capsys=capsys
    )
    assert status == 0
    result = last_json(out)
    assert result["classes"] == ["setosa", "versicolor", "virginica"]
    assert np.array(result["coef"]).shape == (3, 4)
    assert result["test_acc"] > 0.8


def test_a_two_dimensional_set_trains_and_says_its_classes(capsys):
    from logreg_gui.core import DataSettings, LogisticRegressionGD, ShapeSettings, prepare_data

    status, out, err = run_cli("--dataset", "moons", "--noise", "0.2", capsys=capsys)
    assert status == 0
    assert "data: Moons: 200 samples, 100 of class 0 and 100 of class 1, noise 0.2, seed 0" in out
    assert "split: 140 train / 60 test (stratified)" in out
    assert "completed all 3,000 epochs" in out
    assert "note: class 0 is the upper moon and class 1 the lower one" in err

    status, out, _ = run_cli(
        "--dataset", "circles", "--n-samples", "90", "--noise", "0.05", "--seed", "4", "--json",
        capsys=capsys,
    )  # fmt: skip
    assert status == 0
    result = last_json(out)
    assert result["feature_names"] == ["x1", "x2"] and result["classes"] == [0, 1]
    assert (result["n_train"], result["n_test"]) == (63, 27)
    # The numbers of the same set and model made without the command line.
    settings = DataSettings(source="circles", shape=ShapeSettings(90, 0.05), seed=4)
    split = prepare_data(settings)
    model = LogisticRegressionGD(random_state=4).fit(split.X_train, split.y_train)
    np.testing.assert_array_equal(result["coef"], model.coef_)
    assert result["test_acc"] == np.mean(model.predict(split.X_test) == split.y_test)


def test_every_setting_of_the_two_dimensional_sets_has_a_flag_that_reaches_the_data():
    from dataclasses import fields

    from logreg_gui.cli.train import build_parser, data_settings
    from logreg_gui.core import GenerationSettings, ShapeSettings

    args = build_parser().parse_args(
        ["--dataset", "xor", "--n-samples", "300", "--noise", "0.05", "--seed", "2"]
    )
    settings = data_settings(args)
    assert settings.source == "xor" and settings.seed == 2
    assert settings.shape == ShapeSettings(n_samples=300, noise=0.05)
    assert {f.name for f in fields(ShapeSettings)} == {"n_samples", "noise", "class_share"}
    args = build_parser().parse_args(["--dataset", "moons", "--class-share", "0.1"])
    assert data_settings(args).shape == ShapeSettings(class_share=0.1)
    args = build_parser().parse_args(["--class-share", "0.2"])  # generated data
    assert data_settings(args).generation.weights == pytest.approx((0.8,))
    assert settings.generation == GenerationSettings()  # --n-samples went to the set only
    # Without --noise, the set's own default.
    args = build_parser().parse_args(["--dataset", "spirals"])
    assert data_settings(args).shape == ShapeSettings()


def test_minibatch_and_tol_flags(capsys):
    status, out, _ = run_cli(
        "--batch-size", "16", "--tol", "1e-4", "--learning-rate", "0.1", "--json", capsys=capsys
    )
    assert status == 0
    result = last_json(out)
    assert result["stop_reason"] == "converged"
    assert result["epochs_run"] < 3000


def test_whole_numbers_may_be_typed_in_exponent_notation(capsys):
    status, out, _ = run_cli("--epochs", "1e2", "--seed", "2147483648", "--json", capsys=capsys)
    assert status == 0
    assert last_json(out)["epochs_run"] == 100


def test_a_loss_grown_by_orders_of_magnitude_ends_as_divergence(capsys):
    status, out, err = run_cli("--learning-rate", "1e6", "--json", capsys=capsys)
    assert status == 1
    result = last_json(out)
    assert result["stop_reason"] == "diverged" and result["epochs_run"] < 3000
    assert "exploded" in err and "smaller learning rate" in err


def test_a_rising_loss_is_warned_once_in_plain_words(capsys):
    status, out, err = run_cli("--learning-rate", "1000", capsys=capsys)
    assert status == 0
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "the loss is rising" in warnings[0]
    assert "learning rate 1000 is likely too large" in warnings[0]
    assert "completed all 3,000 epochs" in out


def test_divergence_is_reported_not_carried_on(capsys):
    status, out, err = run_cli(
        "--learning-rate",
        "1e308",
        "--epochs",
        "50",
        "--no-standardize",
        "--class-sep",
        "1e100",
        "--json",
        capsys=capsys,
    )
    assert status == 1
    result = last_json(out)
    assert result["stop_reason"] == "diverged"
    assert np.all(np.isfinite(result["coef"]))
    assert "learning rate" in err


BAD_FLAGS = [
    (["--learning-rate", "0"], "learning-rate"),
    (["--learning-rate", "-1"], "learning-rate"),
    (["--learning-rate", "abc"], "learning-rate"),
    (["--learning-rate", "nan"], "learning-rate"),
    (["--learning-rate", "inf"], "learning-rate"),
    (["--epochs", "0"], "epochs"),
    (["--epochs", "2.5"], "epochs"),
    (["--test-size", "0"], "test-size"),
    (["--test-size", "1"], "test-size"),
    (["--test-size", "1.5"], "test-size"),
    (["--n-samples", "-5"], "n-samples"),
    (["--flip-y", "2"], "flip-y"),
    (["--n-features", "4", "--n-informative", "3", "--n-redundant", "2"], "features"),
    (["--n-classes", "3", "--n-informative", "1"], "informative"),
    (["--n-classes", "5", "--n-informative", "2", "--n-redundant", "0"], "clusters"),
    (["--dataset", "mnist"], "dataset"),
    (["--dataset", "iris", "--n-samples", "10"], "n-samples"),
    (["--target", "y"], "--data"),
    (["--no-such-flag"], "no-such-flag"),
    # The window's bounds, and settings that would exhaust memory or time.
    (["--epochs", "1e12"], "epochs"),
    (["--epochs", "true"], "epochs"),
    (["--n-classes", "5000"], "n-classes"),
    (["--n-features", "50000", "--n-informative", "50000"], "n-features"),
    (["--n-clusters-per-class", "1000000000"], "n-clusters-per-class"),
    (["--n-samples", "2000", "--n-features", "5000", "--n-informative", "5000"], "informative"),
    (["--class-sep", "0"], "class-sep"),
    (["--seed", "4294967296"], "seed"),
    (["--log-every", "0"], "log-every"),
    (["--momentum", "1"], "momentum"),
    # The two-dimensional sets.
    (["--dataset", "moons", "--noise", "-0.1"], "noise"),
    (["--dataset", "moons", "--noise", "abc"], "noise"),
    (["--dataset", "moons", "--noise", "nan"], "noise"),
    (["--dataset", "circles", "--noise", "1e9"], "noise"),
    (["--noise", "0.2"], "two-dimensional sets"),
    (["--dataset", "iris", "--noise", "0.2"], "two-dimensional sets"),
    (["--dataset", "circles", "--n-samples", "5"], "number of samples"),
    (["--dataset", "spirals", "--n-features", "3"], "n-features"),
    (["--dataset", "torus"], "dataset"),
    # The penalty's flags, and those that do not go together.
    (["--penalty", "l3"], "penalty"),
    (["--penalty", "l1", "--alpha", "-1"], "alpha"),
    (["--penalty", "elasticnet", "--l1-ratio", "1.5"], "l1-ratio"),
    (["--alpha", "0.1"], "--penalty l2, l1 or elasticnet"),
    (["--penalty", "none", "--alpha", "0.1"], "--penalty l2, l1 or elasticnet"),
    (["--penalty", "l1", "--l1-ratio", "0.5"], "--penalty elasticnet only"),
    (["--l2", "0.1", "--penalty", "l1"], "older form of --penalty l2"),
    (["--l2", "0.1", "--alpha", "0.2"], "older form of --penalty l2"),
    (["--l2", "-1"], "l2"),
    (["--penalty", "l1", "--solver", "newton"], "Newton's method needs a smooth objective"),
    # Class weights.
    (["--class-weight", "balance"], "class-weight"),
    (["--class-weight", "0:1,1:x"], "the weight of class 1 must be a number greater than 0"),
    (["--class-weight", "0:0"], "greater than 0"),
    (["--class-weight", "0:-1"], "greater than 0"),
    (["--class-weight", "0:inf"], "greater than 0"),
    (["--class-weight", "0:1,0:2"], "class 0 is given two weights"),
    (["--class-weight", "5:2"], "not classes of these data (0, 1)"),
]


@pytest.mark.parametrize("args,word", BAD_FLAGS, ids=[" ".join(a) for a, _ in BAD_FLAGS])
def test_bad_flags_exit_2_with_one_line(args, word, capsys):
    assert exit_status(args) == 2
    _, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("logreg-train: error:")
    assert word in lines[0]
    assert "Traceback" not in err


def test_an_l1_penalty_trains_exact_zeros(capsys):
    args = ["--penalty", "l1", "--alpha", "0.05", "--learning-rate", "0.5", "--epochs", "500"]
    status, out, _ = run_cli(*args, "--json", capsys=capsys)
    assert status == 0
    coef = np.array(last_json(out)["coef"])
    assert 0 < np.sum(coef == 0) < coef.size
    # The objective printed is the cross-entropy plus α·‖w‖₁.
    result = last_json(out)
    assert result["objective"] == pytest.approx(
        result["train_loss"] + 0.05 * np.abs(coef).sum(), rel=1e-12
    )


def test_the_older_l2_flag_is_penalty_l2(capsys):
    _, older, _ = run_cli("--l2", "0.1", "--epochs", "50", "--json", capsys=capsys)
    args = ["--penalty", "l2", "--alpha", "0.1", "--epochs", "50", "--json"]
    _, newer, _ = run_cli(*args, capsys=capsys)
    assert last_json(older)["coef"] == last_json(newer)["coef"]
    _, none, _ = run_cli("--l2", "0", "--epochs", "50", "--json", capsys=capsys)
    _, default, _ = run_cli("--epochs", "50", "--json", capsys=capsys)
    assert last_json(none)["coef"] == last_json(default)["coef"]


def test_a_saved_model_keeps_its_penalty(tmp_path, capsys):
    from logreg_gui.core.files.model_file import load_model

    path = tmp_path / "model.json"
    args = ["--penalty", "elasticnet", "--alpha", "0.02", "--l1-ratio", "0.4", "--epochs", "20"]
    status, _, _ = run_cli(*args, "--save-model", str(path), capsys=capsys)
    assert status == 0
    training = load_model(path).training
    assert (training["penalty"], training["alpha"], training["l1_ratio"]) == (
        "elasticnet",
        0.02,
        0.4,
    )
    assert "l2" not in training


def _bad_file(tmp_path, kind):
    path = tmp_path / "data.csv"
    if kind == "missing":
        return tmp_path / "nope.csv"
    if kind == "directory":
        return tmp_path
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 40)
    elif kind == "header only":
        path.write_text("a,b,label\n")
    elif kind == "one class":
        path.write_text("a,b,label\n1,2,x\n3,4,x\n5,6,x\n")
    elif kind == "continuous":
        rng = np.random.default_rng(0)
        rows = "\n".join(f"{a:.3f},{b:.5f}" for a, b in rng.normal(size=(60, 2)))
        path.write_text("a,label\n" + rows + "\n")
    return path


@pytest.mark.parametrize(
    "kind", ["missing", "directory", "empty", "binary", "header only", "one class", "continuous"]
)
def test_bad_csv_files_exit_2_with_one_line(kind, tmp_path, capsys):
    path = _bad_file(tmp_path, kind)
    status = main(["--data", str(path), "--target", "label"])
    _, err = capsys.readouterr()
    assert status == 2
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("logreg-train: error:")
    assert "Traceback" not in err


def test_unknown_target_column_names_the_columns(tmp_path, capsys):
    path = tmp_path / "data.csv"
    path.write_text("a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n")
    status = main(["--data", str(path), "--target", "colour"])
    _, err = capsys.readouterr()
    assert status == 2
    assert "colour" in err and "label" in err


def test_csv_with_text_labels_trains(tmp_path, capsys):
    rng = np.random.default_rng(1)
    X = rng.normal(size=(80, 2))
    labels = np.where(X[:, 0] + X[:, 1] > 0, "yes", "no")
    path = tmp_path / "data.csv"
    path.write_text(
        "f1;f2;answer\n" + "\n".join(f"{a};{b};{c}" for (a, b), c in zip(X, labels)) + "\n"
    )
    status = main(["--data", str(path), "--target", "answer", "--learning-rate", "0.5", "--json"])
    out, _ = capsys.readouterr()
    assert status == 0
    result = last_json(out)
    assert result["classes"] == ["no", "yes"]
    assert result["feature_names"] == ["f1", "f2"]
    assert result["test_acc"] > 0.85


def test_console_script_runs_without_traceback(tmp_path):
    """The installed entry point, as a person runs it: bad input gives status 2 and one line."""
    env = dict(os.environ)
    proc = subprocess.run(
        [sys.executable, "-m", "logreg_gui.cli", "--epochs", "-3"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "logreg_gui.cli", "--epochs", "200", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0
    assert json.loads(proc.stdout.strip().splitlines()[-1])["epochs_run"] == 200


DATA = os.path.join(os.path.dirname(__file__), "data")


def test_a_file_with_text_columns_and_a_guessed_target_trains(capsys):
    status, out, err = run_cli(
        "--data", os.path.join(DATA, "penguins.csv"), "--epochs", "300", "--json", capsys=capsys
    )
    assert status == 0, err
    result = last_json(out)
    assert result["classes"] == ["Adelie", "Chinstrap", "Gentoo"]
    assert "island=Dream" in result["feature_names"] and "rowid" not in result["feature_names"]
    assert any("left out column 'rowid'" in n for n in result["notes"])
    assert "note: dropped 4 of 120 rows with missing cells (lines 5, 7, 47, 87)" in err


def test_a_quantity_target_needs_threshold(capsys):
    path = os.path.join(DATA, "affairs_semicolon_decimal_comma.csv")
    status, _, err = run_cli("--data", path, "--target", "affairs", capsys=capsys)
    assert status == 2 and len(err.strip().splitlines()) == 1
    assert "is a quantity" in err and "threshold" in err
    status, out, _ = run_cli(
        "--data", path, "--target", "affairs", "--threshold", "median", "--json", capsys=capsys
    )
    assert status == 0
    assert last_json(out)["classes"] == [0, 1]
    status, out, _ = run_cli(
        "--data", path, "--target", "affairs", "--threshold", "0", "--missing", "impute",
        "--json", capsys=capsys,
    )  # fmt: skip
    assert status == 0
    status, _, err = run_cli("--data", path, "--threshold", "high", capsys=capsys)
    assert status == 2 and "--threshold must be a number or 'median'" in err


def test_save_model_then_predict_new_rows(tmp_path, capsys):
    from logreg_gui.cli import predict_main

    model = tmp_path / "penguins.json"
    data = os.path.join(DATA, "penguins.csv")
    status, _, err = run_cli(
        "--data", data, "--epochs", "300", "--save-model", str(model), capsys=capsys
    )
    assert status == 0 and model.exists(), err
    assert predict_main(["--model", str(model), "--data", data]) == 0
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert lines[0] == "line,predicted species,P(Adelie),P(Chinstrap),P(Gentoo),problem"
    assert len(lines) == 121  # every row is listed, the unusable ones with their reason
    assert "4 of 120 rows cannot be predicted (lines 5, 7, 47, 87): missing cells" in err
    assert lines[4].startswith("5,,") and lines[4].endswith("missing cells")
    output = tmp_path / "predictions.csv"
    assert (
        predict_main(["--model", str(model), "--data", data, "--output", str(output), "--json"])
        == 0
    )
    result = json.loads(output.read_text())
    first = result["predictions"][0]
    assert first["line"] == 2 and set(first["probabilities"]) == {"Adelie", "Chinstrap", "Gentoo"}
    assert sum(first["probabilities"].values()) == pytest.approx(1.0)


@pytest.mark.parametrize("kind", ["missing column", "bad model", "no model"])
def test_predict_refuses_in_one_line(tmp_path, capsys, kind):
    from logreg_gui.cli import predict_main

    model = tmp_path / "model.json"
    data = os.path.join(DATA, "penguins.csv")
    run_cli("--data", data, "--epochs", "50", "--save-model", str(model), capsys=capsys)
    rows = tmp_path / "rows.csv"
    rows.write_text("bill_length_mm,island\n40.1,Dream\n")
    if kind == "bad model":
        model.write_text('{"format": "logreg-gui model", "version": 1}')
        rows = data
    args = ["--model", str(tmp_path / "none.json" if kind == "no model" else model)]
    assert predict_main([*args, "--data", str(rows)]) == 2
    _, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and err.startswith("logreg-predict: error:")
    if kind == "missing column":
        assert "lack the columns 'bill_depth_mm'" in err


def test_predict_says_which_rows_hold_a_value_the_training_never_saw(tmp_path, capsys):
    import pandas as pd

    from logreg_gui.cli import predict_main

    model = tmp_path / "penguins.json"
    data = os.path.join(DATA, "penguins.csv")
    status, _, err = run_cli(
        "--data", data, "--epochs", "50", "--save-model", str(model), capsys=capsys
    )
    assert status == 0, err
    rows = pd.read_csv(data).dropna().head(3)
    rows.loc[rows.index[1], "island"] = "Mars"
    new = tmp_path / "new.csv"
    rows.to_csv(new, index=False)
    assert predict_main(["--model", str(model), "--data", str(new)]) == 0
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert "1 of 3 rows have a value the training never saw (line 3)" in err
    # The row is still predicted, and says how.
    assert lines[2].split(",")[1] != ""
    assert lines[2].endswith("island Mars was not seen in training: predicted as island Biscoe")
    assert lines[1].endswith(",") and lines[3].endswith(",")


#: make_classification settings logreg-train deliberately has no flag for.
WITHOUT_A_FLAG = {"weights", "hypercube", "shift", "scale"}


def test_every_generation_setting_has_one_flag_in_the_table_and_reaches_the_data():
    from dataclasses import fields

    from logreg_gui.cli.arguments import GENERATION_FLAGS, TRAIN_OPTIONS
    from logreg_gui.cli.train import build_parser, data_settings
    from logreg_gui.core import GenerationSettings

    settings = {field.name for field in fields(GenerationSettings)} - {"random_state"}
    dests = [option.dest for option in TRAIN_OPTIONS]
    # A new setting fails here until it gets a flag or joins WITHOUT_A_FLAG.
    for name in settings - WITHOUT_A_FLAG:
        assert dests.count(name) == 1, name
    assert not WITHOUT_A_FLAG & set(dests)
    assert set(GENERATION_FLAGS) == settings - WITHOUT_A_FLAG

    args = build_parser().parse_args(["--n-samples", "200", "--flip-y", "0.05"])
    generation = data_settings(args).generation
    assert (generation.n_samples, generation.flip_y) == (200, 0.05)
    assert generation == GenerationSettings(n_samples=200, flip_y=0.05)


def test_the_parsers_have_exactly_the_tables_options_in_its_order():
    """No option added by hand beside the tables (the usage line lists every option)."""
    import re

    from logreg_gui.cli.arguments import PREDICT_OPTIONS, TRAIN_OPTIONS
    from logreg_gui.cli.predict import build_predict_parser
    from logreg_gui.cli.train import build_parser

    def flags(parser):
        return re.findall(r"(?<![\w-])--?[a-z][\w-]*", parser.format_usage())

    assert flags(build_parser()) == ["-h", *(option.flag for option in TRAIN_OPTIONS)]
    assert flags(build_predict_parser()) == ["-h", *(option.flag for option in PREDICT_OPTIONS)]


HOSTILE_MODELS = {
    "nested a hundred thousand deep": "[" * 100_000 + "]" * 100_000,
    "a weight of Infinity": "infinity",
    "a number of ten thousand digits": "digits",
    "not text": "binary",
    "a folder": "folder",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_MODELS))
def test_predict_on_a_hostile_model_exits_2_in_one_line(tmp_path, capsys, kind):
    from logreg_gui.cli import predict_main

    model = tmp_path / "model.json"
    data = os.path.join(DATA, "penguins.csv")
    run_cli("--data", data, "--epochs", "20", "--save-model", str(model), capsys=capsys)
    document = json.loads(model.read_text())
    if kind == "a weight of Infinity":
        document["coef"][0][0] = float("inf")
        model.write_text(json.dumps(document))
    elif kind == "a number of ten thousand digits":
        model.write_text(json.dumps(document).replace('"version": 1', '"version": ' + "9" * 10_000))
    elif kind == "not text":
        model.write_bytes(bytes(range(256)) * 4)
    elif kind == "a folder":
        model.unlink()
        model.mkdir()
    else:
        model.write_text(HOSTILE_MODELS[kind])
    assert predict_main(["--model", str(model), "--data", data]) == 2
    _, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and err.startswith("logreg-predict: error:"), err


@pytest.mark.parametrize("kind", ["a folder", "a missing folder", "a file as folder"])
def test_predict_to_an_output_it_cannot_write_exits_2_and_keeps_nothing_half(
    tmp_path, capsys, kind
):
    from logreg_gui.cli import predict_main

    model = tmp_path / "model.json"
    data = os.path.join(DATA, "penguins.csv")
    run_cli("--data", data, "--epochs", "20", "--save-model", str(model), capsys=capsys)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file")
    output = {
        "a folder": tmp_path,
        "a missing folder": tmp_path / "missing" / "out.csv",
        "a file as folder": blocker / "out.csv",
    }[kind]
    before = sorted(p.name for p in tmp_path.iterdir())
    for extra in ([], ["--json"]):
        status = predict_main(
            ["--model", str(model), "--data", data, "--output", str(output), *extra]
        )
        _, err = capsys.readouterr()
        assert status == 2, err
        assert err.strip().splitlines()[-1].startswith("logreg-predict: error:"), err
        assert "cannot be written" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_feature_map_trains_on_expanded_features_and_travels_in_the_model(tmp_path, capsys):
    """--expand squares closes a ring the raw columns cannot; the model file keeps the map,
    so logreg-predict gives raw rows the probabilities of the model on their squares."""
    from logreg_gui.cli import predict_main
    from logreg_gui.core import load_model
    from logreg_gui.core.model.objective import class_probabilities, decision_scores

    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, size=(300, 2))
    inside = (X[:, 0] ** 2 + X[:, 1] ** 2 < 0.5).astype(int)
    data = tmp_path / "ring.csv"
    pd.DataFrame({"a": X[:, 0], "b": X[:, 1], "inside": inside}).to_csv(data, index=False)
    common = ("--data", str(data), "--target", "inside", "--epochs", "2000")
    _, out, _ = run_cli(*common, "--learning-rate", "0.5", "--json", capsys=capsys)
    assert last_json(out)["test_acc"] <= 0.75
    model = tmp_path / "ring.json"
    status, out, err = run_cli(
        *common, "--learning-rate", "0.5", "--expand", "squares", "--json",
        "--save-model", str(model), capsys=capsys,
    )  # fmt: skip
    assert status == 0, err
    result = last_json(out)
    assert result["test_acc"] >= 0.95
    assert result["feature_names"] == ["a", "b", "a²", "b²"]
    rows = tmp_path / "rows.csv"
    pd.DataFrame({"a": X[:20, 0], "b": X[:20, 1]}).to_csv(rows, index=False)
    assert predict_main(["--model", str(model), "--data", str(rows), "--json"]) == 0
    predicted = json.loads(capsys.readouterr()[0].strip().splitlines()[-1])["predictions"]
    saved = load_model(model)
    raw = X[:20]
    features = np.column_stack([raw, raw**2])
    mean, scale = saved.preprocessing.mean, saved.preprocessing.scale
    expected = class_probabilities(
        decision_scores((features - mean) / scale, saved.coef, saved.intercept)
    )[:, 1]
    got = np.array([p["probabilities"]["1"] for p in predicted])
    np.testing.assert_allclose(got, expected, rtol=1e-9)


@pytest.mark.parametrize(
    "args, words",
    [
        (["--degree", "11"], "the degree must be a whole number from 1 to 10"),
        (["--expand", "cubes"], "--expand takes squares, crosses and sin, not cubes."),
        (["--degree", "5"], "3,002 features of the 10 numeric columns"),
    ],
)
def test_a_bad_feature_map_exits_2_in_one_line(args, words, capsys):
    assert exit_status(args) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and words in err, err


def test_class_weights_from_the_command_line_are_the_estimators(capsys):
    from logreg_gui.core import LogisticRegressionGD

    args = ["--class-share", "0.1", "--epochs", "200", "--learning-rate", "0.1", "--json"]
    status, out, _ = run_cli(*args, "--class-weight", "balanced", capsys=capsys)
    assert status == 0
    balanced = last_json(out)
    assert balanced["class_weight"] == "balanced"
    _, out, _ = run_cli(*args, "--class-weight", "0:1,1:10", capsys=capsys)
    pairs = last_json(out)
    assert pairs["class_weight"] == [[0, 1.0], [1, 10.0]]
    _, out, _ = run_cli(*args, capsys=capsys)
    plain = last_json(out)
    assert plain["class_weight"] is None
    # The objective is weighted; the train loss beside it is not.
    assert plain["objective"] == pytest.approx(plain["train_loss"], rel=1e-12)
    assert balanced["objective"] != pytest.approx(balanced["train_loss"], rel=1e-3)
    # The same run as the estimator's, on the same data.
    from logreg_gui.cli.train import build_parser, data_settings
    from logreg_gui.core import prepare_data

    split = prepare_data(data_settings(build_parser().parse_args(args[:2])))
    model = LogisticRegressionGD(
        learning_rate=0.1, epochs=200, random_state=0, class_weight={0: 1.0, 1: 10.0}
    ).fit(split.X_train, split.y_train)
    np.testing.assert_allclose(pairs["coef"], model.coef_, rtol=1e-12)


def test_a_saved_model_keeps_its_class_weights(tmp_path, capsys):
    from logreg_gui.core.files.model_file import load_model

    path = tmp_path / "model.json"
    args = ["--class-weight", "0: 2, 1: 0.5", "--epochs", "20", "--save-model", str(path)]
    status, out, _ = run_cli(*args, capsys=capsys)
    assert status == 0
    assert "class weights: 0: 2, 1: 0.5; the objective weighs each sample" in out
    assert load_model(path).training["class_weight"] == {0: 2.0, 1: 0.5}


def test_every_core_or_one_gives_the_same_run(capsys):
    """--n-jobs: the epoch's threads (every core by default); the weights do not change."""
    args = ("--json", "--n-samples", "20000", "--epochs", "50", "--seed", "2")
    status, out, _ = run_cli(*args, capsys=capsys)
    assert status == 0
    every = last_json(out)
    status, out, _ = run_cli(*args, "--n-jobs", "1", capsys=capsys)
    assert status == 0
    one = last_json(out)
    assert one["coef"] == every["coef"] and one["intercept"] == every["intercept"]
    assert one["epochs_run"] == every["epochs_run"]
    assert one["test_acc"] == every["test_acc"]


@pytest.mark.parametrize("value", ["0", "two", "1.5"])
def test_a_bad_n_jobs_is_one_line(value, capsys):
    assert exit_status(["--n-jobs", value]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "--n-jobs must be a whole number" in err
