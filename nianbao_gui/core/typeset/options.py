"""The choices a user makes about the look (font names, bold level-3 headings), and the five
fonts of the official layout by use (``FontKey``).

Font names are a setting because office PCs differ: the standard names 仿宋_GB2312 and
楷体_GB2312, or 仿宋 and 楷体 as current Windows and WPS ship them. A font a PC lacks is
replaced by Word with another one; the text itself is never lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..errors import ExportError
from ..settings import FontChoice, Settings, TableFontSize, load_settings

SONG = "宋体"  # page numbers (GB/T 9704-2012 7.5: 4号半角宋体阿拉伯数字)
HEI = "黑体"


class FontKey(str, Enum):
    """The five fonts of the official layout, by use (their names: ``FontSet``)."""

    FANG = "fang"  # body, level 3/4 headings, signature, date
    KAI = "kai"  # level 2 headings, author line
    HEI = "hei"  # level 1 headings
    SONG = "song"  # page numbers
    TITLE = "title"  # 小标宋


@dataclass(frozen=True)
class FontSet:
    """The font names written into the document, one per use."""

    fang: str  # body text, level 3 and 4 headings, signature, date
    kai: str  # level 2 headings, author line
    hei: str  # level 1 headings
    song: str  # page numbers
    title: str  # the title (方正小标宋简体 or a substitute)

    def name(self, key: FontKey) -> str:
        """The font name for the use ``key``."""
        return str(getattr(self, key.value))


def font_set(choice: FontChoice, title_font: str = "方正小标宋简体") -> FontSet:
    title = title_font.strip() or "方正小标宋简体"
    if choice is FontChoice.WINDOWS:
        return FontSet(fang="仿宋", kai="楷体", hei=HEI, song=SONG, title=title)
    return FontSet(fang="仿宋_GB2312", kai="楷体_GB2312", hei=HEI, song=SONG, title=title)


@dataclass(frozen=True)
class ExportOptions:
    fonts: FontChoice = FontChoice.GB2312
    title_font: str = "方正小标宋简体"
    level3_bold: bool = False
    table_size: TableFontSize = TableFontSize.SI

    @property
    def font_set(self) -> FontSet:
        return font_set(self.fonts, self.title_font)

    @classmethod
    def from_settings(cls, settings: Settings) -> ExportOptions:
        return cls(
            fonts=settings.fonts,
            title_font=settings.title_font,
            level3_bold=settings.level3_bold,
            table_size=settings.table_font_size,
        )

    @classmethod
    def from_cli(cls, fonts: str | None = None, level3_bold: bool = False) -> ExportOptions:
        """``fonts`` None: the remembered choice; an explicit choice becomes the remembered one.

        ``--level3-bold`` turns bold on for this export; without it the remembered setting holds
        (a flag cannot say "off", so it is not saved).
        """
        try:
            settings = load_settings()
        except OSError:  # no data folder (read-only profile): an export needs none
            settings = Settings()
        if fonts is not None:
            try:
                choice = FontChoice(fonts)
            except ValueError:
                raise ExportError(
                    f"不认识的字体选择：{fonts}。",
                    "请用 gb2312（仿宋_GB2312 等）或 windows（仿宋 等）。",
                ) from None
            settings.fonts = choice  # remembered: the settings save themselves (never raise)
        options = cls.from_settings(settings)
        if level3_bold:
            options = cls(options.fonts, options.title_font, True, options.table_size)
        return options
