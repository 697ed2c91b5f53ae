"""Characters Word inserts as ``<w:sym w:font="Symbol" w:char="F0B1"/>`` (Insert → Symbol).

In a symbol font the code is the font's own byte (F000 + byte, Unicode's private-use
area), not a character: ``F0B1`` in Symbol is ±, in Wingdings a position mark. Read as text
it would be nothing at all. The common symbols of reports are mapped here; a code that
cannot be mapped is reported by the reader (shown as U+FFFD, and named in the import note).
"""

from __future__ import annotations

# Adobe Symbol encoding: maths, Greek and arrows (the bytes a report uses)
_SYMBOL_TEXT = (
    "!\u2200#\u2203%&\u220b()\u2217+,\u2212./0123456789:;<=>?\u2245"
    "\u0391\u0392\u03a7\u0394\u0395\u03a6\u0393\u0397\u0399\u03d1\u039a\u039b\u039c\u039d"
    "\u039f\u03a0\u0398\u03a1\u03a3\u03a4\u03a5\u03c2\u03a9\u039e\u03a8\u0396[\u2234]\u22a5_"
)
SYMBOL: dict[int, str] = {0x20: " "}
SYMBOL.update({0x21 + i: char for i, char in enumerate(_SYMBOL_TEXT)})
SYMBOL.update({0x61 + i: char for i, char in enumerate("αβχδεφγηιϕκλμνοπθρστυϖωξψζ")})
SYMBOL.update({0x7B: "{", 0x7C: "|", 0x7D: "}", 0x7E: "\u223c"})
SYMBOL.update(
    {
        0xA0 + i: char
        for i, char in enumerate(
            "\u20ac\u03d2\u2032\u2264\u2044\u221e\u0192\u2663\u2666\u2665\u2660"
            "\u2194\u2190\u2191\u2192\u2193°±\u2033\u2265×\u221d\u2202\u2022÷"
            "\u2260\u2261\u2248\u2026\u23d0\u23af\u21b5\u2135\u2111\u211c\u2118"
            "\u2297\u2295\u2205\u2229\u222a\u2283\u2287\u2284\u2282\u2286\u2208"
            "\u2209\u2220\u2207®©\u2122\u220f\u221a\u22c5¬\u2227\u2228\u21d4"
            "\u21d0\u21d1\u21d2\u21d3\u25ca\u2329®©\u2122\u2211"
        )
    }
)
SYMBOL.update({0xF1: "\u232a", 0xF2: "\u222b"})

# Wingdings: the bullets, boxes, ticks and numbers reports use
WINGDINGS: dict[int, str] = {
    0x6C: "●", 0x6D: "❍", 0x6E: "■", 0x6F: "□", 0x71: "❑", 0x72: "❒", 0x75: "◆",
    0x76: "❖", 0x77: "⬥", 0x9E: "·", 0x9F: "•", 0xA0: "▪", 0xA1: "○", 0xA4: "◉",
    0xA5: "◎", 0xA7: "▪", 0xA8: "◻", 0xAA: "✦", 0xAB: "★", 0xD8: "➢", 0xDC: "➲",
    0xE8: "➔", 0xEF: "⇦", 0xF0: "⇨", 0xF1: "⇧", 0xF2: "⇩", 0xFB: "✗", 0xFC: "✓",
    0xFD: "☒", 0xFE: "☑",
}  # fmt: skip
WINGDINGS.update({0x80 + i: chr(0x24EA if i == 0 else 0x245F + i) for i in range(11)})  # ⓪①…⑩
WINGDINGS.update({0x8C + i: chr(0x2776 + i) for i in range(10)})  # ❶…❿

_TABLES = {"symbol": SYMBOL, "wingdings": WINGDINGS}
_SYMBOL_FONT_WORDS = ("symbol", "ding", "marlett", "sorts", "mt extra", "webdings")


def _is_symbol_font(name: str) -> bool:
    return any(word in name for word in _SYMBOL_FONT_WORDS)


def symbol_char(font: str, code: str) -> str | None:
    """The character ``w:sym`` shows, or None when it cannot be told."""
    try:
        value = int(code, 16)
    except ValueError:
        return None
    name = font.strip().lower()
    if 0xF000 <= value <= 0xF0FF or (value <= 0xFF and _is_symbol_font(name)):
        byte = value & 0xFF
    elif 0x20 <= value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF:
        char = chr(value)  # a Unicode font: the code is the character
        return None if 0xE000 <= value <= 0xF8FF or value in range(0x7F, 0xA0) else char
    else:
        return None
    table = _TABLES.get(name)
    if table is not None:
        return table.get(byte)
    if _is_symbol_font(name) or byte < 0x20:
        return None  # another symbol font (Webdings, Wingdings 2 …): its pictures are unknown
    try:
        return bytes([byte]).decode("cp1252")  # a text font: its Windows code page
    except UnicodeDecodeError:
        return None
