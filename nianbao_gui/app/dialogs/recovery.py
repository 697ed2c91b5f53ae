"""At start: unsaved work from a session that did not end cleanly, offered back (恢复/丢弃)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def describe_entry(entry: Any) -> str:
    """``述职报告草稿.json（2025-01-05 10:31:02 自动保存）``; an unsaved new report by name."""
    source = getattr(entry, "source", None)
    name = Path(str(source)).name if source else "未保存的新报告"
    saved_at = getattr(entry, "saved_at", None)
    if isinstance(saved_at, _dt.datetime):
        local = saved_at.astimezone() if saved_at.tzinfo else saved_at
        when = local.strftime("%Y-%m-%d %H:%M:%S")
    else:
        when = str(saved_at or "")
    return f"{name}（{when} 自动保存）" if when else name


class RecoveryDialog(QDialog):
    DISCARD = "discard-all"

    def __init__(self, entries: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("恢复未保存的内容")
        self.resize(620, 320)
        self.chosen: Any | None = None
        self.discard_all = False
        layout = QVBoxLayout(self)
        label = QLabel(
            "上次退出时有未保存的修改（程序意外关闭或断电）。\n"
            "选择一项并点“恢复”继续编辑；“丢弃”会永久删除这些自动保存的内容。"
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        for entry in entries:
            item = QListWidgetItem(describe_entry(entry))
            item.setData(256, entry)  # Qt.UserRole
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self._restore())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        restore = QPushButton("恢复")
        restore.setDefault(True)
        discard = QPushButton("丢弃")
        later = QPushButton("以后再说")
        buttons.addButton(restore, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(discard, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(later, QDialogButtonBox.ButtonRole.RejectRole)
        restore.clicked.connect(self._restore)
        discard.clicked.connect(self._discard)
        later.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def _restore(self) -> None:
        item = self.list.currentItem()
        self.chosen = item.data(256) if item else None
        self.accept()

    def _discard(self) -> None:
        self.discard_all = True
        self.accept()
