"""数据 table → draft: each filled row to its own slot, or listed with the true reason.

A row of a table this program exported carries its slot's identity (``Row.key``: the
paragraph's id and the slot's offset) and the paragraph's text when it was exported. The row
fills only a slot of that paragraph, wherever the paragraph has moved: the offset is carried
over the edits made since (a figure typed in the panel before it, words changed after it),
and the words around the slot must still read as they did. A row of a table from an older
build (no identity) fills only a slot whose words are found nowhere else in the draft.

Values are checked first: Excel's errors, TRUE/FALSE, times, line breaks and long texts are
no figures (figures_values.py); a date is listed, not filled, where a count is meant.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .fields import FieldPath, get_text
from .figures import Slot, cell_text, find_slots
from .identity import JOINED, field_keys, path_of_key
from .model import Report

_RUN = re.compile("[*＊XxＸｘ×〇]+")
_VALUE = "[^、，。；：！？（）\n*＊XxＸｘ×〇]{1,40}"
"""What a neighbouring slot may have been filled with meanwhile: a figure or a name, no
punctuation that separates one item from the next."""

_DIFF_CHARS, _BUDGET = 4000, 200_000
"""Paragraphs up to this length are compared character by character (difflib) to carry an
offset over several edits, up to the budget of characters in all; beyond, by their common
start and end only (fast)."""

UNITS = (*"件人个次户项家名场篇条元亩%％岁天年月日", "万元", "亿元", "公里", "平方米")
"""Words that follow a count: a date before them is no figure (issue 17: 结案2025年3月5日件)."""


@dataclass(frozen=True)
class Row:
    """One row of the spreadsheet (its number as Excel shows it, from 2)."""

    number: int
    place: str
    before: str
    placeholder: str
    after: str
    value: str
    key: str = ""  # draft id | field key | offset: the slot's identity (empty: older table)
    text: str = ""  # the paragraph when the table was exported ("" when not stored)
    problem: str = ""  # why the value is no figure (an Excel error, TRUE, a time …)
    kind: str = "text"  # text, number, percent, date: how to read it against the words


@dataclass
class Matched:
    filled: list[tuple[Slot, str]]
    refused: list[tuple[Row, str]]  # the row and why, in Chinese


def parse_key(key: str) -> tuple[str, str, int] | None:
    """``draft|field|offset`` → its parts; None when it is not one of ours."""
    parts = key.rsplit("|", 1)
    if len(parts) != 2 or not parts[1].isdigit() or "|" not in parts[0]:
        return None
    draft, field_key = parts[0].split("|", 1)
    return draft, field_key, int(parts[1])


def slot_key(draft_id: str, field_key: str, start: int) -> str:
    return f"{draft_id}|{field_key}|{start}"


def _label(place: str) -> str:
    return place.rsplit("：第", 1)[0]


def _shown(row: Row) -> str:
    return f"{row.before}{row.placeholder}{row.after}"


def _loose(context: str) -> str:
    """A context whose neighbouring slots may have been filled since: each run of
    placeholder characters reads as itself or as a value."""
    parts = _RUN.split(cell_text(context))
    runs = _RUN.findall(cell_text(context))
    pattern = re.escape(parts[0])
    for run, part in zip(runs, parts[1:], strict=True):
        pattern += f"(?:{re.escape(run)}|{_VALUE})" + re.escape(part)
    return pattern


def _reads_as(slot: Slot, text: str, row: Row) -> bool:
    """The words around ``slot`` in ``text`` read as the row's (neighbours may be filled)."""
    if slot.placeholder != row.placeholder and cell_text(slot.placeholder) != cell_text(
        row.placeholder
    ):
        return False
    exact = (cell_text(slot.before), cell_text(slot.after)) == (
        cell_text(row.before),
        cell_text(row.after),
    )
    if exact:
        return True
    if not _RUN.search(row.before + row.after):
        return False
    before = re.compile(_loose(row.before) + r"\Z")
    after = re.compile(_loose(row.after))
    return bool(
        before.search(cell_text(text[: slot.start])) and after.match(cell_text(text[slot.end :]))
    )




