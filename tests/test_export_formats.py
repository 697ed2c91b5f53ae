"""One export entry point for every format: the extension picks the writer (core/export/
formats.py), and every format gets the same checks and messages (issue 21 item 5)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from nianbao_gui.core.errors import ExportError
from nianbao_gui.core.export import FORMATS, export_file, export_format, export_pdf
from nianbao_gui.core.model import Report

REPORT = Report(title="某某镇2025年度述职报告", opening=["今年以来，我认真履行职责。"])


def test_the_extension_picks_the_format(tmp_path: Path) -> None:
    word = export_file(REPORT, tmp_path / "报告.docx")
    pdf = export_file(REPORT, tmp_path / "报告.PDF")
    assert (tmp_path / "报告.docx").read_bytes()[:2] == b"PK"
    assert (tmp_path / "报告.PDF").read_bytes()[:5] == b"%PDF-"
    assert isinstance(word.warnings, list) and isinstance(pdf.warnings, list)


def test_a_stream_gets_the_format_asked_for() -> None:
    buffer = io.BytesIO()
    export_file(REPORT, buffer, as_format="pdf")
    assert buffer.getvalue()[:5] == b"%PDF-"


def test_a_pdf_under_another_name_is_refused(tmp_path: Path) -> None:
    """The PDF export once wrote a PDF under any name (``报告.docx``), which the Word
    export refused: both go through the same checks now."""
    with pytest.raises(ExportError) as info:
        export_pdf(REPORT, tmp_path / "报告.docx")
    assert info.value.what == "报告.docx 不是 PDF 文件名，没有导出。"
    assert info.value.todo == "请用 .pdf 结尾的文件名，例如 报告.pdf。"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["报告.docx", "报告.pdf"])
def test_a_folder_is_refused_in_the_formats_words(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    with pytest.raises(ExportError) as info:
        export_file(REPORT, folder)
    kind = "Word" if name.endswith(".docx") else "PDF"
    assert info.value.what == f"无法导出到 {folder}：这是一个文件夹。"
    assert info.value.todo == f"请指定 {kind} 文件名，例如 报告{Path(name).suffix}。"


def test_an_unknown_extension_names_every_format(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as info:
        export_file(REPORT, tmp_path / "报告.txt")
    assert info.value.what == "无法导出到 报告.txt：扩展名“.txt”，不知道要导出成哪种文件。"
    assert info.value.todo == "请用 .docx（Word 文档）或 .pdf 结尾的文件名，例如 报告.docx。"
    assert all(suffix in info.value.todo for suffix in FORMATS)
    assert list(tmp_path.iterdir()) == []


def test_every_format_is_named_by_its_extension() -> None:
    for suffix, fmt in FORMATS.items():
        assert suffix == suffix.lower() and export_format(f"报告{suffix.upper()}") == fmt.name
