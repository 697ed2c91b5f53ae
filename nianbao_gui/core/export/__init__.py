"""Word export in the official layout (GB/T 9704-2012): ``export_docx(report, target)``.

The document is built in memory and written in one step (atomic replace), so a failed export
never leaves a half-written .docx and never touches the draft. See docs/official-layout.md
for the numbers and the Word XML traps this package avoids.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any, BinaryIO

from ..atomic import atomic_write_bytes, check_writable, link_target
from ..errors import ExportError, FileAccessError
from ..model import Report
from .formats import ExportFormat, export_format
from .options import ExportOptions, FontSet, font_set
from .writer import ExportResult, build_document

__all__ = [
    "ExportFormat",
    "ExportOptions",
    "ExportResult",
    "FontSet",
    "export_bytes",
    "export_docx",
    "export_format",
    "font_set",
]


def export_bytes(
    report: Report, options: ExportOptions | None = None, *, metrics: Any = None
) -> tuple[bytes, ExportResult]:
    """The .docx file's bytes and what the export changed on the way. ``metrics``
    (pages.Metrics): the widths that place the signature and the date (writer.py)."""
    document, result = build_document(report, options or ExportOptions(), metrics)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), result


def export_docx(
    report: Report,
    target: Path | BinaryIO,
    options: ExportOptions | None = None,
    *,
    metrics: Any = None,
) -> ExportResult:
    """Write ``report`` as a .docx to a path (atomically) or to a binary stream.

    Raises ExportError (Chinese message) when the file cannot be written: open in Word or
    WPS (locked on Windows), a read-only folder, a full disk; or when the path's extension
    is not .docx (a Word file under another name would not open as what it says it is).
    """
    if isinstance(target, (str, Path)):
        path = link_target(Path(target))
        if os.path.isdir(path):  # not Path.is_dir: a name too long must not raise here
            raise ExportError(
                f"无法导出到 {path}：这是一个文件夹。",
                "请指定 Word 文件名，例如 报告.docx。",
                path=path,
            )
        if export_format(path) != "docx":
            raise ExportError(
                f"{path.name} 不是 Word 文件名，没有导出。",
                "请用 .docx 结尾的文件名，例如 报告.docx。",
                path=path,
            )
        try:  # before the work: a read-only .docx is not replaced, as a draft is not
            check_writable(path, "导出")
        except FileAccessError as error:
            raise ExportError(
                f"Word 文档没有导出。{error.what}", error.todo + "草稿没有受影响。", path=path
            ) from error
        data, result = export_bytes(report, options, metrics=metrics)
        try:
            atomic_write_bytes(path, data)
        except FileAccessError as error:
            raise ExportError(
                f"Word 文档没有导出。{error.what}",
                error.todo + "草稿没有受影响。",
                path=path,
            ) from error
        return result
    data, result = export_bytes(report, options, metrics=metrics)
    try:
        target.write(data)
    except OSError as error:
        raise ExportError(
            f"Word 文档没有导出：写入失败（{error.strerror or error}）。",
            "请换一个位置保存，或稍后再试。草稿没有受影响。",
        ) from error
    return result
