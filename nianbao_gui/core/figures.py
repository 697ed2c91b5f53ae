"""数据: every figure slot left in a report (``**``, a ``*`` standing for a number, ``XX``,
``××``, ``〇〇``), with its place and the words around it, and filling them in.

The slots are what 体检's placeholder check finds (checks/placeholders.py), limited to the
kinds that stand for a figure or a name to be looked up: the seed alone has 38 ``**``.
A value is put in only into its own paragraph (by identity, see identity.py), where the words
before and after the slot still read as they did when the slot was listed, so a value never
lands in the wrong sentence. Filling from a table: figures_match.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .checks import placeholders
from .checks.targets import targets
from .fields import FieldPath, get_text, iter_text_fields, one_line
from .identity import field_key, field_keys
from .model import Report, Table
from .tables import covered

CONTEXT = 12
"""Characters of context each side: enough to say what the figure counts."""

FIGURE_CODES = {
    "placeholder.stars": "数字或文字",
    "placeholder.star": "数字",
    "placeholder.x": "名称或数字",
    "placeholder.circle": "名称或数字",
}
"""The placeholder kinds that are figure slots, and what each usually stands for."""

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def cell_text(text: str) -> str:
    """``text`` as a spreadsheet cell can hold it: without the control characters and lone
    surrogates an imported report may keep (pasted from other programs), which .xlsx cannot
    store (the .docx export drops them too). Contexts are compared in this form, so such a
    row still finds its slot."""
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
    key: str = ""  # the field's identity (identity.field_key): which paragraph, wherever
    cell: str = ""  # a table cell's row and column names (产值 · 2025年), for the 站所

    @property
    def place(self) -> str:
        """``一、加强学习 · 第2段：第15字``."""
        return f"{self.label}：第{self.start + 1}字"


def find_slots(report: Report) -> list[Slot]:
    """Every figure slot in reading order."""
    labels = {field.path: field.label for field in iter_text_fields(report)}
    keys = field_keys(report)
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
                    key=field_key(report, target.path, keys),
                    cell=_cell_names(report, target.group, target.path),
                )
            )
    return slots


def _cell_names(report: Report, table_path: FieldPath, path: FieldPath) -> str:
    """``产值 · 2025年``: the row's first cell and the column's lowest header text (climbing
    a merged header: 增幅 over two rows), when ``path`` is a cell of the table there."""
    if len(path) != len(table_path) + 3 or path[len(table_path)] != "rows":
        return ""
    table: Any = report
    for key in table_path:
        table = table[key] if isinstance(key, int) else getattr(table, key)
    r, c = path[-2], path[-1]
    if not isinstance(table, Table) or not isinstance(r, int) or not isinstance(c, int):
        return ""
    anchors = covered(table)
    header = ""
    for h in reversed(range(min(table.header_rows, len(table.rows)))):
        top, left = anchors.get((h, c), (h, c))
        header = table.rows[top][left].strip()
        if header:
            break
    names = [table.rows[r][0].strip() if c else "", header if r >= table.header_rows else ""]
    return " · ".join(name for name in names if name)


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
    if slot.key and field_key(report, slot.path) != slot.key:  # another paragraph is there now
        return False
    return (
        text[slot.start : slot.end] == slot.placeholder
        and text[max(0, slot.start - CONTEXT) : slot.start] == slot.before
        and text[slot.end : slot.end + CONTEXT] == slot.after
    )


_UNIT_CHARS = 4  # 亿元, 万人次, %: a unit after a figure is short


def _unit_once(value: str, after: str) -> str:
    """``value`` without the unit it ends in when the text after the slot starts with it:
    a figure typed as read (12.1%, 36次) before the sentence's own % or 次."""
    for size in range(min(_UNIT_CHARS, len(value) - 1), 0, -1):
        unit, figure = value[-size:], value[:-size]
        if after.startswith(unit) and figure[-1].isdigit() and not any(map(str.isdigit, unit)):
            return figure
    return value


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
            value = _unit_once(one_line(value), text[slot.end :])  # (a cell's breaks)
            text = text[: slot.start] + value + text[slot.end :]
        changes.append((path, text))
    return changes
