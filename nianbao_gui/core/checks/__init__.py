"""体检: check a report before it goes out.

``check_report(report)`` lists problems (placeholders left in, punctuation, common wrong
characters, numbering, consistency of years and names, stray spaces) as ``Finding``s with
the field, the offsets in that field's text, a Chinese message and, where it is certain, a
fix. Nothing is changed until ``apply_fix``/``apply_fixes`` is called for chosen findings.
"""

from __future__ import annotations

from .finding import (
    Category,
    Finding,
    FixError,
    FixOutcome,
    apply_fix,
    apply_fixes,
    can_apply,
)
from .report import excerpt, format_findings, group_by_category, location, summary
from .runner import (
    check_imported,
    check_report,
    findings_from_notes,
    has_placeholders,
    is_problem,
    placeholder_count,
)
from .same_as_last import compare as compare_with_last
from .wording import WordList, load_word_list

__all__ = [
    "Category",
    "Finding",
    "FixError",
    "FixOutcome",
    "WordList",
    "apply_fix",
    "apply_fixes",
    "can_apply",
    "check_imported",
    "check_report",
    "compare_with_last",
    "excerpt",
    "findings_from_notes",
    "format_findings",
    "group_by_category",
    "has_placeholders",
    "is_problem",
    "load_word_list",
    "location",
    "placeholder_count",
    "summary",
]
