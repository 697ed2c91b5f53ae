"""What keeps tables fast to export and lay out (issue 22: within 1.5× of the same text as
paragraphs; the speed itself: benchmarks/bench_tables.py). Each shortcut must give the same
document and the same pages as the plain way (test_tables_export.py, test_tables_pages.py)."""

from __future__ import annotations

import time

import docx

from nianbao_gui.core.export.word.styles import style_specs
from nianbao_gui.core.export.word.table_xml import write_table
from nianbao_gui.core.export.word.writer import _Builder
from nianbao_gui.core.model import Table
from nianbao_gui.core.typeset import ExportOptions


def _into_ms(rows: int) -> float:
    """The fastest of three: a table of ``rows`` rows put into a new document."""
    builder = _Builder(style_specs(ExportOptions()))
    table = Table(rows=[["指标", "2024年", "2025年", "增幅"]] * rows)
    write_table(builder.parts, table, builder.cell, 20.0)
    best = float("inf")
    for _ in range(3):
        document = docx.Document()
        start = time.perf_counter()
        builder.into(document)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def test_a_long_table_goes_into_the_document_in_linear_time() -> None:
    """lxml fixes the namespaces of a moved element in a time growing with the square of
    its nodes unless it declares ``w:`` itself (writer._Builder.into): 4× the rows took
    15× the time (a 30-row table as long to move as to parse). Linear: about 4×."""
    small, large = _into_ms(150), _into_ms(600)
    assert large < 8 * small, (small, large)
