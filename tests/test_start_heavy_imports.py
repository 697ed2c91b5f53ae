"""Start-up: the first paint loads none of the export libraries, nor what it does not show.

python-docx (through ``core.export``'s package), fontTools and openpyxl take 0.1–0.3 s
each to import; they are loaded when 导出, PDF, 预览 or 数据 first need them. Measured with
benchmarks/bench_gui_window.py: the menu of issue 14 importing ``core.export.options`` at
start put the program at 1.5× its floor with Qt and pydantic (target 1.35×). Issue 21 (target
1.25×): the form is built when a draft is first shown, not behind the welcome page, and what
only an edit needs is made at its first use (bench_start_instructions.py counts the gain).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO
from qt_helpers import run_python

_HEAVY = ("docx", "fontTools", "openpyxl", "nianbao_gui.core.export")
# what the first paint does not show loads when first used (issue 21): 对比去年, 数据, 体检's
# panel, 预览, printing, the PDF and the page layout; difflib only for a structural edit, the
# next year's copy and tables for 复制为明年的报告, the drafts' file names for 另存为 and 导出
_LATER = (
    "PySide6.QtPrintSupport",
    "nianbao_gui.app.compare.last_year",
    "nianbao_gui.app.figures.figures_panel",
    "nianbao_gui.app.check.check_panel",
    "nianbao_gui.app.pages.preview",
    "nianbao_gui.app.pages.printing",
    "nianbao_gui.core.pages.pdf",
    "nianbao_gui.core.pages.paginate",
    "difflib",
    "nianbao_gui.core.next_year_tables",
    "nianbao_gui.core.next_year",
    "nianbao_gui.core.naming",
    "nianbao_gui.app.editor.zoom",
)
# the form and what builds it: hidden behind the welcome page, built with the first draft
_FORM = (
    "nianbao_gui.app.editor.adapters",
    "nianbao_gui.app.editor.binder",
    "nianbao_gui.app.editor.form",
    "nianbao_gui.app.editor.structure",
    "nianbao_gui.app.tabs.base",
    "nianbao_gui.app.tabs.basic_info_tab",
    "nianbao_gui.app.tabs.section_tab",
    "nianbao_gui.app.widgets.inputs",
    "nianbao_gui.app.widgets.look",
    "nianbao_gui.core.layout",
    "nianbao_gui.core.outline",
)

# Qt classes PySide6 makes (with all their enums) only when Python first imports them: uic
# imported some 40 into every compiled form; tools/compile_ui.py keeps the ones a form uses
_QT_CLASSES = ("QDateTime", "QGradient", "QImage", "QPainter", "QPalette", "QTransform")

_SCRIPT = f"""
import sys
from nianbao_gui.cli import main
try:
    main(sys.argv[1:])
finally:
    print("heavy:", sorted(m for m in sys.modules if m in {_HEAVY + _LATER!r}))
    print("form:", sorted(m for m in sys.modules if m in {_FORM!r}))
    from nianbao_gui.core import numbering  # 一 … 九百九十九, read back only by the checks
    print("numerals:", numbering._parsed.cache_info().currsize)
    from PySide6 import QtCore, QtGui
    made = {{**vars(QtCore), **vars(QtGui)}}
    print("qt:", [name for name in {_QT_CLASSES!r} if name in made])
"""


def _lines(tmp_path: Path, *args: str) -> dict[str, str]:
    result = run_python(tmp_path, "-c", _SCRIPT, *args, NIANBAO_SMOKE_TEST="1")
    assert "smoke: first paint of MainWindow" in result.stderr
    return dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)


def test_first_paint_imports_no_export_library(tmp_path: Path) -> None:
    """A first start (the welcome page): no export library, nothing of the hidden form."""
    lines = _lines(tmp_path)
    assert lines["heavy"] == "[]"
    assert lines["form"] == "[]"
    assert lines["numerals"] == "0"
    assert lines["qt"] == "[]"


def test_first_paint_of_a_draft_imports_only_the_form(tmp_path: Path) -> None:
    """A draft open at start: the form is shown, the rest still loads when first used."""
    draft = tmp_path / "草稿.json"
    shutil.copyfile(REPO / "seeds" / "example-2022-shuzhi-shulian.json", draft)
    lines = _lines(tmp_path, str(draft))
    assert lines["heavy"] == "[]"
    assert "nianbao_gui.app.tabs.basic_info_tab" in lines["form"]
    assert "nianbao_gui.app.editor.form" in lines["form"]
    assert lines["numerals"] == "0"
