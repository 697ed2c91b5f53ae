"""What the commands read and write: a draft or a report named on the command line, and a
draft written only where nothing but an older draft is replaced, that one kept as a version."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .core.model import Report


def is_draft(path: Path) -> bool:
    """A .json file, or a draft under another name (the content says so)."""
    from .core.storage import is_draft_file

    return path.suffix.lower() == ".json" or bool(is_draft_file(path))


def load_report(path: Path) -> Report:
    """A draft as it is; a report (.txt/.docx) imported on the fly."""
    if is_draft(path):
        from .core.storage import load_draft

        draft: Report = load_draft(path)
        return draft
    from .core.importer import import_report

    imported: Report = import_report(path).report
    return imported


def may_write_draft(output: Path, *, force: bool, action: str = "") -> bool:
    """``import -o`` (and ``figures --fill -o``) writes a draft: never over something that is
    not a draft; over a draft only when the user says so (asked at a console, else
    ``--force``). True when a draft will be replaced."""
    from .core.errors import ReportImportError
    from .core.storage import is_draft_file

    made = action or "导入的内容"

    if output.suffix.lower() != ".json":
        raise ReportImportError(
            f"草稿文件名必须以 .json 结尾，“{output.name}”不是。",
            "请用 -o 指定一个 .json 文件名，例如 -o 述职报告.json。",
            path=output,
        )
    existing = is_draft_file(output)
    if existing is None:
        return False
    if not existing:
        raise ReportImportError(
            f"{output} 已经存在，而且不是年报助手的草稿，"
            + ("导入不会覆盖它。" if not action else "没有覆盖它。"),
            "请用 -o 指定另一个文件名。",
            path=output,
        )
    if force or _confirm(f"草稿 {output} 已经存在，要用{made}覆盖它吗？"):
        return True
    raise ReportImportError(
        f"草稿 {output} 已经存在，没有覆盖它。",
        "要覆盖请加 --force（原草稿会保留为较早版本），或用 -o 指定另一个文件名。",
        path=output,
    )


def write_draft(report: Report, output: Path, *, replacing: bool) -> None:
    """Save ``report`` at ``output``, never over a draft the window (or another PC) has open,
    even with ``--force``: its lock is read, not taken (taking it would leave this short run's
    liveness mark in the data folder). A replaced draft is first kept as an earlier version."""
    from .core.errors import NianbaoError
    from .core.storage import lock_path_for, read_owner, save_draft
    from .core.storage.lock import is_stale

    owner = read_owner(lock_path_for(output))
    if owner is not None and not is_stale(owner):
        raise NianbaoError(
            f"草稿 {output} 正由 {owner.label()} 打开，没有覆盖它。",
            "请先在程序中关闭这份草稿再运行，或用 -o 指定另一个文件名。",
            path=output,
        )
    if replacing:
        keep_replaced_draft(output)
    save_draft(report, output)


def keep_replaced_draft(output: Path) -> None:
    """The draft about to be replaced, kept as an earlier version; no version, no overwrite."""
    from .core.errors import FileAccessError
    from .core.storage import backups_of, keep_version

    try:
        old = output.read_bytes()
    except OSError as error:
        raise FileAccessError(
            f"无法读取已有的草稿 {output}（{error.strerror or error}），没有覆盖它。",
            "请用 -o 指定另一个文件名。",
            path=output,
        ) from error
    kept = keep_version(output, old)
    if kept is None:
        newest = backups_of(output)[:1]
        if not (newest and _read_or_none(newest[0]) == old):  # not kept before either
            raise FileAccessError(
                f"无法为已有的草稿 {output} 保留较早版本（数据文件夹不能写入），没有覆盖它。",
                "请用 -o 指定另一个文件名。",
                path=output,
            )
        kept = newest[0]
    print(f"  原草稿保留为较早版本：{kept}", file=sys.stderr)


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _confirm(question: str) -> bool:
    """Ask at a console; without one (a script, a pipe) the answer is no."""
    if not (sys.stdin is not None and sys.stdin.isatty()):
        return False
    try:
        answer = input(f"{question}（输入 y 覆盖，直接回车取消）")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是")
