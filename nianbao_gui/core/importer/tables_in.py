"""Tables of an imported report (issue 22): found in the text, lifted into the model.

The recognition of structure (structure.py) works on lines. A table goes through it as one
line, a placeholder (``PLACEHOLDER``), so no cell is ever taken for a heading or a
signature and its rows cannot be split up; once the report is built, each placeholder
paragraph of a section is replaced by its table, anchored to the paragraph before it. A
placeholder anywhere else (the opening, the closing) is written back as its rows, one
paragraph a row with the cells tab-separated, as before tables existed.

The lift is checked like the rest of the import: the report's lines afterwards must be the
lines before with each placeholder read as its table (every cell in order), else the
tables are left as rows of text.

A 表题 and a 单位 line just above a table and a 注 just below it (short lines of the usual
forms, see ``_CAPTION`` …) become the table's own caption, unit and note, so they are set as
such on export instead of as indented body text.

In a .txt, two or more lines in a row, each with a tab between two cells (not only
indentation), are a table; a row shorter than the others (its empty last cells' tabs
trimmed, as many editors do) ends in empty cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..layout import layout
from ..model import Report, Table, ensure_ids
from ..tables import row_texts, table_text

PLACEHOLDER = "\ue000表格{}\ue001"
_PLACEHOLDER = re.compile("^\ue000表格([0-9]+)\ue001$")


# "表1　主要经济指标完成情况", "附表2 …", "2025年主要指标完成情况表": short, no sentence
# end, not a lead-in ("情况见下表")
_CAPTION = re.compile(
    "^(附?表\\s*[0-9０-９一二三四五六七八九十]+[\\s\u3000．.、：:]*\\S.*|[^。；！？：:，,见]*[^下见]表)$"
)
_UNIT = re.compile("^[（(]?\\s*(计量)?单位\\s*[：:][^。；]*[）)]?$")
_NOTE = re.compile("^(注|备注|说明|资料来源|数据来源)\\s*[0-9０-９]*\\s*[：:]")
_SHORT = 40  # a caption or a unit line longer than this is a sentence


def placeholder(index: int) -> str:
    return PLACEHOLDER.format(index)


def _index(text: str) -> int | None:
    match = _PLACEHOLDER.match(text)
    return int(match.group(1)) if match else None


def _cells(line: str) -> list[str] | None:
    """A line's cells when it is a row: an interior tab (not just indentation)."""
    line = line.rstrip("\r").rstrip(" \u3000")
    if "\t" not in line.lstrip("\t"):
        return None
    return [cell.strip(" \u3000") for cell in line.split("\t")]


def find_text_tables(text: str) -> tuple[str, list[Table]]:
    """``text`` with each run of tab-separated rows replaced by a placeholder line, and the
    tables (first row the header)."""
    lines = text.split("\n")
    out: list[str] = []
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        cells = _cells(lines[i])
        j = i + 1
        if cells is not None:
            while j < len(lines) and _cells(lines[j]) is not None:
                j += 1
        if cells is None or j - i < 2:
            out.append(lines[i])
            i += 1
            continue
        rows = [_cells(line) or [] for line in lines[i:j]]
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        out.append(placeholder(len(tables)))
        tables.append(Table(rows=rows, header_rows=1))
        i = j
    return "\n".join(out), tables


def _row_lines(table: Table) -> list[str]:
    return [line.replace("\n", " ") for line in row_texts(table)]


def lift_tables(report: Report, tables: Sequence[Table]) -> tuple[int, int]:
    """Put each table where its placeholder is; (lifted, written as rows). Checked: if a
    table's text came out otherwise, the report is left with every table as rows."""
    if not tables:
        return 0, 0
    before = [block.full for block in layout(report)]
    trial = report.model_copy(deep=True)
    lifted = _lift_in_sections(trial, tables)
    rows = _rows_elsewhere(trial, tables)
    expected: list[str] = []
    for line in before:
        index = _index(line)
        if index is None or index >= len(tables):
            expected.append(line)
        elif index in lifted:
            expected.append(table_text(tables[index]))
        else:
            expected.extend(_row_lines(tables[index]))
    after = [block.full for block in layout(trial)]
    # joined: a caption, unit or note taken into its table moves from its own line into the
    # table's text, in the same order
    if "\n".join(after) != "\n".join(expected):  # never expected: the text wins over the structure
        _rows_elsewhere(report, tables, everywhere=True)
        return 0, len(tables)
    for name in type(report).model_fields:
        setattr(report, name, getattr(trial, name))
    return len(lifted), rows


def _lift_in_sections(report: Report, tables: Sequence[Table]) -> set[int]:
    lifted: set[int] = set()
    for _level, section in report.all_sections():
        found = [(i, _index(text)) for i, text in enumerate(section.paragraphs)]
        if not any(index is not None and index < len(tables) for _, index in found):
            continue
        if section.run_in and found and found[0][1] is not None:
            found = found[1:]  # the heading's own line: never a table (written as rows)
        keep_texts: list[str] = []
        keep_ids: list[str] = []
        first = 1 if section.run_in else 0  # a run-in heading's own text is never a caption
        note_for: Table | None = None
        for i, text in enumerate(section.paragraphs):
            index = _index(text)
            if index is not None and index < len(tables) and (i, index) in found:
                table = tables[index].model_copy(deep=True)
                _take_caption(table, keep_texts, keep_ids, first)
                table.after = keep_ids[-1] if keep_ids else ""
                section.tables.append(table)
                lifted.add(index)
                note_for = table if not table.note else None
                continue
            if note_for is not None and _NOTE.match(text.strip()) and "\n" not in text:
                note_for.note = text
                note_for = None
                continue
            note_for = None
            keep_texts.append(text)
            keep_ids.append(section.paragraph_ids[i])
        section.paragraphs = keep_texts
        section.paragraph_ids = keep_ids
    return lifted


def _take_caption(table: Table, texts: list[str], ids: list[str], first: int) -> None:
    """Move a unit line and then a caption from the end of ``texts`` (the paragraphs kept
    before the table; the ``first`` ones are never taken) into an empty field of ``table``."""
    for field, pattern in (("unit", _UNIT), ("caption", _CAPTION)):
        if len(texts) <= first or getattr(table, field):
            continue
        text = texts[-1]
        if len(text) <= _SHORT and "\n" not in text and pattern.match(text.strip()):
            setattr(table, field, text)
            texts.pop()
            ids.pop()


def _rows_elsewhere(report: Report, tables: Sequence[Table], everywhere: bool = False) -> int:
    """Placeholders outside a section's body (or everywhere) written back as rows."""
    count = 0

    def expand(texts: list[str]) -> list[str]:
        nonlocal count
        out: list[str] = []
        for text in texts:
            index = _index(text)
            if index is None or index >= len(tables):
                out.append(text)
            else:
                out.extend(_row_lines(tables[index]))
                count += 1
        return out

    report.opening = expand(report.opening)
    closing = report.closing
    for key in ("other_work", "shortcomings", "plans"):
        setattr(closing, key, expand(getattr(closing, key)))
    if everywhere:
        for _level, section in report.all_sections():
            section.paragraphs = expand(section.paragraphs)
    for key in ("title", "signature"):
        index = _index(getattr(report, key))
        if index is not None and index < len(tables):
            setattr(report, key, "  ".join(_row_lines(tables[index])))
            count += 1
    ensure_ids(report)  # ids of rows written as paragraphs, of the lifted tables and cells
    return count
