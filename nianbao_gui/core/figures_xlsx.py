"""数据.xlsx: the figure slots as a spreadsheet colleagues fill in, and reading it back.

Columns 位置, 前文, 占位, 后文, 填写, 说明; one row per slot. Only 填写 is meant to be
edited. Two hidden columns carry each slot's identity (编号: draft, paragraph, offset) and its
paragraph as exported (原文), and a hidden sheet names the draft (whose, which report): a
value goes to its own slot only (figures_match.py), and a table of another draft is refused.

A table comes from outside: before openpyxl opens it, its size, its zip's declared sizes and
ratios are checked (as the .docx import does), the rows read are bounded, and whatever
openpyxl raises on a damaged file becomes a refusal in Chinese. Cell values that are no
figures are refused with the reason (figures_values.py).
openpyxl is imported here only, when a spreadsheet is written or read.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import limits
from .atomic import atomic_write_bytes
from .errors import FileAccessError, NianbaoError
from .figures import Slot, cell_text
from .figures_match import Row, TableInfo, slot_key
from .figures_values import cell_value, plain
from .fileinfo import not_a_regular_file

HEADERS = ("位置", "前文", "占位", "后文", "填写", "说明")
HIDDEN = ("编号", "原文")  # columns G, H: what the row is, for the program only
_WIDTHS = (38, 26, 8, 26, 16, 16)
SHEET = "数据"
INFO_SHEET = "草稿"
_INFO_KEYS = {"草稿编号": "draft_id", "姓名": "author", "报告": "title"}
_CELL_CHARS = 32_767  # what an Excel cell holds: a longer text would come back cut
_MAX_MEMBERS = 1000
_MAX_RATIO, _RATIO_FLOOR = 100, 5 * 1024 * 1024
_TODO = "请使用 nianbao figures 导出的表格（.xlsx），只在“填写”一栏填数。"


class FiguresFileError(NianbaoError):
    """The spreadsheet cannot be written or read."""


def export_cells(slot: Slot, info: TableInfo) -> list[str]:
    """The row of ``slot``: 位置 前文 占位 后文, 填写 (empty), 说明, and the hidden 编号 and
    原文 (the paragraph as exported, when a cell holds it as it is; else the words around)."""
    texts = (slot.place, slot.before, slot.placeholder, slot.after)
    fits = cell_text(slot.text) == slot.text and len(slot.text) <= _CELL_CHARS
    whole = slot.text if fits else ""
    key = slot_key(info.draft_id, slot.key, slot.start) if slot.key else ""
    hint = f"{slot.cell}：{slot.hint}" if slot.cell else slot.hint  # which figure, for the 站所
    return [*map(cell_text, texts), "", cell_text(hint), key, whole]


def write_xlsx(slots: list[Slot], path: Path, info: TableInfo | None = None) -> None:
    """The table of ``slots``; ``info`` names the draft they are of (its id goes into each
    row's 编号)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    info = info or TableInfo()
    book = Workbook()
    sheet: Any = book.active
    sheet.title = SHEET
    sheet.append([*HEADERS, *HIDDEN])
    for slot in slots:
        sheet.append(export_cells(slot, info))
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
    for column in ("G", "H"):
        sheet.column_dimensions[column].hidden = True
    for row in sheet.iter_rows(min_row=2, max_col=8):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that begins with = is text, not a formula
    sheet.freeze_panes = "A2"
    about: Any = book.create_sheet(INFO_SHEET)
    for label, name in _INFO_KEYS.items():
        about.append([label, cell_text(getattr(info, name))])
    for row in about.iter_rows():
        for cell in row:
            cell.data_type = "s"
    about.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    try:  # whole or not at all: a full disk must not leave half a table over the old one
        atomic_write_bytes(path, buffer.getvalue())
    except FileAccessError as error:
        raise FiguresFileError(f"表格没有导出。{error.what}", error.todo, path=path) from error


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
    if info.st_size > limits.MAX_XLSX_BYTES:
        raise FiguresFileError(
            f"表格 {path.name} 有 {info.st_size / 1024 / 1024:.1f} MB，超过 "
            f"{limits.MAX_XLSX_BYTES // 1024 // 1024} MB，不像是导出的数据表格，没有读取它。",
            _TODO,
            path=path,
        )
    _check_zip(path)


def _not_readable(path: Path) -> FiguresFileError:
    return FiguresFileError(
        f"{path.name} 不是能读取的 Excel 表格（.xlsx），或已损坏。",
        "请用 Excel 或 WPS 打开后“另存为” .xlsx 格式，再填入。",
        path=path,
    )


def _check_zip(path: Path) -> None:
    """The declared sizes of the zip's parts (zipfile never inflates a part past them):
    a table that would unpack to gigabytes is refused before openpyxl reads a byte of it."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except Exception as error:  # BadZipFile, OSError, ValueError, NotImplementedError …
        raise _not_readable(path) from error
    xml = sum(m.file_size for m in members if not m.filename.endswith("/"))
    bomb = len(members) > _MAX_MEMBERS or any(
        m.file_size > _RATIO_FLOOR and m.file_size > _MAX_RATIO * max(m.compress_size, 1)
        for m in members
    )
    if bomb or xml > limits.MAX_XLSX_XML_BYTES:
        raise FiguresFileError(
            f"表格 {path.name} 解压后有 {xml / 1024 / 1024:.0f} MB（或压缩得异常厉害），"
            "不像是导出的数据表格（一份表格只有几百 KB），没有读取它。",
            _TODO,
            path=path,
        )
    rows = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for member in members:
                if member.filename.startswith("xl/worksheets/") and member.file_size:
                    data = archive.read(member)  # within the size checked above
                    rows = max(rows, data.count(b"<row ") + data.count(b"<row>"))
    except Exception as error:  # zipfile raises many kinds on a damaged part (zlib.error,
        raise _not_readable(path) from error  # NotImplementedError for an odd method …)
    if rows > limits.MAX_XLSX_ROWS + 1:
        raise _too_many_rows(path)


def _too_many_rows(path: Path) -> FiguresFileError:
    return FiguresFileError(
        f"表格 {path.name} 超过 {limits.MAX_XLSX_ROWS} 行，不像是导出的数据表格，没有填入。",
        "一篇报告只有几百处待填的数据；请用 nianbao figures 重新导出表格。",
        path=path,
    )


@dataclass
class Table:
    rows: list[Row]
    info: TableInfo


def read_xlsx(path: Path) -> list[Row]:
    """The rows of a filled spreadsheet (header checked)."""
    return read_table(path).rows


def read_table(path: Path) -> Table:
    """The rows of a filled spreadsheet and whose draft it was made for."""
    _check_readable(path)
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():  # openpyxl's English remarks on odd parts: not hers
            warnings.simplefilter("ignore")
            book = load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise FiguresFileError(
            f"无法读取表格 {path}：{error.strerror or error}。", "请检查文件是否存在。", path=path
        ) from error
    except Exception as error:  # openpyxl raises several kinds for a file that is no .xlsx
        raise _not_readable(path) from error
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            table = _read_book(book, path)
            if any(row.kind == "formula?" for row in table.rows):
                table = _note_formulas(table, path)
        return table
    except FiguresFileError:
        raise
    except Exception as error:  # a damaged part: a missing sheet, a bad shared string …
        raise _not_readable(path) from error
    finally:
        book.close()


def _sheet(book: Any, path: Path) -> Any:
    sheets = [book[name] for name in book.sheetnames if name != INFO_SHEET]
    named = [sheet for sheet in sheets if sheet.title == SHEET] or sheets[:1]
    if not named or not hasattr(named[0], "iter_rows"):  # no sheet, or a chart named 数据
        raise FiguresFileError(f"{path.name} 里没有“{SHEET}”工作表。", _TODO, path=path)
    return named[0]


def _read_book(book: Any, path: Path) -> Table:
    rows: list[Row] = []
    header: tuple[str, ...] | None = None
    for number, cells in enumerate(_sheet(book, path).iter_rows(), start=1):
        if number > limits.MAX_XLSX_ROWS + 1:  # rows without <row> tags counted
            raise _too_many_rows(path)
        cells = (*cells, *[None] * 8)[:8]
        if header is None:
            header = tuple(plain(getattr(cell, "value", None)) for cell in cells[: len(HEADERS)])
            if header != HEADERS:
                break
            continue
        texts = [plain(getattr(cell, "value", None)) for cell in cells]
        value, problem, kind = cell_value(cells[4])
        if not any((*texts[:4], value, problem)):
            continue
        place, before, placeholder, after = texts[:4]
        rows.append(
            Row(number, place, before, placeholder, after, value, texts[6], texts[7], problem, kind)
        )
    if header != HEADERS:
        first = f"{path.name} 的第一行不是“{'、'.join(HEADERS)}”。"
        raise FiguresFileError(first, _TODO, path=path)
    return Table(rows, _info(book))


def _info(book: Any) -> TableInfo:
    if INFO_SHEET not in book.sheetnames:
        return TableInfo()
    sheet = book[INFO_SHEET]
    found: dict[str, str] = {}
    if hasattr(sheet, "iter_rows"):
        for cells in sheet.iter_rows(max_row=10, max_col=2, values_only=True):
            label, value = (*cells, None, None)[:2]
            if isinstance(label, str) and label in _INFO_KEYS:
                found[_INFO_KEYS[label]] = plain(value)
    return TableInfo(**found)


def _note_formulas(table: Table, path: Path) -> Table:
    """A 填写 cell that is empty as read may be a formula saved without its result (a table
    written by a program that does not calculate): say so instead of passing it over."""
    from openpyxl import load_workbook

    wanted = {row.number for row in table.rows if row.kind == "formula?"}
    formulas: dict[int, str] = {}
    book = load_workbook(path, read_only=True, data_only=False)
    try:
        sheet = _sheet(book, path)
        for number, cells in enumerate(sheet.iter_rows(min_col=5, max_col=5), start=1):
            if number > limits.MAX_XLSX_ROWS + 1:
                break
            if number in wanted and cells:
                value = getattr(cells[0], "value", None)
                if isinstance(value, str) and value.startswith("="):
                    formulas[number] = value
    finally:
        book.close()
    rows = []
    for row in table.rows:
        if row.kind != "formula?":
            rows.append(row)
        elif row.number in formulas:
            problem = (
                f"“填写”是公式 {formulas[row.number][:30]}，表格里没有它算出的结果"
                "（可能没有在 Excel 中保存过），按空白处理；请在 Excel 中打开、保存后再填入"
            )
            rows.append(replace(row, problem=problem, kind="text"))
        else:
            rows.append(replace(row, kind="text"))
    return Table(rows, table.info)


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
