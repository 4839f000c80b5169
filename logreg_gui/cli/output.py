"""What both programs share in what they write: class labels as plain JSON values, and how a
run ends — an exit status and, for anything that went wrong, one line on stderr, never a
traceback."""

from __future__ import annotations

import sys

import numpy as np

from ..core import DataError
from .arguments import EXIT_BAD_INPUT

__all__ = ["EXIT_BUG", "EXIT_INTERRUPTED", "exit_status", "plain_label"]

#: An error nobody foresaw (a bug): said in one line all the same.
EXIT_BUG = 1
#: Interrupted by the person (Ctrl+C), as shells count it (128 + SIGINT).
EXIT_INTERRUPTED = 130


def plain_label(value):
    """A class label as plain JSON (numpy scalars become Python ones)."""
    return value.item() if isinstance(value, np.generic) else value


def exit_status(prog, work) -> int:
    """Run ``work()`` (which returns the exit status) for the program ``prog``; whatever
    goes wrong becomes one line on stderr and its status: 2 bad input, 130 interrupted,
    0 when the reader of the output went away, 1 a bug."""
    try:
        return work()
    except (DataError, ValueError) as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except MemoryError:
        print(f"{prog}: error: not enough memory for these data and settings.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line, never a traceback for a person
        print(
            f"{prog}: unexpected error (please report it): {type(exc).__name__}: {exc}",
            file=sys.stderr,
        )
        return EXIT_BUG
