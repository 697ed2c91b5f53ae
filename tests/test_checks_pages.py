"""【版面】 checks: 单字成行, a last page with only the 落款 and date, a heading at a page end."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from export_support import long_report, seed_report

from nianbao_gui.cli import main
from nianbao_gui.core.checks import Category, format_findings
from nianbao_gui.core.checks.pages import (
    HEADING_AT_PAGE_END,
    ORPHAN,
    SIGNATURE_ALONE,
    check_pages,
)
from nianbao_gui.core.fields import get_text
from nianbao_gui.core.layout import layout
from nianbao_gui.core.model import Report, ReportKind, Section
from nianbao_gui.core.pages import NominalMetrics, paginate


def _report(opening: list[str], **extra: object) -> Report:
    return Report(kind=ReportKind.SHUZHI, year=2024, title="述职报告", opening=opening, **extra)  # type: ignore[arg-type]


def _codes(report: Report) -> list[str]:
    return [f.code for f in check_pages(report, NominalMetrics())]


def test_single_character_on_the_last_line() -> None:
    report = _report(["国" * 54 + "好。", "国" * 30 + "。"])
    findings = check_pages(report, NominalMetrics())
    assert [f.code for f in findings] == [ORPHAN]
    finding = findings[0]
    assert finding.category is Category.LAYOUT and finding.path == ("opening", 0)
    assert finding.seen == "好。" and "单字成行" in finding.message
    assert "精简" in finding.message  # says what to do
    # one character more and the last line holds two: nothing to report
    assert _codes(_report(["国" * 55 + "好。"])) == []


def test_last_page_with_only_signature_and_date() -> None:
    # title, blank line, then 20 lines of text fill page 1; blank, 落款, date go to page 2
    report = _report(["国" * (26 + 19 * 28)], signature="某某镇人民政府", date=_dt.date(2025, 1, 5))
    laid = paginate(report, NominalMetrics())
    assert len(laid.pages) == 2 and [ln.text for ln in laid.pages[1].lines][1:] == [
        "某某镇人民政府",
        "2025年1月5日",
    ]
    findings = check_pages(report, NominalMetrics())
    assert [f.code for f in findings] == [SIGNATURE_ALONE]
    assert findings[0].path == ("signature",) and "同页" in findings[0].message
    # three lines less: blank line, 落款 and date fit on page 1
    shorter = _report(
        ["国" * (26 + 16 * 28)], signature="某某镇人民政府", date=_dt.date(2025, 1, 5)
    )
    assert _codes(shorter) == []


def test_heading_on_the_last_line_of_a_page() -> None:
    # title, blank, 19 lines of text (slots 2–20), the heading on slot 21, its text on page 2
    section = Section(heading="强化学习意识", paragraphs=["国" * 40 + "。"])
    report = _report(["国" * (26 + 18 * 28)], sections=[section])
    findings = check_pages(report, NominalMetrics())
    assert [f.code for f in findings] == [HEADING_AT_PAGE_END]
    assert findings[0].path == ("sections", 0, "heading")
    assert "第 1 页" in findings[0].message and "一、强化学习意识" in findings[0].message
    assert _codes(_report(["国" * (26 + 17 * 28)], sections=[section])) == []


def test_block_paths_name_the_fields_that_hold_each_paragraph() -> None:
    for report in (seed_report(), long_report(3)):
        for block in layout(report):
            if block.path == ("date",) or (block.path == ("title",) and not report.title):
                continue  # the date is no text field; an empty title is made from the kind
            text = get_text(report, block.path).strip().rstrip("；;。.，,、")
            assert text and text in block.full, block


def test_seed_layout_findings_and_format_shows_the_group() -> None:
    # justified without hanging marks (issue 20): 加强学习，提高…操。 ends on a line of its own
    findings = check_pages(seed_report(), NominalMetrics())
    assert [(f.code, f.seen) for f in findings] == [("layout.orphan_char", "操。")]
    report = _report(["国" * 54 + "好。"])
    text = format_findings(report, check_pages(report, NominalMetrics()))
    assert "【版面】1 处" in text and "单字成行" in text


def test_cli_check_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "草稿.json"
    draft.write_text(_report(["国" * 54 + "好。"]).to_json(), encoding="utf-8")
    main(["check", str(draft)])
    assert "版面" not in capsys.readouterr().out  # only when asked
    assert main(["check", str(draft), "--layout"]) == 3
    out = capsys.readouterr().out
    assert "【版面】" in out and "单字成行" in out


def test_a_font_missing_here_is_a_note_not_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a computer without the official fonts (this one), 【版面】 says which font stands in,
    under 字体 rather than the title's place, and ``check --layout`` still passes: the .docx
    names the official fonts whatever this computer has."""
    draft = tmp_path / "草稿.json"
    draft.write_text(_report(["我镇扎实推进各项工作。"]).to_json(), encoding="utf-8")
    assert main(["check", str(draft), "--layout"]) == 0
    out = capsys.readouterr().out
    notes = [line for line in out.splitlines() if "本机没有" in line]
    assert notes and all(line.strip().startswith("字体：") for line in notes)
    assert "体检通过" in out and f"另有字体说明 {len(notes)} 条" in out
