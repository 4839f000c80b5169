"""How the window looks and speaks: one palette for every view, and the translation."""
