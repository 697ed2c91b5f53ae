"""Consistency of years, signature and date."""

from __future__ import annotations

import datetime as dt

from checks_support import PARAGRAPH, found, report_with, spans

from nianbao_gui.core.checks import Category
from nianbao_gui.core.model import Closing, Report, ReportKind


def test_title_year_differing_from_the_report_year() -> None:
    report = Report(year=2023, title="2022年度述职述廉报告")
    assert [(f.path, f.start, f.end, f.code) for f in found(report)] == [
        (("title",), 0, 4, "consistency.title_year")
    ]
    assert found(Report(year=2022, title="2022年度述职述廉报告")) == []


def test_text_copied_from_last_year() -> None:
    report = Report(
        title="2023年度述职述廉报告",
        opening=["2022年以来，我认真履行职责。"],
    )  # no year set: the title's year is the report year
    assert [(f.path, f.start, f.end, f.code) for f in found(report)] == [
        (("opening", 0), 0, 4, "consistency.year")
    ]
    assert "沿用了往年" in found(report)[0].message
    # an earlier year compared with is normal prose
    assert found(report_with("与2022年相比增长5%。", year=2023)) == []


def test_years_after_the_report_year() -> None:
    text = "2023年1月，完成验收。"
    assert spans(found(report_with(text), PARAGRAPH)) == [(0, 4, "consistency.year", None)]
    # targets and far-off plans are not slips
    assert found(report_with("到2025年，收入突破3万元。")) == []
    assert found(report_with("围绕2035年远景目标，扎实工作。")) == []
    assert found(report_with("落实2021—2023年三年行动计划。")) == []
    # next year's plans belong in the plans
    plans = Closing(plans=["2023年，我将继续努力。"])
    assert found(report_with(closing=plans)) == []


def test_signature_without_the_authors_name() -> None:
    report = Report(year=2022, author_name="张三", signature="李四")
    assert [(f.path, f.code, f.category) for f in found(report)] == [
        (("signature",), "consistency.signature", Category.CONSISTENCY)
    ]
    assert found(Report(year=2022, author_name="张三", signature="述职人：张　三")) == []
    assert found(Report(year=2022, signature="青山镇人民政府")) == []
    # a 工作总结 is signed by the office even when the leader's name is filled in
    summary = Report(
        year=2022, kind=ReportKind.ZONGJIE, author_name="张三", signature="青山镇人民政府"
    )
    assert found(summary) == []


def test_date_within_the_year_after_the_report_year() -> None:
    def date_findings(date: dt.date) -> list[tuple[tuple[str | int, ...], str]]:
        return [(f.path, f.code) for f in found(Report(year=2022, date=date))]

    assert date_findings(dt.date(2022, 12, 28)) == []
    assert date_findings(dt.date(2023, 12, 31)) == []
    assert date_findings(dt.date(2024, 1, 5)) == [(("date",), "consistency.date")]
    assert date_findings(dt.date(2021, 12, 30)) == [(("date",), "consistency.date")]
    assert found(Report(date=dt.date(2030, 1, 1))) == []  # no year to compare with
