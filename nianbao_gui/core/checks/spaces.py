"""Spaces and invisible characters: at the edges of a field, between Chinese characters,
no-break and full-width spaces, zero-width and control characters pasted from other programs.

The export indents paragraphs itself, so spaces typed at the start of a paragraph only push
the text out of line. Chinese text has no spaces between characters; a space after ``。``
(the seed's ``要求。 按要求``) shows as a gap in the printed report.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .charclass import CJK, CONTROL, INVALID, INVISIBLE, SPACE, blank_name, content_end
from .finding import Category, Finding, make_finding
from .targets import Kind, Target

_EDGE_CHARS = rf"\s{INVISIBLE}{CONTROL}"
_LEADING = re.compile(rf"[{_EDGE_CHARS}]+")
_BLANK_ONLY = re.compile(rf"[{_EDGE_CHARS}]*")
_INNER = re.compile(
    rf"(?P<newline>\r\n|[\n\r\u2028\u2029\x85])"
    rf"|(?P<invisible>[{INVISIBLE}]+)"
    rf"|(?P<control>[{CONTROL}]+)"
    rf"|(?P<invalid>[{INVALID}]+)"
    rf"|(?P<space>[{SPACE}]+)"
)
_ODD = re.compile(rf"[\n\r\u2028\u2029\x85{INVISIBLE}{CONTROL}{INVALID}{SPACE}]")
"""Where _INNER may match: a plain character class, which the regex engine scans fast."""
_Found = Callable[[int, int, str, str, "str | None"], None]

_CJK_CHAR = re.compile(rf"[{CJK}]")

# Kinds whose emptiness the placeholder check reports (a blank-only one is "empty" there).
_EMPTY_CHECKED = (Kind.BODY, Kind.HEADING, Kind.RUN_IN, Kind.ITEM)


def _is_cjk(char: str) -> bool:
    return bool(char) and _CJK_CHAR.match(char) is not None


def check(target: Target) -> list[Finding]:
    text, path = target.text, target.path
    if text.isprintable() and " " not in text:
        return []  # the common case, decided in C: no blank, no invisible character at all

    def found(start: int, end: int, code: str, message: str, fix: str | None) -> None:
        findings.append(make_finding(text, path, start, end, code, message, Category.SPACES, fix))

    findings: list[Finding] = []
    if _BLANK_ONLY.fullmatch(text):
        if target.kind not in _EMPTY_CHECKED:
            found(0, len(text), "space.only", "只有空白字符，没有文字", "")
        return findings

    lead = _LEADING.match(text)
    inner_start = 0
    if lead:
        inner_start = lead.end()
        hint = "，导出时会自动缩进，不用手工空格" if target.kind is Kind.BODY else ""
        found(0, lead.end(), "space.leading", f"开头有多余的{blank_name(lead.group())}{hint}", "")
    inner_end = max(inner_start, content_end(text))
    if inner_end < len(text):
        message = f"末尾有多余的{blank_name(text[inner_end:])}"
        found(inner_end, len(text), "space.trailing", message, "")

    at = inner_start
    while (hit := _ODD.search(text, at, inner_end)) is not None:
        match = _INNER.match(text, hit.start(), inner_end)
        assert match is not None  # _ODD holds exactly the first characters of _INNER
        start, end = match.span()
        at = end
        kind = match.lastgroup
        if kind == "newline":
            found(start, end, "space.newline", "段落中间有换行；如需分段，请添加新的段落", None)
        elif kind == "invisible":
            message = "有看不见的字符（零宽空格等，多半是从网页或其他程序粘贴来的）"
            found(start, end, "space.invisible", message, "")
        elif kind == "control":
            found(
                start, end, "space.control", "有控制字符（从其他程序粘贴来的），导出时可能出错", ""
            )
        elif kind == "invalid":
            message = (
                "有无效字符（残缺的半个字符，多半是其他程序截断的）：草稿里照原样保存，"
                "Word 无法保存它，导出时会被删除"
            )
            found(start, end, "space.invalid", message, "")
        elif target.kind is not Kind.SHORT and not _caption_gap(target, text, start, end):
            _inner_space(text, start, end, found)  # (a name may be spaced out: 张　三)
    return findings


_CAPTION_NUMBER = re.compile("附?表[0-9０-９一二三四五六七八九十]+$")


def _caption_gap(target: Target, text: str, start: int, end: int) -> bool:
    """The one space after a 表题's number (表1　主要经济指标), as 表题 are written."""
    if target.path[-1:] != ("caption",) or end - start != 1:
        return False
    return _CAPTION_NUMBER.match(text[:start]) is not None


def _inner_space(text: str, start: int, end: int, found: _Found) -> None:
    blanks = text[start:end]
    left, right = _is_cjk(text[start - 1]), _is_cjk(text[end])
    name = blank_name(blanks)
    if left and right:
        found(start, end, "space.between_chinese", f"汉字或标点之间有多余的{name}", "")
    elif left or right:
        if set(blanks) - {" "}:  # an ordinary space next to a Latin word or a number is a style
            found(start, end, "space.odd", f"有多余的{name}", "")
    elif blanks != " ":
        found(start, end, "space.odd", f"{name}应为一个普通空格", " ")
