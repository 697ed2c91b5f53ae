"""A finding of the 体检 (one problem at one place) and applying its fix on request.

Nothing here changes a report by itself: ``check_report`` only reports, and a fix is applied
only when the user asks for it (``apply_fix`` for one, ``apply_fixes`` for several). Before a
fix is applied the text around it is compared with what the check saw, so a finding that is
out of date (the user typed in the field since) never changes the wrong characters.

Offsets are Python string indices (code points). For the Chinese text of these reports they
equal Qt's UTF-16 positions except for characters outside the BMP (rare CJK extensions);
the window converts when it selects text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from ..errors import NianbaoError
from ..fields import FieldPath, get_text, set_text
from ..model import Report
from .charclass import blank_name

CONTEXT = 3
"""Characters on each side of a finding that must be unchanged for its fix to apply."""


class Category(str, Enum):
    """Families of checks, in the order the panel and the command line show them."""

    IMPORT = "导入提示"
    PLACEHOLDER = "占位符与空白"
    SPACES = "空格与不可见字符"
    PUNCTUATION = "标点"
    WORDING = "错别字"
    NUMBERING = "编号"
    CONSISTENCY = "前后一致"
    SAME_AS_LAST = "与去年相同"  # only when compared with last year's draft (same_as_last.py)
    LAYOUT = "版面"  # on the pages (checks/pages.py, only when asked: --layout)

    @property
    def label(self) -> str:
        return self.value


@dataclass(frozen=True)
class Finding:
    """One problem: where (``path``, ``start``–``end`` in that field's text), what (``code``,
    Chinese ``message``), and the certain fix if there is one (``fix`` replaces
    ``text[start:end]``; ``""`` deletes; ``None`` = no automatic fix).

    ``seen``, ``before`` and ``after`` record the text at and around the finding when it was
    made; a fix is applied only while they still match. ``text`` is the whole field as the
    check saw it, so that a finding can be followed when the text changes later
    (follow.locate). Report-level findings (the date) use paths such as ``("date",)``;
    import notes use the empty path ``()``.
    """

    path: FieldPath
    start: int
    end: int
    code: str
    message: str
    category: Category
    fix: str | None = None
    seen: str = ""
    before: str = field(default="", repr=False)
    after: str = field(default="", repr=False)
    text: str | None = field(default=None, repr=False, compare=False)
    fix_text: str = ""
    """How the fix reads when the plain ``改为“…”`` would not say it (an emptied title)."""

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    @property
    def is_hint(self) -> bool:
        """A note to read, not a problem of the text: an importer's note (a guessed year…)
        or the font search's (this computer lacks an official font; the .docx still names
        it). ``nianbao check`` passes with hints only."""
        return self.code in HINT_CODES

    def fix_label(self) -> str:
        """How the fix reads in a button or a line of output: ``改为“，”`` / ``删除``."""
        if self.fix is None:
            return ""
        if self.fix_text:
            return self.fix_text
        if self.fix == "":
            return "删除" + (f"“{_visible(self.seen)}”" if self.seen else "")
        if self.start == self.end:
            return f"补上“{self.fix}”"
        return f"改为“{self.fix}”"


IMPORT_NOTE = "import.note"
"""An importer's note to check (a guessed year…), not a problem of the text."""
FONT_STAND_IN = "layout.font_stand_in"
"""A font the search could not find here, and what the pages use instead (【版面】)."""
HINT_CODES = frozenset({IMPORT_NOTE, FONT_STAND_IN})


def make_finding(
    text: str,
    path: FieldPath,
    start: int,
    end: int,
    code: str,
    message: str,
    category: Category,
    fix: str | None = None,
) -> Finding:
    """A finding in ``text`` with its context recorded (every check builds findings so)."""
    return Finding(
        path=path,
        start=start,
        end=end,
        code=code,
        message=message,
        category=category,
        fix=fix,
        seen=text[start:end],
        before=text[max(0, start - CONTEXT) : start],
        after=text[end : end + CONTEXT],
        text=text,
    )


