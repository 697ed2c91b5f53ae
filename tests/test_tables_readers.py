"""Everything that reads text reads the cells of tables (issue 22 item 4): 体检, the 数据
panel and its .xlsx, find and replace, 对比去年, ``nianbao show --text``, character counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from figures_support import fill_cells, table_rows

from nianbao_gui import cli
from nianbao_gui.core.checks.runner import check_report
from nianbao_gui.core.checks.same_as_last import compare
from nianbao_gui.core.fields import get_text, set_text
from nianbao_gui.core.figures import find_slots
from nianbao_gui.core.layout import layout, to_plain_text
from nianbao_gui.core.model import Report, Section, Table
from nianbao_gui.core.outline import char_count
from nianbao_gui.core.search import find_all, replace_all
from nianbao_gui.core.storage import load_draft, save_draft

CELL = ("sections", 0, "tables", 0, "rows", 2, 1)  # 表1 第3行 第2列


def report_with_table(cell: str = "**", year: int = 2025) -> Report:
    section = Section(heading="经济发展", paragraphs=["主要指标如下。", "其他工作。"])
    report = Report(year=year, sections=[section])
    rows = [["指标", f"{year - 1}年", f"{year}年"], ["地区生产总值（亿元）", "28.6", "30.4"]]
    rows.append(["财政收入（万元）", cell, "1200"])
    table = Table(caption="主要经济指标", rows=rows, after=section.paragraph_ids[0])
    section.tables.append(table)
    return Report.model_validate(report.model_dump())


def test_checks_find_a_placeholder_in_a_cell_with_the_cell_as_its_place() -> None:
    findings = [f for f in check_report(report_with_table()) if f.path == CELL]
    assert any(f.code == "placeholder.stars" for f in findings)


def test_checks_find_punctuation_and_typos_in_cells_but_want_no_closing_mark() -> None:
    report = report_with_table("1,200，，")
    codes = {f.code for f in check_report(report) if f.path == CELL}
    assert any(code.startswith("punct") for code in codes), codes
    # a cell without a closing mark is normal
    plain = report_with_table("1200")
    assert not [f for f in check_report(plain) if f.path == CELL]


def test_a_leftover_year_in_a_cell_is_found() -> None:
    report = report_with_table("2023年数据")
    findings = [f for f in check_report(report) if f.path == CELL]
    assert any("2023" in f.message for f in findings), findings


def test_the_figures_panel_lists_a_cell_with_its_place() -> None:
    slots = [slot for slot in find_slots(report_with_table()) if slot.path == CELL]
    assert len(slots) == 1
    assert "表1 第3行 第2列" in slots[0].place


def test_the_xlsx_round_trip_fills_a_cell(tmp_path: Path) -> None:
    draft, table, out = tmp_path / "草稿.json", tmp_path / "数据.xlsx", tmp_path / "填好.json"
    save_draft(report_with_table(), draft)
    assert cli.main(["figures", str(draft), "-o", str(table)]) == cli.EXIT_OK
    rows = table_rows(table)
    number = next(i for i, row in enumerate(rows, start=1) if "表1 第3行 第2列" in str(row))
    fill_cells(table, {number: "1150"})
    code = cli.main(["figures", str(draft), "--fill", str(table), "-o", str(out)])
    assert code == cli.EXIT_OK
    assert get_text(load_draft(out), CELL) == "1150"


def test_the_xlsx_fills_the_cell_after_its_row_moved(tmp_path: Path) -> None:
    draft, table, out = tmp_path / "草稿.json", tmp_path / "数据.xlsx", tmp_path / "填好.json"
    save_draft(report_with_table(), draft)
    assert cli.main(["figures", str(draft), "-o", str(table)]) == cli.EXIT_OK
    rows = table_rows(table)
    number = next(i for i, row in enumerate(rows, start=1) if "表1 第3行 第2列" in str(row))
    fill_cells(table, {number: "1150"})
    report = load_draft(draft)  # 上移 the row in the window: cells keep their ids
    grid = report.sections[0].tables[0]
    grid.rows = [grid.rows[0], grid.rows[2], grid.rows[1]]
    grid.cell_ids = [grid.cell_ids[0], grid.cell_ids[2], grid.cell_ids[1]]
    save_draft(report, draft)
    assert cli.main(["figures", str(draft), "--fill", str(table), "-o", str(out)]) == cli.EXIT_OK
    filled = load_draft(out).sections[0].tables[0]
    assert filled.rows[1] == ["财政收入（万元）", "1150", "1200"]


def test_find_and_replace_all_reach_cells() -> None:
    report = report_with_table()
    assert CELL in [match.path for match in find_all(report, "**")]
    changes, count = replace_all(report, "**", "1150")
    assert count == 1 and changes == [(CELL, "1150")]
    for path, text in changes:
        set_text(report, path, text)
    assert report.sections[0].tables[0].rows[2][1] == "1150"


def test_same_as_last_year_finds_an_unchanged_figure_cell() -> None:
    last = report_with_table("1100", year=2024)
    last.sections[0].tables[0].rows[1] = ["地区生产总值（亿元）", "26.9", "28.6"]
    this = report_with_table("1100", year=2025)
    paths = [f.path for f in compare(this, last) if f.code == "same.figure"]
    # 1100 and 1200 in the 本年 column as last year; last year's 本年 28.6 as this 上年: right
    assert paths == [CELL, (*CELL[:-1], 2)]
    changed = report_with_table("1150", year=2025)
    assert not [f for f in compare(changed, last) if f.path == CELL]


def test_show_text_writes_rows_tab_separated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "草稿.json"
    save_draft(report_with_table(), draft)
    assert cli.main(["show", str(draft), "--text"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines.index("指标\t2024年\t2025年") == lines.index("主要指标如下。") + 2  # 表题 between
    assert "财政收入（万元）\t**\t1200" in lines
    assert to_plain_text(report_with_table()).count("\t") == 6


def test_character_counts_include_cells() -> None:
    with_table = report_with_table()
    without = with_table.model_copy(deep=True)
    without.sections[0].tables = []
    cells = "主要经济指标指标2024年2025年地区生产总值（亿元）28.630.4财政收入（万元）**1200"
    total = sum(char_count(b.full) for b in layout(with_table))
    rest = sum(char_count(b.full) for b in layout(without))
    assert total - rest == char_count(cells)


def test_last_years_column_header_is_not_a_leftover_year() -> None:
    header = ("sections", 0, "tables", 0, "rows", 0, 1)  # 2024年 in a 2025 report
    assert not [f for f in check_report(report_with_table("1200")) if f.path == header]
