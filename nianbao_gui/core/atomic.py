"""Atomic file writes: a crash, a kill or a power cut leaves the old file or the new one.

The data goes to a temporary file in the same folder, is flushed and fsync'ed, then renamed
over the target with os.replace (atomic on POSIX and on NTFS). The folder is fsync'ed where
the OS allows, so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import re
import socket
import stat
import tempfile
import time
from pathlib import Path

from .errors import FileAccessError
from .fileinfo import file_in_the_way, not_a_regular_file
from .processes import pid_alive

_FORBIDDEN = re.compile(r'[\\:*?"<>|\x00-\x1f]')
"""Characters Windows and FAT (U 盘) refuse in a file name; there the write fails with EINVAL."""


def _explain(error: OSError, path: Path, verb: str = "保存") -> FileAccessError:
    """A Chinese what-happened and what-to-do for the OS errors a save (or an export:
    ``verb``) can meet."""
    code = error.errno
    if code in (errno.EACCES, errno.EPERM, errno.EROFS, errno.EBUSY, errno.ETXTBSY):
        what = f"无法写入 {path}：文件或文件夹是只读的，或正被其他程序（如 Word、WPS）打开。"
        todo = "请关闭打开该文件的程序，或换一个文件夹保存。"
    elif code in (errno.ENOSPC, errno.EDQUOT):
        what = f"无法写入 {path}：磁盘已满。"
        todo = "请清理磁盘空间，或换一个磁盘保存。"
    elif code in (errno.ENOENT, errno.ENOTDIR):
        what = f"无法写入 {path}：所在的文件夹不存在。"
        todo = "请选择一个存在的文件夹。"
    elif code == errno.EISDIR:
        what = f"无法写入 {path}：这是一个文件夹，不是文件。"
        todo = "请另选一个文件名。"
    elif code == errno.EINVAL and _FORBIDDEN.search(path.name):
        shown = "、".join(f"“{char}”" for char in dict.fromkeys(_FORBIDDEN.findall(path.name)))
        what = f"无法写入 {path}：文件名中有 Windows 和 U 盘不允许的字符 {shown}。"
        todo = f"请去掉这些字符后再{verb}。"
    elif code == errno.ENAMETOOLONG:
        what = f"无法写入 {path}：文件名或路径太长。"
        todo = f"请缩短文件名，或{verb}到层次较浅的文件夹。"
    else:
        name = errno.errorcode.get(code or 0, "未知")
        what = f"无法写入 {path}（系统错误 {name}）。"
        todo = "请换一个位置保存，或稍后再试；问题持续时请联系信息中心。"
    return FileAccessError(what, todo, path=path)


def explain_write_error(error: OSError, path: Path, verb: str = "保存") -> FileAccessError:
    """The Chinese message for an OS error met writing ``path`` (never its English text)."""
    return _explain(error, path, verb)


TEMP_MARK = ".pid"
"""Temporary files are named ``.<name>.<random>.pid<process id>-<host tag>.tmp``: at the next
start one whose writer no longer runs on this PC is known to be left by a crash
(storage/cleanup.py); the host tag keeps a live writer on another PC (a shared folder) safe."""


@functools.lru_cache(maxsize=1)
def host_tag() -> str:
    """Six hex digits of this PC's name."""
    name = socket.gethostname().encode("utf-8", "replace")
    return hashlib.sha256(name).hexdigest()[:6]


_NAME_BYTES = 255 - 40
"""Of a temporary file's name, what the target's name may take: names are limited to 255
bytes (NTFS: 255 characters), and the random part, process id and host tag need ~30."""


def temp_prefix(path: Path) -> str:
    """``.<name>.`` of the temporary files for ``path``, the name shortened to fit."""
    name = path.name
    while len(name.encode("utf-8", "surrogateescape")) > _NAME_BYTES:
        name = name[:-1]
    return f".{name}."


def temp_writer(name: str) -> tuple[int, str] | None:
    """The process id and host tag in a temporary file's name, or None (not of this form)."""
    if not (name.startswith(".") and name.endswith(".tmp")):
        return None
    _, mark, rest = name[: -len(".tmp")].rpartition(TEMP_MARK)
    pid, _, host = rest.partition("-")
    return (int(pid), host) if mark and pid.isdigit() and host else None


def link_target(path: Path) -> Path:
    """``path``, or the file it links to when it is a symbolic link (also a chain of them,
    or a link to a file not yet there). A draft is saved, locked and backed up as the file
    it really is: replacing the link would leave the real file behind, unchanged."""
    path = Path(path)
    if os.path.islink(path):
        return Path(os.path.realpath(path))
    return path


