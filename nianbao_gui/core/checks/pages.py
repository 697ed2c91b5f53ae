"""【版面】: what the page layout shows that a secretary fixes by hand before printing.

- 单字成行: a paragraph whose last line holds a single character (closing marks aside);
- the last page holds only the 落款 and 成文日期 (GB/T 9704-2012 7.3.5: they stand on a
  page with text);
- a heading on the last line of a page, its text on the next page;
- a table's header row alone at the foot of a page, its first row on the next page.

Each finding says what to do. The layout is ``pages.paginate`` with the metrics given (the
PDF's and the preview's fonts, or the nominal widths of the standard's fonts). Checked
only on request (``nianbao check --layout``, the 体检 panel): a layout takes milliseconds,
but its findings change with every edit far from where the user types.
"""

from __future__ import annotations

from ..fields import FieldPath, get_text
from ..layout import Role
from ..model import Report
from ..pages import Metrics, PageLayout, paginate
from ..pages.linebreak import BREAK, NO_START
from ..pages.metrics import FileMetrics
from ..typeset import ExportOptions
from .finding import FONT_STAND_IN, Category, Finding, make_finding

ORPHAN = "layout.orphan_char"
SIGNATURE_ALONE = "layout.signature_alone"
HEADING_AT_PAGE_END = "layout.heading_at_page_end"
TABLE_HEADER_AT_PAGE_END = "layout.table_header_at_page_end"


def _field(report: Report, path: FieldPath) -> str:
    try:
        return get_text(report, path)
    except (KeyError, IndexError, AttributeError, TypeError):
        return ""


def _at_end(report: Report, path: FieldPath, tail: str, code: str, message: str) -> Finding:
    """A finding on ``tail`` at the end of the field ``path``; without its closing marks
    when the layout wrote them (the 。 after the last shortcoming, which drops its ；), so
    the lone character itself is selected; at the field's very end when neither is there."""
    text = _field(report, path)
    body = text.rstrip()
    marks = "".join(NO_START)
    word, bare = tail.rstrip(marks), body.rstrip(marks)
    if tail and body.endswith(tail):
        start, end = len(body) - len(tail), len(body)
    elif word and bare.endswith(word):
        start, end = len(bare) - len(word), len(bare)
    else:
        start = end = len(body)
    return make_finding(text, path, start, end, code, message, Category.LAYOUT)


def _orphans(report: Report, laid: PageLayout) -> list[Finding]:
    findings = []
    last_lines: dict[int, int] = {}
    counts: dict[int, int] = {}
    lines = laid.lines
    for number, line in enumerate(lines):
        last_lines[line.paragraph] = number
        counts[line.paragraph] = counts.get(line.paragraph, 0) + 1
    for paragraph_no, line_no in last_lines.items():
        paragraph = laid.paragraphs[paragraph_no]
        if paragraph.blank or paragraph.role not in (Role.BODY, Role.HEADING):
            continue
        line = lines[line_no]
        text = line.text
        if counts[paragraph_no] < 2 or len(text.strip().rstrip("".join(NO_START))) != 1:
            continue
        if paragraph.text[line.start - 1 : line.start] == BREAK:
            continue  # after a line break typed in the paragraph: it cannot go back up
        block = laid.blocks[paragraph.block]
        findings.append(
            _at_end(
                report,
                block.path,
                text.strip(),
                ORPHAN,
                f"第 {line.page} 页：这一段的最后一行只有一个字“{text.strip()}”（单字成行）。"
                "删去或精简这一段中的一两个字，让它并回上一行；或补充几个字。",
            )
        )
    return findings


