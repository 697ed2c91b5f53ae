"""结尾: other work, shortcomings (written out as 一是……；二是……), plans."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.fields import FieldPath
from ...core.layout import shortcomings_sentence
from ...core.numbering import heading_number, ordinal
from ...core.outline import char_count
from ..widgets.look import em, mute
from .base import TabPage, count_texts

if TYPE_CHECKING:
    from ..widgets.paragraph_list import ParagraphList

_HEADING_HINT = "留空则不单列标题，接在上文之后；填写后作为一级标题，编号接在各部分之后。"
_NO_SHORTCOMINGS = "还没有填写不足。"
_NO_PLANS = "还没有填写今后打算。"


def _box(title: str) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    return box, layout


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    mute(label)
    return label


class ClosingTab(TabPage):
    prefixes = (("closing",),)

    def title(self) -> str:
        return "结尾"

    def model_count(self) -> int:
        c = self.report().closing
        return (
            count_texts([*c.other_work, *c.shortcomings, *c.plans])
            + char_count(c.shortcomings_heading)
            + char_count(c.shortcomings_intro)
            + char_count(c.plans_heading)
        )

    def _list(self, **kwargs: object) -> ParagraphList:
        from ..widgets.paragraph_list import ParagraphList

        plist = ParagraphList(**kwargs)  # type: ignore[arg-type]
        plist.confirm = lambda text: self.ctx.confirm(text)
        return plist

    def _heading(self, inner: QVBoxLayout, field: str, placeholder: str) -> QLineEdit:
        """The optional heading of a part of the closing, bound, with its hint below."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self.ctx.binder.bind(edit, ("closing", field))
        form = QFormLayout()
        form.addRow("标题：", edit)
        form.addRow("", _hint(_HEADING_HINT))
        inner.addLayout(form)
        return edit

    def build(self, layout: QVBoxLayout) -> None:
        # imported here: the page is built when first shown, and most starts never show it
        from ..widgets.paragraph_edit import ParagraphEdit

        binder = self.ctx.binder

        box, inner = _box("其他工作")
        inner.addWidget(_hint("写在各部分之后的其他工作，如“在做好本职工作的同时……”，可不填。"))
        self.other_work = self._list(
            placeholder="如：在做好本职工作的同时，我还认真完成了镇党委、政府交办的其他工作。",
            empty_hint="没有其他工作段落。",
        )
        self.other_work.place = lambda: "结尾·其他工作"
        binder.bind(self.other_work, ("closing", "other_work"))
        inner.addWidget(self.other_work)
        layout.addWidget(box)

        box, inner = _box("存在的不足")
        self.shortcomings_heading = self._heading(inner, "shortcomings_heading", "如：存在的不足")
        self.shortcomings_intro = ParagraphEdit(
            "引语",
            placeholder="如：但也存在一些不足，主要表现在以下方面：",
            min_lines=2,
            max_lines=6,
        )
        binder.bind(self.shortcomings_intro, ("closing", "shortcomings_intro"))
        inner.addWidget(self.shortcomings_intro)
        inner.addWidget(_hint("每条不足单独填写，不写“一是”和句末标点，导出时自动写成一句话："))
        self.shortcomings = self._list(
            label=lambda i: ordinal(i + 1),
            add_text="＋ 添加一条不足",
            placeholder="如：理论学习不深不细",
            empty_hint=_NO_SHORTCOMINGS,
            min_lines=1,
            max_lines=6,
        )
        self.shortcomings.place = lambda: "结尾·存在的不足"
        binder.bind(self.shortcomings, ("closing", "shortcomings"))
        inner.addWidget(self.shortcomings)
        self.preview_title = QLabel("成文效果：")
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.preview.setAutoFillBackground(True)
        self.preview.setMargin(em(self) // 2)
        inner.addWidget(self.preview_title)
        inner.addWidget(self.preview)
        layout.addWidget(box)

        box, inner = _box("今后打算")
        self.plans_heading = self._heading(inner, "plans_heading", "如：今后的打算")
        self.plans = self._list(
            placeholder="如：在今后的工作中，我将……",
            empty_hint=_NO_PLANS,
        )
        self.plans.place = lambda: "结尾·今后打算"
        binder.bind(self.plans, ("closing", "plans"))
        inner.addWidget(self.plans)
        layout.addWidget(box)

        self.one_paragraph = QCheckBox(
            "其他工作、不足和今后打算合成一段（与范文相同；填了标题时不合并）"
        )
        binder.bind(self.one_paragraph, ("closing", "one_paragraph"))
        layout.addWidget(self.one_paragraph)
        self.update_preview()
        self.update_empty_hints()

    def showEvent(self, event: QShowEvent) -> None:
        # the hints name a section, which changes on other tabs: brought in line when shown
        super().showEvent(event)
        if self.built:
            self.update_empty_hints()

    def update_empty_hints(self) -> None:
        """Where the report's plans live in a section of their own (Section.holds_plans),
        the empty lists here say so instead of claiming nothing is written."""
        sections = self.report().sections
        at = next((i for i, s in enumerate(sections) if s.holds_plans), None)
        if at is None:
            self.shortcomings.empty_label.setText(_NO_SHORTCOMINGS)
            self.plans.empty_label.setText(_NO_PLANS)
            return
        name = f"“{heading_number(1, at + 1)}{sections[at].heading.strip()}”"
        self.shortcomings.empty_label.setText(
            f"这里没有单列不足。本报告的今后打算写在正文的{name}中；"
            "不足如也已写在正文里，这里不必再填。"
        )
        self.plans.empty_label.setText(f"今后打算写在正文的{name}中，这里不必再填。")

    def follow(self, path: FieldPath) -> None:
        if self.built and path[:2] in (
            (),
            ("closing",),
            ("closing", "shortcomings"),
            ("closing", "shortcomings_intro"),
        ):
            self.update_preview()

    def update_preview(self) -> None:
        closing = self.report().closing
        sentence = shortcomings_sentence(closing.shortcomings_intro, closing.shortcomings)
        self.preview.setText(sentence or "（填写引语和各条不足后，这里显示写出来的句子）")

    def locate(self, path: FieldPath) -> QWidget | None:
        if len(path) < 2 or path[0] != "closing":
            return None
        name = path[1]
        lists = {
            "other_work": self.other_work,
            "shortcomings": self.shortcomings,
            "plans": self.plans,
        }
        if name in lists and len(path) == 3 and isinstance(path[2], int):
            plist = lists[str(name)]
            row = plist.row_widget(path[2])
            if row is None:
                return None
            self.scroll_to(row)
            return plist.editor_at(path[2])
        if name == "shortcomings_intro":
            self.scroll_to(self.shortcomings_intro)
            return self.shortcomings_intro.editor
        line = {
            "shortcomings_heading": self.shortcomings_heading,
            "plans_heading": self.plans_heading,
        }
        widget = line.get(str(name))
        if widget is None or len(path) != 2:
            return None
        self.scroll_to(widget)
        return widget
