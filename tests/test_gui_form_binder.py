"""The binder: each kind of widget edits its field through an undo step, loading never reports
an edit, bad input shows a Chinese message next to the field and leaves the model unchanged,
and every widget type goes through one adapter table."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from nianbao_gui.app.editor.binder import ADAPTERS, Binder, adapter_for, optional_int
from nianbao_gui.app.editor.commands import History
from nianbao_gui.app.editor.report_model import ReportModel
from nianbao_gui.app.widgets.inputs import EnumCombo, OptionalDateEdit
from nianbao_gui.app.widgets.paragraph_list import ParagraphList
from nianbao_gui.core.model import Report, ReportKind, Section
from nianbao_gui.core.outline import char_count
from nianbao_gui.core.settings import FontChoice, Settings


@given(st.text())
def test_char_count_counts_every_character_that_is_not_white_space(text: str) -> None:
    assert char_count(text) == sum(1 for char in text if not char.isspace())


def test_char_count_on_chinese_spaces() -> None:
    text = "\u00a0一年来，\u3000我 认真\t工作。\n"
    assert char_count(text) == 10


@pytest.fixture
def binder(qtbot: QtBot) -> tuple[Binder, Report, list[tuple[object, ...]]]:
    report = Report(sections=[Section(heading="甲", paragraphs=["一", "二"])])
    model = ReportModel(report)
    b = Binder(History(model))
    edits: list[tuple[object, ...]] = []

    def follow(path: tuple[object, ...], old: object, new: object) -> None:
        # what ReportEditor does: the widget follows the model
        b.load(path)  # type: ignore[arg-type]
        if isinstance(old, str) and isinstance(new, str):
            edits.append((path, char_count(new) - char_count(old)))
        else:
            edits.append((path, None))

    model.changed.connect(follow)
    return b, report, edits


def test_every_widget_type_has_one_adapter(qtbot: QtBot) -> None:
    for cls in (QLineEdit, QPlainTextEdit, QCheckBox, QSpinBox, QDateEdit):
        assert cls in ADAPTERS
    combo = EnumCombo(list(ReportKind))
    qtbot.addWidget(combo)
    assert adapter_for(combo) is ADAPTERS[type(combo).__mro__[1]]
    with pytest.raises(TypeError):
        adapter_for(QLabel())


def test_line_edit_and_plain_text(qtbot: QtBot, binder) -> None:
    b, report, edits = binder
    line = QLineEdit()
    plain = QPlainTextEdit()
    qtbot.addWidget(line)
    qtbot.addWidget(plain)
    b.bind(line, ("title",))
    b.bind(plain, ("sections", 0, "heading"))
    assert plain.toPlainText() == "甲"
    assert edits == []  # loading is not an edit

    line.setText("二〇二五年述职报告")
    line.textEdited.emit(line.text())
    assert report.title == "二〇二五年述职报告"
    plain.setPlainText("乙 丙")
    assert report.sections[0].heading == "乙 丙"
    assert edits == [(("title",), 9), (("sections", 0, "heading"), 1)]
    stack = b.history.stack
    assert stack.count() == 2
    stack.undo()
    assert report.sections[0].heading == "甲" and plain.toPlainText() == "甲"
    stack.undo()
    assert report.title == "" and line.text() == ""
    stack.redo()
    assert line.text() == "二〇二五年述职报告"


def test_optional_int_with_error_label(qtbot: QtBot, binder) -> None:
    b, report, _ = binder
    year = QLineEdit()
    error = QLabel()
    qtbot.addWidget(year)
    b.bind(year, ("year",), to_model=optional_int, error_label=error)
    year.setText("2024")
    year.textEdited.emit("2024")
    assert report.year == 2024 and error.isHidden()
    year.setText("二〇二四")
    year.textEdited.emit("二〇二四")
    assert report.year == 2024  # unchanged
    assert "数字" in error.text() and not error.isHidden()
    year.setText("")
    year.textEdited.emit("")
    assert report.year is None and error.isHidden()


def test_combo_checkbox_spin_and_dates(qtbot: QtBot, binder) -> None:
    b, report, _ = binder
    settings = Settings()
    b.set_root("settings", lambda: settings)
    kind = EnumCombo(list(ReportKind))
    fonts = EnumCombo(list(FontChoice), {FontChoice.WINDOWS: "仿宋、楷体"})
    run_in = QCheckBox()
    spin = QSpinBox()
    spin.setRange(0, 2200)
    spin.setSpecialValueText("未填")
    plain_date = QDateEdit()
    optional = OptionalDateEdit()
    for widget in (kind, fonts, run_in, spin, plain_date, optional):
        qtbot.addWidget(widget)
    b.bind(kind, ("kind",))
    b.bind(fonts, ("fonts",), scope="settings")
    b.bind(run_in, ("sections", 0, "run_in"))
    b.bind(spin, ("year",))
    b.bind(optional, ("date",))
    assert spin.value() == 0 and spin.text() == "未填"
    assert not optional.check.isChecked()

    kind.setCurrentIndex(kind.findData(ReportKind.ZONGJIE.value))
    assert report.kind is ReportKind.ZONGJIE
    fonts.setCurrentIndex(fonts.findText("仿宋、楷体"))
    assert settings.fonts is FontChoice.WINDOWS
    run_in.setChecked(True)
    assert report.sections[0].run_in is True
    spin.setValue(2023)
    assert report.year == 2023
    spin.setValue(0)
    assert report.year is None

    optional.check.setChecked(True)
    optional.date_edit.setDate(QDate(2025, 1, 5))
    assert report.date == dt.date(2025, 1, 5)
    optional.check.setChecked(False)
    assert report.date is None

    report.date = dt.date(2024, 12, 31)
    b.bind(plain_date, ("date",))
    assert plain_date.date() == QDate(2024, 12, 31)
    plain_date.setDate(QDate(2025, 2, 1))
    assert report.date == dt.date(2025, 2, 1)


def test_paragraph_list_edits_in_place_and_restructures(qtbot: QtBot, binder) -> None:
    b, report, edits = binder
    plist = ParagraphList()
    plist.confirm = lambda text: True
    qtbot.addWidget(plist)
    b.bind(plist, ("sections", 0, "paragraphs"))
    assert plist.value() == ["一", "二"]
    same_list = report.sections[0].paragraphs

    plist.rows[1].editor.setPlainText("第二段文字")
    assert report.sections[0].paragraphs == ["一", "第二段文字"]
    assert report.sections[0].paragraphs is same_list  # one keystroke, no copy
    assert edits[-1] == (("sections", 0, "paragraphs", 1), 4)

    plist.insert_item(0, "新")
    assert report.sections[0].paragraphs == ["新", "一", "第二段文字"]
    plist.move_item(0, 2)
    assert report.sections[0].paragraphs == ["一", "第二段文字", "新"]
    plist.split_item(1, 2)
    assert report.sections[0].paragraphs == ["一", "第二", "段文字", "新"]
    plist.remove_item(0)
    assert report.sections[0].paragraphs == ["第二", "段文字", "新"]
    assert [row.title_label.text() for row in plist.rows] == ["第1段", "第2段", "第3段"]
    stack = b.history.stack
    for expected in (
        ["一", "第二", "段文字", "新"],
        ["一", "第二段文字", "新"],
        ["新", "一", "第二段文字"],
        ["一", "第二段文字"],
        ["一", "二"],
    ):
        stack.undo()
        assert report.sections[0].paragraphs == expected
        assert plist.value() == expected


def test_removing_a_written_paragraph_asks_first(qtbot: QtBot, binder) -> None:
    b, report, _ = binder
    plist = ParagraphList()
    qtbot.addWidget(plist)
    asked: list[str] = []
    plist.confirm = lambda text: asked.append(text) or False
    b.bind(plist, ("sections", 0, "paragraphs"))
    plist.remove_item(0)
    assert asked and report.sections[0].paragraphs == ["一", "二"]
    plist.insert_item(2)
    asked.clear()
    plist.remove_item(2)  # empty: removed without a question
    assert not asked and report.sections[0].paragraphs == ["一", "二"]


def test_load_all_does_not_report_edits(qtbot: QtBot, binder) -> None:
    b, report, edits = binder
    line = QLineEdit()
    plist = ParagraphList()
    qtbot.addWidget(line)
    qtbot.addWidget(plist)
    b.bind(line, ("sections", 0, "heading"))
    b.bind(plist, ("sections", 0, "paragraphs"))
    report.sections[0].heading = "外部修改"
    report.sections[0].paragraphs = ["甲", "乙", "丙"]
    b.load_all()
    assert line.text() == "外部修改"
    assert plist.value() == ["甲", "乙", "丙"]
    assert edits == []
