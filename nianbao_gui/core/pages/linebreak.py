"""Where a paragraph's lines break: greedy filling with the Chinese rules (禁则).

- No closing mark at the start of a line (``NO_START``), no opening mark at its end
  (``NO_END``): the break moves back, the line before holds one character less.
- A closing mark in ``HANGING`` that does not fit hangs past the right margin instead
  (Word's, WPS's and LibreOffice's default), so a full line keeps its 28 characters.
- Digits and Latin letters (``2022``, ``**``, ``50%``) stay together, as does ``……``;
  a space may end a line and hangs like a closing mark. LibreOffice hangs no mark that
  follows Latin text (``98.2%，`` goes to the next line whole).

The sets follow LibreOffice's zh-CN locale data (ForbiddenLineBegin/EndCharacters), which
are the marks of GB/T 15834 as well; see docs/page-layout.md.
"""

from __future__ import annotations

from collections.abc import Sequence

NO_START = frozenset("!%),.:;?]}¢°·’”†‡›℃∶、。〃〆〉》」』】〕〗〞﹚﹜！＂％＇），．：；？］｝～…")
NO_END = frozenset("$(£¥·‘“〈《「『【〔〖〝﹙﹛＄（．［｛￡￥")
HANGING = frozenset("，。、；：．,.")
BREAK = "\n"
_EPSILON = 0.01  # points: rounding of advances summed over a line


def _is_word(char: str) -> bool:
    """Characters that UAX #14 keeps together in a run (letters, digits, ASCII marks)."""
    return char.isascii() and char not in " \t\n" and char not in "([{"


def can_break(text: str, at: int) -> bool:
    """May a line end between ``text[at - 1]`` and ``text[at]``?"""
    before, after = text[at - 1], text[at]
    if after in " \t" or after in NO_START:
        return False  # a space stays on the line it follows, and so does a closing mark
    if before in " \t":
        return True
    if before in NO_END:
        return False
    if before == after == "…":
        return False  # LibreOffice does split "——" (docs/page-layout.md)
    return not (_is_word(before) and (_is_word(after) or after in "%％"))


def break_lines(
    text: str, widths: Sequence[float], first: float, rest: float
) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``text``; ``widths`` in points, one a character.

    ``first`` and ``rest``: the room on the first and on the following lines. A forced
    break (``BREAK``) ends a line and is in neither line.
    """
    lines: list[tuple[int, int]] = []
    start, pos, used, room = 0, 0, 0.0, first
    n = len(text)
    while pos < n:
        char = text[pos]
        if char == BREAK:
            lines.append((start, pos))
            start = pos = pos + 1
            used, room = 0.0, rest
            continue
        width = widths[pos]
        if used + width <= room + _EPSILON or pos == start:
            used += width
            pos += 1
            continue
        end = _line_end(text, start, pos, used <= room + _EPSILON)
        lines.append((start, end))
        start = pos = end
        used, room = 0.0, rest
    if start < n or not lines or text[n - 1] == BREAK:
        lines.append((start, n))  # (a mark hanging at the very end leaves nothing over)
    return lines


def _line_end(text: str, start: int, over: int, fits: bool) -> int:
    """The end of a line whose character at ``over`` does not fit."""
    n = len(text)
    if text[over] in " \t":  # spaces hang at the end of the line
        end = over
        while end < n and text[end] in " \t":
            end += 1
        if end == n or text[end] not in NO_START:
            return end
    if (
        fits
        and text[over] in HANGING
        and not text[over - 1].isascii()  # LibreOffice hangs no mark after Latin text
        and (over + 1 == n or text[over + 1] not in NO_START)
    ):
        return over + 1
    at = over
    while at > start + 1 and not can_break(text, at):
        at -= 1
    if at == start + 1 and not can_break(text, at):
        return over  # nowhere to break: cut where the line is full
    return at
