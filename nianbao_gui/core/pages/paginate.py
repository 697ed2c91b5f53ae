"""The report's paragraphs broken into lines and pages on the official grid.

The paragraphs, their styles (font, size, alignment, indent) and the blank lines come from
typeset/, as the .docx writer's do. Every line takes one grid line of 28.95 pt, the title's
2号 lines too (exact spacing, as the .docx says), and a page holds 22: there is no
widow/orphan control and no keep-with-next but a table's 表题, so pages break every 22 lines
(the standard fills the text block). A table's rows (table_rows.py) take their own heights;
the lines after a table follow it off the grid, as LibreOffice sets them. The blank lines
(under the title or author line, above the signature) are lines here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..layout import Block, Role, layout
from ..model import Report
from ..typeset import ExportOptions, FontKey, ParagraphStyle, paragraph_styles
from ..typeset.paragraphs import written
from ..typeset.styles import TABLE
from .closing import closing_lefts
from .geometry import Geometry
from .linebreak import BREAK, HANGING, break_lines
from .metrics import Metrics, NominalMetrics
from .table_rows import LaidRow, lay_table
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
    slot: float  # 0 … 21 on its page; after a table a line is off the grid (20.4)
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
    rules: tuple[tuple[float, float, float, float], ...] = ()
    """A table's borders: (x0, y0, x1, y1) in points from the text block's top left."""
    table_rows: tuple[tuple[int, int, bool], ...] = ()
    """Each table row on the page: (paragraph of its table, row, repeated header)."""


@dataclass(frozen=True)
class _TableRow:
    paragraph: int  # the table's Paragraph
    row: LaidRow
    headers: tuple[LaidRow, ...]  # the table's header rows, repeated on a new page


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
        self.rows: list[tuple[int, int, int, tuple[Span, ...], bool, bool, bool] | _TableRow] = []
        self.keep: set[int] = set()  # rows kept on the page of the row after them (表题)

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
        first_row = len(self.rows)
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
        if style.keep_next:  # every line of the paragraph stays with what follows it
            self.keep.update(range(first_row, len(self.rows)))

    def table(self, index: int, block: Block, size: float) -> None:
        """A table's grid (its 表题, unit line and 注 are paragraphs of their own): a row of
        the builder for each of its rows."""
        if block.table is None:
            return
        laid = lay_table(block.table, self.metrics, self.g.block_width, size)
        self.paragraphs.append(Paragraph(index, Role.TABLE, 0, block.text))
        number = len(self.paragraphs) - 1
        headers = tuple(row for row in laid.rows if row.header)
        for row in laid.rows:
            self.rows.append(_TableRow(number, row, headers))


BASELINE = 21.0
"""A 3号 line's baseline below the top of its grid line (pdf.py, the preview)."""
_FITS = 1e-6


def _height(builder: _Builder, at: int, pitch: float) -> float:
    """Grid lines the row ``at`` of the builder takes: 1 for a line of text."""
    item = builder.rows[at]
    return item.row.height / pitch if isinstance(item, _TableRow) else 1.0


def _paginate(builder: _Builder, g: Geometry) -> list[Page]:
    """Lines and table rows onto pages of 22 lines: a table row is never split and starts a
    new page with the table's header rows repeated; a line kept with the next (表题, unit)
    goes to the next page with it. Lines after a table follow it directly, off the grid,
    as LibreOffice sets them."""
    per, pitch = g.lines_per_page, g.line_pitch
    pages: list[
        tuple[list[Line], list[tuple[float, float, float, float]], list[tuple[int, int, bool]]]
    ] = [([], [], [])]
    pos = 0.0
    rows = builder.rows
    for at, item in enumerate(rows):
        height = _height(builder, at, pitch)
        need = height
        if at in builder.keep:  # the whole chain and what it keeps with
            end = at
            while end in builder.keep and end + 1 < len(rows):
                end += 1
            need = sum(_height(builder, k, pitch) for k in range(at, end + 1))
        repeat: tuple[LaidRow, ...] = ()
        if pos > _FITS and pos + min(need, per) > per + _FITS:
            pages.append(([], [], []))
            pos = 0.0
            if isinstance(item, _TableRow) and not item.row.header:
                repeat = item.headers
        lines, rules, placed = pages[-1]
        number = len(pages)
        if not isinstance(item, _TableRow):
            paragraph, start, end_, spans, first, last, hanging = item
            lines.append(Line(paragraph, start, end_, number, pos, spans, first, last, hanging))
            pos += 1.0
            continue
        for row, repeated in [*((h, True) for h in repeat), (item.row, False)]:
            top = pos * pitch
            _place_row(item.paragraph, row, top, number, g, lines, rules)
            placed.append((item.paragraph, row.index, repeated))
            pos += row.height / pitch
    return [
        Page(n, tuple(lines), tuple(rules), tuple(placed))
        for n, (lines, rules, placed) in enumerate(pages, start=1)
        if n == 1 or lines or placed
    ]


def _place_row(
    paragraph: int,
    row: LaidRow,
    top: float,
    page: int,
    g: Geometry,
    lines: list[Line],
    rules: list[tuple[float, float, float, float]],
) -> None:
    """The row's cell lines as Lines (slots from their baselines; the cells' lines on one
    baseline are one Line, a span each) and its borders."""
    pitch, body = g.line_pitch, g.body_size
    by_slot: dict[float, list[Span]] = {}
    for text, font, size, xs, baseline in row.lines:
        slot = (top + baseline - BASELINE - (size - body) / 2) / pitch
        span = Span(text, font, size, False, xs)
        spans = by_slot.get(slot)
        if spans is None:
            by_slot[slot] = [span]
        else:
            spans.append(span)
    for slot, spans in by_slot.items():
        end = sum([len(span.text) for span in spans])
        lines.append(Line(paragraph, 0, end, page, slot, tuple(spans), True, True))
    bottom = top + row.height
    rule = rules.append  # four or so a cell, thousands a report
    for left, width, starts, ends in row.boxes:
        right = left + width
        if starts:
            rule((left, top, right, top))
        if ends:
            rule((left, bottom, right, bottom))
        rule((left, top, left, bottom))
        rule((right, top, right, bottom))


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
        if para.style == TABLE:
            builder.table(para.block, block, styles["cell"].size)
            continue
        style = styles[para.style]
        # a heading's own text (after a run-in head) is body text
        text_font = styles["body"].font if block.role is Role.HEADING else style.font
        left = {Role.SIGNATURE: sig_left, Role.DATE: date_left}.get(block.role, 0.0)
        text = para.head + para.text
        builder.add(para.block, block, text, len(para.head), style, text_font, left=left)
    pages = _paginate(builder, geometry)
    return PageLayout(builder.paragraphs, pages, geometry, blocks)
