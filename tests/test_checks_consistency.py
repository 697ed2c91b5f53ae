"""Consistency of years, signature and date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from checks_support import PARAGRAPH, found, report_with, spans
from pytest import MonkeyPatch

from nianbao_gui.core.checks import Category, apply_fixes, history
from nianbao_gui.core.checks.history import load_history_rules
from nianbao_gui.core.model import Closing, Report, ReportKind
from nianbao_gui.core.paths import resources_dir


def test_title_year_differing_from_the_report_year() -> None:
    # an automatic-looking title: the fix empties it, so that it follows the year again
    report = Report(year=2023, title="2022年度述职述廉报告")
    assert [(f.path, f.start, f.end, f.code, f.fix) for f in found(report)] == [
        (("title",), 0, 12, "consistency.title_year", "")
    ]
    assert found(report)[0].fix_label() == "改为自动标题“2023年度述职述廉报告”"
    apply_fixes(report, found(report))
    assert report.title == "" and report.effective_title() == "2023年度述职述廉报告"
    assert found(Report(year=2022, title="2022年度述职述廉报告")) == []
    # a title of her own: only the year is corrected, in the digits she used
    own = Report(year=2025, title="２０２４年度述职述廉报告（城关镇）")
    assert [(f.start, f.end, f.fix) for f in found(own)] == [(0, 4, "２０２５")]


def test_title_kind_differing_from_the_basic_information() -> None:
    report = Report(year=2025, kind=ReportKind.SHUZHI, title="2025年度述职述廉报告")
    (finding,) = found(report)
    assert finding.code == "consistency.title_year" and "述职报告" in finding.message
    apply_fixes(report, [finding])
    assert report.effective_title() == "2025年度述职报告"


def test_leftover_years_before_the_report_year() -> None:
    def years(text: str, year: int = 2025) -> list[str]:
        return [f.seen for f in found(report_with(text, year=year)) if f.code == "consistency.year"]

    assert years("2022年，我认真履行职责。") == ["2022"]
    assert years("2022年以来，政法工作扎实推进。") == ["2022"]
    assert years("２０２４年，完成改厕**户。") == ["２０２４"]
    # history, as the sentence says
    assert years("自2019年以来，累计投入**万元。") == []
    assert years("2019年至今，全镇未发生重大事故。") == []
    assert years("全年收入较2021年增长**%。") == []
    assert years("与2023年相比，增长**%。") == []
    assert years("2024年全镇生产总值比上年增长**%。") == []
    assert years("“十四五”以来，2021年、2023年先后建成**个项目。") == []
    assert years("2023年，实现收入**万元。") == ["2023"]  # 十四五 not in this sentence
    assert years("1921年中国共产党成立。") == []  # long ago: history, not a leftover
    # the exceptions are data beside the wrong-word table
    table = resources_dir() / "checks" / "history_years.tsv"
    assert "十四五\t2021\t2025" in table.read_text(encoding="utf-8")
    assert load_history_rules().problems == []


def test_history_rules_from_a_file_of_the_user(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setattr(history, "data_dir", lambda: tmp_path)
    (tmp_path / "history_years.tsv").write_text("句\t回望\n乱写\n", encoding="utf-8")
    rules = load_history_rules()
    assert "回望" in rules.sentence and len(rules.problems) == 1
    assert "第2行" in rules.problems[0]


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
    # another leader's name: the fix puts the author's in its place
    copied = Report(year=2022, author_name="张三", signature="某某镇副镇长　李四")
    (finding,) = [f for f in found(copied) if f.code == "consistency.signature"]
    assert (finding.seen, finding.fix) == ("李四", "张三")
    # a longer name that starts like the author's is another person's (张三丰 is not 张三)
    longer = Report(year=2022, author_name="张三", signature="某某镇副镇长　张三丰")
    (finding,) = [f for f in found(longer) if f.code == "consistency.signature"]
    assert (finding.seen, finding.fix) == ("张三丰", "张三")
    assert found(Report(year=2022, author_name="张三", signature="副镇长张三（签字）")) == []
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
    # last year's date left in: early in the report's own year
    assert date_findings(dt.date(2022, 1, 10)) == [(("date",), "consistency.date")]
    assert found(Report(date=dt.date(2030, 1, 1))) == []  # no year to compare with
