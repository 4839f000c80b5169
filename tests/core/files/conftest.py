"""Data the file tests share."""

from pathlib import Path

import pytest

from logreg_gui.core import DataSettings, LogisticRegressionGD, prepare_data

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def penguins():
    split = prepare_data(DataSettings(source="file", path=str(DATA / "penguins.csv")))
    model = LogisticRegressionGD(learning_rate=0.1, epochs=300, random_state=0).fit(
        split.X_train, split.y_train
    )
    return split, model
