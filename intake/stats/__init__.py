"""Statistics for the supervisor (Qt-free): figures by SQL aggregates, and their export."""

from intake.stats.figures import (
    LEVELS,
    Count,
    Dashboard,
    Deferred,
    Handling,
    LowRating,
    Period,
    Ratings,
    Ratio,
    StatsService,
    Visits,
    period_for,
)

__all__ = [
    "LEVELS",
    "Count",
    "Dashboard",
    "Deferred",
    "Handling",
    "LowRating",
    "Period",
    "Ratings",
    "Ratio",
    "StatsService",
    "Visits",
    "period_for",
]
