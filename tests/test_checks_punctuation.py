"""Punctuation: half-width marks in Chinese, doubled marks, unmatched pairs, heading and
paragraph ends."""

from __future__ import annotations

import pytest
from checks_support import (
    HEADING,
    RUN_IN_HEADING,
    found,
    in_paragraph,
    report_with,
    spans,
)

from nianbao_gui.core.checks import apply_fixes
from nianbao_gui.core.model import Closing, Report


@pytest.mark.parametrize(
    ("text", "start", "end", "fix"),
    [
        ("时刻勤政廉政;努力学习。", 6, 7, "；"),
        ("主要表现在:学习不深。", 5, 6, "："),
        ("认真开展工作,取得成效。", 6, 7, "，"),
        ("认真开展工作, 取得成效。", 6, 8, "，"),  # the space after it goes too
        ("这是为什么?我们要思考。", 5, 6, "？"),
        ("向先进学习!努力工作。", 5, 6, "！"),
        ("圆满完成任务.下一步继续努力。", 6, 7, "。"),
        ("附件1:《实施方案》。", 3, 4, "："),
    ],
)
def test_half_width_mark_in_chinese(text: str, start: int, end: int, fix: str) -> None:
    assert in_paragraph(text) == [(start, end, "punct.half_width", fix)]


def test_half_width_brackets_in_pairs() -> None:
    assert in_paragraph("各村(社区)调解组织。") == [
        (2, 3, "punct.half_width", "（"),
        (5, 6, "punct.half_width", "）"),
    ]
    assert in_paragraph("地区生产总值(GDP)增长。") == [
        (6, 7, "punct.half_width", "（"),
        (10, 11, "punct.half_width", "）"),
    ]
    # a mixed pair: the half-width half is fixed and the pair then matches
    assert in_paragraph("（一)加强学习。") == [(2, 3, "punct.half_width", "）")]


def test_half_width_quotes_in_pairs() -> None:
    assert in_paragraph('做到"两个维护"。') == [
        (2, 3, "punct.half_width", "“"),
        (7, 8, "punct.half_width", "”"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "同比增长1.5%。",
        "于2022.10启动。",
        "上午10:30开会。",
        "投入5,000万元。",
        "划分为A,B两类。",
        "采用Word (2016) 编辑。",
        "网址为www.gov.cn。",
        "这是为什么？！我们要思考。",
        "一年来……我们始终坚持。",
        "拧成一股绳——干部带头。",
        "习近平总书记强调，“要把‘严’的主基调长期坚持下去”。",
        "学习《中国共产党纪律处分条例》和【典型案例】（2021年版）。",
        "他说：“要抓落实。”",
    ],
)
def test_no_false_punctuation_alarm(text: str) -> None:
    assert in_paragraph(text) == []


@pytest.mark.parametrize(
    ("text", "start", "end", "code", "fix"),
    [
        ("2022年，,在镇党委领导下。", 5, 7, "punct.doubled", "，"),
        ("工作，，取得成效。", 2, 4, "punct.doubled", "，"),
        ("认真落实。。下一步。", 4, 6, "punct.doubled", "。"),
        ("讲团结、、顾大局。", 3, 5, "punct.doubled", "、"),
        ("完成任务，。下一步。", 4, 6, "punct.mixed", None),
        ("还有很多工作。。。我们要努力。", 6, 9, "punct.ellipsis", "……"),
        ("还有很多工作...我们要努力。", 6, 9, "punct.ellipsis", "……"),
    ],
)
def test_doubled_marks(text: str, start: int, end: int, code: str, fix: str | None) -> None:
    assert in_paragraph(text) == [(start, end, code, fix)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("不断强化“四个意识，坚定信念。", [(4, 5, "punct.unmatched", None)]),
        ("不断强化四个意识”，坚定信念。", [(8, 9, "punct.unmatched", None)]),
        ("做到“两个维护“，坚定信念。", [(7, 8, "punct.quote_direction", "”")]),
        ("做到”两个维护”，坚定信念。", [(2, 3, "punct.quote_direction", "“")]),
        ("各村（社区调解组织。", [(2, 3, "punct.unmatched", None)]),
        ("学习《条例，提高认识。", [(2, 3, "punct.unmatched", None)]),
        ("学习【条例】】提高认识。", [(6, 7, "punct.unmatched", None)]),
        (
            "学习《条例（修订》）。",
            [(5, 6, "punct.unmatched", None), (9, 10, "punct.unmatched", None)],
        ),
        ("把‘严’的主基调‘坚持下去。", [(8, 9, "punct.unmatched", None)]),
    ],
)
def test_unmatched_pairs(text: str, expected: list[tuple[int, int, str, str | None]]) -> None:
    assert in_paragraph(text) == expected


