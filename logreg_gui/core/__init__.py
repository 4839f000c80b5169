"""The numpy/scikit-learn core of logreg-gui. Never imports Qt: usable from a notebook.

Names are imported on first use (PEP 562), so that importing one light module of the core
(the history, the errors) does not import scikit-learn, scipy and numba: the window shows
itself before those are loaded.
"""

from importlib import import_module

_EXPORTS = {
    "BUILTIN_DATASETS": "data",
    "Dataset": "data",
    "DataSettings": "data",
    "FeatureMap": "data",
    "GenerationSettings": "data",
    "SHAPES": "data",
    "ShapeSettings": "data",
    "SplitData": "data",
    "generation_problems": "data",
    "load_builtin": "data",
    "make_dataset": "data",
    "make_shape": "data",
    "prepare_data": "data",
    "split_dataset": "data",
    "Cancelled": "errors",
    "DataError": "errors",
    "FieldError": "errors",
    "SampleExplanation": "analysis.explanation",
    "explain_sample": "analysis.explanation",
    "LogisticRegressionGD": "estimator",
    "SavedModel": "files.model_file",
    "load_model": "files.model_file",
    "save_model": "files.model_file",
    "EpochRecord": "training.records",
    "RecordBatch": "training.records",
    "StopReason": "training.records",
    "TrainingRun": "training.run",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
