"""The live 体检: the report checked again by itself a moment after it changes, in slices of
a few milliseconds between events, so that no keystroke waits for it.

A full check of a 100-page draft takes 10–40 ms (more on a busy machine), too long to run
between two keystrokes in one go. It runs as ``check_steps`` (one step per field), a slice
of at most ``SLICE_MS`` at a time, the event loop running in between. Why not a worker
thread: the check is pure Python, so a thread takes Python's lock (GIL) from the GUI thread;
measured with bench_check_live.py, that held the event loop about as long as the check
itself (median 10–25 ms per re-check, up to 88 ms on a busy 2-core machine), where slices
hold it ~4 ms. (A full garbage collection can still take ~20–40 ms in a window with a big
draft, on any thread: see the benchmark's --freeze.) No copy of the report
is needed: every change of the report abandons a check under way (``dropped`` counts them);
the check that change starts brings fresh results.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ...core.checks import excerpt, short_label
from ...core.checks.report import field_labels
from ...core.checks.runner import check_steps, run_steps
from ...core.model import Report

LIVE_DELAY_MS = 300
"""Quiet time after the last change before the report is checked again."""

CONTEXT_WIDTH = 7
"""Characters shown on each side of a finding in its row (about a narrow dock's width)."""

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RowText:
    """How one finding reads in the panel: the short place, the whole place, the text around
    it (``…排查【**】多次…``) and a wider stretch of it for the tooltip."""

    place: str
    full_place: str
    context: str
    wide_context: str


@dataclass
class Checked:
    """One check's findings (reading order) and their row texts, same order."""

    findings: list[Any] = field(default_factory=list)
    rows: list[RowText] = field(default_factory=list)


def _marked(parts: tuple[str, str, str]) -> str:
    before, seen, after = (part.replace("\n", " ") for part in parts)
    if not (before or seen or after):
        return ""
    return f"{before}【{seen}】{after}"


def row_text(report: Report, finding: Any, labels: dict[Any, str] | None = None) -> RowText:
    labels = labels if labels is not None else field_labels(report)
    full = labels.get(finding.path) or "/".join(map(str, finding.path))
    placed = bool(finding.path) and finding.path != ("date",)
    return RowText(
        place=short_label(report, finding.path) if placed else full,
        full_place=full,
        context=_marked(excerpt(report, finding, width=CONTEXT_WIDTH)) if placed else "",
        wide_context=_marked(excerpt(report, finding, width=40)) if placed else "",
    )


ROWS_PER_STEP = 32


def checked_steps(report: Report) -> Generator[None, None, Checked]:
    """The findings and their row texts, in steps (see ``check_steps``)."""
    findings = yield from check_steps(report)
    labels = field_labels(report)
    rows: list[RowText] = []
    for finding in findings:
        rows.append(row_text(report, finding, labels))
        if len(rows) % ROWS_PER_STEP == 0:
            yield
    return Checked(findings, rows)


def check_now(report: Report) -> Checked:
    """Check ``report`` here and now, with the rows' texts (F7, before an export)."""
    return run_steps(checked_steps(report))


SLICE_MS = 4.0
"""Longest stretch of checking before the event loop runs again."""


class LiveChecker(QObject):
    """Checks the report ``delay_ms`` after the last ``changed()``, in slices, and emits
    ``finished(Checked)`` with results of the report as it is."""

    finished = Signal(object)

    def __init__(
        self, parent: QObject, active: Callable[[], bool], delay_ms: int = LIVE_DELAY_MS
    ) -> None:
        super().__init__(parent)
        self._active = active
        self._report: Report | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.start_now)
        self._slice = QTimer(self)  # the next slice, after the events that are waiting
        self._slice.setSingleShot(True)
        self._slice.setInterval(0)
        self._slice.timeout.connect(self._step)
        self._steps: Generator[None, None, Checked] | None = None
        self.waiting = False  # a change came while the panel was hidden
        self.generation = 0  # goes up with every change of the report
        self.dropped = 0  # checks abandoned because the report changed meanwhile
        self.slice_ms = SLICE_MS
        self.slices: list[tuple[float, float]] = []  # each slice of the last check: ms, CPU ms

    def set_delay(self, ms: int) -> None:
        """Quiet time after a change before checking again."""
        self._timer.setInterval(ms)

    @property
    def busy(self) -> bool:
        """A check is due or under way."""
        return self._timer.isActive() or self._steps is not None

    def set_report(self, report: Report | None) -> None:
        self._report = report
        self.generation += 1
        self._timer.stop()
        self._abandon()

    def changed(self) -> None:
        self.generation += 1
        if self._abandon():
            self.dropped += 1
        self._timer.start()

    def settled(self) -> None:
        """A check of the report as it is now just ran elsewhere: none is due."""
        self._timer.stop()
        self._abandon()
        self.waiting = False

    def start_now(self) -> None:
        self._timer.stop()
        if self._report is None:
            return
        if not self._active():
            self.waiting = True  # checked when the panel shows again
            return
        self.waiting = False
        self.slices = []
        self._steps = checked_steps(self._report)
        self._slice.start()

    def _abandon(self) -> bool:
        steps, self._steps = self._steps, None
        self._slice.stop()
        if steps is not None:
            steps.close()
        return steps is not None

    def _step(self) -> None:
        steps = self._steps
        if steps is None:
            return
        start, cpu = time.perf_counter(), time.thread_time()
        deadline = start + self.slice_ms / 1000
        try:
            next(steps)  # at least one step, however short the slice
            while time.perf_counter() < deadline:
                next(steps)
        except StopIteration as done:
            self._steps = None
            self._took(start, cpu)
            self.finished.emit(done.value)
            return
        except Exception:  # a bug in a check must not take the window down
            self._steps = None
            log.exception("live 体检 failed")
            return
        self._took(start, cpu)
        self._slice.start()

    def _took(self, start: float, cpu: float) -> None:
        wall = (time.perf_counter() - start) * 1000
        self.slices.append((wall, (time.thread_time() - cpu) * 1000))
