"""The processes the start-up benchmarks start and time (bench_gui_window.py,
bench_start_instructions.py):

    python benchmarks/start_child.py KIND TABS

KIND: floor, floor+model, program-exit-at-paint or draft-exit-at-paint.

Kept apart from the benchmarks so that a child imports nothing a benchmark needs for itself:
subprocess, statistics, json and tempfile cost a bare Python 20-35 ms here, which would be
counted in the floor's start and not in the program's. A floor reports its first paint on
stdout as ``painted <epoch> cpu <ms> peak <MiB>``, the program in its smoke report on stderr.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _report_and_exit() -> None:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000
    peak = usage.ru_maxrss / 1024  # KiB on Linux
    print(f"painted {time.time():.4f} cpu {cpu_ms:.1f} peak {peak:.1f}", flush=True)
    os._exit(0)  # the measurement ends here; no teardown in the numbers or the output


def floor(tabs: int, *, with_model: bool = False) -> None:
    """A bare PySide6 window with ``tabs`` tabs of line edits (the bundle's floor window)."""
    if with_model:
        # the floor plus what no window of this program can start without: pydantic, the
        # report model and the example draft read and validated, imported before Qt as the
        # program does; the rest of the gap is the program's own window
        from nianbao_gui.core.templates import example_report

        example_report()
    sys.path.insert(0, str(HERE / "floor"))
    from floor import FirstPaint, build_window  # the bundle's floor window and its watcher
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    window = build_window(tabs)
    window.installEventFilter(FirstPaint(_report_and_exit, app))
    window.show()
    app.exec()


def program_exit_at_paint(*, with_draft: bool = False) -> None:
    """The program as ``python -m nianbao_gui`` starts it (a smoke run), ending the process
    at its first paint, without teardown: for counting the work up to that point. On a fresh
    data folder that is the welcome page; ``with_draft``: a copy of the example draft given
    on the command line, as a double-click on a draft opens it (the form at the first paint)."""
    arguments = []
    if with_draft:
        import shutil
        import tempfile

        draft = Path(tempfile.mkdtemp(prefix="nianbao-bench-")) / "示例.json"
        shutil.copyfile(HERE.parent / "seeds" / "example-2022-shuzhi-shulian.json", draft)
        arguments = [str(draft)]
    from nianbao_gui.app import smoke

    smoke.EXIT_AT_ONCE = True
    from nianbao_gui.cli import main as cli_main

    cli_main(arguments)


if __name__ == "__main__":
    kind, count = sys.argv[1], int(sys.argv[2])
    if kind in ("program-exit-at-paint", "draft-exit-at-paint"):
        program_exit_at_paint(with_draft=kind == "draft-exit-at-paint")
    else:
        floor(count, with_model=kind == "floor+model")
