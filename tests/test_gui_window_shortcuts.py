"""The window's keyboard shortcuts: no key is claimed by two actions (Qt then fires
neither), and Ctrl+Shift+E pressed on the window exports and opens (issue 21)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from nianbao_gui.app.action_table import COMMANDS, key_sequences
from nianbao_gui.core.model import Report, Section
from tests.qt_helpers import ScriptedPrompts, close_window, make_window


def _report() -> Report:
    return Report(
        year=2024,
        opening=["今年以来，我认真履行职责。"],
        sections=[Section(heading="加强学习", paragraphs=["认真学习党的理论。"])],
    )


def _everything_built(window) -> None:  # type: ignore[no-untyped-def]
    """The parts built when first used (their actions and shortcuts too)."""
    window.check_panel  # noqa: B018
    window.figures.panel  # noqa: B018
    window.edits.find_bar  # noqa: B018
    window.pages.preview  # noqa: B018
    window.last_year.compare  # noqa: B018


def shortcut_owners(window) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Every key sequence of the window's actions and shortcuts, and who claims it."""
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for keys in action.shortcuts():
            if not keys.isEmpty():
                name = action.text() or action.objectName()
                owners.setdefault(keys.toString(), []).append(name)
    for shortcut in window.findChildren(QShortcut):
        if shortcut.context() != Qt.ShortcutContext.WidgetShortcut:
            sequences = QShortcut.keys(shortcut)  # (ruff takes .keys() for a dict's)
            for keys in sequences:
                owners.setdefault(keys.toString(), []).append(shortcut.objectName() or "QShortcut")
    return owners


def test_no_shortcut_is_claimed_twice(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.new_document(_report(), "测试")
    _everything_built(window)
    owners = shortcut_owners(window)
    assert owners["Ctrl+Shift+E"] == ["导出并打开(&P)…"]
    twice = {keys: names for keys, names in owners.items() if len(names) > 1}
    assert twice == {}
    close_window(window)


def test_ctrl_shift_e_exports_and_opens(qtbot: QtBot, tmp_path: Path) -> None:
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.new_document(_report(), "测试")
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = tmp_path / "报告.docx"
    prompts.paths.append(target)  # the file dialog's answer
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window, Qt.Key.Key_E, keys)
    assert target.is_file() and prompts.errors == []
    # opened in WPS or Word: the one call to the system, recorded instead of made
    assert [Path(url.toLocalFile()) for url in window.open_url.urls] == [target]
    assert prompts.asked("after_export") == []  # opened: no question after it
    close_window(window)


def test_the_readme_names_the_shortcuts_the_menus_have(qtbot: QtBot) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    window = make_window(qtbot)
    actions = {a.text().split("(&")[0].rstrip("…"): a for a in window.findChildren(QAction)}
    assert "导出并打开**（Ctrl+Shift+E）" in readme
    assert actions["导出并打开"].shortcut() == QKeySequence("Ctrl+Shift+E")
    assert "导出 PDF…（Ctrl+Shift+E）" not in readme
    assert actions["导出 PDF"].shortcut().isEmpty()
    close_window(window)


# keys the README names that are not menu commands: Esc closes the find bar (find_bar.py),
# Tab moves between fields (Qt's own)
# keys of the focused widget, not menu commands: Esc closes a bar, Tab moves, Ctrl+V pastes
# into the text box or the table cell that has the keyboard (tests/test_gui_tables.py presses it)
NOT_COMMANDS = {"Esc", "Tab", "Ctrl+V", "Ctrl+C", "Ctrl+X"}  # a table cell's own
README_KEY = re.compile(
    r"(?<![A-Za-z])((?:Ctrl\+)?(?:Shift\+)?(?:Alt\+)?"
    r"(?:F\d{1,2}|(?<=\+)[A-Z0-9=+\-]|Enter|Tab|Esc))(?![A-Za-z0-9])"
)


def readme_keys() -> set[str]:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    return set(README_KEY.findall(readme))


def test_the_table_gives_no_key_to_two_commands() -> None:
    owners: dict[str, list[str]] = {}
    for command in COMMANDS:
        for keys in key_sequences(command.keys):
            owners.setdefault(keys.toString(), []).append(command.name)
    assert {k: names for k, names in owners.items() if len(names) > 1} == {}


def test_every_key_the_readme_names_fires_its_command(qtbot: QtBot) -> None:
    """Pressed on the window (not ``trigger()``): an ambiguous or dead key fails here."""
    keys = readme_keys() - NOT_COMMANDS
    assert {"Ctrl+Shift+E", "Ctrl+Z", "Ctrl+Y", "F1", "F9", "Ctrl+D", "Ctrl+P"} <= keys
    owner = {
        QKeySequence(k).toString(): c.name
        for c in COMMANDS
        for k in key_sequences(c.keys)
    }
    window = make_window(qtbot)
    window.new_document(_report(), "测试")
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # two steps, one undone: 撤销 and 重做 are both enabled
    history = window.editor.history
    history.edit("改标题", [(("title",), "甲")])
    history.edit("改标题", [(("title",), "乙")])
    history.stack.undo()
    fired: list[str] = []
    window.commands.fire = lambda command, *_: fired.append(command.name)
    for text in sorted(keys):
        assert text in owner, f"README names {text}, no command has it"
        combo = QKeySequence(text)[0]
        fired.clear()
        QTest.keyClick(window, combo.key(), combo.keyboardModifiers())
        assert fired == [owner[text]], text
    close_window(window)
