"""数据.xlsx: the figure slots as a spreadsheet colleagues fill in, and reading it back.

Columns 位置, 前文, 占位, 后文, 填写, 说明; one row per slot. Only 填写 is meant to be
edited: the other columns are how a value finds its slot again (figures.match_rows).
openpyxl is imported here only, when a spreadsheet is written or read.
"""

from __future__ import annotations

import datetime as _dt
import io
from pathlib import Path
from typing import Any

from .atomic import atomic_write_bytes
from .errors import FileAccessError, NianbaoError
from .figures import Row, Slot, cell_text
from .fileinfo import not_a_regular_file

HEADERS = ("位置", "前文", "占位", "后文", "填写", "说明")
_WIDTHS = (38, 26, 8, 26, 16, 16)
SHEET = "数据"


class FiguresFileError(NianbaoError):
    """The spreadsheet cannot be written or read."""


def write_xlsx(slots: list[Slot], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet: Any = book.active
    sheet.title = SHEET
    sheet.append(HEADERS)
    for slot in slots:
        texts = (slot.place, slot.before, slot.placeholder, slot.after)
        sheet.append([*map(cell_text, texts), "", slot.hint])
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    fill = PatternFill("solid", fgColor="FFF2CC")  # the column to fill, as in paper forms
    for row in range(2, len(slots) + 2):
        cell = sheet.cell(row=row, column=5)
        cell.fill = fill
        cell.number_format = "@"  # text: 3.50 stays 3.50, 0012 stays 0012
    for index, width in enumerate(_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    for row in sheet.iter_rows(min_row=2, max_col=4):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that begins with = is text, not a formula
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    try:  # whole or not at all: a full disk must not leave half a table over the old one
        atomic_write_bytes(path, buffer.getvalue())
    except FileAccessError as error:
        raise FiguresFileError(f"表格没有导出。{error.what}", error.todo, path=path) from error


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (_dt.date, _dt.datetime)):  # Excel turned 2025/3/5 into a date
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel keeps 1200 as 1200.0
    return str(value)


def _check_readable(path: Path) -> None:
    """Refuse what is no file before openpyxl opens it: a pipe would wait for ever for a
    writer, a device such as /dev/zero never ends."""
    try:
        info = path.stat()
    except FileNotFoundError as error:
        raise FiguresFileError(
            f"找不到表格 {path}。", "文件可能已被移动、改名或删除，请重新选择。", path=path
        ) from error
    except OSError as error:
        raise FiguresFileError(
            f"无法读取表格 {path}：{error.strerror or error}。", "请检查文件是否存在。", path=path
        ) from error
    kind = not_a_regular_file(info)
    if kind is not None:
        raise FiguresFileError(
            f"{path} 是{kind}，不是表格文件，没有读取它。",
            "请选择 nianbao figures 导出、填好的 .xlsx 表格。",
            path=path,
        )


def read_xlsx(path: Path) -> list[Row]:
    """The rows of a filled spreadsheet (header checked)."""
    from openpyxl import load_workbook

    _check_readable(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise FiguresFileError(
            f"无法读取表格 {path}：{error.strerror or error}。", "请检查文件是否存在。", path=path
        ) from error
    except Exception as error:  # openpyxl raises several kinds for a file that is no .xlsx
        raise FiguresFileError(
            f"{path.name} 不是能读取的 Excel 表格（.xlsx）。",
            "请用 Excel 或 WPS 打开后“另存为” .xlsx 格式，再填入。",
            path=path,
        ) from error
    try:
        sheet: Any = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
    finally:
        book.close()
    if not rows or tuple(_text(cell) for cell in rows[0][: len(HEADERS)]) != HEADERS:
        raise FiguresFileError(
            f"{path.name} 的第一行不是“{'、'.join(HEADERS)}”。",
            "请使用 nianbao figures 导出的表格，只在“填写”一栏填数。",
            path=path,
        )
    found = []
    for number, cells in enumerate(rows[1:], start=2):
        values = [_text(cell) for cell in (*cells, *[None] * len(HEADERS))[: len(HEADERS)]]
        if not any(values):
            continue
        found.append(Row(number, values[0], values[1], values[2], values[3], values[4]))
    return found


def check_replaceable(path: Path) -> None:
    """Refuse to write a blank table over ``path`` when that would lose something: a table
    already filled in (the colleagues' figures), or a file that is no such table. A blank
    table of ours (exported again after the draft changed) may be replaced."""
    if not path.exists():
        return
    try:
        rows = read_xlsx(path)
    except FiguresFileError as error:
        raise FiguresFileError(
            f"{path} 已经存在，而且不是待填数据的表格，没有覆盖它。",
            "请用 -o 指定另一个文件名（.xlsx）。",
            path=path,
        ) from error
    filled = sum(1 for row in rows if row.value.strip())
    if filled:
        raise FiguresFileError(
            f"表格 {path} 中已经填了 {filled} 处，没有覆盖它。",
            "请先用 --fill 把它填入草稿，或用 -o 指定另一个文件名（.xlsx）。",
            path=path,
        )
