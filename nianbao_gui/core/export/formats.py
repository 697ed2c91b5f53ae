"""Which format an export writes: the output file's extension decides, nothing else.

``nianbao export DRAFT -o 报告.pdf`` once wrote a Word file under a .pdf name. Every export
to a path asks ``export_format`` first; an extension it does not know is refused with a
message that says what to type instead. ``.docx`` is the Word export (export/), ``.pdf`` the
PDF export from the page layout (pages/pdf.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from ..errors import ExportError

ExportFormat = Literal["docx", "pdf"]

_FORMATS: dict[str, ExportFormat] = {".docx": "docx", ".pdf": "pdf"}


def export_format(path: Path | str) -> ExportFormat:
    """The format for ``path`` by its extension (any case); ExportError when there is none."""
    path = Path(path)
    suffix = path.suffix.lower()
    found = _FORMATS.get(suffix)
    if found is not None:
        return found
    what = f"扩展名“{path.suffix}”" if path.suffix else "没有扩展名"
    raise ExportError(
        f"无法导出到 {path.name}：{what}，不知道要导出成哪种文件。",
        "请用 .docx（Word 文档）或 .pdf 结尾的文件名，例如 报告.docx。",
        path=path,
    )
