"""A guard against a PySide6 reference-count bug that aborts the program after many edits.

With PySide6 6.12.0 on CPython 3.11 (measured here), every ``SignalInstance.emit()`` called
from Python returns ``True`` without taking a reference to it, so each emit lowers the
reference count of ``True`` by one. After some thousands of emits — a few hundred typed
characters in the form, which emits on every keystroke — the count reaches zero and Python
stops the whole program with "Fatal Python error: bool_dealloc". On CPython 3.12 and later
``True`` is immortal and nothing happens.

The same build loses a reference to ``None`` on every call of a method that returns nothing
(``item.setToolTip(…)``, ``table.setItem(…)``): filling a table of a few hundred rows
("Fatal Python error: none_dealloc", seen with the 数据 panel) or a long session of any
widget work ends the same way.

``guard_signal_refcounts()`` checks once whether an emit or such a call really lowers the
count and, only then, gives ``True``, ``False`` (and ``None``) a reserve of 2**40
references, which no session can use up. They are never freed, so the reserve costs
nothing. Called by the
report editor; the window may call it at start too (it is idempotent).
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

RESERVE = 1 << 40
_guarded = False


class _Probe(QObject):
    ping = Signal()


def emit_lowers_refcount() -> bool:
    """True if emitting a signal from Python lowers the reference count of ``True``."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(16):
        probe.ping.emit()
    return sys.getrefcount(True) < before


def void_call_lowers_none() -> bool:
    """True if calling a method that returns nothing lowers the reference count of None."""
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def guard_signal_refcounts() -> bool:
    """Apply the reserve if this PySide6 needs it; returns whether it was applied."""
    global _guarded
    if _guarded:
        return True
    values: list[object] = []
    if emit_lowers_refcount():
        values += [True, False]
    if void_call_lowers_none():
        values.append(None)
    if not values:
        return False
    for value in values:
        ctypes.c_ssize_t.from_address(id(value)).value += RESERVE
    _guarded = True
    return True