_Opcodes = list[tuple[str, int, int, int, int]]


def _opcodes(old: str, new: str) -> _Opcodes:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [(str(op[0]), op[1], op[2], op[3], op[4]) for op in matcher.get_opcodes()]


def _carried(old: str, new: str, start: int, end: int, opcodes: _Opcodes | None) -> int | None:
    """Where ``old[start:end]`` is in ``new`` when the edits between them left it alone;
    None when it was edited (or, without ``opcodes``, lies between two edits, or the common
    start and the common end of the two texts tell different places)."""
    if opcodes is not None:
        for tag, i1, i2, j1, _j2 in opcodes:
            if tag == "equal" and i1 <= start and end <= i2:
                return j1 + start - i1
        return None
    from_start = _anchored(old, new, start, end, prefix_first=True)
    from_end = _anchored(old, new, start, end, prefix_first=False)
    return from_start if from_start == from_end else None


def _common(a: str, b: str, limit: int) -> int:
    n = 0
    while n < limit and a[n] == b[n]:
        n += 1
    return n


def _anchored(old: str, new: str, start: int, end: int, *, prefix_first: bool) -> int | None:
    """By the common start and end of the texts, the one counted first taking the overlap."""
    limit = min(len(old), len(new))
    if prefix_first:
        prefix = _common(old, new, limit)
        suffix = _common(old[::-1], new[::-1], limit - prefix)
    else:
        suffix = _common(old[::-1], new[::-1], limit)
        prefix = _common(old, new, limit - suffix)
    if end <= prefix:
        return start
    if start >= len(old) - suffix:
        return start + len(new) - len(old)
    return None


def _row_agrees_with_its_key(row: Row, start: int) -> bool:
    """The visible columns are the slot the hidden ones name (a sort of some columns only,
    or an edited 前文, would otherwise send a value to another slot)."""
    if not row.text:
        return True
    end = start + len(row.placeholder)
    return (
        cell_text(row.text[max(0, start - 12) : start]) == cell_text(row.before)
        and cell_text(row.text[start:end]) == cell_text(row.placeholder)
        and cell_text(row.text[end : end + 12]) == cell_text(row.after)
    )


