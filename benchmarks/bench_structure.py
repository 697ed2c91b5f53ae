"""Structural edits in the form (QT_QPA_PLATFORM=offscreen): adding and moving a first-level
section, and adding a paragraph in a subsection, on the 100-page draft of bench_gui_form.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_structure.py

Each step goes through the editor's own request path (the same as the buttons and the tab
menu: a command on the undo stack, the model, the widgets following), then the events it
causes are processed (layout, paint). Median and worst of several runs are printed, in ms.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_gui_form import big_report
from PySide6.QtWidgets import QApplication

from nianbao_gui.app.editor.report_editor import ReportEditor
from nianbao_gui.core.settings import Settings


def _timed(app: QApplication, step: Callable[[], object], undo: Callable[[], object]) -> float:
    app.processEvents()
    start = time.perf_counter()
    step()
    app.processEvents()
    took = (time.perf_counter() - start) * 1000
    undo()
    app.processEvents()
    return took


def main(runs: int = 7) -> None:
    app = QApplication.instance() or QApplication([])
    editor = ReportEditor(Settings())
    editor.resize(1100, 800)
    editor.set_report(big_report())
    editor.show()
    app.processEvents()
    stack = editor.undo_stack()
    steps: dict[str, Callable[[], object]] = {
        "add a section (end)": lambda: editor.add_section(),
        "move section 1 right": lambda: editor.move_section(0, 1),
    }
    for name, step in steps.items():
        times = [_timed(app, step, stack.undo) for _ in range(runs)]
        print(f"{name:24s} median {statistics.median(times):7.1f} ms   worst {max(times):7.1f} ms")
    editor.close()


if __name__ == "__main__":
    main()
