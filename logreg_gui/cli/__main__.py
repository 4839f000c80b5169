"""python -m logreg_gui.cli: logreg-train."""

import sys

from .train import main

sys.exit(main())
