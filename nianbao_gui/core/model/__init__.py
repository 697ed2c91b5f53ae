"""The report model: everything a township annual report holds, as structure.

A report is: basic information (kind, year, title, author, date), opening paragraphs,
first-level sections (each with a heading, paragraphs and nested subsections down to the
fourth level), a closing (other work, shortcomings written out as 一是……；二是……, plans)
and an optional signature. Heading numbers (一、 （一） 1． （1）) are not stored: they are
derived from the position, so moving a section renumbers it (see numbering.py).

Tables (issue 22) stand in a section's body among its paragraphs. They are kept in the
section's own list ``tables`` (not in one list of mixed blocks), so every path to a paragraph
(``("sections", 0, "paragraphs", 2)``) keeps meaning what it meant; each table says where it
stands by the identity of the paragraph it follows (``after``; empty: before the first), so it
stays with that paragraph through inserts, moves and undo. A cell's text is at
``(…, "tables", 0, "rows", 2, 1)``; see tables.py for the body's order and the grid.

The model holds text verbatim. Cleaning (spaces, punctuation) is the checker's job and is
only ever done on the user's request.
"""

from __future__ import annotations

from .base import MAX_DEPTH, MAX_YEAR, MIN_YEAR, SCHEMA_VERSION, ReportKind
from .messages import describe_validation_error, field_title, title_of
from .report import ID_KEYS, Closing, Report, Section, ensure_ids, id_lists, new_id
from .table import Merge, Table

__all__ = [
    "ID_KEYS",
    "MAX_DEPTH",
    "MAX_YEAR",
    "MIN_YEAR",
    "SCHEMA_VERSION",
    "Closing",
    "Merge",
    "Report",
    "ReportKind",
    "Section",
    "Table",
    "describe_validation_error",
    "ensure_ids",
    "field_title",
    "id_lists",
    "new_id",
    "title_of",
]
