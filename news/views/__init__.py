"""Views of the news app, by area."""
