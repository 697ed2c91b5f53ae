"""The 体检 dock: the checker's findings, each leading to its place in the form.

The list follows the report by itself (live_check.LiveChecker: again ~300 ms after a
change, in slices between events). Findings are grouped by category, and findings that read the
same (33 × “**”是占位符) share one expandable row with a count. Rows are updated in place and
groups keep their order, so nothing moves under the mouse after a fix.

A click never trusts old offsets: the finding is first followed to where it is now
(``checks.locate``); if the text there was changed, the panel says so instead of selecting
other characters. 修复 and 全部修复 do not change the model: they emit ``edits_requested``
with the new texts, which the editor applies as one undoable edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.checks import Category, Finding, locate, plan_fixes
from ...core.checks.fixing import FixPlan
from ...core.checks.follow import has_place
from ...core.model import Report
from .check_rows import (
    FINDING_ROLE,
    GroupKey,
    WrappedRows,
    build_group,
    build_group_of,
    fill_leaf,
    group_key,
    set_text,
    sync_children,
)
from .live_check import LIVE_DELAY_MS, Checked, LiveChecker, RowText, check_now, row_text

NO_DRAFT = "还没有打开报告：请先新建、打开或导入一份报告，再按 F7 给它做体检。"
READY = "按 F7 给报告做体检：占位符、标点、错别字、编号等。"


class CheckPanel(QWidget):
    focus_requested = Signal(object, int, int)  # FieldPath, start, end
    edits_requested = Signal(str, object)  # undo label, list[(FieldPath, new text)]

    def __init__(self, parent: QWidget | None = None, delay_ms: int = LIVE_DELAY_MS) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self.findings: list[Finding] = []
        self._ranks: dict[GroupKey, int] = {}  # first-seen order of groups: kept across checks
        self._categories: dict[Category, QTreeWidgetItem] = {}
        # the findings of each group of identical ones, for its rows when it is opened
        self._group_rows: dict[GroupKey, list[tuple[Finding, RowText]]] = {}
        self.live = LiveChecker(self, self._shown, delay_ms)
        self.live.finished.connect(self._show_live)
        # 【版面】: the pages are laid out at F7 only (a 100-page layout takes ~70 ms, too
        # long between keystrokes); live re-checks keep those findings, which follow the
        # text when clicked like any other. None: no layout check (no settings to lay out by).
        self.layout_options: Callable[[], Any] | None = None
        self._layout = Checked()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(NO_DRAFT)  # the welcome page: nothing to check yet
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.notice = QLabel()  # what the last click or fix did
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["问题与位置", ""])
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)  # rows of two lines stay apart
        self.tree.setItemDelegate(WrappedRows(self.tree))
        self.tree.setExpandsOnDoubleClick(False)  # one click opens a group (_item_clicked)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemClicked.connect(self._item_clicked)
        self.tree.itemExpanded.connect(lambda item: build_group_of(item, self._group_rows))
        self.tree.itemActivated.connect(lambda item, _column: self._item_clicked(item, 0))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
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
        self.recheck_button.setEnabled(False)  # until there is a draft

    # --- checking --------------------------------------------------------------------------

    def set_report(self, report: Report) -> None:
        """Follow ``report`` from now on (another draft: the list starts afresh)."""
        if report is not self._report:
            self._ranks.clear()
            self._categories.clear()
            self._group_rows.clear()
            self._layout = Checked()
            self.tree.clear()
            self.notice.hide()
        self._report = report
        if not self.recheck_button.isEnabled():  # the first draft since the welcome page
            self.recheck_button.setEnabled(True)
            if self.summary.text() == NO_DRAFT:
                self.summary.setText(READY)
        self.live.set_report(report)
        self.live.waiting = not self._shown()  # a hidden panel checks when it shows

    def check(self, report: Report) -> list[Finding]:
        """Check ``report`` now (F7, before an export) and list what it found."""
        self.set_report(report)
        self.notice.hide()  # what the last click or fix did is old news
        self._check_here()
        return self.findings

    def recheck(self) -> None:
        if self._report is not None:
            self.check(self._report)

    def report_changed(self) -> None:
        """The window's notice that the report changed: check again once typing pauses.
        What the last fix or click did is old news (an undo may have taken the fix back);
        a fix's own edit comes here before the fix says what it did."""
        self.notice.hide()
        if self._report is not None:
            self.live.changed()

    def _check_here(self) -> None:
        assert self._report is not None
        self.live.settled()
        self._layout = self._check_layout(self._report)
        self._show(check_now(self._report))

    def _check_layout(self, report: Report) -> Checked:
        if self.layout_options is None:
            return Checked()
        from ...core.checks.pages import check_pages
        from ...core.pages.fonts import layout_metrics

        options = self.layout_options()
        findings = check_pages(report, layout_metrics(options.font_set), options)
        return Checked(findings, [row_text(report, finding) for finding in findings])

    def _show_live(self, checked: Checked) -> None:
        self._show(checked)

    def _shown(self) -> bool:
        host = self.window()
        return host is self or self.isVisibleTo(host)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.live.waiting:
            self.live.start_now()

    # --- the list --------------------------------------------------------------------------

    def _show(self, checked: Checked) -> None:
        findings = [*checked.findings, *self._layout.findings]
        rows = [*checked.rows, *self._layout.rows]
        self.findings = findings
        entries: dict[Category, dict[GroupKey, list[tuple[Finding, RowText]]]] = {}
        for finding, text in zip(findings, rows, strict=True):
            key = group_key(finding)
            self._ranks.setdefault(key, len(self._ranks))
            entries.setdefault(finding.category, {}).setdefault(key, []).append((finding, text))
        self.tree.setUpdatesEnabled(False)
        try:
            for category in Category:  # always in this order: groups never swap places
                self._update_category(category, entries.get(category, {}))
        finally:
            self.tree.setUpdatesEnabled(True)
        fixable = sum(1 for finding in self.findings if finding.fix is not None)
        summary = (
            f"发现 {len(self.findings)} 个问题，其中 {fixable} 个可以一键修复。"
            "点击一条可跳到对应位置；修改后列表会自动更新。"
            if self.findings
            else "体检通过：没有发现问题。"
        )
        if self.summary.text() != summary:
            self.summary.setText(summary)
        if self.fix_all_button.isEnabled() != (fixable > 0):
            self.fix_all_button.setEnabled(fixable > 0)

    def _update_category(
        self, category: Category, groups: dict[GroupKey, list[tuple[Finding, RowText]]]
    ) -> None:
        item = self._categories.get(category)
        if not groups:
            if item is not None:
                self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
                del self._categories[category]
            return
        if item is None:
            item = QTreeWidgetItem([category.label, ""])
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            at = sum(1 for c in Category if c in self._categories and _before(c, category))
            self.tree.insertTopLevelItem(at, item)
            item.setFirstColumnSpanned(True)
            item.setExpanded(True)
            self._categories[category] = item
        keys = sorted(groups, key=self._ranks.__getitem__)
        sync_children(item, keys, groups, self._group_rows)
        count = sum(len(rows) for rows in groups.values())
        when = "，按 F7 重新排版" if category is Category.LAYOUT else ""
        set_text(item, 0, f"{category.label}（{count}{when}）")

    def finding_items(self) -> list[QTreeWidgetItem]:
        """The rows that stand for one finding each (not the headings), in order."""
        rows: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            for i in range(item.childCount()):
                child = item.child(i)
                if child is None:
                    continue
                if child.data(0, FINDING_ROLE) is not None:
                    rows.append(child)
                else:
                    walk(child)

        for i in range(self.tree.topLevelItemCount()):  # closed groups too
            category = self.tree.topLevelItem(i)
            for j in range(category.childCount() if category is not None else 0):
                child = category.child(j) if category is not None else None
                if child is not None and child.data(0, FINDING_ROLE) is None:
                    build_group(child, self._group_rows)
        walk(self.tree.invisibleRootItem())
        return rows

    # --- going to a finding ----------------------------------------------------------------

    def _item_clicked(self, item: QTreeWidgetItem, column: int = 0) -> None:
        finding = item.data(0, FINDING_ROLE)
        if finding is None:
            if item.parent() is not None:  # a group of identical findings: open or close it
                item.setExpanded(not item.isExpanded())
            return
        if column == 1 and finding.fix is not None:
            self.fix_one(finding)
        else:
            self.go_to(finding, item)

    def go_to(self, finding: Finding, item: QTreeWidgetItem | None = None) -> bool:
        """Select the finding in the form, where it is now; False (and a note in the panel)
        when its text was changed since the check."""
        if self._report is None:
            return False
        if not has_place(finding):
            if finding.path:
                self.focus_requested.emit(finding.path, 0, 0)
            return bool(finding.path)
        here = locate(self._report, finding, siblings=self.findings)
        if here is None:
            seen = f"（“{finding.seen}”）" if finding.seen.strip() else ""
            self._say(f"这一处{seen}在体检后已改动，问题已不在原处。已重新体检。")
            self._check_here()
            return False
        if here is not finding:
            if item is not None:  # the row shows where it is now; a second click goes there
                fill_leaf(item, here, row_text(self._report, here), item.parent() is not None)
            self.live.changed()
        self.notice.hide()
        self.focus_requested.emit(here.path, here.start, here.end)
        return True

    # --- fixing ----------------------------------------------------------------------------

    def fix_one(self, finding: Finding) -> None:
        if self._report is None:
            return
        here = locate(self._report, finding, siblings=self.findings)
        if here is None or here.fix is None:
            self._say("这一处在体检后已改动，没有修改。已重新体检。")
            self._check_here()
            return
        self._apply(plan_fixes(self._report, [here], rounds=1), f"修复（{here.fix_label()}）")

    def fix_all(self) -> None:
        """Every certain fix of the report as it is now, and those they uncover: one edit."""
        if self._report is None:
            return
        plan = plan_fixes(self._report)
        self._apply(plan, f"全部修复（{len(plan.applied)} 处）")

    def _apply(self, plan: FixPlan, label: str) -> None:
        if plan.changes:
            self.edits_requested.emit(label, plan.changes)
        self._say(plan.summary, plan.details)
        if self._report is not None:
            self._check_here()  # the editor applied the edit: rows update in place at once

    def _say(self, text: str, details: str = "") -> None:
        self.notice.setText(text)
        self.notice.setToolTip(details)
        self.notice.show()

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        finding = item.data(0, FINDING_ROLE) if item is not None else None
        if finding is None:
            return
        menu = QMenu(self)
        menu.addAction("转到这一处", lambda: self.go_to(finding, item))
        fix = menu.addAction(f"修复：{finding.fix_label()}", lambda: self.fix_one(finding))
        fix.setEnabled(finding.fix is not None)
        menu.exec(self.tree.viewport().mapToGlobal(pos))


def _before(first: Category, second: Category) -> bool:
    order = list(Category)
    return order.index(first) < order.index(second)
