"""Tables in an imported report (issue 22 item 3): a Word table becomes a table in its place
with its merged cells; tab-separated rows of a .txt become a table; the note counts them;
the no-text-lost check covers the cells."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from nianbao_gui.core.importer import tables_in
from nianbao_gui.core.importer.api import import_report, import_text
from nianbao_gui.core.layout import to_plain_text
from nianbao_gui.core.model import Merge
from nianbao_gui.core.tables import body


def _indicator_docx(path: Path, merged: bool) -> Path:
    document = docx.Document()
    document.add_paragraph("2025年度述职报告")
    document.add_paragraph("一、经济发展")
    document.add_paragraph("今年全镇经济平稳增长，主要指标如下。")
    rows = [["指标", "2024年", "2025年"], ["地区生产总值（亿元）", "28.6", "30.4"]]
    rows.append(["增幅", "6.2%", "**"])
    table = document.add_table(rows=4 if merged else 3, cols=3)
    if merged:  # 指标 over two rows, 年度 over two columns
        table.cell(0, 0).merge(table.cell(1, 0)).text = "指标"
        table.cell(0, 1).merge(table.cell(0, 2)).text = "年度"
        table.cell(1, 1).text, table.cell(1, 2).text = "2024年", "2025年"
        rows = rows[1:]
    for r, row in enumerate(rows, start=2 if merged else 0):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("表中数字均为快报数。")
    document.add_paragraph("二、其他工作")
    document.add_paragraph("其他。")
    document.save(str(path))
    return path


def test_a_word_3x3_table_is_a_table_in_its_place(tmp_path: Path) -> None:
    result = import_report(_indicator_docx(tmp_path / "报告.docx", merged=False))
    section = result.report.sections[0]
    assert section.paragraphs == ["今年全镇经济平稳增长，主要指标如下。", "表中数字均为快报数。"]
    assert body(section) == [("paragraph", 0), ("table", 0), ("paragraph", 1)]
    table = section.tables[0]
    assert table.rows[1] == ["地区生产总值（亿元）", "28.6", "30.4"]
    assert table.header_rows == 1 and table.merges == []
    assert "读到 1 个表格" in "".join(result.notes)
    assert "增幅\t6.2%\t**" in to_plain_text(result.report)


def test_a_merged_header_keeps_its_merges(tmp_path: Path) -> None:
    table = import_report(_indicator_docx(tmp_path / "报告.docx", merged=True)).report
    table_ = table.sections[0].tables[0]
    assert table_.rows[:2] == [["指标", "年度", ""], ["", "2024年", "2025年"]]
    assert table_.merges == [
        Merge(top=0, left=0, height=2, width=1),
        Merge(top=0, left=1, height=1, width=2),
    ]
    assert table_.header_rows == 2


def test_tab_separated_rows_of_a_txt_are_a_table(tmp_path: Path) -> None:
    path = tmp_path / "报告.txt"
    text = "一、经济发展\n正文。\n指标\t2024年\t2025年\n产值\t1\t2\n\t3\t4\n后文。\n"
    path.write_text(text, encoding="utf-8")
    result = import_report(path)
    section = result.report.sections[0]
    assert section.paragraphs == ["正文。", "后文。"]
    assert section.tables[0].rows == [
        ["指标", "2024年", "2025年"],
        ["产值", "1", "2"],
        ["", "3", "4"],
    ]
    assert "读到 1 个表格" in "".join(result.notes)


@pytest.mark.parametrize(
    "text",
    [
        "一、甲\n\t缩进的一段。\n\t缩进的又一段。\n",  # indentation is not a column
        "一、甲\n指标\t2024年\n正文。\n",  # one row alone
    ],
)
def test_what_is_not_a_table_stays_text(text: str) -> None:
    result = import_text(text)
    assert result.report.sections[0].tables == []
    assert not any("表格" in note for note in result.notes)


def test_a_table_in_the_opening_is_written_as_rows_with_a_note() -> None:
    result = import_text("开篇一段。\n甲\t乙\n1\t2\n一、标题\n正文。\n")
    assert result.report.opening[1:] == ["甲\t乙", "1\t2"]
    assert "按行并入正文" in "".join(result.notes)


def test_the_no_text_lost_check_covers_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    # a lift that would lose a cell's text (here: the check's idea of the table differs)
    # leaves the table as rows of text: no character is lost
    monkeypatch.setattr(tables_in, "table_text", lambda table: "少了一格")
    result = import_text("一、甲\n正文。\n指标\t2024年\n产值\t1\n")
    assert result.report.sections[0].tables == []
    assert result.report.sections[0].paragraphs == ["正文。", "指标\t2024年", "产值\t1"]


def test_the_caption_unit_and_note_around_a_word_table_become_the_tables(tmp_path: Path) -> None:
    """A Word 指标表 has its 表题 and 单位 above it and its 注 below, as paragraphs: they
    become the table's caption, unit and note (exported centred, right-aligned, under the
    table), not body paragraphs indented as text. Found by the QA pass of issue 22."""
    document = docx.Document()
    document.add_paragraph("2025年度述职报告")
    document.add_paragraph("一、经济发展")
    document.add_paragraph("主要指标完成情况见下表。")
    document.add_paragraph("表1　主要经济指标完成情况")
    document.add_paragraph("单位：万元")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([["指标", "2025年"], ["产值", "**"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("注：2025年数据为快报数。")
    document.add_paragraph("全年经济平稳。")
    document.add_paragraph("二、其他工作")
    document.add_paragraph("其他。")
    document.save(str(tmp_path / "报告.docx"))
    section = import_report(tmp_path / "报告.docx").report.sections[0]
    assert section.paragraphs == ["主要指标完成情况见下表。", "全年经济平稳。"]
    table_ = section.tables[0]
    assert (table_.caption, table_.unit, table_.note) == (
        "表1　主要经济指标完成情况",
        "单位：万元",
        "注：2025年数据为快报数。",
    )
    assert body(section) == [("paragraph", 0), ("table", 0), ("paragraph", 1)]
    notes = "".join(import_report(tmp_path / "报告.docx").notes)
    assert "表题、单位或下方的“注”已放入表格" in notes


@pytest.mark.parametrize(
    "before",
    [
        "主要指标完成情况见下表：",  # a sentence leading to the table, not its caption
        "全镇经济平稳增长，各项指标完成情况较好，详见表格。",
        "主要指标完成情况见下表",
    ],
)
def test_a_sentence_before_a_table_stays_a_paragraph(before: str) -> None:
    text = f"2025年度述职报告\n一、经济发展\n{before}\n指标\t2025年\n产值\t30\n二、其他\n其他。"
    section = import_text(text).report.sections[0]
    assert section.paragraphs == [before]
    assert section.tables[0].caption == ""
