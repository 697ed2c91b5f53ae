"""What the 检查 menu's 对比去年 and 标出与去年相同的句子 open. The actions themselves are in
action_table.py; what they open is loaded when chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from ...core.model import Report
    from ..docks import Docks
    from ..session import Session
    from .last_year import CompareActions
    from .shading import Shading


class LastYearMenu:
    """检查 › 对比去年 and 标出与去年相同的句子: last year's report for the open draft, and
    the shading of what is still its text. What they open is built when first used."""

    def __init__(self, session: Session, docks: Docks, shade: QAction) -> None:
        self.session = session
        self.docks = docks
        self.shade = shade  # 标出与去年相同的句子: checked while the form is shaded
        self._compare: CompareActions | None = None
        self._shading: Shading | None = None
        session.draft_shown.connect(self.another_draft)
        session.changed.connect(self.edited)

    @property
    def compare(self) -> CompareActions:
        if self._compare is None:
            from .last_year import CompareActions

            self._compare = CompareActions(self.session, self.docks)
            self._compare.changed = self._last_year_changed
        return self._compare

    def compare_now(self) -> None:
        self.compare.compare()

    def _last_year_changed(self, last: Report) -> None:
        """换一份去年的…: the shading (if on) follows the file the list now compares with."""
        if self._shading is not None and self._shading.on:
            self._shading.show(last)

    def edited(self, *_: object) -> None:
        if self._compare is not None:
            self._compare.edited()

    def toggle_shading(self, on: bool) -> None:
        """Shade the sentences still last year's in the form, or stop."""
        if self._shading is None:
            from .shading import Shading

            editor = self.session.editor
            self._shading = Shading(editor.binder, editor.report, editor.changed)
        if not on:
            self._shading.hide()
            return
        found = self.compare.last_year()
        if found is None:  # no draft, or no last year's chosen: the toggle goes back off
            self.shade.setChecked(False)
            return
        self._shading.show(found[1])

    def another_draft(self) -> None:
        """Last year's report belongs to the draft that was open: forget it, stop shading."""
        if self._compare is not None:
            self._compare.forget()
        self.shade.setChecked(False)
