"""检查 › 对比去年: this year's draft against the draft (or report) it was made from, in a
dock listing 与去年相同 — every sentence copied unchanged and every figure that did not change.

The file compared with is the one the draft remembers (Report.made_from: 复制为明年的报告,
import); without one, or when it has gone, she is asked for it. Clicking a row shows the
place in the form. Rewritten text is never listed (core/checks/same_as_last.py): the list
follows the draft once she pauses, and a row clicked before that is first found again
(checks.locate, as the 体检 panel does), never other text at its old offsets.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import NianbaoError
from ...core.model import Report
from ..widgets.look import button_row

if TYPE_CHECKING:
    from ..docks import Docks
    from ..session import Session

_FINDING_ROLE = Qt.ItemDataRole.UserRole
REFRESH_MS = 400  # after typing in the form: the list follows once she pauses


class SameAsLastPanel(QWidget):
    focus_requested = Signal(object, int, int)  # FieldPath, start, end
    recompare_requested = Signal()
    choose_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._compared: tuple[Report, Path, Report] | None = None  # this year, last year's
        self.findings: list[Any] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        layout.addWidget(self.list, 1)
        button_row(
            layout,
            ("重新对比", self.recompare_requested.emit),
            ("换一份去年的…", self.choose_requested.emit),
        )

    def show_findings(
        self, report: Report, last: Path, findings: list[Any], last_report: Report, notice: str = ""
    ) -> None:
        from ...core.checks import excerpt, location
        from ...core.checks.report import field_labels

        self._compared = (report, last, last_report)
        self.findings = findings
        labels = field_labels(report)
        sentences = sum(1 for f in findings if f.code == "same.sentence")
        figures = len(findings) - sentences
        if findings:
            summary = (
                f"与“{last.name}”相比：{sentences} 句一字未改，{figures} 个数字未变。"
                "点击一条可跳到原文；改写过的文字不会列出。"
            )
        else:
            summary = f"与“{last.name}”相比：没有一字未改的句子，也没有未变的数字。"
        self.summary.setText(f"{notice}\n{summary}" if notice else summary)
        self.list.clear()
        for finding in findings:
            before, seen, after = excerpt(report, finding, width=6)
            kind = "句子" if finding.code == "same.sentence" else "数字"
            item = QListWidgetItem(
                f"{location(report, finding, labels)}（{kind}）\n{before}【{seen}】{after}"
            )
            item.setToolTip(finding.message)
            item.setData(_FINDING_ROLE, finding)
            self.list.addItem(item)

    def clear(self, text: str) -> None:
        """Another draft is shown: the rows were the other draft's places."""
        self._compared = None
        self.findings = []
        self.list.clear()
        self.summary.setText(text)

    def refresh(self, notice: str = "") -> None:
        """Compare the draft as it is now with the same last year's report."""
        if self._compared is None:
            return
        from ...core.checks import compare_with_last

        report, last, last_report = self._compared
        findings = compare_with_last(report, last_report)
        self.show_findings(report, last, findings, last_report, notice)

    def _clicked(self, item: QListWidgetItem) -> None:
        finding = item.data(_FINDING_ROLE)
        if finding is None or self._compared is None:
            return
        from ...core.checks import compare_with_last, locate

        report, _last, last_report = self._compared
        current = compare_with_last(report, last_report)
        found = locate(report, finding, current, siblings=self.findings)
        if found is None:  # rewritten (or deleted) since the list was made
            self.refresh("这一处已经改写或已不在，列表已按现在的草稿更新。")
            return
        self.focus_requested.emit(found.path, found.start, found.end)


def load_last(path: Path) -> Report:
    """Last year's draft (.json) or report (.txt/.docx)."""
    if path.suffix.lower() == ".json":
        from ...core.storage import load_draft

        return load_draft(path)
    from ...core.importer import import_report

    return import_report(path).report


class CompareActions:
    def __init__(self, session: Session, docks: Docks) -> None:
        self.session = session
        self.docks = docks
        self.panel: SameAsLastPanel | None = None
        self.dock: QDockWidget | None = None
        self.last: tuple[Path, Report] | None = None
        self.changed: Any = None  # called with last year's report when another one is read
        self._timer = QTimer(session)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh_if_shown)

    def _build(self) -> SameAsLastPanel:
        if self.panel is None:
            panel = SameAsLastPanel()
            dock = self.docks.new("与去年相同")
            dock.setObjectName("sameAsLastDock")
            dock.setWidget(panel)
            self.docks.add(dock)
            panel.focus_requested.connect(self.session.editor.open_place)
            panel.recompare_requested.connect(self.compare)
            panel.choose_requested.connect(lambda: self.compare(choose=True))
            self.panel, self.dock = panel, dock
        return self.panel

    def _last_path(self, choose: bool) -> Path | None:
        from ...core.next_year import origin_path

        session = self.session
        document = session.document
        assert document is not None
        remembered = origin_path(session.report(), document.path)
        if not choose and remembered is not None and remembered.is_file():
            return remembered
        folder = remembered.parent if remembered is not None else None
        if folder is None or not folder.is_dir():
            folder = document.path.parent if document.path is not None else Path.home()
        return session.prompts.last_year_path(folder)

    def last_year(self, *, choose: bool = False) -> tuple[Path, Report] | None:
        """Last year's report for the open draft: the one read before, else the remembered
        file, else the one she chooses; None when there is none (or it cannot be read)."""
        if self.session.document is None:
            return None
        if self.last is not None and not choose:
            return self.last
        path = self._last_path(choose)
        if path is None:
            return None
        try:
            self.last = (path, self._read(path))
            if self.changed is not None:
                self.changed(self.last[1])
        except NianbaoError as error:
            self.session.prompts.error(error)
            # the remembered file unreadable: she chooses another, or she would be stuck
            # (the panel's 换一份去年的… appears only after a comparison)
            return None if choose else self.last_year(choose=True)
        return self.last

    def _read(self, path: Path) -> Report:
        document = self.session.document
        own = document.path if document is not None else None
        if own is not None and path.resolve() == own.resolve():
            raise NianbaoError(
                f"“{path.name}”就是正在编辑的草稿，不能和它自己对比。",
                "请选择去年的草稿（.json）或去年的报告（.docx、.txt）。",
                path=path,
            )
        return load_last(path)

    def edited(self) -> None:
        """The draft changed: the list follows once she pauses (rewritten text leaves it)."""
        if self.panel is not None:
            self._timer.start()

    def _refresh_if_shown(self) -> None:
        if self.panel is not None and self.dock is not None and self.dock.isVisible():
            self.panel.refresh()

    def forget(self) -> None:
        """Another draft is shown: its last year is another file, and the rows were places
        in the draft that was open (a click would select this one's text at them)."""
        self.last = None
        self._timer.stop()
        if self.panel is not None:
            self.panel.clear("已打开另一份草稿。要对比它，请点“重新对比”。")

    def compare(self, *, choose: bool = False) -> list[Any]:
        """Compare the open draft with last year's; the findings (also shown in the dock)."""
        self.last = None if choose else self.last
        found = self.last_year(choose=choose)
        if found is None:
            return []
        path, last = found
        from ...core.checks import compare_with_last

        report = self.session.report()
        findings = compare_with_last(report, last)
        panel = self._build()
        panel.show_findings(report, path, findings, last)
        assert self.dock is not None
        self.dock.show()
        self.dock.raise_()
        return findings
