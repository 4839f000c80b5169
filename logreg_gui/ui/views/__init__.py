"""The views: each listens to the session model and draws one thing; none imports another
view or a controller."""
