"""帮助 › 关于: what the program is and where it keeps the user's files."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ... import __version__
from ...core.logfile import log_handler
from ...core.paths import data_dir
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
        self.ui.dataLabel.setText(places_text())


def places_text() -> str:
    """Where drafts and the log are: the log where it really goes (the temporary folder when
    the data folder cannot be written), and never an error for a data folder that is gone."""
    try:
        data = str(data_dir())
    except OSError:
        data = "（数据文件夹无法建立，自动保存和较早版本暂不可用）"
    handler = log_handler()
    log = (handler.written_to or handler.places[0]) if handler is not None else "（未记录）"
    return f"草稿和自动保存：{data}\n日志：{log}"
