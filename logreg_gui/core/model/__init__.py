"""The model's mathematics and rules: the readable reference maths (``objective``) that the
compiled kernels are tested against, and the estimator's parameter constraints with their
plain-words messages (``params``)."""
