"""Issue 12, defect 8 and the export's part of defect 9.

- A paragraph of a few MB ended the export with "意外问题（XMLSyntaxError）": libxml2 refuses
  a text node over 10 MB. It is now written in pieces and exports whole.
- Export silently replaced a read-only .docx while saving refused a read-only draft: both
  now refuse it, and say why.
"""

from __future__ import annotations

import stat
from pathlib import Path

import docx
import pytest

from nianbao_gui import cli
from nianbao_gui.core.errors import ExportError
from nianbao_gui.core.export import export_docx
from nianbao_gui.core.model import Report, Section


def test_a_paragraph_of_several_megabytes_exports_whole(tmp_path: Path) -> None:
    huge = "廉" * 4_000_000  # 12 MB of UTF-8
    report = Report(sections=[Section(heading="一", paragraphs=[huge])], title="x" * 300)
    export_docx(report, tmp_path / "x.docx")
    texts = [p.text for p in docx.Document(str(tmp_path / "x.docx")).paragraphs]
    assert huge in texts


def test_a_read_only_docx_is_not_replaced(tmp_path: Path) -> None:
    # the file's mode is checked, as for drafts (root, as the tests run, would be allowed)
    target = tmp_path / "x.docx"
    target.write_bytes(b"PK old")
    target.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(ExportError) as info:
            export_docx(Report(title="新"), target)
        assert "只读" in info.value.what and "取消“只读”" in info.value.todo
        assert target.read_bytes() == b"PK old"
    finally:
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_the_command_line_says_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from hostile_support import good_draft

    draft = good_draft(tmp_path)
    target = tmp_path / "x.docx"
    target.write_bytes(b"PK old")
    target.chmod(stat.S_IRUSR)
    try:
        assert cli.main(["export", str(draft), "-o", str(target)]) == cli.EXIT_ERROR
        assert "只读" in capsys.readouterr().err
    finally:
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)
