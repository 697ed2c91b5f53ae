"""Tables in the model (issue 22 item 1): where a table stands, its grid and merges, cell
identities, and the draft format version 3."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from nianbao_gui.core.errors import DraftError
from nianbao_gui.core.model import SCHEMA_VERSION, Merge, Report, Section, Table
from nianbao_gui.core.storage import load_draft, save_draft
from nianbao_gui.core.tables import body, covered


def indicator_table(**extra: object) -> Table:
    return Table(
        caption="主要经济指标",
        unit="单位：万元",
        rows=[["指标", "2024年", "2025年"], ["地区生产总值", "28.6", "30.4"]],
        **extra,  # type: ignore[arg-type]
    )


def report_with_table(after: int | None = 0) -> Report:
    report = Report(sections=[Section(heading="经济发展", paragraphs=["第一段。", "第二段。"])])
    section = report.sections[0]
    anchor = "" if after is None else section.paragraph_ids[after]
    section.tables.append(indicator_table(after=anchor))
    return Report.model_validate(report.model_dump())


def test_the_version_is_three() -> None:
    assert SCHEMA_VERSION == 3


def test_a_table_stands_after_the_paragraph_it_is_anchored_to() -> None:
    section = report_with_table(0).sections[0]
    assert body(section) == [("paragraph", 0), ("table", 0), ("paragraph", 1)]
    assert body(report_with_table(None).sections[0])[0] == ("table", 0)


def test_a_table_moves_with_its_paragraph() -> None:
    section = report_with_table(0).sections[0]
    section.paragraphs = [section.paragraphs[1], section.paragraphs[0]]
    section.paragraph_ids = [section.paragraph_ids[1], section.paragraph_ids[0]]
    assert body(section) == [("paragraph", 0), ("paragraph", 1), ("table", 0)]


def test_a_table_whose_paragraph_is_gone_stands_at_the_end_not_lost() -> None:
    section = report_with_table(0).sections[0]
    del section.paragraphs[0]
    del section.paragraph_ids[0]
    assert body(section) == [("paragraph", 0), ("table", 0)]


def test_after_a_run_in_heading_a_leading_table_follows_its_paragraph() -> None:
    report = report_with_table(None)
    report.sections[0].run_in = True
    assert body(report.sections[0])[:2] == [("paragraph", 0), ("table", 0)]


def test_paths_to_paragraphs_are_unchanged_by_a_table() -> None:
    report = report_with_table(0)
    assert report.sections[0].paragraphs[1] == "第二段。"
    assert report.sections[0].tables[0].rows[1][1] == "28.6"


def test_cells_get_identities_unique_in_the_draft_and_kept_through_save(tmp_path: Path) -> None:
    report = report_with_table(0)
    ids = [cid for row in report.sections[0].tables[0].cell_ids for cid in row]
    assert len(ids) == 6 and len(set(ids)) == 6
    path = tmp_path / "草稿.json"
    save_draft(report, path)
    again = load_draft(path)
    assert again == report
    assert again.sections[0].tables[0].cell_ids == report.sections[0].tables[0].cell_ids


def test_a_duplicate_cell_id_is_replaced() -> None:
    table = indicator_table(cell_ids=[["x", "x", "y"], ["p", "q", "r"]])
    report = Report(sections=[Section(tables=[table])])
    ids = [cid for row in report.sections[0].tables[0].cell_ids for cid in row]
    assert len(set(ids)) == 6 and ids[0] == "x" and ids[1] != "x"


def test_merges_and_covered_cells() -> None:
    table = Table(
        rows=[["指标", "数值", ""], ["", "2024年", "2025年"], ["产值", "1", "2"]],
        header_rows=2,
        merges=[Merge(top=0, left=0, height=2, width=1), Merge(top=0, left=1, height=1, width=2)],
    )
    assert covered(table) == {(1, 0): (0, 0), (0, 2): (0, 1)}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"rows": [["a", "b"], ["c"]]}, "第2行有1格"),
        ({"rows": []}, "至少要有一行一列"),
        ({"header_rows": 5}, "表头行数"),
        ({"merges": [Merge(top=1, left=1, height=2, width=1)]}, "超出了表格"),
        (
            {"merges": [Merge(top=0, left=0, width=2), Merge(top=0, left=1, height=2)]},
            "重叠",
        ),
    ],
)
def test_a_broken_grid_is_refused_in_chinese(changes: dict[str, object], message: str) -> None:
    data = indicator_table().model_dump() | changes
    with pytest.raises(ValidationError, match=message):
        Table.model_validate(data)


def test_a_version_2_draft_opens_unchanged(tmp_path: Path) -> None:
    data = json.loads(report_with_table(0).to_json())
    data["schema_version"] = 2
    for section in data["sections"]:
        del section["tables"]
    path = tmp_path / "旧.json"
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    path.write_bytes(raw)
    report = load_draft(path)
    assert path.read_bytes() == raw
    assert report.sections[0].paragraphs == ["第一段。", "第二段。"]
    assert report.sections[0].tables == []
    assert report.sections[0].paragraph_ids == data["sections"][0]["paragraph_ids"]


def test_a_draft_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    data = json.loads(report_with_table(0).to_json())
    data["schema_version"] = 4
    path = tmp_path / "新.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DraftError, match="请使用更新的年报助手打开"):
        load_draft(path)
