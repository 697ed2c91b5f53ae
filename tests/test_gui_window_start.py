"""Start-up: the welcome page on a first start, the file given on the command line, the last draft,
Qt's Chinese translations, the icon, window size on a smaller screen, menus and shortcuts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from qt_helpers import ScriptedPrompts, close_window, make_window, run_python

from nianbao_gui.core.model import Report
from nianbao_gui.core.storage import save_draft


def test_first_start_shows_the_welcome_page_and_its_example(qtbot) -> None:
    window = make_window(qtbot)
    window.files.start()
    assert window.document is None and window.start_page.welcome.isVisibleTo(window)
    ui = window.ui
    draft_commands = [ui.actionExport, ui.actionFiguresExport, ui.actionCompare]
    draft_commands += [window.ui.actionExportPdf, window.ui.actionPrint]
    assert not any(action.isEnabled() for action in draft_commands)  # no silent no-ops
    assert ui.actionImport.isEnabled() and ui.actionNew.isEnabled()
    window.start_page.welcome.buttons["example"].click()
    assert all(action.isEnabled() for action in draft_commands)
    report = window.report()
    assert report.year == 2022 and len(report.sections) >= 3
    assert window.document.path is None and not window.document.dirty
    assert window.windowTitle().startswith("示例")
    assert window.prompts.errors == []
    tabs = window.editor.tab_widget()
    assert tabs.count() >= 2 + len(report.sections)
    close_window(window)


def test_a_command_line_file_is_opened(qtbot, tmp_path: Path) -> None:
    draft = tmp_path / "命令行.json"
    save_draft(Report(year=2021, title="命令行打开"), draft)
    window = make_window(qtbot)
    window.files.start(draft)
    assert window.document.path == draft
    assert window.report().title == "命令行打开"
    close_window(window)


def test_a_returning_user_gets_the_last_draft(qtbot, tmp_path: Path) -> None:
    draft = tmp_path / "上次.json"
    save_draft(Report(year=2021, title="上次的"), draft)
    window = make_window(qtbot)
    window.settings.add_recent(tmp_path / "已删除.json")
    window.settings.add_recent(draft)
    window.files.start()
    assert window.document.path == draft
    close_window(window)


def test_new_from_a_template(qtbot) -> None:
    from nianbao_gui.app.dialogs.new_draft import NewDraftDialog

    dialog = NewDraftDialog()
    qtbot.addWidget(dialog)
    names = [dialog.ui.choiceList.item(i).text() for i in range(dialog.ui.choiceList.count())]
    assert any("述职报告" in name for name in names) and "示例" in names[-1]
    dialog.ui.yearSpin.setValue(2025)
    report = dialog.report()
    assert report is not None and report.year == 2025 and report.sections

    prompts = ScriptedPrompts()
    prompts.new_reports.append(report)
    window = make_window(qtbot, prompts)
    window.ui.actionNew.trigger()
    assert window.report().year == 2025
    assert window.windowTitle().startswith(report.suggested_title())
    close_window(window)


def test_menus_and_shortcuts_are_chinese() -> None:
    from PySide6.QtWidgets import QMainWindow

    from nianbao_gui.app.action_table import ActionTable

    host = QMainWindow()
    table = ActionTable(host, host.menuBar(), host)  # every command is in this one table
    ui = type("Ui", (), {**table.actions, **table.menus})
    expected = {
        "actionNew": ("新建", "Ctrl+N"),
        "actionOpen": ("打开", "Ctrl+O"),
        "actionSave": ("保存", "Ctrl+S"),
        "actionSaveAs": ("另存为", "Ctrl+Shift+S"),
        "actionExport": ("导出 Word", "Ctrl+E"),
        "actionQuit": ("退出", "Ctrl+Q"),
        "actionCheck": ("体检", "F7"),
    }
    for name, (text, keys) in expected.items():
        action = getattr(ui, name)
        assert action.text().startswith(text)
        assert action.shortcut() == QKeySequence(keys)
    for name in ("actionImport", "actionExportOpen", "actionDrafts", "actionNextYear"):
        assert getattr(ui, name).text()
    titles = [ui.menuFile.title(), ui.menuCheck.title(), ui.menuHelp.title()]
    assert titles == ["文件(&F)", "检查(&C)", "帮助(&H)"]
    host.deleteLater()


def test_qt_dialogs_speak_chinese() -> None:
    from nianbao_gui.app.main import install_chinese_translations

    app = QApplication.instance()
    assert install_chinese_translations(app)
    assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_the_icon_is_shipped() -> None:
    from nianbao_gui.app.main import app_icon
    from nianbao_gui.core.paths import resources_dir

    assert not app_icon().isNull()
    assert (resources_dir() / "icons" / "nianbao.ico").is_file()


def test_window_size_is_remembered_and_fits_a_smaller_screen(qtbot) -> None:
    from nianbao_gui.app.window_state import window_state_file

    window = make_window(qtbot)
    window.resize(700, 500)
    window.move(40, 30)
    window.save_window_state()
    close_window(window)
    again = make_window(qtbot)
    assert (again.width(), again.height()) == (700, 500)
    close_window(again)

    # saved on a 4K monitor, far to the right: shrunk and moved onto this screen
    huge = make_window(qtbot)
    huge.setGeometry(QRect(5000, 3000, 3800, 2000))
    state = QSettings(str(window_state_file()), QSettings.Format.IniFormat)
    state.setValue("geometry", huge.saveGeometry())
    state.sync()
    close_window(huge)
    small = make_window(qtbot)
    available = small.screen().availableGeometry()
    assert small.width() <= available.width() and small.height() <= available.height()
    assert available.contains(small.frameGeometry().topLeft())
    close_window(small)
    assert isinstance(state.value("geometry"), QByteArray)


def test_count_in_status_bar_follows_the_editor(qtbot) -> None:
    window = make_window(qtbot)
    window.new_document(Report(opening=["一二三四五"]), "新报告")
    assert "5" in window.count_label.text()
    window.editor.counts_changed.emit(1234)
    assert window.count_label.text() == "全文 1234 字"
    close_window(window)


def test_nianbao_with_a_file_opens_the_window_with_it(monkeypatch) -> None:
    import nianbao_gui.app.main as app_main
    from nianbao_gui import cli

    calls: list[object] = []
    monkeypatch.setattr(app_main, "main", lambda argv=None: calls.append(argv) or 0)
    assert cli.main(["D:\\报告\\草稿.JSON"]) == 0
    assert cli.main([]) == 0
    assert calls == [["D:\\报告\\草稿.JSON"], []]


def _smoke_run(tmp_path: Path, *python_args: str) -> subprocess.CompletedProcess[str]:
    """Python with ``python_args`` in a smoke run (the window exits after its first paint) on
    a first start, which shows the welcome page."""
    result = run_python(tmp_path, *python_args, NIANBAO_SMOKE_TEST="1")
    assert "smoke: first paint of MainWindow '年报助手'" in result.stderr
    return result


def test_program_started_from_source_paints_the_example_with_the_core_before_qt(
    tmp_path: Path,
) -> None:
    """`python -m nianbao_gui` in a smoke run (as the bundle test does for the bundle): the
    window paints with the example and exits 0, and the core was imported before PySide6,
    whose import hook would otherwise slow every later import (nianbao_gui/app/__init__.py)."""
    result = _smoke_run(tmp_path, "-m", "nianbao_gui")
    assert "core imported before PySide6" in result.stderr


def test_a_benchmark_can_end_the_smoke_run_at_the_first_paint(tmp_path: Path) -> None:
    """bench_start_instructions.py counts the work up to the first paint: with
    ``smoke.EXIT_AT_ONCE`` the process ends right after the report, with success."""
    script = (
        "from nianbao_gui.app import smoke\n"
        "smoke.EXIT_AT_ONCE = True\n"
        "from nianbao_gui.cli import main\n"
        "main([])\n"
        "print('after the event loop')\n"
    )
    result = _smoke_run(tmp_path, "-c", script)
    assert "after the event loop" not in result.stdout


_FIRST_PAINT_MODULES = """
import sys
from nianbao_gui.cli import main
try:
    main([])
