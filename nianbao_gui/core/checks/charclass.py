"""Character classes shared by the checks, as regular-expression fragments.

"Chinese context" decides whether a half-width mark or a space is wrong: ``要求;努力`` is,
``A,B`` ``1.5%`` ``10:30`` are not. Chinese = Han characters and full-width punctuation.
"""

from __future__ import annotations

import re

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Han characters (〇, CJK Unified Ideographs, extension A, compatibility ideographs)."""

CJK_PUNCT = (
    "\u3001-\u3003\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
    "\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u2014"
)
"""Full-width punctuation: 、。〃〈〉《》「」『』【】〔〕 ！（）…：；？ ‘’ “” … —."""

CJK = HAN + CJK_PUNCT

CHINESE_DIGITS = "一二三四五六七八九十"

FULL_WIDTH = {
    ",": "，",
    ";": "；",
    ":": "：",
    "?": "？",
    "!": "！",
    "(": "（",
    ")": "）",
    ".": "。",
}
"""Half-width marks and the full-width mark that replaces them in Chinese text."""

INVISIBLE = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
"""Zero-width and direction characters pasted from web pages and other programs."""

CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
"""Control characters except tab and line breaks (handled as spaces and new lines)."""

INVALID = "\ud800-\udfff\ufffe\uffff"
"""Characters that are not text at all: a lone surrogate (half of an emoji or a rare
character, cut by another program or a hand-edited draft) and the non-characters U+FFFE/FFFF.
Word cannot hold them; a draft keeps a lone surrogate as a ``\\udXXX`` escape."""

SPACE = " \t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
"""Characters that show as a blank inside a line, listed one by one (no ranges), so this
works in a regex class and with ``str.strip`` alike."""

_INVALID_CHAR = re.compile(f"[{INVALID}]")
_EDGE_CHAR = re.compile(f"[\\s{INVISIBLE}{CONTROL}]")


def content_end(text: str) -> int:
    """Where the text ends without its trailing blanks and invisible characters (the spaces
    check reports those; the others judge the last visible character)."""
    end = len(text)
    while end and _EDGE_CHAR.match(text, end - 1):
        end -= 1
    return end


_BLANK_NAMES = {
    " ": "空格",
    "\u00a0": "不间断空格",
    "\u3000": "全角空格",
    "\t": "制表符",
}


def blank_name(text: str) -> str:
    """``空格`` / ``全角空格`` / ``不间断空格、空格``…: what a run of blanks is made of."""
    if _INVALID_CHAR.search(text):
        return "无效字符"
    names = dict.fromkeys(_BLANK_NAMES.get(char, "") for char in text)
    if "" in names or not names:
        return "空白字符" if text.isspace() else "不可见字符"
    return "、".join(names)
