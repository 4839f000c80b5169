"""The command-line programs logreg-train and logreg-predict (:mod:`.train`)."""

from .train import main, predict_main

__all__ = ["main", "predict_main"]
