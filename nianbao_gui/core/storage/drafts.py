"""Saving and opening one draft file.

``save_draft`` writes atomically (``core/atomic.py``: temporary file, fsync, rename), so a
crash, a kill or a power cut leaves the old draft or the new one, never a broken one; the
draft's previous content is first kept as an earlier version (``backups.py``).
``load_draft`` only reads: whatever is wrong with a file, it raises a Chinese DraftError and
changes nothing on disk.

``save_draft`` does not take the draft's lock: the window holds a ``DraftLock`` for as long
as the draft is open (see ``lock.py``), and the command line writes new files.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..atomic import atomic_write_bytes, check_writable, link_target
from ..errors import DraftError, FileAccessError
from ..fileinfo import file_in_the_way, not_a_regular_file, read_limited
from ..model import Report
from .backups import DEFAULT_KEEP, backup_dir, backups_of, keep_version
from .codec import (
    MAX_DRAFT_BYTES,
    check_openable,
    decode_report,
    decode_text,
    encode_report,
    parse_json,
    too_large,
)
from .identity import other_names
from .migrations import is_draft_data
from .recovery import recovery_copy_of


def _check_target(path: Path) -> bytes | None:
    """Refuse targets that cannot hold a draft; return the current bytes for the backup."""
    info = check_writable(path)
    if info is None or info.st_size > MAX_DRAFT_BYTES:
        return None  # nothing there; or not worth keeping as a version (and not a draft)
    try:
        return read_limited(path, MAX_DRAFT_BYTES)
    except OSError:
        return None  # cannot read the old one: save anyway, without a backup


def save_draft(
    report: Report,
    path: Path,
    *,
    keep_backups: int = DEFAULT_KEEP,
    backup_required: bool = False,
) -> list[str]:
    """Write ``report`` to ``path`` atomically, keeping the previous content as a version.

    Raises FileAccessError (Chinese) when the place cannot be written; the old draft is then
    untouched. A failing backup does not stop a save (backups are best effort), unless
    ``backup_required``: replacing another file after a question that promised its earlier
    version is kept. Returns notes (Chinese) on what the save could not do besides.
    """
    path = link_target(path)
    data = encode_report(report)
    check_openable(data, path)
    old = _check_target(path)
    notes: list[str] = []
    if old is not None and old != data:
        kept = keep_version(path, old, keep=keep_backups)
        if kept is None and not _newest_backup_is(path, old):
            if backup_required:
                raise _no_backup(path)
            notes.append("保存前的内容没有保留为较早版本：数据文件夹不能写入（只读或已满）。")
    elif old is None and backup_required and os.path.lexists(path):
        raise _no_backup(path)  # too large or unreadable to keep: not replaced unseen
    others = other_names(path)
    atomic_write_bytes(path, data)  # also removes what killed saves of this name left
    if others:  # decided in identity.py: a new file under this name, the others keep the old
        notes.append(
            f"“{path.name}”原来还有 {others} 个别名（硬链接，同一个文件的其他名字）；"
            "保存后只有这个名字是新内容，其他名字仍是保存前的内容。"
        )
    return notes


def _newest_backup_is(path: Path, old: bytes) -> bool:
    kept = backups_of(path)
    try:
        return bool(kept) and kept[0].read_bytes() == old
    except OSError:
        return False


def _no_backup(path: Path) -> FileAccessError:
    return FileAccessError(
        f"没有替换“{path.name}”：无法在数据文件夹的 backups 中保留它的早期版本"
        "（数据文件夹已满、只读，或原文件太大）。",
        "请换一个文件名保存；或先把原文件复制到别处，再替换它。",
        path=path,
    )


def _read_error(error: OSError, path: Path) -> DraftError:
    if isinstance(error, FileNotFoundError):
        what, todo = f"找不到草稿 {path}。", "文件可能已被移动、改名或删除，请重新选择。"
    elif isinstance(error, IsADirectoryError) or error.errno == errno.EISDIR:
        what, todo = f"{path} 是一个文件夹，不是草稿文件。", "请选择文件夹里的草稿文件。"
    elif isinstance(error, NotADirectoryError) or error.errno == errno.ENOTDIR:
        blocking = file_in_the_way(path)
        name = f"“{blocking.name}”" if blocking is not None else "路径中的一部分"
        what = f"找不到草稿 {path}：{name}是一个文件，不是文件夹。"
        todo = "请检查路径，重新选择草稿。"
    elif isinstance(error, PermissionError):
        what = f"无法打开草稿 {path}：没有读取权限，或文件正被其他程序占用。"
        todo = "请关闭占用它的程序后重试，或请信息化管理员检查权限。"
    else:
        what = f"无法打开草稿 {path}：{error.strerror or error}。"
        todo = "请检查 U 盘或网络连接后重试。"
    return DraftError(what, todo, path=path)


def read_draft_bytes(path: Path) -> bytes:
    """The file's bytes, refusing folders and oversized files before reading them."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        kind = not_a_regular_file(info)  # a pipe would wait forever, /dev/zero never end
        if kind is not None:
            raise DraftError(
                f"{path} 是{kind}，不是草稿文件，没有读取它。",
                "请选择草稿文件（.json）。",
                path=path,
            )
        if info.st_size > MAX_DRAFT_BYTES:
            raise too_large(info.st_size, path)
        raw = read_limited(path, MAX_DRAFT_BYTES)  # the file may grow between stat and read
    except OSError as error:
        raise _read_error(error, path) from error
    if len(raw) > MAX_DRAFT_BYTES:
        raise too_large(len(raw), path)
    return raw


def load_draft(path: Path) -> Report:
    """Open the draft at ``path``; DraftError (Chinese: what happened, what to do) if it can't."""
    path = Path(path)
    try:
        return decode_report(read_draft_bytes(path), path)
    except DraftError as error:
        if isinstance(error.__cause__, FileNotFoundError):
            raise
        offers = _what_can_be_restored(path) or ["年报助手没有找到它的较早版本或自动保存的内容。"]
        raise DraftError(error.what, "\n".join([error.todo, *offers]), path=path) from error


def _what_can_be_restored(path: Path) -> list[str]:
    """The newest earlier version and the unsaved work kept for ``path``, named in full so
    that the user can open them."""
    offers = []
    versions = backups_of(path)
    if versions:
        offers.append(
            f"年报助手保留了这份草稿的 {len(versions)} 个较早版本，"
            f"最近的一个是 {versions[0].name}，在文件夹 {backup_dir(path)} 中，可以直接打开它。"
        )
    copy = recovery_copy_of(path)
    if copy is not None:
        offers.append(f"还有一份自动保存的内容（{copy}），启动年报助手时可以恢复。")
    return offers


def is_draft_file(path: Path) -> bool | None:
    """What is at ``path`` before something is written there: None when nothing is, True for
    a draft of this program (also one from a newer version, or with invalid content), False
    for anything else (a Word document, a report, another program's JSON, a folder)."""
    path = Path(path)
    if not os.path.lexists(path):
        return None
    try:
        raw = read_draft_bytes(path)
        data = parse_json(decode_text(raw, path), path)
    except DraftError:
        return False
    return isinstance(data, dict) and is_draft_data(data)
