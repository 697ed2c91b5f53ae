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

from .model import Report, Section, Table
from .numbering import heading_number, ordinal
from .tables import body, table_text


class Role(str, Enum):
    TITLE = "title"
    AUTHOR = "author"
    BODY = "body"
    HEADING = "heading"
    SIGNATURE = "signature"
    DATE = "date"
    TABLE = "table"


@dataclass(frozen=True)
class Block:
    """One paragraph of the written report.

    ``head`` is the numbered heading (font of ``level``), ``text`` the rest (body font).
    A heading on its own line has empty ``text``; a body paragraph has empty ``head``.
    ``path`` is the report field that holds the paragraph's last words (for the 【版面】
    checks to point at; fields.FieldPath).
    """

    role: Role
    text: str = ""
    head: str = ""
    level: int = 0
    path: tuple[str | int, ...] = ()
    table: Table | None = None
    """A TABLE block's table; its ``text`` is the table's text (tables.table_text: one line
    a row, cells tab-separated), what plain text and character counts read."""

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


def _section_blocks(
    section: Section, level: int, index: int, path: tuple[str | int, ...]
) -> list[Block]:
    head = heading_number(level, index) + section.heading
    blocks: list[Block] = []
    paragraphs = list(section.paragraphs)
    first = 0
    if section.run_in and paragraphs:
        text = paragraphs.pop(0)
        blocks.append(Block(Role.HEADING, text, head, level, path=(*path, "paragraphs", 0)))
        first = 1
    else:
        blocks.append(Block(Role.HEADING, head=head, level=level, path=(*path, "heading")))
    for kind, i in body(section):
        if kind == "table":
            table = section.tables[i]
            where = (*path, "tables", i)
            blocks.append(Block(Role.TABLE, text=table_text(table), path=where, table=table))
        elif i >= first:
            blocks.append(
                Block(Role.BODY, text=section.paragraphs[i], path=(*path, "paragraphs", i))
            )
    for child_index, child in enumerate(section.children, start=1):
        child_path = (*path, "children", child_index - 1)
        blocks.extend(_section_blocks(child, level + 1, child_index, child_path))
    return blocks


def _closing_blocks(report: Report) -> list[Block]:
    closing = report.closing
    next_number = len(report.sections) + 1
    listed = shortcomings_sentence(closing.shortcomings_intro, closing.shortcomings)
    has_headings = bool(closing.shortcomings_heading or closing.plans_heading)
    items = [i for i, item in enumerate(closing.shortcomings) if item.strip()]
    listed_path: tuple[str | int, ...] = (
        ("closing", "shortcomings", items[-1]) if items else ("closing", "shortcomings_intro")
    )
    if closing.one_paragraph and not has_headings:
        joined = "".join([*closing.other_work, listed, *closing.plans])
        # the last field with words in it (an empty intro or plan ends nothing)
        ends: list[tuple[str | int, ...]] = [
            ("closing", "other_work", i) for i, p in enumerate(closing.other_work) if p
        ]
        ends += [listed_path] if listed else []
        ends += [("closing", "plans", i) for i, p in enumerate(closing.plans) if p]
        return [Block(Role.BODY, text=joined, path=ends[-1])] if joined else []

    blocks = [
        Block(Role.BODY, text=p, path=("closing", "other_work", i))
        for i, p in enumerate(closing.other_work)
    ]
    if closing.shortcomings_heading:
        blocks.append(
            Block(
                Role.HEADING,
                head=heading_number(1, next_number) + closing.shortcomings_heading,
                level=1,
                path=("closing", "shortcomings_heading"),
            )
        )
        next_number += 1
    if listed:
        blocks.append(Block(Role.BODY, text=listed, path=listed_path))
    if closing.plans_heading:
        blocks.append(
            Block(
                Role.HEADING,
                head=heading_number(1, next_number) + closing.plans_heading,
                level=1,
                path=("closing", "plans_heading"),
            )
        )
    blocks.extend(
        Block(Role.BODY, text=p, path=("closing", "plans", i)) for i, p in enumerate(closing.plans)
    )
    return blocks


_SALUTATION_WORDS = ("领导", "同志", "代表", "委员", "各位", "尊敬")
_NOT_SALUTATION = ("汇报", "报告", "如下", "。", "；", "？", "！")


def is_salutation(block: Block) -> bool:
    """The report's first paragraph is a salutation (``各位领导、同志们：``): short, ending in
    a colon, addressed to people, not the ``现将……汇报如下：`` that opens the text. GB/T
    9704-2012 7.3.2 sets the 主送机关 flush left (顶格), and reports read at a meeting do so
    with the salutation: the export and the page layout write it without the two-character
    indent."""
    text = block.text.strip()
    return (
        block.role is Role.BODY
        and block.path == ("opening", 0)
        and 0 < len(text) <= 30
        and text[-1] in "：:"
        and any(word in text for word in _SALUTATION_WORDS)
        and not any(word in text for word in _NOT_SALUTATION)
    )


def layout(report: Report) -> list[Block]:
    """Every paragraph of the report in order: title, author line, opening, sections,
    closing, signature, date."""
    blocks = [Block(Role.TITLE, text=report.effective_title(), path=("title",))]
    if report.show_author_line and report.author_line():
        blocks.append(Block(Role.AUTHOR, text=report.author_line(), path=("author_name",)))
    blocks.extend(
        Block(Role.BODY, text=p, path=("opening", i)) for i, p in enumerate(report.opening)
    )
    for index, section in enumerate(report.sections, start=1):
        blocks.extend(_section_blocks(section, 1, index, ("sections", index - 1)))
    blocks.extend(_closing_blocks(report))
    if report.signature:
        blocks.append(Block(Role.SIGNATURE, text=report.signature, path=("signature",)))
    if report.date is not None:
        blocks.append(Block(Role.DATE, text=format_date(report.date), path=("date",)))
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
