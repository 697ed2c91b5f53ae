"""Draft locks: one holder at a time, across processes; stale locks are taken over."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nianbao_gui.core.errors import DraftLockedError, FileAccessError
from nianbao_gui.core.paths import data_dir
from nianbao_gui.core.storage import DraftLock, lock_path_for, read_owner
from nianbao_gui.core.storage.lock import STALE_AFTER, _host, _user

HOLDER = """
import sys, time
from pathlib import Path
from nianbao_gui.core.storage import DraftLock
lock = DraftLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
sys.stdin.readline()  # hold until told, or until killed
lock.release()
print("released", flush=True)
"""

RACER = """
import sys, time
from pathlib import Path
from nianbao_gui.core.errors import DraftLockedError, FileAccessError
from nianbao_gui.core.storage import DraftLock
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
try:
    DraftLock(Path(sys.argv[1])).acquire()
    print("won", flush=True)
except DraftLockedError:
    print("lost", flush=True)
sys.stdin.read()  # the winner keeps its lock (and stays alive) until every racer is done
"""


def _start_holder(draft: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(draft)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    return child


def _write_foreign_lock(draft: Path, *, host: str, pid: int, age: dt.timedelta) -> Path:
    moment = (dt.datetime.now(dt.timezone.utc) - age).isoformat()
    lock_file = lock_path_for(draft)
    data = {"user": "王五", "host": host, "pid": pid, "since": moment, "heartbeat": moment}
    lock_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return lock_file


def test_lock_file_sits_beside_the_draft_and_names_its_holder(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    with DraftLock(draft) as lock:
        assert lock.lock_file == tmp_path / "~$草稿.json.lock"
        data = json.loads(lock.lock_file.read_text(encoding="utf-8"))
        assert data["user"] == _user() and data["host"] == _host()
        assert data["pid"] == os.getpid()
        assert {"since", "heartbeat", "token"} <= data.keys()
    assert not lock.lock_file.exists()


def test_second_process_is_refused_with_holders_name(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    child = _start_holder(draft)
    try:
        with pytest.raises(DraftLockedError) as info:
            DraftLock(draft).acquire()
        error = info.value
        assert error.owner == f"{_user()}@{_host()}"
        assert error.owner in str(error) and "起" in error.what
        assert "强行接管" in error.todo
    finally:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "released"
        child.wait(timeout=10)
    with DraftLock(draft):  # released: free again
        pass


def test_lock_of_a_killed_process_on_this_pc_is_taken_over(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    child = _start_holder(draft)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    owner = read_owner(lock_path_for(draft))
    assert owner is not None and owner.pid == child.pid  # the crash left its lock behind
    lock = DraftLock(draft)
    lock.acquire()
    assert read_owner(lock.lock_file).pid == os.getpid()  # type: ignore[union-attr]
    lock.release()


def test_same_process_second_lock_is_refused(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    with DraftLock(draft), pytest.raises(DraftLockedError):
        DraftLock(draft).acquire()


def test_other_pc_with_fresh_heartbeat_is_refused(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    lock_file = _write_foreign_lock(draft, host="办公室-PC2", pid=1, age=dt.timedelta(minutes=2))
    before = lock_file.read_bytes()
    with pytest.raises(DraftLockedError) as info:
        DraftLock(draft).acquire()
    assert info.value.owner == "王五@办公室-PC2"
    assert lock_file.read_bytes() == before


def test_other_pc_with_old_heartbeat_is_stale(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    _write_foreign_lock(draft, host="办公室-PC2", pid=1, age=STALE_AFTER + dt.timedelta(minutes=1))
    with DraftLock(draft) as lock:
        assert read_owner(lock.lock_file).host == _host()  # type: ignore[union-attr]


def test_explicit_take_over(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    _write_foreign_lock(draft, host="办公室-PC2", pid=1, age=dt.timedelta(seconds=5))
    lock = DraftLock(draft)
    lock.acquire(take_over=True)
    assert read_owner(lock.lock_file).token == lock.token  # type: ignore[union-attr]
    lock.release()
    assert not lock.lock_file.exists()


def test_refresh_renews_heartbeat_and_detects_take_over(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    mine = DraftLock(draft)
    mine.acquire()
    first = read_owner(mine.lock_file)
    time.sleep(0.01)
    mine.refresh()
    second = read_owner(mine.lock_file)
    assert first is not None and second is not None
    assert second.heartbeat > first.heartbeat  # type: ignore[operator]
    assert second.since == first.since

    theirs = DraftLock(draft)
    theirs.acquire(take_over=True)  # a colleague chose “强行接管”
    with pytest.raises(DraftLockedError, match="接管"):
        mine.refresh()
    mine.release()  # must not remove the colleague's lock
    assert read_owner(theirs.lock_file).token == theirs.token  # type: ignore[union-attr]
    theirs.release()


def test_unreadable_lock_being_written_is_respected(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    lock_path_for(draft).write_bytes(b'{"user": "')  # another program is writing it right now
    with pytest.raises(DraftLockedError) as info:
        DraftLock(draft).acquire()
    assert info.value.owner == "另一个程序"


def test_unreadable_old_lock_is_stale(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    lock_file = lock_path_for(draft)
    lock_file.write_bytes(b"garbage")
    old = time.time() - STALE_AFTER.total_seconds() - 60
    os.utime(lock_file, (old, old))
    with DraftLock(draft):
        pass


def test_only_one_of_many_simultaneous_processes_wins(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    go = tmp_path / "go"
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(draft), str(go)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    time.sleep(1.5)  # let them all import and wait at the start line
    go.touch()
    results = [racer.stdout.readline().strip() for racer in racers]  # type: ignore[union-attr]
    for racer in racers:
        racer.communicate(timeout=30)
    assert sorted(results) == ["lost"] * 5 + ["won"]


def test_folder_that_cannot_hold_a_lock_gives_file_access_error(tmp_path: Path) -> None:
    (tmp_path / "文件").write_text("x", encoding="utf-8")
    with pytest.raises(FileAccessError, match="锁定文件"):
        DraftLock(tmp_path / "文件" / "草稿.json").acquire()


def test_lock_left_before_a_reboot_is_stale_although_its_pid_is_reused(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    lock_file = _write_foreign_lock(draft, host=_host(), pid=os.getppid(), age=dt.timedelta(0))
    data = json.loads(lock_file.read_text(encoding="utf-8"))
    (data_dir() / "sessions").mkdir(exist_ok=True)
    data["alive"] = str(data_dir() / "sessions" / ("0" * 32 + ".alive"))  # that session ended
    lock_file.write_text(json.dumps(data), encoding="utf-8")
    with DraftLock(draft) as lock:
        assert read_owner(lock.lock_file).pid == os.getpid()  # type: ignore[union-attr]


def test_refresh_recreates_a_deleted_lock_file(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    with DraftLock(draft) as lock:
        since = read_owner(lock.lock_file).since  # type: ignore[union-attr]
        lock.lock_file.unlink()  # someone cleaned up the ~$ files
        lock.refresh()
        owner = read_owner(lock.lock_file)
        assert owner is not None and owner.token == lock.token and owner.since == since
        with pytest.raises(DraftLockedError):
            DraftLock(draft).acquire()


def test_refresh_of_an_unreadable_lock_is_a_passing_access_error(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    lock = DraftLock(draft)
    lock.acquire()
    good = lock.lock_file.read_bytes()
    lock.lock_file.write_bytes(b"\x00garbled by the network")
    with pytest.raises(FileAccessError):
        lock.refresh()
    assert lock.held  # not given up: the window retries at the next tick
    lock.lock_file.write_bytes(good)
    lock.refresh()
    lock.release()
    assert not lock.lock_file.exists()
