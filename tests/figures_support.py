"""Helpers for the 数据 table tests: edit a table's cells as Excel would, or its XML by hand
(what openpyxl will not write: an ``inf``, a formula without its result, a shared string)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl

SHEET_XML = "xl/worksheets/sheet1.xml"


def fill_cells(table: Path, values: dict[int, Any], column: int = 5) -> None:
    book = openpyxl.load_workbook(table)
    sheet = book["数据"]
    for row, value in values.items():
        sheet.cell(row=row, column=column).value = value
    book.save(table)


def table_rows(table: Path) -> list[list[Any]]:
    book = openpyxl.load_workbook(table)
    return [list(row) for row in book["数据"].iter_rows(values_only=True)]


def write_rows(table: Path, rows: list[list[Any]]) -> None:
    """The 数据 sheet's rows replaced (the hidden sheet kept)."""
    book = openpyxl.load_workbook(table)
    sheet = book["数据"]
    sheet.delete_rows(1, sheet.max_row)
    for row in rows:
        sheet.append(row)
    book.save(table)


def rewrite_part(table: Path, name: str, change: Any) -> None:
    """Rewrite one part of the zip with ``change(text) -> text`` (None: remove the part)."""
    with zipfile.ZipFile(table) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    text = parts[name].decode("utf-8") if name in parts else ""
    new = change(text)
    if new is None:
        parts.pop(name, None)
    else:
        parts[name] = new.encode("utf-8")
    with zipfile.ZipFile(table, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)


def set_cell_xml(table: Path, ref: str, xml: str) -> None:
    """Put ``xml`` (a whole ``<c …>…</c>``) where the cell ``ref`` is in the 数据 sheet."""

    def change(text: str) -> str:
        pattern = re.compile(rf'<c r="{ref}"(?:[^>]*/>|[^>]*>.*?</c>)', re.S)
        assert pattern.search(text), ref
        return pattern.sub(lambda _m: xml, text, count=1)

    rewrite_part(table, SHEET_XML, change)
