"""The report, its sections and its closing; the identities of its sections, paragraphs,
tables and cells, given when a report is built."""

from __future__ import annotations

import datetime as _dt
import secrets
from collections.abc import Iterator
from typing import Any

from pydantic import Field, field_validator, model_validator

from .base import MAX_DEPTH, MAX_YEAR, MIN_YEAR, SCHEMA_VERSION, ReportKind, _Model
from .table import Table


class Section(_Model):
    """A heading with its text and its subsections; the level is the nesting depth (1–4).

    ``run_in``: the heading shares a paragraph with the first of ``paragraphs`` — the seed's
    ``（一）政法工作。一是……``. The heading then keeps its own closing mark (``政法工作。``).

    ``holds_plans``: a first-level section that holds next year's plans (``三、2026年工作打算``
    with ``（一）（二）……``): an ordinary section with its outline, in whose text next year is
    expected and the report's own year is a leftover. A new key with a default: drafts
    written before it load unchanged, so the schema version stays.
    """

    heading: str = Field("", title="标题")
    run_in: bool = Field(False, title="标题与正文同段")
    paragraphs: list[str] = Field(default_factory=list, title="段")
    children: list[Section] = Field(default_factory=list, title="下级标题")
    holds_plans: bool = Field(False, title="本部分是今后打算")
    id: str = Field("", title="标题编号")
    paragraph_ids: list[str] = Field(default_factory=list, title="段的编号")
    tables: list[Table] = Field(default_factory=list, title="表格")

    def depth(self) -> int:
        """Levels from this section down, itself included (a leaf is 1)."""
        return 1 + max((child.depth() for child in self.children), default=0)

    def walk(self, level: int = 1) -> list[tuple[int, Section]]:
        """This section and all below it in reading order, with their levels."""
        found: list[tuple[int, Section]] = [(level, self)]
        for child in self.children:
            found.extend(child.walk(level + 1))
        return found


class Closing(_Model):
    """The end of the report: other work, shortcomings, plans.

    Shortcomings are stored as items without their ordinal or final mark and written out as
    ``一是……；二是……；三是……。`` after ``shortcomings_intro``. When a heading is set for the
    shortcomings or the plans, that part is written as a first-level section numbered after
    the report's sections. ``one_paragraph`` writes other work, shortcomings and plans as a
    single paragraph, as the seed does.
    """

    other_work: list[str] = Field(default_factory=list, title="其他工作")
    shortcomings_heading: str = Field("", title="不足的标题")
    shortcomings_intro: str = Field("", title="不足的引语")
    shortcomings: list[str] = Field(default_factory=list, title="不足")
    plans_heading: str = Field("", title="今后打算的标题")
    plans: list[str] = Field(default_factory=list, title="今后打算")
    one_paragraph: bool = Field(False, title="合为一段")
    other_work_ids: list[str] = Field(default_factory=list, title="其他工作的编号")
    shortcoming_ids: list[str] = Field(default_factory=list, title="不足的编号")
    plan_ids: list[str] = Field(default_factory=list, title="今后打算的编号")

    def is_empty(self) -> bool:
        return not (
            any(self.other_work)
            or self.shortcomings_heading
            or self.shortcomings_intro
            or any(self.shortcomings)
            or self.plans_heading
            or any(self.plans)
        )