def test_standalone_heading_ends_without_a_mark() -> None:
    report = report_with(heading="强化学习意识，提高理论素养。")
    assert spans(found(report, HEADING)) == [(13, 14, "punct.heading_end", "")]
    assert spans(found(report_with(heading="强化学习；"), HEADING)) == [
        (4, 5, "punct.heading_end", "")
    ]
    assert found(report_with(heading="强化学习意识，提高理论素养")) == []


def test_run_in_heading_ends_with_a_full_stop_as_the_seed_does() -> None:
    assert found(report_with(run_in_heading="政法工作。")) == []
    assert spans(found(report_with(run_in_heading="政法工作"), RUN_IN_HEADING)) == [
        (4, 4, "punct.run_in_end", "。")
    ]
    assert spans(found(report_with(run_in_heading="政法工作："), RUN_IN_HEADING)) == [
        (4, 5, "punct.run_in_end", "。")
    ]
    assert spans(found(report_with(run_in_heading="政法工作."), RUN_IN_HEADING)) == [
        (4, 5, "punct.run_in_end", "。")
    ]
    assert spans(found(report_with(run_in_heading="政法工作。。"), RUN_IN_HEADING)) == [
        (4, 6, "punct.run_in_end", "。")
    ]


def test_title_and_closing_headings_end_without_a_mark() -> None:
    report = Report(year=2022, title="2022年度述职述廉报告。")
    assert spans(found(report)) == [(12, 13, "punct.heading_end", "")]
    report = Report(year=2022, closing=Closing(plans_heading="今后打算：", plans=["继续努力。"]))
    assert spans(found(report)) == [(4, 5, "punct.heading_end", "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("认真履行职责", [(6, 6, "punct.paragraph_end", None)]),
        ("认真履行职责，", [(6, 7, "punct.paragraph_end", None)]),
        ("做到“两个维护”", [(8, 8, "punct.paragraph_end", None)]),
        ("将一年来的工作汇报如下：", []),
        ("他说：“要抓落实。”", []),
        ("加强学习；", []),
        ("详见附件-", [(5, 5, "punct.paragraph_end", None)]),  # "-" is not a blank to skip
    ],
)
def test_body_paragraph_ends_with_a_closing_mark(
    text: str, expected: list[tuple[int, int, str, str | None]]
) -> None:
    assert in_paragraph(text) == expected


def test_shortcoming_items_need_no_end_mark() -> None:
    closing = Closing(shortcomings_intro="存在不足：", shortcomings=["学习不深", "督促少；"])
    assert found(report_with(closing=closing)) == []


def test_fixing_punctuation_gives_clean_text() -> None:
    report = report_with("2022年，,在镇党委领导下,时刻勤政廉政;努力学习(工作)")
    apply_fixes(report, found(report))
    assert (
        report.sections[0].paragraphs[0] == "2022年，在镇党委领导下，时刻勤政廉政；努力学习（工作）"
    )
    # the missing end mark has no certain fix and is still reported
    assert [f.code for f in found(report)] == ["punct.paragraph_end"]


def test_trailing_invisible_character_is_reported_once() -> None:
    assert in_paragraph("我们努力。\u200b") == [(5, 6, "space.trailing", "")]
