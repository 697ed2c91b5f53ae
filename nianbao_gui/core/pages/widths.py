"""The width each character takes on a line, in points, as LibreOffice measures it.

Measured in LibreOffice 7.4's PDFs of the exported .docx (see docs/page-layout.md):

- The run's character spacing (−0.25 pt) goes between characters of one *portion* (a run
  of characters in one font and one script, Chinese or Latin), not after a portion's last
  character: a digit run ``2022`` in Chinese text gives back 0.25 pt, and so does the
  heading part of a run-in heading.
- Between a letter or digit of Chinese script (an ideograph, a full-width digit ``０``) and
  one of Latin script LibreOffice adds a fifth of the font size (its "Asian–Latin
  spacing", a kerning portion between the two portions), although the .docx turns
  ``autoSpaceDE``/``autoSpaceDN`` off; Word honours those and adds nothing (``autospace`` 0).
  Not next to a mark: ``会**`` and ``。2022`` get none.
- Whether a character still fits on a line, LibreOffice measures with its advance alone
  (``advances``; VCL's ``GetTextBreak`` adds the spacing after a character once it fits),
  and the space between Chinese and Latin only when the character after it is on the line
  too.
- Scripts (``scripts``) as LibreOffice's i18npool tells them: ASCII, Latin-1 and the other
  alphabets are Latin; CJK, full-width forms and the CJK marks are Chinese; spaces and the
  general punctuation (quotes, dashes, ellipses, ``℃``, ``①``) are *weak* and take the
  script of the character before them: the dash of ``2022—2025`` is in one Latin portion
  with the digits, that of ``国——国`` in the Chinese one.
"""

from __future__ import annotations

from collections.abc import Sequence

from .metrics import FontKey, Metrics

BREAK = "\n"


LATIN, CHINESE = "L", "A"


def _script(char: str) -> str | None:
    """``LATIN``, ``CHINESE`` or None (weak), by LibreOffice's blocks (breakiteratorImpl)."""
    code = ord(char)
    if char in " \u00a0\t\n" or 0x2000 <= code < 0x2E80:
        return None
    return CHINESE if code >= 0x2E80 else LATIN


def scripts(text: str) -> list[str]:
    """The script of each character; a weak one takes that of the character before it (at
    the paragraph's start, of the first that is not weak)."""
    found = [_script(char) for char in text]
    current = next((s for s in found if s is not None), CHINESE)
    out = []
    for script in found:
        current = script or current
        out.append(current)
    return out


def _spaced(char: str, after: str) -> bool:
    """Does LibreOffice put its Asian–Latin space between ``char`` and ``after`` (of two
    scripts)? Between letters or digits only."""
    return char.isalnum() and after.isalnum()


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
    measured: Sequence[float] | None = None,
    script: Sequence[str] | None = None,
) -> list[float]:
    """Points a character takes: its advance, the spacing inside a portion, the space
    between Chinese and Latin (``autospace`` in ems; 0 for Word). ``measured``, ``script``:
    the ``advances`` and ``scripts``, if already known."""
    widths = list(measured) if measured is not None else advances(text, fonts, metrics, size)
    if script is None:
        script = scripts(text)
    for i, char in enumerate(text[:-1]):
        if char in (BREAK, "\t"):
            continue
        after = text[i + 1]
        if after != BREAK and fonts[i + 1] is fonts[i] and script[i + 1] == script[i]:
            widths[i] += spacing
        if autospace and script[i] != script[i + 1] and _spaced(char, after):
            widths[i] += autospace * size
    return widths
