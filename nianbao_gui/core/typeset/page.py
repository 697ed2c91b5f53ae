"""The page of GB/T 9704-2012: A4, the margins, the line grid, where the page number goes.

Lengths are in twips (1/20 pt): every length here is a whole number of them, so the .docx
writes them exactly and the page layout (pages/geometry.py) gets the same points.

- Margins 37 / 35 / 28 / 26 mm (top, bottom, left, right) leave the 156 × 225 mm text block.
- 22 lines a page of exactly 28.95 pt (579 twips): 22 lines fill the 225 mm block in Word and
  LibreOffice alike, whatever the height of the substitute font.
- 28 characters a line: 3号 characters 0.25 pt narrower (15.75 pt) fill the 156 mm line.
- Page numbers ``— 1 —`` in 4号 宋体 (style ``page_number``), odd pages right-aligned one
  character in, even pages left-aligned one character in; the number's em dashes 7 mm below
  the text block.
"""

from __future__ import annotations

MM = 1440 / 25.4  # twips per millimetre
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838  # A4
MARGIN_TOP, MARGIN_BOTTOM = 2098, 1984  # 37 mm, 35 mm
MARGIN_LEFT, MARGIN_RIGHT = 1587, 1474  # 28 mm, 26 mm
HEADER_DISTANCE = 851  # 15 mm; the report has no header
# The bottom of the footer line above the paper's edge. The dashes stand ~2.2 mm above the
# bottom of the 4号 line, so 35 − 7 − 2.2 ≈ 25.2 mm. Measured on a rendered page (ink of the
# dash at 300 dpi): 7.0 mm below the text block; the render test keeps it within 6–8 mm.
FOOTER_DISTANCE = round(25.2 * MM)
PAGE_NUMBER_INDENT = 280  # one 4号 character (14 pt)

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = 579  # 225 mm / 22 lines
CHAR_PITCH = 315  # 16 pt − 0.25 pt: one character of body text
TIGHTEN = -5  # −0.25 pt after every 3号 character (styles with ``tighten``)
INDENT = 2 * 320  # the first line's indent: two 3号 characters
