"""Consistency between the parts of a report: years, the signature, the date.

A report is often written by copying last year's: a title ``2023年度……`` over text that
still says ``2022年以来`` is the mistake this catches. The report year is ``Report.year``,
or the year in the title when no year is set. An earlier year is reported unless its
sentence marks it as history (``自2019年以来`` ``较2021年`` ``十四五``…; history.py).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..model import Report, ReportKind
from .finding import Category, Finding, make_finding
from .history import HistoryRules, load_history_rules
from .targets import Kind, Target

_YEAR = re.compile(r"(?:[1１][9９]|[2２][0０])[0-9０-９]{2}")  # full-width too (int() reads both)
# then: no digit before, 年 after (checked in _years)
_YEAR_AFTER = re.compile(r"\s*年")
_TARGET_BEFORE = "到至—－-～~"  # 到2025年, 2021—2023年: a target or a range, not a slip
_NEAR_FUTURE = 5  # 2035年远景目标 and the like are far; a slip is a year or two
_RECENT_PAST = 5  # 2012年党的十八大 is history; a report copied forward is a few years old
_EARLY_MONTH = 7  # an annual report is written at the end of its year or early the next
_NAME_AT_END = re.compile(r"(?:^|[\s：:])([\u4e00-\u9fff]{2,4})$")


def _years(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, year) of each ``2022年``; a plain search, the context checked here."""
    for match in _YEAR.finditer(text):
        start, end = match.span()
        if (start and text[start - 1].isdigit()) or not _YEAR_AFTER.match(text, end):
            continue
        yield start, end, int(match.group())  # int() reads full-width digits too


def report_year(year: int | None, title: str) -> int | None:
    if year is not None:
        return year
    return next((found for _, _, found in _years(title)), None)


def check(report: Report, targets: Iterable[Target]) -> list[Finding]:
    findings: list[Finding] = []
    items = list(targets)
    title = next((t for t in items if t.kind is Kind.TITLE), None)
    effective = report_year(report.year, title.text if title else "")
    if title is not None and report.year is not None:
        findings += _title(title, report)
    if effective is not None:
        history = load_history_rules()
        for target in items:
            if target.kind is not Kind.TITLE:
                findings += _text_years(target, effective, history)
    if report.kind is not ReportKind.ZONGJIE:  # a 工作总结 is signed by the office, not a person
        findings += _signature(items, report.author_name, report.signature)
    if effective is not None and report.date is not None:
        findings += _date(effective, report.date)
    return findings


def _automatic_title_of(text: str, year: int) -> ReportKind | None:
    """The kind whose automatic title for ``year`` is ``text`` (``2024年度述职报告``)."""
    for kind in ReportKind:
        if Report(kind=kind, year=year).suggested_title() == text.strip():
            return kind
    return None


def _title(title: Target, report: Report) -> list[Finding]:
    """A title at odds with 基本信息 (year or kind). The fix of a title that reads like an
    automatic one empties it, so that it follows the year and kind from then on."""
    assert report.year is not None
    text, year = title.text, report.year
    years = [(start, end, found) for start, end, found in _years(text) if found != year]
    automatic = report.suggested_title()
    if years and (kind := _automatic_title_of(text, years[0][2])) is not None:
        differs = f"年份“{years[0][2]}”与报告年份 {year}"
        if kind is not report.kind:
            differs += f"、类型“{kind.value}”与报告类型“{report.kind.value}”"
        message = f"标题中的{differs}不一致；修复后标题随基本信息自动生成（{automatic}）"
        return [_title_finding(text, 0, len(text), message, automatic)]
    if not years and _automatic_title_of(text, year) not in (None, report.kind):
        message = (
            f"标题“{text.strip()}”与基本信息中的报告类型“{report.kind.value}”不一致；"
            f"修复后标题随基本信息自动生成（{automatic}）"
        )
        return [_title_finding(text, 0, len(text), message, automatic)]
    return [
        make_finding(
            text,
            title.path,
            start,
            end,
            "consistency.title_year",
            f"标题中的年份“{found}”与报告年份 {year} 不一致",
            Category.CONSISTENCY,
            fix=_same_width(str(year), text[start:end]),
        )
        for start, end, found in years
    ]


def _title_finding(text: str, start: int, end: int, message: str, automatic: str) -> Finding:
    finding = make_finding(
        text, ("title",), start, end, "consistency.title_year", message, Category.CONSISTENCY, ""
    )
    return _with_label(finding, f"改为自动标题“{automatic}”")


