"""The one way the benchmarks time a call, so every row of every table is measured alike."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(fn: Callable[[], object], runs: int = 7, *, warm_up: bool = False) -> float:
    """Median wall time of `runs` calls, in milliseconds (after one untimed call if asked)."""
    if warm_up:
        fn()  # first paints build caches and fonts
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def paired_ms(
    mine: Callable[[], object], bare: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Medians of `runs` calls of each, taken in turns, so a load that comes and goes on a
    shared machine weighs on both alike (one untimed call of each first)."""
    mine()
    bare()
    ours, floor = [], []
    for _ in range(runs):
        for fn, times in ((mine, ours), (bare, floor)):
            t0 = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(ours), statistics.median(floor)
