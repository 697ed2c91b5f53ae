"""Import of existing reports (.txt in any common Chinese encoding, .docx) into a Report.

``import_report(path)`` and ``import_text(text)`` return an ImportResult: the report and Chinese
notes on what was uncertain. Text is kept verbatim apart from line ends, indentation and
trailing white space; nothing is ever dropped.
"""

from __future__ import annotations

from .api import import_report, import_text
from .decode import decode_bytes, read_text_file
from .result import ImportResult

__all__ = ["ImportResult", "decode_bytes", "import_report", "import_text", "read_text_file"]
