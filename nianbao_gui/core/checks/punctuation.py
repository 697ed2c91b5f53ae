"""Punctuation: half-width marks in Chinese text, doubled marks, unmatched quotes and
brackets, and the marks that end headings and paragraphs.

Half-width marks are only wrong in Chinese context: ``勤政廉政;努力`` is flagged, while
``1.5%`` ``2022.10`` ``10:30`` ``5,000`` ``A,B`` are not. A heading on its own line ends with
no mark; a run-in heading (``（一）政法工作。一是……``) ends with ``。`` (GB/T 15834-2011).
"""

from __future__ import annotations

import re

from .charclass import CJK, FULL_WIDTH, HAN, content_end
from .finding import Category, Finding, make_finding
from .targets import Kind, Target

_CJK_CHAR = re.compile(rf"[{CJK}]")
_HAN_CHAR = re.compile(rf"[{HAN}]")
_HALF = re.compile(r'[,;:?!.()"]')
_MARKS = "，。、；：！？,;:!?."
_RUN_START = re.compile(f"[{_MARKS}](?=[{_MARKS}])")
_PAIRED = re.compile(r"[（《【〔［〈「『()）》】〕］〉」』]")
_DOUBLE_QUOTES = re.compile("[“”]")
_SINGLE_QUOTES = re.compile("[‘’]")
_HEADING_END = "。，；、：,.;:"
_HALF_MARKS = ',;:?!.()"'

_OPENERS = "（《【〔［〈「『"
_CLOSERS = "）》】〕］〉」』"
_CLOSER_OF = dict(zip(_OPENERS, _CLOSERS, strict=True))
_NORMAL = {"(": "（", ")": "）"}  # ASCII brackets match like full-width ones
_SENTENCE_END = "。！？：；…!?;:."
_TRAILING_CLOSERS = "”’）》】」』\"')"
_DIGITS_OK = ",:"  # 5,000 and 10:30 between digits


def _is_cjk(char: str) -> bool:
    return bool(char) and _CJK_CHAR.match(char) is not None


def _is_han(char: str) -> bool:
    return bool(char) and _HAN_CHAR.match(char) is not None


class _Collector:
    def __init__(self, target: Target) -> None:
        self.text = target.text
        self.path = target.path
        self.findings: list[Finding] = []

    def add(self, start: int, end: int, code: str, message: str, fix: str | None = None) -> None:
        self.findings.append(
            make_finding(self.text, self.path, start, end, code, message, Category.PUNCTUATION, fix)
        )


def check(target: Target) -> list[Finding]:
    text = target.text
    if not text.strip():
        return []
    out = _Collector(target)
    claimed: set[int] = set()  # positions another punctuation finding already covers
    _ends(target, out, claimed)
    _runs(out, claimed)
    _half_width(out, claimed)
    _brackets(out)
    _quotes(out, _DOUBLE_QUOTES, "“", "”")
    _quotes(out, _SINGLE_QUOTES, "‘", "’")
    return out.findings


def _runs(out: _Collector, claimed: set[int]) -> None:
    """``，，`` ``，,`` ``。。`` ``、、`` → one mark; ``。。。`` ``...`` → ``……``."""
    text = out.text
    at = 0
    while (match := _RUN_START.search(text, at)) is not None:
        start = end = match.start()
        while end < len(text) and text[end] in _MARKS:
            end += 1
        at = end
        run = text[start:end]
        if claimed.intersection(range(start, end)):
            continue  # the end of a heading, judged by _ends
        chinese = _is_cjk(text[start - 1 : start]) or _is_cjk(text[end : end + 1])
        marks = {FULL_WIDTH.get(char, char) for char in run}
        if set(run) <= {".", "。"} and len(run) >= 3 and (chinese or "。" in run):
            out.add(start, end, "punct.ellipsis", f"“{run}”应为省略号“……”", "……")
        elif len(marks) == 1:
            if run.isascii() and not chinese:
                continue  # Latin text: ?? or ,, is not ours to judge
            mark = marks.pop()
            out.add(start, end, "punct.doubled", f"标点重复“{run}”，应为一个“{mark}”", mark)
        elif marks <= {"？", "！"}:
            continue  # ？！ is allowed
        else:
            out.add(start, end, "punct.mixed", f"连续出现不同的标点“{run}”，请只保留一个")
        claimed.update(range(start, end))


def _half_width(out: _Collector, claimed: set[int]) -> None:
    text = out.text
    if not any(mark in text for mark in _HALF_MARKS):
        return  # most Chinese paragraphs: decided by a few fast substring searches
    quotes: list[int] = []
    parens: list[tuple[int, int | None]] = []  # (open position, close position)
    stack: list[int] = []
    for match in _HALF.finditer(text):
        i = match.start()
        if i in claimed:
            continue
        mark = text[i]
        if mark == '"':
            quotes.append(i)
        elif mark == "(":
            stack.append(i)
        elif mark == ")":
            parens.append((stack.pop(), i) if stack else (-1, i))
        else:
            _mark(out, i)
    parens.extend((i, None) for i in stack)
    for opened, closed in parens:
        _parens(out, opened, closed)
    _ascii_quotes(out, quotes)


def _mark(out: _Collector, i: int) -> None:
    text = out.text
    mark, before, after = text[i], text[i - 1 : i], text[i + 1 : i + 2]
    if mark == ".":
        chinese = _is_han(before) and not (after.isascii() and after.isalnum())
    elif mark in _DIGITS_OK and before.isdigit() and after.isdigit():
        chinese = False
    else:
        chinese = _is_cjk(before) or _is_cjk(after)
    if not chinese:
        return
    end = i + 1
    while end < len(text) and text[end] == " ":  # no space follows a full-width mark
        end += 1
    full = FULL_WIDTH[mark]
    out.add(i, end, "punct.half_width", f"中文里用了半角“{mark}”，应为全角“{full}”", full)


