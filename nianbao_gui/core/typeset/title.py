"""A long title broken into balanced lines (the signature and the date: pages/closing.py).

Title (GB/T 9704-2012 7.2.3: 标题……回行时，要做到词意完整，排列对称，长短适宜，间距恰当，
标题排列应当使用梯形或菱形): a 2号 line holds 20 characters (442 pt / 22 pt). A longer title
is split into as few lines as fit, choosing the break points by a score:

- lines as equal as possible (the length difference costs 1 a character);
- an upper line shorter than the next costs 2 more a character: the shape is an inverted
  trapezoid (upper line long) or, for three lines, a diamond (middle line longest);
- a break inside a number or inside a known word (年度, 述职述廉报告 …) is ruled out; a break
  right after punctuation, 的, 关于 … or a year (2022年度) is preferred (costs 3 less).
"""

from __future__ import annotations

import itertools
import re
import unicodedata

TITLE_LINE_CHARS = 20.0
_WORDS = (
    "述职述廉报告",
    "述职报告",
    "述廉报告",
    "工作总结",
    "年度",
    "工作",
    "报告",
    "总结",
    "党委",
    "政府",
    "党风廉政",
    "廉政建设",
    "社会",
    "主义",
)
_NATURAL_AFTER = "，、：；）》”的和与及年度"
_NATURAL_WORDS = ("关于", "年度")


def char_width(char: str) -> float:
    """A full-width character is 1, a half-width one (digits, Latin letters) 0.5."""
    return 1.0 if unicodedata.east_asian_width(char) in "WFA" else 0.5


def text_width(text: str) -> float:
    return sum(char_width(c) for c in text)


def _forbidden_breaks(title: str) -> set[int]:
    """Positions (break before index i) that split a number or a known word."""
    forbidden: set[int] = set()
    for match in re.finditer(r"[0-9A-Za-z.．%]+", title):
        forbidden.update(range(match.start() + 1, match.end()))
    for word in _WORDS:
        for match in re.finditer(re.escape(word), title):
            forbidden.update(range(match.start() + 1, match.end()))
    return forbidden


def _natural(title: str, i: int) -> bool:
    before = title[:i]
    return before[-1] in _NATURAL_AFTER or before.endswith(_NATURAL_WORDS)


def _score(title: str, cuts: tuple[int, ...], forbidden: set[int]) -> float | None:
    bounds = (0, *cuts, len(title))
    widths = [text_width(title[a:b]) for a, b in itertools.pairwise(bounds)]
    if any(width > TITLE_LINE_CHARS for width in widths) or any(c in forbidden for c in cuts):
        return None
    score = max(widths) - min(widths)
    if len(widths) == 3:
        # diamond: the middle line is the longest
        score += 2 * max(0.0, widths[0] - widths[1]) + 2 * max(0.0, widths[2] - widths[1])
    else:
        # inverted trapezoid: each line at least as long as the next
        score += sum(2 * max(0.0, b - a) for a, b in itertools.pairwise(widths))
    score -= sum(3 for c in cuts if _natural(title, c))
    return score


def split_title(title: str) -> list[str]:
    """The title's lines (one line when it fits)."""
    title = title.strip()
    width = text_width(title)
    if width <= TITLE_LINE_CHARS:
        return [title]
    count = int(-(-width // TITLE_LINE_CHARS))
    if count > 3:
        return _fill(title)
    forbidden = _forbidden_breaks(title)
    best: tuple[float, tuple[int, ...]] | None = None
    for tries in (forbidden, set()):  # a title made of one long word still gets broken
        for lines in (count, count + 1) if count < 3 else (count,):
            for cuts in itertools.combinations(range(1, len(title)), lines - 1):
                score = _score(title, cuts, tries)
                if score is not None and (best is None or score < best[0]):
                    best = (score, cuts)
            if best is not None:
                break
        if best is not None:
            break
    if best is None:
        return _fill(title)
    bounds = (0, *best[1], len(title))
    return [title[a:b] for a, b in itertools.pairwise(bounds)]


def _fill(title: str) -> list[str]:
    """Very long titles (over three lines): plain filling, 20 characters a line."""
    lines, line, width = [], "", 0.0
    for char in title:
        if width + char_width(char) > TITLE_LINE_CHARS:
            lines.append(line)
            line, width = "", 0.0
        line += char
        width += char_width(char)
    if line:
        lines.append(line)
    return lines