class Report(_Model):
    """One annual report. ``schema_version`` is written into every draft."""

    # Each title is the field's one Chinese name: the form's label and the place named in
    # validation messages (describe_validation_error) both come from here.
    schema_version: int = Field(SCHEMA_VERSION, title="草稿格式版本")
    kind: ReportKind = Field(ReportKind.SHUZHI_SHULIAN, title="报告类型")
    year: int | None = Field(None, title="年度")
    title: str = Field("", title="标题")
    title_office: str = Field("", title="自动标题前的单位职务")
    title_short_year: bool = Field(False, title="自动标题写年不写年度")
    """The form of an automatic title she wrote otherwise (``青禾镇党委书记2024年述职述廉报告``),
    kept when it was imported so that it follows year and kind as the standard one does. New
    keys with defaults: older drafts load unchanged, so the schema version stays."""
    author_name: str = Field("", title="姓名")
    position: str = Field("", title="职务")
    organisation: str = Field("", title="单位")
    show_author_line: bool = Field(False, title="显示署名行")
    author_name_first: bool = Field(False, title="姓名在前")
    """The author line as ``张三　某某村党支部书记``, the order she wrote. A new key with a
    default (office first): older drafts load unchanged, so the schema version stays."""
    opening: list[str] = Field(default_factory=list, title="开篇")
    sections: list[Section] = Field(default_factory=list, title="一级标题")
    closing: Closing = Field(default_factory=Closing, title="结尾")
    signature: str = Field("", title="落款")
    date: _dt.date | None = Field(None, title="成文日期")
    made_from: str = Field("", title="来源文件")
    """The file this draft was made from: last year's draft (复制为明年的报告) or the
    report it was imported from; what 对比去年 compares with. A new key with a default:
    drafts written before it load unchanged, so the schema version stays."""
    draft_id: str = Field("", title="草稿编号")
    """Given when a draft is started (new, imported, carried into next year; empty in drafts
    older than that): a 数据 table made for another draft is refused."""
    opening_ids: list[str] = Field(default_factory=list, title="开篇的编号")
    """Identities (see ``ID_KEYS``): a paragraph keeps its id through moves, undo and save,
    so a figure from a table finds its own paragraph, never a twin that took its place."""

    def model_post_init(self, context: Any, /) -> None:
        # at construction only (a load, an import, a new draft), never on assignment: the
        # window's commands keep the ids of each change themselves (app/commands.py)
        ensure_ids(self)

    @field_validator("year")
    @classmethod
    def _year_in_range(cls, value: int | None) -> int | None:
        if value is not None and not MIN_YEAR <= value <= MAX_YEAR:
            raise ValueError(f"年份应在 {MIN_YEAR} 到 {MAX_YEAR} 之间，现在是 {value}")
        return value

    @field_validator("schema_version")
    @classmethod
    def _known_schema(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            # storage.migrations upgrades older drafts before validation; reaching this means
            # a draft from a newer program, which must not be half-read and saved back.
            raise ValueError(
                f"草稿格式版本为 {value}，本程序只认识版本 {SCHEMA_VERSION}，"
                "请使用更新的年报助手打开"
            )
        return value

    @model_validator(mode="after")
    def _depth_within_four_levels(self) -> Report:
        for index, section in enumerate(self.sections):
            if section.depth() > MAX_DEPTH:
                raise ValueError(
                    f"第 {index + 1} 个一级标题下的层次超过四级（一、（一）1．（1）），"
                    "请合并部分层次"
                )
        return self

    # --- derived values -------------------------------------------------------------------

    def suggested_title(self) -> str:
        """``2022年度述职述廉报告`` from year and kind; the kind alone without a year. In the
        form kept from her title: the office in front, ``年`` for ``年度``."""
        if not self.year:
            return self.title_office + self.kind.value
        word = self.kind.value.removeprefix("年度")  # 年度工作总结: 年度 is the year's word
        return f"{self.title_office}{self.year}{'年' if self.title_short_year else '年度'}{word}"

    def effective_title(self) -> str:
        """The title the export writes: the user's, or the suggestion when left empty."""
        return self.title if self.title.strip() else self.suggested_title()

    def author_line(self) -> str:
        """``某某镇副镇长　张三``: organisation and position, a full-width space, the name;
        the name first when ``author_name_first``."""
        office = f"{self.organisation}{self.position}"
        parts = (self.author_name, office) if self.author_name_first else (office, self.author_name)
        return "\u3000".join(part for part in parts if part)

    def all_sections(self) -> list[tuple[int, Section]]:
        """Every section at every level in reading order, with its level (1–4)."""
        found: list[tuple[int, Section]] = []
        for section in self.sections:
            found.extend(section.walk())
        return found

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)

    @classmethod
    def from_json_data(cls, data: Any) -> Report:
        """Validate already-parsed, already-migrated JSON data."""
        return cls.model_validate(data)


