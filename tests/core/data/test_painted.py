"""Painted points as a data source: settings that survive JSON, a session file and a strict
reader; a split by the points' own parts; two-column data turned into painted points with
exactly the same numbers; edits that change exactly the point asked; and weights carried to
a new standardisation with the same decision function on raw inputs."""

import json
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from logreg_gui.core import DataError, DataSettings, FeatureMap, prepare_data
from logreg_gui.core.analysis.boundary import input_plane
from logreg_gui.core.analysis.readable import carry_weights
from logreg_gui.core.data.painted import (
    MAX_PAINTED,
    PAINTED,
    PaintSettings,
    add_point,
    empty_canvas,
    move_point,
    paint_from_split,
    removal_problem,
    remove_point,
)
from logreg_gui.core.data.settings import painted_settings, settings_from_dict, settings_to_dict
from logreg_gui.core.files.session_file import SavedSession, load_session, save_session
from logreg_gui.core.model.objective import decision_scores

POINTS = (
    (0.5, -1.25, 1, "train"),
    (-2.0, 0.25, 0, "train"),
    (3.0, 3.5, 0, "test"),
    (1e-3, 7.0, 1, "train"),
    (-0.5, -0.5, 1, "test"),
)


def painted(points=POINTS, **changes):
    return DataSettings(source=PAINTED, paint=PaintSettings(points=points, **changes))


def through_json(settings):
    return settings_from_dict(json.loads(json.dumps(settings_to_dict(settings))))


def test_painted_settings_come_back_equal_through_json_and_a_session_file(tmp_path):
    texts = PaintSettings(
        points=((0.1, 0.2, "Adelie", "train"), (0.3, -0.4, "Gentoo", "test")),
        columns=("bill length", "bill depth"),
        target="species",
        classes=("Adelie", "Chinstrap", "Gentoo"),
    )
    for settings in (
        painted(),
        replace(painted(), feature_map=FeatureMap(squares=True), seed=4, standardize=False),
        DataSettings(source=PAINTED, paint=texts),
        DataSettings(source=PAINTED),  # an empty canvas
    ):
        assert through_json(settings) == settings
        path = tmp_path / "painted.lrsession"
        saved = SavedSession(
            data_settings=settings_to_dict(settings),
            model_settings={},
            runs=[],
            current=None,
            selected=0,
            shown_epoch=None,
        )
        save_session(path, saved)
        assert settings_from_dict(load_session(path).data_settings) == settings


def test_settings_of_an_older_file_without_points_read_as_before():
    values = settings_to_dict(DataSettings(source="moons"))
    del values["paint"]
    assert settings_from_dict(values) == DataSettings(source="moons")


@pytest.mark.parametrize(
    "paint, said",
    [
        ({"points": [[1, 2, 3, "train"]]}, "painted point 1 is not"),
        ({"points": [[0, 1, 0, "train"], [1, 2, 0, "validation"]]}, "painted point 2 is not"),
        ({"points": [[1, float("nan"), 0, "train"]]}, "painted point 1 is not"),
        ({"points": [[1, 1e308 * 10, 0, "train"]]}, "painted point 1 is not"),
        ({"points": [[True, 2, 0, "train"]]}, "painted point 1 is not"),
        ({"points": [[1, 2, 0]]}, "painted point 1 is not"),
        ({"points": [[1, 2, "0", "train"]]}, "painted point 1 is not"),
        ({"points": [[0.0, 0.0, 0, "train"]] * (MAX_PAINTED + 1)}, "at most 5,000 are allowed"),
        ({"classes": [0]}, "2 to 100 different numbers or texts"),
        ({"classes": [0, "a"]}, "2 to 100 different numbers or texts"),
        ({"classes": [1, 1]}, "2 to 100 different numbers or texts"),
        ({"columns": ["x1", "x1"]}, "two different column names"),
        ({"columns": ["x1", "x2"], "target": "x2"}, "two different column names"),
        ({"columns": "x1"}, "the painted points' columns are not a list"),
        ({"points": "many"}, "the painted points' points are not a list"),
        ("nothing", "the painted points are not a table"),
        ({"colour": "red"}, "unknown settings of the painted points: colour"),
    ],
)
def test_bad_painted_settings_are_refused_in_one_sentence(paint, said):
    with pytest.raises(DataError) as caught:
        settings_from_dict({"source": PAINTED, "paint": paint})
    message = str(caught.value)
    assert said in message
    assert message.startswith("the data settings cannot be read (") and message.endswith(").")
    assert message.count(". ") == 0 and "\n" not in message


