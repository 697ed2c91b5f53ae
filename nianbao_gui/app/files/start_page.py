"""The way in: the welcome page on a first start, and the banner over the example.

The welcome page offers three large choices: 从去年的报告开始（导入 .docx/.txt）, 新建空白报告,
看示例. The banner says that the example is an example, with the same ways to start one's
own. Both only emit signals; StartPage connects them to the file actions and shows one or
the other in the editor area (the layout of the form) it is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCommandLinkButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ..session import Session
    from .actions import FileActions

CHOICES = (
    (
        "import",
        "从去年的报告开始（导入 .docx/.txt）",
        "选去年的 Word 或文本报告，改成今年的",
    ),
    ("new", "新建空白报告", "按三种报告的模板从头写"),
    ("example", "看示例", "一篇填好的述职述廉报告，看看怎么写"),
)


class WelcomePage(QWidget):
    import_requested = Signal()
    new_requested = Signal()
    example_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel("欢迎使用年报助手")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel("写今年的述职报告，从哪里开始？")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(intro, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(intro.fontMetrics().height())
        signals = {
            "import": self.import_requested,
            "new": self.new_requested,
            "example": self.example_requested,
        }
        self.buttons: dict[str, QCommandLinkButton] = {}
        em = intro.fontMetrics().horizontalAdvance("中")
        for key, text, description in CHOICES:
            button = QCommandLinkButton(text, description)
            button.setObjectName(f"welcome_{key}")
            button.setMinimumWidth(34 * em)
            big = button.font()
            big.setPointSizeF(big.pointSizeF() * 1.25)
            button.setFont(big)
            button.clicked.connect(signals[key].emit)
            self.buttons[key] = button
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        hint = QLabel("以后随时可以从“文件”菜单新建、打开或导入；“帮助 → 使用说明”有简短的说明。")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(em)
        layout.addWidget(hint)
        layout.addStretch(2)
        self.buttons["import"].setFocus()


class ExampleBanner(QFrame):
    """Over the example: it is an example, and how to start one's own report."""

    import_requested = Signal()
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exampleBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#exampleBanner { background: #fff4d6; border: 1px solid #e0c27a; }")
        self.label = QLabel(
            "这是示例报告（一篇真实的 2022 年度述职述廉报告，数字已隐去），供参考写法；"
            "在这里的修改不会影响您的报告。"
        )
        self.label.setWordWrap(True)
        own = QPushButton("从去年的报告开始")
        blank = QPushButton("新建空白报告")
        own.clicked.connect(self.import_requested.emit)
        blank.clicked.connect(self.new_requested.emit)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(own)
        layout.addWidget(blank)


class StartPage:
    """Shows the welcome page or the example banner in the editor area (the commands that
    need a draft are greyed out by whoever asks for the welcome page)."""

    def __init__(self, session: Session, area: QBoxLayout, files: FileActions) -> None:
        self.session = session
        self.area = area
        self.files = files
        self.welcome: WelcomePage | None = None
        self.banner: ExampleBanner | None = None

    def show_welcome(self) -> None:
        if self.welcome is None:
            self.welcome = WelcomePage(self.area.parentWidget())
            files = self.files
            self.welcome.import_requested.connect(files.import_dialog)
            self.welcome.new_requested.connect(files.new)
            self.welcome.example_requested.connect(files.open_example)
            self.area.addWidget(self.welcome)
        self.session.editor.hide()
        self.welcome.show()

    def show_example_banner(self) -> None:
        if self.banner is None:
            self.banner = ExampleBanner(self.area.parentWidget())
            files = self.files
            self.banner.import_requested.connect(files.import_dialog)
            self.banner.new_requested.connect(files.new)
            self.area.insertWidget(0, self.banner)
        self.banner.show()

    def document_shown(self) -> None:
        """A document is in the editor now: the form instead of the welcome, no banner."""
        if self.welcome is not None:
            self.welcome.hide()
        if self.banner is not None:
            self.banner.hide()
        self.session.editor.show()
