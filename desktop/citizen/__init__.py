"""The citizen-facing screen: a second monitor at the counter (or the clerk's own, turned)."""
