"""Saving and opening drafts: exact round trip, readable JSON, earlier versions, refusals."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from nianbao_gui.core import storage
from nianbao_gui.core.errors import FileAccessError
from nianbao_gui.core.model import SCHEMA_VERSION, Closing, Report, ReportKind, Section
from nianbao_gui.core.paths import data_dir
from nianbao_gui.core.storage import backups_of, load_draft, save_draft


def sample(title: str = "2022年度述职述廉报告") -> Report:
    return Report(
        kind=ReportKind.SHUZHI_SHULIAN,
        year=2022,
        title=title,
        author_name="张三",
        position="副镇长",
        opening=["\u00a02022年，,在镇党委、政府的正确领导下……"],
        sections=[
            Section(heading="强化学习意识，提高理论素养", paragraphs=["我始终把讲政治……"]),
            Section(
                heading="强化责任意识，切实认真履职",
                children=[Section(heading="政法工作。", run_in=True, paragraphs=["一是……"])],
            ),
        ],
        closing=Closing(shortcomings=["理论学习不深不细", "检查督促少"], one_paragraph=True),
        date=dt.date(2022, 12, 30),
    )


def test_round_trip_is_exact(tmp_path: Path) -> None:
    report = sample()
    save_draft(report, tmp_path / "草稿.json")
    assert load_draft(tmp_path / "草稿.json") == report


def test_file_is_readable_pretty_json_with_version_first(tmp_path: Path) -> None:
    path = tmp_path / "草稿.json"
    save_draft(sample(), path)
    text = path.read_text(encoding="utf-8")
    assert "张三" in text and "\\u" not in text  # ensure_ascii=False: readable Chinese
    assert text.startswith(f"{{\n  \"schema_version\": {SCHEMA_VERSION},\n")
    assert list(json.loads(text))[:3] == ["schema_version", "kind", "year"]
    assert text.endswith("}\n")


def test_key_order_is_stable_across_saves(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    save_draft(sample(), a)
    save_draft(load_draft(a), b)
    assert a.read_bytes() == b.read_bytes()


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "记事本改过.json"
    save_draft(sample(), path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_draft(path) == sample()


def test_last_five_versions_kept_newest_first(tmp_path: Path) -> None:
    path = tmp_path / "草稿.json"
    for i in range(8):
        save_draft(sample(f"版本{i}"), path)
        os.utime(path, (1_700_000_000 + i, 1_700_000_000 + i))  # distinct version times
    versions = backups_of(path)
    assert [load_draft(v).title for v in versions] == [f"版本{i}" for i in (6, 5, 4, 3, 2)]
    assert load_draft(path).title == "版本7"


def test_backups_live_in_data_folder_not_beside_the_draft(tmp_path: Path) -> None:
    path = tmp_path / "草稿.json"
    save_draft(sample("一"), path)
    save_draft(sample("二"), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["草稿.json"]
    (version,) = backups_of(path)
    assert version.is_relative_to(data_dir() / "backups")
    assert "草稿" in version.parent.name  # office IT can find it by eye
    assert (version.parent / "source.txt").read_text(encoding="utf-8").strip() == str(path)


def test_copied_draft_is_complete_without_its_backups(tmp_path: Path) -> None:
    path = tmp_path / "草稿.json"
    save_draft(sample("一"), path)
    save_draft(sample("二"), path)
    copy = tmp_path / "copy" / "草稿.json"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    assert load_draft(copy).title == "二"
    assert backups_of(copy) == []


def test_unchanged_save_adds_no_version(tmp_path: Path) -> None:
    path = tmp_path / "草稿.json"
    save_draft(sample("一"), path)
    save_draft(sample("二"), path)
    save_draft(sample("二"), path)
    save_draft(sample("二"), path)
    assert [load_draft(v).title for v in backups_of(path)] == ["一"]


def test_keep_backups_zero_keeps_none(tmp_path: Path) -> None:
    path = tmp_path / "草稿.json"
    save_draft(sample("一"), path, keep_backups=0)
    save_draft(sample("二"), path, keep_backups=0)
    assert backups_of(path) == []


def test_two_drafts_with_same_name_in_different_folders_have_separate_versions(
    tmp_path: Path,
) -> None:
    a, b = tmp_path / "a" / "草稿.json", tmp_path / "b" / "草稿.json"
    for path in (a, b):
        path.parent.mkdir()
        save_draft(sample(f"{path.parent.name}1"), path)
        save_draft(sample(f"{path.parent.name}2"), path)
    assert [load_draft(v).title for v in backups_of(a)] == ["a1"]
    assert [load_draft(v).title for v in backups_of(b)] == ["b1"]


def test_failing_backup_does_not_stop_the_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "草稿.json"
    save_draft(sample("一"), path)
    monkeypatch.setattr(storage.backups, "backup_dir", lambda _p: tmp_path / "草稿.json" / "x")
    save_draft(sample("二"), path)
    assert load_draft(path).title == "二"


def test_a_required_backup_that_fails_stops_the_replacement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Replacing another leader's draft was promised to keep its earlier version: when the
    backup cannot be written, the draft is not replaced and the message says why."""
    path = tmp_path / "李四.json"
    save_draft(sample("李四的报告"), path)
    before = path.read_bytes()
    monkeypatch.setattr(storage.backups, "backup_dir", lambda _p: tmp_path / "李四.json" / "x")
    with pytest.raises(FileAccessError, match=r"没有替换.*早期版本"):
        save_draft(sample("张三的报告"), path, backup_required=True)
    _assert_intact(path, before)
    huge = tmp_path / "大.json"  # too large to keep as a version: not replaced either
    huge.write_bytes(b" " * (storage.codec.MAX_DRAFT_BYTES + 1))
    with pytest.raises(FileAccessError, match="没有替换"):
        save_draft(sample(), huge, backup_required=True)
    assert huge.stat().st_size == storage.codec.MAX_DRAFT_BYTES + 1


