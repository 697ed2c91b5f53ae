"""The paragraphs every format writes, in order: the report's blocks with their styles, their
text cleaned, the title broken into lines, and the blank lines of the official layout.

Blank lines (one grid line each, in the body's style): under the title (under the author line
when there is one) and above the signature. The .docx writer and the page layout both walk
this list, so the Word file, the PDF and the preview have the same lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..layout import Block, Role
from ..model import Table
from ..tables import needs_separator
from . import sanitize
from .styles import TABLE, style_key
from .title import split_title

BLANK = "body"  # the style of a blank line


@dataclass(frozen=True)
class Written:
    """One paragraph as written. ``block``: its index in the blocks (−1 for a blank line);
    ``head`` the numbered heading, ``text`` the rest (the title's lines joined by
    ``sanitize.BREAK``); ``warnings`` what cleaning removed or changed (``sanitize.clean``)."""

    block: int
    style: str
    head: str = ""
    text: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def blank(self) -> bool:
        return self.block < 0


def _table(index: int, table: Table) -> list[Written]:
    """A table: 表题 and unit line above, the grid (style TABLE: the writers lay it out from
    the block's table), 注 below. The cells' texts are cleaned where they are written."""
    found = []
    for key, raw in (("table_caption", table.caption), ("table_unit", table.unit)):
        if raw.strip():
            text = sanitize.clean(raw.strip())
            found.append(Written(index, key, "", text.text, tuple(text.warnings)))
    found.append(Written(index, TABLE))
    if table.note.strip():
        note = sanitize.clean(table.note.strip())
        found.append(Written(index, "table_note", "", note.text, tuple(note.warnings)))
    return found


def written(blocks: list[Block]) -> list[Written]:
    """The paragraphs of ``blocks`` (layout.layout) with the blank lines between them."""
    found: list[Written] = []
    blank = Written(-1, BLANK)
    blank_done = False
    for index, block in enumerate(blocks):
        raw = block.text
        if block.role is Role.TITLE:  # the title is broken into lines here, not by the user
            raw = raw.replace("\r", "").replace("\n", "")
        head = sanitize.clean(block.head)
        text = sanitize.clean(raw)
        warnings = (*head.warnings, *text.warnings)
        if block.role in (Role.SIGNATURE, Role.DATE) and not blank_done:
            found.append(blank)  # one blank line between the text and the signature
            blank_done = True
        if block.role is Role.TABLE and block.table is not None:
            before = blocks[index - 1].table if index else None
            if needs_separator(before, block.table):
                found.append(blank)  # Word would join two tables with nothing between
            found += _table(index, block.table)
            if index + 1 == len(blocks) and not block.table.note.strip():
                found.append(blank)  # the body ends with a paragraph, not a table
            continue
        if block.role is Role.TITLE:
            lines = sanitize.BREAK.join(split_title(text.text))
            found.append(Written(index, style_key(block), "", lines, warnings))
            if not (index + 1 < len(blocks) and blocks[index + 1].role is Role.AUTHOR):
                found.append(blank)  # a blank line under the title
            continue
        found.append(Written(index, style_key(block), head.text, text.text, warnings))
        if block.role is Role.AUTHOR:
            found.append(blank)  # a blank line under the author line
    return found
