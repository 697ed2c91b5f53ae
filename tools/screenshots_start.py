"""Screenshots of the way in and of last year's report turned into this year's (issue 13):
the welcome page, the 数据 panel, the 与去年相同 dock with the form shading what is still
last year's, and the message after an export.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshots_start.py

Writes docs/screenshots/start-*.png (1200×800; the message at its own size) and leaves the
other screenshots alone (tools/screenshots.py makes those). Same virtual screen, private
data folder and PNG8 shrinking as tools/screenshots.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import OUT, SIZE, _rerun_under_xvfb, finish, private_session, save_png


def main() -> int:
    data = private_session()
    if data is None:
        return _rerun_under_xvfb()
    os.environ["NIANBAO_DOCUMENTS_DIR"] = str(data / "文档")

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    from nianbao_gui.app.dialogs.export_done import export_done_box
    from nianbao_gui.app.main import create_application
    from nianbao_gui.app.main_window import MainWindow
    from nianbao_gui.core.next_year import next_year_copy
    from nianbao_gui.core.paths import export_home
    from nianbao_gui.core.storage import save_draft
    from nianbao_gui.core.templates import example_report

    create_application([sys.argv[0]])
    OUT.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def grab(widget: QWidget, name: str, size: tuple[int, int] | None = SIZE) -> None:
        QTest.qWait(250)
        save_png(widget.grab().toImage(), name, written, size)

    window = MainWindow()
    window.resize(*SIZE)
    window.move(40, 40)
    window.show()
    window.files.start()  # a first start: the welcome page
    grab(window, "start-welcome.png")

    # last year's draft carried into this year; the 数据 panel beside the first section
    last = example_report()
    last_path = data / "2022年度述职述廉报告.json"
    save_draft(last, last_path)
    this_year = next_year_copy(last, last_path)
    this_year.made_from = last_path.name
    this_path = data / "2023年度述职述廉报告.json"
    save_draft(this_year, this_path)
    window.files.open_path(this_path)
    window.editor.tab_widget().setCurrentIndex(2)
    panel = window.figures.panel
    window.figures.show_panel()
    panel.fill(0, "党建")
    panel.fill(0, "宣传")
    grab(window, "start-figures.png")

    sections = window.report().sections
    sections[0].paragraphs[0] = "今年，我坚持把学习摆在首位，" + sections[0].paragraphs[0][20:]
    window.editor.refresh()
    window.ui.actionCompare.trigger()
    window.ui.actionShade.setChecked(True)  # the form shades what is still last year's
    grab(window, "start-same-as-last.png")

    exported = export_home() / "2023年度述职述廉报告.docx"
    box, _answers = export_done_box(window, exported, this_path, True)
    box.show()
    grab(box, "start-export-done.png", None)
    box.close()

    return finish(window, written)


if __name__ == "__main__":
    sys.exit(main())
