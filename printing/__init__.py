"""WindowDesk printing package."""
