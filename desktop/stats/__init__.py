"""The supervisor's statistics dashboard (figures from intake.stats)."""
