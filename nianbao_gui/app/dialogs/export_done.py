"""After an export: where the Word (or PDF) file is, buttons to open it or its folder, and plainly
whether the draft itself is saved (the Word file is for printing; the draft is what she
edits next time, and the window's * alone did not say so)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

OPEN, FOLDER, SAVE = "open", "folder", "save"


def draft_state(draft: Path | None, dirty: bool) -> str:
    """One plain sentence on the draft: saved where, or not saved."""
    if draft is None:
        return (
            "注意：草稿本身还没有保存。导出的文件用于打印和报送；"
            "以后还要修改这份报告，请点“保存草稿”。"
        )
    if dirty:
        return f"注意：草稿“{draft.name}”有修改还没有保存（导出的文件已包含这些修改）。"
    return f"草稿已保存：{draft}"


def export_done_box(
    parent: QWidget | None, path: Path, draft: Path | None, dirty: bool
) -> tuple[QMessageBox, dict[object, str]]:
    """The message box and its buttons' answers (not shown: the caller execs it)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("导出完成")
    kind = "PDF 文件" if path.suffix.lower() == ".pdf" else "Word 文档"
    box.setText(f"已导出{kind}：\n{path}")
    box.setInformativeText(draft_state(draft, dirty))
    answers: dict[object, str] = {}
    opened = box.addButton("打开", QMessageBox.ButtonRole.AcceptRole)
    answers[opened] = OPEN
    answers[box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)] = FOLDER
    if draft is None or dirty:
        answers[box.addButton("保存草稿", QMessageBox.ButtonRole.ActionRole)] = SAVE
    box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(opened)
    return box, answers


def ask_after_export(parent: QWidget | None, path: Path, draft: Path | None, dirty: bool) -> str:
    """``open``, ``folder``, ``save`` or ``""`` (closed)."""
    box, answers = export_done_box(parent, path, draft, dirty)
    box.exec()
    return answers.get(box.clickedButton(), "")
