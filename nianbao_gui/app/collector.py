"""Python's garbage collector in a window that holds a big draft.

A full collection walks every object the program has; with a 100-page draft open that is
40–65 ms (measured, benchmarks/bench_check_live.py), and it falls wherever allocation
happens to trigger it — in the middle of a live 体检 or a keystroke. What the window is
made of lives as long as the draft is open, so once a draft is shown, and again whenever
the user pauses long enough for an autosave, the collector runs once and then *freezes*
what survived (``gc.freeze``): later collections walk only what is new. Objects are still
freed by their reference counts as usual; cycles among frozen objects are collected at the
next ``settle`` (another draft, the next pause).
"""

from __future__ import annotations

import gc

SETTLE_DELAY_MS = 1500
"""After a draft is shown: long enough for the window to paint and settle (a full collection
is 40–65 ms with a big draft), short enough to come before most typing."""


def settle() -> None:
    """Collect everything now (a moment the user is not typing), then freeze the survivors."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
