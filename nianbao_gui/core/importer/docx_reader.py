"""Reading a .docx report, which may come from anywhere and is treated as untrusted.

Before python-docx sees the file, zipfile checks it cheaply: size on disk, that it is a zip
at all, that the declared uncompressed sizes are sane (zipfile never inflates a member past
its declared size, so checking the declarations is enough against a zip bomb), and that it is
a Word document rather than a workbook or some other zip. An encrypted .docx is not a zip but
an OLE compound file, like an old .doc; both are recognised and explained.

The text is read in body order by docx_text (tables, content controls, text boxes,
footnotes, merged-in chunks; what is left out is noted). Headings whose numbers Word
generates (heading styles) get them written out, see docx_headings.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import limits
from ..errors import ReportImportError
from ..model import Table
from .docx_chunks import HTML_TYPES, MHT_TYPES, chunk_kind, chunk_lines
from .docx_headings import heading_styles, number_styled_headings
from .docx_text import BodyReader, Chunk, W, hidden_styles

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


@dataclass(frozen=True)
class DocxText:
    text: str  # one paragraph a line, a table of the body a placeholder (tables_in)
    tables: int
    numbered_headings: int  # heading-styled paragraphs given their number (see docx_headings)
    notes: tuple[str, ...] = ()  # what was left out or changed, and where (see docx_text)
    found_tables: tuple[Table, ...] = ()  # the body's tables, in the placeholders' order


_FOOTNOTES = (
    ("f", "/relationships/footnotes", W + "footnote"),
    ("e", "/relationships/endnotes", W + "endnote"),
)


def _related(document: Any, reltype_end: str) -> Iterator[Any]:
    """Parts of the main document related by a type (external targets skipped)."""
    for rel in list(document.part.rels.values()):
        if rel.reltype.endswith(reltype_end) and not rel.is_external:
            yield rel.target_part


def _xml_of(part: Any) -> Any:
    element = getattr(part, "element", None)
    if element is not None:
        return element
    from docx.oxml.parser import parse_xml  # python-docx's parser: no entities, no network

    return parse_xml(part.blob)


def _notes_by_id(document: Any) -> dict[str, Any]:
    notes: dict[str, Any] = {}
    for prefix, reltype, tag in _FOOTNOTES:
        for part in _related(document, reltype):
            for note in _xml_of(part).findall(tag):
                if note.get(W + "type") in (None, "normal"):  # not the separator lines
                    notes[prefix + note.get(W + "id", "")] = note
    return notes


def _chunk_reader(document: Any) -> Callable[[str], Chunk | None]:
    def read(rid: str) -> Chunk | None:
        rel = document.part.rels.get(rid)
        if rel is None or rel.is_external:
            return None
        part = rel.target_part
        kind = chunk_kind(part.content_type, str(part.partname))
        content_type = part.content_type.lower()
        if content_type in HTML_TYPES or content_type in MHT_TYPES:
            kind = "网页（HTML）"
        elif content_type.startswith("text/plain"):
            kind = "纯文本"
        if len(part.blob) > MAX_CHUNK_BYTES:
            return Chunk(f"很大的{kind}", None)
        return Chunk(kind, chunk_lines(part.content_type, part.blob))

    return read


MAX_CHUNK_BYTES = 2 * 1024 * 1024
"""An embedded web page larger than this is not read (noted): a report's is far smaller."""


def read_docx(path: Path | str) -> DocxText:
    """The document's text in body order, one paragraph a line."""
    path = Path(path)
    check_docx_file(path)
    import docx  # python-docx: imported late, the command line does not always need it

    try:
        document = docx.Document(str(path))
        body = document.element.body
        styles = document.styles.element
        reader = BodyReader(
            heading_styles(styles),
            hidden_styles(styles),
            _notes_by_id(document),
            _chunk_reader(document),
            found_tables=[],
        )
        lines = reader.lines(body)
    except ReportImportError as error:
        error.path = error.path or path
        raise
    # Untrusted input: python-docx and lxml raise many kinds of error on broken packages
    # (KeyError for a missing part, XMLSyntaxError, ValueError …); all mean the same to a user.
    except Exception as error:
        raise _refuse("这个 Word 文档已损坏或格式不对，无法读取。", _SAVE_AS_DOCX, path) from error
    texts, numbered = number_styled_headings(lines)
    return DocxText(
        "\n".join(texts),
        reader.tables,
        numbered,
        tuple(reader.notes()),
        tuple(reader.found_tables or ()),
    )
