"""The public news site: what anonymous visitors read (published stories only)."""
