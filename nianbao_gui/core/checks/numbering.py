"""Numbering: 一是……二是…… in order, and numbers typed where the program adds its own.

Heading numbers (一、 （一） 1． （1）) are derived from positions, so a heading that begins
with ``一、`` is written ``一、一、……``; a shortcoming that begins with ``一是`` is written
``一是一是……``. Both are removed by the fix. Gaps between headings cannot exist in a draft;
in an imported report they are noted by the importer and shown as import notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..numbering import ordinal, parse_chinese_numeral
from .charclass import CHINESE_DIGITS
from .finding import Category, Finding, make_finding
from .targets import Kind, Target

_N = f"[{CHINESE_DIGITS}]{{1,3}}"
_NUMBER_PREFIX = (
    rf"{_N}[、.．]|[（(]{_N}[)）]|\d{{1,2}}[.．、](?!\d)|[（(]\d{{1,2}}[)）]|第{_N}[、，,．.]"
)
_HEADING_PREFIX = re.compile(rf"(?:{_NUMBER_PREFIX})[ \u3000]*")
_ITEM_PREFIX = re.compile(rf"(?:{_N}是[，,：:]?|{_NUMBER_PREFIX})[ \u3000]*")
_BOUNDARY = "，。；：、！？,;:（(“ \u3000\t"
"""一是 counts at the start or after one of these: 统一是 唯一是 第一是 are not ordinals."""


def _ordinals(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, 一是) of each ordinal. Found from each 是 backwards: a fast substring
    search instead of a regular expression tried at every character."""
    at = text.find("是")
    while at >= 0:
        start = at
        while start > 0 and at - start < 3 and text[start - 1] in CHINESE_DIGITS:
            start -= 1
        if start < at and (start == 0 or text[start - 1] in _BOUNDARY):
            yield start, at + 1, text[start : at + 1]
        at = text.find("是", at + 1)


_HEADINGS = (Kind.HEADING, Kind.RUN_IN, Kind.CLOSING_HEADING)


def check(target: Target) -> list[Finding]:
    """Numbers typed at the start of a heading or of a shortcoming."""
    text = target.text
    at = len(text) - len(text.lstrip())
    if target.kind in _HEADINGS:
        match = _HEADING_PREFIX.match(text, at)
        message = "标题编号由程序自动生成，开头的“{0}”会重复（导出为“一、{0}……”），应删去"
        code = "number.heading_prefix"
    elif target.kind is Kind.ITEM:
        match = _ITEM_PREFIX.match(text, at)
        message = "每条不足前的“一是、二是”由程序自动加上，开头的“{0}”会重复，应删去"
        code = "number.item_prefix"
    else:
        return []
    if match is None or match.end() == len(text):
        return []
    prefix = match.group().strip()
    return [
        make_finding(
            text,
            target.path,
            match.start(),
            match.end(),
            code,
            message.format(prefix),
            Category.NUMBERING,
            "",
        )
    ]


def check_group(paragraphs: Iterable[Target]) -> list[Finding]:
    """一是 二是 三是 in order within a paragraph and on into the next paragraphs of the
    same part (an enumeration may put each item in its own paragraph)."""
    findings: list[Finding] = []
    last = 0
    lone: tuple[Target, int, int] | None = None  # the 一是 of an enumeration so far of one item

    def flag(target: Target, start: int, end: int, code: str, message: str) -> None:
        findings.append(
            make_finding(target.text, target.path, start, end, code, message, Category.NUMBERING)
        )

    def close_lone() -> None:
        nonlocal lone
        if lone is not None:
            target, start, end = lone
            flag(target, start, end, "number.single", "只有“一是”，没有“二是”，请检查")
            lone = None

    for target in paragraphs:
        first_in_paragraph = True
        for start, end, word in _ordinals(target.text):
            n = parse_chinese_numeral(word[:-1])
            if n is None:
                continue
            if n == 1 and last == 1 and not first_in_paragraph:
                message = "又出现“一是”：前面的“一是”之后没有“二是”"
                flag(target, start, end, "number.repeated", message)
                lone = None
            elif n == 1:
                close_lone()  # a new enumeration: in a new paragraph, or after a complete one
                lone = (target, start, end)
            elif n == last + 1:
                lone = None
            elif n <= last:
                flag(target, start, end, "number.repeated", f"“{word}”重复：前面已经有“{word}”")
            elif last == 0:
                flag(target, start, end, "number.gap", f"从“{word}”开始，前面没有“一是”")
            else:
                missing = "、".join(ordinal(i) for i in range(last + 1, n))
                message = f"跳号：“{ordinal(last)}”之后是“{word}”，缺少“{missing}”"
                flag(target, start, end, "number.gap", message)
                lone = None
            last = n
            first_in_paragraph = False
    close_lone()
    return findings
