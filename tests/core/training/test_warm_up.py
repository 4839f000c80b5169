"""warm_up compiles (or loads) the epoch kernel for the number type asked, before any run."""

import numpy as np
import pytest

from logreg_gui.core.training import kernels
from logreg_gui.core.training.warm_up import warm_up


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_the_kernel_is_ready_for_the_number_type_warmed_up(dtype):
    warm_up(dtype)
    kinds = {str(signature[0].dtype) for signature in kernels.run_epochs.signatures}
    assert np.dtype(dtype).name in kinds, kinds
