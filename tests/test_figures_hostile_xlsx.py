"""Malformed and hostile 数据 tables (issue 18 item 12): each is refused in Chinese, quickly,
before openpyxl inflates it; refusals are summarised (the first 20, then 等 N 行)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import openpyxl
import pytest
from figures_support import (
    fill_cells,
    repeated_part,
    rewrite_part,
    set_cell_xml,
    with_shared_strings,
    write_zip,
    zip_parts,
)

from nianbao_gui import cli
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.storage import load_draft, save_draft

SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "草稿.json"
    report = Report(year=2025, sections=[Section(heading="发展", paragraphs=["完成播种**亩。"])])
    save_draft(report, path)
    return path


@pytest.fixture
def table(tmp_path: Path, draft: Path) -> Path:
    path = tmp_path / "数据.xlsx"
    assert cli.main(["figures", str(draft), "-o", str(path)]) == cli.EXIT_OK
    fill_cells(path, {2: "800"})
    return path


def _refused(draft: Path, table: Path, capsys: pytest.CaptureFixture[str]) -> str:
    out = draft.with_name("已填.json")
    started = time.monotonic()
    code = cli.main(["figures", str(draft), "--fill", str(table), "-o", str(out)])
    elapsed = time.monotonic() - started
    err = capsys.readouterr().err
    assert code == 1, err
    assert elapsed < 2, elapsed
    assert "意外问题" not in err and "Traceback" not in err
    assert not out.exists()
    return err


def test_a_chartsheet_named_like_the_table(tmp_path: Path, draft: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "图表.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["位置", "前文", "占位", "后文", "填写", "说明"])
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.add_data(Reference(book.active, min_col=1, min_row=1, max_col=6))
    book.create_chartsheet("数据").add_chart(chart)
    book.save(path)
    assert "没有“数据”工作表" in _refused(draft, path, capsys)


def test_a_workbook_without_sheets(draft: Path, table: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rewrite_part(
        table, "xl/workbook.xml", lambda text: re.sub(r"<sheets>.*</sheets>", "<sheets/>", text)
    )
    assert "表格" in _refused(draft, table, capsys)


def test_a_missing_sheet_part(draft: Path, table: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rewrite_part(table, SHEET, lambda _text: None)
    assert "表格" in _refused(draft, table, capsys)


def test_a_bad_shared_string_index(draft: Path, table: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    set_cell_xml(table, "E2", '<c r="E2" t="s"><v>99</v></c>')
    parts = with_shared_strings(
        zip_parts(table),
        b'<sst xmlns="http://schemas.openxmlformats.'
        b'org/spreadsheetml/2006/main"><si><t>1</t></si></sst>',
    )
    write_zip(table, parts)
    assert "表格" in _refused(draft, table, capsys)


def test_a_zip_bomb_of_shared_strings(draft: Path, table: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """2,500,000 × <si><t>A×1000</t></si>: 2.5 GB inflated, about 5.4 MB on disk."""
    strings = repeated_part(
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
        (b"<si><t>" + b"A" * 1000 + b"</t></si>") * 1000,
        2500,
        b"</sst>",
    )
    write_zip(table, with_shared_strings(zip_parts(table), strings))
    assert 4_000_000 < table.stat().st_size < 7_000_000
    assert "解压后" in _refused(draft, table, capsys)


def test_thirty_million_rows(draft: Path, table: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    parts = zip_parts(table)
    sheet = parts[SHEET]
    assert isinstance(sheet, bytes)
    head, tail = sheet.split(b"</sheetData>")
    parts[SHEET] = repeated_part(
        head, b'<row><c t="inlineStr">x</c></row>' * 30_000, 1000, b"</sheetData>" + tail
    )
    write_zip(table, parts)
    assert "解压后" in _refused(draft, table, capsys)


def _many_rows(table: Path, count: int, value: str = "1") -> None:
    """``count`` rows with 位置/前文/占位/填写 filled, written as XML (openpyxl is slow)."""
    parts = zip_parts(table)
    sheet = parts[SHEET]
    assert isinstance(sheet, bytes)
    head, tail = sheet.split(b"</sheetData>")
    head = re.sub(rb'<row r="2".*', b"", head, flags=re.S)
    head = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:H%d"/>' % (count + 1), head)
    rows = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c>'
        b'<c r="B%d" t="inlineStr"><is><t>y</t></is></c>'
        b'<c r="C%d" t="inlineStr"><is><t>**</t></is></c>'
        b'<c r="E%d" t="inlineStr"><is><t>%s</t></is></c></row>' % (n, n, n, n, n, value.encode())
        for n in range(2, count + 2)
    )
    parts[SHEET] = head + rows + b"</sheetData>" + tail
    write_zip(table, parts)


def test_a_hundred_thousand_filled_rows(draft: Path, table: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _many_rows(table, 100_000)
    assert "不像是导出的数据表格" in _refused(draft, table, capsys)


def test_rows_are_bounded(draft: Path, table: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _many_rows(table, 25_000)  # small enough to pass the size check
    assert "超过 20000 行" in _refused(draft, table, capsys)


def test_refusals_are_summarised(draft: Path, table: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _many_rows(table, 500)
    out = draft.with_name("已填.json")
    code = cli.main(["figures", str(draft), "--fill", str(table), "-o", str(out)])
    assert code == cli.EXIT_FINDINGS
    err = capsys.readouterr().err
    listed = [line for line in err.splitlines() if line.startswith("  未填入：第")]
    assert len(listed) == 20
    assert "等 500 行" in err
    assert load_draft(out).sections[0].paragraphs == ["完成播种**亩。"]
