"""The page's numbers in points, from the official layout's values (typeset/), which the
.docx writer reads as well, so that both agree.

Twips (1/20 pt) in typeset/page.py; points here. The text block is 156 × 225 mm: 22 lines of
28.95 pt, 28 characters of 15.75 pt (16 pt − 0.25 pt spacing).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..typeset import page as _page
from ..typeset import styles as _styles

TWIP = 1 / 20


@dataclass(frozen=True)
class Geometry:
    page_width: float = _page.PAGE_WIDTH * TWIP
    page_height: float = _page.PAGE_HEIGHT * TWIP
    top: float = _page.MARGIN_TOP * TWIP
    bottom: float = _page.MARGIN_BOTTOM * TWIP
    left: float = _page.MARGIN_LEFT * TWIP
    right: float = _page.MARGIN_RIGHT * TWIP
    line_pitch: float = _page.LINE_PITCH * TWIP  # 28.95 pt
    lines_per_page: int = _page.LINES_PER_PAGE
    chars_per_line: int = _page.CHARS_PER_LINE
    body_size: float = _styles.SIZE_3HAO  # 3号
    title_size: float = _styles.SIZE_2HAO  # 2号
    number_size: float = _styles.SIZE_4HAO  # 4号
    tighten: float = _page.TIGHTEN * TWIP  # −0.25 pt after every 3号 character
    indent: float = _page.INDENT * TWIP  # two characters, first lines
    char_pitch: float = _page.CHAR_PITCH * TWIP  # 15.75 pt
    footer_distance: float = _page.FOOTER_DISTANCE * TWIP
    number_indent: float = _page.PAGE_NUMBER_INDENT * TWIP  # one 4号 character
    # LibreOffice's space between Chinese and Latin, in ems (widths.py); Word's is 0
    autospace: float = 0.2

    @property
    def block_width(self) -> float:
        return self.page_width - self.left - self.right

    @property
    def block_height(self) -> float:
        return self.page_height - self.top - self.bottom
