"""Files of logreg-gui: model files (JSON) and session files (a zip of JSON and .npy
arrays), never pickled."""
