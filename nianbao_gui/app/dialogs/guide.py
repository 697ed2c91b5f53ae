"""帮助 › 使用说明: the short Chinese guide shipped in resources/guide/, in a window of its own
(no browser or other program needed on an office PC)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...core.paths import resources_dir

GUIDE = "使用说明.md"


def guide_text() -> str:
    path = resources_dir() / "guide" / GUIDE
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return f"# 使用说明\n\n找不到随程序发布的使用说明（{path}），请重新安装年报助手。"


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("使用说明 — 年报助手")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(guide_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("中")
        self.resize(44 * em, 36 * em)
