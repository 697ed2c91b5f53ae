"""The 体检 dock: the checker's findings, each leading to its place in the form.

Clicking a finding asks the editor to open the field and select the text (``focus_requested``).
A finding with a certain fix has a 修复 button; 全部修复 applies every certain fix. After a fix
the model has changed: the panel emits ``fixed`` (the window refreshes the form and marks the
draft changed) and checks again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import NianbaoError
from ..core.fields import label_of
from ..core.model import Report

_FINDING_ROLE = Qt.ItemDataRole.UserRole


def _checks() -> Any:
    from ..core import checks

    return checks


def fix_order(findings: list[Any]) -> list[Any]:
    """Certain fixes, each field's from its end backwards so that earlier offsets stay valid;
    overlapping fixes in one field are left for the next round."""
    fixable = [f for f in findings if f.fix is not None]
    fixable.sort(key=lambda f: (tuple(map(str, f.path)), -f.start))
    chosen: list[Any] = []
    for finding in fixable:
        previous = chosen[-1] if chosen else None
        if previous is not None and previous.path == finding.path and finding.end > previous.start:
            continue
        chosen.append(finding)
    return chosen


class CheckPanel(QWidget):
    focus_requested = Signal(object, int, int)  # FieldPath, start, end
    fixed = Signal()  # the model was changed by one or more fixes
    failed = Signal(object)  # a NianbaoError (e.g. the text changed since the check)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self.findings: list[Any] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel("按 F7 给报告做体检：占位符、标点、错别字、编号等。")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        # one column for the text, so the dock can stay narrow beside the form: each finding
        # shows its place and message on two lines, grouped under its category
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["位置与问题", ""])
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemClicked.connect(self._item_clicked)
        self.tree.itemActivated.connect(self._item_clicked)
        layout.addWidget(self.tree)
        row = QHBoxLayout()
        self.recheck_button = QPushButton("重新体检")
        self.fix_all_button = QPushButton("全部修复")
        self.fix_all_button.setToolTip("只修复有确定改法的问题（如多余空格、重复标点）")
        self.recheck_button.clicked.connect(self.recheck)
        self.fix_all_button.clicked.connect(self.fix_all)
        row.addWidget(self.recheck_button)
        row.addStretch(1)
        row.addWidget(self.fix_all_button)
        layout.addLayout(row)
        self.fix_all_button.setEnabled(False)

    # --- checking --------------------------------------------------------------------------

    def check(self, report: Report) -> list[Any]:
        """Run the checker on ``report`` and list what it found."""
        self._report = report
        self.findings = list(_checks().check_report(report))
        self._fill()
        return self.findings

    def recheck(self) -> None:
        if self._report is not None:
            self.check(self._report)

    def _fill(self) -> None:
        report = self._report
        assert report is not None
        self.tree.clear()
        fixable = 0
        groups: dict[str, QTreeWidgetItem] = {}
        for finding in self.findings:
            category = category_text(finding) or "其他"
            group = groups.get(category)
            if group is None:
                group = QTreeWidgetItem([category, ""])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                self.tree.addTopLevelItem(group)
                groups[category] = group
            place = place_text(report, finding.path)
            item = QTreeWidgetItem(group, [f"{place}\n{finding.message}", ""])
            item.setToolTip(0, f"{place}\n{finding.message}")
            item.setData(0, _FINDING_ROLE, finding)
            if finding.fix is not None:
                fixable += 1
                button = QToolButton()  # compact: fits the two-line row
                button.setText("修复")
                label = finding.fix_label() if hasattr(finding, "fix_label") else finding.fix
                button.setToolTip(label or "删除")
                button.clicked.connect(lambda _checked=False, f=finding: self.fix_one(f))
                self.tree.setItemWidget(item, 1, button)
        for category, group in groups.items():
            group.setText(0, f"{category}（{group.childCount()}）")
            group.setExpanded(True)
        if not self.findings:
            self.summary.setText("体检通过：没有发现问题。")
        else:
            self.summary.setText(
                f"发现 {len(self.findings)} 个问题，其中 {fixable} 个可以一键修复。"
                "点击一条可跳到对应位置。"
            )
        self.fix_all_button.setEnabled(fixable > 0)

    def finding_items(self) -> list[QTreeWidgetItem]:
        """The rows that stand for findings (not the category headings), in order."""
        rows: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount() if group is not None else 0):
                row = group.child(j) if group is not None else None
                if row is not None:
                    rows.append(row)
        return rows

    def _item_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, _FINDING_ROLE)
        if finding is not None:
            self.focus_requested.emit(finding.path, finding.start, finding.end)

    # --- fixing ----------------------------------------------------------------------------

    def fix_one(self, finding: Any) -> None:
        if self._report is None:
            return
        try:
            _checks().apply_fix(self._report, finding)
        except NianbaoError as error:  # the text changed since the check
            self.failed.emit(error)
        else:
            self.fixed.emit()
        self.recheck()

    def fix_all(self) -> None:
        """Apply every certain fix; again while fixes uncover more (a few rounds at most)."""
        if self._report is None:
            return
        checks = _checks()
        applied = 0
        for _round in range(5):
            order = fix_order(self.findings)
            if not order:
                break
            for finding in order:
                try:
                    checks.apply_fix(self._report, finding)
                except NianbaoError:
                    continue  # out of date: the re-check below lists it afresh
                applied += 1
            self.findings = list(checks.check_report(self._report))
            if not applied:
                break
        if applied:
            self.fixed.emit()
        self.check(self._report)


def category_text(finding: Any) -> str:
    category = getattr(finding, "category", "")
    return str(getattr(category, "label", None) or getattr(category, "value", category) or "")


def place_text(report: Report, path: Any) -> str:
    """Where a finding is, as the form names it; report-level and import findings too."""
    if not path:
        return "导入"
    if tuple(path) == ("date",):
        return "日期"
    return label_of(report, tuple(path))
