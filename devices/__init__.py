"""WindowDesk devices package."""
