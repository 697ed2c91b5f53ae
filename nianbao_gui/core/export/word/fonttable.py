"""The font table (word/fontTable.xml): what Word and WPS do when a font is missing.

python-docx's template lists only Western and Japanese fonts. For a name it does not have,
Word first tries the entry's ``w:altName``, then picks the installed font closest by
``w:charset``, ``w:panose1``, ``w:family`` and ``w:pitch`` (ECMA-376 Part 1 17.8.3). Without
an entry it substitutes blind: a PC without 仿宋_GB2312 may show the body in 宋体 or a
Western face. Each CJK font the document names gets an entry here:

- charset 86 (GB2312, Windows code page 936), the character set of all these fonts;
- altName: 仿宋_GB2312 → 仿宋 and 楷体_GB2312 → 楷体 (the same designs as Windows Vista and
  later ship them, under GBK names); 仿宋 → FangSong, 楷体 → KaiTi, 黑体 → SimHei,
  宋体 → SimSun (the English names, for Word in another UI language); 方正小标宋简体 → 宋体:
  小标宋 is a heavy Song (明体) face, and 宋体 is the Song face on every Chinese Windows and in
  WPS. 华文中宋 would be closer in weight, but it comes with Microsoft Office, not with
  Windows, and WPS users often lack it; altName holds one name only;
- family and pitch as Windows reports these fonts: the GB2312-era fonts (仿宋, 楷体, 黑体 and
  their _GB2312 forms) are ``modern``/``fixed`` (every Hanzi one em); 宋体 ``auto``/
  ``variable`` as Word writes it; 方正小标宋简体 ``auto``/``variable`` (its family class is
  not stated here);
- panose1 where known (the values Word writes for the Windows fonts): 仿宋_GB2312 and
  楷体_GB2312 02010609030101010101, 仿宋, 楷体 and 黑体 02010609060101010101, 宋体
  02010600030101010101. 方正小标宋简体 gets none: a wrong PANOSE would steer the match.

A font name from the settings that is not among these (another title font) gets charset 86
only, with ``auto``/``variable``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.document import Document

from ...typeset import FontSet
from .xml import el, sub, w


@dataclass(frozen=True)
class FontEntry:
    alt: str | None
    panose: str | None
    family: str
    pitch: str


_GB_FIXED = "02010609030101010101"
_WIN_FIXED = "02010609060101010101"
ENTRIES = {
    "仿宋_GB2312": FontEntry("仿宋", _GB_FIXED, "modern", "fixed"),
    "楷体_GB2312": FontEntry("楷体", _GB_FIXED, "modern", "fixed"),
    "仿宋": FontEntry("FangSong", _WIN_FIXED, "modern", "fixed"),
    "楷体": FontEntry("KaiTi", _WIN_FIXED, "modern", "fixed"),
    "黑体": FontEntry("SimHei", _WIN_FIXED, "modern", "fixed"),
    "宋体": FontEntry("SimSun", "02010600030101010101", "auto", "variable"),
    "方正小标宋简体": FontEntry("宋体", None, "auto", "variable"),
}
GB2312 = "86"  # w:charset: GB2312_CHARSET (134)
_OTHER = FontEntry(None, None, "auto", "variable")


def add_fonts(document: Document, fonts: FontSet) -> None:
    """An entry for each font ``fonts`` names (and for each altName that is itself a font
    of the table: 仿宋_GB2312's 仿宋 gets its own, so FangSong is tried next)."""
    names = [fonts.fang, fonts.kai, fonts.hei, fonts.song, fonts.title]
    for name in list(names):
        alt = ENTRIES.get(name, _OTHER).alt
        if alt in ENTRIES:
            names.append(alt)

    def build(root: Any) -> None:
        wanted = dict.fromkeys(names)
        for old in list(root):
            if old.get(w("name")) in wanted:
                root.remove(old)
        for name in wanted:
            root.append(_font(name, ENTRIES.get(name, _OTHER)))

    _replace_table(document, build)


def _font(name: str, entry: FontEntry) -> Any:
    """``w:font`` with its children in the schema's order (CT_Font)."""
    font = el("font", name=name)
    if entry.alt:
        sub(font, "altName", val=entry.alt)
    if entry.panose:
        sub(font, "panose1", val=entry.panose)
    sub(font, "charset", val=GB2312)
    sub(font, "family", val=entry.family)
    sub(font, "pitch", val=entry.pitch)
    return font


def _replace_table(document: Document, build: Any) -> None:
    """Parse the font table, let ``build`` change it, and put it back as a new part under the
    same name (python-docx keeps the font table as bytes and has no API for it)."""
    from docx.opc.part import XmlPart
    from docx.oxml.parser import parse_xml

    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/fontTable"):
            old = rel.target_part
            root = parse_xml(old.blob)
            build(root)
            part.drop_rel(r_id)
            new = XmlPart(old.partname, old.content_type, root, old.package)
            part.relate_to(new, rel.reltype)
            return
