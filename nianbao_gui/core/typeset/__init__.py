"""The official layout (GB/T 9704-2012) as values every output format reads.

- ``page``: paper, margins, the 22 × 28 grid, where page numbers go;
- ``styles``: each paragraph role's font, size, alignment, indent and flags;
- ``paragraphs``: which paragraphs are written, with the blank lines between them;
- ``options``: what the user chooses (font names, bold level-3 headings);
- ``title`` and ``sanitize``: the title broken into lines, text no file can hold removed.

The Word writer (export/word/) and the page layout (pages/, which draws the PDF, the preview
and print) both read these; neither imports the other. No Qt, no python-docx here.
"""

from __future__ import annotations

from .options import ExportOptions, FontKey, FontSet, font_set
from .styles import ParagraphStyle, paragraph_styles, style_key

__all__ = [
    "ExportOptions",
    "FontKey",
    "FontSet",
    "ParagraphStyle",
    "font_set",
    "paragraph_styles",
    "style_key",
]