def test_the_split_is_the_points_own_parts_in_their_order():
    split = prepare_data(painted())
    train = [p for p in POINTS if p[3] == "train"]
    test = [p for p in POINTS if p[3] == "test"]
    np.testing.assert_array_equal(split.train_inputs, [p[:2] for p in train])
    np.testing.assert_allclose(
        split.preprocessing.unscale(split.X_train)[:, :2], [p[:2] for p in train], atol=1e-12
    )
    np.testing.assert_array_equal(split.X_test_display, [p[:2] for p in test])
    np.testing.assert_array_equal(split.y_train, [p[2] for p in train])
    np.testing.assert_array_equal(split.y_test, [p[2] for p in test])
    # Standardised on the training points only.
    np.testing.assert_allclose(split.X_train.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(
        split.preprocessing.mean, np.mean([p[:2] for p in train], axis=0), rtol=1e-12
    )
    assert not split.stratified and "no random split" in " ".join(split.notes)


def test_painting_a_training_point_never_moves_a_test_point():
    settings = painted()
    before = prepare_data(settings)
    for changed in (
        add_point(settings.paint, 9.0, -9.0, 0),
        move_point(settings.paint, 0, 4.0, 4.0),
        remove_point(settings.paint, 0),
    ):
        after = prepare_data(replace(settings, paint=changed))
        np.testing.assert_array_equal(after.X_test_display, before.X_test_display)
        np.testing.assert_array_equal(after.y_test, before.y_test)


def test_edits_change_exactly_the_training_point_asked():
    paint = PaintSettings(points=POINTS)
    added = add_point(paint, 0.25, 0.75, 0)
    assert added.points == (*POINTS, (0.25, 0.75, 0, "train"))
    # Training point 2 is the fourth row (a test row comes before it).
    moved = move_point(paint, 2, -1.0, 2.0)
    assert moved.points == (*POINTS[:3], (-1.0, 2.0, 1, "train"), POINTS[4])
    removed = remove_point(paint, 2)
    assert removed.points == (*POINTS[:3], POINTS[4])
    assert empty_canvas(paint) == PaintSettings(classes=paint.classes)
    with pytest.raises(DataError, match="not one of the classes"):
        add_point(paint, 0, 0, 7)
    with pytest.raises(DataError, match="no training point 3"):
        move_point(paint, 3, 0, 0)
    with pytest.raises(DataError, match="finite"):
        add_point(paint, float("inf"), 0, 0)
    full = PaintSettings(points=((0.0, 0.0, 0, "train"),) * MAX_PAINTED)
    with pytest.raises(DataError, match="at most 5,000 points"):
        add_point(full, 1, 1, 1)


def test_the_last_training_point_of_a_class_the_test_part_holds_is_not_deleted():
    paint = PaintSettings(points=POINTS)
    assert removal_problem(paint, 0) is None  # class 1 keeps another training point
    problem = removal_problem(paint, 1)  # class 0's only one, and a test point of class 0
    assert "last training point of class 0" in problem and "holds 1 of that class" in problem
    with pytest.raises(DataError, match="could never learn it"):
        remove_point(paint, 1)
    # Without test points of its class, the last training point of a class may go.
    alone = PaintSettings(points=((0.0, 0.0, 0, "train"), (1.0, 1.0, 1, "train")))
    assert remove_point(alone, 0).points == ((1.0, 1.0, 1, "train"),)


def test_a_class_with_test_points_only_is_refused():
    with pytest.raises(DataError, match="class 0 has test points but no training point"):
        prepare_data(painted(((0.0, 0.0, 1, "train"), (1.0, 1.0, 0, "test"))))


def test_an_empty_canvas_and_a_single_class_are_data_of_every_painted_class():
    for fm in (FeatureMap(), FeatureMap(squares=True)):
        empty = prepare_data(replace(painted(()), feature_map=fm))
        d = 2 if fm.identity else 4
        assert empty.X_train.shape == (0, d) and empty.X_test.shape == (0, d)
        assert empty.classes.tolist() == [0, 1]
        assert not empty.standardized  # nothing to standardise on yet
        assert input_plane(empty.preprocessing) is not None
        one = prepare_data(replace(painted(((0.5, 0.2, 1, "train"),)), feature_map=fm))
        assert one.X_train.shape == (1, d) and one.classes.tolist() == [0, 1]
        assert one.y_train.tolist() == [1]
        assert "Painted points: 1 in the training part (1 of class 1)" in one.source


def two_columns_file(tmp_path):
    from sklearn.datasets import make_moons

    X, y = make_moons(120, noise=0.2, random_state=1)
    path = tmp_path / "two.csv"
    frame = pd.DataFrame({"u": X[:, 0] * 10, "v": X[:, 1] - 3, "kind": np.where(y, "b", "a")})
    frame.to_csv(path, index=False)
    return DataSettings(source="file", path=str(path), target="kind")


@pytest.mark.parametrize("source", ["moons", "circles+squares", "spirals+degree 3", "file"])
def test_two_column_data_become_painted_points_with_exactly_the_same_numbers(tmp_path, source):
    settings = {
        "moons": DataSettings(source="moons"),
        "circles+squares": DataSettings(source="circles", feature_map=FeatureMap(squares=True)),
        "spirals+degree 3": DataSettings(source="spirals", feature_map=FeatureMap(degree=3)),
        "file": None,
    }[source] or two_columns_file(tmp_path)
    before = prepare_data(settings)
    paint = paint_from_split(before)
    after = prepare_data(painted_settings(settings, paint))
    for key in ("X_train", "X_test", "y_train", "y_test", "X_test_display", "train_inputs"):
        np.testing.assert_array_equal(getattr(after, key), getattr(before, key), err_msg=key)
    assert after.feature_names == before.feature_names
    assert after.classes.tolist() == before.classes.tolist()
    assert paint.columns == tuple(before.preprocessing.numeric)
    assert paint.target == before.target_name
    assert through_json(painted_settings(settings, paint)) == painted_settings(settings, paint)


def test_only_two_numeric_columns_become_painted_points():
    with pytest.raises(DataError, match="exactly two numeric columns"):
        paint_from_split(prepare_data(DataSettings(source="iris")))


def test_carried_weights_score_every_raw_row_as_before():
    settings = DataSettings(source="circles", feature_map=FeatureMap(squares=True, crosses=True))
    before = prepare_data(settings)
    paint = paint_from_split(before)
    for x1, x2, label in ((3.0, 3.0, 1), (-2.0, 0.1, 0), (0.2, -4.0, 0)):
        paint = add_point(paint, x1, x2, label)
    after = prepare_data(painted_settings(settings, paint))
    assert not np.allclose(after.preprocessing.mean, before.preprocessing.mean)
    rng = np.random.default_rng(0)
    coef, intercept = rng.normal(size=(1, 5)), rng.normal(size=1)
    carried = carry_weights(coef, intercept, before.preprocessing, after.preprocessing)
    u, v = np.meshgrid(np.linspace(-4, 4, 41), np.linspace(-4, 4, 41))
    grid = np.column_stack([u.ravel(), v.ravel()])
    z_before = decision_scores(input_plane(before.preprocessing).features(grid), coef, intercept)
    z_after = decision_scores(input_plane(after.preprocessing).features(grid), *carried)
    np.testing.assert_allclose(z_after, z_before, rtol=1e-9, atol=1e-9)
    other = prepare_data(replace(settings, feature_map=FeatureMap()))
    with pytest.raises(ValueError, match="different features"):
        carry_weights(coef, intercept, before.preprocessing, other.preprocessing)
