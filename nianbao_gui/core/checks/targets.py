"""The text fields a check looks at, each with what kind of text it is.

Checks differ by kind: a body paragraph must end with a closing mark, a standalone heading
must not, a run-in heading (``政法工作。``) must end with ``。``, a shortcoming item gets its
ordinal and end mark from the layout. ``group`` ties together the paragraphs one
enumeration (一是……二是……) may run across.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from ..fields import FieldPath, table_fields
from ..model import Report, Section
from ..tables import body


class Kind(str, Enum):
    TITLE = "title"
    SHORT = "short"  # name, position, organisation, signature
    BODY = "body"  # a paragraph of body text
    HEADING = "heading"  # a heading on a line of its own
    RUN_IN = "run_in"  # a heading sharing its paragraph with the text after it
    CLOSING_HEADING = "closing_heading"  # 存在的不足 / 今后打算 (empty = no heading)
    INTRO = "intro"  # the words before 一是…… of the shortcomings
    ITEM = "item"  # one shortcoming, without ordinal or end mark
    CELL = "cell"  # a table's cell, caption, unit line or note: no closing mark expected


@dataclass(frozen=True)
class Target:
    path: FieldPath
    text: str
    kind: Kind
    group: FieldPath = ()
    plans: bool = False  # next year's plans: the closing's, or a section that holds them
    context: str = ""  # a cell's row label and column header (``粮食产量\x022025年``)


def _section_targets(section: Section, path: FieldPath, plans: bool = False) -> Iterator[Target]:
    kind = Kind.RUN_IN if section.run_in else Kind.HEADING
    plans = plans or section.holds_plans
    yield Target((*path, "heading"), section.heading, kind, plans=plans)
    group = (*path, "paragraphs")
    for item, i in body(section):
        if item == "paragraph":
            yield Target((*group, i), section.paragraphs[i], Kind.BODY, group, plans)
            continue
        where = (*path, "tables", i)
        table = section.tables[i]
        header = table.rows[max(table.header_rows - 1, 0)]
        for field in table_fields(table, where, 0, ""):
            context = ""
            if len(field.path) > len(where) + 1 and field.path[len(where)] == "rows":
                r, c = field.path[-2], field.path[-1]
                assert isinstance(r, int) and isinstance(c, int)
                context = f"{table.rows[r][0]}\x02{header[c]}"
            yield Target(field.path, field.text, Kind.CELL, where, plans, context)
    for i, child in enumerate(section.children):
        yield from _section_targets(child, (*path, "children", i), plans)


def targets(report: Report) -> list[Target]:
    """Every text field in reading order (the same order as fields.iter_text_fields)."""
    found = [Target(("title",), report.title, Kind.TITLE)]
    found += [Target((key,), getattr(report, key), Kind.SHORT) for key in _PERSON]
    found += [
        Target(("opening", i), t, Kind.BODY, ("opening",)) for i, t in enumerate(report.opening)
    ]
    for i, section in enumerate(report.sections):
        found.extend(_section_targets(section, ("sections", i)))
    closing = report.closing
    other = ("closing", "other_work")
    found += [Target((*other, i), t, Kind.BODY, other) for i, t in enumerate(closing.other_work)]
    found.append(
        Target(
            ("closing", "shortcomings_heading"), closing.shortcomings_heading, Kind.CLOSING_HEADING
        )
    )
    found.append(Target(("closing", "shortcomings_intro"), closing.shortcomings_intro, Kind.INTRO))
    items = ("closing", "shortcomings")
    found += [Target((*items, i), t, Kind.ITEM, items) for i, t in enumerate(closing.shortcomings)]
    found.append(
        Target(
            ("closing", "plans_heading"), closing.plans_heading, Kind.CLOSING_HEADING, plans=True
        )
    )
    plans = ("closing", "plans")
    found += [Target((*plans, i), t, Kind.BODY, plans, True) for i, t in enumerate(closing.plans)]
    found.append(Target(("signature",), report.signature, Kind.SHORT))
    return found


_PERSON = ("author_name", "position", "organisation")