def _visible(text: str) -> str:
    """Blanks and invisible characters named, so ``删除“”`` never shows an empty quote."""
    if text and (not text.strip() or any(not char.isprintable() for char in text)):
        return blank_name(text)
    return text


class FixError(NianbaoError):
    """A fix cannot be applied: it has none, or the text changed since the check."""


def _field_text(report: Report, finding: Finding) -> str:
    try:
        return get_text(report, finding.path)
    except (KeyError, IndexError, AttributeError, TypeError) as error:
        raise FixError("这一处已不存在（段落或标题可能已删除）。", "请重新体检。") from error


def _still_there(text: str, finding: Finding) -> bool:
    start, end = finding.start, finding.end
    return (
        0 <= start <= end <= len(text)
        and text[start:end] == finding.seen
        # whole context windows: a fix at the end of a field (run-in heading's 。) must not
        # apply once text was added after it
        and text[max(0, start - CONTEXT) : start] == finding.before
        and text[end : end + CONTEXT] == finding.after
    )


def can_apply(report: Report, finding: Finding) -> bool:
    """True when the finding has a fix and the text still reads as the check saw it."""
    if finding.fix is None:
        return False
    try:
        return _still_there(_field_text(report, finding), finding)
    except FixError:
        return False


def apply_fix(report: Report, finding: Finding) -> None:
    """Apply one finding's fix to ``report`` in place.

    Raises FixError (with a Chinese message) when the finding has no certain fix or when the
    text at and around it is no longer what the check saw; the report is then unchanged.
    """
    if finding.fix is None:
        raise FixError("这一处没有可自动修改的方案。", "请手工修改。")
    text = _field_text(report, finding)
    if not _still_there(text, finding):
        raise FixError("这段文字在体检后已改动，无法自动修改这一处。", "请重新体检后再修改。")
    set_text(report, finding.path, text[: finding.start] + finding.fix + text[finding.end :])


@dataclass
class FixOutcome:
    """What ``apply_fixes`` did: the findings applied, and the ones skipped with the reason."""

    applied: list[Finding] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)


def apply_fixes(report: Report, findings: Iterable[Finding]) -> FixOutcome:
    """Apply the certain fixes of several findings, field by field, from the end backwards.

    All findings of a field are verified against the field's current text first, then applied
    from the last to the first so earlier offsets stay valid. Findings without a fix, out of
    date, or overlapping one already taken are skipped (listed in the outcome).
    """
    outcome = FixOutcome()
    by_path: dict[FieldPath, list[Finding]] = {}
    for finding in findings:
        if finding.fix is None:
            outcome.skipped.append((finding, "没有可自动修改的方案"))
        else:
            by_path.setdefault(finding.path, []).append(finding)
    for path, group in by_path.items():
        try:
            text = _field_text(report, group[0])
        except FixError:
            outcome.skipped.extend((finding, "这一处已不存在") for finding in group)
            continue
        taken: list[Finding] = []
        for finding in sorted(group, key=lambda f: (f.start, f.end)):
            if not _still_there(text, finding):
                outcome.skipped.append((finding, "文字在体检后已改动"))
            elif taken and _overlaps(taken[-1], finding):
                outcome.skipped.append((finding, "与另一处修改重叠"))
            else:
                taken.append(finding)
        for finding in reversed(taken):
            assert finding.fix is not None
            text = text[: finding.start] + finding.fix + text[finding.end :]
        if taken:
            set_text(report, path, text)
            outcome.applied.extend(taken)
    return outcome


def _overlaps(first: Finding, second: Finding) -> bool:
    """``second`` starts at or after ``first``; insertions at a boundary do not overlap, but
    two findings at the very same place do."""
    if (first.start, first.end) == (second.start, second.end):
        return True
    return second.start < first.end
