"""Random sequences of edits and structural changes: the widgets always show the model.

After every step: the tab texts are the numbered headings of the model, each built section
editor has the model's shape and texts, paragraph lists show the model's paragraphs, and the
model is still a valid report.
"""

from __future__ import annotations

import random

import pytest
from pytestqt.qtbot import QtBot

from nianbao_gui.app.editor.report_editor import ReportEditor, exact_total
from nianbao_gui.app.tabs.section_tab import SectionTab
from nianbao_gui.app.widgets.section_editor import SectionEditor
from nianbao_gui.core.model import MAX_DEPTH, Report, Section
from nianbao_gui.core.numbering import heading_number
from nianbao_gui.core.settings import Settings

ACTIONS = ["add", "remove", "move", "open", "child", "child", "paragraph", "type", "heading"]
WORDS = ["工作", "学习", "廉政", "乡村振兴", "安全生产", "民生", "党建"]


def check_editor(editor: SectionEditor, section: Section) -> None:
    assert editor.heading_edit.text() == section.heading
    assert editor.run_in.isChecked() == section.run_in
    assert editor.paragraphs.value() == section.paragraphs
    assert len(editor.children_editors) == len(section.children)
    for index, (child_editor, child) in enumerate(
        zip(editor.children_editors, section.children, strict=True), start=1
    ):
        assert child_editor.number_label.text() == heading_number(editor.level + 1, index)
        check_editor(child_editor, child)


def check(editor: ReportEditor) -> None:
    report = editor.report()
    Report.model_validate(report.model_dump())  # still a valid report
    tabs = editor.tab_widget()
    texts = [tabs.tabText(i) for i in range(tabs.count())]
    expected = [
        heading_number(1, i) + (s.heading.strip() or "（未填标题）")
        for i, s in enumerate(report.sections, start=1)
    ]
    assert texts == ["基本信息", "开篇", *expected, "结尾"]
    for tab, section in zip(editor.section_tabs, report.sections, strict=True):
        if tab.editor is not None:
            check_editor(tab.editor, section)
    if editor.opening.built:
        assert editor.opening.paragraphs.value() == report.opening


def all_editors(editor: SectionEditor) -> list[SectionEditor]:
    found = [editor]
    for child in editor.children_editors:
        found.extend(all_editors(child))
    return found


@pytest.mark.parametrize("seed", range(6))
def test_random_edits_keep_widgets_and_model_together(qtbot: QtBot, seed: int) -> None:
    rng = random.Random(seed)
    editor = ReportEditor(Settings())
    qtbot.addWidget(editor)
    editor.confirm = lambda text: rng.random() < 0.8
    editor.set_report(
        Report(
            opening=["开篇"],
            sections=[Section(heading=w, paragraphs=[w + "段"]) for w in WORDS[:3]],
        )
    )
    for _ in range(150):
        report = editor.report()
        sections = report.sections
        action = rng.choice([*ACTIONS, "refresh"])
        if action == "add":
            editor.add_section(rng.randint(0, len(sections)))
        elif action == "remove" and sections:
            editor.remove_section(rng.randrange(len(sections)))
        elif action == "move" and sections:
            editor.move_section(rng.randrange(len(sections)), rng.choice([-1, 1]))
        elif action == "open":
            editor.tab_widget().setCurrentIndex(rng.randrange(editor.tab_widget().count()))
        else:
            page = editor.tab_widget().currentWidget()
            if not isinstance(page, SectionTab) or page.editor is None:
                continue
            target = rng.choice(all_editors(page.editor))
            if action == "child":
                op = rng.choice(["add", "add", "remove", "move", "move"])
                if op == "add" and target.level < MAX_DEPTH:
                    target.add_child()
                    new = target.children_editors[-1].heading_edit
                    new.setText(f"小标题{rng.randrange(1000)}")
                    new.textEdited.emit(new.text())
                elif op == "remove" and target.children_editors:
                    target.remove_child(rng.randrange(len(target.children_editors)))
                elif op == "move" and target.children_editors:
                    target.move_child(
                        rng.randrange(len(target.children_editors)), rng.choice([-1, 1])
                    )
            elif action == "paragraph":
                plist = target.paragraphs
                op = rng.choice(["add", "remove", "move", "split"])
                n = len(plist.rows)
                if op == "add":
                    plist.insert_item(rng.randint(0, n), f"段落{rng.randrange(1000)}")
                elif op == "remove" and n:
                    plist.remove_item(rng.randrange(n))
                elif op == "move" and n:
                    plist.move_item(rng.randrange(n), rng.choice([-1, 1]))
                elif op == "split" and n:
                    i = rng.randrange(n)
                    plist.split_item(i, rng.randint(0, len(plist.rows[i].value())))
            elif action == "type" and target.paragraphs.rows:
                row = rng.choice(target.paragraphs.rows)
                row.editor.setPlainText(row.value() + rng.choice(WORDS))
            elif action == "heading":
                target.heading_edit.setText(rng.choice(WORDS))
                target.heading_edit.textEdited.emit(target.heading_edit.text())
            elif action == "refresh":
                target.section().paragraphs.append("外部")
                editor.refresh()
        check(editor)
    editor._recount_total()
    assert editor.shown_total == editor.total_chars() == exact_total(editor.report())