class _Draft:
    """The draft's slots by field, and its fields by identity."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.slots = find_slots(report)
        keys = self.keys = field_keys(report)
        self.path_of = {key: path for path, key in keys.items()}
        self.joined: dict[str, FieldPath] = {}  # each id in a joined paragraph's (a+b)
        for key, path in self.path_of.items():
            if key.startswith("p:") and JOINED in key:
                for part in key[2:].split(JOINED):
                    self.joined[f"p:{part}"] = path
        self.by_path: dict[FieldPath, list[Slot]] = {}
        for slot in self.slots:
            self.by_path.setdefault(slot.path, []).append(slot)

        self._opcodes: dict[tuple[str, str], tuple[_Opcodes, _Opcodes] | None] = {}
        self._diffed = 0

    def carried(self, old: str, new: str, start: int, end: int) -> int | None:
        """_carried, comparing each pair of texts once and character by character while a
        budget lasts (a table of many long paragraphs must not take minutes); then by their
        common start and end only. Compared from the start and from the end: where the two
        disagree (``新建**、`` typed before ``新建**、新建**``), the place is not guessed."""
        pair = (old, new)
        if pair not in self._opcodes:
            found: tuple[_Opcodes, _Opcodes] | None = None
            if len(old) <= _DIFF_CHARS and len(new) <= _DIFF_CHARS and self._diffed < _BUDGET:
                self._diffed += 2 * (len(old) + len(new))
                found = (_opcodes(old, new), _opcodes(old[::-1], new[::-1]))
            self._opcodes[pair] = found
        both = self._opcodes[pair]
        if both is None:
            return _carried(old, new, start, end, None)
        forward = _carried(old, new, start, end, both[0])
        backward = _carried(old[::-1], new[::-1], len(old) - end, len(old) - start, both[1])
        if forward is None or backward is None:
            return None
        return forward if forward == len(new) - backward - (end - start) else None

    def key_at(self, path: FieldPath) -> str:
        return self.keys.get(path, "")

    def path(self, field_key: str) -> tuple[FieldPath | None, bool]:
        """Where the field is now, and whether it was joined with another since."""
        if field_key.startswith("f:"):
            return path_of_key(self.report, field_key), False
        if field_key in self.path_of:
            return self.path_of[field_key], False
        return self.joined.get(field_key), True


def _by_identity(draft: _Draft, row: Row, field_key: str, start: int) -> Slot | str:
    """The row's own slot, or why it has none.

    In its paragraph as exported, the slot's place is carried over the edits made since; the
    words around it must still read as they did. Without the paragraph as exported (it held
    characters a cell cannot), the slot is the one place in the paragraph whose words read as
    the row's: two such are not guessed, and two rows that find one slot are a conflict
    (match_rows). In a paragraph joined with another since (Backspace), whose text may now
    hold a copy of its own, no place is guessed."""
    where = f"第{row.number}行"
    if not _row_agrees_with_its_key(row, start):
        return (
            f"{where}：“前文、占位、后文”与这一行原来的位置对不上（可能改过这几栏，"
            "或只对部分列排了序），这一行未填入；请只改“填写”一栏"
        )
    path, joined = draft.path(field_key)
    if path is None:
        return f"{where}：“{row.place}”所在的段落已经删除，这一行未填入"
    if joined or JOINED in field_key or JOINED in draft.key_at(path):
        return (
            f"{where}：“{row.place}”所在的段落在导出表格后与另一段合并了，不能确定这一处"
            "在合并后的哪里，这一行未填入；请在“数据”面板中填写"
        )
    text = get_text(draft.report, path)
    slots = draft.by_path.get(path, [])
    candidates = [slot for slot in slots if _reads_as(slot, text, row)]
    here = f"“{row.place}”"
    if row.text:
        end = start + len(row.placeholder)
        at = start if row.text == text else draft.carried(row.text, text, start, end)
        if at is None:
            return f"{where}：{here}这一处在导出表格后已经填写或改写，这一行未填入"
        own = [slot for slot in slots if slot.start == at]
        if own and own[0] in candidates:
            return own[0]
        if not own:
            if text[at:].startswith(row.value.strip()):
                return f"{where}：{here}这一处已经填了“{row.value.strip()}”，这一行未再填入"
            now = text[at : at + 12]
            return f"{where}：{here}这一处已经填写或改写（现在是“{now}……”），这一行未填入"
        mine = own[0]
        return (
            f"{where}：{here}这一处前后的文字已不是“{_shown(row)}”"
            f"（现在是“{mine.before}{mine.placeholder}{mine.after}”），这一行未填入"
        )
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        return f"{where}：{here}这一段中有几处前后文字相同，不能确定是哪一处，这一行未填入"
    return f"{where}：{here}这一段改过了，找不到“{_shown(row)}”这一处，这一行未填入"


def _by_words(draft: _Draft, row: Row) -> Slot | str:
    """A row of a table without identities: only where its words are found once."""
    where = f"第{row.number}行"
    if not row.place.strip() or not _shown(row).strip():  # a row typed in, not exported
        return (
            f"{where}：“位置”或“前文、占位、后文”是空的，不知道填到哪里，"
            "这一行未填入；请只在导出的行里填写"
        )
    words = tuple(map(cell_text, (row.before, row.placeholder, row.after)))
    alike = [
        slot
        for slot in draft.slots
        if tuple(map(cell_text, (slot.before, slot.placeholder, slot.after))) == words
    ]
    mine = [slot for slot in alike if cell_text(slot.label) == cell_text(_label(row.place))]
    if len(alike) > 1:
        return (
            f"{where}：草稿中有 {len(alike)} 处的前后文字都是“{_shown(row)}”，这份表格不带"
            "各处的编号（由旧版本导出），不能确定填哪一处，这一行未填入；请重新导出表格"
        )
    if len(mine) == 1:
        return mine[0]
    return f"{where}：草稿中“{row.place}”处的文字已不是“{_shown(row)}”，这一行未填入"


def _kind_fits(row: Row, slot: Slot) -> str:
    """Why the value's kind does not fit the words after the slot ("" when it does)."""
    after = slot.after.lstrip()
    if row.kind == "date" and after.startswith(UNITS):
        return (
            f"第{row.number}行：“填写”是日期“{row.value}”，而这一处后面是“{after[:4]}”，"
            "应填数字（Excel 可能把数字当成了日期），这一行未填入；请把单元格设为“文本”后重填"
        )
    return ""


