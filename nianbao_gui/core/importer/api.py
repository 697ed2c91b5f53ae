"""import_text, import_report: from a file or pasted text to a Report, with notes.

Whatever the recognition decides, the result is checked against the source before it is
returned: laid out again, every line must come back in order (heading numbers aside, as the
model renumbers them). If a recognition step got it wrong, the import is redone with fewer
steps, down to "everything is an opening paragraph" — structure may be lost, text never.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import ReportImportError
from ..layout import Role, layout
from ..limits import MAX_REPORT_CHARS, MAX_REPORT_PARAGRAPHS
from ..model import Report, Table
from ..next_year import follow_year
from .decode import (
    check_regular_file,
    count_controls,
    encoding_notes,
    normalise_newlines,
    not_found_through_a_file,
    read_text_file_decoded,
)
from .docx_reader import OLE_MAGIC, explain_ole, read_docx
from .meta import closing_date
from .patterns import match_heading
from .result import ImportResult
from .structure import Options, build_report, parse_lines, split_lines
from .tables_in import find_text_tables, lift_tables

log = logging.getLogger(__name__)

_ATTEMPTS = (
    Options(),
    Options(closing=False),
    Options(closing=False, ends=False),
    Options(closing=False, ends=False, headings=False),
)


def _comparable(line: str) -> str:
    """A line as the check compares it: without its heading number, dates as dates."""
    mark = match_heading(line)
    if mark is not None:
        return "\x00" + mark.rest
    date = closing_date(line)
    return date.isoformat() if date else line


def laid_out_lines(report: Report) -> list[str]:
    """The report's lines as layout() writes them; the title only if the report has one."""
    lines = []
    for block in layout(report):
        if block.role is Role.TITLE and not report.title:
            continue
        if block.role is Role.AUTHOR:
            continue  # compared separately: its separator may be rewritten (noted)
        lines.append(block.full)
    return lines


def _faithful(report: Report, lines: list[str], has_author: bool) -> bool:
    source = [line for index, line in enumerate(lines) if not (has_author and index == 1)]
    written = laid_out_lines(report)
    return [_comparable(line) for line in source] == [_comparable(line) for line in written]


def check_text_size(text: str) -> None:
    """Refuse text beyond the import limits (core/limits.py), before any work on it."""
    if len(text) > MAX_REPORT_CHARS:
        raise ReportImportError(
            f"文字太多（约 {len(text) // 10_000} 万字），超过 {MAX_REPORT_CHARS // 10_000} 万字"
            "的上限，不像是一篇报告。",
            "请确认选对了文件；如果确实是报告，请把它分成几个文件分别导入。",
        )
    lines = text.count("\n") + 1
    if lines > MAX_REPORT_PARAGRAPHS:
        raise ReportImportError(
            f"段落太多（{lines} 行），超过 {MAX_REPORT_PARAGRAPHS} 行的上限，不像是一篇报告。",
            "请确认选对了文件；如果确实是报告，请把它分成几个文件分别导入。",
        )


def import_text(text: str, tables: Sequence[Table] | None = None) -> ImportResult:
    """A report's text (pasted, or read from a file) as a Report with Chinese notes.

    ``tables``: the tables whose placeholders the text holds (a .docx's); without it, runs of
    tab-separated rows in the text are the tables (tables_in.find_text_tables).
    ReportImportError when the text is beyond the import limits."""
    text = normalise_newlines(text)
    check_text_size(text)
    if tables is None:
        text, tables = find_text_tables(text)
    result = _import_lines(text)
    lifted, as_rows = lift_tables(result.report, tables)
    if lifted:
        result.notes.append(f"读到 {lifted} 个表格，已按表格导入（保留合并单元格），请核对")
        taken = sum(
            1
            for _level, section in result.report.all_sections()
            for table in section.tables
            if table.caption or table.unit or table.note
        )
        if taken:  # they left the body: say where they went
            result.notes.append(
                f"有 {taken} 个表格上方的表题、单位或下方的“注”已放入表格的对应栏中"
            )
    if as_rows:
        result.notes.append(
            f"有 {as_rows} 个表格不在任何标题之下（在开篇、结尾或标题行），"
            "其文字已按行并入正文（单元格之间用制表符分隔），请核对"
        )
    return result


