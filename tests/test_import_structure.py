"""Recognition rules one by one: heading numbers, run-in headings, dates, year and kind,
closing forms, and that text which cannot be placed stays where it was."""

from __future__ import annotations

import datetime as dt

import pytest

from nianbao_gui.core.importer import import_text
from nianbao_gui.core.importer.patterns import match_heading, parse_date, split_heading
from nianbao_gui.core.layout import to_plain_text
from nianbao_gui.core.model import ReportKind


@pytest.mark.parametrize(
    ("line", "level", "number", "rest"),
    [
        ("一、强化学习", 1, 1, "强化学习"),
        ("十一、其他", 1, 11, "其他"),
        ("三．纪律", 1, 3, "纪律"),
        ("（一）政法工作。", 2, 1, "政法工作。"),
        ("(二)民政", 2, 2, "民政"),
        ("（三)武装", 2, 3, "武装"),
        ("1．企业", 3, 1, "企业"),
        ("2.项目", 3, 2, "项目"),
        ("3、园区", 3, 3, "园区"),
        ("１２．电商", 3, 12, "电商"),
        ("（1）集中学习", 4, 1, "集中学习"),
        ("(2)自学", 4, 2, "自学"),
        ("（１０）其他", 4, 10, "其他"),
    ],
)
def test_heading_numbers(line: str, level: int, number: int, rest: str) -> None:
    mark = match_heading(line)
    assert mark is not None
    assert (mark.level, mark.number, mark.rest) == (level, number, rest)


@pytest.mark.parametrize(
    "line",
    [
        "2022年，我镇",
        "3.5万元用于",
        "一是理论学习",
        "一年来，我",
        "十分重视",
        "（注）见附件",
        "100．",
    ],
)
def test_not_heading_numbers(line: str) -> None:
    assert match_heading(line) is None


def test_run_in_and_own_line_headings() -> None:
    assert split_heading("政法工作。一是探索") == ("政法工作。", "一是探索")
    assert split_heading("强化学习意识，提高理论素养") == ("强化学习意识，提高理论素养", None)
    assert split_heading("政法工作。") == ("政法工作。", None)
    assert split_heading("主要做法：一是") == ("主要做法：", "一是")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2025年1月5日", dt.date(2025, 1, 5)),
        ("2025年01月05日", dt.date(2025, 1, 5)),
        ("二〇二五年一月五日", dt.date(2025, 1, 5)),
        ("二○二四年十二月三十一日", dt.date(2024, 12, 31)),
        ("二零二三年十月二十日", dt.date(2023, 10, 20)),
        ("２０２５年１月５日", dt.date(2025, 1, 5)),
        ("2025-01-05", dt.date(2025, 1, 5)),
        ("2025年2月30日", None),
        ("2025年1月", None),
        ("截至2025年1月5日", None),
    ],
)
def test_dates(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


def test_level_one_run_in_when_a_sentence_follows() -> None:
    report = import_text("开篇。\n一、强化学习意识。我始终把学习放在首位。\n").report
    section = report.sections[0]
    assert (section.heading, section.run_in) == ("强化学习意识。", True)
    assert section.paragraphs == ["我始终把学习放在首位。"]


def test_paragraphs_after_last_subsection_stay_there() -> None:
    text = (
        "开篇。\n一、工作\n（一）甲。内容一。\n（二）乙。内容二。\n补充说明一段。\n再补充一段。\n"
    )
    result = import_text(text)
    last = result.report.sections[0].children[-1]
    assert last.paragraphs == ["内容二。", "补充说明一段。", "再补充一段。"]
    assert result.report.closing.is_empty()


def test_level_skip_becomes_next_level_with_note() -> None:
    result = import_text("开篇。\n一、工作\n1．具体事项\n正文。\n")
    child = result.report.sections[0].children[0]
    assert child.heading == "具体事项"
    assert any("已按二级标题" in note for note in result.notes)


def test_indentation_and_trailing_space_removed_inner_space_kept() -> None:
    text = "\u3000\u3000 \t开篇 一句。\u3000 \n\n\n一、标题  \n\u3000\u3000正文\u3000内容。\n"
    report = import_text(text).report
    assert report.opening == ["开篇 一句。"]
    assert report.sections[0].heading == "标题"
    assert report.sections[0].paragraphs == ["正文\u3000内容。"]


def test_title_line_by_its_ending() -> None:
    for title in ("关于2023年度述职的报告", "2023年度个人工作总结", "张三同志述职述廉"):
        assert import_text(f"{title}\n开篇。\n").report.title == title
    assert import_text("今年以来工作顺利。\n开篇。\n").report.title == ""
    assert import_text("述职人：张三\n开篇。\n").report.title == ""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2023年度述职报告\n我严格落实党风廉政建设责任制。\n", ReportKind.SHUZHI),
        ("2023年度述职述廉报告\n正文。\n", ReportKind.SHUZHI_SHULIAN),
        ("2023年度工作总结\n正文。\n", ReportKind.ZONGJIE),
        ("今年我认真落实党风廉政建设责任。\n", ReportKind.SHUZHI_SHULIAN),
    ],
)
def test_kind(text: str, kind: ReportKind) -> None:
    assert import_text(text).report.kind is kind


