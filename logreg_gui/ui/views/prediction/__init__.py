"""The prediction panel: why the model predicts what it predicts for one test sample."""

from .panel import PredictionPanel

__all__ = ["PredictionPanel"]
