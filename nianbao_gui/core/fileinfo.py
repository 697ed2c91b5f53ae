"""What is at a path, told before anything is read or written there.

Reading a pipe (FIFO) waits forever for a writer; reading a device such as ``/dev/zero``
never ends; a path through a file ("报告.txt/草稿.json") fails with an English strerror.
Each reader and writer asks here first and refuses in Chinese.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def file_in_the_way(path: Path) -> Path | None:
    """The nearest ancestor folder of ``path`` that exists, if it is a file (not a folder)."""
    folder = Path(path).parent
    while not os.path.lexists(folder) and folder.parent != folder:
        folder = folder.parent
    if os.path.lexists(folder) and not folder.is_dir():
        return folder
    return None


def not_a_regular_file(info: os.stat_result) -> str | None:
    """What the thing is, in Chinese, when it is not an ordinary file; None when it is."""
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "一个文件夹"
    if stat.S_ISFIFO(mode):
        return "一个管道（FIFO）"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "一个设备"
    if stat.S_ISSOCK(mode):
        return "一个套接字"
    return "一个特殊文件"


def read_limited(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a regular file (a file may grow while it is read, or
    claim a size of 0 and never end, as files under /proc do). OSError as open() raises."""
    with Path(path).open("rb") as handle:
        return handle.read(limit + 1)