def _value_for(row: Row, slot: Slot, value: str) -> str:
    if row.kind == "percent" and slot.after.startswith(("%", "％")):
        return value.rstrip("%")  # 12.5% before “%”: the sentence has its own sign
    return value


def match_rows(report: Report, rows: Sequence[Row]) -> Matched:
    """Each filled row to its own slot (see the module's doc); refused rows with why."""
    draft = _Draft(report)
    result = Matched([], [])
    chosen: dict[tuple[FieldPath, int], list[tuple[Row, Slot, str]]] = {}
    for row in rows:
        value = row.value.strip()
        if not value and not row.problem:
            continue
        if row.problem:
            result.refused.append((row, f"第{row.number}行：{row.problem}，这一行未填入"))
            continue
        parsed = parse_key(row.key) if row.key else None
        if parsed and parsed[0] and report.draft_id and parsed[0] != report.draft_id:
            # rows copied into another workbook keep their draft's id (the 草稿 sheet is lost)
            reason = f"第{row.number}行：这一行是为另一份草稿导出的，这一行未填入"
            result.refused.append((row, reason))
            continue
        found = _by_identity(draft, row, parsed[1], parsed[2]) if parsed else _by_words(draft, row)
        if isinstance(found, str):
            result.refused.append((row, found))
            continue
        reason = _kind_fits(row, found)
        if reason:
            result.refused.append((row, reason))
            continue
        chosen.setdefault((found.path, found.start), []).append(
            (row, found, _value_for(row, found, value))
        )
    for claims in chosen.values():
        values = {value for _, _, value in claims}
        if len(values) == 1:
            result.filled.append((claims[0][1], claims[0][2]))
            continue
        numbers = "和".join(f"第{row.number}行" for row, _, _ in claims)
        shown = "、".join(f"“{value}”" for _, _, value in claims)
        for row, _, _ in claims:
            result.refused.append(
                (row, f"{numbers}给同一处填了不同的数（{shown}），这一处未填入；请只留一行")
            )
    result.refused.sort(key=lambda pair: pair[0].number)
    return result


@dataclass(frozen=True)
class TableInfo:
    """Whose draft a table was exported from (the hidden sheet)."""

    draft_id: str = ""
    author: str = ""
    title: str = ""

    @classmethod
    def of(cls, report: Report) -> TableInfo:
        return cls(report.draft_id, report.author_name.strip(), report.effective_title())

    def name(self) -> str:
        return "的".join(part for part in (self.author, self.title) if part) or "未署名的草稿"


def other_draft(report: Report, info: TableInfo) -> str:
    """Why a table is not this draft's, naming both ("" when it is, or cannot be told)."""
    ours = TableInfo.of(report)
    other_id = bool(info.draft_id and ours.draft_id and info.draft_id != ours.draft_id)
    other_author = bool(info.author and ours.author and info.author != ours.author)
    if not (other_id or other_author):
        return ""
    return (
        f"这份表格是为“{info.name()}”导出的，现在的草稿是“{ours.name()}”，"
        "不是同一份草稿，没有填入。"
    )


MAX_LISTED = 20


def summary(reasons: Sequence[str]) -> str:
    """The first 20 reasons, then how many more (a message box of 100,000 lines freezes)."""
    shown = list(reasons[:MAX_LISTED])
    if len(reasons) > MAX_LISTED:
        shown.append(f"……等 {len(reasons)} 行（以上只列出前 {MAX_LISTED} 行）")
    return "\n".join(shown)