def _with_label(finding: Finding, label: str) -> Finding:
    return replace(finding, fix_text=label)


def _same_width(digits: str, like: str) -> str:
    """``2025`` written as ``２０２５`` where the title had full-width digits."""
    if like and "０" <= like[0] <= "９":
        return digits.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return digits


_COLUMN_YEAR = re.compile(r"[0-9０-９]{4}\s*年度?")


def _text_years(target: Target, year: int, history: HistoryRules) -> list[Finding]:
    text = target.text
    findings: list[Finding] = []
    if target.kind is Kind.CELL and _COLUMN_YEAR.fullmatch(text.strip()):
        return findings  # a column of an indicator table: 2024年 | 2025年 compares years
    for start, end, found in _years(text):
        message = ""
        if year < found <= year + _NEAR_FUTURE:
            if target.plans and found == year + 1:
                continue  # 2023年，我将…… in the plans of a 2022 report
            if start and text[start - 1] in _TARGET_BEFORE:
                continue
            message = f"“{found}年”晚于报告年份 {year}，请核对（是否沿用了其他年份的报告）"
        elif target.plans and found == year and not history.is_history(text, start, end, found):
            # the plans of a report copied forward: ``2025年，我将……`` left in the 2025 one
            message = (
                f"今后打算中的“{found}年”是报告年份本身，今后打算写的是下一年，"
                f"请核对是否应为“{year + 1}年”（沿用了上一年的报告）"
            )
        elif year - _RECENT_PAST <= found < year and not history.is_history(
            text, start, end, found
        ):
            since = "以来" if text[end : end + 8].lstrip().startswith("年以来") else ""
            message = (
                f"“{found}年{since}”早于报告年份 {year}，请核对是否沿用了往年的文字"
                "（回顾往年的写法，如“自2019年以来”“较2021年”，不会报告）"
            )
        if message:
            findings.append(
                make_finding(
                    text,
                    target.path,
                    start,
                    end,
                    "consistency.year",
                    message,
                    Category.CONSISTENCY,
                )
            )
    return findings


def _signed_by(name: str, signature: str) -> bool:
    """``name`` stands in the signature as a whole name: 张三 in 副镇长张三 or 张三（签字）, not
    in 张三丰 (another person, who happens to start the same)."""
    at = signature.find(name)
    while at >= 0:
        after = signature[at + len(name) : at + len(name) + 1]
        if not after or not ("\u4e00" <= after <= "\u9fff" or "\u3400" <= after <= "\u4dbf"):
            return True
        at = signature.find(name, at + 1)
    return False


def _signature(items: list[Target], author_name: str, signature: str) -> list[Finding]:
    name = "".join(author_name.split())
    if not name or not signature.strip() or _signed_by(name, "".join(signature.split())):
        return []
    target = next(t for t in items if t.path == ("signature",))
    message = f"落款中没有报告人姓名“{author_name.strip()}”，请核对"
    text = signature.rstrip()
    other = _NAME_AT_END.search(text)
    if other is not None and not other.group(1).endswith(("镇", "乡", "村", "政府", "党委")):
        # ``李四`` or ``某某镇副镇长　李四``: another person's name where the author's belongs
        return [
            make_finding(
                signature,
                target.path,
                other.start(1),
                other.end(1),
                "consistency.signature",
                f"落款中的“{other.group(1)}”不是报告人姓名“{author_name.strip()}”，请核对",
                Category.CONSISTENCY,
                fix=author_name.strip(),
            )
        ]
    return [
        make_finding(
            signature,
            target.path,
            0,
            len(signature),
            "consistency.signature",
            message,
            Category.CONSISTENCY,
        )
    ]


def _date(year: int, date: _dt.date) -> list[Finding]:
    shown = f"{date.year}年{date.month}月{date.day}日"
    if date.year < year:
        message = f"落款日期在 {date.year} 年，早于报告年份 {year}"
    elif date.year == year and date.month < _EARLY_MONTH:
        message = (
            f"落款日期 {shown} 在报告年份 {year} 年的上半年；年度报告一般在年底或次年年初成文，"
            "请核对是否沿用了往年报告的日期"
        )
    elif date.year > year + 1:
        message = f"落款日期在 {date.year} 年；{year} 年的报告最晚应在 {year + 1} 年内成文"
    else:
        return []
    return [Finding(("date",), 0, 0, "consistency.date", message, Category.CONSISTENCY)]
