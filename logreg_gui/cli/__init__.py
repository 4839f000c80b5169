"""The command-line programs: logreg-train (:mod:`.train`) and logreg-predict (:mod:`.predict`),
their options in one table each (:mod:`.arguments`)."""

from .predict import main as predict_main
from .train import main

__all__ = ["main", "predict_main"]
