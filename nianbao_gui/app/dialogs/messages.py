"""Every question and message the window puts to the user, in one replaceable object.

The window never calls QMessageBox or QFileDialog directly: it asks its ``Prompts``. Tests
pass a scripted subclass, so each answer (保存/不保存/取消, 接管, 恢复 …) is tested without a
modal dialog blocking the event loop.

QMessageBox and QFileDialog are imported where a dialog is shown, not with this module: the
window imports it at start, and creating those two Qt classes (with their enums) cost about
5 ms of every start, for dialogs most starts never show.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from ...core.errors import NianbaoError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog, QWidget

    from ...core.model import Report

APP_TITLE = "年报助手"
DRAFT_FILTER = "年报草稿 (*.json)"
IMPORT_FILTER = "已有报告 (*.txt *.docx);;文本文件 (*.txt);;Word 文档 (*.docx)"
WORD_FILTER = "Word 文档 (*.docx)"
TABLE_FILTER = "Excel 表格 (*.xlsx)"
PDF_FILTER = "PDF 文件 (*.pdf)"


_OS_REASONS = {
    errno.EACCES: "文件或文件夹是只读的，或正被其他程序打开",
    errno.EPERM: "文件或文件夹是只读的，或正被其他程序打开",
    errno.EROFS: "磁盘是只读的",
    errno.ENOSPC: "磁盘已满",
    errno.ENOENT: "文件或文件夹不存在",
}


Answer = TypeVar("Answer")
# a button's role in a question: where the platform puts it and what Esc and Enter mean
Role = Literal["accept", "destructive", "reject"]


class SaveAnswer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class LockAnswer(Enum):
    READ_ONLY = "read_only"
    TAKE_OVER = "take_over"
    CANCEL = "cancel"


def error_text(error: BaseException) -> tuple[str, str]:
    """(what happened, what to do) for any error; unexpected ones get a generic hint."""
    if isinstance(error, NianbaoError):
        return error.what, error.todo
    if isinstance(error, OSError):
        name = f" {error.filename}" if error.filename else ""
        reason = _OS_REASONS.get(error.errno or 0, error.strerror or str(error))
        return (
            f"无法读写文件{name}：{reason}。",
            "请检查文件是否被其他程序（如 Word、WPS）打开、文件夹是否可写，然后再试一次。",
        )
    return f"操作没有完成：{error}", "请再试一次；如果问题反复出现，请把日志文件发给技术人员。"


def _message(
    parent: QWidget | None, title: str, text: str, informative: str, *, warning: bool
) -> None:
    """A message box with an OK button; ``informative`` (if any) in smaller type below."""
    from PySide6.QtWidgets import QMessageBox

    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if informative:
        box.setInformativeText(informative)
    box.exec()


def show_error(parent: QWidget | None, error: BaseException, title: str = APP_TITLE) -> None:
    """A Chinese message box saying what happened (text) and what to do (informative text)."""
    what, todo = error_text(error)
    _message(parent, title, what, todo, warning=True)


class Prompts:
    """The real dialogs. Each method returns the user's answer; none raises."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    # --- messages ------------------------------------------------------------------------

    def error(self, error: BaseException, title: str = APP_TITLE) -> None:
        show_error(self.parent, error, title)

    def info(self, title: str, text: str, details: str = "") -> None:
        _message(self.parent, title, text, details, warning=False)

    # --- questions -----------------------------------------------------------------------

    def _choose(
        self,
        text: str,
        informative: str,
        buttons: list[tuple[str, Role, Answer]],
        default: int,
        otherwise: Answer,
    ) -> Answer:
        """A warning with the given buttons; the answer of the clicked one, or ``otherwise``
        when the box is closed (Esc, the window's ✕)."""
        from PySide6.QtWidgets import QMessageBox

        roles = {
            "accept": QMessageBox.ButtonRole.AcceptRole,
            "destructive": QMessageBox.ButtonRole.DestructiveRole,
            "reject": QMessageBox.ButtonRole.RejectRole,
        }
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(APP_TITLE)
        box.setText(text)
        box.setInformativeText(informative)
        added = [(box.addButton(label, roles[role]), answer) for label, role, answer in buttons]
        box.setDefaultButton(added[default][0])
        box.exec()
        clicked = box.clickedButton()
        return next((answer for button, answer in added if button is clicked), otherwise)

    def ask_save_changes(self, name: str) -> SaveAnswer:
        return self._choose(
            f"“{name}”有未保存的修改。",
            "要先保存吗？",
            [
                ("保存", "accept", SaveAnswer.SAVE),
                ("不保存", "destructive", SaveAnswer.DISCARD),
                ("取消", "reject", SaveAnswer.CANCEL),
            ],
            default=0,
            otherwise=SaveAnswer.CANCEL,
        )

    def ask_lock_conflict(self, path: Path, owner: str) -> LockAnswer:
        who = owner or "另一个年报助手"
        return self._choose(
            f"草稿“{path.stem}”正被 {who} 打开。",
            "只读打开：可以查看和导出，修改需另存为新文件。\n"
            "强行接管：对方的窗口会变为只读，对方未保存的修改只能另存为新文件；"
            "请只在确认对方已不再编辑时使用（例如程序曾意外退出、那台电脑已关机）。",
            [
                ("只读打开", "accept", LockAnswer.READ_ONLY),
                ("强行接管", "destructive", LockAnswer.TAKE_OVER),
                ("取消", "reject", LockAnswer.CANCEL),
            ],
            default=0,
            otherwise=LockAnswer.CANCEL,
        )

    def confirm_placeholders(self, count: int) -> bool:
        return self._choose(
            f"报告里还有 {count} 处占位符（如 ** 或 XX）没有填写。",
            "仍要导出吗？选“先去补全”可以逐个补全：待填的数字在“数据”面板中填写，"
            "其他问题（如空段落）列在“体检”面板中。",
            [("仍然导出", "accept", True), ("先去补全", "reject", False)],
            default=1,
            otherwise=False,
        )

    def ask_partial_fill(self, filled: int, refused: int, details: str) -> bool:
        """Some rows of a 数据 table cannot be filled: fill the others (True), or none?"""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("从表格填入")
        box.setText(f"表格中有 {refused} 行不能填入（原因见“详细信息”），{filled} 处可以填入。")
        box.setInformativeText(
            f"可以先填入这 {filled} 处，其余的改好表格再填，或在“数据”面板中手工填写；"
            "也可以一处都不填，改好表格后整份重新填入。"
        )
        box.setDetailedText(details)
        some = box.addButton(f"填入 {filled} 处", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("一处都不填", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(some)
        box.exec()
        return box.clickedButton() is some

    def confirm_replace_draft(self, path: Path, existing: str | None, new: str) -> bool:
        """Replace the draft at ``path`` (written for ``existing``) with ``new``'s report?"""
        if existing is None:
            whose = "一个无法识别的文件（可能不是年报草稿）"
        else:
            whose = f"{existing}的草稿" if existing else "一份没有填写姓名的草稿"
        mine = f"{new}的报告" if new else "当前报告（没有填写姓名）"
        return self._choose(
            f"“{path.name}”是{whose}。",
            f"要用{mine}替换它吗？原文件会作为早期版本留在数据文件夹的 backups 中。"
            "如果是不同领导的报告，请选“换个名字”。",
            [("替换", "destructive", True), ("换个名字", "reject", False)],
            default=1,
            otherwise=False,
        )

    def after_export(
        self, path: Path, draft: Path | None, dirty: bool, notes: Sequence[str] = ()
    ) -> str:
        """After an export: ``open``, ``folder``, ``save`` or ``""`` (dialogs/export_done);
        ``notes``: what the export changed on the way, said in the same message."""
        from .export_done import ask_after_export

        return ask_after_export(self.parent, path, draft, dirty, notes)

    def offer_recovery(self, entries: list[object]) -> object | None:
        """The entry to restore, or None (the entries stay for next time unless discarded)."""
        from .recovery import RecoveryDialog

        dialog = RecoveryDialog(entries, self.parent)
        dialog.exec()
        if dialog.discard_all:
            return RecoveryDialog.DISCARD
        return dialog.chosen

    def new_draft(self) -> Report | None:
        from .new_draft import NewDraftDialog

        dialog = NewDraftDialog(self.parent)
        return dialog.report() if dialog.exec() else None

    def drafts_list(self) -> tuple[str, Path] | None:
        from .drafts_list import DraftsDialog

        dialog = DraftsDialog(self.parent)
        dialog.exec()
        return dialog.result_action

    def about(self) -> None:
        from .about import AboutDialog

        AboutDialog(self.parent).exec()

    # --- files ---------------------------------------------------------------------------

    def open_path(self, folder: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self.parent, "打开草稿", str(folder), DRAFT_FILTER)
        return Path(name) if name else None

    def import_path(self, folder: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.parent, "从已有报告导入", str(folder), IMPORT_FILTER
        )
        return Path(name) if name else None

    def save_path(self, suggested: Path, title: str = "保存草稿") -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        # the window asks itself before replacing a draft, naming both leaders
        name, _ = QFileDialog.getSaveFileName(
            self.parent,
            title,
            str(suggested),
            DRAFT_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".json" else path.with_name(path.name + ".json")

    def export_path(self, suggested: Path) -> Path | None:
        return ask_save_name(self.parent, "导出 Word 文档", suggested, WORD_FILTER, ".docx")

    def pdf_path(self, suggested: Path) -> Path | None:
        return ask_save_name(self.parent, "导出 PDF", suggested, PDF_FILTER, ".pdf")

    def table_export_path(self, suggested: Path) -> Path | None:
        return ask_save_name(self.parent, "导出待填数据表格", suggested, TABLE_FILTER, ".xlsx")

    def table_import_path(self, folder: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.parent, "从表格填入数据", str(folder), TABLE_FILTER
        )
        return Path(name) if name else None

    def last_year_path(self, folder: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.parent,
            "选择去年的草稿或报告",
            str(folder),
            "去年的草稿或报告 (*.json *.txt *.docx)",
        )
        return Path(name) if name else None


def save_dialog(
    parent: QWidget | None, title: str, suggested: Path, name_filter: str, suffix: str
) -> QFileDialog:
    """A save dialog (not shown) that adds ``suffix`` to a name typed without one before it
    asks about replacing a file: added afterwards, “报告” was checked and 报告.docx replaced."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, str(suggested), name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix.lstrip("."))
    dialog.selectFile(suggested.name)
    return dialog


def ask_save_name(
    parent: QWidget | None, title: str, suggested: Path, name_filter: str, suffix: str
) -> Path | None:
    """The file to export to (ending in ``suffix``), or None."""
    dialog = save_dialog(parent, title, suggested, name_filter, suffix)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    path = Path(dialog.selectedFiles()[0])
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