def _import_lines(text: str) -> ImportResult:
    lines, gaps = split_lines(text)
    full_text = "\n".join(lines)
    for attempt, options in enumerate(_ATTEMPTS):
        try:
            parsed = parse_lines(lines, options, gaps)
            report, notes = build_report(parsed, full_text)
            faithful = _faithful(report, lines, parsed.author is not None)
        # A mistake in recognising structure must cost structure, not the import: the last
        # attempt (every line a paragraph) does not recognise anything and cannot fail so.
        except Exception:
            if attempt == len(_ATTEMPTS) - 1:
                raise
            log.exception("import attempt %d failed", attempt)
            continue
        if faithful:
            follow_year(report)  # checked with its title line; from now on it follows the year
            if attempt:
                notes.append(
                    "这篇报告的结构未能完全识别（如结尾或落款），相关文字已按原样保留在正文中，"
                    "请在窗口中核对调整"
                )
            if not lines:
                notes.append("文件中没有文字")
            return ImportResult(report, notes)
    raise AssertionError("the last attempt keeps every line as an opening paragraph")


def import_report(path: Path | str) -> ImportResult:
    """Import a .txt or .docx report; .doc and other formats are refused with advice."""
    path = Path(path)
    try:
        check_regular_file(path, path.stat())
    except NotADirectoryError as error:
        raise not_found_through_a_file(path) from error
    except OSError:
        pass  # missing or unreadable: the reader below explains
    _refuse_a_draft(path)
    suffix = path.suffix.lower()
    if suffix in (".docx", ".docm", ".dotx"):
        return _import_docx(path)
    if suffix in (".doc", ".wps", ".rtf", ".pdf", ".odt"):
        what = {
            ".doc": "这是旧版 Word 格式（.doc），本程序只能读取 .docx 和 .txt。",
            ".wps": "这是 WPS 文字格式（.wps），本程序只能读取 .docx 和 .txt。",
        }.get(suffix, f"本程序不能读取 {suffix} 文件，只能读取 .docx 和 .txt。")
        raise ReportImportError(
            what,
            "请在 Word 或 WPS 中打开它，选择“另存为”，文件类型选“Word 文档（*.docx）”，"
            "再导入新文件。",
            path=path,
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        head = b""  # read_text_file below explains a missing or unreadable file
    if head.startswith(OLE_MAGIC):
        raise explain_ole(path, head)
    if head.startswith(b"PK\x03\x04"):
        return _import_docx(path)
    decoded = read_text_file_decoded(path)
    text = decoded.text
    result = _with_path(import_text, text, path)
    result.encoding = decoded.encoding
    controls = count_controls(text)
    if controls:
        result.notes.append(
            f"文件中有 {controls} 个控制字符（看不见，多半是从其他程序粘贴来的），已原样保留；"
            "体检会指出它们的位置，可以一键删除。"
        )
    result.notes[:0] = encoding_notes(decoded)
    return result


def _refuse_a_draft(path: Path) -> None:
    """A draft under another name (``草稿.txt``) is opened, not imported as report text."""
    from ..storage import is_draft_file

    if is_draft_file(path):
        raise ReportImportError(
            f"{path.name} 是年报助手的草稿（只是文件名不以 .json 结尾），不是报告，不需要导入。",
            "请把文件名改为以 .json 结尾，再用“打开”打开它。",
            path=path,
        )


def _import_docx(path: Path) -> ImportResult:
    """A Word document (also one saved with another extension, ``报告.txt`` that is a .docx)."""
    read = read_docx(path)
    result = _with_path(lambda text: import_text(text, read.found_tables), read.text, path)
    if read.numbered_headings:
        result.notes.append(
            f"Word 文档中有 {read.numbered_headings} 个标题使用了标题样式（编号不在文字里），"
            "已按标题层次导入并编号，请核对"
        )
    nested = read.tables - len(read.found_tables)
    if nested > 0:
        result.notes.append(
            f"原文中有 {nested} 个表格在表格的单元格或文本框里，其文字已按行并入正文"
            "（单元格之间用制表符分隔），请核对"
        )
    result.notes.extend(read.notes)
    return result


def _with_path(run: Callable[[str], ImportResult], text: str, path: Path) -> ImportResult:
    try:
        return run(text)
    except ReportImportError as error:
        error.path = error.path or path
        raise
