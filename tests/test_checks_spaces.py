"""Spaces and invisible characters: edges, between Chinese characters, no-break and
full-width spaces, zero-width and control characters."""

from __future__ import annotations

import pytest
from checks_support import found, in_paragraph, report_with, spans

from nianbao_gui.core.checks import apply_fixes
from nianbao_gui.core.model import Report


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u00a02022年，我镇。", [(0, 1, "space.leading", "")]),
        ("　　我镇开展工作。", [(0, 2, "space.leading", "")]),
        ("我镇开展工作。  ", [(7, 9, "space.trailing", "")]),
        ("达到了要求。 按要求完成。", [(6, 7, "space.between_chinese", "")]),
        ("党风\u3000廉政建设。", [(2, 3, "space.between_chinese", "")]),
        ("党风\u00a0廉政建设。", [(2, 3, "space.between_chinese", "")]),
        ("共\u00a05人参加。", [(1, 2, "space.odd", "")]),
        ("使用Word\u00a0and\u00a0WPS。", [(6, 7, "space.odd", " "), (10, 11, "space.odd", " ")]),
        ("廉政\u200b建设。", [(2, 3, "space.invisible", "")]),
        ("廉政\ufeff建设。", [(2, 3, "space.invisible", "")]),
        ("廉政\x07建设。", [(2, 3, "space.control", "")]),
        ("廉政建设。\n开展学习。", [(5, 6, "space.newline", None)]),
    ],
)
def test_space_problems(text: str, expected: list[tuple[int, int, str, str | None]]) -> None:
    assert in_paragraph(text) == expected


@pytest.mark.parametrize(
    "text",
    ["使用 WPS 软件编写。", "共 5 人参加。", "Word and WPS 都能打开。"],
)
def test_ordinary_space_next_to_latin_or_digits_is_a_style_not_an_error(text: str) -> None:
    assert in_paragraph(text) == []


def test_a_name_may_be_spaced_out_but_not_padded() -> None:
    report = Report(year=2022, author_name="张　三", signature="张　三 ")
    assert spans(found(report)) == [(3, 4, "space.trailing", "")]


def test_blank_only_title_is_reported_and_fixed_to_empty() -> None:
    report = Report(year=2022, title="\u3000 ")
    findings = found(report)
    assert spans(findings) == [(0, 2, "space.only", "")]
    apply_fixes(report, findings)
    assert report.title == ""


def test_fixes_remove_every_stray_blank_at_once() -> None:
    report = report_with("\u00a0要求。 按要求\u200b完成\x0c任务。 ")
    outcome = apply_fixes(report, found(report))
    assert len(outcome.applied) == 5 and not outcome.skipped
    assert report.sections[0].paragraphs[0] == "要求。按要求完成任务。"
    assert found(report) == []
