"""Datasets that ship with scikit-learn (no download): breast cancer, iris, wine."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import DataError
from .dataset import Dataset

__all__ = ["BUILTIN_DATASETS", "load_builtin"]

#: name -> (scikit-learn loader, one-line description); all ship with scikit-learn.
BUILTIN_DATASETS = {
    "breast_cancer": ("load_breast_cancer", "Breast cancer Wisconsin (569 × 30, 2 classes)"),
    "iris": ("load_iris", "Iris (150 × 4, 3 classes)"),
    "wine": ("load_wine", "Wine (178 × 13, 3 classes)"),
}


def load_builtin(name: str) -> Dataset:
    """Load one of :data:`BUILTIN_DATASETS`, with class names as labels."""
    if name not in BUILTIN_DATASETS:
        raise DataError(f"unknown dataset {name!r}: choose one of {', '.join(BUILTIN_DATASETS)}.")
    from sklearn import datasets

    loader, description = BUILTIN_DATASETS[name]
    bunch = getattr(datasets, loader)()
    names = [str(n) for n in bunch.feature_names]
    return Dataset(
        frame=pd.DataFrame(np.asarray(bunch.data, dtype=float), columns=names),
        y=np.asarray(bunch.target_names)[bunch.target],
        target_name="class",
        source=f"{description}, shipped with scikit-learn",
    )
