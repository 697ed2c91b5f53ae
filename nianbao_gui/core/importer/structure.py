"""Recognising the parts of a report in its lines and building the Report.

The lines are read top to bottom: title and author line at the top, signature and date at the
bottom, and in between opening paragraphs and numbered headings of four levels. A heading
number's style (一、（一）1．（1）) gives its level; the model's level is the nesting depth,
so a ``1．`` directly under ``一、`` becomes the second level and the note says so.
Paragraphs always stay with the heading above them. The closing is taken from the end only
when it can be written back unchanged (see closing.py).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..model import Closing, Report, ReportKind, Section
from ..numbering import heading_number
from .closing import TailClosing, has_closing_cue, list_paragraph, parse_tail
from .meta import (
    Author,
    closing_date,
    detect_kind,
    detect_year,
    is_signature,
    is_title,
    parse_author,
    speaks_of_lianzheng,
)
from .patterns import PLANS_HEADING, SHORTCOMING_HEADING, HeadingMark, match_heading, split_heading

LONG_HEADING = 40
MAX_CLOSING_PARAGRAPHS = 12
MAX_SIBLINGS = 999
MAX_NOTES_OF_A_KIND = 8
_LEVEL_NAMES = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}


@dataclass
class Node:
    heading: str = ""
    run_in: bool = False
    paragraphs: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    holds_plans: bool = False

    def to_section(self) -> Section:
        return Section(
            heading=self.heading,
            run_in=self.run_in,
            paragraphs=list(self.paragraphs),
            children=[child.to_section() for child in self.children],
            holds_plans=self.holds_plans,
        )

    def last_leaf(self) -> Node:
        return self.children[-1].last_leaf() if self.children else self


@dataclass(frozen=True)
class Options:
    """What to recognise; the fallbacks switch parts off when a result fails verification."""

    closing: bool = True
    ends: bool = True  # title, author line, signature, date
    headings: bool = True


@dataclass
class Parsed:
    title: str = ""
    author: Author | None = None
    opening: list[str] = field(default_factory=list)
    sections: list[Node] = field(default_factory=list)
    closing: Closing = field(default_factory=Closing)
    signature: str = ""
    date: _dt.date | None = None
    notes: list[str] = field(default_factory=list)
    heading_notes: list[tuple[Node, str, str]] = field(default_factory=list)
    """(heading, kind, note) on headings: written once the closing is known, because a
    heading taken into the closing as a line of text is no longer renumbered."""


def split_lines(text: str) -> tuple[list[str], frozenset[int]]:
    """Non-empty lines without indentation (spaces, tabs, U+3000) or trailing white space,
    and the indices of lines that had an empty line before them.

    A leading no-break space (U+00A0) is kept: it is a flaw the checker reports, not ours
    to remove silently. Empty lines separate paragraphs; one before a short last line is a
    hint that it is a signature rather than an author line.
    """
    text = text.removeprefix("\ufeff")
    lines: list[str] = []
    gaps: set[int] = set()
    for raw in text.split("\n"):
        line = raw.lstrip(" \t\u3000").rstrip()
        if line:
            lines.append(line)
        elif lines:
            gaps.add(len(lines))
    return lines, frozenset(gaps)


def _split_ends(lines: list[str], gaps: frozenset[int], parsed: Parsed) -> tuple[int, int]:
    """Title and author line at the top, signature and date at the bottom."""
    end = len(lines)
    first_body = 0
    if lines and is_title(lines[0]):
        parsed.title = lines[0]
        first_body = 1
    if end > first_body and (date := closing_date(lines[end - 1])) is not None:
        parsed.date = date
        end -= 1
        written = f"{date.year}年{date.month}月{date.day}日"
        if lines[end] != written:
            parsed.notes.append(f"落款日期“{lines[end]}”导出时写作“{written}”（公文格式）")
    last = end - 1
    # Right under the title a short line is an author line, unless an empty line sets it apart.
    fits = last > first_body or (bool(parsed.title) and last == 1 and last in gaps)
    if fits and is_signature(lines[last]):
        parsed.signature = lines[last]
        end -= 1
    start = first_body
    if parsed.title and start < end and (author := parse_author(lines[start])) is not None:
        parsed.author = author
        start += 1
        if not author.exact:
            office = f"{author.organisation}{author.position}"
            written, order = (
                (f"{author.name}\u3000{office}", "姓名在前")
                if author.name_first
                else (f"{office}\u3000{author.name}", "单位职务在前")
            )
            parsed.notes.append(
                f"作者行“{lines[1]}”已拆为单位、职务和姓名，导出时写作"
                f"“{written}”（{order}，中间一个全角空格），请核对"
            )
    return start, end


def _numbering_note(mark: HeadingMark, level: int, expected: int) -> str | None:
    should = heading_number(level, expected)
    if mark.level != level:
        return (
            f"标题“{mark.prefix}{mark.rest[:12]}”的编号是{_LEVEL_NAMES[mark.level]}标题的写法，"
            f"但它位于第{level}层，已按{_LEVEL_NAMES[level]}标题编为“{should}”"
        )
    if mark.number != expected:
        return (
            f"原文编号“{mark.prefix}”处按顺序应为“{should}”（跳号或重号），导入后已按顺序重新编号"
        )
    return None


def _capped(notes: list[str]) -> list[str]:
    """A few notes of one kind, and a count of the rest, rather than a wall of them."""
    if len(notes) <= MAX_NOTES_OF_A_KIND:
        return notes
    rest = len(notes) - MAX_NOTES_OF_A_KIND
    return [*notes[:MAX_NOTES_OF_A_KIND], f"……另有 {rest} 处类似情况"]


def _read_body(lines: list[str], parsed: Parsed, options: Options) -> None:
    stack: list[tuple[int, Node]] = []
    for line in lines:
        mark = match_heading(line) if options.headings else None
        holder = stack[-1][1].paragraphs if stack else parsed.opening
        if mark is None:
            holder.append(line)
            bare = line.lstrip("\u00a0")
            if options.headings and bare != line and match_heading(bare):
                parsed.notes.append(
                    f"“{bare[:12]}……”前面有不间断空格，没有当作标题；"
                    "请在“体检”中删去这个空格，再把它改为标题"
                )
            continue
        while stack and stack[-1][0] >= mark.level:
            stack.pop()
        siblings = stack[-1][1].children if stack else parsed.sections
        if len(siblings) >= MAX_SIBLINGS:
            holder.append(line)  # no report has a thousand headings side by side
            continue
        level = len(stack) + 1
        heading, first = split_heading(mark.rest)
        node = Node(heading=heading, run_in=first is not None)
        if first is not None:
            node.paragraphs.append(first)
        if note := _numbering_note(mark, level, len(siblings) + 1):
            parsed.heading_notes.append((node, "numbering", note))
        if not mark.canonical:
            parsed.heading_notes.append((node, "odd", mark.prefix))
        if len(heading) > LONG_HEADING:
            parsed.heading_notes.append(
                (
                    node,
                    "long",
                    f"“{mark.prefix}{heading[:12]}……”编号后的文字较长（{len(heading)} 字），"
                    "已作为标题导入；如果它其实是编号的正文段落，请在窗口中调整",
                )
            )
        siblings.append(node)
        stack.append((mark.level, node))


def _add_heading_notes(parsed: Parsed) -> None:
    """The notes on headings that are still headings (see Parsed.heading_notes)."""
    alive: set[int] = set()
    stack = list(parsed.sections)
    while stack:
        node = stack.pop()
        alive.add(id(node))
        stack.extend(node.children)
    kept: dict[str, list[str]] = {"numbering": [], "long": [], "odd": []}
    for node, kind, note in parsed.heading_notes:
        if id(node) in alive:
            kept[kind].append(note)
    parsed.notes.extend(_capped(kept["numbering"]) + _capped(kept["long"]))
    if kept["odd"]:
        shown = "、".join(list(dict.fromkeys(kept["odd"]))[:5])
        parsed.notes.append(
            f"原文部分标题编号（如“{shown}”）不是公文格式的写法，导出时统一为“一、（一）1．（1）”"
        )


def _heading_closing(parsed: Parsed) -> None:
    """``五、存在的不足`` ``六、今后打算`` at the end become the closing's headed parts.

    A plans section with subsections (``四、下一年工作计划`` with ``（一）……（二）……``), and
    a section of both (``四、存在的不足和下一步打算``) not written as one 一是……；二是……
    paragraph, stay sections that hold the plans (Section.holds_plans): their outline is kept
    (sub-headings are headings), and next year's years are read as plans.
    """
    sections = parsed.sections
    closing = parsed.closing

    def last() -> Node | None:
        return sections[-1] if len(sections) > 1 and not sections[-1].run_in else None

    node = last()
    if node and PLANS_HEADING.search(node.heading) and not SHORTCOMING_HEADING.search(node.heading):
        if node.children:
            node.holds_plans = True
            return  # the closing's parts are written after the sections: none can come before
        sections.pop()
        closing.plans_heading, closing.plans = node.heading, list(node.paragraphs)
    node = last()
    if node is None or not SHORTCOMING_HEADING.search(node.heading):
        return
    both = not closing.plans_heading and bool(PLANS_HEADING.search(node.heading))
    split = None
    if not node.children and node.paragraphs:
        split = list_paragraph(node.paragraphs[0])
    rest = node.paragraphs[1:]
    if split and (not rest or not closing.plans_heading):
        sections.pop()
        closing.shortcomings_heading = node.heading
        closing.shortcomings_intro, closing.shortcomings = split
        closing.plans = rest + closing.plans
    elif both:
        node.holds_plans = True
    elif node.children:
        return
    elif split:
        parsed.notes.append(
            f"“{node.heading}”一节在“一是……；二是……。”之后还有其他段落，已作为普通章节导入"
        )
    else:
        parsed.notes.append(
            f"“{node.heading}”一节不是“一是……；二是……。”一段写成的，已作为普通章节导入"
        )


def _tail_closing(parsed: Parsed) -> None:
    """Other work, shortcomings and plans in the last paragraphs of the last section."""
    if parsed.sections and parsed.sections[-1].holds_plans:
        return  # its plans are its own text, under its own headings
    holder = parsed.sections[-1].last_leaf().paragraphs if parsed.sections else parsed.opening
    closing = parsed.closing
    headed = bool(closing.shortcomings_heading or closing.plans_heading)
    # A closing is a few paragraphs; looking further back would make long reports slow
    # (each candidate is checked against the whole tail) without finding anything real.
    for start in range(max(1, len(holder) - MAX_CLOSING_PARAGRAPHS), len(holder)):
        if not has_closing_cue(holder[start]):
            continue
        tail: TailClosing | None = parse_tail(
            holder[start:],
            allow_shortcomings=not closing.shortcomings_heading,
            allow_plans=not headed,  # plans written after a heading cannot come before it
            allow_one_paragraph=not headed,  # layout() splits the parts once one has a heading
        )
        if tail is None:
            continue
        del holder[start:]
        closing.other_work = tail.other_work
        if tail.intro or tail.items:
            closing.shortcomings_intro, closing.shortcomings = tail.intro, tail.items
        closing.plans = tail.plans + closing.plans
        closing.one_paragraph = tail.one_paragraph
        parsed.notes.extend(tail.notes)
        return


def parse_lines(lines: list[str], options: Options, gaps: frozenset[int] = frozenset()) -> Parsed:
    parsed = Parsed()
    start, end = _split_ends(lines, gaps, parsed) if options.ends else (0, len(lines))
    _read_body(lines[start:end], parsed, options)
    if options.closing:
        _heading_closing(parsed)
        _tail_closing(parsed)
    _add_heading_notes(parsed)
    return parsed


def build_report(parsed: Parsed, full_text: str) -> tuple[Report, list[str]]:
    notes = list(parsed.notes)
    year, where = detect_year(parsed.title, parsed.opening, full_text)
    if year is None:
        notes.append("未能从标题或正文中找到报告年份，请在“基本信息”中填写")
    elif where == "body":
        notes.append(f"报告年份 {year} 取自正文，请核对")
    kind, source = detect_kind(parsed.title, full_text)
    if source == "default":
        notes.append(f"未能判断报告类型，暂按“{kind.value}”处理，请在“基本信息”中核对")
    elif source == "text" and parsed.title:
        notes.append(f"报告类型根据正文判断为“{kind.value}”，请核对")
    elif kind is ReportKind.SHUZHI and speaks_of_lianzheng(full_text):
        notes.append(
            "标题是述职报告，正文也写了党风廉政方面的内容；如果这是述职述廉报告，"
            "请在“基本信息”中修改报告类型"
        )
    author = parsed.author
    report = Report(
        kind=kind,
        year=year,
        title=parsed.title,
        author_name=author.name if author else "",
        position=author.position if author else "",
        organisation=author.organisation if author else "",
        show_author_line=author is not None,
        author_name_first=author.name_first if author else False,
        opening=parsed.opening,
        sections=[node.to_section() for node in parsed.sections],
        closing=parsed.closing,
        signature=parsed.signature,
        date=parsed.date,
    )
    return report, notes
