"""Training: the compiled epoch kernels, the one training loop that drives them (with
Newton's method and the optimizers' race), the records it produces, a run's bounded history
and the blog's log lines."""
