"""python -m logreg_gui: the desktop application."""

import sys

from .app import main

sys.exit(main())
