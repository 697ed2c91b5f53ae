"""Identities in the model (issue 18 item 1): every paragraph and section has one, unique in
the draft; they survive save and load; a version-1 draft opens with the same ids each time,
its text unchanged; carry_ids reads a change of a list when the editor does not say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nianbao_gui.core.errors import DraftError
from nianbao_gui.core.identity import carry_ids, field_key, field_keys, path_of_key
from nianbao_gui.core.model import SCHEMA_VERSION, Closing, Report, Section
from nianbao_gui.core.storage import load_draft, save_draft
from nianbao_gui.core.storage.migrations import migrate


def sample() -> Report:
    return Report(
        opening=["开篇。"],
        sections=[
            Section(
                heading="一", paragraphs=["甲。", "乙。"], children=[Section(paragraphs=["丙"])]
            ),
            Section(heading="二", paragraphs=["丁。"]),
        ],
        closing=Closing(other_work=["其他。"], shortcomings=["不足"], plans=["打算。"]),
    )


def all_ids(report: Report) -> list[str]:
    return list(field_keys(report).values())


def test_every_paragraph_and_heading_has_a_unique_identity() -> None:
    report = sample()
    keys = all_ids(report)
    assert len(keys) == len(set(keys)) == 3 + 8  # headings, paragraphs
    assert report.sections[0].paragraph_ids == ["s0p0", "s0p1"]


def test_duplicate_ids_in_a_file_are_made_unique(tmp_path: Path) -> None:
    data = json.loads(sample().to_json())
    data["sections"][1]["paragraph_ids"] = [data["sections"][0]["paragraph_ids"][0]]
    report = Report.model_validate(data)
    keys = all_ids(report)
    assert len(keys) == len(set(keys))
    assert report.sections[0].paragraph_ids[0] == data["sections"][0]["paragraph_ids"][0]


def test_ids_survive_save_and_load(tmp_path: Path) -> None:
    report = sample()
    report.sections[0].paragraph_ids = ["aaa", "bbb"]
    report.draft_id = "d1"
    save_draft(report, tmp_path / "x.json")
    loaded = load_draft(tmp_path / "x.json")
    assert loaded.sections[0].paragraph_ids == ["aaa", "bbb"]
    assert loaded.draft_id == "d1"
    assert loaded == report


def test_a_version_1_draft_opens_unchanged_with_the_same_ids_each_time(tmp_path: Path) -> None:
    v1 = {
        "schema_version": 1,
        "title": "2024年度述职报告",
        "opening": ["开篇。"],
        "sections": [{"heading": "一", "paragraphs": ["甲**万元。", "乙。"], "children": []}],
        "closing": {"plans": ["打算。"]},
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(v1, ensure_ascii=False), encoding="utf-8")
    first, second = load_draft(path), load_draft(path)
    assert first.sections[0].paragraphs == ["甲**万元。", "乙。"]
    assert first.title == "2024年度述职报告" and first.closing.plans == ["打算。"]
    assert first.sections[0].paragraph_ids == second.sections[0].paragraph_ids
    assert all_ids(first) == all_ids(second)
    assert migrate(v1)["schema_version"] == SCHEMA_VERSION


def test_a_newer_draft_is_refused_with_the_clear_message() -> None:
    with pytest.raises(DraftError, match="更新版本"):
        migrate({"schema_version": SCHEMA_VERSION + 1, "sections": []})


def test_field_keys_follow_moves() -> None:
    report = sample()
    key = field_key(report, ("sections", 0, "paragraphs", 1))
    report.sections[0].paragraphs.reverse()
    report.sections[0].paragraph_ids.reverse()
    assert path_of_key(report, key) == ("sections", 0, "paragraphs", 0)
    report.sections.reverse()
    assert path_of_key(report, key) == ("sections", 1, "paragraphs", 0)
    heading = field_key(report, ("sections", 1, "heading"))
    assert heading.startswith("h:") and path_of_key(report, heading) == ("sections", 1, "heading")
    assert path_of_key(report, "f:title") == ("title",)
    assert path_of_key(report, "f:sections.0.paragraphs.0") is None  # never a place in a list


@pytest.mark.parametrize(
    ("old", "new", "expect"),
    [
        (["A", "B"], ["B", "A"], ["b", "a"]),  # a move
        (["AB", "C"], ["A", "B", "C"], ["a", None, "c"]),  # a split: first half keeps it
        (["A", "B", "C"], ["AB", "C"], ["a", "c"]),  # a join
        (["A", "B"], ["A", "X", "B"], ["a", None, "b"]),  # an insert
        (["A", "B"], ["B"], ["b"]),  # a delete
    ],
)
def test_carry_ids_reads_the_change(old: list[str], new: list[str], expect: list) -> None:
    ids = [text[0].lower() for text in old]
    got = carry_ids(old, ids, new)
    for have, want in zip(got, expect, strict=True):
        if want is None:
            assert have not in ids
        else:
            assert have == want


def test_next_years_copy_is_another_draft_with_the_same_paragraphs() -> None:
    from nianbao_gui.core.next_year import next_year_copy

    report = sample()
    report.year, report.draft_id = 2024, "this-year"
    copy = next_year_copy(report)
    assert copy.draft_id and copy.draft_id != "this-year"
    assert copy.sections[0].paragraph_ids == report.sections[0].paragraph_ids


def test_a_place_is_not_guessed_where_the_text_repeats() -> None:
    """``新建**、`` typed before ``新建**、新建**、新建**。``. Compared character by character,
    the old text is found whole after what was typed; in a paragraph too long for that,
    compared by the common start and end only, the two disagree and nothing is guessed."""
    from nianbao_gui.core import figures_match

    old = "新建**、新建**、新建**。"
    new = "新建**、" + old
    assert figures_match._Draft(Report()).carried(old, new, 2, 4) == 7
    pad = "甲" * 5000
    assert figures_match._Draft(Report()).carried(pad + old, pad + new, 5002, 5004) is None
    assert figures_match._Draft(Report()).carried(pad + old, pad + old + "乙", 5002, 5004) == 5002
