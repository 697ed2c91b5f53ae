"""Outline of a report with character counts (``nianbao show``) and the counting rule.

字数 is counted as WPS and Word count Chinese text: every character that is not white space.
"""

from __future__ import annotations

from .layout import Block, Role, layout
from .model import Closing, Report


def char_count(text: str) -> int:
    # str.split() splits on exactly the characters for which str.isspace() is true, so this
    # counts the non-space characters at C speed: the form calls it on every keystroke.
    return len("".join(text.split()))


def _count_under_headings(blocks: list[Block], first_label: str) -> list[tuple[str, int]]:
    """(label, characters) for the text before the first heading and under each heading."""
    rows: list[tuple[str, int]] = [(first_label, 0)]
    for block in blocks:
        if block.role is Role.HEADING:
            rows.append(("  " * (block.level - 1) + block.head, char_count(block.full)))
        else:
            label, count = rows[-1]
            rows[-1] = (label, count + char_count(block.full))
    return rows


def outline_text(report: Report) -> str:
    """One line per heading with the characters under it, the closing, and the total."""
    body_only = report.model_copy(update={"closing": Closing(), "signature": "", "date": None})
    blocks = [b for b in layout(body_only) if b.role not in (Role.TITLE, Role.AUTHOR)]
    everything = [b for b in layout(report) if b.role is not Role.TITLE]
    tail = everything[
        len(blocks) + (1 if report.show_author_line and report.author_line() else 0) :
    ]
    closing = [b for b in tail if b.role in (Role.BODY, Role.HEADING)]
    signature = [b for b in tail if b.role in (Role.SIGNATURE, Role.DATE)]

    rows = _count_under_headings(blocks, "开篇")
    closing_rows = _count_under_headings(closing, "结尾")
    rows.extend(row for row in closing_rows if row[1] or row[0] != "结尾")
    if signature:
        rows.append(("落款", sum(char_count(b.full) for b in signature)))
    total = sum(char_count(b.full) for b in everything)
    lines = [f"{report.effective_title()}（{report.kind.value}）"]
    lines.extend(f"{label}  {count} 字" for label, count in rows)
    lines.append(f"全文共 {total} 字")
    return "\n".join(lines) + "\n"
