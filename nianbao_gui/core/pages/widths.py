"""The width each character takes on a line, in points, as LibreOffice measures it.

Measured in LibreOffice 7.4's PDFs of the exported .docx (see docs/page-layout.md):

- The run's character spacing (−0.25 pt) goes between characters of one *portion* (a run
  of characters in one font and one script, Chinese or Latin), not after a portion's last
  character: a digit run ``2022`` in Chinese text gives back 0.25 pt, and so does the
  heading part of a run-in heading.
- Between a Chinese ideograph and a Latin letter or digit LibreOffice adds a fifth of the
  font size (its "Asian–Latin spacing"), although the .docx turns ``autoSpaceDE``/
  ``autoSpaceDN`` off; Word honours those and adds nothing (``autospace`` 0).
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
    advance = metrics.advance
    n = len(text)
    widths = [0.0] * n
    for i, char in enumerate(text):
        if char == BREAK:
            continue
        if char == "\t":  # to the next tab stop, two characters apart
            widths[i] = 2 * size
            continue
        width = advance(fonts[i], char) * size
        if i + 1 < n:
            after = text[i + 1]
            if after != BREAK and fonts[i + 1] is fonts[i] and is_latin(after) == is_latin(char):
                width += spacing
            if autospace and ((is_han(char) and _alnum(after)) or (_alnum(char) and is_han(after))):
                width += autospace * size
        widths[i] = width
    return widths
