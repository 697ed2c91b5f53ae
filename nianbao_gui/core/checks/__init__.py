"""体检: check a report before it goes out.

``check_report(report)`` lists problems (placeholders left in, punctuation, common wrong
characters, numbering, consistency of years and names, stray spaces) as ``Finding``s with
the field, the offsets in that field's text, a Chinese message and, where it is certain, a
fix. Nothing is changed until ``apply_fix``/``apply_fixes`` is called for chosen findings;
``plan_fixes`` works out the fixed texts without changing the report (the window applies
them as one undoable edit). ``locate`` follows a finding after the text changed.
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
from .fixing import FixPlan, fixed_texts, plan_fixes
from .follow import is_current, locate, map_span
from .report import excerpt, format_findings, group_by_category, location, short_label, summary
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
    "FixPlan",
    "WordList",
    "apply_fix",
    "apply_fixes",
    "can_apply",
    "check_imported",
    "check_report",
    "compare_with_last",
    "excerpt",
    "findings_from_notes",
    "fixed_texts",
    "format_findings",
    "group_by_category",
    "has_placeholders",
    "is_current",
    "is_problem",
    "load_word_list",
    "locate",
    "location",
    "map_span",
    "placeholder_count",
    "plan_fixes",
    "short_label",
    "summary",
]