def check_writable(path: Path, verb: str = "保存") -> os.stat_result | None:
    """Refuse, in Chinese, a place a file cannot or must not be written to; the current
    file's stat (None when there is none yet). ``verb`` is what the user asked: 保存, 导出.

    Refused: a missing folder, a folder that is a file, a folder given as the file, anything
    that is not a regular file (a pipe, a device: writing or reading it may hang), and a file
    marked read-only (os.replace would replace it on Linux and refuse it on Windows: honour
    the attribute everywhere, someone set it on purpose)."""
    path = Path(path)
    try:
        return _check_writable(path, verb)
    except OSError as error:  # a name or path too long for the system, asked about at all
        raise _explain(error, path, verb) from error


def _check_writable(path: Path, verb: str) -> os.stat_result | None:
    blocking = file_in_the_way(path)
    if blocking is not None:
        raise FileAccessError(
            f"无法{verb}到 {path}：“{blocking.name}”是一个文件，不是文件夹。",
            f"请换一个文件夹{verb}。",
            path=path,
        )
    if not path.parent.is_dir():
        raise FileAccessError(
            f"无法{verb}到 {path}：文件夹不存在（“{path.parent}”；U 盘或网络文件夹可能已断开）。",
            f"请检查 U 盘或网络连接，或换一个文件夹{verb}。",
            path=path,
        )
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    kind = not_a_regular_file(info)
    if kind is not None:
        raise FileAccessError(
            f"无法{verb}到 {path}：这是{kind}，不是文件。", "请另起一个文件名。", path=path
        )
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FileAccessError(
            f"无法{verb}到 {path}：文件设置了“只读”属性。",
            f"请在文件属性中取消“只读”，或{verb}为一个新文件。",
            path=path,
        )
    return info


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; raise FileAccessError (Chinese) on failure.

    Through a symbolic link the target is replaced, in its own folder; the link stays."""
    path = link_target(path)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=temp_prefix(path),
            suffix=f"{TEMP_MARK}{os.getpid()}-{host_tag()}.tmp",
            dir=path.parent,
        )
    except OSError as error:
        raise _explain(error, path) from error
    tmp = Path(tmp_name)
    try:
        _give_usual_permissions(fd, path)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(tmp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _explain(error, path) from error
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)
    _remove_own_leftovers(path)


REPLACE_WAITS = (0.05, 0.1, 0.2, 0.3, 0.5)
"""Seconds to wait before each new try of a refused rename (1.15 s in all)."""


def _replace(tmp: Path, path: Path) -> None:
    """os.replace, tried again for a moment when refused: on Windows a file another program
    holds open (a virus scanner, a backup or indexing tool, a colleague's copy reading the
    lock file, Word) cannot be replaced until it lets go, usually within milliseconds. The
    last refusal is raised; the caller then says so in Chinese and the old file stays."""
    for wait in (*REPLACE_WAITS, None):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if wait is None:
                raise
            time.sleep(wait)


def _remove_own_leftovers(path: Path) -> None:
    """Temporary files of earlier writes of this very name that a kill or crash left (a
    ``.R.pdf.*.tmp`` beside an exported R.pdf stayed for ever). Never raises: the write
    itself succeeded."""
    with contextlib.suppress(Exception):  # housekeeping only
        remove_orphan_temps_of(path)


ORPHAN_AFTER = 3600
"""Seconds after which a temporary file is left over whatever its name says."""


def _writer_gone(name: str) -> bool:
    """Whether the process that wrote this temporary file ran on this PC and has ended."""
    writer = temp_writer(name)
    if writer is None:
        return False
    pid, host = writer
    return host == host_tag() and pid != os.getpid() and not pid_alive(pid)


def orphan_temps(folder: Path, now: float, prefix: str = ".") -> list[Path]:
    """The temporary files in ``folder`` (starting with ``prefix``) that no write will finish:
    their writer ended on this PC, or they are older than any write could take."""
    found = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not (entry.name.startswith(".") and entry.name.endswith(".tmp")):
                continue
            with contextlib.suppress(OSError):
                if not entry.is_file(follow_symlinks=False):
                    continue
                if not entry.name.startswith(prefix):
                    continue
                age = now - entry.stat(follow_symlinks=False).st_mtime
                if age > ORPHAN_AFTER or _writer_gone(entry.name):
                    found.append(Path(entry.path))
    return found


def remove_orphan_temps_of(path: Path) -> int:
    """Remove crash leftovers of saves of the file at ``path``, in its folder (a shared
    folder, perhaps: only this PC's dead writers, or files older than an hour)."""
    removed = 0
    for orphan in orphan_temps(path.parent, time.time(), prefix=temp_prefix(path)):
        with contextlib.suppress(OSError):
            orphan.unlink()
            removed += 1
    return removed


def _give_usual_permissions(fd: int, path: Path) -> None:
    """mkstemp makes the file private (0600); a report in a shared office folder must stay
    readable by colleagues: keep the old file's mode, else what a new file would get."""
    if os.name != "posix":
        return
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o666 & ~_umask()
    with contextlib.suppress(OSError):
        os.fchmod(fd, mode)


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    current = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(current)
    return current


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; NTFS journals the rename
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
