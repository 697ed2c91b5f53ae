"""Common wrong characters from the data file, the file's format, and growing it."""

from __future__ import annotations

from pathlib import Path

import pytest
from checks_support import in_paragraph

from nianbao_gui.core.checks import load_word_list
from nianbao_gui.core.checks.wording import FILE_NAME, default_files, read_rules


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("我净化了自已的思想。", "自已", "自己"),
        ("既使困难再大，我们也要完成任务。", "既使", "即使"),
        ("合理按排工作。", "按排", "安排"),
        ("认真落实上级布署。", "布署", "部署"),
        ("我们将再接再励。", "再接再励", "再接再厉"),
        ("群众迫不急待。", "迫不急待", "迫不及待"),
        ("面对困难不能一愁莫展。", "一愁莫展", "一筹莫展"),
        ("截止目前，已完成任务。", "截止目前", "截至目前"),
        ("带领群众度过难关。", "度过难关", "渡过难关"),
        ("始终严于律已。", "严于律已", "严于律己"),
        ("做到克已奉公。", "克已奉公", "克己奉公"),
        ("大力宏扬优良传统。", "宏扬", "弘扬"),
    ],
)
def test_wrong_word_is_found_with_its_fix(text: str, wrong: str, right: str) -> None:
    start = text.index(wrong)
    assert in_paragraph(text) == [(start, start + len(wrong), "word.wrong", right)]


@pytest.mark.parametrize(
    "text",
    [
        "群众感动得不能自已。",  # 已 = stop: correct, protected by its own row
        "心情激动，难以自已。",
        "既使用好专项资金，又争取社会捐助。",  # 既……又……
        "既使党员受到教育，又使群众得到实惠。",
        "按排查出的问题逐一整改。",  # 按 + 排查
        "按排名先后确定名单。",
        "截至目前，已完成任务。",
        "截止日期为6月30日。",  # 截止 alone is not listed: too often right
        "带领群众渡过难关。",
        "度过了一个祥和的春节。",
        "认真部署各项工作。",
        "全部份额已分配。",
    ],
)
def test_correct_usage_is_not_flagged(text: str) -> None:
    assert in_paragraph(text) == []


def test_shipped_list_is_large_and_well_formed() -> None:
    shipped = default_files()[0]
    rules, problems = read_rules(shipped)
    assert problems == []
    real = [rule for rule in rules if not rule.protects]
    assert len(real) >= 60
    assert len({rule.wrong for rule in rules}) == len(rules), "a wrong form is listed twice"
    words = load_word_list([shipped])
    for rule in real:  # every listed wrong form is found, and its fix is listed as correct
        assert words.pattern is not None and words.pattern.search(rule.wrong)
        assert rule.right not in words.rules or words.rules[rule.right].protects


def test_office_it_can_grow_the_list_without_code(_private_data_dir: Path) -> None:
    data = _private_data_dir  # the user's data folder of this test
    assert in_paragraph("认真做好帐务公开。") == []
    (data / FILE_NAME).write_text(
        "# 本单位补充\n错误写法\t正确写法\t说明\n帐务\t账务\t涉及钱财用“账”\n一句话\n",
        encoding="utf-8",
    )
    assert in_paragraph("认真做好帐务公开。") == [(4, 6, "word.wrong", "账务")]
    words = load_word_list()
    assert words.problems == [f"{FILE_NAME} 第4行：应有“错误写法”和“正确写法”两栏，已跳过"]
    assert words.rules["帐务"].right == "账务"


def test_list_saved_by_excel_as_gbk_is_read(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_bytes("坚苦奋斗\t艰苦奋斗\t\n".encode("gbk"))
    rules, problems = read_rules(path)
    assert [(r.wrong, r.right) for r in rules] == [("坚苦奋斗", "艰苦奋斗")] and not problems


def test_unless_column_skips_the_rule_in_the_same_sentence(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_text("甲乙\t甲丙\t\t丁|戊\n", encoding="utf-8")
    words = load_word_list([path])
    assert words.pattern is not None
    assert [m.group() for m in words.pattern.finditer("甲乙丁。甲乙。")] == ["甲乙", "甲乙"]
    from nianbao_gui.core.checks import wording
    from nianbao_gui.core.checks.targets import Kind, Target

    target = Target(("opening", 0), "甲乙丁。甲乙。", Kind.BODY)
    assert [f.start for f in wording.check(target, words)] == [4]


def test_bad_lines_of_the_list_are_reported_by_the_cli(
    _private_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from nianbao_gui import cli

    (_private_data_dir / FILE_NAME).write_text("只有一栏\n", encoding="utf-8")
    draft = tmp_path / "报告.txt"
    draft.write_text("2022年度述职报告\n一、学习\n我认真学习。\n", encoding="utf-8")
    cli.main(["check", str(draft)])
    assert (
        f"注意：{FILE_NAME} 第1行：应有“错误写法”和“正确写法”两栏，已跳过"
        in capsys.readouterr().err
    )


def test_missing_shipped_list_is_a_problem_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from nianbao_gui.core.checks import wording

    monkeypatch.setattr(wording, "shipped_file", lambda: tmp_path / "nowhere" / FILE_NAME)
    words = load_word_list()
    assert len(words) == 0 and "找不到" in words.problems[0]
    assert in_paragraph("我净化了自已的思想。") == []