def test_year_from_chinese_numerals_in_title() -> None:
    assert import_text("二〇二三年度述职报告\n正文。\n").report.year == 2023


def test_closing_sections_without_list_are_ordinary_and_noted() -> None:
    text = (
        "开篇。\n一、工作\n做了很多。\n二、存在的不足\n学习不够。\n调研不够。\n"
        "三、今后打算\n继续努力。\n"
    )
    result = import_text(text)
    report = result.report
    assert [s.heading for s in report.sections] == ["工作", "存在的不足"]
    assert report.closing.plans_heading == "今后打算"
    assert report.closing.plans == ["继续努力。"]
    assert any("存在的不足" in note and "普通章节" in note for note in result.notes)
    assert "三、今后打算" in to_plain_text(report)


def test_closing_list_with_trailing_sentence_is_kept_whole() -> None:
    text = (
        "开篇。\n一、工作\n（一）甲。内容。\n"
        "存在一些不足：一是学习不够；二是调研不够。这些问题需要重视。\n"
        "今后，我将继续努力。\n"
    )
    result = import_text(text)
    closing = result.report.closing
    assert closing.shortcomings == []
    assert (
        closing.shortcomings_intro == "存在一些不足：一是学习不够；二是调研不够。这些问题需要重视。"
    )
    assert closing.plans == ["今后，我将继续努力。"]
    assert any("整段保留" in note for note in result.notes)


def test_half_width_list_separator_is_not_split() -> None:
    # layout writes ；, so a list separated by ; cannot be itemised without changing the text
    text = "开篇。\n一、工作\n（一）甲。内容。\n但也存在不足：一是学习不够;二是调研不够。\n"
    report = import_text(text).report
    written = to_plain_text(report)
    assert "但也存在不足：一是学习不够;二是调研不够。" in written
    assert report.closing.shortcomings == []


def test_signature_needs_a_name_or_office() -> None:
    report = import_text("开篇。\n一、工作\n内容。\n以上报告，请审议。\n").report
    assert report.signature == ""
    report = import_text("开篇。\n一、工作\n内容。\n某某镇人民政府\n2025年1月5日\n").report
    assert (report.signature, report.date) == ("某某镇人民政府", dt.date(2025, 1, 5))


def test_empty_text() -> None:
    result = import_text("\n \n\u3000\n")
    assert result.report.opening == [] and result.report.sections == []
    assert result.notes


def test_author_and_signature_with_the_same_name() -> None:
    # found by the property test: the lossless check once dropped both lines named 张三
    text = "2023年度述职报告\n张三\n开篇。\n一、工作\n内容。\n\n张三\n"
    result = import_text(text)
    report = result.report
    assert (report.author_name, report.signature) == ("张三", "张三")
    assert report.effective_title() == "2023年度述职报告"
    assert to_plain_text(report) == text