finally:
    from PySide6 import QtWidgets
    created = [n for n in ("QMessageBox", "QFileDialog") if n in vars(QtWidgets)]
    print("loaded:", sorted(m for m in sys.modules if m.split(".")[0] == "logging"
          or m.startswith("nianbao_gui.app.widgets.") or m.startswith("nianbao_gui.cli")
          or m.startswith("nianbao_gui.app.check")), "created:", created)
"""


def test_start_loads_only_what_the_first_paint_needs(tmp_path: Path) -> None:
    """Start-up time: the window's first paint does without the command line's parser
    (argparse itself is loaded by PySide6), logging's handler module, the form (hidden behind
    the welcome page) and its widgets, the 体检 panel and Qt's message and file dialogs. Each
    is loaded when first used (tested elsewhere)."""
    result = _smoke_run(tmp_path, "-c", _FIRST_PAINT_MODULES)
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("loaded:")]
    assert line == "loaded: ['logging', 'nianbao_gui.cli'] created: []"


def test_check_panel_is_built_when_first_needed_and_reopens_with_findings(qtbot) -> None:
    """The 体检 panel is not built at start (start-up time) but on first use; left open, it is
    there again with fresh findings at the next start."""
    window = make_window(qtbot)
    window.files.open_example()
    assert window._checks is None
    findings = window.checks.run()
    assert findings and window.check_panel.findings == findings
    window.show()
    qtbot.waitExposed(window)
    close_window(window)  # saves the window state, the dock open

    again = make_window(qtbot)
    assert again._checks is not None and again.checks.built  # restored open: built at once
    again.files.open_example()
    assert again.check_panel.findings  # the example's findings, listed without a click
    close_window(again)


def test_a_smoke_run_reports_a_question_at_start_and_can_save(tmp_path: Path) -> None:
    """The Windows bundle test opens a draft another window holds: the smoke run reports the
    lock question asked at start (before, it waited for a click that never came) and exits 0;
    NIANBAO_SMOKE_SAVE saves the open report as 另存为 does."""
    from conftest import REPO

    from nianbao_gui.core.storage import DraftLock, load_draft

    draft = tmp_path / "草稿 一.json"
    shutil.copyfile(REPO / "seeds" / "example-2022-shuzhi-shulian.json", draft)
    saved = tmp_path / "另存 一.json"
    smoke = {"NIANBAO_SMOKE_TEST": "1"}
    result = run_python(
        tmp_path, "-m", "nianbao_gui", str(draft), NIANBAO_SMOKE_SAVE=str(saved), **smoke
    )
    assert f"smoke: saved to {saved}" in result.stderr
    assert load_draft(saved).sections

    held = DraftLock(draft)
    held.acquire()  # another program of this PC (this test) holds the draft
    try:
        result = run_python(tmp_path, "-m", "nianbao_gui", str(draft), **smoke)
    finally:
        held.release()
    assert "smoke: first paint of MainWindow" in result.stderr
    assert "smoke: question open:" in result.stderr
    assert "草稿“草稿 一”正被" in result.stderr


def test_a_smoke_run_lets_go_of_the_drafts_it_opened(tmp_path: Path) -> None:
    """A smoke run ends the event loop with the window still open: the drafts it opened and
    saved are let go of as when a person closes the window (no lock file left beside them)."""
    from conftest import REPO

    draft = tmp_path / "草稿 二.json"
    shutil.copyfile(REPO / "seeds" / "example-2022-shuzhi-shulian.json", draft)
    saved = tmp_path / "另存 二.json"
    result = run_python(
        tmp_path,
        "-m",
        "nianbao_gui",
        str(draft),
        NIANBAO_SMOKE_TEST="1",
        NIANBAO_SMOKE_SAVE=str(saved),
    )
    assert f"smoke: saved to {saved}" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".lock")) == []
