"""Atomic writes: the target is replaced whole, and failures are explained in Chinese."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from nianbao_gui.core.atomic import atomic_write_bytes, atomic_write_text
from nianbao_gui.core.errors import FileAccessError


def test_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_text("old", encoding="utf-8")
    atomic_write_text(target, "新内容")
    assert target.read_text(encoding="utf-8") == "新内容"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


@pytest.mark.parametrize(
    ("code", "phrase"),
    [
        (errno.EACCES, "正被其他程序"),
        (errno.ENOSPC, "磁盘已满"),
        (errno.EISDIR, "文件夹"),
        (errno.ENAMETOOLONG, "太长"),
        (errno.EIO, "系统错误 EIO"),
    ],
)
def test_a_failed_rename_keeps_the_old_file_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, phrase: str
) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FileAccessError) as caught:
        atomic_write_bytes(target, b"new")
    assert phrase in str(caught.value)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_a_missing_folder_is_explained(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="文件夹不存在"):
        atomic_write_bytes(tmp_path / "no" / "a.json", b"x")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_new_files_are_readable_by_colleagues_and_modes_are_kept(tmp_path: Path) -> None:
    fresh = tmp_path / "new.docx"
    atomic_write_bytes(fresh, b"x")
    umask = os.umask(0o022)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.json"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    atomic_write_bytes(kept, b"new")
    assert kept.stat().st_mode & 0o777 == 0o640


class _InUse(PermissionError):
    """What Windows raises when os.replace meets a target another program holds open
    (antivirus, the search indexer, Word): access denied or a sharing violation."""

    def __init__(self, winerror: int) -> None:
        super().__init__(errno.EACCES, "另一个程序正在使用此文件，进程无法访问。")
        self.winerror = winerror


@pytest.mark.parametrize("winerror", [5, 32])
def test_a_target_held_open_for_a_moment_is_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, winerror: int
) -> None:
    target = tmp_path / "a.json"
    target.write_text("old", encoding="utf-8")
    real_replace = os.replace
    refusals = iter(range(3))

    def held_for_a_moment(src: str, dst: str) -> None:
        if next(refusals, None) is not None:
            raise _InUse(winerror)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", held_for_a_moment)
    monkeypatch.setattr("nianbao_gui.core.atomic.REPLACE_WAITS", (0.001,) * 6)
    atomic_write_text(target, "新内容")
    assert target.read_text(encoding="utf-8") == "新内容"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_a_target_held_open_for_good_is_explained_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.json"
    target.write_text("old", encoding="utf-8")
    tries = []

    def held(src: str, dst: str) -> None:
        tries.append(dst)
        raise _InUse(32)

    monkeypatch.setattr(os, "replace", held)
    monkeypatch.setattr("nianbao_gui.core.atomic.REPLACE_WAITS", (0.001,) * 6)
    with pytest.raises(FileAccessError) as caught:
        atomic_write_text(target, "新内容")
    assert "正被其他程序" in str(caught.value)
    assert len(tries) > 1  # retried before giving up
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_a_refused_rename_on_linux_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without Windows' error code a refusal is final: no seconds of waiting for nothing."""
    target = tmp_path / "a.json"
    tries = []

    def refuse(src: str, dst: str) -> None:
        tries.append(dst)
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FileAccessError):
        atomic_write_text(target, "x")
    assert len(tries) == 1
