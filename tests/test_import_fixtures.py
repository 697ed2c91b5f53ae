"""Reports of other shapes (tests/fixtures/import/) survive import → to_plain_text with
every non-empty line intact, apart from heading numbers (the model renumbers them)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import REPO

from nianbao_gui.core.importer import import_report, import_text, read_text_file
from nianbao_gui.core.layout import to_plain_text
from nianbao_gui.core.model import Report, ReportKind

FIXTURES = REPO / "tests" / "fixtures" / "import"

# Heading numbers as a secretary types them, every level, full- and half-width. Written out
# here independently of the importer, so the comparison does not trust the code under test.
_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]"
    r"|[0-9０-９]{1,2}(?:[、．]|\.(?![0-9]))|[（(][0-9０-９]{1,2}[）)])"
)


def _lines(text: str) -> list[str]:
    lines = (line.lstrip(" \t\u3000").rstrip() for line in text.splitlines())
    return [_NUMBER.sub("#", line) for line in lines if line]


# file → (sections, subsections at any depth, title?, line rewritten from → to; several
# as a dict: the date in 公文 digits)
CASES: dict[str, tuple[int, int, bool, tuple[str, str] | dict[str, str] | None]] = {
    "title-author-three-sections.txt": (3, 0, True, None),
    "no-title-many-subsections.txt": (5, 14, False, None),
    "four-levels.txt": (2, 11, True, ("二〇二四年一月十日", "2024年1月10日")),
    "half-width-numbering.txt": (2, 8, True, None),
    "numbering-anomaly.txt": (3, 3, True, None),
    "closing-ordinary-sections.txt": (5, 2, True, None),
    "gbk-crlf-six-sections.txt": (6, 0, True, None),
    "fullwidth-year-name-first.txt": (
        3,
        0,
        True,
        ("２０２５年１月８日", "2025年1月8日"),
    ),
    "chinese-year-plans-section.txt": (4, 2, True, ("二〇二七年一月十日", "2027年1月10日")),
    "shortcomings-and-plans-section.txt": (3, 2, True, None),
    "plans-section-work-ideas.txt": (3, 5, True, None),
    "plans-section-year-heading.txt": (3, 3, True, None),
    "shortcomings-and-plans-subsections.txt": (3, 2, True, None),
}


def test_every_fixture_is_covered() -> None:
    assert {path.name for path in FIXTURES.glob("*.txt")} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_line_survives(name: str) -> None:
    sections, subsections, has_title, rewrite = CASES[name]
    path = FIXTURES / name
    result = import_report(path)
    report = result.report
    source = _lines(read_text_file(path))
    if rewrite:
        changes = rewrite if isinstance(rewrite, dict) else dict([rewrite])
        source = [changes.get(line, line) for line in source]
    written = _lines(to_plain_text(report))
    if not has_title:
        assert written[0] == report.suggested_title()
        written = written[1:]
    assert written == source
    assert len(report.sections) == sections
    assert len(report.all_sections()) - sections == subsections
    assert not any("未能完全识别" in note for note in result.notes)


def test_title_author_signature_date() -> None:
    report = import_report(FIXTURES / "title-author-three-sections.txt").report
    assert report.effective_title() == "2024年度述职述廉报告"
    assert report.kind is ReportKind.SHUZHI_SHULIAN and report.year == 2024
    assert (report.organisation, report.position, report.author_name) == (
        "某某镇",
        "副镇长",
        "张三",
    )
    assert report.show_author_line
    assert report.signature == "张三"
    assert report.date == dt.date(2025, 1, 5)
    closing = report.closing
    assert not closing.one_paragraph
    assert closing.other_work == ["在做好本职工作的同时，我还积极完成了领导交办的其他工作。"]
    assert closing.shortcomings == ["学习的系统性不够", "调查研究不够深入", "创新意识不强"]
    assert closing.plans == ["今后，我将进一步加强学习，改进作风，努力把各项工作做得更好。"]


def test_no_title_no_author() -> None:
    result = import_report(FIXTURES / "no-title-many-subsections.txt")
    report = result.report
    assert report.title == "" and not report.show_author_line
    assert report.year is None
    assert any("年份" in note for note in result.notes)
    assert [len(s.children) for s in report.sections] == [0, 7, 3, 2, 2]
    assert report.closing.shortcomings == ["经济总量不大", "项目储备不足", "干部能力有待提升"]


def test_four_levels_and_headed_closing() -> None:
    report = import_report(FIXTURES / "four-levels.txt").report
    assert report.kind is ReportKind.ZONGJIE and report.year == 2023
    first = report.sections[0]
    level3 = first.children[0].children[0]
    assert (level3.heading, level3.run_in) == ("企业培育。", True)
    assert [leaf.heading for leaf in level3.children] == [
        "实施企业梯度培育计划，建立重点企业库。",
        "落实惠企政策，兑现奖补资金**万元。",
    ]
    own_line = first.children[0].children[1]
    assert (own_line.heading, own_line.run_in, own_line.paragraphs) == (
        "项目建设",
        False,
        ["全年实施项目**个。"],
    )
    closing = report.closing
    assert closing.shortcomings_heading == "存在的问题和不足"
    assert closing.shortcomings == ["产业结构不优", "发展后劲不足", "公共服务短板明显"]
    assert closing.plans_heading == "2024年工作打算"
    assert len(closing.plans) == 2
    assert report.signature == "某某镇人民政府"
    assert report.date == dt.date(2024, 1, 10)


def test_half_width_numbering_is_recognised_and_noted() -> None:
    result = import_report(FIXTURES / "half-width-numbering.txt")
    report = result.report
    assert report.author_name == "李四" and report.show_author_line
    assert [s.heading for s in report.sections] == ["加强学习", "履职尽责"]
    learning = report.sections[0]
    assert learning.children[0].heading == "政治理论。"
    assert [c.heading for c in learning.children[0].children] == ["原原本本学。", "学用结合"]
    assert report.closing.shortcomings_heading == "存在不足"
    assert report.closing.plans == ["今后，我将不断改进工作方法，提高工作水平。"]
    assert any("公文格式" in note for note in result.notes)
    assert any("１．" in note and "第2层" in note for note in result.notes)


def test_numbering_anomalies_are_noted() -> None:
    result = import_report(FIXTURES / "numbering-anomaly.txt")
    assert any("“四、”" in note and "“三、”" in note for note in result.notes)
    assert any("“（一）”" in note and "“（二）”" in note for note in result.notes)
    written = to_plain_text(result.report)
    assert "三、抓好廉洁" in written and "四、" not in written  # renumbered


def test_shortcomings_not_a_list_stays_an_ordinary_section() -> None:
    report = import_report(FIXTURES / "closing-ordinary-sections.txt").report
    assert report.sections[2].heading == "存在的不足"
    assert report.sections[2].paragraphs == [
        "一是理论学习不够系统。",
        "二是文字功底有待提高。",
        "三是统筹协调能力不强。",
    ]
    assert report.closing.is_empty()


def test_full_width_year_and_name_first_author() -> None:
    result = import_report(FIXTURES / "fullwidth-year-name-first.txt")
    report = result.report
    assert report.year == 2024 and report.kind is ReportKind.SHUZHI
    assert (report.organisation, report.position, report.author_name) == (
        "城关社区",
        "党委书记",
        "王五",
    )
    assert report.opening[0].startswith("２０２４年，")  # not the author line
    assert report.date == dt.date(2025, 1, 8)
    # the order she wrote is kept (issue 17 item 5), so nothing is rewritten or noted
    assert report.author_name_first
    assert report.author_line() == "王五\u3000城关社区党委书记"
    assert not any("作者行" in note for note in result.notes)


@pytest.mark.parametrize(
    ("line", "parts", "name_first"),
    [
        ("张某某\u3000青禾镇石桥村党支部书记", ("青禾镇石桥村", "党支部书记", "张某某"), True),
        ("青禾镇党委委员、纪委书记\u3000王某某", ("青禾镇", "党委委员、纪委书记", "王某某"), False),
        ("青禾镇党委副书记、镇长\u3000李四", ("青禾镇", "党委副书记、镇长", "李四"), False),
    ],
)
def test_the_author_line_keeps_her_order_and_a_unit_never_ends_with_a_pause_mark(
    line: str, parts: tuple[str, str, str], name_first: bool, tmp_path: Path
) -> None:
    """Issue 17 item 5: exported as written, name first or office first; offices joined by
    、 are one 职务."""
    export = pytest.importorskip("nianbao_gui.core.export")
    text = f"2024年度述职述廉报告\n{line}\n\n一、主要工作\n全年完成各项任务。\n"
    result = import_text(text)
    report = result.report
    assert (report.organisation, report.position, report.author_name) == parts
    assert report.author_name_first is name_first
    assert not report.organisation.endswith("、")
    assert report.author_line() == line
    assert not any("作者行" in note for note in result.notes)
    path = tmp_path / "报告.docx"
    export.export_docx(report, path)
    assert line in _docx_text(path)


def _docx_text(path: Path) -> list[str]:
    import docx

    return [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]


def test_chinese_numeral_year_and_plans_section_with_subsections() -> None:
    result = import_report(FIXTURES / "chinese-year-plans-section.txt")
    report = result.report
    assert report.year == 2026 and report.date == dt.date(2027, 1, 10)
    # the plans section keeps its outline, so the 不足 before it stay a section too
    assert report.closing.is_empty()
    assert [(s.heading, s.holds_plans) for s in report.sections[2:]] == [
        ("存在的不足", False),
        ("下一年工作计划", True),
    ]
    plans = report.sections[3]
    assert [(c.heading, c.run_in) for c in plans.children] == [
        ("抓好农业生产。", True),
        ("推进乡村建设。", True),
    ]
    assert plans.children[1].paragraphs == ["2027年新建农村公路**公里。", "持续改善农村人居环境。"]


def test_shortcomings_and_plans_in_one_last_section() -> None:
    result = import_report(FIXTURES / "shortcomings-and-plans-section.txt")
    report = result.report
    assert report.closing.is_empty()
    last = report.sections[-1]
    assert (last.heading, last.holds_plans) == ("存在的问题和下一步打算", True)
    assert [c.heading for c in last.children] == ["完成造林**亩。", "推进2026年度危房改造任务。"]
    # 1． right under 一、 is a second level: renumbered （一）, and the notes say so
    assert any("1．" in note and "（一）" in note for note in result.notes)


# a plans section as secretaries write it: (file, its heading, its sub-headings)
PLANS_SECTIONS = [
    (
        "plans-section-work-ideas.txt",
        "下一步工作思路",
        ["持续加强党的建设", "全力推动产业发展", "始终坚持廉洁自律"],
    ),
    (
        "plans-section-year-heading.txt",
        "2026年工作打算",
        ["稳住农业生产。", "补齐水利短板。", "守牢安全底线。"],
    ),
    (
        "shortcomings-and-plans-subsections.txt",
        "存在的不足和下一步打算",
        ["壮大集体经济", "改善人居环境"],
    ),
]


@pytest.mark.parametrize(("name", "heading", "subheadings"), PLANS_SECTIONS)
def test_a_numbered_plans_section_keeps_its_sub_headings(
    name: str, heading: str, subheadings: list[str]
) -> None:
    """Issue 17 item 3: imported as a section that holds the plans, its （一）（二） headings;
    a clean report is reported clean (no 段落末尾没有标点 on the sub-headings, no 2026年 in
    the plans of a 2025 report)."""
    from nianbao_gui.core.checks import check_report

    result = import_report(FIXTURES / name)
    report = result.report
    last = report.sections[-1]
    assert (last.heading, last.holds_plans) == (heading, True)
    assert [child.heading for child in last.children] == subheadings
    assert not any(section.holds_plans for section in report.sections[:-1])
    assert report.closing.is_empty()
    assert result.notes == []
    assert check_report(report) == []


def test_the_report_year_left_in_its_plans_is_reported() -> None:
    """A 2026 report copied from the 2025 one whose plans still say 2026: the heading and
    the sentence are reported; next year (2027) in the plans would not be."""
    from nianbao_gui.core.checks import check_report

    text = (FIXTURES / "plans-section-year-heading.txt").read_text(encoding="utf-8")
    text = text.replace("2025", "2026").replace("2026年1月12日", "2027年1月12日")
    report = import_text(text).report
    assert report.year == 2026 and report.sections[-1].holds_plans
    found = [(f.path, f.seen) for f in check_report(report)]
    assert found == [
        (("sections", 2, "heading"), "2026"),
        (("sections", 2, "children", 1, "paragraphs", 0), "2026"),
    ]
    moved_on = text.replace("2026年工作打算", "2027年工作打算").replace("2026年计划", "2027年计划")
    assert check_report(import_text(moved_on).report) == []


def test_gbk_crlf_fixture_is_really_gbk_crlf() -> None:
    path: Path = FIXTURES / "gbk-crlf-six-sections.txt"
    data = path.read_bytes()
    assert b"\r\n" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = import_report(path)
    assert result.encoding == "gb18030"
    assert result.report.author_line() == "某某乡党委副书记\u3000王五"
    assert result.report.closing.one_paragraph


@pytest.mark.parametrize("name", sorted(CASES))
def test_export_then_import_gives_the_same_report(name: str, tmp_path: Path) -> None:
    export = pytest.importorskip("nianbao_gui.core.export")
    report = import_report(FIXTURES / name).report
    path = tmp_path / "导出.docx"
    export.export_docx(report, path)
    back = import_report(path).report

    def titled(one: Report) -> Report:  # automatic titles are empty, written ones are not
        return one.model_copy(update={"title": one.effective_title()})

    assert titled(back) == titled(report)
