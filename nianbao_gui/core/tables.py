"""Tables in a section's body (model.Table): where each stands, its grid, its names.

A table follows the paragraph whose identity is its ``after`` (empty: it stands before the
first paragraph, or after a run-in heading's own paragraph, which shares the heading's
line). A table whose paragraph is gone stands at the end of the body, so it is never lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .model import Report, Section, Table

Block = tuple[str, int]
"""``("paragraph", i)`` or ``("table", j)``: one item of a section's body."""


def body(section: Section) -> list[Block]:
    """The section's paragraphs and tables in the order they stand."""
    by_anchor: dict[str, list[int]] = {}
    anchors = set(section.paragraph_ids)
    for j, table in enumerate(section.tables):
        anchor = table.after if not table.after or table.after in anchors else "\x00end"
        by_anchor.setdefault(anchor, []).append(j)
    order: list[Block] = []
    leading = [("table", j) for j in by_anchor.pop("", [])]
    if not section.run_in or not section.paragraphs:
        order.extend(leading)
        leading = []
    for i, _text in enumerate(section.paragraphs):
        order.append(("paragraph", i))
        if i == 0:
            order.extend(leading)
        pid = section.paragraph_ids[i] if i < len(section.paragraph_ids) else None
        if pid is not None:
            order.extend(("table", j) for j in by_anchor.pop(pid, []))
    order.extend(("table", j) for j in by_anchor.pop("\x00end", []))
    for rest in by_anchor.values():  # an anchor named twice in paragraph_ids: none is lost
        order.extend(("table", j) for j in rest)
    return order


def anchor_before(section: Section, paragraph: int) -> str:
    """The ``after`` of a table put right after paragraph ``paragraph`` (−1: before all)."""
    if paragraph < 0:
        return ""
    return section.paragraph_ids[paragraph]


def covered(table: Table) -> dict[tuple[int, int], tuple[int, int]]:
    """Each cell hidden by a merge → the merge's top-left cell (which holds the text)."""
    hidden: dict[tuple[int, int], tuple[int, int]] = {}
    for merge in table.merges:
        for r in range(merge.top, merge.top + merge.height):
            for c in range(merge.left, merge.left + merge.width):
                if (r, c) != (merge.top, merge.left):
                    hidden[(r, c)] = (merge.top, merge.left)
    return hidden


def row_texts(table: Table) -> list[str]:
    """Each row as tab-separated cells (``nianbao show --text``, the import's check)."""
    return ["\t".join(row) for row in table.rows]


def table_text(table: Table) -> str:
    """Everything a table says, one line a row (caption and unit above, note below)."""
    lines = [text for text in (table.caption, table.unit) if text]
    lines += row_texts(table)
    lines += [table.note] if table.note else []
    return "\n".join(lines)


@dataclass(frozen=True)
class TablePlace:
    number: int  # 表1, 表2 … in reading order through the report
    path: tuple[str | int, ...]  # ("sections", 0, "tables", 1)
    table: Table


def all_tables(report: Report) -> Iterator[TablePlace]:
    """Every table in reading order, numbered from 1."""
    number = 0

    def walk(sections: list[Section], path: tuple[str | int, ...]) -> Iterator[TablePlace]:
        nonlocal number
        for index, section in enumerate(sections):
            here = (*path, index)
            for kind, j in body(section):
                if kind == "table":
                    number += 1
                    yield TablePlace(number, (*here, "tables", j), section.tables[j])
            yield from walk(section.children, (*here, "children"))

    yield from walk(report.sections, ("sections",))


def cell_label(number: int, row: int, column: int) -> str:
    """``表1 第3行 第2列`` (row and column counted from 0 in the model)."""
    return f"表{number} 第{row + 1}行 第{column + 1}列"


_NUMBER_CHARS = set("0123456789０１２３４５６７８９.．%％+-－—‰,，~～/×x()（）")


_PLACEHOLDER_CHARS = set("*＊Xx×〇")
_STARS = frozenset("*＊")
_DIGITS = frozenset(c for c in _NUMBER_CHARS if c.isdigit())


def centred(text: str) -> bool:
    """A cell set centred: a figure, or the placeholder that stands for one (``**``, ``XX``)
    until the 站所 send it, so the column does not jump when it is filled."""
    chars = set(text.strip())
    if _figure(chars) or (bool(chars) and chars <= _PLACEHOLDER_CHARS):
        return True
    # "**%" stands for "6.2%": a figure's characters with stars for its digits
    return chars <= _NUMBER_CHARS | _PLACEHOLDER_CHARS and not chars.isdisjoint(_STARS)


def is_number(text: str) -> bool:
    """A cell that holds a figure (``28.6``, ``6.2%``, ``-3``, ``1,200``): set centred."""
    return _figure(set(text.strip()))


def _figure(chars: set[str]) -> bool:
    """Only characters of figures, and a digit among them (by sets: every cell of every
    table is asked, twice an export)."""
    return chars <= _NUMBER_CHARS and not chars.isdisjoint(_DIGITS)


TEXT_WIDTH_TWIPS = 8844
"""156 mm, the width of the text block (GB/T 9704-2012): a table spans it."""

_MIN_CHARS, _MAX_CHARS = 2.0, 14.0


def _text_width(text: str) -> float:
    """Characters of the body's size a text needs: a Latin letter or digit half of one."""
    if text.isascii():  # (the same sums, without a test per character)
        return sum([0.55] * len(text))
    return sum([1.0 if ord(char) > 0x2E80 else 0.55 for char in text])


def column_twips(table: Table, total: int = TEXT_WIDTH_TWIPS) -> list[int]:
    """The widths of the columns (twips), summing to ``total``: each column as wide as its
    longest unmerged cell needs (between 2 and 14 characters), shared out proportionally.
    The export and the page layout use the same widths."""
    width = len(table.rows[0])
    hidden = covered(table)
    spanned = {(m.top, m.left) for m in table.merges if m.width > 1}
    wants = [_MIN_CHARS] * width
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            if (hidden or spanned) and ((r, c) in hidden or (r, c) in spanned):
                continue
            if "\n" in text:
                longest = max(_text_width(line) for line in text.split("\n"))
            else:
                longest = _text_width(text)
            want = min(longest + 1.0, _MAX_CHARS)
            if want > wants[c]:
                wants[c] = want
    share = sum(wants)
    widths = [int(total * want / share) for want in wants]
    widths[-1] += total - sum(widths)
    return widths


def needs_separator(before: Table | None, table: Table) -> bool:
    """A blank paragraph goes between two tables that would touch (the first without 注,
    the second without 表题 or unit line): Word would join them into one table."""
    return (
        before is not None
        and not before.note.strip()
        and not (table.caption.strip() or table.unit.strip())
    )
