"""文件 → 最近打开: the recent drafts of the settings, rebuilt whenever the list changes.

The list lives in the settings (which save themselves on change); this menu only shows it and
asks for a draft to be opened, as the other file commands do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ...core.settings import Settings


class RecentMenu:
    def __init__(self, menu: QMenu, settings: Settings, open_path: Callable[[Path], Any]) -> None:
        self.menu = menu
        self.settings = settings
        self.open_path = open_path
        settings.observe(self._setting_changed)
        # a draft deleted or moved since the list was built: greyed and said so when the
        # menu opens, not offered as if it were there (a click said only 请重新选择)
        menu.aboutToShow.connect(self.mark_missing)
        self.update()

    def mark_missing(self) -> None:
        for action in self.menu.actions():
            text = action.statusTip()
            if text:
                here = Path(text).exists()
                action.setEnabled(here)
                name = Path(text).name
                action.setText(name if here else f"{name}（找不到文件，可能已移动或删除）")

    def update(self) -> None:
        menu = self.menu
        menu.clear()
        for text in self.settings.recent_files:
            path = Path(text)
            action = QAction(path.name, menu)
            action.setToolTip(text)
            action.setStatusTip(text)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
            menu.addAction(action)
        if not self.settings.recent_files:
            empty = menu.addAction("（暂无）")
            empty.setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("清除列表", self.clear)
        self.mark_missing()

    def remember(self, path: Path) -> None:
        # last_folder stays the folder of Word/text files (import, export): drafts usually
        # live in the data folder, where nobody should be sent to look for a .docx
        self.settings.add_recent(path)

    def clear(self) -> None:
        self.settings.recent_files = ()

    def _setting_changed(self, name: str) -> None:
        if name == "recent_files":
            self.update()
