"""Issue 18 item 5, the save side: nothing is saved that the program then refuses to open.

A 7 KB .xlsx whose 填写 cells all point to one shared string of 1,000,000 characters wrote a
109 MB draft that ``show`` refused; the window autosaved such a report ("已自动保存", a
114 MB recovery file) that the next start skipped as too large. The open limits
(core/limits.py) are now checked before anything is written, with a Chinese message."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from hostile_support import good_draft

from nianbao_gui import cli
from nianbao_gui.core.errors import FileAccessError
from nianbao_gui.core.limits import MAX_DRAFT_BYTES
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.storage import RecoveryStore, load_draft, save_draft

HUGE = "大" * 1_000_000


def _huge_table(draft: Path, table: Path) -> None:
    """The issue's table: the exported one, each 填写 cell (E2…) a shared string of
    "大" × 1,000,000, written as XML by hand (openpyxl cuts values at 32,767 characters)."""
    exported = table.with_name("exported.xlsx")
    assert cli.main(["figures", str(draft), "-o", str(exported)]) == cli.EXIT_OK
    with zipfile.ZipFile(exported) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{main}" count="1" uniqueCount="1"><si><t>{HUGE}</t></si></sst>'
    ).encode()
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    types = parts["[Content_Types].xml"].decode("utf-8")
    override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/>'
    parts["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    rel_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    rel = f'<Relationship Type="{rel_type}" Target="sharedStrings.xml" Id="rIdS"/>'
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>", rel + "</Relationships>"
    ).encode("utf-8")
    count = 0
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    filled = 0

    def point(match: re.Match[str]) -> str:
        nonlocal filled
        if match.group(1) == "1":
            return match.group(0)  # the header row
        filled += 1
        return f'<c r="E{match.group(1)}" t="s"><v>{count}</v></c>'

    sheet = re.sub(r'<c r="E(\d+)"(?:[^>]*/>|[^>]*>.*?</c>)', point, sheet)
    assert filled >= 30
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(table, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    assert table.stat().st_size < 100_000


def test_a_fill_from_the_huge_table_writes_no_draft_that_cannot_be_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = good_draft(tmp_path)
    table = tmp_path / "大.xlsx"
    _huge_table(draft, table)
    capsys.readouterr()
    out = tmp_path / "filled.json"
    code = cli.main(["figures", str(draft), "--fill", str(table), "-o", str(out)])
    err = capsys.readouterr().err
    if out.exists():  # whatever the fill decided, what it wrote opens
        assert out.stat().st_size <= MAX_DRAFT_BYTES
        load_draft(out)
    else:
        assert code == cli.EXIT_ERROR
        assert "意外问题" not in err and "错误：" in err
    assert "Traceback" not in err


def _huge_report() -> Report:
    # 18 M characters of 3 UTF-8 bytes: 54 MB, over the 50 MB a draft may have
    return Report(year=2024, sections=[Section(heading="大", paragraphs=[HUGE * 18])])


def test_a_draft_over_the_open_limit_is_not_saved_and_the_old_one_stays(tmp_path: Path) -> None:
    draft = tmp_path / "述职.json"
    save_draft(Report(year=2024, title="原来的"), draft)
    before = draft.read_bytes()
    with pytest.raises(FileAccessError) as caught:
        save_draft(_huge_report(), draft)
    assert "上限 50 MB" in str(caught.value) and "无法再打开" in str(caught.value)
    assert draft.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["述职.json"]  # no temporary file left


def test_a_recovery_file_never_exceeds_what_the_next_start_reads() -> None:
    store = RecoveryStore()
    with pytest.raises(FileAccessError) as caught:
        store.write("new:1", _huge_report())
    assert "自动保存的内容" in str(caught.value)
    assert store.pending() == []
    assert not any(store.folder.iterdir())


def test_the_window_does_not_claim_an_autosave_it_did_not_write(qtbot) -> None:
    from qt_helpers import close_window, edit_report, make_window

    window = make_window(qtbot)
    window.new_document(Report(year=2024), "新报告")
    edit_report(window, lambda r: setattr(r, "title", "甲"))
    window.document.bind(_huge_report)  # the editor's live model, grown past the limit
    window.document.timer.timeout.emit()  # the 3 seconds have passed
    assert "已自动保存" not in window.autosave_label.text()
    assert "自动保存失败" in window.autosave_label.text()
    assert "上限" in window.autosave_label.toolTip()
    close_window(window)
