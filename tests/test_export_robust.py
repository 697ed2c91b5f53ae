"""Export never crashes and never loses text silently; a failed write leaves no half file."""

from __future__ import annotations

import errno
import io
import os
import tempfile
from pathlib import Path

import docx
import pytest
from export_support import long_report

from nianbao_gui.core.errors import ExportError
from nianbao_gui.core.export import ExportOptions, export_docx, export_format
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.settings import FontChoice, Settings, load_settings, save_settings


def read_back(report: Report) -> tuple[list[str], list[str], docx.document.Document]:
    buffer = io.BytesIO()
    result = export_docx(report, buffer)
    document = docx.Document(io.BytesIO(buffer.getvalue()))
    return [p.text for p in document.paragraphs], result.warnings, document


def test_control_characters_removed_and_reported_with_place() -> None:
    report = Report(opening=["第一段。", "坏\x00字\x0b符\x1f在\ufffe这\ud800里。"])
    texts, warnings, _ = read_back(report)
    assert "坏字符在这里。" in texts
    assert len(warnings) == 1
    assert "第 3 段" in warnings[0] and "坏字符在这里" in warnings[0]
    assert "空字符 1 个" in warnings[0] and "已删除" in warnings[0]


def test_newline_becomes_line_break_and_tab_stays() -> None:
    report = Report(opening=["上一行\r\n下一行\r再一行", "甲\t乙"])
    texts, warnings, document = read_back(report)
    assert "上一行\n下一行\n再一行" in texts
    assert "甲\t乙" in texts
    body = document.element.body
    assert len(body.xpath(".//w:br")) == 2 and len(body.xpath(".//w:tab")) == 1
    assert len(warnings) == 1 and "2 处换行" in warnings[0]


def test_long_paragraph_rare_characters_and_emoji_kept() -> None:
    rare = "𠀀𪚥𰻞"  # U+20000, U+2A6A5, U+30EDE
    long_text = "很长的段落。" * 17_000  # 102,000 characters
    report = Report(
        opening=[long_text, f"生僻字{rare}和表情😀👍🏻都保留。"],
        sections=[Section(), Section(heading="", children=[Section(heading="")])],
    )
    texts, warnings, _ = read_back(report)
    assert long_text in texts
    assert f"生僻字{rare}和表情😀👍🏻都保留。" in texts
    assert warnings == []


def test_file_locked_by_word_gives_chinese_error_and_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old report")
    draft = tmp_path / "草稿.json"
    draft.write_text(long_report(3).to_json(), encoding="utf-8")
    before = draft.read_bytes()

    def locked(src: object, dst: object) -> None:  # what Windows does while Word has it open
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as caught:
        export_docx(long_report(3), target)
    message = str(caught.value)
    assert "没有导出" in message and "Word" in message and "草稿没有受影响" in message
    assert target.read_bytes() == b"old report"
    assert draft.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.docx", "草稿.json"]


def test_read_only_folder_gives_chinese_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:  # tests run as root: chmod would not
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError) as caught:
        export_docx(long_report(3), tmp_path / "报告.docx")
    assert "只读" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_and_folder_as_target(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="文件夹不存在"):
        export_docx(long_report(3), tmp_path / "没有" / "报告.docx")
    with pytest.raises(ExportError, match="这是一个文件夹"):
        export_docx(long_report(3), tmp_path)


def test_stream_that_fails_gives_chinese_error() -> None:
    class Full(io.BytesIO):
        def write(self, data: object) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError, match="没有导出"):
        export_docx(long_report(3), Full())


def test_font_choice_remembered_and_explicit_choice_saved() -> None:
    save_settings(Settings(fonts=FontChoice.WINDOWS, title_font="华文中宋"))
    remembered = ExportOptions.from_cli(fonts=None)
    assert remembered.fonts is FontChoice.WINDOWS
    assert remembered.font_set.fang == "仿宋" and remembered.font_set.title == "华文中宋"
    chosen = ExportOptions.from_cli(fonts="gb2312", level3_bold=True)
    assert chosen.font_set.fang == "仿宋_GB2312" and chosen.level3_bold
    assert load_settings().fonts is FontChoice.GB2312
    assert ExportOptions.from_cli().fonts is FontChoice.GB2312


def test_unknown_font_choice_is_a_chinese_error() -> None:
    with pytest.raises(ExportError, match="不认识的字体选择"):
        ExportOptions.from_cli(fonts="arial")


def test_export_format_by_extension(tmp_path: Path) -> None:
    assert export_format("a.docx") == "docx" and export_format(Path("B.DocX")) == "docx"
    assert export_format("a.pdf") == "pdf" and export_format("B.PDF") == "pdf"
    for name in ("a.doc", "a", "a.docx.bak", "a.pdf.txt"):
        with pytest.raises(ExportError):
            export_format(name)
    # the library call refuses too, before anything is written
    with pytest.raises(ExportError, match="不是 Word 文件名"):
        export_docx(long_report(1), tmp_path / "报告.pdf")
    assert list(tmp_path.iterdir()) == []


def test_file_properties_hold_only_what_xml_can() -> None:
    """A control character in the author name, a title over 255 characters: both once
    crashed the export (found by the openxml-audit property test)."""
    title = "某某镇" + "字" * 300 + "报告"
    report = Report(title=title, author_name="张\x1f三\n", opening=["正文。"])
    buffer = io.BytesIO()
    export_docx(report, buffer)
    document = docx.Document(io.BytesIO(buffer.getvalue()))
    props = document.core_properties
    assert props.author == "张三 " and len(props.title) == 255 and props.title.endswith("…")
    assert document.paragraphs[0].text.replace("\n", "") == title  # the text keeps all of it
