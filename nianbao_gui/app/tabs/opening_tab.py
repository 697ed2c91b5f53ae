"""开篇: the paragraphs before the first section (the overview and “现将……报告如下：”)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...core.fields import FieldPath
from ..widgets.look import mute
from .base import TabPage, count_texts


class OpeningTab(TabPage):
    prefixes = (("opening",),)

    def title(self) -> str:
        return "开篇"

    def model_count(self) -> int:
        return count_texts(self.report().opening)

    def build(self, layout: QVBoxLayout) -> None:
        from ..widgets.paragraph_list import ParagraphList  # loaded when first shown

        hint = QLabel(
            "写在各部分之前的总述，一般以“现将一年来的工作报告如下：”之类的话结束。"
            "按回车可在光标处分段。"
        )
        hint.setWordWrap(True)
        mute(hint)
        layout.addWidget(hint)
        self.paragraphs = ParagraphList(
            placeholder="如：一年来，在镇党委、政府的正确领导下……现将一年来的工作报告如下：",
            empty_hint="开篇还没有段落。",
        )
        self.paragraphs.confirm = lambda text: self.ctx.confirm(text)
        self.paragraphs.place = lambda: "开篇"
        self.ctx.binder.bind(self.paragraphs, ("opening",))
        layout.addWidget(self.paragraphs)

    def locate(self, path: FieldPath) -> QWidget | None:
        if len(path) != 2 or path[0] != "opening" or not isinstance(path[1], int):
            return None
        row = self.paragraphs.row_widget(path[1])
        if row is None:
            return None
        self.scroll_to(row)
        return self.paragraphs.editor_at(path[1])
