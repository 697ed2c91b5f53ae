"""The report's paragraphs broken into lines and pages on the official grid.

The paragraphs, their styles (font, size, alignment, indent) and the blank lines come from
typeset/, as the .docx writer's do. Every line takes one grid line of 28.95 pt, the title's
2号 lines too (exact spacing, as the .docx says), and a page holds 22: there is no
widow/orphan control and no keep-with-next, so pages break every 22 lines (the standard
fills the text block). The blank lines (under the title or author line, above the
signature) are lines here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..layout import Block, Role, layout
from ..model import Report
from ..typeset import ExportOptions, FontKey, ParagraphStyle, paragraph_styles
from ..typeset.paragraphs import written
from .closing import closing_lefts
from .geometry import Geometry
from .linebreak import BREAK, HANGING, break_lines
from .metrics import Metrics, NominalMetrics
from .widths import CHINESE, advances, char_widths, scripts


@dataclass(frozen=True)
class Span:
    """Characters of one line in one font; ``xs`` the left edge of each, in points from the
    left of the text block."""

    text: str
    font: FontKey
    size: float
    bold: bool
    xs: tuple[float, ...]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph as written: ``block`` is its index in ``layout(report)`` (−1 for the
    blank lines the export adds), ``text`` its characters as drawn (head + text)."""

    block: int
    role: Role
    level: int
    text: str
    head_len: int = 0

    @property
    def blank(self) -> bool:
        return self.block < 0


@dataclass(frozen=True)
class Line:
    paragraph: int  # index into PageLayout.paragraphs
    start: int  # characters start:end of the paragraph's text
    end: int
    page: int  # 1-based
    slot: int  # 0 … 21 on its page
    spans: tuple[Span, ...]
    first: bool  # the paragraph's first line
    last: bool  # the paragraph's last line
    hanging: bool = False  # its last character hangs past the right margin

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class Page:
    number: int
    lines: tuple[Line, ...]


@dataclass
class PageLayout:
    paragraphs: list[Paragraph]
    pages: list[Page]
    geometry: Geometry
    blocks: list[Block] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]


class _Builder:
    def __init__(self, metrics: Metrics, geometry: Geometry) -> None:
        self.metrics = metrics
        self.g = geometry
        self.paragraphs: list[Paragraph] = []
        self.rows: list[tuple[int, int, int, tuple[Span, ...], bool, bool, bool]] = []

    def blank(self) -> None:
        self.paragraphs.append(Paragraph(-1, Role.BODY, 0, ""))
        self.rows.append((len(self.paragraphs) - 1, 0, 0, (), True, True, False))

    def add(
        self,
        index: int,
        block: Block,
        text: str,
        head_len: int,
        style: ParagraphStyle,
        text_font: FontKey,
        *,
        left: float = 0.0,
    ) -> None:
        """``style`` (typeset.styles) gives the font of the head, the size, the alignment,
        the first line's indent and whether a closing mark may hang past the margin;
        ``text_font`` the font after the head; ``left`` every line's indent (points)."""
        g = self.g
        self.paragraphs.append(Paragraph(index, block.role, block.level, text, head_len))
        number = len(self.paragraphs) - 1
        head_font, size, align = style.font, style.size, style.align
        spacing = g.tighten if style.tighten else 0.0
        indent = g.indent if style.first_line_indent else 0.0
        fonts = [head_font if i < head_len else text_font for i in range(len(text))]
        needs = advances(text, fonts, self.metrics, size)
        script = scripts(text)
        widths = char_widths(text, fonts, self.metrics, size, spacing, g.autospace, needs, script)
        stretchable = _stretchable(text, script) if align == "justify" else []
        room = g.block_width - left
        bounds = break_lines(text, widths, room - indent, room, needs, hang=style.hang)
        for line_no, (start, end) in enumerate(bounds):
            first, last = line_no == 0, line_no == len(bounds) - 1
            lead = indent if first else 0.0
            used = _extent(widths, needs, start, end)
            hanging = end > start and text[end - 1] in HANGING and used > room - lead + 0.01
            inner = _extent(widths, needs, start, end - 1) if hanging else used
            extra: list[float] = []
            if align == "center":
                lead += (room - inner) / 2
            elif align == "right":
                lead += room - lead - inner
            elif align == "justify" and not last and text[end : end + 1] != BREAK:
                inside = end - (1 if hanging else 0)
                extra = _spread(stretchable, start, inside, room - lead - inner)
            spans: list[Span] = []
            x = left + lead
            i = start
            while i < end:
                j = i
                while j < end and fonts[j] is fonts[i]:
                    j += 1
                xs = []
                if extra:
                    for k in range(i, j):
                        xs.append(x)
                        x += widths[k] + extra[k - start]
                else:
                    for k in range(i, j):
                        xs.append(x)
                        x += widths[k]
                bold = style.bold and i < head_len
                chunk = text[i:j]  # a forced break is never inside a line
                spans.append(Span(chunk, fonts[i], size, bold, tuple(xs)))
                i = j
            self.rows.append((number, start, end, tuple(spans), first, last, hanging))


