"""Start-up: the first paint loads none of the export libraries.

python-docx (through ``core.export``'s package), fontTools and openpyxl take 0.1–0.3 s
each to import; they are loaded when 导出, PDF, 预览 or 数据 first need them. Measured with
benchmarks/bench_gui_window.py: the menu of issue 14 importing ``core.export.options`` at
start put the program at 1.5× its floor with Qt and pydantic (target 1.35×).
"""

from __future__ import annotations

from pathlib import Path

from qt_helpers import run_python

_HEAVY = ("docx", "fontTools", "openpyxl", "nianbao_gui.core.export")
# what the first paint does not show loads when first used (issue 21): 对比去年, 数据, 体检's
# panel, 预览, printing, the PDF and the page layout
_LATER = (
    "PySide6.QtPrintSupport",
    "nianbao_gui.app.compare.last_year",
    "nianbao_gui.app.figures.figures_panel",
    "nianbao_gui.app.check.check_panel",
    "nianbao_gui.app.pages.preview",
    "nianbao_gui.app.pages.printing",
    "nianbao_gui.core.pages.pdf",
    "nianbao_gui.core.pages.paginate",
)

_SCRIPT = f"""
import sys
from nianbao_gui.cli import main
try:
    main([])
finally:
    print("heavy:", sorted(m for m in sys.modules if m in {_HEAVY + _LATER!r}))
"""


def test_first_paint_imports_no_export_library(tmp_path: Path) -> None:
    result = run_python(tmp_path, "-c", _SCRIPT, NIANBAO_SMOKE_TEST="1")
    assert "smoke: first paint of MainWindow '年报助手'" in result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("heavy:")]
    assert line == "heavy: []"
