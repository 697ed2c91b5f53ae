"""``nianbao show``: the outline counts each part under its own line."""

from __future__ import annotations

import datetime as dt

from nianbao_gui.core.model import Closing, Report, Section
from nianbao_gui.core.outline import char_count, outline_text


def test_char_count_ignores_white_space() -> None:
    assert char_count("一二 三\u3000四\n") == 4


def test_closing_and_signature_are_not_counted_under_the_last_heading() -> None:
    report = Report(
        year=2023,
        show_author_line=True,
        author_name="张三",
        opening=["开篇五个字"],
        sections=[Section(heading="甲", paragraphs=["正文四字"], children=[Section(heading="乙")])],
        closing=Closing(other_work=["其他三"], plans_heading="今后打算", plans=["计划"]),
        signature="张三",
        date=dt.date(2024, 1, 5),
    )
    lines = outline_text(report).splitlines()
    assert lines[0] == "2023年度述职述廉报告（述职述廉报告）"
    assert lines[1:] == [
        "开篇  5 字",
        "一、甲  7 字",
        "  （一）乙  4 字",
        "结尾  3 字",
        "二、今后打算  8 字",
        "落款  11 字",
        "全文共 40 字",
    ]