def _stretchable(text: str, script: list[str]) -> list[bool]:
    """Where a justified line may widen after a character (LibreOffice's block adjustment):
    after every Chinese character and every space, and before a Chinese one; not inside a
    Latin word or number (``2022`` stays together)."""
    n = len(text)
    return [
        char in " \u3000" or script[k] == CHINESE or (k + 1 < n and script[k + 1] == CHINESE)
        for k, char in enumerate(text)
    ]


def _spread(stretchable: list[bool], start: int, end: int, room: float) -> list[float]:
    """The extra points after each character of ``start:end`` that make the line end at the
    margin: shared among its stretchable characters but the last (a line of Latin without
    spaces: every character)."""
    points = [k for k in range(start, end - 1) if stretchable[k]] or list(range(start, end - 1))
    extra = [0.0] * (end - start + 1)
    if points and room > 0:
        gap = room / len(points)
        for k in points:
            extra[k - start] = gap
    return extra


def _extent(widths: list[float], needs: list[float], start: int, end: int) -> float:
    """Points a line's characters take: the last one without the spacing after it (the
    width LibreOffice gives a portion cut at the line's end)."""
    return sum(widths[start : end - 1]) + needs[end - 1] if end > start else 0.0


def paginate(
    report: Report,
    metrics: Metrics | None = None,
    options: ExportOptions | None = None,
    geometry: Geometry | None = None,
) -> PageLayout:
    """Where every line and every page of ``report`` breaks (see the module docstring)."""
    options = options or ExportOptions()
    geometry = geometry or Geometry()
    builder = _Builder(metrics or NominalMetrics(), geometry)
    blocks = layout(report)
    signature = next((b.text for b in blocks if b.role is Role.SIGNATURE), "")
    date = next((b.text for b in blocks if b.role is Role.DATE), "")
    sig_left, date_left = closing_lefts(signature, date, builder.metrics, geometry)
    styles = paragraph_styles(options)
    for para in written(blocks):
        if para.blank:
            builder.blank()
            continue
        block = blocks[para.block]
        style = styles[para.style]
        # a heading's own text (after a run-in head) is body text
        text_font = styles["body"].font if block.role is Role.HEADING else style.font
        left = {Role.SIGNATURE: sig_left, Role.DATE: date_left}.get(block.role, 0.0)
        text = para.head + para.text
        builder.add(para.block, block, text, len(para.head), style, text_font, left=left)
    pages: list[Page] = []
    per_page = geometry.lines_per_page
    lines: list[Line] = []
    for row_no, (number, start, end, spans, first, last, hanging) in enumerate(builder.rows):
        page, slot = divmod(row_no, per_page)
        lines.append(Line(number, start, end, page + 1, slot, spans, first, last, hanging))
    for page_no in range(0, len(lines), per_page):
        pages.append(Page(page_no // per_page + 1, tuple(lines[page_no : page_no + per_page])))
    return PageLayout(builder.paragraphs, pages, geometry, blocks)
