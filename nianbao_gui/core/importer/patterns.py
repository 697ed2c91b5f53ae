"""What the importer recognises in a line: heading numbers, dates, and the cue words of a
report's parts. Pure functions on strings, so each rule can be tested on its own.

Heading numbers accept what secretaries really type: ``一、`` ``一．`` ``（一）`` ``(一)``
``1．`` ``1.`` ``1、`` ``１．`` ``（1）`` ``(1)``. Level 3 and 4 numbers are limited to two
digits and a dot must not be followed by a digit, so ``2022年`` and ``3.5万元`` are text.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from ..numbering import parse_chinese_numeral

_CN = "一二三四五六七八九十百零"
_DIGIT = "0-9０-９"
_HEADING_RES = (
    (1, re.compile(rf"^([{_CN}]+)(、|．|\.(?![{_DIGIT}]))")),
    (2, re.compile(rf"^([（(])([{_CN}]+)([）)])")),
    (3, re.compile(rf"^([{_DIGIT}]{{1,2}})(、|．|\.(?![{_DIGIT}]))")),
    (4, re.compile(rf"^([（(])([{_DIGIT}]{{1,2}})([）)])")),
)
CANONICAL_MARKS = {1: ("", "、"), 2: ("（", "）"), 3: ("", "．"), 4: ("（", "）")}

SENTENCE_END = "。！？!?"
RUN_IN_MARKS = "。！？!?：:"
"""A heading runs into its text when one of these closes it and text follows."""


@dataclass(frozen=True)
class HeadingMark:
    level: int  # 1–4 by the style of the number
    number: int
    prefix: str  # the number as written, e.g. ``(1)``
    rest: str  # the line after the number

    @property
    def canonical(self) -> bool:
        opening, closing = CANONICAL_MARKS[self.level]
        if self.level in (1, 3):
            return self.prefix.endswith(closing) and not any(
                "０" <= char <= "９" for char in self.prefix
            )
        return self.prefix.startswith(opening) and self.prefix.endswith(closing)


def _to_int(digits: str) -> int:
    return int(digits.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def match_heading(line: str) -> HeadingMark | None:
    """The heading number at the start of ``line``, if any."""
    for level, pattern in _HEADING_RES:
        found = pattern.match(line)
        if not found:
            continue
        # Mixed brackets such as （1) are still a number: typed in a hurry, meant as one.
        numeral = found.group(1) if level in (1, 3) else found.group(2)
        number = parse_chinese_numeral(numeral) if level in (1, 2) else _to_int(numeral)
        if number is None or number == 0:
            continue
        return HeadingMark(level, number, found.group(0), line[found.end() :])
    return None


def split_heading(rest: str) -> tuple[str, str | None]:
    """``政法工作。一是……`` → (``政法工作。``, ``一是……``); an own-line heading → (rest, None).

    The first sentence mark closes a run-in heading; a mark only at the very end (or none)
    means the heading stands on its own line.
    """
    for index, char in enumerate(rest):
        if char in RUN_IN_MARKS:
            if index + 1 < len(rest):
                return rest[: index + 1], rest[index + 1 :]
            return rest, None
    return rest, None


# --- dates --------------------------------------------------------------------------------

_CN_YEAR_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "o": 0}
_CN_YEAR_DIGITS.update({char: i for i, char in enumerate("一二三四五六七八九", start=1)})
_DATE_ARABIC = re.compile(rf"^([{_DIGIT}]{{4}})年([{_DIGIT}]{{1,2}})月([{_DIGIT}]{{1,2}})日$")
_DATE_CHINESE = re.compile(
    r"^([〇○零Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$"
)
_DATE_NUMERIC = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$")


def parse_date(line: str) -> _dt.date | None:
    """``2025年1月5日``, ``二〇二五年一月五日``, ``2025-01-05`` → a date; otherwise None."""
    text = line.strip()
    year = month = day = None
    if found := _DATE_ARABIC.match(text) or _DATE_NUMERIC.match(text):
        year, month, day = (_to_int(group) for group in found.groups())
    elif found := _DATE_CHINESE.match(text):
        year = int("".join(str(_CN_YEAR_DIGITS[char]) for char in found.group(1)))
        month = parse_chinese_numeral(found.group(2))
        day = parse_chinese_numeral(found.group(3))
    if year is None or month is None or day is None:
        return None
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


_YEAR_ARABIC = re.compile(r"((?:[1１][9９]|[2２][0０1１])[0-9０-９]{2})\s*年")
"""``2022年`` and the full-width ``２０２２年`` that some input methods type."""
_YEAR_CHINESE = re.compile(r"([〇○零一二][〇○零一二三四五六七八九]{3})年")


def find_year(text: str) -> int | None:
    """The first ``2022年`` (or ``二〇二二年``) in ``text``."""
    found = _YEAR_ARABIC.search(text)
    chinese = _YEAR_CHINESE.search(text)
    if chinese and (not found or chinese.start() < found.start()):
        return int("".join(str(_CN_YEAR_DIGITS[char]) for char in chinese.group(1)))
    return _to_int(found.group(1)) if found else None


# --- cue words of the parts of a report ------------------------------------------------------

TITLE_ENDINGS = ("报告", "总结", "述职", "述廉", "汇报", "发言", "材料")
OTHER_WORK_CUE = re.compile(
    r"^(在|除)(认真|全力|积极|切实)?(做好|抓好|完成|搞好|履行好?|干好)[^。！？]{0,24}(的同时|之外|以外|之余)"
    r"|^(此外|另外|同时)，"
)
SHORTCOMING_CUE = re.compile(
    r"(存在|还有|仍有|尚有|也有|还存在|仍存在|不少|一些)[^。！？]{0,16}(不足|差距|短板|问题|欠缺|缺点)"
    r"|(不足|差距|短板|欠缺)(之处)?(主要)?(表现|体现)"
)
SHORTCOMING_HEADING = re.compile(r"不足|差距|短板|缺点|欠缺|存在[^，。]{0,6}问题")
PLANS_CUE = re.compile(
    r"^(在|对于?)?(今后|下一步|新的一年|明年|未来|下阶段|下一阶段)"
    r"|^(针对|面对)[^。！？]{0,20}(问题|不足|差距)"
    r"|^(20\d{2}|二〇[一二三四五六七八九〇]{2})年，?我(将|要)"
)
PLANS_HEADING = re.compile(r"今后|打算|计划|下一步|努力方向|思路|展望|明年")

POSITION_WORDS = (
    "党委副书记",
    "党委书记",
    "党委委员",
    "党支部书记",
    "党工委书记",
    "纪委书记",
    "副书记",
    "书记",
    "常务副镇长",
    "副镇长",
    "镇长",
    "副乡长",
    "乡长",
    "人大主席",
    "人大副主席",
    "副主席",
    "主席",
    "副主任",
    "主任",
    "武装部长",
    "组织委员",
    "宣传委员",
    "统战委员",
    "委员",
    "副部长",
    "部长",
    "副站长",
    "站长",
    "副所长",
    "所长",
    "副局长",
    "局长",
    "副科长",
    "科长",
    "干部",
    "科员",
    "办事员",
)
ORGANISATION_ENDINGS = (
    "镇",
    "乡",
    "街道",
    "办事处",
    "党委",
    "政府",
    "人民政府",
    "委员会",
    "办公室",
    "局",
    "站",
    "所",
    "中心",
    "村",
    "社区",
    "支部",
)
NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
