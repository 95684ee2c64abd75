"""The one percentile rule every benchmark reports with."""

from __future__ import annotations


def percentile(values: list[float], q: float) -> float:
    """The value at rank ``q`` (0–1) of the sorted samples, nearest rank rounded down:
    with 1,000 samples p99 is the 11th slowest, with 50 it is the slowest."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]
