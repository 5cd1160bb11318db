"""Views of the training app, by area."""
