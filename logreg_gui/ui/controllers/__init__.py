"""Controllers: they act on the session model (make data, run training, analyse); views only
listen to the session."""

from .analysis import AnalysisController
from .data import DataController
from .training import TrainingController

__all__ = ["AnalysisController", "DataController", "TrainingController"]
