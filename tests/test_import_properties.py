"""Property tests: drafts keep any text exactly, and the importer reads back what the text
writer writes.

The round trip text → import → text is only claimed for *reasonable* reports, and the
strategy below is restricted honestly to them. It excludes:
- paragraphs that start with a heading number (一、 （一） 1． （1）) — the importer must
  read those as headings, so such a paragraph cannot survive as a paragraph;
- headings with a sentence mark (。！？：) inside — the first mark ends a run-in heading —,
  and run-in headings that do not end with one, or whose first paragraph is empty;
- empty paragraphs, line breaks inside a paragraph, and white space at the start or end of a
  paragraph (empty lines separate paragraphs; indentation and trailing space are removed);
- paragraphs that do not end with 。 (a short unpunctuated last line is a signature) and
  signatures that name no person or office;
- shortcomings items containing ；or 。 (they separate the items).
Rare CJK (U+20000 …) and emoji are included in the text itself.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nianbao_gui.core.importer import import_text
from nianbao_gui.core.layout import to_plain_text
from nianbao_gui.core.model import MAX_YEAR, MIN_YEAR, Closing, Report, ReportKind, Section

# --- (1) JSON keeps any text ------------------------------------------------------------------

RARE = ["𠀀", "𪚥", "𰀀", "😀", "👨‍👩‍👧", "🇨🇳", "\u00a0", "\u3000", "\u200b", "\ufeff"]
any_text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
    st.lists(st.sampled_from(RARE), max_size=5).map("".join),
)


def any_sections(depth: int) -> st.SearchStrategy[list[Section]]:
    children = st.just([]) if depth == 1 else any_sections(depth - 1)
    section = st.builds(
        Section,
        heading=any_text,
        run_in=st.booleans(),
        paragraphs=st.lists(any_text, max_size=3),
        children=children,
    )
    return st.lists(section, max_size=3)


any_report = st.builds(
    Report,
    kind=st.sampled_from(list(ReportKind)),
    year=st.none() | st.integers(MIN_YEAR, MAX_YEAR),
    title=any_text,
    author_name=any_text,
    position=any_text,
    organisation=any_text,
    show_author_line=st.booleans(),
    opening=st.lists(any_text, max_size=3),
    sections=any_sections(4),
    closing=st.builds(
        Closing,
        other_work=st.lists(any_text, max_size=2),
        shortcomings_heading=any_text,
        shortcomings_intro=any_text,
        shortcomings=st.lists(any_text, max_size=3),
        plans_heading=any_text,
        plans=st.lists(any_text, max_size=2),
        one_paragraph=st.booleans(),
    ),
    signature=any_text,
    date=st.none() | st.dates(),
)


@settings(max_examples=150, deadline=None)
@given(any_report)
def test_json_round_trip_is_exact(report: Report) -> None:
    assert Report.model_validate_json(report.to_json()) == report


# --- (2) text → import → text is a fixed point for reasonable reports --------------------------

# No numerals (一二三…十百零), no brackets, no digits at the start of anything.
STARTS = "我镇在工作中坚持学习政治理论群众发展建设农业安全推进加强落实全面认真"
WORDS = STARTS + "的了和与及对把为是有这些个年月都要会能做好"
word = st.text(st.sampled_from(WORDS), min_size=1, max_size=8)
inner = st.one_of(word, st.sampled_from(["，", "、", "“两个维护”", "**", "𠀀", "😀", "%", "12"]))


@st.composite
def sentence_text(draw: st.DrawFn, end: str = "。") -> str:
    first = draw(st.sampled_from(STARTS))
    body = "".join(draw(st.lists(inner, max_size=6)))
    return first + body + end


paragraph = sentence_text()
plain_heading = st.builds(lambda a, b: a + b, st.sampled_from(STARTS), word)
run_in_heading = st.builds(lambda h: h + "。", plain_heading)


@st.composite
def reasonable_section(draw: st.DrawFn, depth: int) -> Section:
    run_in = draw(st.booleans())
    heading = draw(run_in_heading if run_in else plain_heading)
    paragraphs = draw(st.lists(paragraph, min_size=1 if run_in else 0, max_size=3))
    width = 3 if depth > 2 else 2  # keeps a generated report near a real one's size
    children = [] if depth == 1 else draw(st.lists(reasonable_section(depth - 1), max_size=width))
    return Section(heading=heading, run_in=run_in, paragraphs=paragraphs, children=children)


item = st.text(st.sampled_from(WORDS), min_size=1, max_size=10)
NAMES = ["张三", "李四", "王小五", "欧阳明"]
OFFICES = [("某某镇", "副镇长"), ("", "党委书记"), ("某某乡", "人大主席"), ("", "")]


@st.composite
def reasonable_report(draw: st.DrawFn) -> Report:
    organisation, position = draw(st.sampled_from(OFFICES))
    # a report with only its ends (title, author line, signature, date) is where the
    # author line and the signature are easiest to confuse; draw such reports often
    sparse = draw(st.integers(0, 4)) == 0
    closing = (
        Closing()
        if sparse
        else Closing(
            other_work=draw(st.lists(paragraph, max_size=2)),
            shortcomings_heading=draw(st.sampled_from(["", "存在的不足"])),
            shortcomings_intro=draw(st.sampled_from(["", "但也存在一些不足："])),
            shortcomings=draw(st.lists(item, max_size=4)),
            plans_heading=draw(st.sampled_from(["", "今后打算"])),
            plans=draw(st.lists(paragraph, max_size=2)),
            one_paragraph=draw(st.booleans()),
        )
    )
    return Report(
        kind=draw(st.sampled_from(list(ReportKind))),
        year=draw(st.none() | st.integers(2000, 2100)),
        title=draw(st.sampled_from(["", "2023年度述职述廉报告", "某某镇2024年度工作总结"])),
        author_name=draw(st.sampled_from(NAMES)),
        position=position,
        organisation=organisation,
        show_author_line=draw(st.booleans()),
        opening=[] if sparse else draw(st.lists(paragraph, max_size=3)),
        sections=[] if sparse else draw(st.lists(reasonable_section(4), max_size=4)),
        closing=closing,
        signature=draw(st.sampled_from(["", "张三", "某某镇人民政府", "某某镇党委"])),
        date=draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))),
    )


# More examples on request: NIANBAO_PROPERTY_EXAMPLES=2000 pytest tests/test_import_properties.py
EXAMPLES = int(os.environ.get("NIANBAO_PROPERTY_EXAMPLES", "100"))


@settings(max_examples=EXAMPLES, deadline=None)
@given(reasonable_report())
def test_text_import_text_is_a_fixed_point(report: Report) -> None:
    text = to_plain_text(report)
    result = import_text(text)
    assert to_plain_text(result.report) == text
    assert not any("未能完全识别" in note for note in result.notes)


# --- (3) nothing is dropped, whatever the text ----------------------------------------------

_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十百零]+[、．.]|[（(][一二三四五六七八九十百零]+[）)]"
    r"|[0-9０-９]{1,2}(?:[、．]|\.(?![0-9０-９]))|[（(][0-9０-９]{1,2}[）)])"
)
PREFIXES = [
    "一、",
    "二、",
    "四、",
    "十一、",
    "（一）",
    "(三)",
    "1．",
    "2.",
    "3、",
    "（1）",
    "(2)",
    "",
]
PIECES = [
    "在做好本职工作的同时，我还完成了其他工作。",
    "但也存在一些不足：",
    "一是学习不够；二是调研不够。",
    "一是学习不够;二是调研不够。",
    "今后，我将继续努力。",
    "存在的不足",
    "今后打算",
    "2022年",
    "政法工作。",
    "张三",
    "某某镇人民政府",
    "2025年1月5日",
    "2023年度述职述廉报告",
    "某某镇副镇长\u3000张三",
    "\u00a0",
    "，,",
    "𠀀😀",
]
fragment = st.one_of(
    st.sampled_from(PIECES),
    st.text(st.sampled_from(WORDS + "，。；：！？、（）()12.１"), max_size=12),
)
line = st.builds(
    lambda prefix, parts, indent: indent + prefix + "".join(parts),
    st.sampled_from(PREFIXES),
    st.lists(fragment, max_size=4),
    st.sampled_from(["", "\u3000\u3000", "  ", "\t"]),
)


def _kept(text: str) -> list[str]:
    lines = (raw.lstrip(" \t\u3000").rstrip() for raw in text.split("\n"))
    return [_NUMBER.sub("#", raw) for raw in lines if raw]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(line, max_size=25), st.sampled_from(["\n", "\r\n", "\r"]))
def test_no_line_is_ever_dropped(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    report = import_text(text).report
    written = _kept(to_plain_text(report))
    if not report.title:
        written = written[1:]  # the suggested title the text writer puts on top
    assert written == _kept(text.replace("\r\n", "\n").replace("\r", "\n"))
