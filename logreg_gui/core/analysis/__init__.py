"""What is computed about a model and its data: metrics, the optimum of the training
objective, one prediction and one step explained, the loss landscape and the boundary's
geometry."""