def _parens(out: _Collector, opened: int, closed: int | None) -> None:
    text = out.text
    if opened >= 0 and closed is not None:
        chinese = (
            _is_cjk(text[opened - 1 : opened])
            or _is_cjk(text[closed + 1 : closed + 2])
            or _CJK_CHAR.search(text, opened, closed) is not None
        )
        places = [opened, closed]
    else:
        at = closed if closed is not None else opened
        chinese = _is_cjk(text[at - 1 : at]) or _is_cjk(text[at + 1 : at + 2])
        places = [at]
    if chinese:
        for at in places:
            full = FULL_WIDTH[text[at]]
            message = f"中文里用了半角括号“{text[at]}”，应为全角“{full}”"
            out.add(at, at + 1, "punct.half_width", message, full)


def _ascii_quotes(out: _Collector, quotes: list[int]) -> None:
    text = out.text
    if len(quotes) % 2 == 0:
        for opened, closed in zip(quotes[::2], quotes[1::2], strict=True):
            if _CJK_CHAR.search(text, opened, closed) or _is_cjk(text[opened - 1 : opened]):
                out.add(opened, opened + 1, "punct.half_width", "半角引号应为全角“", "“")
                out.add(closed, closed + 1, "punct.half_width", "半角引号应为全角”", "”")
        return
    for at in quotes:
        if _is_cjk(text[at - 1 : at]) or _is_cjk(text[at + 1 : at + 2]):
            out.add(at, at + 1, "punct.half_width", "中文里用了半角引号，应为全角引号“”")


def _brackets(out: _Collector) -> None:
    """（）《》【】〔〕 in pairs within the paragraph; ASCII ( ) count as （ ）."""
    text = out.text
    stack: list[tuple[int, str]] = []
    for match in _PAIRED.finditer(text):
        at, char = match.start(), _NORMAL.get(match.group(), match.group())
        if char in _CLOSER_OF:
            stack.append((at, char))
            continue
        openers = [opener for _, opener in stack]
        wanted = next((o for o in reversed(openers) if _CLOSER_OF[o] == char), None)
        if wanted is None:
            out.add(at, at + 1, "punct.unmatched", f"“{text[at]}”前面没有对应的前半个括号")
            continue
        while stack:
            opened, opener = stack.pop()
            if opener == wanted:
                break
            _unclosed(out, opened, opener)
    for opened, opener in stack:
        _unclosed(out, opened, opener)


def _unclosed(out: _Collector, at: int, opener: str) -> None:
    closer = _CLOSER_OF[opener]
    out.add(at, at + 1, "punct.unmatched", f"“{out.text[at]}”没有对应的“{closer}”")


def _quotes(out: _Collector, pattern: re.Pattern[str], left: str, right: str) -> None:
    """Quotes alternate left, right within a paragraph. A second left quote while one is open
    is a right quote typed the wrong way round (nested quotes use ‘’, not “”)."""
    text = out.text
    if left not in text and right not in text:
        return
    marks = [(m.start(), m.group()) for m in pattern.finditer(text)]
    open_at: int | None = None
    for index, (at, char) in enumerate(marks):
        if char == left:
            if open_at is None:
                open_at = at
            else:
                out.add(
                    at, at + 1, "punct.quote_direction", f"引号方向不对，这里应是“{right}”", right
                )
                open_at = None
        elif open_at is not None:
            open_at = None
        elif index + 1 < len(marks) and marks[index + 1][1] == right:
            out.add(at, at + 1, "punct.quote_direction", f"引号方向不对，这里应是“{left}”", left)
            open_at = at
        else:
            out.add(at, at + 1, "punct.unmatched", f"“{right}”前面没有对应的“{left}”")
    if open_at is not None:
        out.add(open_at, open_at + 1, "punct.unmatched", f"“{left}”没有对应的“{right}”")


def _ends(target: Target, out: _Collector, claimed: set[int]) -> None:
    """The mark at the end: none after a title or standalone heading, ``。`` after a run-in
    heading, a closing mark after a body paragraph."""
    stripped = out.text[: content_end(out.text)]
    end = len(stripped)
    cut = len(stripped.rstrip(_HEADING_END))
    wrong = stripped[cut:]  # the marks the text ends with, if any
    if target.kind in (Kind.TITLE, Kind.HEADING, Kind.CLOSING_HEADING):
        if wrong:
            where = "标题" if target.kind is Kind.TITLE else "单独成行的标题"
            out.add(cut, end, "punct.heading_end", f"{where}末尾不加标点，“{wrong}”应删去", "")
            claimed.update(range(cut, end))
    elif target.kind is Kind.RUN_IN:
        if stripped.endswith(("。", "？", "！")) and len(wrong) <= 1:
            return
        message = "与正文同段的标题末尾应有句号，如“政法工作。”"
        out.add(cut, end, "punct.run_in_end", message, "。")
        claimed.update(range(cut, end))
    elif target.kind is Kind.BODY:
        core = stripped.rstrip(_TRAILING_CLOSERS)
        if not core or core[-1] in _SENTENCE_END:
            return
        if core[-1] in "，、,":
            at = len(core) - 1
            message = f"段落以“{core[-1]}”结尾，应以句号等结束"
            out.add(at, at + 1, "punct.paragraph_end", message)
        else:
            out.add(end, end, "punct.paragraph_end", "段落末尾没有标点，应以句号等结束")
