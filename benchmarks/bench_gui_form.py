"""Timings of the report form (QT_QPA_PLATFORM=offscreen): building the editor and one keystroke.

    QT_QPA_PLATFORM=offscreen /work/venv/bin/python benchmarks/bench_gui_form.py

Drafts: the seed (the example report, ≈2,500 characters) and a 100-page draft (≈60,000
characters in 300 paragraphs over 6 sections with 5 subsections each). A keystroke is a real
key event sent to the focused paragraph editor, followed by processing the events it causes
(layout, paint), as the event loop would; the median and the 95th percentile of many are printed.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui_support import focus_for_typing, longest_in_last_section
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nianbao_gui.app.editor.report_editor import ReportEditor
from nianbao_gui.core.model import Closing, Report, Section
from nianbao_gui.core.settings import Settings

SENTENCE = "我镇坚持以人民为中心的发展思想，扎实推进乡村振兴各项工作，取得了明显成效。"


def big_report(sections: int = 6, children: int = 5, paragraphs: int = 10) -> Report:
    text = (SENTENCE * 6)[:200]
    return Report(
        year=2025,
        opening=[text],
        sections=[
            Section(
                heading=f"第{s + 1}部分的标题",
                children=[
                    Section(heading=f"分项工作{c + 1}。", paragraphs=[text] * paragraphs)
                    for c in range(children)
                ],
            )
            for s in range(sections)
        ],
        closing=Closing(shortcomings=["理论学习不深", "检查督促少"], plans=[text]),
    )


def seed_report() -> Report:
    try:
        from nianbao_gui.core.templates import example_report

        return example_report()
    except Exception:  # the importer may be missing in an early checkout
        return big_report(4, 2, 1)


def timed(action: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def build(app: QApplication, report: Report) -> ReportEditor:
    editor = ReportEditor(Settings())
    editor.set_report(report)
    editor.resize(1100, 800)
    editor.show()
    settle(app)
    return editor


def dispose(app: QApplication, editor: ReportEditor) -> None:
    editor.close()
    editor.deleteLater()
    app.processEvents()


def open_all_tabs(app: QApplication, editor: ReportEditor) -> None:
    tabs = editor.tab_widget()
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle(app)


def keystrokes(
    app: QApplication, editor: ReportEditor, count: int = 300
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU times (ms) of ``count`` keystrokes.

    CPU time is less disturbed when other programs keep the machine busy.
    """
    path = longest_in_last_section(editor.report())
    target = focus_for_typing(editor, path, 100, lambda: settle(app))
    times = []
    cpu = []
    for i in range(count):
        key = Qt.Key.Key_A if i % 4 else Qt.Key.Key_Backspace
        start, start_cpu = time.perf_counter(), time.process_time()
        QTest.keyClick(target, key)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return times, cpu


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    dispose(app, build(app, Report()))  # warm up imports and Qt

    for name, report in (("seed", seed_report()), ("100 pages", big_report())):
        editor = build(app, report)
        chars = editor.total_chars()
        dispose(app, editor)
        paragraphs = len(report.opening) + sum(len(s.paragraphs) for _, s in report.all_sections())
        first = timed(lambda r=report: dispose(app, build(app, r)))  # type: ignore[misc]

        def build_all(r: Report = report) -> None:
            editor = build(app, r)
            open_all_tabs(app, editor)
            dispose(app, editor)

        whole = timed(build_all, repeat=3)

        def open_largest(r: Report = report) -> float:
            editor = build(app, r)
            sizes = [
                len(s.paragraphs) + sum(len(c.paragraphs) for _, c in s.walk()[1:])
                for s in r.sections
            ]
            tab = editor.section_tabs[sizes.index(max(sizes))]
            start = time.perf_counter()
            editor.tab_widget().setCurrentWidget(tab)
            settle(app)
            elapsed = (time.perf_counter() - start) * 1000
            dispose(app, editor)
            return elapsed

        largest = statistics.median(open_largest() for _ in range(3))
        print(f"{name}: {chars} characters, {paragraphs} paragraphs")
        print(f"  editor built and shown (first tab):   {first:8.1f} ms")
        print(f"  every tab opened once:                {whole:8.1f} ms")
        print(f"  first opening of the largest section: {largest:8.1f} ms")
        editor = build(app, report)
        wall, cpu = (sorted(t) for t in keystrokes(app, editor))
        p95 = wall[int(len(wall) * 0.95)]
        print(
            f"  one keystroke (median of {len(wall)}):      {statistics.median(wall):8.2f} ms"
            f" (95%: {p95:.2f} ms; CPU time median {statistics.median(cpu):.2f} ms)"
        )
        dispose(app, editor)


if __name__ == "__main__":
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    main()
