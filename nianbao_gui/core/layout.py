"""The report as a sequence of paragraphs, in reading order, ready to be written out.

Both writers use this: plain text (``nianbao show --text``) and the Word exporter. Heading
numbers are made here from positions; the closing is written out here (一是……；二是……。).
A Block knows which part is heading (heading font of its level) and which is body text, so a
run-in heading such as ``（一）政法工作。一是……`` keeps 楷体 for the heading part only.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from enum import Enum

from .model import Report, Section
from .numbering import heading_number, ordinal


class Role(str, Enum):
    TITLE = "title"
    AUTHOR = "author"
    BODY = "body"
    HEADING = "heading"
    SIGNATURE = "signature"
    DATE = "date"


@dataclass(frozen=True)
class Block:
    """One paragraph of the written report.

    ``head`` is the numbered heading (font of ``level``), ``text`` the rest (body font).
    A heading on its own line has empty ``text``; a body paragraph has empty ``head``.
    """

    role: Role
    text: str = ""
    head: str = ""
    level: int = 0

    @property
    def full(self) -> str:
        return self.head + self.text


_LIST_END_MARKS = "；;。.，,、"


def format_date(date: _dt.date) -> str:
    """``2025年1月5日``: Arabic digits, full year, no zero padding (GB/T 9704-2012)."""
    return f"{date.year}年{date.month}月{date.day}日"


def shortcomings_sentence(intro: str, items: list[str]) -> str:
    """``intro`` + ``一是……；二是……；三是……。`` (items carry no ordinal or end mark)."""
    cleaned = [item.rstrip().rstrip(_LIST_END_MARKS) for item in items if item.strip()]
    if not cleaned:
        return intro
    listed = "；".join(f"{ordinal(i)}{item}" for i, item in enumerate(cleaned, start=1))
    return f"{intro}{listed}。"


def _section_blocks(section: Section, level: int, index: int) -> list[Block]:
    head = heading_number(level, index) + section.heading
    blocks: list[Block] = []
    paragraphs = list(section.paragraphs)
    if section.run_in and paragraphs:
        blocks.append(Block(Role.HEADING, text=paragraphs.pop(0), head=head, level=level))
    else:
        blocks.append(Block(Role.HEADING, head=head, level=level))
    blocks.extend(Block(Role.BODY, text=p) for p in paragraphs)
    for child_index, child in enumerate(section.children, start=1):
        blocks.extend(_section_blocks(child, level + 1, child_index))
    return blocks


def _closing_blocks(report: Report) -> list[Block]:
    closing = report.closing
    next_number = len(report.sections) + 1
    listed = shortcomings_sentence(closing.shortcomings_intro, closing.shortcomings)
    has_headings = bool(closing.shortcomings_heading or closing.plans_heading)
    if closing.one_paragraph and not has_headings:
        joined = "".join([*closing.other_work, listed, *closing.plans])
        return [Block(Role.BODY, text=joined)] if joined else []

    blocks = [Block(Role.BODY, text=p) for p in closing.other_work]
    if closing.shortcomings_heading:
        blocks.append(
            Block(
                Role.HEADING,
                head=heading_number(1, next_number) + closing.shortcomings_heading,
                level=1,
            )
        )
        next_number += 1
    if listed:
        blocks.append(Block(Role.BODY, text=listed))
    if closing.plans_heading:
        blocks.append(
            Block(
                Role.HEADING, head=heading_number(1, next_number) + closing.plans_heading, level=1
            )
        )
    blocks.extend(Block(Role.BODY, text=p) for p in closing.plans)
    return blocks


def layout(report: Report) -> list[Block]:
    """Every paragraph of the report in order: title, author line, opening, sections,
    closing, signature, date."""
    blocks = [Block(Role.TITLE, text=report.effective_title())]
    if report.show_author_line and report.author_line():
        blocks.append(Block(Role.AUTHOR, text=report.author_line()))
    blocks.extend(Block(Role.BODY, text=p) for p in report.opening)
    for index, section in enumerate(report.sections, start=1):
        blocks.extend(_section_blocks(section, 1, index))
    blocks.extend(_closing_blocks(report))
    if report.signature:
        blocks.append(Block(Role.SIGNATURE, text=report.signature))
    if report.date is not None:
        blocks.append(Block(Role.DATE, text=format_date(report.date)))
    return blocks


def to_plain_text(report: Report) -> str:
    """The whole report as plain text, one paragraph a line, ready to paste elsewhere.

    A blank line stands before the signature, as on paper.
    """
    lines: list[str] = []
    for block in layout(report):
        if block.role is Role.SIGNATURE or (block.role is Role.DATE and not report.signature):
            lines.append("")
        lines.append(block.full)
    return "\n".join(lines) + "\n"
