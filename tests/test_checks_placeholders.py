"""Placeholders left in the text, and fields the export would write out empty."""

from __future__ import annotations

import pytest
from checks_support import HEADING, PARAGRAPH, found, in_paragraph, report_with, spans

from nianbao_gui.core.checks import Category, has_placeholders, placeholder_count
from nianbao_gui.core.model import Closing, Report


@pytest.mark.parametrize(
    ("text", "mark", "code"),
    [
        ("共调解纠纷**件。", "**", "placeholder.stars"),
        ("排名全区第*。", "*", "placeholder.star"),
        ("发放慰问金*万元。", "*", "placeholder.star"),
        ("特殊力量队伍*人。", "*", "placeholder.star"),
        ("共计＊＊名。", "＊＊", "placeholder.stars"),
        ("XX村完成改造。", "XX", "placeholder.x"),
        ("联系xx村。", "xx", "placeholder.x"),
        ("投入XXX万元。", "XXX", "placeholder.x"),
        ("××镇党委。", "××", "placeholder.x"),
        ("□□村。", "□□", "placeholder.box"),
        ("〇〇村完成改造。", "〇〇", "placeholder.circle"),
        ("○○社区。", "○○", "placeholder.circle"),
        ("某某同志。", "某某", "placeholder.mou"),
        ("共____人。", "____", "placeholder.blank"),
        ("占比（ ）。", "（ ）", "placeholder.brackets"),
    ],
)
def test_placeholder_is_found_where_it_stands(text: str, mark: str, code: str) -> None:
    start = text.index(mark)
    assert in_paragraph(text) == [(start, start + len(mark), code, None)]


def test_every_placeholder_of_a_run_is_reported() -> None:
    text = "作为**、**、**等工作的分管领导。"
    assert [s[:2] for s in in_paragraph(text)] == [(2, 4), (5, 7), (8, 10)]


@pytest.mark.parametrize(
    "text",
    [
        "镇文化站始建于二〇〇八年。",
        "二〇〇〇年以来。",
        "做了X光检查。",
        "新建XXL号仓库。",  # a Latin word, not a placeholder
        "3×4米的宣传栏。",
        "某村开展了评比。",  # one 某 is a way of writing, not a gap
    ],
)
def test_no_false_placeholder(text: str) -> None:
    assert in_paragraph(text) == []


def test_empty_fields_the_export_would_show() -> None:
    report = report_with("", heading="  ", closing=Closing(shortcomings=["甲", ""], plans=[""]))
    codes = {(f.path, f.code) for f in found(report)}
    assert (PARAGRAPH, "empty.paragraph") in codes
    assert (HEADING, "empty.heading") in codes
    assert (("closing", "shortcomings", 1), "empty.item") in codes
    assert (("closing", "plans", 0), "empty.paragraph") in codes
    assert all(
        f.category is Category.PLACEHOLDER for f in found(report) if f.code.startswith("empty")
    )
    # a blank-only field is reported once, as empty, not also as "spaces"
    assert [f.code for f in found(report, HEADING)] == ["empty.heading"]


def test_empty_title_and_empty_closing_headings_are_fine() -> None:
    report = Report(year=2022)  # title empty: the suggested title is exported
    assert found(report) == []


def test_has_placeholders_for_the_export_question() -> None:
    assert has_placeholders(found(report_with("共**人。")))
    assert has_placeholders(found(report_with("")))  # an empty paragraph would be exported
    assert not has_placeholders(found(report_with("自已的思想。")))
    # an empty shortcoming is left out by the export: worth a finding, not the question
    empty_item = found(report_with(closing=Closing(shortcomings=["甲", ""])))
    assert spans(empty_item) == [(0, 0, "empty.item", None)]
    assert not has_placeholders(empty_item)
    # the question says how many: the blocking findings only, not the wrong word beside them
    assert placeholder_count(found(report_with("共**人，*次，自已。"))) == 2


def test_a_fresh_template_lists_only_what_is_left_to_fill_in() -> None:
    from nianbao_gui.core.templates import list_templates, load_template

    for template in list_templates():
        findings = found(load_template(template.path))
        assert findings, template.name
        assert {f.code for f in findings} <= {"empty.paragraph", "empty.item"}, template.name