def test_kind_notes_say_where_the_kind_came_from() -> None:
    notes = import_text("今年工作顺利。\n").notes
    assert any("未能判断报告类型" in note for note in notes)
    notes = import_text("2023年度述职报告\n我严格落实党风廉政建设责任制。\n").notes
    assert any("述职述廉报告" in note for note in notes)
    assert import_text("2023年度述职述廉报告\n正文。\n").notes == []


@pytest.mark.parametrize(
    "text",
    [
        "2023年度述职报告\n\n张三\n",  # signature only: the empty line sets it apart
        "2023年度述职报告\n张三\n",  # author line only
        "2023年度述职报告\n张三\n\n2024年1月1日\n",
        "2023年度述职报告\n\n张三\n2024年1月1日\n",
        "2023年度述职报告\n\n2024年1月1日\n",
    ],
)
def test_author_line_or_signature_under_a_bare_title(text: str) -> None:
    report = import_text(text).report
    assert to_plain_text(report) == text
    assert report.show_author_line == (text.split("\n")[1] == "张三")


def test_plans_before_a_headed_shortcomings_section_stay_in_place() -> None:
    text = (
        "开篇。\n一、工作\n内容。\n今后，我将继续努力。\n"
        "二、存在的不足\n一是学习不够；二是调研不够。\n"
    )
    result = import_text(text)
    report = result.report
    assert report.closing.shortcomings_heading == "存在的不足"
    assert report.closing.plans == []
    assert report.sections[0].paragraphs == ["内容。", "今后，我将继续努力。"]
    assert to_plain_text(report) == "述职报告\n" + text
    assert not any("未能完全识别" in note for note in result.notes)


def test_pathological_inputs_keep_every_line() -> None:
    # 1,200 first-level headings exceed what a report has; a paragraph of 一是 without a list
    many = "".join(f"一、标题{i}\n（一）子{i}。正文。\n" for i in range(1200))
    odd = "开篇。\n一、工作\n内容。\n存在不足：" + "一是" * 5000 + "\n"
    for text in (many, odd):
        written = to_plain_text(import_text(text).report).split("\n")
        kept = [line for line in written if line][1:]  # without the suggested title
        strip = [line.split("、", 1)[-1].split("）", 1)[-1] for line in kept]
        source = [line.split("、", 1)[-1].split("）", 1)[-1] for line in text.split("\n") if line]
        assert strip == source


def test_numbering_notes_are_capped() -> None:
    text = "".join(f"一、标题{i}\n正文。\n" for i in range(30))
    notes = import_text(text).notes
    assert sum("跳号或重号" in note for note in notes) == 8
    assert "……另有 21 处类似情况" in notes


def test_a_recognition_error_costs_structure_not_the_import(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from nianbao_gui.core.importer import structure

    def broken(parsed: object) -> None:
        raise RuntimeError("a bug in closing recognition")

    monkeypatch.setattr(structure, "_heading_closing", broken)
    text = "2023年度述职报告\n开篇。\n一、工作\n内容。\n今后，我将继续努力。\n"
    result = import_text(text)
    assert to_plain_text(result.report) == text
    assert result.report.closing.is_empty()
    assert any("未能完全识别" in note for note in result.notes)


def test_headed_shortcomings_with_more_paragraphs_before_a_plans_heading() -> None:
    text = (
        "开篇。\n一、工作\n内容。\n二、存在的不足\n一是学习不够；二是调研不够。\n"
        "这些问题要认真解决。\n三、今后打算\n继续努力。\n"
    )
    result = import_text(text)
    report = result.report
    assert [s.heading for s in report.sections] == ["工作", "存在的不足"]
    assert report.closing.plans_heading == "今后打算"
    assert any("之后还有其他段落" in note for note in result.notes)
    assert to_plain_text(report) == "述职报告\n" + text


def test_heading_behind_a_no_break_space_stays_text_and_is_noted() -> None:
    result = import_text("开篇。\n\u00a0一、强化学习\n正文。\n")
    assert result.report.sections == []
    assert result.report.opening == ["开篇。", "\u00a0一、强化学习", "正文。"]
    assert any("不间断空格" in note for note in result.notes)
