"""The real message boxes: each button gives the answer it says (clicked from a timer)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from nianbao_gui.app.dialogs.messages import LockAnswer, Prompts, SaveAnswer, error_text
from nianbao_gui.core.errors import FileAccessError


def click_later(text: str, seen: list[str]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        for button in box.buttons():
            if button.text() == text:
                button.click()
                return
        raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(20, click)


@pytest.mark.parametrize(
    ("button", "answer"),
    [("保存", SaveAnswer.SAVE), ("不保存", SaveAnswer.DISCARD), ("取消", SaveAnswer.CANCEL)],
)
def test_save_question(qtbot, button: str, answer: SaveAnswer) -> None:
    seen: list[str] = []
    click_later(button, seen)
    assert Prompts().ask_save_changes("述职报告") is answer
    assert "述职报告" in seen[0]


@pytest.mark.parametrize(
    ("button", "answer"),
    [
        ("只读打开", LockAnswer.READ_ONLY),
        ("强行接管", LockAnswer.TAKE_OVER),
        ("取消", LockAnswer.CANCEL),
    ],
)
def test_lock_question_names_the_owner(qtbot, button: str, answer: LockAnswer) -> None:
    seen: list[str] = []
    click_later(button, seen)
    assert Prompts().ask_lock_conflict(Path("甲.json"), "李秘书@办公室电脑") is answer
    assert "李秘书@办公室电脑" in seen[0] and "甲" in seen[0]


@pytest.mark.parametrize(("button", "answer"), [("仍然导出", True), ("先去补全", False)])
def test_placeholder_question(qtbot, button: str, answer: bool) -> None:
    seen: list[str] = []
    click_later(button, seen)
    assert Prompts().confirm_placeholders(3) is answer
    assert "3 处占位符" in seen[0]


def test_error_box_says_what_and_what_to_do(qtbot) -> None:
    seen: list[str] = []
    error = FileAccessError("无法写入 报告.docx：文件正被 WPS 打开。", "请关闭 WPS 后再导出。")

    def close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, close)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        box.accept()

    QTimer.singleShot(20, close)
    Prompts().error(error)
    assert seen == ["无法写入 报告.docx：文件正被 WPS 打开。\n请关闭 WPS 后再导出。"]


def test_unexpected_errors_get_chinese_text_too() -> None:
    what, todo = error_text(PermissionError(13, "Permission denied", "a.docx"))
    assert what == "无法读写文件 a.docx：文件或文件夹是只读的，或正被其他程序打开。" and todo
    what, todo = error_text(ValueError("x"))
    assert what.startswith("操作没有完成") and todo
