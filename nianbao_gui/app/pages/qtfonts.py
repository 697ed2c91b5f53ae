"""Qt fonts for the files the layout measured, so that the preview and print draw the very
glyphs whose widths the line breaks were computed with.

Each file is registered once with QFontDatabase (a private copy for this process; nothing is
installed). A font the system lacks is named in ``notes`` with what stands in for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase, QPaintDevice

from ...core.pages import Metrics, NominalMetrics
from ...core.pages.fonts import FontChoice, font_files
from ...core.pages.metrics import FileMetrics, FontKey
from ...core.typeset import ExportOptions


@dataclass
class PageFonts:
    families: dict[FontKey, str]
    bold: dict[FontKey, bool]
    metrics: Metrics
    notes: list[str] = field(default_factory=list)

    def font(self, key: FontKey, size: float, device: QPaintDevice, *, bold: bool = False) -> QFont:
        """``size`` points drawn as ``size`` units of a painter whose unit is the point:
        Qt scales point sizes by the device's resolution, the painter's transform does it
        again, so the point size asked for is divided by the resolution once."""
        font = QFont(self.families.get(key, ""))
        font.setPointSizeF(size * 72.0 / max(1, device.logicalDpiY()))
        font.setBold(bold or self.bold.get(key, False))
        font.setKerning(False)  # the layout placed each character; kerning would move them
        return font


@lru_cache(maxsize=32)
def _register(path: str, index: int) -> str:
    """The family name Qt knows the face under ("" when Qt cannot load the file)."""
    font_id = QFontDatabase.addApplicationFont(path)
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return ""
    return str(families[index] if index < len(families) else families[0])


def _page_fonts(choices: dict[FontKey, FontChoice]) -> PageFonts:
    families: dict[FontKey, str] = {}
    bold: dict[FontKey, bool] = {}
    files = {}
    for key, choice in choices.items():
        if choice.file is None:
            continue
        family = _register(str(choice.file.path), choice.file.index) or choice.file.name
        families[key] = family
        # a bold face shares its family name with the regular one: ask for its weight
        bold[key] = "bold" in choice.file.path.name.lower()
        files[key] = (choice.file.path, choice.file.index)
    metrics: Metrics = FileMetrics(files) if files else NominalMetrics()
    notes = [c.note for c in choices.values() if c.note]
    return PageFonts(families, bold, metrics, notes)


_CACHE: dict[object, PageFonts] = {}


def page_fonts(options: ExportOptions) -> PageFonts:
    """The fonts for ``options`` (found once per set of names; fc-match takes ~10 ms)."""
    key = options.font_set
    if key not in _CACHE:
        _CACHE[key] = _page_fonts(font_files(options.font_set))
    return _CACHE[key]
