"""Following a finding after the text changed (locate), and fixes worked out without
changing the report (plan_fixes / fixed_texts)."""

from __future__ import annotations

from checks_support import PARAGRAPH, found, report_with
from hypothesis import given, settings
from hypothesis import strategies as st

from nianbao_gui.core.checks import (
    check_report,
    fixed_texts,
    is_current,
    locate,
    map_span,
    plan_fixes,
)
from nianbao_gui.core.fields import get_text, set_text

TEXT = "全年排查纠纷**件，化解**件，调解**起。"


def stars(report, path=PARAGRAPH):
    return [f for f in found(report, path) if f.code == "placeholder.stars"]


def test_a_finding_keeps_the_whole_field_it_saw() -> None:
    report = report_with(TEXT)
    first = stars(report)[0]
    assert first.text == TEXT and first.seen == "**"
    assert is_current(report, first)
    assert locate(report, first) is first  # unchanged: no re-check needed


def test_text_inserted_before_moves_the_finding() -> None:
    report = report_with(TEXT)
    old = stars(report)
    set_text(report, PARAGRAPH, "今年" + TEXT)
    for finding in old:
        assert not is_current(report, finding)
        moved = locate(report, finding)
        assert moved is not None
        assert moved.start == finding.start + 2
        assert get_text(report, PARAGRAPH)[moved.start : moved.end] == "**"


def test_a_placeholder_typed_over_is_gone_and_never_handed_to_its_neighbour() -> None:
    """The bug of issue 11: after 120 was typed over the first **, the first row must not
    lead to the second ** (nor to 件*)."""
    report = report_with(TEXT)
    first, second, third = stars(report)
    text = TEXT.replace("**", "120", 1)
    set_text(report, PARAGRAPH, text)
    assert locate(report, first) is None
    moved = locate(report, second)
    assert moved is not None and (moved.start, moved.end) == (second.start + 1, second.end + 1)
    assert text[moved.start : moved.end] == "**"
    assert locate(report, third).start == third.start + 1


def test_text_inserted_between_placeholders() -> None:
    report = report_with(TEXT)
    first, second, third = stars(report)
    text = TEXT.replace("化解", "成功化解矛盾")
    set_text(report, PARAGRAPH, text)
    assert locate(report, first).start == first.start
    assert locate(report, second).start == second.start + 4
    assert locate(report, third).start == third.start + 4


def test_a_finding_whose_problem_was_corrected_is_gone() -> None:
    report = report_with("今年以来，,我认真履行职责。")
    (comma,) = [f for f in found(report, PARAGRAPH) if f.seen == "，,"]
    set_text(report, PARAGRAPH, "今年以来，我认真履行职责。")
    assert locate(report, comma) is None


def test_a_paragraph_moved_by_an_insert_before_it_is_followed_to_its_new_field() -> None:
    report = report_with("认真学习。", more=[TEXT])
    path = ("sections", 0, "paragraphs", 1)
    old = stars(report, path)
    report.sections[0].paragraphs.insert(0, "新的一段。")
    new_path = ("sections", 0, "paragraphs", 2)
    for finding in old:
        moved = locate(report, finding)
        assert moved is not None and moved.path == new_path
        assert (moved.start, moved.end) == (finding.start, finding.end)


def test_a_deleted_paragraph_is_gone() -> None:
    report = report_with("认真学习。", more=[TEXT])
    old = stars(report, ("sections", 0, "paragraphs", 1))
    del report.sections[0].paragraphs[1]
    assert all(locate(report, finding) is None for finding in old)


SECOND = ("sections", 0, "paragraphs", 1)


def test_a_finding_follows_its_text_into_the_paragraph_split_off() -> None:
    """Issue 17 item 6: Enter before the finding moves its text, unchanged, into a new
    paragraph; the finding is there, not gone."""
    report = report_with(TEXT, more=["认真学习。"])
    first, second, third = stars(report)
    cut = TEXT.index("化解")
    paragraphs = report.sections[0].paragraphs
    paragraphs[0:1] = [TEXT[:cut], TEXT[cut:]]
    assert locate(report, first) == stars(report)[0]  # stayed in the first part
    for finding in (second, third):
        here = locate(report, finding)
        assert here is not None and here.path == SECOND
        assert (here.start, here.end) == (finding.start - cut, finding.end - cut)
        assert paragraphs[1][here.start : here.end] == "**"
    # the paragraph after the split moved down by one and is followed as before
    assert paragraphs[2] == "认真学习。"


def test_a_finding_follows_its_text_into_the_paragraph_it_was_joined_to() -> None:
    """Backspace at the start of the second paragraph joins it to the first."""
    report = report_with("认真学习。", more=[TEXT])
    old = stars(report, SECOND)
    paragraphs = report.sections[0].paragraphs
    paragraphs[0:2] = ["认真学习。" + TEXT]
    for finding in old:
        here = locate(report, finding)
        assert here is not None and here.path == PARAGRAPH
        assert (here.start, here.end) == (finding.start + 5, finding.end + 5)
        assert paragraphs[0][here.start : here.end] == "**"


def test_no_split_or_join_is_guessed_from_text_that_only_looks_alike() -> None:
    """The previous paragraph ended with the same words before (its own findings saw it so):
    deleting this paragraph is no join, and its findings are gone; a split where the text
    was also changed is not followed either."""
    report = report_with("认真学习。" + TEXT, more=[TEXT])
    everything = check_report(report)
    old = [f for f in everything if f.path == SECOND and f.seen == "**"]
    del report.sections[0].paragraphs[1]
    assert all(locate(report, f, siblings=everything) is None for f in old)

    report = report_with(TEXT)
    _first, second, third = stars(report)
    cut = TEXT.index("化解")
    report.sections[0].paragraphs[0:1] = [TEXT[:cut], "成功" + TEXT[cut:]]
    assert locate(report, second) is None and locate(report, third) is None


