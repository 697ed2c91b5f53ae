"""The width each character takes on a line, in points, as LibreOffice measures it.

Measured in LibreOffice 7.4's PDFs of the exported .docx (see docs/page-layout.md):

- The run's character spacing (−0.25 pt) goes between characters of one *portion* (a run
  of characters in one font and one script, Chinese or Latin), not after a portion's last
  character: a digit run ``2022`` in Chinese text gives back 0.25 pt, and so does the
  heading part of a run-in heading.
- Between a Chinese ideograph and a Latin letter or digit LibreOffice adds a fifth of the
  font size (its "Asian–Latin spacing"), although the .docx turns ``autoSpaceDE``/
  ``autoSpaceDN`` off; Word honours those and adds nothing (``autospace`` 0).
- Whether a character still fits on a line, LibreOffice measures with its advance alone
  (``advances``; VCL's ``GetTextBreak`` adds the spacing after a character once it fits),
  and the space between Chinese and Latin only when the character after it is on the line
  too.
- Digits, Latin letters and ASCII marks are Latin script; everything else (Chinese, full-
  width marks, quotes, dashes, ellipses) is Chinese script.
"""

from __future__ import annotations

from collections.abc import Sequence

from .metrics import FontKey, Metrics

BREAK = "\n"


def is_latin(char: str) -> bool:
    return char.isascii() and char not in "\t\n"


def is_han(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def _alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def advances(text: str, fonts: Sequence[FontKey], metrics: Metrics, size: float) -> list[float]:
    """Points of each character's advance alone: what it needs to fit at a line's end."""
    advance = metrics.advance
    return [
        0.0 if char == BREAK else 2 * size if char == "\t" else advance(fonts[i], char) * size
        for i, char in enumerate(text)
    ]  # a tab goes to the next tab stop, two characters apart


def char_widths(
    text: str,
    fonts: Sequence[FontKey],
    metrics: Metrics,
    size: float,
    spacing: float,
    autospace: float,
) -> list[float]:
    """Points a character takes: its advance, the spacing inside a portion, the space
    between Chinese and Latin (``autospace`` in ems; 0 for Word)."""
    widths = advances(text, fonts, metrics, size)
    for i, char in enumerate(text[:-1]):
        if char in (BREAK, "\t"):
            continue
        after = text[i + 1]
        if after != BREAK and fonts[i + 1] is fonts[i] and is_latin(after) == is_latin(char):
            widths[i] += spacing
        if autospace and ((is_han(char) and _alnum(after)) or (_alnum(char) and is_han(after))):
            widths[i] += autospace * size
    return widths
