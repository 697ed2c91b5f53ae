"""复制为明年的报告 carries an indicator table into next year (a bug: its header kept
2024年 | 2025年 in the 2026 report, and 体检 does not flag a year alone in a header cell):
the years move on, last year's figures stand under their year, the new year's ask to be
filled (``**``); 表题 and 注 keep her words like the paragraphs, and 体检 points out their
year."""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao_gui.core.checks.runner import check_report
from nianbao_gui.core.model import Merge, Report, Section, Table
from nianbao_gui.core.next_year import next_year_copy
from nianbao_gui.core.next_year_tables import next_year_table
from nianbao_gui.core.storage import load_draft, save_draft


def draft(table: Table) -> Report:
    section = Section(heading="经济发展", paragraphs=["2025年，全镇经济稳中有进。", "其他工作。"])
    report = Report.model_validate(Report(year=2025, sections=[section]).model_dump())
    section = report.sections[0]
    section.tables = [table.model_copy(update={"after": section.paragraph_ids[0]})]
    return Report.model_validate(report.model_dump())


def indicators() -> Table:
    return Table(
        caption="2025年主要经济指标完成情况",
        unit="单位：亿元",
        rows=[
            ["指标", "2024年", "2025年", "增幅"],
            ["地区生产总值", "28.6", "30.1", "5.2%"],
            ["农民人均收入", "1.8万元", "1.9万元", "5.6%"],
            ["重点项目", "开工", "建成", "—"],
        ],
        note="注：2025年数据为快报数。",
    )


def test_a_saved_draft_with_an_indicator_table_copied_to_next_year(tmp_path: Path) -> None:
    path = tmp_path / "2025年述职.json"
    save_draft(draft(indicators()), path)
    report = load_draft(path)
    original = report.model_dump()
    copy = next_year_copy(report, path)
    assert report.model_dump() == original  # this year's draft as it was
    save_draft(copy, tmp_path / "2026年述职.json")
    table = load_draft(tmp_path / "2026年述职.json").sections[0].tables[0]
    assert table.rows == [
        ["指标", "2025年", "2026年", "增幅"],
        ["地区生产总值", "30.1", "**", "**%"],
        ["农民人均收入", "1.9万元", "**万元", "**%"],
        ["重点项目", "建成", "**", "—"],
    ]
    # her words, as in the paragraphs: 体检 points out the year left behind
    assert table.caption == "2025年主要经济指标完成情况"
    assert table.note == "注：2025年数据为快报数。"
    assert table.unit == "单位：亿元" and table.after == copy.sections[0].paragraph_ids[0]
    assert table.cell_ids == report.sections[0].tables[0].cell_ids
    assert copy.sections[0].paragraphs == report.sections[0].paragraphs


def test_the_copy_asks_for_the_new_figures_and_flags_the_caption_year() -> None:
    copy = next_year_copy(draft(indicators()))
    findings = check_report(copy)
    at = {(f.path, f.code) for f in findings}
    cells = [path for path, _code in at if path[:4] == ("sections", 0, "tables", 0)]
    assert ("sections", 0, "tables", 0, "rows", 1, 2) in cells  # the ** to fill
    caption = [f for f in findings if f.path == ("sections", 0, "tables", 0, "caption")]
    assert caption and "2025" in caption[0].message
    header = [f for f in findings if f.path[4:6] == ("rows", 0)]
    assert header == []  # 2025年 | 2026年 is right for 2026


def test_a_two_row_header_with_merged_years() -> None:
    table = Table(
        header_rows=2,
        rows=[
            ["指标", "2024年", "", "2025年", ""],
            ["", "目标", "完成", "目标", "完成"],
            ["财政收入", "1.0", "1.1", "1.2", "1.3"],
        ],
        merges=[
            Merge(top=0, left=0, height=2, width=1),
            Merge(top=0, left=1, height=1, width=2),
            Merge(top=0, left=3, height=1, width=2),
        ],
    )
    moved = next_year_table(table, 2025)
    assert moved.rows == [
        ["指标", "2025年", "", "2026年", ""],
        ["", "目标", "完成", "目标", "完成"],
        ["财政收入", "1.2", "1.3", "**", "**"],
    ]
    assert moved.merges == table.merges


@pytest.mark.parametrize(
    ("header", "row", "expected_header", "expected_row"),
    [
        # one year column: it is the new year's, to fill
        (["指标", "2025年"], ["产值", "30.1"], ["指标", "2026年"], ["产值", "**"]),
        # full-width digits stay full-width
        (["指标", "２０２５年"], ["产值", "30.1"], ["指标", "２０２６年"], ["产值", "**"]),
        # a base year and next year's target stay, as does 序号
        (
            ["指标", "序号", "2020年", "2025年", "2026年目标"],
            ["产值", "1", "20.0", "30.1", "32"],
            ["指标", "序号", "2020年", "2026年", "2026年目标"],
            ["产值", "1", "20.0", "**", "32"],
        ),
    ],
)
def test_columns_that_move_on_and_columns_that_stay(
    header: list[str], row: list[str], expected_header: list[str], expected_row: list[str]
) -> None:
    moved = next_year_table(Table(rows=[header, row]), 2025)
    assert moved.rows == [expected_header, expected_row]


def test_a_table_without_the_years_is_not_touched() -> None:
    for table in (
        Table(rows=[["项目", "金额"], ["教育", "120万元"]]),
        Table(rows=[["指标", "2019年"], ["产值", "20"]]),
        Table(header_rows=0, rows=[["2024年", "2025年"], ["28.6", "30.1"]]),
    ):
        copy = next_year_copy(draft(table))
        assert copy.sections[0].tables[0].rows == table.rows
