"""Consistency between the parts of a report: years, the signature, the date.

A report is often written by copying last year's: a title ``2023年度……`` over text that
still says ``2022年以来`` is the mistake this catches. The report year is ``Report.year``,
or the year in the title when no year is set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..model import Report, ReportKind
from .finding import Category, Finding, make_finding
from .targets import Kind, Target

_YEAR = re.compile(r"(?:19|20)\d\d")  # then: no digit before, 年 after (checked in _years)
_YEAR_AFTER = re.compile(r"\s*年")
_TARGET_BEFORE = "到至—－-～~"  # 到2025年, 2021—2023年: a target or a range, not a slip
_NEAR_FUTURE = 5  # 2035年远景目标 and the like are far; a slip is a year or two
_PLAN_PATHS = (("closing", "plans"), ("closing", "plans_heading"))


def _years(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, year) of each ``2022年``; a plain search, the context checked here."""
    for match in _YEAR.finditer(text):
        start, end = match.span()
        if (start and text[start - 1].isdigit()) or not _YEAR_AFTER.match(text, end):
            continue
        yield start, end, int(match.group())


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
        findings += _title_year(title, report.year)
    if effective is not None:
        for target in items:
            if target.kind is not Kind.TITLE:
                findings += _text_years(target, effective)
    if report.kind is not ReportKind.ZONGJIE:  # a 工作总结 is signed by the office, not a person
        findings += _signature(items, report.author_name, report.signature)
    if effective is not None and report.date is not None:
        findings += _date(effective, report.date.year)
    return findings


def _title_year(title: Target, year: int) -> list[Finding]:
    findings = []
    for start, end, found in _years(title.text):
        if found != year:
            message = f"标题中的年份“{found}”与报告年份 {year} 不一致"
            findings.append(
                make_finding(
                    title.text,
                    title.path,
                    start,
                    end,
                    "consistency.title_year",
                    message,
                    Category.CONSISTENCY,
                )
            )
    return findings


def _text_years(target: Target, year: int) -> list[Finding]:
    text = target.text
    in_plans = target.path[:2] in _PLAN_PATHS
    findings = []
    for start, end, found in _years(text):
        message = ""
        if year < found <= year + _NEAR_FUTURE:
            if in_plans and found == year + 1:
                continue  # 2023年，我将…… in the plans of a 2022 report
            if start and text[start - 1] in _TARGET_BEFORE:
                continue
            message = f"“{found}年”晚于报告年份 {year}，请核对（是否沿用了其他年份的报告）"
        elif found == year - 1 and text[end : end + 8].lstrip().startswith("年以来"):
            message = f"“{found}年以来”：本报告是 {year} 年的，请核对是否沿用了往年的文字"
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


def _signature(items: list[Target], author_name: str, signature: str) -> list[Finding]:
    name = "".join(author_name.split())
    if not name or not signature.strip() or name in "".join(signature.split()):
        return []
    target = next(t for t in items if t.path == ("signature",))
    message = f"落款中没有报告人姓名“{author_name.strip()}”，请核对"
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


def _date(year: int, date_year: int) -> list[Finding]:
    if date_year < year:
        message = f"落款日期在 {date_year} 年，早于报告年份 {year}"
    elif date_year > year + 1:
        message = f"落款日期在 {date_year} 年；{year} 年的报告最晚应在 {year + 1} 年内成文"
    else:
        return []
    return [Finding(("date",), 0, 0, "consistency.date", message, Category.CONSISTENCY)]
