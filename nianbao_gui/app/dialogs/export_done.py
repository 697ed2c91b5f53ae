"""After an export: where the Word (or PDF) file is, buttons to open it or its folder, and plainly
whether the draft itself is saved (the Word file is for printing; the draft is what she
edits next time, and the window's * alone did not say so). What the export had to change on
the way (fonts stood in, characters dropped) is in the same message, not in one before it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

OPEN, FOLDER, SAVE = "open", "folder", "save"
SHOWN_NOTES = 5  # more are in the box's details


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


def notes_text(notes: Sequence[str]) -> str:
    """The export's notes, the first few of them, for the message's smaller text."""
    if not notes:
        return ""
    lines = [f"· {note}" for note in notes[:SHOWN_NOTES]]
    if len(notes) > SHOWN_NOTES:
        lines.append(f"……另有 {len(notes) - SHOWN_NOTES} 条，全部列在详细信息中。")
    return "请注意：\n" + "\n".join(lines)


def export_done_box(
    parent: QWidget | None,
    path: Path,
    draft: Path | None,
    dirty: bool,
    notes: Sequence[str] = (),
) -> tuple[QMessageBox, dict[object, str]]:
    """The message box and its buttons' answers (not shown: the caller execs it)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("导出完成")
    kind = "PDF 文件" if path.suffix.lower() == ".pdf" else "Word 文档"
    box.setText(f"已导出 {kind}：\n{path}")  # a space between Chinese and a Latin word
    state = draft_state(draft, dirty)
    box.setInformativeText(f"{notes_text(notes)}\n\n{state}" if notes else state)
    if len(notes) > SHOWN_NOTES:
        box.setDetailedText("\n".join(notes))
    answers: dict[object, str] = {}
    opened = box.addButton("打开", QMessageBox.ButtonRole.AcceptRole)
    answers[opened] = OPEN
    answers[box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)] = FOLDER
    if draft is None or dirty:
        answers[box.addButton("保存草稿", QMessageBox.ButtonRole.ActionRole)] = SAVE
    box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(opened)
    return box, answers


def ask_after_export(
    parent: QWidget | None,
    path: Path,
    draft: Path | None,
    dirty: bool,
    notes: Sequence[str] = (),
) -> str:
    """``open``, ``folder``, ``save`` or ``""`` (closed)."""
    box, answers = export_done_box(parent, path, draft, dirty, notes)
    box.exec()
    return answers.get(box.clickedButton(), "")
