"""``check_report``: run every family of checks over a report and list the findings in
reading order. It only reports; fixes are applied on request (finding.apply_fix)."""

from __future__ import annotations

import re
from collections.abc import Generator, Sequence
from typing import Protocol, TypeVar

from ..fields import FieldPath
from ..model import Report
from . import consistency, numbering, placeholders, punctuation, spaces, wording
from .finding import IMPORT_NOTE, Category, Finding
from .targets import Kind, Target, targets


class _Imported(Protocol):  # importer.ImportResult, without importing the importer
    report: Report
    notes: list[str]


_T = TypeVar("_T")


def run_steps(steps: Generator[None, None, _T]) -> _T:
    """All of a stepped computation (``check_steps`` and the like) at once: its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


def check_report(report: Report) -> list[Finding]:
    """Every problem found in ``report``, in reading order (field by field, then offset)."""
    return run_steps(check_steps(report))


def check_steps(report: Report) -> Generator[None, None, list[Finding]]:
    """``check_report`` in small steps: it pauses (yields) after every field and every
    group of paragraphs, and returns the findings. The window runs the steps between
    keystrokes, a few milliseconds at a time. The texts are read at the first step; the
    report must not change until the last (the window starts afresh when it does)."""
    fields = targets(report)
    words = wording.load_word_list()
    findings: list[Finding] = []
    for target in fields:
        gaps = placeholders.check(target)
        findings += gaps
        findings += _outside(spaces.check(target), gaps)  # the blank inside "（ ）" is the gap
        prefix = numbering.check(target)  # a typed "(一)" goes as a whole, brackets and all
        findings += prefix
        findings += _outside(punctuation.check(target), prefix)
        findings += wording.check(target, words)
        yield
    groups: dict[FieldPath, list[Target]] = {}
    for target in fields:
        if target.kind is Kind.BODY:
            groups.setdefault(target.group, []).append(target)
    for group in groups.values():
        findings += numbering.check_group(group)
        yield
    findings += consistency.check(report, fields)
    return _in_reading_order(findings, fields)


_NUMBERING_NOTE = re.compile("跳号|重号|编号.*(?:应为|写法)")
"""The importer's notes on heading numbers (``一、二、四、``): a problem of the text."""


def findings_from_notes(notes: Sequence[str]) -> list[Finding]:
    """The importer's notes as findings without a place in a field: notes on heading
    numbers (``一、二、四、``) as numbering findings (code ``import.numbering``), the rest
    (guessed year or kind, author line split, …) as hints (code ``import.note``)."""
    return [
        Finding((), 0, 0, "import.numbering", note, Category.NUMBERING)
        if _NUMBERING_NOTE.search(note)
        else Finding((), 0, 0, IMPORT_NOTE, note, Category.IMPORT)
        for note in notes
    ]


def is_problem(finding: Finding) -> bool:
    """False for a hint of the importer (to check, not to correct): ``nianbao check`` passes
    with hints only."""
    return not finding.is_hint


def check_imported(result: _Imported) -> list[Finding]:
    """An imported report: the importer's notes first, then the findings of the report."""
    return findings_from_notes(result.notes) + check_report(result.report)


def has_placeholders(findings: Sequence[Finding]) -> bool:
    """True when the export would write unfinished text: a placeholder such as ``**`` or
    ``XX``, an empty paragraph, or a heading that is only its number."""
    return placeholder_count(findings) > 0


def placeholder_count(findings: Sequence[Finding]) -> int:
    """How many findings would leave unfinished text in the export (see has_placeholders)."""
    return sum(1 for finding in findings if finding.code in placeholders.BLOCKING_CODES)


def _outside(findings: list[Finding], covering: list[Finding]) -> list[Finding]:
    if not covering:
        return findings
    return [f for f in findings if not any(c.start <= f.start and f.end <= c.end for c in covering)]


def _in_reading_order(findings: list[Finding], fields: list[Target]) -> list[Finding]:
    order = {target.path: index for index, target in enumerate(fields)}
    after_fields = len(order)

    def key(finding: Finding) -> tuple[int, int, int]:
        return (order.get(finding.path, after_fields), finding.start, finding.end)

    return sorted(findings, key=key)
