"""Hostile trial of what export says about files (issue: helper trial t4).

- A file name longer than the system allows (255 bytes: 86 Chinese characters), or a path
  longer than 4,096 bytes, ended ``nianbao export`` with "程序遇到意外问题（OSError）": the
  check for a folder given as the file let ENAMETOOLONG escape. Now: “文件名或路径太长”.
- PDF export skipped the checks the Word export makes: a PDF under a path whose folder is a
  file was said to have “所在的文件夹不存在”, and a PDF set read-only was replaced.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from nianbao_gui import cli
from nianbao_gui.core.errors import ExportError
from nianbao_gui.core.export import export_docx, export_pdf
from nianbao_gui.core.model import Report

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


def test_a_pdf_under_a_file_says_the_folder_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "报告").write_bytes(b"x")
    with pytest.raises(ExportError) as info:
        export_pdf(Report(title="x"), tmp_path / "报告" / "a.pdf")
    assert "“报告”是一个文件，不是文件夹" in info.value.what
    assert "不存在" not in info.value.what
    assert (tmp_path / "报告").read_bytes() == b"x"


def test_a_read_only_pdf_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    target.write_bytes(b"%PDF old")
    target.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(ExportError) as info:
            export_pdf(Report(title="新"), target)
        assert "只读" in info.value.what and "PDF 没有导出" in info.value.what
        assert target.read_bytes() == b"%PDF old"
    finally:
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_name_a_usb_stick_refuses_says_which_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A FAT U 盘 (and Windows) refuse : * ? " < > | in a name with EINVAL: the message was
    # “系统错误 EINVAL……请稍后再试”, which no retry mends.
    import errno
    import os

    from nianbao_gui.core import atomic

    def refuse(source: object, target: object) -> None:
        raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(ExportError) as info:
        export_docx(Report(title="x"), tmp_path / "报告:2025?.docx")
    assert "不允许的字符" in info.value.what and "“:”" in info.value.what
    assert "EINVAL" not in str(info.value)
    assert list(tmp_path.iterdir()) == []
