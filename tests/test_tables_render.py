"""Render check of tables (issue 22 item 5): exported, converted by LibreOffice, measured in
the PDF. Every character of every cell on paper; the table spans the 156 mm text block
within 1 mm, centred; the header rows repeat on the next page of a table that spans two."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from render_support import BLOCK_LEFT, PT_PER_MM, Page, read_pages, soffice, squeeze, to_pdfs
from test_tables_export import merged_table, report_with

from nianbao_gui.core.export import export_docx
from nianbao_gui.core.model import Report, Table
from nianbao_gui.core.tables import covered

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(
        soffice() is None and not os.environ.get("CI"), reason="LibreOffice is not installed"
    ),
]


def long_table() -> Table:
    rows = [["村名", "户数", "人口（人）"]]
    rows += [[f"第{i}村民小组", str(100 + i), f"{1000 + i * 7}"] for i in range(60)]
    return Table(caption="各村基本情况", rows=rows)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path, list[Page]]:
    folder = tmp_path_factory.mktemp("tables")
    report = report_with(merged_table(), long_table())
    docx = folder / "表格.docx"
    export_docx(report, docx)
    pdf = to_pdfs([docx], folder)[0]
    return report, pdf, read_pages(pdf)


def test_every_character_of_every_cell_is_on_paper(
    rendered: tuple[Report, Path, list[Page]],
) -> None:
    report, _, pages = rendered
    paper = Counter(squeeze("".join(line.text for page in pages for line in page.body)))
    for table in report.sections[0].tables:
        hidden = covered(table)
        texts = [table.caption, table.unit, table.note]
        texts += [
            t for r, row in enumerate(table.rows) for c, t in enumerate(row) if (r, c) not in hidden
        ]
        missing = {c: n for c, n in Counter(squeeze("".join(texts))).items() if paper[c] < n}
        assert not missing, missing


def test_the_table_spans_the_text_block_within_a_millimetre(
    rendered: tuple[Report, Path, list[Page]],
) -> None:
    import pdfplumber

    _, pdf, _ = rendered
    measured = 0
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            rules = [edge for edge in page.edges if edge["orientation"] == "h"]
            if not rules:
                continue
            measured += 1
            left = min(float(edge["x0"]) for edge in rules)
            right = max(float(edge["x1"]) for edge in rules)
            assert abs((right - left) / PT_PER_MM - 156) <= 1
            assert abs(left - BLOCK_LEFT) / PT_PER_MM <= 1  # centred in the block
    assert measured >= 2  # the table's rules on both its pages


def test_the_header_repeats_on_the_next_page(rendered: tuple[Report, Path, list[Page]]) -> None:
    _, _, pages = rendered
    assert len(pages) >= 2
    tops = [squeeze(page.body[0].text) for page in pages[1:]]
    assert tops[0] == "村名户数人口（人）"
    on_paper = squeeze("".join(line.text for page in pages for line in page.body))
    for i in range(60):  # each row once, none split or lost
        assert on_paper.count(f"第{i}村民小组{100 + i}") == 1
