"""The numpy/scikit-learn core of logreg-gui. Never imports Qt: usable from a notebook."""

from .datasets import (
    BUILTIN_DATASETS,
    Dataset,
    DataSettings,
    GenerationSettings,
    SplitData,
    generation_problems,
    load_builtin,
    make_dataset,
    prepare_data,
    split_dataset,
)
from .errors import DataError, FieldError
from .explanation import SampleExplanation, explain_sample
from .model import LogisticRegressionGD
from .training import EpochRecord, RecordBatch, StopReason, TrainingRun

__all__ = [
    "BUILTIN_DATASETS",
    "DataError",
    "DataSettings",
    "Dataset",
    "EpochRecord",
    "FieldError",
    "GenerationSettings",
    "LogisticRegressionGD",
    "RecordBatch",
    "SampleExplanation",
    "SplitData",
    "StopReason",
    "TrainingRun",
    "explain_sample",
    "generation_problems",
    "load_builtin",
    "make_dataset",
    "prepare_data",
    "split_dataset",
]
