"""Hostile trial of the command line's other files (helper trial t4).

- ``check 草稿.json --last 草稿.json`` listed every sentence as “与去年的报告一字不差”, where the
  window's 对比去年 refuses the draft itself: the command line now refuses it too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao_gui import cli
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.storage import save_draft


def test_check_last_with_the_draft_itself_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = tmp_path / "草稿.json"
    section = Section(heading="经济", paragraphs=["完成了任务。"])
    save_draft(Report(year=2025, sections=[section]), draft)
    monkeypatch.chdir(tmp_path)
    for last in (str(draft), "草稿.json", "./草稿.json"):  # the same file, however written
        assert cli.main(["check", str(draft), "--last", last]) == cli.EXIT_ERROR
        captured = capsys.readouterr()
        assert "就是要体检的草稿" in captured.err and "一字不差" not in captured.out
