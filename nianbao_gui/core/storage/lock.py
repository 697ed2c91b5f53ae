"""Who has a draft open: a lock file beside the draft, so that two copies of the program —
on one PC or on two PCs sharing a folder — never silently overwrite each other's work.

The lock file is ``~$<draft name>.lock`` next to the draft: the ``~$`` prefix is what Word
uses for its owner files, so office users and backup tools already know to leave it alone.
It is created with O_EXCL (only one creator can win, also on SMB shares) and holds JSON:
user, host, pid, since, heartbeat and a random token that identifies the holder.

How the window uses it:

1. On opening a draft: ``lock = DraftLock(path); lock.acquire()``. On DraftLockedError,
   show ``str(error)`` (it names user@host and since when) and offer: open read-only,
   or “强行接管” → ``lock.acquire(take_over=True)``.
2. While the draft is open: call ``lock.refresh()`` on a timer (every minute; well inside
   ``STALE_AFTER``). A DraftLockedError from refresh means someone took the draft over:
   stop saving to it and offer “另存为”.
3. ``save_draft`` does not check the lock (the command line writes without one).
4. On closing the draft: ``lock.release()`` (or use ``with DraftLock(path):``).

A lock is stale — taken over without asking — when it was left on this PC by a process that
no longer runs (told by an OS lock, see ``liveness.py``, so a reused process id after a
reboot does not keep it alive), or when its heartbeat is older than ``STALE_AFTER`` (its
holder crashed on another PC, or the PC was switched off). Heartbeats use each PC's clock;
office PCs take the time from the domain, so ten minutes is far beyond any clock difference.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import getpass
import json
import os
import socket
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from ..atomic import atomic_write_bytes, link_target
from ..errors import DraftLockedError, FileAccessError
from ..processes import pid_alive
from .identity import identity_lock_file
from .liveness import own_alive_file, still_running

STALE_AFTER = _dt.timedelta(minutes=10)
"""A lock whose holder has not refreshed it for this long is considered abandoned."""

_PROGRAM = "nianbao"


def lock_path_for(path: Path) -> Path:
    path = Path(path)
    return path.with_name(f"~${path.name}.lock")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name at all (some services): still lock, just unnamed
        return "未知用户"


def _host() -> str:
    return socket.gethostname() or "未知电脑"


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


@dataclass(frozen=True)
class LockOwner:
    """What a lock file says about its holder (``unreadable`` when it could not be parsed)."""

    user: str = ""
    host: str = ""
    pid: int = 0
    since: _dt.datetime | None = None
    heartbeat: _dt.datetime | None = None
    token: str = ""
    alive: str = ""
    draft: str = ""  # the name the holder opened (another name of the same file, perhaps)
    unreadable: bool = False

    def label(self) -> str:
        if self.unreadable:
            return "另一个程序"
        return f"{self.user or '未知用户'}@{self.host or '未知电脑'}"


def _parse_time(value: Any) -> _dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = _dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=_dt.timezone.utc)


def read_owner(lock_file: Path) -> LockOwner | None:
    """The holder named in ``lock_file``; None when there is no lock file."""
    try:
        raw = lock_file.read_bytes()
        mtime = _dt.datetime.fromtimestamp(lock_file.stat().st_mtime, _dt.timezone.utc)
    except FileNotFoundError:
        return None
    except OSError:
        return LockOwner(unreadable=True)
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
        pid = data.get("pid")
        return LockOwner(
            user=str(data.get("user", "")),
            host=str(data.get("host", "")),
            pid=pid if isinstance(pid, int) else 0,
            since=_parse_time(data.get("since")),
            heartbeat=_parse_time(data.get("heartbeat")) or mtime,
            token=str(data.get("token", "")),
            alive=str(data.get("alive", "")),
            draft=str(data.get("path", "")),
        )
    except ValueError:
        # Being written this very moment, or damaged: the file's age is all we know.
        return LockOwner(heartbeat=mtime, unreadable=True)


def _holder_running_here(owner: LockOwner) -> bool:
    running = still_running(owner.alive)  # an OS lock: immune to process-id reuse
    if running is None:  # another user's session on this PC: the process id must do
        running = bool(owner.pid) and pid_alive(owner.pid)
    return running


def is_stale(owner: LockOwner, *, now: _dt.datetime | None = None) -> bool:
    now = now or _now()
    if not owner.unreadable and owner.host == _host() and not _holder_running_here(owner):
        return True
    return owner.heartbeat is None or now - owner.heartbeat > STALE_AFTER


def _local(moment: _dt.datetime | None) -> str:
    if moment is None:
        return "不明时间"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class DraftLock:
    """The lock on one draft. ``acquire`` / ``refresh`` / ``release``, or ``with DraftLock(p):``."""

    def __init__(self, path: Path, lock_file: Path | None = None) -> None:
        self.path = link_target(path)  # one lock per real file, whatever link opened it
        self.lock_file = lock_file or lock_path_for(self.path)
        self.token = ""
        self._since: _dt.datetime | None = None
        self._by_identity: DraftLock | None = None  # while the file has other names

    @property
    def held(self) -> bool:
        return bool(self.token)

    def _content(self, now: _dt.datetime) -> bytes:
        data = {
            "program": _PROGRAM,
            "user": _user(),
            "host": _host(),
            "pid": os.getpid(),
            "since": (self._since or now).isoformat(),
            "heartbeat": now.isoformat(),
            "token": self.token,
            "alive": str(alive) if (alive := own_alive_file()) else "",
            "draft": self.path.name,
            "path": str(self.path),
        }
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")

    def _locked_error(self, owner: LockOwner) -> DraftLockedError:
        who = owner.label()
        same = ""
        by_identity = self.lock_file != lock_path_for(self.path)
        if by_identity and owner.draft and Path(owner.draft) != self.path:
            # only a lock by identity proves it: one share is named differently on two PCs
            same = f"（它和“{owner.draft}”是同一个文件的两个名字，即硬链接）"
        what = (
            f"草稿“{self.path.name}”{same}正由 {who} 打开"
            f"（自 {_local(owner.since or owner.heartbeat)} 起），为免互相覆盖，现在不能编辑。"
        )
        todo = (
            "请等对方关闭后再打开，或以只读方式查看。"
            "如果确定对方已不再使用（例如程序崩溃、电脑已关机），可以选择“强行接管”。"
        )
        return DraftLockedError(what, todo, path=self.path, owner=who)

    def _create(self) -> bool:
        """Create the lock file exclusively; False if it already exists."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(self.lock_file, flags, 0o644)
        except FileExistsError:
            return False
        except OSError as error:
            raise FileAccessError(
                f"无法在草稿所在的文件夹里建立锁定文件 {self.lock_file.name}：{error.strerror}。",
                "请确认该文件夹可以写入（不是只读的 U 盘或光盘），或把草稿另存到别处。",
                path=self.lock_file,
            ) from error
        now = _now()
        self._since = self._since or now  # a lock re-created by refresh keeps its start
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(self._content(now))
                handle.flush()
                os.fsync(handle.fileno())
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(self.lock_file)
            raise
        return True

    def _remove_if_unchanged(self, seen: bytes) -> bool:
        """Move a stale lock out of the way, unless it changed since we judged it stale."""
        aside = self.lock_file.with_name(f"{self.lock_file.name}.{uuid.uuid4().hex}.old")
        try:
            os.replace(self.lock_file, aside)
        except FileNotFoundError:
            return True  # its holder released it meanwhile
        except OSError:
            return False
        try:
            moved = aside.read_bytes()
        except OSError:
            moved = b""
        if moved != seen:
            # Someone took it over between our look and our move: put theirs back.
            with contextlib.suppress(OSError):
                os.link(aside, self.lock_file)
        with contextlib.suppress(OSError):
            aside.unlink()
        return moved == seen

    def acquire(self, take_over: bool = False) -> None:
        """Take the lock; DraftLockedError naming the holder if someone else has it.

        A stale lock is taken over silently; ``take_over=True`` takes over any lock (the
        user chose “强行接管” after seeing who holds it). A file with other names (hard
        links) is locked by its identity too (``identity.py``).
        """
        if self.held:
            self.refresh()
            return
        self._acquire_by_name(take_over)
        try:
            self._follow_identity(take_over)
        except BaseException:
            self.release()
            raise

    def _follow_identity(self, take_over: bool = False) -> None:
        """Hold the lock by identity the file has now: another after a save gave it a new
        one (the old names keep the old file), none when it has no other names."""
        lock_file = identity_lock_file(self.path)
        held = self._by_identity
        if held is not None and held.lock_file == lock_file:
            with contextlib.suppress(FileAccessError):  # best effort, as the data folder
                held.refresh()
            return
        if held is not None:
            held.release()
            self._by_identity = None
        if lock_file is None or lock_file == self.lock_file:
            return
        other = DraftLock(self.path, lock_file)
        try:
            other._acquire_by_name(take_over)
        except FileAccessError:
            return  # data folder read-only: the lock by name still holds
        self._by_identity = other

    def after_save(self) -> None:
        """A save gave the file a new identity (its other names keep the old file): lock by
        the new one. Best effort; the heartbeat tries again."""
        with contextlib.suppress(FileAccessError, DraftLockedError):
            self._follow_identity()

    def _acquire_by_name(self, take_over: bool) -> None:
        self.token = uuid.uuid4().hex
        try:
            for _attempt in range(5):
                if self._create():
                    return
                try:
                    seen = self.lock_file.read_bytes()
                except FileNotFoundError:
                    continue
                except OSError:
                    seen = b""
                owner = read_owner(self.lock_file) or LockOwner(unreadable=True)
                if not (take_over or is_stale(owner)):
                    raise self._locked_error(owner)
                self._remove_if_unchanged(seen)
            raise self._locked_error(read_owner(self.lock_file) or LockOwner(unreadable=True))
        except BaseException:
            self.token = ""
            raise

    def refresh(self) -> None:
        """Renew the heartbeat; DraftLockedError if the lock was taken over by someone else.

        FileAccessError means the lock file could not be rewritten just now (network share
        gone): keep the draft open and try again at the next tick.
        """
        if not self.held:
            raise RuntimeError("refresh() without acquire()")
        owner = read_owner(self.lock_file)
        if owner is None:
            if self._create():
                return  # someone deleted the lock file (cleaning up ~$ files): ours again
            owner = read_owner(self.lock_file)  # someone else was quicker: name them
        if owner is not None and owner.unreadable:
            raise FileAccessError(  # a network hiccup; our own lock is always whole
                f"暂时无法读取锁定文件 {self.lock_file.name}。",
                "请检查网络或 U 盘连接；程序会自动重试。",
                path=self.lock_file,
            )
        if owner is None or owner.token != self.token:
            self.token = ""
            raise self._lost_error(owner)
        for attempt in range(3):
            try:
                atomic_write_bytes(self.lock_file, self._content(_now()))
                break
            except FileAccessError:
                # On Windows a colleague's program reading the lock file at this instant
                # blocks the rename; a moment later it works.
                if attempt == 2:
                    raise
                time.sleep(0.05)
        if self._by_identity is not None or identity_lock_file(self.path) is not None:
            self._follow_identity()  # after a save: the file's new identity, or none

    def _lost_error(self, owner: LockOwner | None) -> DraftLockedError:
        if owner is None:
            what = f"草稿“{self.path.name}”的锁定文件被删除了，又被别人抢先建立。"
            return DraftLockedError(
                what, "请“另存为”一个新文件，以免覆盖别人的修改。", path=self.path
            )
        error = self._locked_error(owner)
        what = f"草稿“{self.path.name}”已被 {owner.label()} 接管。"
        return DraftLockedError(
            what, "请“另存为”一个新文件，以免覆盖对方的修改。", path=self.path, owner=error.owner
        )

    def release(self) -> None:
        """Remove the lock if it is still ours (never someone else's who took it over)."""
        if self._by_identity is not None:
            self._by_identity.release()
            self._by_identity = None
        if not self.held:
            return
        owner = read_owner(self.lock_file)
        if owner is not None and owner.token == self.token:
            with contextlib.suppress(OSError):
                self.lock_file.unlink()
        self.token = ""
        self._since = None

    def __enter__(self) -> DraftLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
