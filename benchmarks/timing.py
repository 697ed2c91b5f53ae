"""Timing shared by the benchmarks that compare actions on a machine shared with other work."""

from __future__ import annotations

import time
from collections.abc import Callable


def alternating_ms(runs: int, *actions: Callable[[], object]) -> list[list[float]]:
    """``runs`` times of each action in ms, after one warm-up each; the actions take turns,
    so that load from other processes falls on all of them alike."""
    for action in actions:
        action()
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for index, action in enumerate(actions):
            start = time.perf_counter()
            action()
            times[index].append((time.perf_counter() - start) * 1000)
    return times
