"""Work off the GUI thread: the training worker and its thread, background jobs that keep
only the newest of their kind, and the rules that keep the window responsive."""
