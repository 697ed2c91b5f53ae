"""Tables in the program's own page layout (issue 22 item 6): the export's column widths,
row heights from the wrapped cell text, header rows repeated after a page break, rows never
split, a 表题 kept with its table, lines after a table following it off the grid; and the
program's PDF agrees with LibreOffice's rendering of the .docx (same page count, each row
on the same page)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pages_support import render_metrics
from render_support import FONTS_CONF, PT_PER_MM, read_pages, soffice, squeeze, to_pdfs
from test_tables_export import merged_table, report_with

from nianbao_gui.core.export import ExportOptions, export_docx
from nianbao_gui.core.model import Report, Table
from nianbao_gui.core.pages import NominalMetrics, paginate
from nianbao_gui.core.pages.fonts import font_files
from nianbao_gui.core.pages.pdf import render_pdf
from nianbao_gui.core.tables import column_twips

render = pytest.mark.skipif(
    soffice() is None and not os.environ.get("CI"), reason="LibreOffice is not installed"
)


def village_table(rows: int = 60, caption: str = "各村基本情况") -> Table:
    cells = [["村名", "户数", "人口（人）"]]
    cells += [[f"第{i}村民小组", str(100 + i), f"{1000 + i * 7}"] for i in range(rows)]
    return Table(caption=caption, rows=cells)


def two_tables() -> Report:
    return report_with(merged_table(), village_table())


def test_header_rows_repeat_on_the_next_page_and_rows_are_whole() -> None:
    laid = paginate(two_tables(), NominalMetrics())
    assert len(laid.pages) >= 2
    second = laid.pages[1].table_rows
    assert second[0][1:] == (0, True)  # the header row, repeated
    placed = [(p, row) for page in laid.pages for p, row, again in page.table_rows if not again]
    assert len(placed) == len(set(placed)) == 4 + 61  # every row once
    for page in laid.pages:
        text = [
            line for line in page.lines if laid.paragraphs[line.paragraph].role.value != "table"
        ]
        assert all(line.slot + 1 <= 22 + 1e-6 for line in text)


def test_columns_are_the_exports() -> None:
    table = village_table()
    laid = paginate(report_with(table), NominalMetrics())
    lefts = sorted({round(x0, 2) for x0, y0, x1, y1 in laid.pages[0].rules if x0 == x1})
    twips = column_twips(table)
    width = laid.geometry.block_width
    expected = [round(sum(twips[:c]) * width / sum(twips), 2) for c in range(len(twips) + 1)]
    assert lefts == expected


def test_a_long_cell_wraps_and_makes_its_row_taller() -> None:
    table = Table(rows=[["指标", "说明"], ["产值", "说明" * 40]])
    laid = paginate(report_with(table), NominalMetrics())
    cell_lines = sorted(
        (line.slot, span.text)
        for line in laid.pages[0].lines
        for span in line.spans
        if set(span.text) == {"说", "明"}
    )[1:]  # the header's 说明 first
    assert len(cell_lines) >= 3
    assert "".join(text for _, text in cell_lines) == "说明" * 40


def test_a_caption_at_the_foot_of_a_page_goes_with_its_table() -> None:
    report = report_with(village_table(3))
    section = report.sections[0]
    section.paragraphs[0] = "一" * 28 * 17  # the caption would stand on the last line
    laid = paginate(Report.model_validate(report.model_dump()), NominalMetrics())
    caption = next(
        line for page in laid.pages for line in page.lines if line.text == "各村基本情况"
    )
    first_row = next(page.number for page in laid.pages if page.table_rows)
    assert caption.page == first_row


def test_lines_after_a_table_follow_it_off_the_grid() -> None:
    laid = paginate(report_with(merged_table()), NominalMetrics())
    after = next(line for line in laid.pages[0].lines if line.text == "其他。")
    assert after.slot != int(after.slot)


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[list, list, object]:  # type: ignore[type-arg]
    folder = tmp_path_factory.mktemp("table-pages")
    report = two_tables()
    docx = folder / "表格.docx"
    export_docx(report, docx)
    theirs = read_pages(to_pdfs([docx], folder)[0])
    fonts = font_files(ExportOptions().font_set, fontconfig_file=str(FONTS_CONF))
    ours_pdf = folder / "ours.pdf"
    ours_pdf.write_bytes(render_pdf(report, fonts=fonts)[0])
    return theirs, read_pages(ours_pdf), ours_pdf


def _row_pages(pages: list) -> dict[int, int]:  # type: ignore[type-arg]
    found = {}
    for page in pages:
        text = squeeze("".join(line.text for line in page.body))
        for i in range(60):
            if f"第{i}村民小组" in text:
                found[i] = page.number
    return found


@render
def test_the_programs_pdf_agrees_with_libreoffice(both: tuple[list, list, Path]) -> None:  # type: ignore[type-arg]
    theirs, ours, _ = both
    assert len(ours) == len(theirs)
    assert _row_pages(ours) == _row_pages(theirs)
    assert len(_row_pages(ours)) == 60
    tops = [squeeze(page.body[0].text) for page in ours[1:] if page.body]
    assert tops[0].startswith("村名")  # the header repeated


@render
def test_the_programs_pdf_draws_the_table_across_the_block(both: tuple[list, list, Path]) -> None:  # type: ignore[type-arg]
    import pdfplumber

    _, _, pdf = both
    with pdfplumber.open(pdf) as document:
        rules = [e for e in document.pages[0].edges if e["orientation"] == "h"]
        width = max(float(e["x1"]) for e in rules) - min(float(e["x0"]) for e in rules)
    assert abs(width / PT_PER_MM - 156) <= 1


def test_metrics_from_the_fonts_give_libreoffices_row_heights() -> None:
    from nianbao_gui.core.pages.table_rows import lay_table

    laid = lay_table(village_table(2), render_metrics(), 442.2, 14)
    # measured in LibreOffice 7.4 with tests/fonts/fonts.conf: a one-line row is the least
    # height, 1.8 × 14 pt (w:trHeight atLeast, rules included); before it, 19.4 pt (黑体) and
    # 15.2 pt (仿宋): the text touched the rules
    assert abs(laid.rows[0].height - 25.2) < 0.05
    assert abs(laid.rows[1].height - 25.2) < 0.05
    long = (
        "这一格的文字很长，要在格子里折成好几行才能放得下，"
        "看看每一行有多高，和程序自己算的是不是一样高。"
    )
    table = Table(rows=[["村名", "说明"], ["一村", long]])
    two_lines = lay_table(table, render_metrics(), 442.2, 14)
    assert abs(two_lines.rows[1].height - 30.0) < 0.3  # LibreOffice: 30.0 pt (2 × 14.75 + 0.5)


def test_a_header_row_alone_at_a_page_foot_is_reported() -> None:
    from nianbao_gui.core.checks.pages import TABLE_HEADER_AT_PAGE_END, check_pages

    def report(lines: int) -> Report:
        draft = report_with(village_table(5, caption=""))
        draft.sections[0].paragraphs[0] = "一" * 28 * lines
        return Report.model_validate(draft.model_dump())

    alone = [f for f in check_pages(report(17)) if f.code == TABLE_HEADER_AT_PAGE_END]
    assert len(alone) == 1
    assert alone[0].path == ("sections", 0, "tables", 0, "rows", 0, 0)
    assert "第 1 页" in alone[0].message
    for lines in (15, 16, 18):  # header with rows, or the whole table on the next page
        assert not [f for f in check_pages(report(lines)) if f.code == TABLE_HEADER_AT_PAGE_END]
