"""``nianbao check DRAFT.json|REPORT.txt``: findings printed, exit code 3 when there are any."""

from __future__ import annotations

from pathlib import Path

import pytest
from checks_support import report_with
from conftest import REPO, SEED

from nianbao_gui import cli
from nianbao_gui.core.storage import save_draft


def test_check_of_the_seed_lists_its_flaws_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(SEED)]) == cli.EXIT_FINDINGS == 3
    out = capsys.readouterr().out
    assert "【占位符与空白】38 处" in out
    assert "三、强化纪律意识，时刻严于律己 · 第1段：第233字：“自已”应为“自己”" in out
    assert "开篇 · 第1段：第1字：开头有多余的不间断空格" in out
    assert out.rstrip().endswith("其中 5 处可以自动修改。")


def test_check_of_a_clean_report_passes(capsys: pytest.CaptureFixture[str]) -> None:
    clean = REPO / "tests" / "fixtures" / "checks" / "seed_fixed.txt"
    assert cli.main(["check", str(clean)]) == cli.EXIT_OK
    assert capsys.readouterr().out == "体检通过：没有发现问题。\n"


def test_check_of_a_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "草稿.json"
    save_draft(report_with("勤政廉政;努力学习。"), draft)
    assert cli.main(["check", str(draft)]) == cli.EXIT_FINDINGS
    out = capsys.readouterr().out
    assert "第5字：中文里用了半角“;”，应为全角“；”" in out and "→ 改为“；”" in out
    save_draft(report_with(), draft)
    assert cli.main(["check", str(draft)]) == cli.EXIT_OK


def test_heading_gaps_noted_by_the_importer_are_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "2022年度述职报告\n"
        "一、强化学习\n我认真学习。\n二、履职尽责\n我认真履职。\n四、廉洁自律\n我严于律己。\n"
    )
    report = tmp_path / "报告.txt"
    report.write_text(text, encoding="utf-8")
    assert cli.main(["check", str(report)]) == cli.EXIT_FINDINGS
    out = capsys.readouterr().out
    assert "【编号】1 处" in out
    assert "导入：原文编号“四、”" in out


def test_hints_of_the_importer_alone_do_not_fail_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "报告.txt"
    report.write_text("一、强化学习\n我认真学习。\n二、履职尽责\n我认真履职。\n", encoding="utf-8")
    assert cli.main(["check", str(report)]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "【导入提示】" in out and "未能从标题或正文中找到报告年份" in out
    assert out.rstrip().endswith("请核对。")


def test_unreadable_file_is_an_error_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check", str(tmp_path / "没有这个文件.txt")]) == cli.EXIT_ERROR
    assert "错误：" in capsys.readouterr().err


def test_check_redirected_on_chinese_windows_writes_its_findings_in_gbk() -> None:
    """`nianbao check 草稿.json > 结果.txt` on a Chinese Windows writes code page 936, which has
    no "›" (the findings' separator between a field's parts) and no "␣" (a space shown in the
    quoted text): the check failed with a message blaming a character 'in the report' (found
    by the Windows bundle test, issue 19). They are written as ">" and "_" there."""
    import os
    import subprocess
    import sys

    from conftest import SEED

    run = subprocess.run(
        [sys.executable, "-m", "nianbao_gui.cli", "check", str(SEED)],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "gbk"},
        timeout=120,
        check=False,
    )
    out = run.stdout.decode("gbk")
    assert run.returncode == 3, run.stderr.decode("gbk", errors="replace")
    assert "自已" in out and " > " in out and "›" not in out
