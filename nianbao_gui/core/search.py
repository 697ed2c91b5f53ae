"""Find and replace across the whole report: every heading, paragraph and text field.

Fields are searched in reading order (``fields.iter_text_fields``), so "next" walks the report
as it is printed: 基本信息, 开篇, each section, 结尾, 落款. Latin letters match without regard
to case; Chinese text matches exactly. Replacing returns the new texts and leaves the report
alone: the window makes one undo step of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fields import FieldPath, iter_text_fields
from .model import Report


@dataclass(frozen=True)
class Match:
    path: FieldPath
    start: int
    end: int
    label: str  # the field, as the form names it


def _pattern(needle: str) -> re.Pattern[str]:
    return re.compile(re.escape(needle), re.IGNORECASE)


def find_all(report: Report, needle: str) -> list[Match]:
    """Every occurrence of ``needle``, in reading order; none for an empty needle."""
    if not needle:
        return []
    pattern = _pattern(needle)
    return [
        Match(field.path, m.start(), m.end(), field.label)
        for field in iter_text_fields(report)
        for m in pattern.finditer(field.text)
    ]


def replace_all(
    report: Report, needle: str, replacement: str
) -> tuple[list[tuple[FieldPath, str]], int]:
    """The new text of every field that contains ``needle``, and how many places change."""
    if not needle:
        return [], 0
    pattern = _pattern(needle)
    changes: list[tuple[FieldPath, str]] = []
    count = 0
    for field in iter_text_fields(report):
        new, n = pattern.subn(lambda _m: replacement, field.text)
        if n and new != field.text:
            changes.append((field.path, new))
            count += n
    return changes, count


def replace_at(text: str, match: Match, needle: str, replacement: str) -> str | None:
    """``text`` with the one match replaced; None when the text there is no longer ``needle``."""
    found = text[match.start : match.end]
    if found.lower() != needle.lower():
        return None
    return text[: match.start] + replacement + text[match.end :]
