"""Views of One Day One News."""
