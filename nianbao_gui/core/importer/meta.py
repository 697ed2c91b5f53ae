"""The parts around the body: title, author line, signature, date, year and kind."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from ..model import ReportKind
from .patterns import (
    NAME,
    ORGANISATION_ENDINGS,
    POSITION_WORDS,
    TITLE_ENDINGS,
    find_year,
    match_heading,
    parse_date,
)

MAX_TITLE = 40
MAX_AUTHOR = 30
MAX_SIGNATURE = 30
_CLAUSE_MARKS = "。，；：！？,;:!?"


def is_title(line: str) -> bool:
    """A short first line ending in 报告/总结/述职 …, or speaking of 述职."""
    text = line.strip()
    if not text or len(text) > MAX_TITLE or match_heading(text):
        return False
    if any(mark in text for mark in "。；;：:"):  # 述职人：张三 is not a title
        return False
    core = text.rstrip("）)").split("（")[0].split("(")[0] or text
    return core.endswith(TITLE_ENDINGS) or "述职" in text


@dataclass(frozen=True)
class Author:
    organisation: str
    position: str
    name: str
    exact: bool  # True when Report.author_line() writes the line back unchanged
    name_first: bool = False  # ``张三　某某村党支部书记``


def _position_at_end(text: str) -> str:
    """The longest known position word ``text`` ends with, or ``""``."""
    return next((w for w in sorted(POSITION_WORDS, key=len, reverse=True) if text.endswith(w)), "")


def _split_office(office: str) -> tuple[str, str]:
    """``某某镇副镇长`` → (``某某镇``, ``副镇长``); the position is the longest known ending.

    Offices listed with 、 are one position: ``青禾镇党委委员、纪委书记`` → (``青禾镇``,
    ``党委委员、纪委书记``); a 单位 never ends with 、."""
    word = _position_at_end(office)
    if not word:
        return "", office
    cut = len(office) - len(word)
    while office[:cut].endswith("、"):
        before = _position_at_end(office[: cut - 1])
        if not before:  # 、 after words that are no known position: all of it is the office
            return "", office
        cut -= 1 + len(before)
    return office[:cut], office[cut:]


def parse_author(line: str) -> Author | None:
    """``某某镇副镇长　张三`` or ``张三``: a short line with a name and perhaps a position."""
    text = line.strip()
    if not text or len(text) > MAX_AUTHOR or match_heading(text):
        return None
    if any(mark in text for mark in _CLAUSE_MARKS) or parse_date(text):
        return None
    parts = text.replace("\u3000", " ").split()
    if len(parts) == 1:
        if NAME.match(text) and not text.endswith(ORGANISATION_ENDINGS):
            return Author("", "", text, True)
        for word in sorted(POSITION_WORDS, key=len, reverse=True):
            at = text.rfind(word)
            if at > 0 and NAME.match(text[at + len(word) :]):
                organisation, position = _split_office(text[: at + len(word)])
                return Author(organisation, position, text[at + len(word) :], False)
        return None
    name, office = parts[-1], "".join(parts[:-1])
    name_first = False
    if not _is_office(office) or not NAME.match(name):
        # ``王五　城关社区党委书记``: the name first, as some reports sign under the title
        name, office = parts[0], "".join(parts[1:])
        if not _is_office(office) or not NAME.match(name) or name.endswith(ORGANISATION_ENDINGS):
            return None
        name_first = True
    organisation, position = _split_office(office)
    written = f"{name}\u3000{office}" if name_first else f"{office}\u3000{name}"
    return Author(organisation, position, name, text == written, name_first)


def _is_office(text: str) -> bool:
    return any(word in text for word in POSITION_WORDS) or text.endswith(ORGANISATION_ENDINGS)


def is_signature(line: str) -> bool:
    """A short closing line naming a person or an office: ``张三`` ``某某镇人民政府``."""
    text = line.strip()
    if not text or len(text) > MAX_SIGNATURE or match_heading(text) or parse_date(text):
        return False
    if any(mark in text for mark in _CLAUSE_MARKS):
        return False
    words = text.replace("\u3000", " ").split()
    return (
        bool(NAME.match(words[-1]))
        or text.endswith(ORGANISATION_ENDINGS)
        or any(word in text for word in POSITION_WORDS)
    )


def closing_date(line: str) -> _dt.date | None:
    return parse_date(line)


def detect_year(title: str, opening: list[str], body: str) -> tuple[int | None, str]:
    """The report's year and where it was found: ``title``, ``opening`` or ``body``."""
    for where, text in (("title", title), ("opening", "".join(opening)), ("body", body)):
        year = find_year(text)
        if year is not None and 1949 <= year <= 2200:
            return year, where
    return None, ""


_LIANZHENG = ("述廉", "廉政", "党风廉政", "廉洁自律")


def detect_kind(title: str, text: str) -> tuple[ReportKind, str]:
    """The kind, and where it came from: ``title``, ``text`` or ``default`` (no clue).

    A title that names the kind decides. Otherwise text speaking of 廉政 makes a
    述职述廉报告 (the seed has no title line), 述职 a 述职报告, 总结 a 年度工作总结.
    """
    if title:
        if any(word in title for word in ("述廉", "廉政", "廉洁")):
            return ReportKind.SHUZHI_SHULIAN, "title"
        if "述职" in title:
            return ReportKind.SHUZHI, "title"
        if "总结" in title or "工作报告" in title:
            return ReportKind.ZONGJIE, "title"
    if any(word in text for word in _LIANZHENG):
        return ReportKind.SHUZHI_SHULIAN, "text"
    if "述职" in text:
        return ReportKind.SHUZHI, "text"
    if "总结" in text:
        return ReportKind.ZONGJIE, "text"
    return ReportKind.SHUZHI, "default"


def speaks_of_lianzheng(text: str) -> bool:
    return any(word in text for word in _LIANZHENG)
