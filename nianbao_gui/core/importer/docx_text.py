"""The text of a Word document's body, in order, with nothing silently left behind.

Paragraphs, tables (those of the body as model Tables with their merges, built by
docx_tables, each standing as a placeholder line; those in cells or text boxes a row a
line, cells joined by a tab), content controls and custom XML (around blocks, rows or
cells), text boxes after the paragraph that anchors them, footnotes
and endnotes after the paragraph that cites them (①, ② … as in Chinese print), merged-in
chunks (``w:altChunk``: HTML and text are read), and Symbol/Wingdings characters mapped to
Unicode. Hidden text (``w:vanish``) is left out, as Word prints it. Whatever is left out or
could not be read is told in the import notes, with the place; and text standing anywhere
the reader does not know is added at the end, so 不丢字 holds for any document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import ReportImportError
from ..fields import one_line
from ..limits import MAX_REPORT_CHARS
from ..model import Table
from .docx_symbols import symbol_char
from .docx_tables import WRAPPERS, table_model, unwrapped
from .tables_in import placeholder

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_TEXT_TAGS = (W + "t", _M + "t")
_SKIPPED = (_MC + "Fallback", W + "del", W + "moveFrom")
"""Fallback repeats the Choice; deletions are not in the visible text."""
_GRAPHICS = {
    "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds": "SmartArt 图形",
    "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart": "图表",
}
"""Graphics whose words live in parts of their own: not read, but named in the notes."""
_OFF = ("0", "false", "off")

Line = tuple[str, int | None]
"""A line of text and its outline level from Word (1–9 for headings, None for body text)."""


@dataclass(frozen=True)
class Chunk:
    """A merged-in part: its kind and its lines, or None when its kind is not read."""

    kind: str
    lines: list[str] | None


def _marker(number: int) -> str:
    return chr(0x245F + number) if number <= 20 else f"[{number}]"  # ①…⑳, then [21]


def _snippet(text: str, size: int = 16) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size] + "…"


def _is_on(props: Any, tag: str) -> bool:
    flag = props.find(tag) if props is not None else None
    return flag is not None and flag.get(W + "val", "true").lower() not in _OFF


def hidden_styles(styles: Any) -> set[str]:
    """Character styles that hide their text (a style can carry w:vanish too)."""
    found = set()
    for style in styles.findall(W + "style"):
        if _is_on(style.find(W + "rPr"), W + "vanish"):
            found.add(style.get(W + "styleId", ""))
    return found


@dataclass
class BodyReader:
    """Reads one document; afterwards ``notes()`` says what was left out or changed."""

    styles: dict[str, int]
    hidden_style_ids: set[str] = field(default_factory=set)
    notes_by_id: dict[str, Any] = field(default_factory=dict)  # "f3"/"e3" → footnote element
    chunk: Callable[[str], Chunk | None] = lambda _rid: None
    read: set[Any] = field(default_factory=set)  # text elements read or deliberately left out
    hidden: list[tuple[str, str]] = field(default_factory=list)  # (hidden text, its paragraph)
    symbols: list[tuple[str, str, str]] = field(default_factory=list)  # (font, code, paragraph)
    footnotes: int = 0
    tables: int = 0
    found_tables: list[Table] | None = None  # the body's tables, when they are collected
    chunks_read: list[str] = field(default_factory=list)
    chunks_left: list[tuple[str, str]] = field(default_factory=list)  # (kind, after which text)
    stray: list[str] = field(default_factory=list)
    graphics: list[tuple[str, str]] = field(default_factory=list)  # (kind, where)
    last_line: str = ""
    produced: int = 0
    _in_note: bool = False
    _note_cache: dict[int, list[str]] = field(default_factory=dict)
    _chunk_cache: dict[str, Chunk | None] = field(default_factory=dict)

    def _spend(self, text: str) -> str:
        """Counts what is produced: one footnote cited or one web page merged in 100,000
        times must be refused early, not built in memory first."""
        self.produced += len(text)
        if self.produced > MAX_REPORT_CHARS:
            raise ReportImportError(
                f"文字太多，超过 {MAX_REPORT_CHARS // 10_000} 万字的上限，不像是一篇报告"
                "（其中可能有大量重复的脚注或嵌入内容）。",
                "请确认选对了文件；如果确实是报告，请把它分成几个文件分别导入。",
            )
        return text

    # -- paragraphs ---------------------------------------------------------------------
    def _mark_read(self, element: Any) -> str:
        """Marks the text under element as seen and returns it."""
        texts = []
        for node in element.iter(*_TEXT_TAGS):
            self.read.add(node)
            texts.append(node.text or "")
        return "".join(texts)

    def _hidden_run(self, run: Any) -> bool:
        props = run.find(W + "rPr")
        if props is None:
            return False
        vanish = props.find(W + "vanish")
        if vanish is not None:
            return vanish.get(W + "val", "true").lower() not in _OFF
        style = props.find(W + "rStyle")
        return style is not None and style.get(W + "val", "") in self.hidden_style_ids

    def _run_text(self, element: Any, boxes: list[Any], cited: list[Any]) -> str:
        parts: list[str] = []
        hidden: list[str] = []
        unmapped: list[tuple[str, str]] = []
        graphics: list[str] = []
        stack = [element]
        while stack:
            node = stack.pop()
            tag = node.tag if isinstance(node.tag, str) else ""
            if tag in _TEXT_TAGS:
                self.read.add(node)
                parts.append(node.text or "")
            elif tag == W + "tab" or tag == W + "ptab":
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("\u2011")
            elif tag == W + "sym":
                font, code = node.get(W + "font", ""), node.get(W + "char", "")
                char = symbol_char(font, code)
                if char is None:
                    unmapped.append((font, code))
                parts.append(char or "\ufffd")
            elif tag in (W + "footnoteReference", W + "endnoteReference") and not self._in_note:
                key = ("f" if tag == W + "footnoteReference" else "e") + node.get(W + "id", "")
                note = self.notes_by_id.get(key)
                if note is not None:
                    self.footnotes += 1
                    parts.append(_marker(self.footnotes))
                    cited.append((self.footnotes, note))
            elif tag == W + "txbxContent":
                boxes.append(node)
                continue
            elif tag == W + "r" and self._hidden_run(node):
                hidden.append(self._mark_read(node))
                continue
            elif tag in _GRAPHICS:
                graphics.append(_GRAPHICS[tag])
            elif tag in _SKIPPED:
                self._mark_read(node)
                continue
            stack.extend(reversed(list(node)))
        text = "".join(parts)
        where = _snippet(text) if text.strip() else self.last_line
        self.hidden.extend((piece, where) for piece in hidden if piece.strip())
        self.symbols.extend((font, code, where) for font, code in unmapped)
        self.graphics.extend((kind, where) for kind in graphics)
        return text

    def _outline_level(self, element: Any) -> int | None:
        props = element.find(W + "pPr")
        if props is None:
            return None
        direct = props.find(W + "outlineLvl")
        if direct is not None:
            value = direct.get(W + "val", "")
            return int(value) + 1 if value.isdigit() and int(value) < 9 else None
        style = props.find(W + "pStyle")
        return self.styles.get(style.get(W + "val", "")) if style is not None else None

    def _paragraph(self, element: Any, headings: bool) -> Iterator[Line]:
        boxes: list[Any] = []
        cited: list[Any] = []
        text = self._spend(self._run_text(element, boxes, cited))
        level = self._outline_level(element) if headings and text.strip() else None
        yield text, level
        for number, note in cited:
            yield from self._note_lines(number, note)
        for box in boxes:
            yield from self.blocks(box, headings=False)

    def _note_lines(self, number: int, note: Any) -> Iterator[Line]:
        lines = self._note_cache.get(id(note))
        if lines is None:
            self._in_note = True
            try:
                lines = [text for text, _ in self.blocks(note, headings=False) if text.strip()]
            finally:
                self._in_note = False
            self._note_cache[id(note)] = lines
        for index, text in enumerate(lines or [""]):
            yield self._spend(_marker(number) + text.lstrip() if index == 0 else text), None

    # -- tables -------------------------------------------------------------------------
    def _table(self, element: Any, body: bool = False) -> Iterator[Line]:
        """A table of the body: a placeholder line, the table kept with its merged cells
        (tables_in lifts it into place). A table in a cell or a text box: a row a line."""
        self.tables += 1
        if body and self.found_tables is not None:
            yield placeholder(len(self.found_tables)), None
            self.found_tables.append(table_model(element, self._cell_text))
            return
        for row in unwrapped(element, W + "tr"):
            cells = []
            for cell in unwrapped(row, W + "tc"):
                texts = [text for text, _ in self.blocks(cell, headings=False)]
                cells.append(" ".join(text for text in texts if text.strip()))
            yield "\t".join(cells), None

    def _cell_text(self, cell: Any) -> str:
        texts = [text for text, _ in self.blocks(cell, headings=False) if text.strip()]
        return one_line("\n".join(texts))

    # -- blocks -------------------------------------------------------------------------
    def blocks(self, container: Any, headings: bool = True) -> Iterator[Line]:
        for child in container:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == W + "p":
                yield from self._paragraph(child, headings)
            elif tag == W + "tbl":
                yield from self._table(child, body=headings)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    yield from self.blocks(content, headings)
            elif tag in WRAPPERS:
                yield from self.blocks(child, headings)
            elif tag == W + "altChunk":
                yield from self._alt_chunk(child)
            elif tag in (W + "ins", W + "moveTo") or tag.startswith(_M):
                text = self._run_text(child, [], [])  # runs or maths straight in the body
                if text.strip():
                    yield text, None

    def _alt_chunk(self, element: Any) -> Iterator[Line]:
        rid = element.get(_R + "id", "")
        if rid not in self._chunk_cache:
            self._chunk_cache[rid] = self.chunk(rid)
        chunk = self._chunk_cache[rid]
        if chunk is None or chunk.lines is None:
            self.chunks_left.append((chunk.kind if chunk else "内容", self.last_line))
            return
        self.chunks_read.append(chunk.kind)
        for line in chunk.lines:
            yield self._spend(line), None

    def lines(self, body: Any) -> list[Line]:
        """The body's lines; then any text in a place not known above, at the end."""
        lines: list[Line] = []
        for line in self.blocks(body):
            lines.append(line)
            if line[0].strip():
                self.last_line = _snippet(line[0])
        current: Any = None
        for node in body.iter(*_TEXT_TAGS):
            if node in self.read or not (node.text or "").strip():
                continue
            holder = next((a for a in node.iterancestors(W + "p")), node.getparent())
            if holder is not current or not self.stray:
                self.stray.append("")
                current = holder
            self.stray[-1] += node.text or ""
        lines.extend((text, None) for text in self.stray)
        return lines

    # -- notes --------------------------------------------------------------------------
    def notes(self) -> list[str]:
        notes = []
        if self.hidden:
            shown = "；".join(f"“{_snippet(t)}”（在“{where}”处）" for t, where in self.hidden[:3])
            more = f"等 {len(self.hidden)} 处" if len(self.hidden) > 3 else ""
            notes.append(
                "原文有隐藏文字（Word 中设为“隐藏”，屏幕和打印都不显示），没有导入："
                f"{shown}{more}。如需要，请在 Word 中取消隐藏后复制过来。"
            )
        if self.symbols:
            shown = "；".join(
                f"{font or '未知字体'} 字体的符号 {code}（在“{where}”处）"
                for font, code, where in self.symbols[:3]
            )
            more = f"等 {len(self.symbols)} 个" if len(self.symbols) > 3 else ""
            notes.append(
                f"原文有 {len(self.symbols)} 个用符号字体插入的符号无法转成文字，已用“\ufffd”代替："
                f"{shown}{more}。请对照原文改成正确的字。"
            )
        if self.footnotes:
            notes.append(
                f"原文有 {self.footnotes} 个脚注（或尾注），已作为段落放在所引段落之后，"
                "并用 ①② 等标出引用处，请核对"
            )
        if self.chunks_read:
            kinds = "、".join(sorted(set(self.chunks_read)))
            notes.append(
                f"原文中有 {len(self.chunks_read)} 段嵌入的{kinds}内容，"
                "已读出文字并入正文（格式未保留），请核对"
            )
        for kind, where in self.chunks_left:
            place = f"在“{where}”之后" if where else "在开头"
            notes.append(
                f"原文{place}嵌入了一段{kind}内容，本程序读不出，没有导入。"
                "请在 Word 中打开原文，把这部分复制到草稿里。"
            )
        if self.graphics:
            kinds = "、".join(sorted({kind for kind, _ in self.graphics}))
            places = "；".join(f"“{where}”处" for _, where in self.graphics[:3])
            more = f"等 {len(self.graphics)} 处" if len(self.graphics) > 3 else ""
            notes.append(
                f"原文有 {len(self.graphics)} 个{kinds}（{places}{more}），"
                "其中的文字没有导入；如需要，请在 Word 中把这些文字复制到草稿里"
            )
        if self.stray:
            notes.append(
                f"原文有 {len(self.stray)} 段文字所在的位置本程序不认识"
                f"（如“{_snippet(self.stray[0])}”），已放在正文最后，请移到合适的位置"
            )
        return notes
