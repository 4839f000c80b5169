"""Datasets that ship with scikit-learn (no download): breast cancer, iris, wine."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import DataError
from ..i18n import QT_TRANSLATE_NOOP, translate
from .dataset import Dataset

__all__ = ["BUILTIN_DATASETS", "load_builtin"]

#: name -> (scikit-learn loader, one-line description); all ship with scikit-learn. The
#: descriptions are English, marked for translation: ``translate("data.builtin", description)``
#: where one is shown.
BUILTIN_DATASETS = {
    "breast_cancer": (
        "load_breast_cancer",
        QT_TRANSLATE_NOOP("data.builtin", "Breast cancer Wisconsin (569 × 30, 2 classes)"),
    ),
    "iris": ("load_iris", QT_TRANSLATE_NOOP("data.builtin", "Iris (150 × 4, 3 classes)")),
    "wine": ("load_wine", QT_TRANSLATE_NOOP("data.builtin", "Wine (178 × 13, 3 classes)")),
}


def load_builtin(name: str) -> Dataset:
    """Load one of :data:`BUILTIN_DATASETS`, with class names as labels."""
    if name not in BUILTIN_DATASETS:
        raise DataError(
            translate("data.builtin", "unknown dataset {name!r}: choose one of {names}.").format(
                name=name, names=", ".join(BUILTIN_DATASETS)
            )
        )
    from sklearn import datasets

    loader, description = BUILTIN_DATASETS[name]
    bunch = getattr(datasets, loader)()
    names = [str(n) for n in bunch.feature_names]
    return Dataset(
        frame=pd.DataFrame(np.asarray(bunch.data, dtype=float), columns=names),
        y=np.asarray(bunch.target_names)[bunch.target],
        target_name="class",
        source=translate("data.builtin", "{description}, shipped with scikit-learn").format(
            description=translate("data.builtin", description)
        ),
    )
