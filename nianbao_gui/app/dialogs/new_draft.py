"""文件 › 新建: a template per kind of report, or the filled-in example."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from ...core.model import Report
from ...core.templates import list_templates, load_template
from ..forms.ui_new_draft_dialog import Ui_NewDraftDialog

_EXAMPLE = "example"


def default_year(today: _dt.date | None = None) -> int:
    """Reports are written at the end of the year or early in the next one (for the last)."""
    today = today or _dt.date.today()
    return today.year if today.month >= 7 else today.year - 1


class NewDraftDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NewDraftDialog()
        self.ui.setupUi(self)
        for template in list_templates():
            item = QListWidgetItem(f"{template.name}（模板）")
            item.setData(Qt.ItemDataRole.UserRole, template.path)
            self.ui.choiceList.addItem(item)
        example = QListWidgetItem("示例：2022年度述职述廉报告（已填好，可参考）")
        example.setData(Qt.ItemDataRole.UserRole, _EXAMPLE)
        self.ui.choiceList.addItem(example)
        self.ui.choiceList.setCurrentRow(0)
        self.ui.choiceList.currentItemChanged.connect(self._choice_changed)
        self.ui.choiceList.itemDoubleClicked.connect(lambda _item: self.accept())
        self.ui.yearSpin.setValue(default_year())
        self._mention_import()

    def _mention_import(self) -> None:
        """Most reports start from last year's: say where that is, above the templates."""
        from PySide6.QtWidgets import QLabel

        hint = QLabel(
            "要接着去年的报告写？请取消，然后选“文件 → 从已有报告导入”（.docx 或 .txt），"
            "或“文件 → 另存为明年的报告”（已有去年的草稿时）。"
        )
        hint.setObjectName("importHint")
        hint.setWordWrap(True)
        layout = self.layout()
        if layout is not None:
            layout.addWidget(hint)  # below the year: read after choosing, before 确定

    def _choice_changed(self) -> None:
        self.ui.yearSpin.setEnabled(self.choice() != _EXAMPLE)

    def choice(self) -> object:
        item = self.ui.choiceList.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def report(self) -> Report | None:
        """The report to start from; raises NianbaoError when a template cannot be read."""
        choice = self.choice()
        if choice is None:
            return None
        if choice == _EXAMPLE:
            from ...core.templates import example_report

            example: Report = example_report()
            return example
        report = load_template(choice)  # type: ignore[arg-type]
        report.year = self.ui.yearSpin.value()
        return report
