"""An indicator table carried into next year's report (next_year.next_year_copy).

A 2025 report's 指标表 compares 2024年 with 2025年; the 2026 report compares 2025年 with
2026年. So in the copy each year of the report year or the year before named in the header
moves on by one, and the columns follow their headings:

- a column whose new heading was another column's heading takes that column's cells (the
  2025年 column gets the figures written under 2025年 last year: real values now);
- every other figure of the body asks to be filled again, as ``**`` with its unit kept (the
  2026年 column, words in it too; 增幅, 同比 — computed from the years that moved), which
  体检 and 数据 find like any placeholder;
- the first column (the rows' names), text cells, 序号, and a column naming another year
  (``2020年`` a base year, ``2026年目标`` still this year's target) stay as they were.

A table whose header names neither year is not touched, nor are 表题 and 注: like the
paragraphs, they keep her words, and 体检 points out a year left behind in them (a header
cell such as ``2024年`` is exempt there, which is why the header is moved here).
"""

from __future__ import annotations

import re

from .model import Table
from .tables import covered

_YEAR = re.compile(r"(?<![0-9０-９])(?:[0-9]{4}|[０-９]{4})(?![0-9０-９])")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_FIGURE = re.compile(
    r"\s*(?P<number>[-+－]?[0-9０-９][0-9０-９.．,，]*)\s*"
    r"(?P<unit>[%％‰]|[\u4e00-\u9fff]{1,4})?\s*"
)
"""A figure alone in its cell, perhaps with a unit: ``28.6``, ``6.2%``, ``1,200户``."""
_KEPT_HEADINGS = ("序号", "编号")


def _moved_on(text: str, year: int) -> str:
    """``year - 1`` → ``year``, ``year`` → ``year + 1`` in ``text`` (digits as written)."""

    def move(match: re.Match[str]) -> str:
        digits = match.group()
        found = int(digits.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
        if found not in (year - 1, year):
            return digits
        new = str(found + 1)
        return new.translate(_FULL_WIDTH) if "０" <= digits[0] <= "９" else new

    return _YEAR.sub(move, text)


def _placeholder(text: str, words_too: bool) -> str:
    """``28.6亿元`` → ``**亿元``; words (``建成``) → ``**`` when ``words_too`` (a column of
    the new year, where last year's words would read as this year's); a dash stays."""
    found = _FIGURE.fullmatch(text)
    if found is not None:
        return "**" + (found["unit"] or "")
    if words_too and any(char.isalnum() for char in text):
        return "**"
    return text


def _headings(table: Table, rows: list[list[str]]) -> list[tuple[str, ...]]:
    """Each column's heading: its header cells top to bottom (a merged one's text under
    every column it spans)."""
    hidden = covered(table)
    width = len(rows[0])
    return [
        tuple(
            rows[anchor[0]][anchor[1]]
            for r in range(table.header_rows)
            for anchor in [hidden.get((r, c), (r, c))]
        )
        for c in range(width)
    ]


def next_year_table(table: Table, year: int) -> Table:
    """``table`` of the report of ``year`` as the report of ``year + 1`` carries it."""
    if table.header_rows < 1:
        return table
    old = _headings(table, table.rows)
    rows = [list(row) for row in table.rows]
    for r in range(table.header_rows):
        rows[r] = [_moved_on(text, year) for text in rows[r]]
    new = _headings(table, rows)
    if new == old:
        return table
    hidden = covered(table)
    for c in range(1, len(old)):
        source = old.index(new[c]) if new[c] != old[c] and new[c] in old else None
        heading = "".join(new[c])
        # a heading that names another year (2020年 a base, 2026年目标) or counts the rows
        kept = new[c] == old[c] and (
            _YEAR.search(heading) is not None or any(w in heading for w in _KEPT_HEADINGS)
        )
        for r in range(table.header_rows, len(rows)):
            if (r, c) in hidden or kept:
                continue
            if source is not None:
                rows[r][c] = table.rows[r][source]
            else:
                rows[r][c] = _placeholder(table.rows[r][c], words_too=new[c] != old[c])
    return table.model_copy(update={"rows": rows})
