"""与去年相同: sentences copied unchanged and figures that did not change; `check --last`."""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao_gui import cli
from nianbao_gui.core.checks import Category, compare_with_last
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.next_year import next_year_copy
from nianbao_gui.core.storage import save_draft

LAST = Report(
    year=2024,
    opening=["2024年，在镇党委的领导下，我认真履行职责。现将有关情况报告如下："],
    sections=[
        Section(
            heading="抓好农业生产",
            paragraphs=[
                "全年完成粮食播种面积3.5万亩，新建高标准农田1200亩。坚持把粮食安全放在首位。",
                "深入开展人居环境整治，完成改厕860户，群众满意度明显提升。",
            ],
        )
    ],
)


def _this_year() -> Report:
    report = next_year_copy(LAST)
    report.opening[0] = report.opening[0].replace("2024", "2025")
    section = report.sections[0]
    # the first paragraph: one figure updated, one left; the second: rewritten throughout
    section.paragraphs[0] = (
        "全年完成粮食播种面积3.8万亩，新建高标准农田1200亩。坚持把粮食安全放在首位。"
    )
    section.paragraphs[1] = "持续改善农村人居环境，全年新改建卫生厕所932户，村容村貌焕然一新。"
    return report


def test_unchanged_sentences_and_figures_are_listed() -> None:
    report = _this_year()
    found = compare_with_last(report, LAST)
    assert {f.category for f in found} == {Category.SAME_AS_LAST}
    listed = [(f.path, f.code, f.seen) for f in found]
    assert listed == [
        # the year moved on, the rest is last year's sentence
        (("opening", 0), "same.sentence", "2025年，在镇党委的领导下，我认真履行职责。"),
        (("opening", 0), "same.sentence", "现将有关情况报告如下："),
        (("sections", 0, "paragraphs", 0), "same.sentence", "坚持把粮食安全放在首位。"),
        (("sections", 0, "paragraphs", 0), "same.figure", "1200"),
    ]


def test_a_rewritten_paragraph_is_never_listed() -> None:
    found = compare_with_last(_this_year(), LAST)
    assert not any(f.path == ("sections", 0, "paragraphs", 1) for f in found)
    assert not any(f.seen == "3.8" for f in found)  # an updated figure is not listed


def test_headings_are_not_listed() -> None:
    assert not any(f.path[-1] == "heading" for f in compare_with_last(_this_year(), LAST))


def test_check_last_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    last, draft = tmp_path / "2024.json", tmp_path / "2025.json"
    save_draft(LAST, last)
    save_draft(_this_year(), draft)
    assert cli.main(["check", str(draft), "--last", str(last)]) == cli.EXIT_FINDINGS
    out = capsys.readouterr().out
    assert "【与去年相同】4 处" in out
    assert "【1200】" in out and "932" not in out
    assert "【2025年，在镇党委的领导下，我认真履行职责。】" in out
    cli.main(["check", str(draft)])
    assert "与去年相同" not in capsys.readouterr().out  # only when asked
