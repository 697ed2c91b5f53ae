"""The seed (a real 2022 述职述廉报告) imports into the expected structure and writes back
every paragraph character for character."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEED

from nianbao_gui.core import templates
from nianbao_gui.core.importer import import_report, import_text
from nianbao_gui.core.layout import to_plain_text
from nianbao_gui.core.model import ReportKind
from nianbao_gui.core.storage import encode_report, load_draft
from nianbao_gui.core.templates import example_report


def _paragraphs(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def test_seed_structure() -> None:
    result = import_report(SEED)
    report = result.report
    assert result.encoding == "utf-8"
    assert report.kind is ReportKind.SHUZHI_SHULIAN
    assert report.year == 2022
    assert report.title == ""  # the seed has no title line
    assert [s.heading for s in report.sections] == [
        "强化学习意识，提高理论素养",
        "强化道德修养，时刻牢记宗旨",
        "强化纪律意识，时刻严于律己",
        "强化责任意识，切实认真履职",
    ]
    assert not any(s.run_in or s.children for s in report.sections[:3])
    fourth = report.sections[3]
    assert [c.heading for c in fourth.children] == [
        "政法工作。",
        "民政与人社工作。",
        "武装工作。",
        "道路交通工作。",
        "驻村工作。",
    ]
    assert all(child.run_in for child in fourth.children)
    assert fourth.children[0].paragraphs[0].startswith("一是探索推进乡村治理社会化。")
    closing = report.closing
    assert closing.one_paragraph
    assert closing.shortcomings == [
        "理论学习不深不细",
        "工作安排多，检查督促少",
        "深入村、社区调查研究不够",
    ]
    assert closing.other_work == [
        "在做好本职工作的同时，我还能够自觉的完成镇党委、政府交办的其它各项工作。"
    ]
    assert closing.shortcomings_intro == "但也存在很多存不足之处，主要表现在以下方面："
    assert closing.plans[0].startswith("在今后的工作中")
    # the last subsection keeps only its own paragraph; nothing after it was lost
    assert fourth.children[-1].paragraphs == [
        "我今年联系**村、**村，在全体村“两委”成员的大力支持下，两个村的工作任务全面完成，"
        "得到了领导和群众的充分肯定和一致好评。"
    ]
    assert report.signature == "" and report.date is None


def test_seed_flaws_are_kept_verbatim(seed_text: str) -> None:
    report = import_text(seed_text).report
    assert report.opening[0].startswith("\u00a02022年，,")  # leading no-break space kept
    assert "自已" in report.sections[2].paragraphs[0]
    assert "达到了整组的要求。 按要求" in report.sections[3].children[2].paragraphs[0]
    assert "勤政廉政;努力学习" in report.closing.plans[0]


def test_seed_round_trip_gives_back_every_paragraph(seed_text: str) -> None:
    report = import_text(seed_text).report
    written = _paragraphs(to_plain_text(report))
    # the text output puts the suggested title on top; the seed has none
    assert written[0] == "2022年度述职述廉报告"
    assert written[1:] == _paragraphs(seed_text)


def test_seed_has_no_uncertain_notes(seed_text: str) -> None:
    assert import_text(seed_text).notes == []


def test_example_report_is_the_imported_seed(seed_text: str) -> None:
    assert example_report() == import_text(seed_text).report


def test_shipped_example_draft_is_what_the_importer_makes_of_the_seed() -> None:
    """The window opens seeds/*.json, not the .txt; after a change to the seed or the importer,
    regenerate it: nianbao import seeds/example-2022-shuzhi-shulian.txt"""
    draft = load_draft(templates.example_draft_path())
    assert draft.made_from == SEED.name  # nianbao import records the source beside the draft
    assert draft == import_report(SEED).report.model_copy(update={"made_from": SEED.name})
    # and byte for byte what saving that report writes (no hand edits)
    assert templates.example_draft_path().read_bytes() == encode_report(draft)


def test_example_falls_back_to_the_seed_without_its_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(SEED, tmp_path / templates.EXAMPLE_FILE)
    (tmp_path / templates.EXAMPLE_DRAFT).write_text("{ broken", encoding="utf-8")
    monkeypatch.setattr(templates, "seeds_dir", lambda: tmp_path)
    assert templates.example_report() == import_report(SEED).report
    (tmp_path / templates.EXAMPLE_DRAFT).unlink()
    assert templates.example_report() == import_report(SEED).report
