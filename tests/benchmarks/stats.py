"""Summaries of timing samples, computed the same way for every figure.

The median is the standard library's; the percentile is nearest-rank, which `statistics`
does not offer (`statistics.quantiles` interpolates between samples): a p95 reported here is
a time that was really measured.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import median

__all__ = ["median", "percentile"]


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile: a value that was really measured, never an interpolation."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]
