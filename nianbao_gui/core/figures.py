"""数据: every figure slot left in a report (``**``, a ``*`` standing for a number, ``XX``,
``××``, ``〇〇``), with its place and the words around it, and filling them in.

The slots are what 体检's placeholder check finds (checks/placeholders.py), limited to the
kinds that stand for a figure or a name to be looked up: the seed alone has 38 ``**``.
A value is put in only where the words before and after the slot still read as they did
when the slot was listed, so a value never lands in the wrong sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .checks import placeholders
from .checks.targets import targets
from .fields import FieldPath, get_text, iter_text_fields, one_line
from .model import Report

CONTEXT = 12
"""Characters of context each side: enough to say what the figure counts."""

FIGURE_CODES = {
    "placeholder.stars": "数字或文字",
    "placeholder.star": "数字",
    "placeholder.x": "名称或数字",
    "placeholder.circle": "名称或数字",
}
"""The placeholder kinds that are figure slots, and what each usually stands for."""

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def cell_text(text: str) -> str:
    """``text`` as a spreadsheet cell can hold it: without the control characters an
    imported report may keep (pasted from other programs), which .xlsx cannot store.
    Contexts are compared in this form, so such a row still finds its slot."""
    return _CONTROL.sub("", text)


@dataclass(frozen=True)
class Slot:
    path: FieldPath
    label: str  # the field as the user reads it: ``一、…… · 第2段``
    start: int
    end: int
    before: str
    placeholder: str
    after: str
    hint: str  # 数字 / 名称或数字
    text: str = field(default="", repr=False)  # the whole field when the slot was listed

    @property
    def place(self) -> str:
        """``一、加强学习 · 第2段：第15字``."""
        return f"{self.label}：第{self.start + 1}字"


def find_slots(report: Report) -> list[Slot]:
    """Every figure slot in reading order."""
    labels = {field.path: field.label for field in iter_text_fields(report)}
    slots: list[Slot] = []
    for target in targets(report):
        text = target.text
        if not text:
            continue
        for finding in placeholders.check(target):
            hint = FIGURE_CODES.get(finding.code)
            if hint is None:
                continue
            start, end = finding.start, finding.end
            slots.append(
                Slot(
                    path=target.path,
                    label=labels.get(target.path, ""),
                    start=start,
                    end=end,
                    before=text[max(0, start - CONTEXT) : start],
                    placeholder=text[start:end],
                    after=text[end : end + CONTEXT],
                    hint=hint,
                    text=text,
                )
            )
    return slots


def _field_text(report: Report, slot: Slot) -> str | None:
    try:
        return get_text(report, slot.path)
    except (KeyError, IndexError, AttributeError, TypeError):
        return None


def moved_in(report: Report, slot: Slot, siblings: Sequence[Slot]) -> bool:
    """The slot's field now reads exactly as another field did when ``siblings`` (the slots
    listed with it) were listed: that paragraph moved into this place (one before it was
    deleted), and the words it shares around the slot are chance, not this slot."""
    text = _field_text(report, slot)
    return (
        text is not None
        and text != slot.text
        and any(other.path != slot.path and other.text == text for other in siblings)
    )


def still_there(report: Report, slot: Slot, siblings: Sequence[Slot] = ()) -> bool:
    """True when the slot and the words around it read as they did when it was listed, in
    its own paragraph (not one that moved into its place: see moved_in)."""
    text = _field_text(report, slot)
    if text is None or moved_in(report, slot, siblings):
        return False
    return (
        text[slot.start : slot.end] == slot.placeholder
        and text[max(0, slot.start - CONTEXT) : slot.start] == slot.before
        and text[slot.end : slot.end + CONTEXT] == slot.after
    )


def filled_texts(report: Report, values: Iterable[tuple[Slot, str]]) -> list[tuple[FieldPath, str]]:
    """The new text of each field once ``values`` are put into their slots.

    Slots of one field are filled from the last to the first, so earlier offsets stay
    valid. The caller applies the result (one undo step in the window; set_text on the
    command line) and has checked each slot with still_there.
    """
    by_path: dict[FieldPath, list[tuple[Slot, str]]] = {}
    for slot, value in values:
        by_path.setdefault(slot.path, []).append((slot, value))
    changes = []
    for path, group in by_path.items():
        text = get_text(report, path)
        for slot, value in sorted(group, key=lambda pair: pair[0].start, reverse=True):
            text = text[: slot.start] + one_line(value) + text[slot.end :]  # a cell's breaks
        changes.append((path, text))
    return changes


@dataclass(frozen=True)
class Row:
    """One row of the spreadsheet (its number as Excel shows it, from 2)."""

    number: int
    place: str
    before: str
    placeholder: str
    after: str
    value: str


@dataclass
class Matched:
    filled: list[tuple[Slot, str]]
    refused: list[tuple[Row, str]]  # the row and why, in Chinese


def _label(place: str) -> str:
    return place.rsplit("：第", 1)[0]


def match_rows(report: Report, rows: Sequence[Row]) -> Matched:
    """Each filled row matched to a slot of the same field with the same words around it.

    The position (第N字) is not compared, so an edit earlier in the paragraph does not
    refuse a row; the words around the slot are. A row is refused when no slot of the draft
    has its field and context any more (the paragraph or the row was edited): it would
    otherwise fill the wrong sentence. Two slots alike in all are matched in order.
    """
    free: dict[tuple[str, ...], list[Slot]] = {}
    for slot in find_slots(report):
        key = (slot.label, slot.before, slot.placeholder, slot.after)
        free.setdefault(tuple(map(cell_text, key)), []).append(slot)
    result = Matched([], [])
    unmatched: list[tuple[Row, str]] = []
    for row in rows:
        value = row.value.strip()
        if not value:
            continue
        if "\n" in value or "\r" in value:  # Alt+Enter in a cell: a paragraph split in two
            result.refused.append(
                (row, f"第{row.number}行：“填写”里有换行，这一行未填入；请把它写成一行")
            )
            continue
        key = (_label(row.place), row.before, row.placeholder, row.after)
        alike = free.get(tuple(map(cell_text, key)))
        if alike:
            result.filled.append((alike.pop(0), value))
        else:
            unmatched.append((row, value))
    for row, value in unmatched:  # after every exact match: those slots are taken
        found = _neighbour_filled(report, free, row)
        if found is not None:
            result.filled.append((found, value))
            continue
        shown = f"{row.before}{row.placeholder}{row.after}"
        if not row.place.strip() or not shown.strip():  # a row typed in, not exported
            reason = (
                f"第{row.number}行：“位置”或“前文、占位、后文”是空的，不知道填到哪里，"
                "这一行未填入；请只在导出的行里填写"
            )
        else:
            reason = f"第{row.number}行：草稿中“{row.place}”处的文字已不是“{shown}”，这一行未填入"
        result.refused.append((row, reason))
    return result


_RUN = re.compile("[*＊XxＸｘ×〇]+")
_VALUE = "[^、，。；：！？（）\n]{1,40}"
"""What a neighbouring slot may have been filled with meanwhile: a figure or a name, no
punctuation that separates one item from the next."""


def _loose(context: str) -> str:
    return _VALUE.join(re.escape(part) for part in _RUN.split(cell_text(context)))


def _neighbour_filled(
    report: Report, free: dict[tuple[str, ...], list[Slot]], row: Row
) -> Slot | None:
    """The one free slot a row still belongs to when only a neighbouring slot inside its
    context was filled since the table was exported (typed in the panel: ``、**、**`` has
    become ``、800、**``); None when there is none, or more than one could be meant."""
    if not _RUN.search(row.before + row.after):
        return None
    before = re.compile(_loose(row.before) + "\\Z")
    after = re.compile(_loose(row.after))
    label = cell_text(_label(row.place))
    found = []
    for (slot_label, _before, placeholder, _after), slots in free.items():
        if slot_label != label or placeholder != cell_text(row.placeholder):
            continue
        for slot in slots:
            text = cell_text(get_text(report, slot.path)[: slot.start])
            rest = cell_text(get_text(report, slot.path)[slot.end :])
            if before.search(text) and after.match(rest):
                found.append((slots, slot))
    if len(found) != 1:
        return None
    slots, slot = found[0]
    slots.remove(slot)
    return slot
