"""WindowDesk sync package."""
