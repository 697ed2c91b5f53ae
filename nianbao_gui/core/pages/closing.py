"""Where the signature (落款) and the date (成文日期) start, by the widths the layout measures.

GB/T 9704-2012 7.3.5.2 (no seal): the signature two characters in from the right; the date
on the next line, its first character two characters right of the signature's first; when
the date is longer than the signature, the date stands two characters in from the right and
the signature moves left. Both are written as *left* indents (.docx and layout alike): the
date's offset from the signature is then exactly two characters in any renderer, whatever
its fonts; only the right ends depend on the widths. Widths are the fonts' advances as
``widths.char_widths`` gives them (digits in a real font, LibreOffice's space between
Chinese and digits), not ½ em a digit: that put the date 0.95 characters right of the
signature's start instead of 2 (issue 20).
"""

from __future__ import annotations

from .geometry import Geometry
from .metrics import FontKey, Metrics
from .widths import advances, char_widths


def extent(text: str, metrics: Metrics, geometry: Geometry, font: FontKey = FontKey.FANG) -> float:
    """Points ``text`` takes on one 3号 line (the last character without the spacing after)."""
    if not text:
        return 0.0
    fonts = [font] * len(text)
    size = geometry.body_size
    needs = advances(text, fonts, metrics, size)
    widths = char_widths(text, fonts, metrics, size, geometry.tighten, geometry.autospace, needs)
    return sum(widths[:-1]) + needs[-1]


def closing_lefts(
    signature: str, date: str, metrics: Metrics, geometry: Geometry
) -> tuple[float, float]:
    """Left indents, in points from the text block's left, of the signature and the date.

    A signature longer than a line wraps and starts at the left; the date then starts two
    characters in. Nothing starts left of the block or runs past its right edge.
    """
    room, two = geometry.block_width, 2 * geometry.char_pitch
    sig, dat = extent(signature, metrics, geometry), extent(date, metrics, geometry)
    if not signature:
        return 0.0, max(0.0, room - two - dat)
    if not date:
        return max(0.0, room - two - sig), 0.0
    if dat > sig:
        date_left = max(0.0, room - two - dat)
        sig_left = max(0.0, date_left - two)
    else:
        sig_left = max(0.0, room - two - sig)
    date_left = min(sig_left + two, max(0.0, room - dat))
    return sig_left, date_left
