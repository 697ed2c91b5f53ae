"""Time to open the 数据 panel on a 100-page draft (QT_QPA_PLATFORM=offscreen).

    .venv/bin/python benchmarks/bench_figures_panel.py [--runs 7]

The draft: the seed's 38 slots repeated over a 100-page report (≈60,000 characters), so
several hundred slots (the seed's own density: one every ~65 characters). "Open" is the menu
command: the panel built (first run: also its module and the dock) and filled, and the
events it causes processed (layout, paint), as the event loop would. Target: under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from PySide6.QtWidgets import QApplication

from nianbao_gui.app.main import create_application
from nianbao_gui.app.main_window import MainWindow
from nianbao_gui.core.figures import find_slots
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.outline import char_count
from nianbao_gui.core.templates import example_report

TARGET_MS = 100.0
TARGET_CHARS = 60_000


def big_report() -> Report:
    seed = example_report()
    paragraphs = [p for _, s in seed.all_sections() for p in s.paragraphs]
    sections: list[Section] = []
    count = 0
    while count < TARGET_CHARS:
        children = []
        for index in range(5):
            text = paragraphs[(len(sections) * 5 + index) % len(paragraphs)]
            children.append(Section(heading="政法工作。", run_in=True, paragraphs=[text]))
            count += char_count(text)
        sections.append(Section(heading=f"第{len(sections) + 1}部分工作", children=children))
    return Report(year=2025, opening=seed.opening, sections=sections, closing=seed.closing)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    app = create_application([])
    report = big_report()
    slots = len(find_slots(report))
    times = []
    for _ in range(runs):
        window = MainWindow()
        window.new_document(report.model_copy(deep=True), "100 页")
        window.show()
        app.processEvents()
        start = time.perf_counter()
        window.figures.show_panel()
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        window.document.discard_changes()
        window.close()
        window.deleteLater()
        app.processEvents()
    QApplication.processEvents()
    print(f"数据 panel on a 100-page draft ({slots} slots):")
    print(f"  first open (module, dock, table): {times[0]:.1f} ms")
    print(f"  median of later windows: {statistics.median(times[1:] or times):.1f} ms")
    print(f"  target < {TARGET_MS:.0f} ms")


if __name__ == "__main__":
    main()
