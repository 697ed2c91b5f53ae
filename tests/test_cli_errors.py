"""The command line never shows a traceback: a bug is logged and told in plain words."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SEED

from nianbao_gui import cli


def test_an_unexpected_error_is_logged_and_explained(
    buggy_show: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["show", str(SEED)]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "意外问题（RuntimeError）" in err
    assert "Traceback" not in err
    log = Path(os.environ["NIANBAO_DATA_DIR"]) / "logs" / "cli-errors.log"
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")


def test_a_missing_file_is_a_plain_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["show", "/nonexistent/草稿.json"]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["export"], "缺少参数：draft"),
        (["frob"], "参数 命令 的值 'frob' 无效"),
        (["export", "a.json", "--fonts", "x"], "参数 --fonts 的值 'x' 无效"),
        (["check", "a", "b"], "无法识别的参数：b"),
    ],
)
def test_usage_errors_are_chinese(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(argv)
    assert caught.value.code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert expected in err and err.startswith("用法：")
    assert "error" not in err and "usage" not in err


def test_help_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["export", "-h"])
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "显示本帮助并退出" in out and "options" not in out
