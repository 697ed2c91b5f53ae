"""Titles follow the year; a draft made from another remembers where it came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao_gui.core.importer import import_text
from nianbao_gui.core.model import Report
from nianbao_gui.core.next_year import next_year_copy, origin_path, origin_text


def test_an_automatic_title_stays_automatic() -> None:
    for title in ("", "2024年度述职述廉报告"):
        copy = next_year_copy(Report(year=2024, title=title))
        assert copy.title == "" and copy.effective_title() == "2025年度述职述廉报告"
        copy.year = 2027  # she changes the year: the title follows
        assert copy.effective_title() == "2027年度述职述廉报告"


def test_her_own_title_keeps_its_words_with_the_year_moved_on() -> None:
    copy = next_year_copy(
        Report(year=2024, title="２０２４年度述职述廉报告（城关镇，2019年起分管）")
    )
    assert copy.title == "２０２５年度述职述廉报告（城关镇，2019年起分管）"


def test_import_keeps_an_automatic_title_automatic() -> None:
    report = import_text("2024年度述职报告\n\n2024年，我认真履职。\n").report
    assert report.title == "" and report.year == 2024
    report.year = 2025
    assert report.effective_title() == "2025年度述职报告"
    own = import_text("关于2024年度履职情况的报告\n\n2024年，我认真履职。\n").report
    assert own.title == "关于2024年度履职情况的报告"


@pytest.mark.parametrize(
    ("title", "next_title"),
    [
        ("2024年述职述廉报告", "2025年述职述廉报告"),
        ("2024年述职报告", "2025年述职报告"),
        ("2024年工作总结", "2025年工作总结"),
        ("青禾镇党委书记2024年度述职述廉报告", "青禾镇党委书记2025年度述职述廉报告"),
        ("青禾镇党委书记2024年述职述廉报告", "青禾镇党委书记2025年述职述廉报告"),
        ("石桥村2024年度工作总结", "石桥村2025年度工作总结"),
    ],
)
def test_the_other_common_forms_of_the_automatic_title_follow_the_year(
    title: str, next_title: str
) -> None:
    """Issue 17 item 4: imported as automatic, in the form she wrote, so that changing the
    year changes the title (and the export still writes her title unchanged)."""
    report = import_text(f"{title}\n\n2024年，我认真履职。\n").report
    assert report.title == "" and report.effective_title() == title
    report.year = 2025
    assert report.effective_title() == next_title
    assert next_year_copy(report).effective_title() == "2026".join(next_title.split("2025"))


@pytest.mark.parametrize(
    "title",
    [
        "２０２４年述职报告",
        "二〇二四年度述职报告",
        "关于2024年度工作的述职报告",
        "2024年述职报告（草稿）",
        "某某镇副镇长2024年述职报告",  # a placeholder 体检 must go on seeing
    ],
)
def test_titles_not_in_an_automatic_form_stay_hers(title: str) -> None:
    report = import_text(f"{title}\n\n2024年，我认真履职。\n").report
    assert report.title == title


def test_origin_is_relative_beside_the_draft(tmp_path: Path) -> None:
    draft = tmp_path / "2025.json"
    assert origin_text(tmp_path / "去年" / "2024.json", draft) == "去年/2024.json"
    report = next_year_copy(Report(year=2024), tmp_path / "2024.json")
    report.made_from = origin_text(tmp_path / "2024.json", draft)
    assert origin_path(report, draft) == tmp_path / "2024.json"
    elsewhere = Path("/elsewhere/2024.json")
    assert origin_text(elsewhere, draft) == str(elsewhere)
    assert origin_path(Report(), draft) is None
