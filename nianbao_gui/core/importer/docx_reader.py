"""Reading a .docx report, which may come from anywhere and is treated as untrusted.

Before python-docx sees the file, zipfile checks it cheaply: size on disk, that it is a zip
at all, that the declared uncompressed sizes are sane (zipfile never inflates a member past
its declared size, so checking the declarations is enough against a zip bomb), and that it is
a Word document rather than a workbook or some other zip. An encrypted .docx is not a zip but
an OLE compound file, like an old .doc; both are recognised and explained.

Text is read in body order: paragraphs, tables, content controls, and text boxes after the
paragraph that anchors them. A table of the body becomes a placeholder line and a model
Table with its merged cells (tables_in.py lifts it into place); a table inside a cell or a
text box is read as rows (cells joined by a tab, so no text is dropped). Headings
whose numbers Word generates (heading styles) get them written out, see docx_headings.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import limits
from ..errors import ReportImportError
from ..fields import one_line
from ..model import Merge, Table
from .docx_headings import heading_styles, number_styled_headings
from .tables_in import placeholder

# see core/limits.py
MAX_DOCX_BYTES = limits.MAX_DOCX_BYTES
MAX_UNCOMPRESSED_BYTES = limits.MAX_DOCX_UNCOMPRESSED_BYTES
MAX_XML_BYTES = limits.MAX_DOCX_XML_BYTES
MAX_MEMBERS = 5000
MAX_RATIO = 100
"""Word XML compresses about 5–20 times; a large member compressed a hundredfold is a bomb."""
_RATIO_FLOOR = 5 * 1024 * 1024  # small members may compress well without harm

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS_DOCX = (
    "请在 Word 或 WPS 中打开它，选择“另存为”，文件类型选“Word 文档（*.docx）”，再导入新文件。"
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _refuse(what: str, todo: str, path: Path) -> ReportImportError:
    return ReportImportError(what, todo, path=path)


def explain_ole(path: Path, head: bytes) -> ReportImportError:
    """An OLE compound file: an encrypted .docx, or an old binary .doc."""
    try:
        # the directory naming EncryptionInfo may sit anywhere; files are small, but cap it
        data = path.read_bytes() if path.stat().st_size <= MAX_DOCX_BYTES else head
    except OSError:
        data = head
    if "EncryptionInfo".encode("utf-16-le") in data:
        return _refuse(
            "这个 Word 文档设置了打开密码（已加密），无法读取。",
            "请在 Word 或 WPS 中输入密码打开，取消密码后另存为 .docx，再导入。",
            path,
        )
    return _refuse("这是旧版 Word 格式（.doc），本程序只能读取 .docx。", _SAVE_AS_DOCX, path)


def check_docx_file(path: Path) -> None:
    """Refuse, with a Chinese explanation, anything python-docx should not be given."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError as error:
        raise _refuse(f"找不到文件：{path}", "请确认文件没有被移动或改名。", path) from error
    except OSError as error:
        raise _refuse(
            f"无法读取文件：{path}（{error.strerror or error}）",
            "请确认文件没有在 Word/WPS 中打开，并且有读取权限。",
            path,
        ) from error
    if size > MAX_DOCX_BYTES:
        raise _refuse(
            f"文件太大（{size / 1024 / 1024:.1f} MB），超过 {MAX_DOCX_BYTES // 1024 // 1024} MB。",
            "报告一般不到 1 MB；如果里面有大量图片，请删去图片另存后再导入。",
            path,
        )
    if head.startswith(OLE_MAGIC):
        raise explain_ole(path, head)
    if not zipfile.is_zipfile(path):
        raise _refuse(
            "这个文件不是真正的 Word 文档（.docx），可能是改了扩展名的其他文件，或已损坏。",
            _SAVE_AS_DOCX,
            path,
        )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _refuse("这个 Word 文档已损坏，无法打开。", _SAVE_AS_DOCX, path) from error
    total = sum(member.file_size for member in members)
    bomb = len(members) > MAX_MEMBERS or total > MAX_UNCOMPRESSED_BYTES
    bomb = bomb or any(
        member.file_size > _RATIO_FLOOR
        and member.file_size > MAX_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if bomb:
        raise _refuse(
            "这个文件解压后异常巨大（可能是恶意构造的压缩包），已拒绝打开。",
            "请确认文件来源；如果确实是报告，请在 Word/WPS 中另存为新的 .docx 再导入。",
            path,
        )
    xml = sum(m.file_size for m in members if m.filename.endswith((".xml", ".rels")))
    if xml > MAX_XML_BYTES:
        raise _refuse(
            f"这个 Word 文档的文字和格式内容解压后有 {xml / 1024 / 1024:.0f} MB，"
            f"超过 {MAX_XML_BYTES // 1024 // 1024} MB 的上限，不像是一篇报告"
            "（一篇 100 页的报告只有几 MB）。",
            "请确认选对了文件；如果确实是报告，请把它分成几个文档分别导入。",
            path,
        )
    _check_content_type(path, names)


_MAX_CONTENT_TYPES = 1024 * 1024


def _check_content_type(path: Path, names: set[str]) -> None:
    """The package's main part must be a Word document (not a template, macro file, workbook).

    python-docx finds the main part through the package relationships, so its name is not
    checked — only its declared type, which is what python-docx refuses on.
    """
    declared = ""
    if "[Content_Types].xml" in names:
        try:
            with zipfile.ZipFile(path) as archive, archive.open("[Content_Types].xml") as handle:
                declared = handle.read(_MAX_CONTENT_TYPES).decode("utf-8", errors="replace")
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as error:
            # RuntimeError: an encrypted zip member
            raise _refuse("这个 Word 文档已损坏，无法打开。", _SAVE_AS_DOCX, path) from error
    if "wordprocessingml.document.main+xml" in declared:
        return
    if "ms-word.document.macroEnabled" in declared:
        what = "这是启用了宏的 Word 文档（.docm），本程序只能读取 .docx。"
    elif "template" in declared and ("wordprocessingml" in declared or "ms-word" in declared):
        what = "这是 Word 模板（.dotx/.dotm），不是文档，本程序只能读取 .docx。"
    elif "word/document.xml" in names and not declared.strip():
        what = "这个 Word 文档已损坏（缺少内容类型说明），无法读取。"
    else:
        kind = (
            "Excel 表格"
            if "spreadsheetml" in declared or "xl/workbook.xml" in names
            else "PowerPoint 演示文稿"
            if "presentationml" in declared or "ppt/presentation.xml" in names
            else "压缩包或其他文件"
        )
        raise _refuse(
            f"这个文件不是 Word 文档，而是{kind}。",
            "请选择 Word 报告（.docx）或文本文件（.txt）。",
            path,
        )
    raise _refuse(what, _SAVE_AS_DOCX, path)


def _run_text(element: Any, boxes: list[Any]) -> str:
    """The visible text of a paragraph, with text boxes collected for later."""
    parts: list[str] = []
    stack = [element]
    while stack:
        node = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == _W + "t":
            parts.append(node.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("\u2011")
        elif tag == _W + "txbxContent":
            boxes.append(node)
            continue
        elif tag in (_MC + "Fallback", _W + "del", _W + "moveFrom", _W + "instrText"):
            continue  # Fallback repeats the Choice; deletions are not in the visible text
        stack.extend(reversed(list(node)))
    return "".join(parts)


Line = tuple[str, int | None]
"""A line of text and its outline level from Word (1–9 for headings, None for body text)."""


def _outline_level(element: Any, styles: dict[str, int]) -> int | None:
    props = element.find(_W + "pPr")
    if props is None:
        return None
    direct = props.find(_W + "outlineLvl")
    if direct is not None:
        value = direct.get(_W + "val", "")
        return int(value) + 1 if value.isdigit() and int(value) < 9 else None
    style = props.find(_W + "pStyle")
    return styles.get(style.get(_W + "val", "")) if style is not None else None


def _paragraph_lines(element: Any, styles: dict[str, int]) -> Iterator[Line]:
    boxes: list[Any] = []
    text = _run_text(element, boxes)
    yield text, _outline_level(element, styles) if text.strip() else None
    for box in boxes:
        yield from _block_lines(box, {})


def _cell_text(cell: Any) -> str:
    texts = [line for line, _ in _block_lines(cell, {}) if line.strip()]
    return one_line("\n".join(texts))


def _table_lines(element: Any) -> Iterator[Line]:
    for row in element.iter(_W + "tr"):
        yield "\t".join(_cell_text(cell) for cell in _children(row, "tc")), None


def _children(element: Any, name: str) -> Iterator[Any]:
    """``element``'s ``w:name`` children, also those inside content controls and custom XML."""
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == _W + name:
            yield child
        elif tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _children(content, name)
        elif tag == _W + "customXml":
            yield from _children(child, name)


def _int_of(props: Any, name: str, default: int) -> int:
    found = props.find(_W + name) if props is not None else None
    value = found.get(_W + "val", "") if found is not None else ""
    return int(value) if value.isdigit() and 0 < int(value) < 1000 else default


def read_table(element: Any) -> Table:
    """A w:tbl as a model Table: the grid of cells, horizontal (gridSpan) and vertical
    (vMerge) merges, the header rows (w:tblHeader, and at least the first row)."""
    grid: list[list[str]] = []
    merges: list[list[int]] = []  # top, left, height, width
    open_merges: dict[int, list[int]] = {}  # column → a vertical merge still going on
    headers = 0
    for r, row in enumerate(_children(element, "tr")):
        row_props = row.find(_W + "trPr")
        if headers == r and row_props is not None and row_props.find(_W + "tblHeader") is not None:
            headers += 1
        cells: list[str] = [""] * _int_of(row_props, "gridBefore", 0)
        for cell in _children(row, "tc"):
            props = cell.find(_W + "tcPr")
            span = _int_of(props, "gridSpan", 1)
            vmerge = props.find(_W + "vMerge") if props is not None else None
            column = len(cells)
            text = _cell_text(cell)
            going = open_merges.get(column)
            restart = vmerge is not None and vmerge.get(_W + "val") == "restart"
            if vmerge is not None and not restart and going is not None:
                going[2] += 1
                if text:  # text in a continued cell: kept with the merged cell's
                    top, left = going[0], going[1]
                    grid[top][left] = one_line(grid[top][left] + "\n" + text)
                cells.extend([""] * going[3])
                continue
            open_merges.pop(column, None)
            cells.append(text)
            cells.extend([""] * (span - 1))
            if span > 1 or restart:
                merge = [r, column, 1, span]
                merges.append(merge)
                if restart:
                    open_merges[column] = merge
        for column in [c for c in open_merges if c >= len(cells)]:
            del open_merges[column]  # a row too short to continue it
        grid.append(cells)
    width = max((len(row) for row in grid), default=0)
    if not grid or not width:
        return Table(rows=[[""]], header_rows=0)
    rows = [row + [""] * (width - len(row)) for row in grid]
    kept = [m for m in merges if m[2] > 1 or m[3] > 1]
    if kept:
        headers = max([headers, 1] + [m[2] for m in kept if m[0] == 0])
    return Table(
        rows=rows,
        header_rows=min(max(headers, 1), len(rows)),
        merges=[Merge(top=t, left=c, height=h, width=w) for t, c, h, w in kept],
    )


def _block_lines(
    container: Any, styles: dict[str, int], tables: list[Table] | None = None
) -> Iterator[Line]:
    """Lines of a body (or a cell, a text box); ``tables`` collects the body's tables, each
    standing as a placeholder line; without it a table is read as rows."""
    for child in container:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == _W + "p":
            yield from _paragraph_lines(child, styles)
        elif tag == _W + "tbl" and tables is not None:
            yield placeholder(len(tables)), None
            tables.append(read_table(child))
        elif tag == _W + "tbl":
            yield from _table_lines(child)
        elif tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _block_lines(content, styles, tables)


@dataclass(frozen=True)
class DocxText:
    text: str  # one paragraph a line, each table a placeholder (tables_in.placeholder)
    tables: list[Table]
    numbered_headings: int  # heading-styled paragraphs given their number (see docx_headings)


def read_docx(path: Path | str) -> DocxText:
    """The document's text in body order, one paragraph a line."""
    path = Path(path)
    check_docx_file(path)
    import docx  # python-docx: imported late, the command line does not always need it

    try:
        document = docx.Document(str(path))
        body = document.element.body
        tables: list[Table] = []
        lines = list(_block_lines(body, heading_styles(document.styles.element), tables))
    # Untrusted input: python-docx and lxml raise many kinds of error on broken packages
    # (KeyError for a missing part, XMLSyntaxError, ValueError …); all mean the same to a user.
    except Exception as error:
        raise _refuse("这个 Word 文档已损坏或格式不对，无法读取。", _SAVE_AS_DOCX, path) from error
    texts, numbered = number_styled_headings(lines)
    return DocxText("\n".join(texts), tables, numbered)
