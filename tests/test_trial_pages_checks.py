"""Found by the pages trial: the 【版面】 findings say what really happens when followed."""

from __future__ import annotations

from nianbao_gui.core.checks.pages import HEADING_AT_PAGE_END, check_pages
from nianbao_gui.core.model import Report, ReportKind, Section
from nianbao_gui.core.pages import NominalMetrics, paginate


def _with_heading(opening_lines: int) -> Report:
    # title, blank, then the opening (26 characters + 28 a line after the first)
    section = Section(heading="强化学习意识", paragraphs=["国" * 40 + "。"])
    opening = ["国" * (26 + (opening_lines - 1) * 28)]
    return Report(
        kind=ReportKind.SHUZHI, year=2024, title="述职报告", opening=opening, sections=[section]
    )


def _heading_and_its_text(report: Report) -> tuple[tuple[int, int], tuple[int, int]]:
    laid = paginate(report, NominalMetrics())
    lines = laid.lines
    at = next(
        i for i, ln in enumerate(lines) if laid.paragraphs[ln.paragraph].text == "一、强化学习意识"
    )
    return (lines[at].page, lines[at].slot), (lines[at + 1].page, lines[at + 1].slot)


def test_heading_at_page_end_advice_says_which_change_moves_what() -> None:
    report = _with_heading(19)
    assert _heading_and_its_text(report) == ((1, 21), (2, 0))
    (finding,) = check_pages(report, NominalMetrics())
    assert finding.code == HEADING_AT_PAGE_END
    # a line less before it: the heading moves up and its text's first line comes up with it
    assert _heading_and_its_text(_with_heading(18)) == ((1, 20), (1, 21))
    # a line more: the heading goes down to the next page, above its text
    assert _heading_and_its_text(_with_heading(20)) == ((2, 0), (2, 1))
    assert "精简一行文字（正文开头移上来）" in finding.message
    assert "补充一行（标题移到下一页）" in finding.message


def test_single_character_line_in_a_one_paragraph_closing_points_at_its_last_words() -> None:
    # 其他工作 only, 合为一段: the finding pointed at the empty 不足的引语, and a click went there
    from nianbao_gui.core.checks.pages import ORPHAN
    from nianbao_gui.core.model import Closing

    closing = Closing(other_work=["国" * 20, "国" * 34 + "好。", ""], one_paragraph=True)
    report = Report(kind=ReportKind.SHUZHI, year=2024, title="述职报告", closing=closing)
    (finding,) = check_pages(report, NominalMetrics())
    assert finding.code == ORPHAN
    assert finding.path == ("closing", "other_work", 1) and finding.seen == "好。"
    # plans written last but left empty: the words before them still end the paragraph
    closing = Closing(shortcomings_intro="国" * 54 + "好。", plans=[""], one_paragraph=True)
    report = Report(kind=ReportKind.SHUZHI, year=2024, title="述职报告", closing=closing)
    (finding,) = check_pages(report, NominalMetrics())
    assert finding.path == ("closing", "shortcomings_intro") and finding.seen == "好。"


def test_single_character_line_of_the_shortcomings_selects_that_character() -> None:
    # the sentence's "。" (or the item's "；" dropped) is the layout's: the finding selected
    # nothing (an empty 【】 in its row); the lone character is in the last item
    from nianbao_gui.core.model import Closing

    for last in ("国" * 24 + "好", "国" * 24 + "好；"):
        closing = Closing(shortcomings_intro="存在不足：", shortcomings=["国" * 20, last])
        report = Report(kind=ReportKind.SHUZHI, year=2024, title="述职报告", closing=closing)
        (finding,) = check_pages(report, NominalMetrics())
        assert finding.path == ("closing", "shortcomings", 1)
        assert (finding.start, finding.end, finding.seen) == (24, 25, "好")


def test_a_character_after_a_line_break_typed_in_the_paragraph_is_no_single_character_line() -> (
    None
):
    # "删去或精简……让它并回上一行" cannot be done: the line break the user typed (pasted)
    # keeps it on a line of its own (the 空格 group already reports the break itself)
    from nianbao_gui.core.checks.pages import ORPHAN

    def codes(text: str) -> list[str]:
        report = Report(kind=ReportKind.SHUZHI, year=2024, title="述职报告", opening=[text])
        return [f.code for f in check_pages(report, NominalMetrics())]

    assert codes("国" * 10 + "\n好。") == []
    # wrapped after the break: that last line can go back up
    assert codes("国" * 10 + "\n" + "国" * 28 + "好。") == [ORPHAN]


def test_a_last_page_with_only_the_date_says_so() -> None:
    # 18 lines of text: the blank line and the 落款 end page 1, the date stands alone on
    # page 2; the finding said "只有落款和成文日期" and "让落款回到上一页" (it is there)
    import datetime as _dt

    opening = ["国" * (26 + 17 * 28)]
    report = Report(
        kind=ReportKind.SHUZHI,
        year=2024,
        title="述职报告",
        opening=opening,
        signature="某某镇人民政府",
        date=_dt.date(2025, 1, 5),
    )
    laid = paginate(report, NominalMetrics())
    assert [line.text for line in laid.pages[-1].lines] == ["2025年1月5日"]
    (finding,) = check_pages(report, NominalMetrics())
    assert "只有成文日期" in finding.message and "让成文日期回到上一页" in finding.message
    assert "落款和成文日期" not in finding.message