def _signature_alone(report: Report, laid: PageLayout) -> list[Finding]:
    if len(laid.pages) < 2:
        return []
    roles = {
        laid.paragraphs[line.paragraph].role
        for line in laid.pages[-1].lines
        if not laid.paragraphs[line.paragraph].blank
    }
    if not roles or not roles <= {Role.SIGNATURE, Role.DATE}:
        return []
    path: FieldPath = ("signature",) if Role.SIGNATURE in roles else ("date",)
    text = _field(report, path) if path == ("signature",) else ""
    # what stands there: the 落款 may have stayed on the page before, above its date
    alone = "落款和成文日期" if len(roles) == 2 else "落款" if text else "成文日期"
    return [
        make_finding(
            text,
            path,
            0,
            len(text),
            SIGNATURE_ALONE,
            f"最后一页（第 {len(laid.pages)} 页）只有{alone}，没有正文"
            f"（GB/T 9704 要求落款与正文同页）。把正文精简几行，让{alone}回到上一页；"
            "或在正文末尾补充内容，让正文有几行排到最后一页。",
            Category.LAYOUT,
        )
    ]


def _headings_at_page_end(report: Report, laid: PageLayout) -> list[Finding]:
    findings = []
    last_slot = laid.geometry.lines_per_page - 1
    lines = laid.lines
    for number, line in enumerate(lines):
        paragraph = laid.paragraphs[line.paragraph]
        if (
            paragraph.role is not Role.HEADING
            or paragraph.head_len < len(paragraph.text)  # run-in: its text follows on the line
            or not line.last
            or line.slot != last_slot
            or number + 1 == len(lines)
        ):
            continue
        block = laid.blocks[paragraph.block]
        text = _field(report, block.path)
        findings.append(
            make_finding(
                text,
                block.path,
                0,
                len(text),
                HEADING_AT_PAGE_END,
                f"第 {line.page} 页的最后一行是标题“{paragraph.text}”，它的正文在下一页。"
                "在这一页前面精简一行文字（正文开头移上来），或补充一行（标题移到下一页）。",
                Category.LAYOUT,
            )
        )
    return findings


def _font_notes(report: Report, metrics: Metrics | None) -> list[Finding]:
    """What the font search said (a font missing here, and what stands in for it): the
    pages are laid out with the stand-in, as the PDF draws them."""
    notes = metrics.notes if isinstance(metrics, FileMetrics) else ()
    text = _field(report, ("title",))
    return [
        make_finding(text, ("title",), 0, 0, FONT_STAND_IN, note, Category.LAYOUT) for note in notes
    ]


def _table_headers_at_page_end(report: Report, laid: PageLayout) -> list[Finding]:
    findings = []
    for page, following in zip(laid.pages, laid.pages[1:], strict=False):
        if not page.table_rows or not following.table_rows:
            continue
        paragraph, _row, repeated = page.table_rows[-1]
        header = laid.paragraphs[paragraph]
        block = laid.blocks[header.block]
        table = block.table
        continues = following.table_rows[0][0] == paragraph
        if table is None or repeated or not continues:
            continue
        rows = [row for number, row, again in page.table_rows if number == paragraph and not again]
        if any(row >= table.header_rows for row in rows):
            continue  # a body row of the table is on this page too
        path = (*block.path, "rows", 0, 0)
        text = _field(report, path)
        findings.append(
            make_finding(
                text,
                path,
                0,
                len(text),
                TABLE_HEADER_AT_PAGE_END,
                f"第 {page.number} 页的最后是表格的表头，表格的内容从下一页开始。"
                "在这一页前面精简几行文字，或补充几行（让表头与内容同页）。",
                Category.LAYOUT,
            )
        )
    return findings


def check_pages(
    report: Report, metrics: Metrics | None = None, options: ExportOptions | None = None
) -> list[Finding]:
    """The 【版面】 findings of ``report`` laid out with ``metrics`` (nominal when None)."""
    laid = paginate(report, metrics, options)
    return (
        _orphans(report, laid)
        + _headings_at_page_end(report, laid)
        + _signature_alone(report, laid)
        + _table_headers_at_page_end(report, laid)
        + _font_notes(report, metrics)
    )
