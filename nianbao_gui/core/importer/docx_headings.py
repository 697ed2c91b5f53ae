"""Headings in Word documents whose numbers are not typed.

Many reports are written with Word's heading styles (标题 1, 标题 2 …), often with automatic
numbering: the number 一、 is shown but is not in the text. Read as plain text such a report
would have no headings at all. So when no heading-styled paragraph has a typed number, each
one is given the number of its level (the model renumbers headings anyway, so only the
level matters). The levels in use are ranked, so a document whose top headings are 标题 2
still starts at 一、. The first paragraph is left alone when it reads as the report's title.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import MAX_DEPTH
from ..numbering import heading_number
from .meta import is_title
from .patterns import match_heading

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)


def heading_styles(styles: Any) -> dict[str, int]:
    """Style id → outline level (1–9) for heading styles in styles.xml."""
    found: dict[str, int] = {}
    for style in styles.findall(_W + "style"):
        style_id = style.get(_W + "styleId", "")
        outline = style.find(f"{_W}pPr/{_W}outlineLvl")
        value = outline.get(_W + "val", "") if outline is not None else ""
        if value.isdigit() and int(value) < 9:
            found[style_id] = int(value) + 1
            continue
        name = style.find(_W + "name")
        named = _HEADING_NAME.match(name.get(_W + "val", "").strip()) if name is not None else None
        if named:
            found[style_id] = int(named.group(1))
    return found


def number_styled_headings(lines: list[tuple[str, int | None]]) -> tuple[list[str], int]:
    """The lines, with numbers written before untyped headings, and how many were numbered."""
    texts = [text for text, _ in lines]
    headings = [i for i, (text, level) in enumerate(lines) if level is not None and text.strip()]
    first = next((i for i, text in enumerate(texts) if text.strip()), None)
    if first in headings and is_title(texts[first].strip()):
        headings.remove(first)
    if not headings or any(match_heading(texts[i].lstrip(" \t\u3000")) for i in headings):
        return texts, 0  # numbers are typed (or there are no headings): read the text as it is
    used = sorted({level for i in headings if (level := lines[i][1]) is not None})
    ranks = {level: rank for rank, level in enumerate(used, start=1)}
    counters = [0] * (MAX_DEPTH + 1)
    numbered = 0
    for index in headings:
        level = ranks.get(lines[index][1] or 0, 0)
        if not 1 <= level <= MAX_DEPTH:
            continue  # a fifth level has no number in official writing: stays body text
        counters[level] += 1
        counters[level + 1 :] = [0] * (MAX_DEPTH - level)
        texts[index] = heading_number(level, counters[level]) + texts[index].lstrip(" \t\u3000")
        numbered += 1
    return texts, numbered
