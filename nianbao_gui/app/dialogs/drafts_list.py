"""文件 › 草稿列表: every draft in the data folder, to open or to carry into next year."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from ...core.paths import drafts_dir
from ..forms.ui_drafts_dialog import Ui_DraftsDialog

OPEN, NEXT_YEAR = "open", "next_year"


class DraftsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        from ...core.storage import list_drafts

        self.ui = Ui_DraftsDialog()
        self.ui.setupUi(self)
        self.result_action: tuple[str, Path] | None = None
        folder = folder or drafts_dir()
        self.ui.folderLabel.setText(f"草稿文件夹：{folder}")
        drafts = list_drafts(folder)
        table = self.ui.table
        table.setSortingEnabled(False)
        table.setRowCount(len(drafts))
        for row, info in enumerate(drafts):
            modified = info.modified
            when = modified.strftime("%Y-%m-%d %H:%M") if hasattr(modified, "strftime") else ""
            error = getattr(info, "error", None)
            cells = [
                f"{info.title}（无法打开）" if error else info.title,
                str(info.year or ""),
                info.person,
                when,
                Path(info.path).name,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, Path(info.path))
                if error:
                    item.setToolTip(error)
                table.setItem(row, column, item)
        table.setSortingEnabled(True)
        table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if drafts:
            table.selectRow(0)
        else:
            self.ui.folderLabel.setText(f"草稿文件夹 {folder} 里还没有草稿。")
        has_rows = bool(drafts)
        self.ui.openButton.setEnabled(has_rows)
        self.ui.nextYearButton.setEnabled(has_rows)
        self.ui.openButton.clicked.connect(lambda: self._finish(OPEN))
        self.ui.nextYearButton.clicked.connect(lambda: self._finish(NEXT_YEAR))
        table.itemDoubleClicked.connect(lambda _item: self._finish(OPEN))

    def selected_path(self) -> Path | None:
        items = self.ui.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _finish(self, action: str) -> None:
        path = self.selected_path()
        if path is not None:
            self.result_action = (action, path)
            self.accept()
