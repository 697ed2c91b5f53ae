"""Every menu command of the window in one table: its text, keys, menu, handler, and when it
is enabled. A key claimed twice is then a line in this file (and a failing test), not an
ambiguous shortcut Qt silently fires neither of.

``handler`` names a feature's method by its path from the window's features (``"files.save"``),
looked up when the command runs: a feature built when first used (the 数据 panel, 对比去年)
costs nothing at start. ``enabled``: ``ALWAYS``; ``DRAFT`` (greyed out while no draft is
open: a click never silently does nothing); ``UNDO`` / ``REDO`` (the draft's history).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

Keys = str | QKeySequence.StandardKey


class Enabled(Enum):
    ALWAYS = "always"
    DRAFT = "draft"
    UNDO = "undo"
    REDO = "redo"


@dataclass(frozen=True)
class Command:
    name: str  # the QAction's objectName (also ``window.ui.<name>``)
    text: str
    menu: str
    handler: str  # a path from the features: "files.save"
    keys: tuple[Keys, ...] = ()
    tip: str = ""
    enabled: Enabled = Enabled.DRAFT
    checkable: bool = False
    on_toggle: bool = False  # the handler gets the checked state, also when code sets it
    separator: bool = False  # a line before it in its menu


MENUS = (
    ("menuFile", "文件(&F)"),
    ("menuEdit", "编辑(&E)"),
    ("menuCheck", "检查(&C)"),
    ("menuData", "数据(&D)"),
    ("menuHelp", "帮助(&H)"),
)
SUBMENUS = {"menuRecent": ("menuFile", "最近打开(&R)", "actionDrafts")}  # (menu, title, before)

A, D = Enabled.ALWAYS, Enabled.DRAFT
COMMANDS: tuple[Command, ...] = (
    # 文件
    Command("actionNew", "新建(&N)…", "menuFile", "files.new", ("Ctrl+N",),
            "从模板或示例新建一份报告", A),
    Command("actionOpen", "打开(&O)…", "menuFile", "files.open_dialog", ("Ctrl+O",),
            "打开一份草稿（.json）", A),
    Command("actionDrafts", "草稿列表(&L)…", "menuFile", "files.drafts_list", ("Ctrl+L",),
            enabled=A),
    Command("actionSave", "保存(&S)", "menuFile", "files.save", ("Ctrl+S",), separator=True),
    Command("actionSaveAs", "另存为(&A)…", "menuFile", "files.save_as", ("Ctrl+Shift+S",)),
    Command("actionNextYear", "另存为明年的报告(&Y)…", "menuFile", "files.save_as_next_year",
            tip="保留结构和文字，年份加一，清空日期，另存为新草稿"),
    Command("actionImport", "从已有报告导入(&I)…", "menuFile", "files.import_dialog",
            ("Ctrl+I",), "把已有的报告（.txt 或 .docx）导入为新草稿", A, separator=True),
    Command("actionExport", "导出 Word(&E)…", "menuFile", "exports.export_word", ("Ctrl+E",),
            "先体检，再导出为公文格式的 Word 文档"),
    Command("actionExportOpen", "导出并打开(&P)…", "menuFile", "exports.export_and_open",
            ("Ctrl+Shift+E",), "导出 Word 文档后用 WPS 或 Word 打开"),
    Command("actionExportPdf", "导出 PDF…", "menuFile", "pages.export_pdf"),
    Command("actionPrint", "打印…", "menuFile", "pages.print_dialog",
            (QKeySequence.StandardKey.Print,)),
    Command("actionPrintPreview", "打印预览…", "menuFile", "pages.print_preview"),
    Command("actionPreview", "预览", "menuFile", "pages.toggle_preview", ("F9",),
            checkable=True),
    Command("actionQuit", "退出(&X)", "menuFile", "close", ("Ctrl+Q",), enabled=A,
            separator=True),
    # 编辑
    Command("actionUndo", "撤销(&U)", "menuEdit", "edits.undo",
            (QKeySequence.StandardKey.Undo,),
            "撤销上一步修改（打字、分段、删除、修复、替换……）", Enabled.UNDO),
    # Ctrl+Y as in Word and WPS, Ctrl+Shift+Z as elsewhere
    Command("actionRedo", "重做(&R)", "menuEdit", "edits.redo", ("Ctrl+Y", "Ctrl+Shift+Z"),
            "重做刚撤销的一步", Enabled.REDO),
    Command("actionFind", "查找(&F)…", "menuEdit", "edits.find_text", ("Ctrl+F",),
            "在整份报告中查找文字", separator=True),
    Command("actionReplace", "替换(&H)…", "menuEdit", "edits.replace_text", ("Ctrl+H",),
            "在整份报告中查找并替换文字"),
    Command("actionZoomIn", "放大文字(&I)", "menuEdit", "edits.zoom_in", ("Ctrl+=", "Ctrl++"),
            "放大编辑区的文字", separator=True),
    Command("actionZoomOut", "缩小文字(&O)", "menuEdit", "edits.zoom_out", ("Ctrl+-",),
            "缩小编辑区的文字"),
    Command("actionZoomReset", "文字原始大小(&0)", "menuEdit", "edits.zoom_reset", ("Ctrl+0",),
            "编辑区文字恢复原始大小"),
    # 检查
    Command("actionCheck", "体检(&K)", "menuCheck", "checks.run", ("F7",),
            "找出占位符、标点、错别字、编号等问题"),
    Command("actionShowCheckPanel", "显示体检面板(&V)", "menuCheck", "checks.show"),
    Command("actionCompare", "对比去年…", "menuCheck", "last_year.compare_now",
            tip="与去年的草稿或报告对比：列出一字未改的句子和未变的数字"),
    Command("actionShade", "标出与去年相同的句子", "menuCheck", "last_year.toggle_shading",
            checkable=True, on_toggle=True),
    # 数据
    Command("actionFigures", "数据面板（待填的数字）", "menuData", "figures.show_panel",
            ("Ctrl+D",)),
    Command("actionFiguresExport", "导出表格…", "menuData", "figures.export_table",
            separator=True),
    Command("actionFiguresFill", "从表格填入…", "menuData", "figures.fill_from_table"),
    # 帮助
    Command("actionGuide", "使用说明(&G)", "menuHelp", "show_guide", ("F1",), enabled=A),
    Command("actionOpenDataFolder", "打开数据文件夹(&D)", "menuHelp", "open_data_folder",
            tip="草稿、自动保存和日志所在的文件夹", enabled=A),
    Command("actionAbout", "关于年报助手(&A)", "menuHelp", "prompts.about", enabled=A,
            separator=True),
)  # fmt: skip


def key_sequences(keys: Sequence[Keys]) -> list[QKeySequence]:
    sequences: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, QKeySequence.StandardKey):
            sequences += QKeySequence.keyBindings(key)  # the platform's own (Ctrl+Z …)
        else:
            sequences.append(QKeySequence(key))
    return sequences


def resolve(root: object, path: str) -> Callable[..., Any]:
    target: Any = root
    for step in path.split("."):
        target = getattr(target, step)
    return target  # type: ignore[no-any-return]


class ActionTable:
    """The window's QActions, made from ``COMMANDS`` into menus made from ``MENUS``."""

    def __init__(self, owner: QWidget, bar: QMenuBar, features: object) -> None:
        self.features = features
        self.menus: dict[str, QMenu] = {}
        for name, title in MENUS:
            menu = bar.addMenu(title)
            menu.setObjectName(name)
            self.menus[name] = menu
        self.actions: dict[str, QAction] = {}
        for command in COMMANDS:
            menu = self.menus[command.menu]
            for sub, (parent, title, before) in SUBMENUS.items():
                if parent == command.menu and before == command.name:
                    self.menus[sub] = menu.addMenu(title)
                    self.menus[sub].setObjectName(sub)
            if command.separator:
                menu.addSeparator()
            action = QAction(command.text, owner)
            action.setObjectName(command.name)
            action.setShortcuts(key_sequences(command.keys))
            if command.tip:
                action.setToolTip(command.tip)
            action.setCheckable(command.checkable)
            if command.on_toggle:
                action.toggled.connect(lambda on, c=command: self.fire(c, on))
            else:
                action.triggered.connect(lambda *_, c=command: self.fire(c))
            menu.addAction(action)
            self.actions[command.name] = action

    def fire(self, command: Command, *args: Any) -> None:
        """Run a command's handler (tests replace this to see which command a key fired)."""
        resolve(self.features, command.handler)(*args)

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def with_rule(self, rule: Enabled) -> list[QAction]:
        return [self.actions[c.name] for c in COMMANDS if c.enabled is rule]

    def set_draft_open(self, on: bool, extra: Sequence[QAction] = ()) -> None:
        """A draft is open (or not): the commands that need one are enabled (or greyed)."""
        for action in (*self.with_rule(Enabled.DRAFT), *extra):
            action.setEnabled(on)

    def follow_history(self, stack: QUndoStack) -> None:
        for action in self.with_rule(Enabled.UNDO):
            stack.canUndoChanged.connect(action.setEnabled)
            action.setEnabled(stack.canUndo())
        for action in self.with_rule(Enabled.REDO):
            stack.canRedoChanged.connect(action.setEnabled)
            action.setEnabled(stack.canRedo())