def test_a_required_backup_that_was_kept_lets_the_replacement_through(tmp_path: Path) -> None:
    path = tmp_path / "李四.json"
    save_draft(sample("李四的报告"), path)
    before = path.read_bytes()
    save_draft(sample("张三的报告"), path, backup_required=True)
    assert load_draft(path).title == "张三的报告"
    assert backups_of(path)[0].read_bytes() == before


# --- places that cannot be written: clear FileAccessError, old draft intact -----------------


def _assert_intact(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_target_is_a_directory(tmp_path: Path) -> None:
    (tmp_path / "草稿.json").mkdir()
    with pytest.raises(FileAccessError, match="文件夹") as info:
        save_draft(sample(), tmp_path / "草稿.json")
    assert info.value.todo
    assert (tmp_path / "草稿.json").is_dir()


def test_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "文件").write_text("x", encoding="utf-8")
    with pytest.raises(FileAccessError, match="不是文件夹"):
        save_draft(sample(), tmp_path / "文件" / "草稿.json")


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="不存在"):
        save_draft(sample(), tmp_path / "U盘" / "草稿.json")


def test_read_only_file_is_respected(tmp_path: Path) -> None:
    path = tmp_path / "草稿.json"
    save_draft(sample("旧"), path)
    before = path.read_bytes()
    path.chmod(0o444)  # refused by mode bits, so this holds even when tests run as root
    try:
        with pytest.raises(FileAccessError, match="只读"):
            save_draft(sample("新"), path)
        _assert_intact(path, before)
    finally:
        path.chmod(0o644)


def test_replace_refused_by_os(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only folder, a file held open by WPS on Windows: the rename is refused."""
    path = tmp_path / "草稿.json"
    save_draft(sample("旧"), path)
    before = path.read_bytes()

    def refuse(_src: object, _dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FileAccessError, match=r"只读|其他程序") as info:
        save_draft(sample("新"), path, keep_backups=0)
    assert "请" in info.value.todo
    _assert_intact(path, before)


def test_temp_file_refused_by_os(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    path = tmp_path / "草稿.json"
    save_draft(sample("旧"), path)
    before = path.read_bytes()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(FileAccessError):
        save_draft(sample("新"), path, keep_backups=0)
    _assert_intact(path, before)


def test_stale_temp_files_of_a_crashed_save_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "草稿.json"
    stale = tmp_path / ".草稿.json.abc123.tmp"
    fresh = tmp_path / ".草稿.json.def456.tmp"  # may be another PC's save in progress
    other = tmp_path / ".别的.json.abc123.tmp"
    for leftover in (stale, fresh, other):
        leftover.write_bytes(b'{"half')
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    os.utime(other, (1_000_000_000, 1_000_000_000))
    save_draft(sample(), path)
    assert not stale.exists()
    assert fresh.exists() and other.exists()


def test_long_draft_name_still_gets_versions(tmp_path: Path) -> None:
    path = tmp_path / ("关于二〇二二年度述职述廉报告的修改稿" * 4 + "（第二稿）.json")  # 236 bytes
    save_draft(sample("一"), path)
    save_draft(sample("二"), path)
    assert [load_draft(v).title for v in backups_of(path)] == ["一"]
