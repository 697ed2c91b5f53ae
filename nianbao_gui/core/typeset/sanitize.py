"""Text that XML (and so Word) cannot hold, removed with a note for the user.

XML 1.0 allows tab, newline, carriage return and everything from U+0020 up, except lone
surrogates and U+FFFE/U+FFFF. Text pasted from other programs (old WPS files, web pages, PDF
viewers) carries the others: python-docx raises on them. They are removed here, and each
removal is reported in Chinese with where it was, so nothing disappears silently.

A newline inside one paragraph (pasted text) becomes a line break (``w:br``) in Word: the
text stays where the user put it; the checker, not the exporter, decides whether it should
have been two paragraphs. A carriage return before a newline is part of it; a lone one is a
newline too. A tab stays a tab (``w:tab``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Everything XML 1.0 cannot hold, minus \t \n \r which are handled as layout.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NEWLINES = re.compile("\r\n|\r|\n")
BREAK = "\n"  # what a paragraph's text holds where a line break (w:br) goes

_NAMES = {
    "\x00": "空字符",
    "\x0b": "垂直制表符",
    "\x0c": "换页符",
    "\x1b": "转义符",
    "\ufffe": "非字符 U+FFFE",
    "\uffff": "非字符 U+FFFF",
}


def _name(char: str) -> str:
    if char in _NAMES:
        return _NAMES[char]
    if "\ud800" <= char <= "\udfff":
        return f"残缺字符 U+{ord(char):04X}"
    return f"控制字符 U+{ord(char):04X}"


@dataclass
class Cleaned:
    text: str
    warnings: list[str] = field(default_factory=list)


def excerpt(text: str, limit: int = 12) -> str:
    """The start of a paragraph, to say where something happened."""
    flat = _NEWLINES.sub(" ", _FORBIDDEN.sub("", text)).strip()
    return flat if len(flat) <= limit else flat[:limit] + "……"


def forbidden(text: str) -> str:
    """What of ``text`` XML cannot hold, named and counted ("残缺字符 U+D800 1 个"), or ""."""
    counts: dict[str, int] = {}
    for char in _FORBIDDEN.findall(text):
        counts[_name(char)] = counts.get(_name(char), 0) + 1
    return "、".join(f"{name} {count} 个" for name, count in counts.items())


def clean_text(text: str) -> str:
    """``clean(text).text``, at once for the text that needs nothing (a table's cells are
    laid out many at a time, pages/table_rows.py)."""
    if "\r" not in text and _FORBIDDEN.search(text) is None:
        return text  # a newline stays a newline (BREAK)
    return clean(text).text


def clean(text: str) -> Cleaned:
    """``text`` with forbidden characters removed and newlines normalised to ``BREAK``.

    The warnings say what changed; the caller puts the place in front of them
    (``第 3 段（正文“我始终把讲政治……”）``), named only when there is something to say.
    """
    if "\n" not in text and "\r" not in text and _FORBIDDEN.search(text) is None:
        return Cleaned(text)  # nothing to say: most paragraphs, nearly every table cell
    warnings: list[str] = []
    listed = forbidden(text)
    if listed:
        warnings.append(f"含有 Word 无法保存的字符（{listed}），已删除。")
        text = _FORBIDDEN.sub("", text)
    if "\r" in text or "\n" in text:
        count = len(_NEWLINES.findall(text))
        text = _NEWLINES.sub(BREAK, text)
        warnings.append(f"段内有 {count} 处换行，已在 Word 中保留为段内换行（不是新段落）。")
    return Cleaned(text, warnings)
