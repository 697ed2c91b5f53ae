"""The report model: structure, derived values, validation in Chinese, field addressing."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from nianbao_gui.core.fields import get_text, iter_text_fields, label_of, set_text
from nianbao_gui.core.layout import Role, format_date, layout, shortcomings_sentence, to_plain_text
from nianbao_gui.core.model import SCHEMA_VERSION, Closing, Report, ReportKind, Section
from nianbao_gui.core.numbering import (
    chinese_numeral,
    heading_number,
    ordinal,
    parse_chinese_numeral,
)
from nianbao_gui.core.templates import list_templates, load_template, template_for


def _four_levels() -> Report:
    leaf = Section(heading="细项", paragraphs=["第四级正文"])
    level3 = Section(heading="具体事项。", run_in=True, paragraphs=["第三级正文"], children=[leaf])
    level2 = Section(
        heading="政法工作。", run_in=True, paragraphs=["一是……", "续段"], children=[level3]
    )
    return Report(
        kind=ReportKind.SHUZHI,
        year=2024,
        author_name="张三",
        position="副镇长",
        organisation="某某镇",
        show_author_line=True,
        opening=["开篇。"],
        sections=[Section(heading="强化学习", paragraphs=["正文"], children=[level2])],
        closing=Closing(
            other_work=["其他。"],
            shortcomings_intro="不足如下：",
            shortcomings=["学习不深", "督促少；"],
            plans=["今后……"],
        ),
        signature="张三",
        date=dt.date(2025, 1, 5),
    )


def test_numbering() -> None:
    assert [chinese_numeral(n) for n in (1, 10, 11, 20, 21, 100, 105)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十一",
        "一百",
        "一百零五",
    ]
    assert all(parse_chinese_numeral(chinese_numeral(n)) == n for n in range(1, 1000))
    assert parse_chinese_numeral("是") is None
    assert [heading_number(level, 3) for level in (1, 2, 3, 4)] == [
        "三、",
        "（三）",
        "3．",
        "（3）",
    ]
    assert ordinal(2) == "二是"
    with pytest.raises(ValueError):
        heading_number(5, 1)


def test_layout_of_all_four_levels_and_closing() -> None:
    blocks = layout(_four_levels())
    assert [b.role for b in blocks[:3]] == [Role.TITLE, Role.AUTHOR, Role.BODY]
    assert blocks[0].text == "2024年度述职报告"
    assert blocks[1].text == "某某镇副镇长\u3000张三"
    heads = [(b.level, b.head, b.text) for b in blocks if b.role is Role.HEADING]
    assert heads == [
        (1, "一、强化学习", ""),
        (2, "（一）政法工作。", "一是……"),
        (3, "1．具体事项。", "第三级正文"),
        (4, "（1）细项", ""),
    ]
    text = to_plain_text(_four_levels())
    assert "其他。不足如下：" not in text  # not one paragraph unless asked
    assert "不足如下：一是学习不深；二是督促少。\n" in text
    assert text.endswith("今后……\n\n张三\n2025年1月5日\n")


def test_closing_in_one_paragraph_as_the_seed_writes_it() -> None:
    report = Report(
        closing=Closing(
            other_work=["其他。"],
            shortcomings_intro="不足：",
            shortcomings=["甲", "乙"],
            plans=["今后。"],
            one_paragraph=True,
        )
    )
    assert layout(report)[-1].text == "其他。不足：一是甲；二是乙。今后。"


def test_closing_headings_continue_the_section_numbers() -> None:
    report = Report(
        sections=[Section(heading="甲"), Section(heading="乙")],
        closing=Closing(
            shortcomings_heading="存在的不足",
            shortcomings=["x"],
            plans_heading="今后打算",
            plans=["y"],
        ),
    )
    heads = [b.head for b in layout(report) if b.role is Role.HEADING]
    assert heads == ["一、甲", "二、乙", "三、存在的不足", "四、今后打算"]


def test_shortcomings_sentence_edges() -> None:
    assert shortcomings_sentence("引：", []) == "引："
    assert shortcomings_sentence("", ["  ", "甲。"]) == "一是甲。"


def test_title_suggestion() -> None:
    assert Report(year=2022).effective_title() == "2022年度述职述廉报告"
    assert Report(year=2023, kind=ReportKind.ZONGJIE).effective_title() == "2023年度工作总结"
    assert Report(kind=ReportKind.SHUZHI).effective_title() == "述职报告"
    assert Report(year=2022, title="我的标题").effective_title() == "我的标题"


def test_date_has_no_zero_padding() -> None:
    assert format_date(dt.date(2025, 1, 5)) == "2025年1月5日"


def test_validation_messages_are_chinese() -> None:
    with pytest.raises(ValidationError, match="年份应在"):
        Report(year=12)
    report = Report()
    with pytest.raises(ValidationError, match="年份应在"):
        report.year = 99999  # assignment is validated too (the window assigns)
    with pytest.raises(ValidationError, match="更新的年报助手"):
        Report(schema_version=SCHEMA_VERSION + 1)


def test_more_than_four_levels_is_refused() -> None:
    deep = Section(children=[Section(children=[Section(children=[Section(children=[Section()])])])])
    with pytest.raises(ValidationError, match="超过四级"):
        Report(sections=[deep])


def test_unknown_keys_are_refused_not_dropped() -> None:
    with pytest.raises(ValidationError):
        Report.model_validate({"schema_version": SCHEMA_VERSION, "titel": "x"})


def test_json_round_trip_of_all_levels() -> None:
    report = _four_levels()
    assert Report.model_validate_json(report.to_json()) == report


def test_fields_are_addressable_and_settable() -> None:
    report = _four_levels()
    fields = {f.path: f for f in iter_text_fields(report)}
    path = ("sections", 0, "children", 0, "paragraphs", 1)
    assert fields[path].text == "续段"
    assert "（一）政法工作。" in fields[path].label and "第2段" in fields[path].label
    set_text(report, path, "改过")
    assert get_text(report, path) == "改过"
    set_text(report, ("closing", "shortcomings", 0), "新")
    assert report.closing.shortcomings[0] == "新"
    assert label_of(report, ("title",)) == "标题"


def test_shipped_templates_are_valid_one_per_kind() -> None:
    templates = list_templates()
    assert sorted(t.name for t in templates) == sorted(k.value for k in ReportKind)
    for template in templates:
        report = load_template(template.path)
        assert report.sections, template.name
    assert template_for(ReportKind.ZONGJIE).kind is ReportKind.ZONGJIE


def test_validation_errors_are_described_in_chinese() -> None:
    from nianbao_gui.core.model import describe_validation_error

    with pytest.raises(ValidationError) as caught:
        Report.model_validate({"year": "明年", "kind": "通知", "date": "昨天", "x": 1})
    text = describe_validation_error(caught.value)
    assert "年度：应填写整数" in text
    assert "报告类型只能是" in text
    assert "日期格式不对" in text
    assert "不认识的项目" in text
    assert "Input should" not in text


def test_validation_error_places_are_chinese() -> None:
    from nianbao_gui.core.model import describe_validation_error

    with pytest.raises(ValidationError) as caught:
        Report.model_validate({"sections": [{"heading": "甲", "paragraphs": ["a", 3]}]})
    assert describe_validation_error(caught.value) == "一级标题第1项 › 段第2项：应为文字"
