"""What a person edits: the parameter forms, a data file's preview, the run controls and
the epoch scrubber."""