ID_KEYS = {
    "paragraphs": "paragraph_ids",
    "opening": "opening_ids",
    "other_work": "other_work_ids",
    "shortcomings": "shortcoming_ids",
    "plans": "plan_ids",
}
"""Each list of paragraphs and the list of their identities beside it (same length)."""


def new_id() -> str:
    """A fresh identity: 48 random bits, never the ``s0.1p2`` form ensure_ids derives."""
    return secrets.token_hex(6)


def id_lists(report: Report) -> Iterator[tuple[str, Any, str]]:
    """``(prefix, owner, key)`` for every list of paragraphs in reading order; ``prefix``
    is the owner's position in the short form derived ids use."""
    yield "o", report, "opening"
    for prefix, section in _sections_with_prefix(report.sections, "s"):
        yield prefix + "p", section, "paragraphs"
    for key, prefix in (("other_work", "w"), ("shortcomings", "k"), ("plans", "n")):
        yield prefix, report.closing, key


def _sections_with_prefix(sections: list[Section], prefix: str) -> Iterator[tuple[str, Section]]:
    for index, section in enumerate(sections):
        name = f"{prefix}{index}" if prefix == "s" else f"{prefix}.{index}"
        yield name, section
        yield from _sections_with_prefix(section.children, name)


def ensure_ids(report: Report) -> None:
    """Give every section and paragraph an identity unique in the draft, keeping those it
    has (the first of two alike keeps it). Missing ones are derived from the position
    (``s0.1p2``), so the same file read twice (a draft of version 1, a report imported on the
    fly) gets the same ids both times."""
    sections = list(_sections_with_prefix(report.sections, "s"))
    lists = [
        (f"{prefix}{i}", owner, key, i)
        for prefix, owner, key in id_lists(report)
        for i in range(len(getattr(owner, key)))
    ]
    stored = [section.id for _, section in sections]
    stored += [_stored_id(owner, key, i) for _, owner, key, i in lists]
    used: set[str] = set()
    keep = []
    for pid in stored:  # pass 1: the ids already there, first come first kept
        keep.append(bool(pid) and pid not in used)
        used.add(pid)

    def fresh(derived: str) -> str:
        candidate, suffix = derived, 0
        while candidate in used:
            suffix += 1
            candidate = f"{derived}~{suffix}"
        used.add(candidate)
        return candidate

    for (prefix, section), kept in zip(sections, keep, strict=False):
        if not kept:
            section.id = fresh(prefix)
    _ensure_table_ids(sections, used, fresh)
    fixed: dict[tuple[int, str], list[str]] = {}
    for (derived, owner, key, i), kept in zip(lists, keep[len(sections) :], strict=True):
        ids = fixed.setdefault((id(owner), key), [])
        ids.append(_stored_id(owner, key, i) if kept else fresh(derived))
    for _, owner, key in id_lists(report):
        ids = fixed.get((id(owner), key), [])
        if ids != getattr(owner, ID_KEYS[key]):
            setattr(owner, ID_KEYS[key], ids)


def _ensure_table_ids(sections: list[tuple[str, Section]], used: set[str], fresh: Any) -> None:
    """Tables and cells: kept when unique, else derived (``s0t1``, ``s0t1r2c3``); a grid of
    ids that does not fit the grid of cells is made to fit (ids of the cells still there
    kept)."""
    for prefix, section in sections:
        for t, table in enumerate(section.tables):
            name = f"{prefix}t{t}"
            if not table.table_id or table.table_id in used:
                table.table_id = fresh(name)
            else:
                used.add(table.table_id)
            ids: list[list[str]] = []
            for r, row in enumerate(table.rows):
                stored = table.cell_ids[r] if r < len(table.cell_ids) else []
                line = []
                for c in range(len(row)):
                    cid = stored[c] if c < len(stored) else ""
                    if not cid or cid in used:
                        cid = fresh(f"{name}r{r}c{c}")
                    else:
                        used.add(cid)
                    line.append(cid)
                ids.append(line)
            if ids != table.cell_ids:
                table.cell_ids = ids


def _stored_id(owner: Any, key: str, index: int) -> str:
    ids: list[str] = getattr(owner, ID_KEYS[key])
    return ids[index] if index < len(ids) else ""
