"""Word export in the official layout (GB/T 9704-2012): ``export_docx(report, target)``.

The document is built in memory and written in one step (atomic replace), so a failed export
never leaves a half-written .docx and never touches the draft. See docs/official-layout.md
for the numbers and the Word XML traps this package avoids.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

from ..atomic import atomic_write_bytes, check_writable, link_target
from ..errors import ExportError, FileAccessError
from ..model import Report
from .options import ExportOptions, FontSet, font_set
from .writer import ExportResult, build_document

__all__ = [
    "ExportOptions",
    "ExportResult",
    "FontSet",
    "export_bytes",
    "export_docx",
    "font_set",
]


def export_bytes(
    report: Report, options: ExportOptions | None = None
) -> tuple[bytes, ExportResult]:
    """The .docx file's bytes and what the export changed on the way."""
    document, result = build_document(report, options or ExportOptions())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), result


def export_docx(
    report: Report, target: Path | BinaryIO, options: ExportOptions | None = None
) -> ExportResult:
    """Write ``report`` as a .docx to a path (atomically) or to a binary stream.

    Raises ExportError (Chinese message) when the file cannot be written: open in Word or
    WPS (locked on Windows), a read-only folder, a full disk.
    """
    if isinstance(target, (str, Path)):
        path = link_target(Path(target))
        try:  # before the work: a read-only .docx is not replaced, as a draft is not
            check_writable(path, "导出")
        except FileAccessError as error:
            raise ExportError(
                f"Word 文档没有导出。{error.what}", error.todo + "草稿没有受影响。", path=path
            ) from error
        data, result = export_bytes(report, options)
        try:
            atomic_write_bytes(path, data)
        except FileAccessError as error:
            raise ExportError(
                f"Word 文档没有导出。{error.what}",
                error.todo + "草稿没有受影响。",
                path=path,
            ) from error
        return result
    data, result = export_bytes(report, options)
    try:
        target.write(data)
    except OSError as error:
        raise ExportError(
            f"Word 文档没有导出：写入失败（{error.strerror or error}）。",
            "请换一个位置保存，或稍后再试。草稿没有受影响。",
        ) from error
    return result
