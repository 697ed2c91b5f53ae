"""The drafts list: title, year, person, last changed; broken files marked, never fatal."""

from __future__ import annotations

import os
from pathlib import Path

from nianbao_gui.core.model import Report, ReportKind
from nianbao_gui.core.paths import drafts_dir
from nianbao_gui.core.storage import DraftLock, list_drafts, save_draft


def test_lists_drafts_newest_first_with_their_details(tmp_path: Path) -> None:
    save_draft(Report(title="", year=2022, author_name="张三"), tmp_path / "a.json")
    save_draft(
        Report(kind=ReportKind.ZONGJIE, title="年终总结", year=2023, author_name="李四"),
        tmp_path / "b.json",
    )
    os.utime(tmp_path / "a.json", (1_700_000_000, 1_700_000_000))
    infos = list_drafts(tmp_path)
    assert [(i.path.name, i.title, i.year, i.person) for i in infos] == [
        ("b.json", "年终总结", 2023, "李四"),
        ("a.json", "2022年度述职述廉报告", 2022, "张三"),
    ]
    assert infos[1].modified.timestamp() == 1_700_000_000
    assert infos[0].kind == "年度工作总结"
    assert not any(info.broken for info in infos)


def test_broken_files_are_marked_not_fatal(tmp_path: Path) -> None:
    save_draft(Report(title="好的"), tmp_path / "好.json")
    (tmp_path / "坏.json").write_bytes(b'{"schema_version": 1, "ti')
    (tmp_path / "空.json").write_bytes(b"")
    (tmp_path / "package.json").write_text('{"name": "x"}', encoding="utf-8")
    infos = {info.path.name: info for info in list_drafts(tmp_path)}
    assert set(infos) == {"好.json", "坏.json", "空.json", "package.json"}
    assert not infos["好.json"].broken
    assert infos["坏.json"].broken and "不完整" in (infos["坏.json"].error or "")
    assert infos["空.json"].title == "空" and infos["空.json"].error


def test_skips_locks_temp_files_folders_and_other_files(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    save_draft(Report(title="草稿"), draft)
    (tmp_path / ".草稿.json.x1y2.tmp").write_bytes(b"{")
    (tmp_path / ".hidden.json").write_bytes(b"{")
    (tmp_path / "文件夹.json").mkdir()
    (tmp_path / "报告.docx").write_bytes(b"PK")
    with DraftLock(draft):
        assert [info.path.name for info in list_drafts(tmp_path)] == ["草稿.json"]


def test_default_folder_and_missing_folder(tmp_path: Path) -> None:
    save_draft(Report(title="默认"), drafts_dir() / "默认.json")
    assert [info.title for info in list_drafts()] == ["默认"]
    assert list_drafts(tmp_path / "不存在") == []
