"""Files of logreg-gui, never pickled: model files (one JSON document, ``model_file``) and
session files (a zip of JSON and ``.npy`` arrays, ``session_file``); what their JSON shares
(``document``) and how any file is read and written on disk (``storage``)."""
