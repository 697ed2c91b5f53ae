"""Addressing the text fields of a report: a path for each, a Chinese label, get and set.

A path is a tuple such as ``("sections", 3, "children", 0, "paragraphs", 1)``. Checks use
paths to say where a finding is; the window uses them to open the right tab and select the
text; one-click fixes use ``set_text``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .model import Report, Section, Table, field_title
from .numbering import heading_number
from .tables import all_tables, body, cell_label, covered

FieldPath = tuple[str | int, ...]

_CLOSING_LABELS = {
    "other_work": "其他工作",
    "shortcomings_heading": "不足·标题",
    "shortcomings_intro": "不足·引语",
    "shortcomings": "不足",
    "plans_heading": "今后打算·标题",
    "plans": "今后打算",
}


@dataclass(frozen=True)
class TextField:
    path: FieldPath
    label: str
    text: str


TABLE_PARTS = (("caption", "表题"), ("unit", "单位"), ("note", "注"))


def table_fields(table: Table, path: FieldPath, number: int, name: str) -> Iterator[TextField]:
    """A table's text fields in reading order: caption, unit, the cells row by row (not
    those a merge covers), note. ``path`` is the table's (``(…, "tables", 0)``)."""
    head = f"{name} · 表{number}".lstrip(" ·")
    for key, label in TABLE_PARTS[:2]:
        yield TextField((*path, key), f"{head} {label}", getattr(table, key))
    hidden = covered(table)
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            if (r, c) not in hidden:
                label = f"{name} · {cell_label(number, r, c)}".lstrip(" ·")
                yield TextField((*path, "rows", r, c), label, text)
    key, label = TABLE_PARTS[2]
    yield TextField((*path, key), f"{head} {label}", table.note)


def table_numbers(report: Report) -> dict[FieldPath, int]:
    """Each table's path → its number (表1, 表2 … in reading order)."""
    return {place.path: place.number for place in all_tables(report)}


def _section_fields(
    section: Section,
    path: FieldPath,
    level: int,
    index: int,
    trail: str,
    numbers: dict[FieldPath, int],
) -> Iterator[TextField]:
    name = f"{trail} › {heading_number(level, index)}{section.heading}".lstrip(" ›")
    yield TextField((*path, "heading"), f"{name} · 标题", section.heading)
    for kind, i in body(section):
        if kind == "paragraph":
            text = section.paragraphs[i]
            yield TextField((*path, "paragraphs", i), f"{name} · 第{i + 1}段", text)
        else:
            where = (*path, "tables", i)
            yield from table_fields(section.tables[i], where, numbers.get(where, 0), name)
    for i, child in enumerate(section.children):
        yield from _section_fields(child, (*path, "children", i), level + 1, i + 1, name, numbers)


def iter_text_fields(report: Report) -> Iterator[TextField]:
    """Every free-text field in reading order (empty ones included)."""
    for key in ("title", "author_name", "position", "organisation"):
        yield TextField((key,), field_title(Report, key), getattr(report, key))
    for i, text in enumerate(report.opening):
        yield TextField(("opening", i), f"开篇 · 第{i + 1}段", text)
    numbers = table_numbers(report)
    for i, section in enumerate(report.sections):
        yield from _section_fields(section, ("sections", i), 1, i + 1, "", numbers)
    closing = report.closing
    for key, label in _CLOSING_LABELS.items():
        value = getattr(closing, key)
        if isinstance(value, list):
            for i, text in enumerate(value):
                yield TextField(("closing", key, i), f"结尾 · {label} · 第{i + 1}条", text)
        else:
            yield TextField(("closing", key), f"结尾 · {label}", value)
    yield TextField(("signature",), field_title(Report, "signature"), report.signature)


def one_line(text: str) -> str:
    """``text`` without its line breaks: Chinese lines join directly, Latin words keep a space.

    Text copied from a document or a spreadsheet cell often carries them; in a heading, a
    name or a value put into a paragraph they would be stored in the draft and break the
    exported line (a paragraph's own breaks are paragraphs of their own)."""
    lines = text.splitlines()  # every kind of break: \r\n, \n, \r, \u2028, \u2029 …
    if len(lines) <= 1:
        return lines[0] if lines else ""
    joined = lines[0].rstrip()
    for line in lines[1:]:
        line = line.lstrip()
        if joined and line and joined[-1].isascii() and joined[-1].isalnum():
            joined += " " if line[0].isascii() and line[0].isalnum() else ""
        joined += line.rstrip() if line is not lines[-1] else line
    return joined


def _parent(root: Any, path: FieldPath) -> tuple[Any, str | int]:
    node = root
    for step in path[:-1]:
        node = node[step] if isinstance(step, int) else getattr(node, step)
    return node, path[-1]


def read_path(root: Any, path: FieldPath) -> Any:
    """The value at ``path`` below ``root`` (a report, its settings, any nested model)."""
    parent, last = _parent(root, path)
    return parent[last] if isinstance(last, int) else getattr(parent, last)


def write_path(root: Any, path: FieldPath, value: Any) -> None:
    """Set the value at ``path`` in place; validate_assignment makes pydantic check it."""
    parent, last = _parent(root, path)
    if isinstance(last, int):
        parent[last] = value
    else:
        setattr(parent, last, value)


def get_text(report: Report, path: FieldPath) -> str:
    value = read_path(report, path)
    if not isinstance(value, str):
        raise KeyError(f"{path} 不是文字字段")
    return value


def set_text(report: Report, path: FieldPath, text: str) -> None:
    """Set one text field in place (validated like any assignment)."""
    write_path(report, path, text)


def label_of(report: Report, path: FieldPath) -> str:
    for field in iter_text_fields(report):
        if field.path == path:
            return field.label
    return "/".join(str(step) for step in path)


def quote(text: str, limit: int = 20) -> str:
    """The start of a text in quotation marks, for a question about it (“……”)."""
    text = " ".join(text.split())
    return f"“{text[:limit]}……”" if len(text) > limit else f"“{text}”"
