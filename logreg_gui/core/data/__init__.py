"""Data: reading files, generating, the shipped datasets, the two-dimensional sets, column
roles, preprocessing and splitting — one path from settings to the split data a model
trains on."""

from .builtin import BUILTIN_DATASETS, load_builtin
from .dataset import Dataset, dataset_from_table
from .feature_map import FeatureMap
from .generation import (
    GENERATION_CONSTRAINTS,
    GENERATION_LABELS,
    GenerationSettings,
    generation_problems,
    make_dataset,
)
from .settings import FILE, GENERATED, DataSettings, prepare_data
from .shapes import (
    SHAPE_CONSTRAINTS,
    SHAPE_LABELS,
    SHAPES,
    ShapeSettings,
    make_shape,
    shape_problems,
)
from .split import DATA_CONSTRAINTS, DATA_LABELS, SplitData, split_dataset

__all__ = [
    "BUILTIN_DATASETS",
    "DATA_CONSTRAINTS",
    "DATA_LABELS",
    "FILE",
    "GENERATED",
    "GENERATION_CONSTRAINTS",
    "GENERATION_LABELS",
    "SHAPES",
    "SHAPE_CONSTRAINTS",
    "SHAPE_LABELS",
    "DataSettings",
    "Dataset",
    "FeatureMap",
    "GenerationSettings",
    "ShapeSettings",
    "SplitData",
    "dataset_from_table",
    "generation_problems",
    "load_builtin",
    "make_dataset",
    "make_shape",
    "prepare_data",
    "shape_problems",
    "split_dataset",
]
