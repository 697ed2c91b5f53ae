"""Following a finding after the text changed: is it still where the check saw it, has it
moved, or is it gone?

A finding keeps the whole field as the check saw it (``Finding.text``). When the field now
reads differently, the old and the new text are compared (difflib), and the finding's span is
carried through the parts that did not change. The finding counts as moved only when a fresh
check finds the same problem (same code, same text, same field) exactly there. A span that the
user typed over is gone: it is never handed on to the nearest look-alike, because that is how a
click on the first ``**`` of ``纠纷**件，**起`` would select the second one after the first was
filled in.

A paragraph that moved as a whole (one inserted or deleted before it) is found by its text in
another field, unless fewer fields read so than when it was checked: then one of identical
paragraphs was changed, perhaps its own, and the others' findings are not its. A zero-width
finding (a missing end mark) has no characters to mistake, so it follows its field to the
nearest place where the check still reports it.

An Enter that splits the paragraph, or a Backspace that joins it to the one before, moves
its text into another field unchanged: the finding follows it there when the fields now
read exactly as the split or the join makes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from ..fields import FieldPath, get_text, iter_text_fields
from ..model import Report
from .finding import Finding
from .runner import check_report


def current_text(report: Report, path: FieldPath) -> str | None:
    """The field's text now, or None when ``path`` is not (or no longer) a text field."""
    if not path:
        return None
    try:
        return get_text(report, path)
    except (KeyError, IndexError, AttributeError, TypeError):
        return None


def has_place(finding: Finding) -> bool:
    """True when the finding points at characters of a text field (not the date, not an
    importer's note): only those can be selected, and only those need following."""
    return bool(finding.path) and finding.path != ("date",)


def is_current(report: Report, finding: Finding) -> bool:
    """True when the field still reads as the check saw it, so the offsets are right."""
    if not has_place(finding):
        return True
    text = current_text(report, finding.path)
    if text is None:
        return False
    if finding.text is not None:
        return text == finding.text
    # a finding made without the field's text: the seen text and its context must match
    start, end = finding.start, finding.end
    return (
        text[start:end] == finding.seen
        and text[max(0, start - len(finding.before)) : start] == finding.before
        and text[end : end + len(finding.after)] == finding.after
    )


def map_span(old: str, new: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``old[start:end]`` is in ``new``, if that stretch was not changed; else None.

    A zero-width span at the edge of an unchanged stretch maps to the same edge."""
    if old == new:
        return start, end
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
        if tag == "equal" and i1 <= start and end <= i2:
            return j1 + start - i1, j1 + end - i1
    return None


def _same_problem(a: Finding, b: Finding) -> bool:
    return a.code == b.code and a.seen == b.seen and a.message == b.message


def locate(
    report: Report,
    finding: Finding,
    current: Sequence[Finding] | None = None,
    *,
    siblings: Sequence[Finding] = (),
) -> Finding | None:
    """``finding`` as it stands in ``report`` now: itself when its field is unchanged, the
    fresh finding at its new place when it moved, None when it is gone.

    ``current`` is a check of ``report`` as it is now; without it the report is checked here
    (only when the field changed). ``siblings`` are the findings of the check that made
    ``finding``: they tell a paragraph that moved from one of identical paragraphs that was
    changed."""
    if is_current(report, finding):
        return finding
    if current is None:
        current = check_report(report)
    same = [f for f in current if _same_problem(f, finding)]
    text = current_text(report, finding.path)
    if text is not None and not _moved_in(finding, text, siblings):
        if finding.start == finding.end:  # nothing to mistake: the nearest in its field
            here = [f for f in same if f.path == finding.path and f.start == f.end]
            if here:
                return min(here, key=lambda f: abs(f.start - finding.start))
        span = map_span(finding.text or "", text, finding.start, finding.end)
        if span is not None and finding.text is not None:
            for candidate in same:
                if candidate.path == finding.path and (candidate.start, candidate.end) == span:
                    return candidate
    moved = _moved_with_its_field(report, finding, same, siblings)
    return moved if moved is not None else _split_or_joined(report, finding, same, siblings)


def _neighbour(path: FieldPath, step: int) -> FieldPath | None:
    """The paragraph ``step`` places after ``path`` in the same list, if ``path`` is one."""
    if not path or not isinstance(path[-1], int) or path[-1] + step < 0:
        return None
    return (*path[:-1], path[-1] + step)


def _split_or_joined(
    report: Report, finding: Finding, same: list[Finding], siblings: Sequence[Finding]
) -> Finding | None:
    """The finding in the paragraph its text went to by an Enter split (the field now reads
    the old text's start, the next one its rest) or a Backspace join (the previous field now
    reads its own old text, then this one's). Followed only there, and only when a fresh
    check finds the same problem exactly at the carried-over offsets."""
    old = finding.text
    path = finding.path
    if not old:
        return None
    here = current_text(report, path)
    after = _neighbour(path, 1)
    rest = current_text(report, after) if after is not None else None
    if here is not None and rest is not None and here and rest and here + rest == old:
        cut = len(here)  # split: old[:cut] stayed, old[cut:] is the next paragraph
        if finding.start >= cut:
            return _found_at(same, after, finding.start - cut, finding.end - cut)
        if finding.end <= cut and finding.start < finding.end:
            return _found_at(same, path, finding.start, finding.end)
        return None
    before = _neighbour(path, -1)
    joined = current_text(report, before) if before is not None else None
    if before is None or joined is None or len(joined) <= len(old) or not joined.endswith(old):
        return None
    head = len(joined) - len(old)
    # what the previous paragraph read at the check, when the check saw it: it must be all
    # that stands before the joined text (else this is another paragraph ending alike)
    seen_before = {f.text for f in siblings if f.path == before and f.text is not None}
    if seen_before and seen_before != {joined[:head]}:
        return None
    return _found_at(same, before, head + finding.start, head + finding.end)


def _found_at(same: list[Finding], path: FieldPath | None, start: int, end: int) -> Finding | None:
    return next((f for f in same if f.path == path and (f.start, f.end) == (start, end)), None)


def _moved_in(finding: Finding, text: str, siblings: Sequence[Finding]) -> bool:
    """The field now reads exactly as another field did at the check: that paragraph moved
    here (one before it was deleted), and what its text shares with the old one is chance."""
    return any(f.path != finding.path and f.text == text for f in siblings)


def _twin(a: Finding, b: Finding) -> bool:
    """The same problem at the same offsets of a field reading the same."""
    return _same_problem(a, b) and a.text == b.text and (a.start, a.end) == (b.start, b.end)


def _moved_with_its_field(
    report: Report, finding: Finding, same: list[Finding], siblings: Sequence[Finding]
) -> Finding | None:
    """The finding in another field whose text is exactly the old field's (a paragraph that
    moved because one before it was added or removed); the nearest such field if several.
    None when fewer fields read so than at the check (``siblings``): a paragraph that read
    the same was changed, which may be this one, and the rest are other findings."""
    if not finding.text:
        return None
    moved = [f for f in same if f.path != finding.path and _twin(f, finding)]
    if len(moved) < sum(1 for f in siblings if _twin(f, finding)):
        return None
    if len(moved) <= 1:
        return moved[0] if moved else None
    order = {field.path: i for i, field in enumerate(iter_text_fields(report))}
    old = order.get(finding.path, 0)
    return min(moved, key=lambda f: abs(order.get(f.path, 0) - old))