def test_a_missing_end_mark_follows_the_end_of_its_paragraph() -> None:
    report = report_with("我认真履行职责")
    (missing,) = [f for f in found(report, PARAGRAPH) if f.start == f.end]
    set_text(report, PARAGRAPH, "我认真履行职责，廉洁自律")
    moved = locate(report, missing)
    assert moved is not None and moved.start == moved.end == len("我认真履行职责，廉洁自律")


def test_locate_uses_a_given_check() -> None:
    report = report_with(TEXT)
    first = stars(report)[0]
    set_text(report, PARAGRAPH, "今年" + TEXT)
    current = check_report(report)
    assert locate(report, first, current) in current


def test_report_level_findings_need_no_following() -> None:
    from nianbao_gui.core.checks import Finding
    from nianbao_gui.core.checks.finding import Category

    note = Finding((), 0, 0, "import.note", "年份是猜的", Category.IMPORT)
    assert locate(report_with(), note) is note


@given(
    st.text(alphabet="ab*，。", max_size=30),
    st.text(alphabet="ab*，。", max_size=30),
    st.integers(0, 30),
    st.integers(0, 5),
)
def test_map_span_only_maps_unchanged_text(old: str, new: str, start: int, length: int) -> None:
    start = min(start, len(old))
    end = min(len(old), start + length)
    span = map_span(old, new, start, end)
    if span is not None:
        assert new[span[0] : span[1]] == old[start:end]


# --- fixes without changing the report ---------------------------------------------------


def test_fixed_texts_leaves_the_report_alone_and_lists_the_new_texts() -> None:
    report = report_with("\u00a0今年以来，,我认真履行职责。", more=["学习;工作。"])
    before = report.model_dump_json()
    changes = fixed_texts(report)
    assert report.model_dump_json() == before
    assert changes == [
        (PARAGRAPH, "今年以来，我认真履行职责。"),
        (("sections", 0, "paragraphs", 1), "学习；工作。"),
    ]


def test_plan_fixes_says_what_it_changed() -> None:
    report = report_with("\u00a0今年以来，,我认真履行职责。")
    plan = plan_fixes(report)
    assert len(plan.applied) == 2
    assert plan.summary.startswith("已修复 2 处：")
    assert "改为“，”" in plan.summary and "一、强化责任意识，切… · 第1段" in plan.summary
    assert plan.details.count("\n") == 1  # one line per fix, with the whole place
    assert "强化责任意识，切实认真履职 · 第1段" in plan.details


def test_plan_fixes_of_chosen_findings_only() -> None:
    report = report_with("今年以来，,我认真履行职责;")
    (comma,) = [f for f in found(report, PARAGRAPH) if f.seen == "，,"]
    plan = plan_fixes(report, [comma], rounds=1)
    assert plan.changes == [(PARAGRAPH, "今年以来，我认真履行职责;")]


def test_plan_fixes_skips_a_finding_out_of_date() -> None:
    report = report_with("今年以来，,我认真履行职责。")
    (comma,) = [f for f in found(report, PARAGRAPH) if f.seen == "，,"]
    set_text(report, PARAGRAPH, "今年以来，,我们认真履行职责。")
    assert plan_fixes(report, [comma], rounds=1).changes == []
    assert plan_fixes(report, []).summary == "没有可以自动修复的问题。"


def test_many_fixes_are_counted_after_the_first_few() -> None:
    report = report_with("甲，,乙，,丙，,丁，,戊，,己，,庚，,辛，,壬，,癸。")
    plan = plan_fixes(report)
    assert len(plan.applied) == 9
    assert plan.summary.endswith("等，共 9 处。")
    assert plan.summary.count("改为") == 8


@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.integers(0, 4), st.sampled_from(["", "12", "今年", "*"])),
        min_size=1,
        max_size=4,
    )
)
def test_a_followed_finding_is_always_the_same_text_found_again(edits) -> None:
    """Whatever was typed where: a finding is either gone, or found by a fresh check at a
    place that reads exactly as the finding saw it."""
    report = report_with(TEXT)
    old = found(report, PARAGRAPH)
    text = TEXT
    for at, length, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + length :]
    set_text(report, PARAGRAPH, text)
    current = check_report(report)
    for finding in old:
        here = locate(report, finding, current)
        if here is not None:
            assert here in current
            assert text[here.start : here.end] == finding.seen
            assert here.code == finding.code


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2), st.integers(0, 40), st.booleans())
def test_after_a_split_or_a_join_a_followed_finding_is_the_same_text(which, at, join) -> None:
    """Whatever paragraph was split where, or joined to the one before: a finding is gone or
    found again by a fresh check on text that reads exactly as it saw it."""
    report = report_with(TEXT, more=["认真学习，,提高**能力。", TEXT])
    old = check_report(report)
    paragraphs = report.sections[0].paragraphs
    if join and which:
        paragraphs[which - 1 : which + 1] = [paragraphs[which - 1] + paragraphs[which]]
    else:
        text = paragraphs[which]
        at = min(at, len(text))
        paragraphs[which : which + 1] = [text[:at], text[at:]]
    current = check_report(report)
    for finding in old:
        here = locate(report, finding, current, siblings=old)
        if here is not None and finding.path != ("date",) and finding.path:
            assert here in current
            assert get_text(report, here.path)[here.start : here.end] == finding.seen
