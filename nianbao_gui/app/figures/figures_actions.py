"""The 数据 menu and dock: the figures panel beside the form, and the spreadsheet round trip
(数据 → 导出表格 / 从表格填入) for figures colleagues in each 站所 fill in.

Fills go to the editor as ``apply_text_edits`` (one undo step each: a value typed in the
panel, or a whole spreadsheet). A spreadsheet row whose context no longer matches the draft
is refused with its row number; the others are filled.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDockWidget

from ...core.errors import NianbaoError
from ...core.naming import draft_stem
from ...core.paths import export_folder

if TYPE_CHECKING:
    from ..docks import Docks
    from ..session import Session
    from .figures_panel import FiguresPanel

REFRESH_MS = 400  # after typing in the form: the list follows once she pauses


class FiguresActions:
    def __init__(self, session: Session, docks: Docks) -> None:
        self.session = session
        self.docks = docks
        self._panel: FiguresPanel | None = None
        self.dock: QDockWidget | None = None
        self._timer = QTimer(session)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh_if_shown)
        session.draft_shown.connect(self.document_shown)
        session.changed.connect(self.edited)

    @property
    def panel(self) -> FiguresPanel:
        """Built the first time it is needed, like the 体检 panel."""
        if self._panel is None:
            from .figures_panel import FiguresPanel

            session = self.session
            panel = FiguresPanel()
            dock = self.docks.new("数据")
            dock.setObjectName("figuresDock")
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetMovable
            )
            dock.setWidget(panel)
            self.docks.add(dock)
            panel.edits_requested.connect(self.apply)
            panel.focus_requested.connect(session.editor.open_place)
            panel.failed.connect(session.prompts.error)
            panel.export_requested.connect(self.export_table)
            panel.fill_requested.connect(self.fill_from_table)
            panel.history_requested.connect(self._history_step)
            self._panel, self.dock = panel, dock
            if session.document is not None:
                panel.set_report(session.report())
        return self._panel

    def show_panel(self) -> None:
        panel = self.panel
        assert self.dock is not None
        opened = self.dock.isHidden()
        self.dock.show()
        self.dock.raise_()
        if self.session.document is not None:
            panel.refresh()
        if self.dock.width() < 420:
            self.docks.widen(self.dock, 420, 560, 2 / 5)
        if opened:  # over an open 预览: each gets a fair part of the height
            self.docks.share_height()
        panel.take_keyboard()

    def fill_in(self) -> bool:
        """先去补全 (the export's question): the 数据 panel when the draft has figures to fill
        (True); else False, and the 体检 panel the export's check showed lists what is left
        (an empty paragraph …). The panel is built only when there is something for it."""
        from ...core.figures import find_slots

        if self.session.document is None or not find_slots(self.session.report()):
            return False
        self.show_panel()
        return True

    def _history_step(self, undo: bool) -> None:
        """Ctrl+Z / Ctrl+Y typed in the panel: the draft's step, the keyboard staying here."""
        stack = self.session.history.stack
        if stack.canUndo() if undo else stack.canRedo():
            self.panel.keep_keyboard(stack.undo if undo else stack.redo)

    # --- following the draft ---------------------------------------------------------------

    def document_shown(self) -> None:
        if self._panel is not None:
            self._panel.set_report(self.session.report())

    def edited(self, *_: object) -> None:
        if self._panel is not None:
            self._timer.start()

    def _refresh_if_shown(self) -> None:
        if self._panel is not None and self.dock is not None and self.dock.isVisible():
            if self._panel.editing():  # she is typing a value: the list follows after it
                self._timer.start()
                return
            self._panel.refresh()

    def apply(self, label: str, changes: Any) -> None:
        """One fill (or a whole spreadsheet) as one change of the editor. The form shows the
        place filled, but the keyboard stays in the panel: the next value is typed there."""
        self.session.apply_edits(label, list(changes), take_focus=False)

    # --- the spreadsheet -------------------------------------------------------------------

    def export_table(self) -> Path | None:
        session = self.session
        if session.document is None:
            return None
        from ...core.figures import find_slots
        from ...core.figures_match import TableInfo
        from ...core.figures_xlsx import write_xlsx

        report = session.report()
        slots = find_slots(report)
        if not slots:
            session.prompts.info("导出表格", "报告中没有待填的数据（**、XX 等）。")
            return None
        folder = export_folder(session.settings.export_folder)
        path = session.prompts.table_export_path(folder / f"{draft_stem(report)}（数据）.xlsx")
        if path is None:
            return None
        try:
            write_xlsx(slots, path, TableInfo.of(report))
        except NianbaoError as error:
            session.prompts.error(error)
            return None
        session.show_status(f"已导出 {len(slots)} 处待填数据：{path}")
        session.prompts.info(
            "导出表格",
            f"已导出 {len(slots)} 处待填数据：\n{path}",
            "请同事只在“填写”一栏填写，其余各栏不要改动；填好后选“数据 → 从表格填入”。",
        )
        return path

    def fill_from_table(self) -> int:
        """Fill from a spreadsheet; returns how many slots were filled. When some rows
        cannot be filled, she chooses: fill the others, or none (all or nothing)."""
        session = self.session
        if session.document is None:
            return 0
        path = session.prompts.table_import_path(export_folder(session.settings.export_folder))
        if path is None:
            return 0
        from ...core.figures import filled_texts
        from ...core.figures_match import match_rows, other_draft, summary
        from ...core.figures_xlsx import read_table

        report = session.report()
        try:
            table = read_table(path)
            mismatch = other_draft(report, table.info)
            if mismatch:
                raise NianbaoError(
                    mismatch, "请从这份草稿（数据 → 导出表格）重新导出表格，填好后再填入。"
                )
        except NianbaoError as error:
            session.prompts.error(error)
            return 0
        matched = match_rows(report, table.rows)
        refused = summary([reason for _, reason in matched.refused])
        count = len(matched.filled)
        if matched.refused and count:
            if not session.prompts.ask_partial_fill(count, len(matched.refused), refused):
                session.show_status("没有从表格填入：一处都没有填")
                return 0
        elif matched.refused:
            session.prompts.info(
                "从表格填入",
                f"表格中的 {len(matched.refused)} 行都没有填入，原因见下。"
                "请改好表格再填入，或在“数据”面板中手工填写：",
                refused,
            )
        if count:
            self.apply(f"从表格填入数据（{count} 处）", filled_texts(report, matched.filled))
            if self._panel is not None:
                self._panel.refresh()
            left = f"；{len(matched.refused)} 行没有填入" if matched.refused else ""
            session.show_status(f"已从表格填入 {count} 处{left}")
        elif not matched.refused:
            session.prompts.info("从表格填入", "表格的“填写”一栏是空的，没有填入任何数据。")
        return count
