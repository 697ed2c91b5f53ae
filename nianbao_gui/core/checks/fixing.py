"""Fixes worked out without touching the report: the new texts and what they change.

The window applies them as one edit (one undo step); the command line may apply them in
place. ``plan_fixes`` works on a copy and fixes again while fixes uncover more (``，,`` fixed
uncovers nothing, but a stray space removed can make two marks meet), a few rounds at most.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..fields import FieldPath, get_text
from ..model import Report
from .finding import Finding, apply_fixes
from .report import field_labels, short_label
from .runner import check_report

ROUNDS = 5
LISTED = 8
"""Changes named one by one in the summary; the rest are counted."""


@dataclass
class FixPlan:
    """The new text of each field a fix changes (reading order), the findings fixed, and a
    sentence for the user (``已修复 5 处：……``)."""

    changes: list[tuple[FieldPath, str]] = field(default_factory=list)
    applied: list[Finding] = field(default_factory=list)
    summary: str = ""
    details: str = ""


def plan_fixes(
    report: Report, findings: Sequence[Finding] | None = None, rounds: int = ROUNDS
) -> FixPlan:
    """The certain fixes of ``findings`` (of a fresh check when None), and after them those
    of the re-checked text, up to ``rounds`` rounds. ``report`` is not changed: the result
    lists the new texts. Findings out of date or overlapping another are left out."""
    copy = report.model_copy(deep=True)
    todo = list(check_report(copy) if findings is None else findings)
    applied: list[Finding] = []
    touched: list[FieldPath] = []
    for round_ in range(max(1, rounds)):
        outcome = apply_fixes(copy, [f for f in todo if f.fix is not None])
        if not outcome.applied:
            break
        applied += outcome.applied
        touched += [f.path for f in outcome.applied]
        if round_ + 1 < rounds:
            todo = check_report(copy)
    changes = [(path, get_text(copy, path)) for path in _in_order(report, set(touched))]
    changes = [(path, text) for path, text in changes if text != get_text(report, path)]
    summary, details = describe_fixes(report, applied)
    return FixPlan(changes, applied, summary, details)


def fixed_texts(
    report: Report, findings: Sequence[Finding] | None = None
) -> list[tuple[FieldPath, str]]:
    """Only the new texts of ``plan_fixes``."""
    return plan_fixes(report, findings).changes


def describe_fixes(report: Report, applied: Sequence[Finding]) -> tuple[str, str]:
    """(``已修复 3 处：开篇 · 第1段 删除“,”；……``, one line per fix with the full place)."""
    if not applied:
        return "没有可以自动修复的问题。", ""
    labels = field_labels(report)
    brief = [f"{short_label(report, f.path)} {f.fix_label()}" for f in applied[:LISTED]]
    more = f"等，共 {len(applied)} 处" if len(applied) > LISTED else ""
    summary = f"已修复 {len(applied)} 处：" + "；".join(brief) + more + "。"
    details = "\n".join(
        f"{labels.get(f.path, '/'.join(map(str, f.path)))}：{f.fix_label()}" for f in applied
    )
    return summary, details


def _in_order(report: Report, paths: set[FieldPath]) -> list[FieldPath]:
    order = {path: i for i, path in enumerate(field_labels(report))}
    return sorted(paths, key=lambda path: order.get(path, len(order)))
