"""Where a paragraph's lines break: greedy filling, as LibreOffice 7.4 breaks the .docx.

Where a line is full, LibreOffice looks back from the first character that does not fit
(the *cut*) to the nearest letter or digit, the cut itself included, and breaks by that
character's language (Writer's ``SwTextGuess::Guess``):

- Chinese (a Han character, a full-width digit …): its zh-CN rules (i18npool's
  ``BreakIterator_CJK``): a line may end between *any* two characters except before a mark
  of ``ZH_NO_START`` or after one of ``ZH_NO_END`` (its locale data's forbidden
  characters); a mark of ``HANGING`` at the cut hangs past the right margin where the
  paragraph lets marks hang (``hang``; the export's ``w:overflowPunct w:val="1"`` turns it
  off in LibreOffice: the mark then goes down with the character before it). So "**" after
  Chinese text splits where the line is full, and "……", "——" and "％" split too.
- Latin (an ASCII letter or digit): its en-US rules (ICU's UAX #14): digits, letters and
  ASCII marks (``2022``, ``98.2%``) stay together, no closing mark (``NO_START``) starts a
  line, no opening mark (``NO_END``) ends one, and nothing hangs (``98.2%，`` goes to the
  next line whole).

A space (or an ideographic space) at the cut ends the line and hangs past the margin with
the spaces after it. See docs/page-layout.md.
"""

from __future__ import annotations

from collections.abc import Sequence

# LibreOffice 7.4's zh_CN locale data (i18npool/source/localedata/data/zh_CN.xml, read out of
# its liblocaledata_others.so): ForbiddenLineBegin/EndCharacters and LineBreakHangingCharacters
ZH_NO_START = frozenset(
    ":!),.;?]}¢'\"、。〉》」』】〕〗〞︰︱︳﹐､﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？｜｝"
    "︴︶︸︺︼︾﹀﹂﹄﹏～￠々‖•·ˇˉ―-′’”"
)
ZH_NO_END = frozenset("([{£¥'\"‵〈《「『【〔〖（［｛￡￥〝︵︷︹︻︽︿﹁﹃﹙﹛﹝“‘")
HANGING = frozenset("!,.:;?、。！，．：；？")
# ICU's line-break classes that keep a mark off a line's start (CL, CP, EX, IS, NS, PO, IN)
# or end (OP, PR, QU), for the characters a report holds
NO_START = frozenset("!%),.:;?]}¢°·’”†‡›℃∶、。〃〆〉》」』】〕〗〞﹚﹜！＂％＇），．：；？］｝～…")
NO_END = frozenset("$(£¥·‘“〈《「『【〔〖〝﹙﹛＄（．［｛￡￥")
OPENING = frozenset("([{（［｛《〈「『【〔〖〘〚〝﹙﹛﹝")  # UAX #14 class OP
BREAK = "\n"
SPACES = " \t\u3000"  # the ideographic space too: LibreOffice ends a line after one at the cut
_EPSILON = 0.01  # points: rounding of advances summed over a line


def _is_word(char: str) -> bool:
    """Characters that UAX #14 keeps together in a run (letters, digits, ASCII marks)."""
    return char.isascii() and char not in " \t\n" and char not in "([{"


def can_break(text: str, at: int) -> bool:
    """May a line end between ``text[at - 1]`` and ``text[at]`` by the en-US (ICU) rules?"""
    before, after = text[at - 1], text[at]
    if after in SPACES or after in NO_START:
        return False  # a space stays on the line it follows, and so does a closing mark
    if before in SPACES:
        return True
    if before in NO_END:
        return False
    # UAX #14 LB30: no break between a letter or digit and an opening bracket ("2（")
    return not (_is_word(before) and (_is_word(after) or after in "%％" or after in OPENING))


def can_break_chinese(text: str, at: int) -> bool:
    """May a line end between ``text[at - 1]`` and ``text[at]`` by the zh-CN rules?"""
    return text[at] not in ZH_NO_START and text[at - 1] not in ZH_NO_END


def chinese_rules(text: str, cut: int, start: int = 0, before: int = -1) -> bool:
    """Does LibreOffice break by the zh-CN rules when ``text[cut]`` is the first character
    that does not fit? The nearest letter or digit at or before the cut decides; before the
    first one, the first character's script. ``start``, ``before``: the line's start and
    the nearest letter or digit before it (−1: none), so that a long run of marks is not
    walked back over at every line's end (that was quadratic)."""
    at = cut
    while at > start and not text[at].isalnum():
        at -= 1
    if not text[at].isalnum():
        at = before if before >= 0 else 0
    char = text[at]
    # LibreOffice's Latin blocks end before U+0590; CJK (and full-width forms) start at U+2E80
    return ord(char) >= 0x2E80 or not (char.isascii() or char.isalnum())


def break_lines(
    text: str,
    widths: Sequence[float],
    first: float,
    rest: float,
    needs: Sequence[float] | None = None,
    *,
    hang: bool = True,
) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``text``; ``widths`` in points, one a character.

    ``first`` and ``rest``: the room on the first and on the following lines. ``needs``:
    what each character needs to fit at a line's end, when less than its width (its advance
    without the spacing after it, ``widths.advances``); ``widths`` if not given. ``hang``:
    a closing mark of ``HANGING`` may hang past the margin (LibreOffice's hanging
    punctuation); without it the mark and the character before it go to the next line. A
    forced break (``BREAK``) ends a line and is in neither line.
    """
    lines: list[tuple[int, int]] = []
    need = widths if needs is None else needs
    start, pos, used, room = 0, 0, 0.0, first
    before = -1  # the last letter or digit before the line's start
    n = len(text)
    while pos < n:
        char = text[pos]
        if char == BREAK:
            lines.append((start, pos))
            before = _last_word(text, start, pos, before)
            start = pos = pos + 1
            used, room = 0.0, rest
            continue
        width = widths[pos]
        if used + need[pos] <= room + _EPSILON or pos == start:
            used += width
            pos += 1
            continue
        fits = hang and used - widths[pos - 1] + need[pos - 1] <= room + _EPSILON
        end = _line_end(text, start, pos, fits, before)
        lines.append((start, end))
        before = _last_word(text, start, end, before)
        start = pos = end
        used, room = 0.0, rest
    if start < n or not lines or text[n - 1] == BREAK:
        lines.append((start, n))  # (a mark hanging at the very end leaves nothing over)
    return lines


def _last_word(text: str, start: int, end: int, before: int) -> int:
    """The last letter or digit of ``text[start:end]``, else ``before``."""
    for at in range(end - 1, start - 1, -1):
        if text[at].isalnum():
            return at
    return before


def _line_end(text: str, start: int, over: int, fits: bool, before: int = -1) -> int:
    """The end of a line whose character at ``over`` does not fit."""
    n = len(text)
    if text[over] in SPACES:  # spaces hang at the end of the line
        end = over
        while end < n and text[end] in SPACES:
            end += 1
        if end == n or text[end] not in NO_START:
            return end
    if chinese_rules(text, over, start, before):
        at = over
        if fits and text[over] in HANGING:
            at = over + 1  # hangs, unless a mark that cannot start a line follows it
            if at == n:
                return n
        while at > start and not can_break_chinese(text, at):
            at -= 1
        return at if at > start else over  # nowhere to break: cut where the line is full
    at = over
    while at > start + 1 and not can_break(text, at):
        at -= 1
    if at == start + 1 and not can_break(text, at):
        return over  # nowhere to break: cut where the line is full
    return at
