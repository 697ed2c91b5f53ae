"""Unsaved edits survive a crash and are offered back at the next start."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from nianbao_gui.core.errors import DraftError, FileAccessError
from nianbao_gui.core.model import SCHEMA_VERSION, Report, Section
from nianbao_gui.core.paths import data_dir
from nianbao_gui.core.storage import RecoveryStore, key_for

CRASHING_WINDOW = """
import os, sys
from pathlib import Path
from nianbao_gui.core.model import Report
from nianbao_gui.core.storage import RecoveryStore, key_for
source = Path(sys.argv[1])
RecoveryStore().write(key_for(source), Report(title="未保存的修改"), source)
print("written", flush=True)
sys.stdin.readline()
"""


def test_default_folder_is_in_data_dir() -> None:
    assert RecoveryStore().folder == data_dir() / "recovery"


def test_write_then_pending_then_load(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "rec")
    draft = tmp_path / "草稿.json"
    report = Report(
        title="二〇二二年述职", sections=[Section(heading="学习", paragraphs=["改了一半"])]
    )
    before = dt.datetime.now().astimezone()
    store.write(key_for(draft), report, draft)
    (entry,) = store.pending()
    assert entry.key == key_for(draft)
    assert entry.source == draft
    assert entry.title == "二〇二二年述职"
    assert before - dt.timedelta(seconds=1) <= entry.saved_at <= dt.datetime.now().astimezone()
    assert entry.path.parent == tmp_path / "rec"
    assert store.load(entry) == report


def test_unsaved_new_report_has_no_source(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(key_for(None, "window-1"), Report(title="新报告"))
    (entry,) = store.pending()
    assert entry.source is None


def test_rewrite_replaces_and_discard_forgets(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write("k", Report(title="一"))
    store.write("k", Report(title="二"))
    (entry,) = store.pending()
    assert store.load(entry).title == "二"
    store.discard("k")
    assert store.pending() == []
    store.discard("k")  # discarding twice is harmless


@pytest.mark.parametrize(
    "key",
    [
        'draft:C:\\Users\\张三\\Documents\\述职报告？*<>|".json',
        "draft:/" + "很长的文件夹名/" * 100 + "草稿.json",
        "draft:\\\\server\\share\\..\\..\\etc\\passwd",
        "new:",
        "draft:\x00\n\t/\\:",
    ],
)
def test_any_key_gives_a_safe_file_name(key: str, tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    path = store.write(key, Report(title="x"))
    assert path.parent == tmp_path
    assert len(path.name) < 64 and path.name.replace(".json", "").isalnum()
    assert [entry.key for entry in store.pending()] == [key]


def test_recovery_is_compact_and_readable(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    path = store.write("k", Report(title="述职"))
    text = path.read_text(encoding="utf-8")
    assert "述职" in text and "\n" not in text
    assert json.loads(text)["report"]["schema_version"] == SCHEMA_VERSION


def test_pending_newest_first_and_skips_broken_files(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    for title in ("早", "晚"):
        path = store.write(title, Report(title=title))
        data = json.loads(path.read_text(encoding="utf-8"))
        data["saved_at"] = "2022-01-01T08:00:00+08:00" if title == "早" else data["saved_at"]
        data["pid"] = 0  # as if written by a session that is gone
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "broken.json").write_bytes(b'{"format": "nianbao-recovery", "key"')
    (tmp_path / "other.json").write_text("[]", encoding="utf-8")
    assert [entry.title for entry in store.pending()] == ["晚", "早"]


def test_load_of_vanished_entry_is_a_draft_error(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write("k", Report())
    (entry,) = store.pending()
    store.discard("k")
    with pytest.raises(DraftError, match="无法恢复"):
        store.load(entry)


def test_work_of_a_crashed_process_is_pending_but_not_of_a_running_one(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    window = subprocess.Popen(
        [sys.executable, "-c", CRASHING_WINDOW, str(draft)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert window.stdout is not None
    assert window.stdout.readline().strip() == "written"
    store = RecoveryStore()
    assert store.pending() == []  # that copy of the program is still running: its own work
    window.send_signal(signal.SIGKILL)
    window.wait(timeout=10)
    (entry,) = store.pending()
    assert entry.source == draft
    assert store.load(entry).title == "未保存的修改"


def test_crashed_work_is_offered_even_if_its_process_id_was_reused(tmp_path: Path) -> None:
    """After a power cut and a reboot another program may run under the old process id."""
    store = RecoveryStore(tmp_path)
    path = store.write("k", Report(title="断电前的修改"))
    data = json.loads(path.read_text(encoding="utf-8"))
    (data_dir() / "sessions").mkdir(exist_ok=True)
    nobody = data_dir() / "sessions" / ("0" * 32 + ".alive")  # a session that ended
    data.update(pid=os.getppid(), alive=str(nobody))  # and a process id now in use
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert [entry.title for entry in store.pending()] == ["断电前的修改"]


def test_marks_of_ended_sessions_are_swept(tmp_path: Path) -> None:
    from nianbao_gui.core.storage import liveness

    sessions = data_dir() / "sessions"
    sessions.mkdir(exist_ok=True)
    ended = sessions / "ended.alive"
    ended.write_bytes(b"")
    earlier = liveness._held.pop(data_dir(), None)  # as at program start
    if earlier:
        os.close(earlier[1])
    mine = liveness.own_alive_file()
    assert mine is not None and mine.exists()
    assert not ended.exists()
    assert liveness.still_running(str(mine)) is True


def test_unusable_recovery_folder(tmp_path: Path) -> None:
    (tmp_path / "文件").write_text("x", encoding="utf-8")
    store = RecoveryStore(tmp_path / "文件" / "recovery")
    with pytest.raises(FileAccessError, match="手动保存"):
        store.write("k", Report())
    assert store.pending() == []
