"""Older drafts are upgraded step by step; newer ones are refused."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from nianbao_gui.core.errors import DraftError
from nianbao_gui.core.model import SCHEMA_VERSION, ReportKind
from nianbao_gui.core.storage import load_draft, migrate, save_draft

# What a pre-release build wrote: no schema_version, old names, body as one string.
V0_DRAFT = {
    "type": "述职报告",
    "year": 2021,
    "title": "2021年度述职报告",
    "author": "李四",
    "position": "镇长",
    "organization": "某某镇人民政府",
    "opening": ["2021年，在县委、县政府的正确领导下……"],
    "sections": [
        {
            "title": "加强学习",
            "body": "第一段。\r\n第二段。\n\n",
            "subsections": [{"title": "政治学习。", "run_in": True, "body": "一是……"}],
        },
        {"title": "履职尽责", "paragraphs": ["已是新写法的段落。"]},
    ],
    "closing": {"problems_intro": "主要表现在：", "problems": ["学习不深"], "plans": ["努力"]},
    "signature": "李四",
    "date": "2021年12月3日",
}


def test_v0_upgrades_to_current() -> None:
    upgraded = migrate(V0_DRAFT)
    assert upgraded["schema_version"] == SCHEMA_VERSION
    assert next(iter(upgraded)) == "schema_version"
    assert upgraded["kind"] == "述职报告" and "type" not in upgraded
    assert upgraded["author_name"] == "李四"
    assert upgraded["organisation"] == "某某镇人民政府"
    assert upgraded["date"] == "2021-12-03"
    first = upgraded["sections"][0]
    assert first["heading"] == "加强学习"
    assert first["paragraphs"] == ["第一段。", "第二段。"]
    assert first["children"][0] == {
        "heading": "政治学习。",
        "run_in": True,
        "paragraphs": ["一是……"],
    }
    assert upgraded["sections"][1] == {"heading": "履职尽责", "paragraphs": ["已是新写法的段落。"]}
    assert upgraded["closing"]["shortcomings"] == ["学习不深"]
    assert upgraded["closing"]["shortcomings_intro"] == "主要表现在："


def test_migrate_does_not_change_its_input() -> None:
    before = json.dumps(V0_DRAFT, ensure_ascii=False)
    migrate(V0_DRAFT)
    assert json.dumps(V0_DRAFT, ensure_ascii=False) == before


def test_v0_file_opens_and_is_saved_as_current(tmp_path: Path) -> None:
    path = tmp_path / "旧草稿.json"
    raw = json.dumps(V0_DRAFT, ensure_ascii=False).encode("utf-8")
    path.write_bytes(raw)
    report = load_draft(path)
    assert path.read_bytes() == raw  # opening does not rewrite the old file
    assert report.kind is ReportKind.SHUZHI and report.author_name == "李四"
    assert report.date == dt.date(2021, 12, 3)
    assert report.sections[0].children[0].run_in
    save_draft(report, path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
    assert load_draft(path) == report


def test_current_version_passes_unchanged() -> None:
    data = {"schema_version": SCHEMA_VERSION, "title": "x", "sections": []}
    assert migrate(data) == data


@pytest.mark.parametrize("version", [SCHEMA_VERSION + 1, 1000])
def test_newer_version_is_refused(version: int) -> None:
    with pytest.raises(DraftError, match="请使用更新的年报助手打开"):
        migrate({"schema_version": version, "sections": []})


@pytest.mark.parametrize("version", ["1", 1.0, True, None, -1, [1]])
def test_nonsense_version_is_refused(version: object) -> None:
    with pytest.raises(DraftError, match="格式版本"):
        migrate({"schema_version": version, "sections": []})


def test_both_old_and_new_name_is_reported_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "草稿.json"
    data = {"author": "旧", "author_name": "新", "sections": []}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DraftError, match="author：不认识的项目"):
        load_draft(path)
