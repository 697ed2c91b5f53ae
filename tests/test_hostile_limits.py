"""Issue 12, defect 2: imports made drafts larger than the open limit, which never reopened
(a 9.9 MB .txt of vertical tabs became a 57 MB draft; a .docx whose XML inflates to 190 MB
took 1 GB of memory). One set of limits (core/limits.py) now holds for import and open: an
import refuses with the reason, or makes a draft that opens."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import docx
import pytest

from nianbao_gui import cli
from nianbao_gui.core import limits
from nianbao_gui.core.errors import ReportImportError
from nianbao_gui.core.importer import import_report, import_text
from nianbao_gui.core.storage import load_draft, save_draft

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_the_import_limits_keep_every_draft_under_the_open_limit() -> None:
    # 6 bytes per character (a control character escaped), 64 per paragraph of JSON
    worst = 6 * limits.MAX_REPORT_CHARS + 64 * limits.MAX_REPORT_PARAGRAPHS
    assert worst < limits.MAX_DRAFT_BYTES / 4


def test_vertical_tabs_beyond_the_character_limit_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "vt.txt"
    source.write_bytes(b"a\x0b" * (limits.MAX_REPORT_CHARS // 2 + 10))
    assert cli.main(["import", str(source)]) == cli.EXIT_ERROR
    assert "100 万字的上限" in capsys.readouterr().err
    assert not (tmp_path / "vt.json").exists()


def test_a_report_at_the_character_limit_makes_a_draft_that_opens(tmp_path: Path) -> None:
    source = tmp_path / "vt.txt"
    source.write_bytes(b"a\x0b" * (limits.MAX_REPORT_CHARS // 2 - 10))
    draft = tmp_path / "vt.json"
    save_draft(import_report(source).report, draft)
    assert draft.stat().st_size < limits.MAX_DRAFT_BYTES
    assert load_draft(draft).opening[0].startswith("a\x0ba")


def test_too_many_paragraphs_are_refused() -> None:
    with pytest.raises(ReportImportError, match="段落太多"):
        import_text("字\n" * limits.MAX_REPORT_PARAGRAPHS)
    assert import_text("字\n" * (limits.MAX_REPORT_PARAGRAPHS - 1)).report.opening


def _docx_with_xml_of(path: Path, size: int) -> Path:
    """A .docx whose body XML is ``size`` bytes of varied text (compressing like real XML,
    not like a zip bomb)."""
    rng = random.Random(3)
    words = ["深入开展", "矛盾纠纷", "排查化解", "社区", "调解组织", "乡村振兴", "党风廉政"]
    paragraphs, total = [], 0
    while total < size:
        text = "".join(rng.choice(words) for _ in range(50))
        paragraph = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        paragraphs.append(paragraph)
        total += len(paragraph.encode())
    body = (
        f'<w:document xmlns:w="{_W}"><w:body>{"".join(paragraphs)}<w:sectPr/></w:body></w:document>'
    )
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("x")
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = body.encode() if item.filename == "word/document.xml" else source.read(item)
            out.writestr(item.filename, data)
    return path


def test_a_docx_whose_xml_inflates_beyond_the_limit_is_refused_before_parsing(
    tmp_path: Path,
) -> None:
    path = _docx_with_xml_of(tmp_path / "big.docx", limits.MAX_DOCX_XML_BYTES + 1024)
    assert path.stat().st_size < limits.MAX_DOCX_BYTES  # small on disk
    with pytest.raises(ReportImportError, match="MB 的上限"):
        import_report(path)
