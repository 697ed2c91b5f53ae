"""Fixes are applied only on request, only where the text is still as the check saw it;
the text report and the pieces the window's panel shows."""

from __future__ import annotations

import pytest
from checks_support import PARAGRAPH, found, report_with
from hypothesis import given, settings
from hypothesis import strategies as st

from nianbao_gui.core.checks import (
    Category,
    FixError,
    apply_fix,
    apply_fixes,
    can_apply,
    check_report,
    excerpt,
    findings_from_notes,
    format_findings,
    group_by_category,
    location,
    summary,
)
from nianbao_gui.core.fields import get_text, iter_text_fields
from nianbao_gui.core.model import Report


def test_check_report_changes_nothing() -> None:
    report = report_with("\u00a0勤政廉政;努力学习，,自已")
    before = report.model_copy(deep=True)
    assert check_report(report)
    assert report == before


def test_apply_one_fix() -> None:
    report = report_with("勤政廉政;努力学习。")
    (finding,) = found(report)
    assert can_apply(report, finding)
    apply_fix(report, finding)
    assert get_text(report, PARAGRAPH) == "勤政廉政；努力学习。"
    assert not can_apply(report, finding)  # already applied: the text is no longer there


def test_fix_of_a_changed_text_is_refused_and_changes_nothing() -> None:
    report = report_with("勤政廉政;努力学习。")
    (finding,) = found(report)
    report.sections[0].paragraphs[0] = "我们勤政廉政;努力学习。"  # typed after the check
    assert not can_apply(report, finding)
    with pytest.raises(FixError, match="已改动"):
        apply_fix(report, finding)
    assert report.sections[0].paragraphs[0] == "我们勤政廉政;努力学习。"
    del report.sections[0].paragraphs[0]
    report.sections[0].paragraphs.clear()
    with pytest.raises(FixError, match="不存在"):
        apply_fix(report, finding)


def test_insertion_at_the_end_is_refused_once_text_was_added() -> None:
    report = report_with(run_in_heading="政法工作")
    (finding,) = found(report)
    assert (finding.start, finding.end, finding.fix) == (4, 4, "。")
    report.sections[0].children[0].heading = "政法工作要点"
    assert not can_apply(report, finding)
    report.sections[0].children[0].heading = "政法工作"
    apply_fix(report, finding)
    assert report.sections[0].children[0].heading == "政法工作。"


def test_finding_without_fix_is_refused() -> None:
    report = report_with("共**人。")
    (finding,) = found(report)
    assert finding.fix is None and not finding.fixable and not can_apply(report, finding)
    with pytest.raises(FixError, match="手工修改"):
        apply_fix(report, finding)


def test_apply_fixes_from_the_end_backwards_and_skips_what_it_cannot() -> None:
    text = "\u00a0要求。 按要求,自已完成;共**人"
    report = report_with(text)
    findings = found(report)
    outcome = apply_fixes(report, findings)
    assert get_text(report, PARAGRAPH) == "要求。按要求，自己完成；共**人"
    assert len(outcome.applied) == 5
    assert sorted(f.code for f, _ in outcome.skipped) == [
        "placeholder.stars",
        "punct.paragraph_end",
    ]
    assert all(reason == "没有可自动修改的方案" for _, reason in outcome.skipped)


def test_apply_fixes_skips_stale_and_overlapping_findings() -> None:
    report = report_with("工作，，取得成效;")
    findings = found(report)
    doubled = next(f for f in findings if f.code == "punct.doubled")
    overlapping = type(doubled)(
        path=doubled.path,
        start=3,
        end=4,
        code="x",
        message="x",
        category=Category.PUNCTUATION,
        fix="、",
        seen="，",
        before="工作，",
        after="取得成",
    )
    outcome = apply_fixes(report, [*findings, overlapping])
    assert [f.code for f, _ in outcome.skipped] == ["x"]
    assert get_text(report, PARAGRAPH) == "工作，取得成效；"
    again = apply_fixes(report, findings)
    assert not again.applied and {r for _, r in again.skipped} == {"文字在体检后已改动"}


def test_fix_labels_read_well() -> None:
    report = report_with("\u00a0勤政廉政;努力学习", run_in_heading="政法工作")
    labels = {f.code: f.fix_label() for f in check_report(report)}
    assert labels["space.leading"] == "删除“不间断空格”"
    assert labels["punct.half_width"] == "改为“；”"
    assert labels["punct.run_in_end"] == "补上“。”"
    assert labels["punct.paragraph_end"] == ""


def test_format_findings_one_line_each_grouped_with_a_summary() -> None:
    report = report_with("勤政廉政;努力学习，共**人。", heading="强化责任意识")
    findings = check_report(report) + findings_from_notes(["原文编号“四、”处按顺序应为“三、”"])
    text = format_findings(report, findings)
    lines = text.splitlines()
    assert lines[0] == "【占位符与空白】1 处"
    assert lines[1].startswith("  一、强化责任意识 · 第1段：第12字：“**”是占位符")
    assert "〔…政;努力学习，共【**】人。〕" in lines[1]
    assert "【标点】1 处" in lines
    punct = lines[lines.index("【标点】1 处") + 1]
    assert punct.startswith("  一、强化责任意识 · 第1段：第5字：中文里用了半角“;”")
    assert punct.endswith("→ 改为“；”")
    assert "  导入：原文编号“四、”处按顺序应为“三、”" in lines
    assert (
        lines[-1] == "共 3 处问题：占位符与空白 1 处，标点 1 处，编号 1 处；其中 1 处可以自动修改。"
    )


def test_pieces_for_the_panel() -> None:
    report = report_with("在镇党委领导下，时刻勤政廉政;努力学习，扎实工作。")
    (finding,) = check_report(report)
    assert location(report, finding) == "一、强化责任意识，切实认真履职 · 第1段：第15字"
    assert excerpt(report, finding, width=4) == ("…勤政廉政", ";", "努力学习…")
    assert list(group_by_category([finding])) == [Category.PUNCTUATION]
    assert summary([]) == "体检通过：没有发现问题。"
    hints = findings_from_notes(["报告年份 2022 取自正文，请核对"])
    assert hints[0].is_hint and summary(hints).startswith("体检通过")


text_alphabet = st.sampled_from(
    list("政法工作一二三是年度，。、；：！？“”‘’（）《》*X某〇")
    + list(' \u00a0\u3000\u200b\t,;:.()!?"0123456789AB')
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(text_alphabet, max_size=40), min_size=1, max_size=4))
def test_any_text_is_checked_and_fixed_without_error(paragraphs: list[str]) -> None:
    report = Report(year=2022, opening=paragraphs, title=paragraphs[0])
    for _round in range(6):
        findings = check_report(report)
        for finding in findings:
            if finding.path:
                if finding.path == ("date",):
                    continue
                text = get_text(report, finding.path)
                assert 0 <= finding.start <= finding.end <= len(text)
                assert text[finding.start : finding.end] == finding.seen
                assert finding.path in {f.path for f in iter_text_fields(report)}
        if not apply_fixes(report, findings).applied:
            break
    else:
        pytest.fail(f"fixes keep finding more to fix: {check_report(report)}")
