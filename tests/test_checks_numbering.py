"""一是……二是…… in order; numbers typed into headings and shortcomings."""

from __future__ import annotations

import pytest
from checks_support import (
    HEADING,
    PARAGRAPH,
    RUN_IN_HEADING,
    found,
    in_paragraph,
    report_with,
    spans,
)

from nianbao_gui.core.checks import apply_fixes
from nianbao_gui.core.layout import layout
from nianbao_gui.core.model import Closing


def test_enumeration_in_order_is_fine() -> None:
    assert in_paragraph("一是加强学习；二是改进作风；三是狠抓落实。") == []
    # a new enumeration after a complete one, in the same paragraph
    assert in_paragraph("学习上，一是读原著，二是写体会。工作上，一是抓调研，二是抓落实。") == []
    # 统一是 唯一是 are words, not ordinals
    assert in_paragraph("思想统一是前提，唯一是标准。") == []


def test_skipped_ordinal_is_flagged_where_it_stands() -> None:
    text = "一是加强学习；三是狠抓落实。"
    start = text.index("三是")
    assert in_paragraph(text) == [(start, start + 2, "number.gap", None)]
    message = found(report_with(text), PARAGRAPH)[0].message
    assert "缺少“二是”" in message


def test_repeated_first_ordinal_is_flagged() -> None:
    text = "一是加强学习；一是狠抓落实。"
    assert in_paragraph(text) == [(7, 9, "number.repeated", None)]
    assert in_paragraph("一是学习；二是调研；二是落实。") == [(10, 12, "number.repeated", None)]


def test_enumeration_may_run_over_paragraphs_of_one_part() -> None:
    report = report_with("一是加强学习。", more=["二是改进作风。", "三是狠抓落实。"])
    assert found(report) == []
    report = report_with("一是加强学习。", more=["三是狠抓落实。"])
    assert [(f.path, f.code) for f in found(report)] == [
        (("sections", 0, "paragraphs", 1), "number.gap")
    ]


def test_lone_first_ordinal_and_a_start_at_two() -> None:
    assert in_paragraph("一是加强学习，提高素养。") == [(0, 2, "number.single", None)]
    assert in_paragraph("我们二是改进作风。") == []  # no mark before: not an ordinal
    assert in_paragraph("工作中，二是改进作风。") == [(4, 6, "number.gap", None)]


@pytest.mark.parametrize(
    ("heading", "prefix"),
    [
        ("一、强化学习意识", "一、"),
        ("一、 强化学习意识", "一、 "),
        ("（一）强化学习意识", "（一）"),
        ("(一)强化学习意识", "(一)"),
        ("1.强化学习意识", "1."),
        ("1．强化学习意识", "1．"),
        ("（1）强化学习意识", "（1）"),
        ("第一、强化学习意识", "第一、"),
    ],
)
def test_number_typed_into_a_heading_is_removed_by_the_fix(heading: str, prefix: str) -> None:
    report = report_with(heading=heading)
    findings = [f for f in found(report, HEADING) if f.code == "number.heading_prefix"]
    assert spans(findings) == [(0, len(prefix), "number.heading_prefix", "")]
    apply_fixes(report, findings)
    assert report.sections[0].heading == "强化学习意识"
    assert layout(report)[1].full == "一、强化学习意识"


def test_typed_number_with_half_width_brackets_is_one_finding() -> None:
    report = report_with(heading="(一)强化学习意识")
    assert [(f.start, f.end, f.code) for f in found(report)] == [(0, 3, "number.heading_prefix")]


def test_headings_that_start_with_a_number_of_their_own_are_fine() -> None:
    assert found(report_with(heading="2022年工作回顾")) == []
    assert found(report_with(heading="1.5万亩高标准农田建设")) == []
    assert found(report_with(heading="一流服务，打造营商环境")) == []


def test_run_in_heading_with_its_number_typed_in() -> None:
    report = report_with(run_in_heading="（一）政法工作。")
    assert spans(found(report, RUN_IN_HEADING)) == [(0, 3, "number.heading_prefix", "")]


def test_shortcoming_items_that_bring_their_own_ordinal() -> None:
    closing = Closing(
        shortcomings_intro="存在不足：",
        shortcomings=["一是理论学习不深", "二是，督促检查少", "（3）调研不够", "作风建设"],
    )
    report = report_with(closing=closing)
    findings = found(report)
    assert [(f.path[-1], f.start, f.end, f.code) for f in findings] == [
        (0, 0, 2, "number.item_prefix"),
        (1, 0, 3, "number.item_prefix"),
        (2, 0, 3, "number.item_prefix"),
    ]
    apply_fixes(report, findings)
    assert report.closing.shortcomings == ["理论学习不深", "督促检查少", "调研不够", "作风建设"]
    assert (
        layout(report)[-1].text
        == "存在不足：一是理论学习不深；二是督促检查少；三是调研不够；四是作风建设。"
    )
