"""Outline of a report with character counts (``nianbao show``) and the counting rule.

字数 is counted as WPS and Word count Chinese text: every character that is not white space.
"""

from __future__ import annotations

from .layout import Role, layout
from .model import Report


def char_count(text: str) -> int:
    return sum(1 for char in text if not char.isspace())


def outline_text(report: Report) -> str:
    """One line per heading with the characters under it, and the total."""
    lines = [f"{report.effective_title()}（{report.kind.value}）"]
    blocks = layout(report)
    total = sum(char_count(block.full) for block in blocks if block.role is not Role.TITLE)
    current: list[str] = []
    counts: list[int] = []
    body_before_sections = 0
    for block in blocks:
        if block.role is Role.HEADING:
            current.append("  " * (block.level - 1) + block.head)
            counts.append(char_count(block.full))
        elif block.role is Role.TITLE:
            continue
        elif counts:
            counts[-1] += char_count(block.full)
        else:
            body_before_sections += char_count(block.full)
    lines.append(f"开篇  {body_before_sections} 字")
    lines.extend(f"{line}  {count} 字" for line, count in zip(current, counts, strict=True))
    lines.append(f"全文共 {total} 字")
    return "\n".join(lines) + "\n"
