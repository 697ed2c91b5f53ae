"""The command line never shows a traceback: a bug is logged and told in plain words."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SEED

from nianbao_gui import cli
from nianbao_gui.core import outline


def test_an_unexpected_error_is_logged_and_explained(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(report: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(outline, "outline_text", broken)
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
