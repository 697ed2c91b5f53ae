"""The export formats, by the output file's extension: add an export format here.

A format is a function that renders a report to bytes (and what it had to change on the
way, ``warnings``), loaded only when a file of that format is written, and the words its
messages use. ``export_file`` (this package) does the rest for every format alike: the
extension check, a folder or read-only file refused, the atomic write, the Chinese errors.

``nianbao export DRAFT -o 报告.pdf`` once wrote a Word file under a .pdf name: the extension
decides the format, nothing else, and one this table does not know is refused with a
message that says what to type instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from ..errors import ExportError
from ..model import Report
from ..typeset import ExportOptions

ExportFormat = Literal["docx", "pdf"]


class Rendered(Protocol):
    """What a format's renderer reports besides the bytes."""

    warnings: list[str]


Render = Callable[[Report, ExportOptions, Any], tuple[bytes, Rendered]]


@dataclass(frozen=True)
class Format:
    name: ExportFormat
    suffix: str  # the extension, lower case
    kind: str  # in "请指定 Word 文件名"
    failed: str  # "Word 文档没有导出"
    hint: str  # after the extension in the list of those known: ".docx（Word 文档）"
    render: Render  # (report, options, metrics) → bytes, what it changed


def _word(report: Report, options: ExportOptions, metrics: Any) -> tuple[bytes, Rendered]:
    from . import export_bytes  # looked up when called (python-docx loads then; tests audit it)

    return export_bytes(report, options, metrics=metrics)


def _pdf(report: Report, options: ExportOptions, metrics: Any) -> tuple[bytes, Rendered]:
    """From the page layout (pages/pdf.py), which the preview and print draw as well."""
    from ..pages.pdf import render_pdf

    return render_pdf(report, options)


FORMATS: dict[str, Format] = {
    fmt.suffix: fmt
    for fmt in (
        Format("docx", ".docx", "Word", "Word 文档没有导出", "Word 文档", _word),
        Format("pdf", ".pdf", "PDF", "PDF 没有导出", "", _pdf),
    )
}
BY_NAME: dict[str, Format] = {fmt.name: fmt for fmt in FORMATS.values()}


def format_of(path: Path | str) -> Format:
    """The format for ``path`` by its extension (any case); ExportError when there is none."""
    path = Path(path)
    found = FORMATS.get(path.suffix.lower())
    if found is not None:
        return found
    what = f"扩展名“{path.suffix}”" if path.suffix else "没有扩展名"
    known = [f.suffix + (f"（{f.hint}）" if f.hint else "") for f in FORMATS.values()]
    listed = "、".join(known[:-1])
    if listed:  # a space between a Latin extension and 或, none after a full-width bracket
        listed += ("或 " if listed.endswith("）") else " 或 ") + known[-1]
    else:
        listed = known[0]
    example = next(iter(FORMATS.values())).suffix
    raise ExportError(
        f"无法导出到 {path.name}：{what}，不知道要导出成哪种文件。",
        f"请用 {listed} 结尾的文件名，例如 报告{example}。",
        path=path,
    )


def export_format(path: Path | str) -> ExportFormat:
    """The name of the format for ``path`` ("docx", "pdf"); ExportError when there is none."""
    return format_of(path).name
