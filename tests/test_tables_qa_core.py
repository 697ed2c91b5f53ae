"""Table defects found walking through issue 22 as a secretary would (QA pass), in the core."""

from __future__ import annotations

import pytest

from nianbao_gui.core import table_edit
from nianbao_gui.core.checks.runner import check_report
from nianbao_gui.core.model import Report, Section, Table
from nianbao_gui.core.tables import centred


@pytest.mark.parametrize("text", ["**%", "＊＊％", "+**%", "**.*"])
def test_a_placeholder_for_a_percentage_is_centred_like_the_figure(text: str) -> None:
    """ "**%" stands for "6.2%": set left while the figures around it are centred, the column
    jumped when it was filled."""
    assert centred(text) and centred("6.2%")


@pytest.mark.parametrize("text", ["产值", "**村", "%"])
def test_text_stays_set_left(text: str) -> None:
    assert not centred(text)


@pytest.mark.parametrize(
    ("texts", "merged"),
    [
        (["1520", "1680"], "1520 1680"),  # not a figure 15201680 that was never written
        (["**", "**"], "** **"),
        (["完成", "情况"], "完成情况"),  # Chinese runs on, as typed
        (["2024年", "2025年"], "2024年2025年"),
        (["数量", "120"], "数量120"),
    ],
)
def test_merged_texts_do_not_run_together_into_a_new_figure(texts: list[str], merged: str) -> None:
    table = Table(rows=[[*texts, "x"], ["a", "b", "c"]])
    assert table_edit.merge_cells(table, 0, 0, 0, 1).rows[0][0] == merged


@pytest.mark.parametrize("caption", ["表1　主要经济指标完成情况", "表2 主要指标", "附表1　指标"])
def test_the_space_after_a_captions_number_is_not_reported(caption: str) -> None:
    """ "表1　主要经济指标完成情况" is how a 表题 is written; 体检 called its space 多余 and
    offered to delete it (表1主要经济指标完成情况)."""
    section = Section(heading="经济发展", paragraphs=["主要指标如下。"])
    report = Report(year=2025, sections=[section])
    table = Table(rows=[["指标", "2025年"], ["产值", "30"]], caption=caption)
    table.after = report.sections[0].paragraph_ids[0]
    report.sections[0].tables.append(table)
    report = Report.model_validate(report.model_dump())
    found = [f for f in check_report(report) if f.path[-1:] == ("caption",)]
    assert found == []


def test_a_double_space_in_a_caption_is_still_reported() -> None:
    section = Section(heading="经济发展", paragraphs=["主要指标如下。"])
    report = Report(year=2025, sections=[section])
    table = Table(rows=[["指标"], ["产值"]], caption="主要　指标")
    table.after = report.sections[0].paragraph_ids[0]
    report.sections[0].tables.append(table)
    report = Report.model_validate(report.model_dump())
    assert [f for f in check_report(report) if f.path[-1:] == ("caption",)]


def test_the_spreadsheet_says_which_indicator_and_year_a_cell_is() -> None:
    """The .xlsx goes to the 站所, who do not have the table: a cell's row said only
    "表1 第3行 第3列" and "**", with nothing before or after it. Its 说明 names the row and
    the column (产值 · 2025年)."""
    from nianbao_gui.core.figures import find_slots
    from nianbao_gui.core.figures_xlsx import TableInfo, export_cells

    section = Section(heading="经济发展", paragraphs=["主要指标如下。"])
    report = Report(year=2025, sections=[section])
    table = Table(
        rows=[
            ["指标", "完成情况", "", "增幅"],
            ["", "2024年", "2025年", ""],
            ["产值", "28", "**", "**%"],
        ],
        header_rows=2,
    )
    table.after = report.sections[0].paragraph_ids[0]
    report.sections[0].tables.append(table)
    report = Report.model_validate(report.model_dump())
    rows = [export_cells(slot, TableInfo()) for slot in find_slots(report)]
    assert [row[5] for row in rows] == ["产值 · 2025年：数字或文字", "产值 · 增幅：数字或文字"]


