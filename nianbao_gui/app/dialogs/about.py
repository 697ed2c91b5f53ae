"""帮助 › 关于: what the program is and where it keeps the user's files."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ... import __version__
from ...core.paths import data_dir, logs_dir
from ..forms.ui_about_dialog import Ui_AboutDialog


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        self.ui.titleLabel.setText(f"<b>年报助手</b> {__version__}")
        icon = self.windowIcon()
        if not icon.isNull():
            self.ui.iconLabel.setPixmap(icon.pixmap(64, 64))
        self.ui.dataLabel.setText(f"草稿和自动保存：{data_dir()}\n日志：{logs_dir()}")
