"""Screenshots of a table (issue 22): in the form (a section tab of the editor, on a virtual
X screen) and on the page (the program's PDF and LibreOffice's rendering of the .docx):

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshots_tables.py

Writes docs/screenshots/table-form.png, docs/table-page-pdf.png, docs/table-page-docx.png.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))


def report():  # type: ignore[no-untyped-def]
    from nianbao_gui.core.model import Merge, Report, Section, Table

    section = Section(
        heading="聚焦经济发展，推动高质量发展",
        paragraphs=[
            "一年来，全镇经济运行稳中有进，主要指标完成情况如下。",
            "下一步，我们将继续巩固向好势头，确保全年目标任务圆满完成。",
        ],
    )
    report = Report(year=2025, title="2025年度述职报告", sections=[section])
    table = Table(
        caption="主要经济指标完成情况",
        unit="单位：亿元、%",
        header_rows=2,
        rows=[
            ["指标", "完成情况", "", "增幅"],
            ["", "2024年", "2025年", ""],
            ["地区生产总值", "28.6", "30.4", "6.3"],
            ["一般公共预算收入", "1.82", "1.96", "7.7"],
            ["固定资产投资", "12.4", "**", "**"],
            ["社会消费品零售总额", "9.7", "10.3", "6.2"],
        ],
        merges=[
            Merge(top=0, left=0, height=2, width=1),
            Merge(top=0, left=1, height=1, width=2),
            Merge(top=0, left=3, height=2, width=1),
        ],
        note="注：2025年数据为快报数。",
        after=section.paragraph_ids[0],
    )
    section.tables.append(table)
    return Report.model_validate(report.model_dump())


def form(out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from nianbao_gui.app.editor.report_editor import ReportEditor
    from nianbao_gui.core.settings import Settings

    app = QApplication.instance() or QApplication([])
    editor = ReportEditor(Settings())
    editor.set_report(report())
    editor.resize(1200, 800)
    editor.show()
    editor.tab_widget().setCurrentWidget(editor.section_tabs[0])
    for _ in range(20):
        app.processEvents()
    editor.grab().save(str(out))


def pages(pdf_png: Path, docx_png: Path) -> None:
    from render_support import FONTS_CONF, to_pdfs

    from nianbao_gui.core.export import ExportOptions, export_docx
    from nianbao_gui.core.pages.fonts import font_files
    from nianbao_gui.core.pages.pdf import render_pdf

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        docx = work / "table.docx"
        export_docx(report(), docx)
        theirs = to_pdfs([docx], work)[0]
        fonts = font_files(ExportOptions().font_set, fontconfig_file=str(FONTS_CONF))
        ours = work / "ours.pdf"
        ours.write_bytes(render_pdf(report(), fonts=fonts)[0])
        for pdf, png in ((ours, pdf_png), (theirs, docx_png)):
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(pdf),
                    str(png.with_suffix("")),
                ],
                check=True,
            )


def main() -> int:
    if not os.environ.get("DISPLAY"):
        if not shutil.which("xvfb-run"):
            raise SystemExit("no DISPLAY and no xvfb-run")
        command = ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable, *sys.argv]
        return subprocess.run(command, check=False).returncode
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    with tempfile.TemporaryDirectory() as data:
        os.environ["NIANBAO_DATA_DIR"] = data
        form(REPO / "docs" / "screenshots" / "table-form.png")
    pages(REPO / "docs" / "table-page-pdf.png", REPO / "docs" / "table-page-docx.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
