"""Running code the window exported, as a person would: in a process of its own."""

import json
import re
import subprocess
import sys

import numpy as np


def run_script(path):
    """The standard output of the Python file ``path``, which must run without an error."""
    done = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def final_weights(stdout):
    """``(theta, bias)`` the script printed last."""
    theta = json.loads(re.search(r"^theta = (.*)$", stdout, re.M).group(1))
    bias = json.loads(re.search(r"^bias = (.*)$", stdout, re.M).group(1))
    return np.array(theta), np.array(bias)


def logged(stdout):
    """The blog's log lines the script printed."""
    return [line for line in stdout.splitlines() if line.startswith("epoch:")]
