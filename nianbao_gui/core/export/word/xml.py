"""Small lxml helpers for WordprocessingML: qualified names and element builders.

The writer builds run and paragraph properties with lxml directly: python-docx's proxy
objects cost several times more per run, and every run here carries full font properties.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_DECL = f' xmlns:w="{W_NS}"'
"""The ``w:`` namespace declaration, as markup."""


def w(tag: str) -> str:
    """``w:tag`` as a Clark name for lxml."""
    return f"{{{W_NS}}}{tag}"


def el(tag: str, **attrs: str) -> Any:
    """A ``w:`` element with ``w:`` attributes (``el("sz", val="32")``)."""
    element = etree.Element(w(tag))
    for name, value in attrs.items():
        element.set(w(name), value)
    return element


def sub(parent: Any, tag: str, **attrs: str) -> Any:
    element = etree.SubElement(parent, w(tag))
    for name, value in attrs.items():
        element.set(w(name), value)
    return element


def strip_theme_fonts(root: Any) -> int:
    """Remove every ``w:*Theme`` attribute of every ``w:rFonts`` below ``root``.

    A theme attribute beats an explicit font name in Word, so a leftover ``eastAsiaTheme``
    turns 仿宋 back into the theme's 等线/宋体. Returns how many were removed.
    """
    removed = 0
    for fonts in root.iter(w("rFonts")):
        for name in list(fonts.attrib):
            if name.startswith(f"{{{W_NS}}}") and name.lower().endswith("theme"):
                del fonts.attrib[name]
                removed += 1
        if not len(fonts.attrib):
            fonts.getparent().remove(fonts)
    return removed
