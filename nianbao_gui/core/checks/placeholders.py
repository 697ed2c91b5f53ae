"""Placeholders left in the text (``**`` ``*万元`` ``XX`` ``××`` ``□`` ``〇〇`` ``某某`` ``____``)
and fields the export would write out empty (a blank paragraph, a heading that is only its
number, an empty shortcoming).

The seed is full of ``**`` where the numbers were redacted; a report printed with one left
in is the mistake this check exists for. The title may stay empty: the export then writes
the suggested title (``2022年度述职述廉报告``).
"""

from __future__ import annotations

import re

from .charclass import CHINESE_DIGITS
from .finding import Category, Finding, make_finding
from .targets import Kind, Target

_PLACEHOLDER = re.compile(
    r"(?P<stars>[*＊]{2,})"
    r"|(?P<star>[*＊])"
    r"|(?P<x>(?<![A-Za-zＡ-Ｚａ-ｚ])(?:[XxＸｘ]{2,}|[×✕╳]{2,})(?![A-Za-zＡ-Ｚａ-ｚ]))"
    r"|(?P<box>[□■]+)"
    r"|(?P<circle>○{2,}|(?<![零〇" + CHINESE_DIGITS + r"])〇{2,}(?![零〇" + CHINESE_DIGITS + r"]))"
    r"|(?P<mou>某{2,})"
    r"|(?P<blank>_{2,}|＿{2,})"
)
"""``〇〇`` only away from Chinese numerals: ``二〇〇八年`` is a year, ``〇〇村`` a gap."""

_TRIGGER = re.compile("[*＊XxＸｘ×✕╳□■○〇某_＿]")
"""Any character _PLACEHOLDER starts with: one quick scan decides for most paragraphs."""
_EMPTY_BRACKETS = re.compile(r"[（(][ \u3000]*[)）]")

_MESSAGES = {
    "stars": "“{0}”是占位符，请填入实际内容",
    "star": "“{0}”像是代替数字的占位符，请填入实际数字",
    "x": "“{0}”是占位符，请填入实际内容",
    "box": "“{0}”是占位符，请填入实际内容",
    "circle": "“{0}”是占位符，请填入实际内容",
    "mou": "“{0}”是占位符，请填入实际的名称",
    "blank": "下划线“{0}”是待填空位，请填入实际内容",
    "brackets": "空括号“{0}”是待填空位，请填入内容或删去括号",
}

_EMPTY = {
    Kind.BODY: ("empty.paragraph", "空段落：导出后是一个空行；请填写或删除这一段"),
    Kind.HEADING: ("empty.heading", "标题是空的：导出后只剩编号；请填写标题或删除这一部分"),
    Kind.RUN_IN: ("empty.heading", "标题是空的：导出后只剩编号；请填写标题或删除这一部分"),
    Kind.ITEM: ("empty.item", "这一条不足是空的（导出时略去）；请填写或删除这一条"),
}

BLOCKING_CODES = frozenset(
    [f"placeholder.{name}" for name in _MESSAGES] + ["empty.paragraph", "empty.heading"]
)
"""Findings that would show in the exported document as unfinished text."""


def check(target: Target) -> list[Finding]:
    text, path = target.text, target.path
    if not text.strip():
        if target.kind in _EMPTY:
            code, message = _EMPTY[target.kind]
            return [make_finding(text, path, 0, len(text), code, message, Category.PLACEHOLDER)]
        return []
    matches = [(m, "brackets") for m in _EMPTY_BRACKETS.finditer(text)]
    at = 0
    while (hit := _TRIGGER.search(text, at)) is not None:  # _PLACEHOLDER only where it may match
        match = _PLACEHOLDER.match(text, hit.start())
        if match is None:
            at = hit.end()
            continue
        matches.append((match, match.lastgroup or ""))
        at = match.end()
    matches.sort(key=lambda pair: pair[0].start())
    return [
        make_finding(
            text,
            path,
            match.start(),
            match.end(),
            f"placeholder.{name}",
            _MESSAGES[name].format(match.group()),
            Category.PLACEHOLDER,
        )
        for match, name in matches
    ]
