"""One set of size limits for everything the program reads: drafts it opens, reports it
imports, text pasted in.

The import limits are set so that any report they let through makes a draft well under the
open limit: an import either refuses with the reason or makes a draft that opens. Worst case
per character of report text in a draft: 6 bytes (a control character written as
``\\u000b``); per paragraph, under 64 bytes of JSON around it. So a draft from an import is at
most ``6 * MAX_REPORT_CHARS + 64 * MAX_REPORT_PARAGRAPHS`` bytes (about 7 MB), far below
``MAX_DRAFT_BYTES`` (tests/test_hostile_limits.py checks the sum and a file at the limits).

They also bound memory: a .docx's XML is parsed whole (python-docx/lxml), taking up to fifteen
times its size in memory (many small runs), so the XML a .docx may hold is capped (measured
peaks: the README's reliability section, benchmarks/bench_limits.py).
"""

from __future__ import annotations

MAX_DRAFT_BYTES = 50 * 1024 * 1024
"""A real report's draft is well under 1 MB; anything above this is not a draft (or is
damaged), and reading it would freeze the window."""

MAX_REPORT_CHARS = 1_000_000
"""Characters of report text an import accepts (100 万字). A 100-page report has about
100,000; a year's reports of a whole township together stay below this."""

MAX_REPORT_PARAGRAPHS = 20_000
"""Lines (paragraphs) of report text an import accepts; a 100-page report has about 1,000."""

MAX_TEXT_FILE_BYTES = 10 * 1024 * 1024
"""A .txt report on disk: a 100-page report is about 300 KB."""

MAX_DOCX_BYTES = 20 * 1024 * 1024
"""A .docx on disk (pictures included)."""

MAX_DOCX_XML_BYTES = 16 * 1024 * 1024
"""The XML parts of a .docx, uncompressed: parsed whole, they decide the memory an import
takes. A 100-page report's XML is a few MB even with heavy formatting."""

MAX_DOCX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
"""All parts of a .docx, uncompressed (python-docx holds every part in memory)."""

MAX_XLSX_BYTES = 20 * 1024 * 1024
"""A 数据 table (.xlsx) on disk: one row per figure, a few hundred KB for a long report."""

MAX_XLSX_XML_BYTES = 16 * 1024 * 1024
"""The XML parts of a 数据 table, uncompressed: openpyxl keeps every shared string in memory,
and a table a zip bomb inflates to gigabytes is refused before it is opened."""

MAX_XLSX_ROWS = 20_000
"""Rows of a 数据 table read: a 100-page report has about a thousand figures."""

MAX_FIGURE_CHARS = 60
"""A value put into a slot: a figure or a name (青禾镇高标准农田建设示范项目) is short; a
cell holding a whole text is no figure, and would swell the draft (issue 18 item 5)."""
