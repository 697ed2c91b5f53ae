"""The live 体检: the report checked again by itself a moment after it changes, off the GUI
thread, so that no keystroke waits for it.

A full check of a 100-page draft takes about 15 ms, too long to run between keystrokes. So
the report is copied (``model_dump``: well under a millisecond, the only cost on the GUI
thread) and checked on a worker thread; the result comes back through a queued signal. Every
change of the report makes results still under way stale: they are dropped (``dropped``
counts them), and the check that the change started brings fresh ones.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.checks import check_report, excerpt, short_label
from ..core.checks.report import field_labels
from ..core.model import Report

LIVE_DELAY_MS = 300
"""Quiet time after the last change before the report is checked again."""

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
        context=_marked(excerpt(report, finding)) if placed else "",
        wide_context=_marked(excerpt(report, finding, width=40)) if placed else "",
    )


def check_now(report: Report) -> Checked:
    """Check ``report`` here and now, with the rows' texts."""
    findings = check_report(report)
    labels = field_labels(report)
    return Checked(findings, [row_text(report, finding, labels) for finding in findings])


def check_snapshot(data: dict[str, Any]) -> Checked:
    """On the worker thread: the copy made on the GUI thread, rebuilt and checked."""
    return check_now(Report.model_validate(data))


class _Relay(QObject):
    """Lives on the GUI thread; emitting from the worker queues the call to it."""

    done = Signal(int, object)


def _deliver(relay: _Relay, generation: int, future: Future[Checked]) -> None:
    with contextlib.suppress(RuntimeError):  # the panel was closed while it ran: no one to tell
        relay.done.emit(generation, future)


class LiveChecker(QObject):
    """Checks the report ``delay_ms`` after the last ``changed()``, one check at a time, and
    emits ``finished(Checked)`` with fresh results only."""

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
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._pool: ThreadPoolExecutor | None = None
        self._running = False
        self._again = False
        self.waiting = False  # a change came while the panel was hidden
        self.generation = 0  # goes up with every change of the report
        self.dropped = 0  # results thrown away because the report changed meanwhile
        self.destroyed.connect(lambda: self.shutdown())

    @property
    def busy(self) -> bool:
        """A check is due or under way."""
        return self._timer.isActive() or self._running

    def set_report(self, report: Report | None) -> None:
        self._report = report
        self.generation += 1
        self._timer.stop()

    def changed(self) -> None:
        self.generation += 1
        self._timer.start()

    def settled(self) -> None:
        """A check of the report as it is now just ran elsewhere: none is due."""
        self._timer.stop()
        self.waiting = False

    def start_now(self) -> None:
        self._timer.stop()
        if self._report is None:
            return
        if not self._active():
            self.waiting = True  # checked when the panel shows again
            return
        self.waiting = False
        if self._running:
            self._again = True
            return
        self._running = True
        generation = self.generation
        snapshot = self._report.model_dump()  # the GUI thread's whole share of the work
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nianbao-check")
        future = self._pool.submit(check_snapshot, snapshot)
        relay = self._relay
        future.add_done_callback(lambda done: _deliver(relay, generation, done))

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _done(self, generation: int, future: Future[Checked]) -> None:
        self._running = False
        if generation != self.generation:
            self.dropped += 1
        else:
            try:
                result = future.result()
            except Exception:  # a bug in a check must not take the window down
                log.exception("live 体检 failed")
            else:
                self.finished.emit(result)
        if self._again:
            self._again = False
            self.start_now()
