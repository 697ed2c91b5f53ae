"""Issue 12, defect 6: temporary files of killed saves piled up in ``backups/`` and the
recovery folder (38 files, 38 MB after 300 kills). The next start removes those whose writer
is gone; a save in progress (a live writer, another PC) is never touched. The kill test
(test_storage_kill.py) counts them: 0 after the next start."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from nianbao_gui.core.atomic import host_tag, temp_writer
from nianbao_gui.core.paths import data_dir
from nianbao_gui.core.storage import RecoveryStore
from nianbao_gui.core.storage.cleanup import ORPHAN_AFTER


def _dead_pid() -> int:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(child.stdout)


def _temp(folder: Path, name: str, pid: int, host: str | None = None, age: float = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f".{name}.abc123.pid{pid}-{host or host_tag()}.tmp"
    path.write_bytes(b"x" * 1000)
    if age:
        when = time.time() - age
        os.utime(path, (when, when))
    return path


def test_the_next_start_removes_what_dead_writers_left(tmp_path: Path) -> None:
    dead = _dead_pid()
    backups = data_dir() / "backups" / "草稿-12345678"
    recovery = data_dir() / "recovery"
    orphans = [
        _temp(backups, "草稿.20240101-000000-000000.json", dead),
        _temp(recovery, "0123abcd.json", dead),
        _temp(data_dir(), "settings.json", dead),
    ]
    kept = [
        _temp(recovery, "live.json", os.getpid()),  # this program, saving right now
        _temp(recovery, "other-pc.json", dead, host="ffffff"),  # another PC's save
        backups / "草稿.20240101-000000-000000.json",  # a real version
        backups / ".hidden-but-not-tmp",
    ]
    kept[2].write_text("{}", encoding="utf-8")
    kept[3].write_text("x", encoding="utf-8")
    RecoveryStore().pending()  # what the window does at start
    assert not [path for path in orphans if path.exists()]
    assert all(path.exists() for path in kept)


def test_anything_older_than_an_hour_goes_whatever_its_name(tmp_path: Path) -> None:
    recovery = data_dir() / "recovery"
    old_other_pc = _temp(recovery, "a.json", 1, host="ffffff", age=ORPHAN_AFTER + 60)
    old_style = recovery / ".a.json.x1y2.tmp"  # the name before process ids were added
    old_style.write_bytes(b"x")
    when = time.time() - ORPHAN_AFTER - 60
    os.utime(old_style, (when, when))
    fresh_old_style = recovery / ".b.json.x1y2.tmp"
    fresh_old_style.write_bytes(b"x")
    RecoveryStore().pending()
    assert not old_other_pc.exists() and not old_style.exists() and fresh_old_style.exists()


def test_a_save_removes_what_dead_writers_left_beside_the_draft(tmp_path: Path) -> None:
    from nianbao_gui.core.model import Report
    from nianbao_gui.core.storage import save_draft

    dead = _dead_pid()
    mine = _temp(tmp_path, "草稿.json", dead)
    others = _temp(tmp_path, "别的.json", dead)
    save_draft(Report(), tmp_path / "草稿.json")
    assert not mine.exists() and others.exists()


def test_temporary_files_name_their_writer(tmp_path: Path) -> None:
    from nianbao_gui.core import atomic

    seen: list[str] = []
    real_replace = os.replace

    def spy(source: str, target: str) -> None:
        seen.append(Path(source).name)
        real_replace(source, target)

    try:
        os.replace = spy  # type: ignore[assignment]
        atomic.atomic_write_bytes(tmp_path / "a.json", b"{}")
    finally:
        os.replace = real_replace
    assert temp_writer(seen[0]) == (os.getpid(), host_tag())
