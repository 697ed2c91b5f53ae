"""From this year's report to next year's: the copy, and titles that follow the year.

An empty title is automatic (Report.effective_title writes the suggestion for year and
kind). A title equal to that suggestion is automatic too in effect, and is emptied when a
report is imported or carried into the next year, so that it keeps following the year. So
is a title in another common form of it (``2024年述职述廉报告``, ``青禾镇党委书记2024年度
述职述廉报告``): its form is kept in the report (title_office, title_short_year).
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import Report, ReportKind, new_id

# patterns, compiled (and cached by re) at their first use: not at every start (issue 21)
_YEAR_DIGITS = r"(?<![0-9０-９])(?:[0-9]{4}|[０-９]{4})(?![0-9０-９])"


_KIND_WORDS = {"述职述廉报告": ReportKind.SHUZHI_SHULIAN, "述职报告": ReportKind.SHUZHI}
_KIND_WORDS["工作总结"] = ReportKind.ZONGJIE
_AUTOMATIC_FORM = (
    r"(?P<office>[\u4e00-\u9fff、]{0,30}?)(?P<year>[0-9]{4})年(?P<du>度?)"
    r"(?P<word>述职述廉报告|述职报告|工作总结)"
)
"""Year and kind written as the suggestion writes them (ASCII digits: a title in full-width
or Chinese digits stays hers, since the suggestion would rewrite them), 年 or 年度, and
perhaps the leader's office in front."""


def has_automatic_title(report: Report) -> bool:
    """True when the title follows year and kind: empty, or just what they suggest."""
    return not report.title.strip() or report.title.strip() == report.suggested_title()


def automatic_form(title: str, year: int | None, kind: ReportKind) -> tuple[str, bool] | None:
    """(office in front, 年 rather than 年度) when ``title`` is the automatic title of
    ``year`` and ``kind`` in a common form; None when it is her own title."""
    found = re.fullmatch(_AUTOMATIC_FORM, title.strip())
    if found is None or year is None or int(found["year"]) != year:
        return None
    # 某某镇 is a placeholder 体检 must still see in her title, which it would not in the form
    if _KIND_WORDS[found["word"]] is not kind or any(m in found["office"] for m in "年度某"):
        return None
    return found["office"], not found["du"]


def follow_year(report: Report) -> None:
    """Empty a title that only repeats the suggestion (in the standard form, or in another
    common form, which is then kept), so that it follows the year."""
    form = automatic_form(report.title, report.year, report.kind)
    if form is not None:
        report.title_office, report.title_short_year = form
    if has_automatic_title(report):
        report.title = ""


def _shift_years(title: str, old: int, new: int) -> str:
    """``２０２４年度……（城关镇）`` → ``２０２５年度……``: her own title, the year moved on."""

    def moved(match: re.Match[str]) -> str:
        digits = match.group()
        if int(digits) != old:
            return digits
        text = str(new)
        if "０" <= digits[0] <= "９":
            text = text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        return text

    return re.sub(_YEAR_DIGITS, moved, title)


def next_year_copy(report: Report, source: Path | None = None) -> Report:
    """Next year's report from this one: same structure and text, year + 1, no date.

    An automatic title stays automatic; her own title keeps its words with the year moved
    on. An indicator table's year columns move on, last year's figures under their year and
    the new year's as ``**`` (next_year_tables.py). ``source`` (the draft copied) is
    remembered for 对比去年.
    """
    copy = report.model_copy(deep=True)
    copy.draft_id = new_id()  # another draft: this year's 数据 tables are not for it
    automatic = has_automatic_title(report)
    if copy.year is not None:
        copy.year = copy.year + 1
        if not automatic:
            copy.title = _shift_years(copy.title, copy.year - 1, copy.year)
    if automatic:
        copy.title = ""
    copy.date = None
    if report.year is not None:  # 2024年 | 2025年 columns move on (next_year_tables.py)
        from .next_year_tables import next_year_table  # here: the window's start needs none

        for _level, section in copy.all_sections():
            section.tables = [next_year_table(table, report.year) for table in section.tables]
    if source is not None:
        copy.made_from = str(source)
    return copy


def origin_text(source: Path, draft: Path | None) -> str:
    """How a draft names the file it was made from: relative to the draft's folder when it
    lies there or below (the two move together, e.g. onto a U 盘), else absolute."""
    source = source.absolute()
    if draft is not None:
        folder = draft.absolute().parent
        if source.is_relative_to(folder):
            return source.relative_to(folder).as_posix()
    return str(source)


def origin_path(report: Report, draft: Path | None) -> Path | None:
    """The file ``report`` was made from (see origin_text), or None when not recorded."""
    if not report.made_from:
        return None
    path = Path(report.made_from)
    if not path.is_absolute() and draft is not None:
        path = draft.absolute().parent / path
    return path