def test_a_cell_findings_place_is_short_in_the_check_panel() -> None:
    """体检's rows give a short place (四、（一）政法工作 · 第1段); a cell's was the whole
    label, its long headings first, so in the narrow panel 表1 第2行 第2列 was cut off."""
    from nianbao_gui.core.checks.report import short_label

    heading = "加快经济高质量发展，推动产业转型升级取得新成效"
    section = Section(heading=heading, paragraphs=["主要指标如下。"])
    report = Report(year=2025, sections=[section])
    table = Table(rows=[["指标", "2025年"], ["产值", "**"]])
    table.after = report.sections[0].paragraph_ids[0]
    report.sections[0].tables.append(table)
    report = Report.model_validate(report.model_dump())
    cell = ("sections", 0, "tables", 0, "rows", 1, 1)
    assert short_label(report, cell) == "一、加快经济高质量发… · 表1 第2行 第2列"
    assert short_label(report, ("sections", 0, "tables", 0, "caption")) == (
        "一、加快经济高质量发… · 表1 表题"
    )


@pytest.mark.parametrize(
    ("text", "value", "filled"),
    [
        ("增长**%。", "12.1%", "增长12.1%。"),  # not 12.1%%
        ("检查**次，", "36次", "检查36次，"),  # not 36次次
        ("投资**亿元。", "5.2亿元", "投资5.2亿元。"),
        ("检查**次，", "36", "检查36次，"),
        ("由**三人", "张三", "由张三三人"),  # a name, not a figure with its unit: as typed
    ],
)
def test_a_figure_typed_with_the_unit_after_it_does_not_double_the_unit(
    text: str, value: str, filled: str
) -> None:
    """She types the figure as she reads it (12.1%, 36次) into the 数据 panel, and the
    sentence already has the unit after the **: the report said 12.1%% and 36次次."""
    from nianbao_gui.core.figures import filled_texts, find_slots

    report = Report(year=2025, sections=[Section(heading="经济发展", paragraphs=[text])])
    slot = find_slots(report)[0]
    assert filled_texts(report, [(slot, value)]) == [(slot.path, filled)]


def test_a_short_place_under_a_second_level_heading_reads_naturally() -> None:
    """体检 wrote 一（二）安全生产。 · 第1段: the first number lost its 、 and the heading kept
    its full stop, as if a sentence ended there. The numbers stand as written, the heading
    without its stop, for paragraphs and cells alike."""
    from nianbao_gui.core.checks.report import short_label

    first = Section(heading="经济发展", children=[Section(heading="安全生产。", paragraphs=["a"])])
    second = Section(heading="民生保障", paragraphs=["b"])
    third = Section(heading="基层治理", paragraphs=["c"])
    second.children = [Section(heading="社会保障", children=[third])]
    report = Report(year=2025, sections=[first, second])
    child = report.sections[0].children[0]
    child.tables.append(Table(rows=[["指标", "2025年"], ["产值", "**"]]))
    child.tables[0].after = child.paragraph_ids[0]
    report = Report.model_validate(report.model_dump())
    place = ("sections", 0, "children", 0)
    assert short_label(report, (*place, "paragraphs", 0)) == "一、（一）安全生产 · 第1段"
    assert short_label(report, (*place, "heading")) == "一、（一）安全生产 · 标题"
    cell = (*place, "tables", 0, "rows", 1, 1)
    assert short_label(report, cell) == "一、（一）安全生产 · 表1 第2行 第2列"
    deep = ("sections", 1, "children", 0, "children", 0, "paragraphs", 0)
    assert short_label(report, deep) == "二、（一）1．基层治理 · 第1段"
    assert short_label(report, ("sections", 1, "paragraphs", 0)) == "二、民生保障 · 第1段"
