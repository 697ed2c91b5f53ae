"""Hostile trial of what export says about files (issue: helper trial t4).

- A file name longer than the system allows (255 bytes: 86 Chinese characters), or a path
  longer than 4,096 bytes, ended ``nianbao export`` with "程序遇到意外问题（OSError）": the
  check for a folder given as the file let ENAMETOOLONG escape. Now: “文件名或路径太长”.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao_gui import cli
from nianbao_gui.core.errors import ExportError
from nianbao_gui.core.export import export_docx
from nianbao_gui.core.model import Report
from nianbao_gui.core.pages.pdf import export_pdf

LONG_NAME = "长" * 100  # 300 bytes of UTF-8: over the 255 a name may take


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_a_name_too_long_is_said_in_chinese(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from hostile_support import good_draft

    draft = good_draft(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    target = tmp_path / f"{LONG_NAME}{suffix}"
    assert cli.main(["export", str(draft), "-o", str(target)]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "太长" in err and "意外问题" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_a_path_too_long_is_said_in_chinese(tmp_path: Path, suffix: str) -> None:
    target = tmp_path.joinpath(*["d"] * 2100) / f"a{suffix}"
    export = export_docx if suffix == ".docx" else export_pdf
    with pytest.raises(ExportError) as info:
        export(Report(title="x"), target)
    assert "太长" in info.value.what

