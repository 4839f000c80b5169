"""What is computed about a model and its data: metrics, the optimum of the training
objective, one prediction and one step explained, the loss landscape, the boundary's
geometry, and overfitting (the complexity curve, and a run's test loss turning up)."""
