"""``nianbao export DRAFT -o OUT.docx``: drafts, .txt and .docx reports, fonts, errors."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from export_support import SEED, long_report

from nianbao_gui.cli import main
from nianbao_gui.core.model import Report
from nianbao_gui.core.settings import FontChoice, load_settings


def body_font(path: Path) -> str:
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if p.style.name == "正文" and p.runs)
    fonts = paragraph.runs[0]._r.rPr.rFonts
    return str(fonts.get(qn("w:eastAsia")))


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "草稿.json"
    path.write_text(long_report(3).to_json(), encoding="utf-8")
    return path


def test_export_draft(draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "报告.docx"
    assert main(["export", str(draft), "-o", str(target)]) == 0
    assert f"已导出：{target}" in capsys.readouterr().out
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "某某镇人民政府" in texts and "2025年1月5日" in texts


def test_export_seed_text_next_to_it(tmp_path: Path) -> None:
    seed = tmp_path / SEED.name
    shutil.copy(SEED, seed)
    assert main(["export", str(seed)]) == 0
    texts = [p.text for p in docx.Document(str(seed.with_suffix(".docx"))).paragraphs]
    assert texts[0] == "2022年度述职述廉报告"
    assert any(t.startswith("（一）政法工作。一是探索推进") for t in texts)


def test_export_docx_report_never_overwrites_it(draft: Path, tmp_path: Path) -> None:
    original = tmp_path / "去年.docx"
    assert main(["export", str(draft), "-o", str(original)]) == 0
    before = original.read_bytes()
    assert main(["export", str(original)]) == 0
    assert original.read_bytes() == before
    assert (tmp_path / "去年（公文格式）.docx").exists()
    assert main(["export", str(original), "-o", str(original)]) == 1
    assert original.read_bytes() == before


def test_font_choice_is_remembered(draft: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert main(["export", str(draft), "-o", str(first), "--fonts", "windows"]) == 0
    assert body_font(first) == "仿宋"
    assert load_settings().fonts is FontChoice.WINDOWS
    assert main(["export", str(draft), "-o", str(second)]) == 0
    assert body_font(second) == "仿宋"


def test_locked_target_is_a_chinese_error_not_a_traceback(
    draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def locked(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "locked")

    monkeypatch.setattr(os, "replace", locked)
    assert main(["export", str(draft), "-o", str(tmp_path / "报告.docx")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：Word 文档没有导出") and "Traceback" not in err


def test_removed_characters_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "草稿.json"
    path.write_text(Report(opening=["有\x07响铃符。"]).to_json(), encoding="utf-8")
    assert main(["export", str(path), "-o", str(tmp_path / "x.docx")]) == 0
    assert "注意：第 2 段" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("报告.doc", "扩展名“.doc”"),
        ("报告.txt", "扩展名“.txt”"),
        ("报告", "没有扩展名"),
    ],
)
def test_output_extension_decides_unknown_refused(
    draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, says: str
) -> None:
    """``-o X.pdf`` once wrote a .docx under a .pdf name; now it writes a PDF
    (test_export_pdf.py) and other extensions are refused."""
    target = tmp_path / name
    assert main(["export", str(draft), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and says in err and ".docx" in err
    assert "Traceback" not in err
    assert not target.exists() and list(tmp_path.iterdir()) == [draft]


def test_output_extension_any_case(draft: Path, tmp_path: Path) -> None:
    target = tmp_path / "报告.DOCX"
    assert main(["export", str(draft), "-o", str(target)]) == 0
    assert docx.Document(str(target)).paragraphs
