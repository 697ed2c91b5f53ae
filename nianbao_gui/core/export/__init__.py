"""Export: a report written to a file in any format, through one entry point,
``export_file(report, path, options)``; the file name's extension picks the format.

- ``formats.py``: the formats by extension (.docx, .pdf) — add an export format there;
- ``word/``: the Word writer (python-docx, loaded only when a .docx is written); the PDF is
  drawn from the page layout (pages/pdf.py), as the preview and print are;
- the look both follow (fonts, sizes, alignment, the page): typeset/.

Every export is built in memory and written in one step (atomic replace), so a failed export
never leaves a half-written file and never touches the draft. See docs/official-layout.md for
the numbers and the Word XML traps the Word writer avoids.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from ..atomic import atomic_write_bytes, check_writable, link_target
from ..errors import ExportError, FileAccessError
from ..model import Report
from ..typeset import ExportOptions, FontSet, font_set
from .formats import BY_NAME, FORMATS, ExportFormat, Format, Rendered, export_format, format_of

if TYPE_CHECKING:
    from ..pages.pdf import PdfResult
    from .word.writer import ExportResult

__all__ = [
    "FORMATS",
    "ExportFormat",
    "ExportOptions",
    "FontSet",
    "Format",
    "export_bytes",
    "export_docx",
    "export_file",
    "export_format",
    "export_pdf",
    "font_set",
    "format_of",
]


def export_file(
    report: Report,
    target: Path | BinaryIO,
    options: ExportOptions | None = None,
    *,
    as_format: ExportFormat | None = None,
    metrics: Any = None,
) -> Rendered:
    """Write ``report`` to a path (atomically) or to a binary stream, in the format the
    path's extension names, or ``as_format`` (then the extension must be that format's;
    a stream is a .docx unless told). ``metrics`` (pages.Metrics): the widths that place
    the signature and the date in a .docx (word/writer.py).

    Raises ExportError (Chinese message) when the file cannot be written: open in Word or
    WPS (locked on Windows), a read-only folder, a full disk; a folder; an extension no
    format has, or not the one asked for (a file under another name would not open as
    what it says it is).
    """
    wanted = None if as_format is None else BY_NAME[as_format]
    if not isinstance(target, (str, Path)):
        fmt = wanted or BY_NAME["docx"]
        data, result = fmt.render(report, options or ExportOptions(), metrics)
        try:
            target.write(data)
        except OSError as error:
            raise ExportError(
                f"{fmt.failed}：写入失败（{error.strerror or error}）。",
                "请换一个位置保存，或稍后再试。草稿没有受影响。",
            ) from error
        return result
    path = link_target(Path(target))
    if os.path.isdir(path):  # not Path.is_dir: a name too long must not raise here
        named = wanted or FORMATS.get(path.suffix.lower()) or BY_NAME["docx"]
        raise ExportError(
            f"无法导出到 {path}：这是一个文件夹。",
            f"请指定 {named.kind} 文件名，例如 报告{named.suffix}。",
            path=path,
        )
    if wanted is not None and path.suffix.lower() != wanted.suffix:
        raise ExportError(
            f"{path.name} 不是 {wanted.kind} 文件名，没有导出。",
            f"请用 {wanted.suffix} 结尾的文件名，例如 报告{wanted.suffix}。",
            path=path,
        )
    fmt = wanted or format_of(path)
    try:  # before the work: a read-only file is not replaced, as a draft is not
        check_writable(path, "导出")
    except FileAccessError as error:
        raise ExportError(
            f"{fmt.failed}。{error.what}", error.todo + "草稿没有受影响。", path=path
        ) from error
    data, result = fmt.render(report, options or ExportOptions(), metrics)
    try:
        atomic_write_bytes(path, data)
    except FileAccessError as error:
        raise ExportError(
            f"{fmt.failed}。{error.what}", error.todo + "草稿没有受影响。", path=path
        ) from error
    return result


def export_docx(
    report: Report,
    target: Path | BinaryIO,
    options: ExportOptions | None = None,
    *,
    metrics: Any = None,
) -> ExportResult:
    """``export_file`` as a Word document (the path must end in .docx)."""
    result = export_file(report, target, options, as_format="docx", metrics=metrics)
    return cast("ExportResult", result)


def export_pdf(report: Report, target: Path, options: ExportOptions | None = None) -> PdfResult:
    """``export_file`` as a PDF (the path must end in .pdf)."""
    return cast("PdfResult", export_file(report, target, options, as_format="pdf"))


def export_bytes(
    report: Report, options: ExportOptions | None = None, *, metrics: Any = None
) -> tuple[bytes, ExportResult]:
    """The .docx file's bytes and what the export changed on the way. ``metrics``
    (pages.Metrics): the widths that place the signature and the date (word/writer.py)."""
    from .word.writer import build_document  # python-docx: loaded when a .docx is written

    document, result = build_document(report, options or ExportOptions(), metrics)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), result
