"""数据: figure slots listed with their context, and filled from a real .xlsx."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import REPO

from nianbao_gui import cli
from nianbao_gui.core.fields import get_text
from nianbao_gui.core.figures import Slot, find_slots
from nianbao_gui.core.figures_match import Row, match_rows
from nianbao_gui.core.figures_xlsx import HEADERS, FiguresFileError, read_xlsx, write_xlsx
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.storage import load_draft, save_draft

EXAMPLE = REPO / "seeds" / "example-2022-shuzhi-shulian.json"


def test_every_kind_of_slot_with_its_place_and_context() -> None:
    report = Report(
        year=2024,
        sections=[
            Section(
                heading="抓好农业",
                paragraphs=["完成播种**亩，增长*%，XX村、××合作社和〇〇站参与；某某同志牵头。"],
            )
        ],
    )
    slots = find_slots(report)
    assert [slot.placeholder for slot in slots] == ["**", "*", "XX", "××", "〇〇"]
    first = slots[0]
    assert (first.before, first.after) == ("完成播种", "亩，增长*%，XX村、×")
    assert first.place == "一、抓好农业 · 第1段：第5字"
    assert slots[1].hint == "数字"


def test_the_seed_has_38_figures() -> None:
    assert len(find_slots(load_draft(EXAMPLE))) == 38


def _fill_column(path: Path, values: dict[int, str]) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    for row, value in values.items():
        sheet.cell(row=row, column=5).value = value
    book.save(path)


def test_round_trip_through_a_real_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table, filled = tmp_path / "数据.xlsx", tmp_path / "已填.json"
    assert cli.main(["figures", str(EXAMPLE), "-o", str(table)]) == cli.EXIT_OK
    sheet = openpyxl.load_workbook(table).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][: len(HEADERS)] == HEADERS and len(rows) == 39
    _fill_column(table, {row: str(row * 10) for row in range(2, 40)})
    assert cli.main(["figures", str(EXAMPLE), "--fill", str(table), "-o", str(filled)]) == 0
    assert "已填入 38 处" in capsys.readouterr().out
    report = load_draft(filled)
    assert find_slots(report) == []  # no placeholder left
    assert load_draft(EXAMPLE) != report  # the draft itself untouched, the new one filled


def test_a_row_whose_context_changed_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table, filled = tmp_path / "数据.xlsx", tmp_path / "已填.json"
    original = load_draft(EXAMPLE)
    slots = find_slots(original)
    write_xlsx(slots, table)
    _fill_column(table, {row: "7" for row in range(2, 40)})
    book = openpyxl.load_workbook(table)
    book.active.cell(row=5, column=2).value = "有人改过的前文"  # the 4th slot's context
    book.save(table)
    code = cli.main(["figures", str(EXAMPLE), "--fill", str(table), "-o", str(filled)])
    assert code == cli.EXIT_FINDINGS
    err = capsys.readouterr().err
    assert "第5行" in err and "第6行" not in err
    report = load_draft(filled)
    # only that slot is left, where it was; nothing else of the draft changed
    (left,) = find_slots(report)
    assert (left.path, left.start, left.before) == (slots[3].path, slots[3].start, slots[3].before)
    text = get_text(report, left.path)
    assert text[: left.start] == get_text(original, left.path)[: left.start]


def test_an_edited_paragraph_refuses_its_rows_only() -> None:
    report = Report(year=2024, opening=["完成播种**亩。", "新建道路**公里。"])
    slots = find_slots(report)
    rows = [_row(2, slots[0], "12"), _row(3, slots[1], "3")]
    report.opening[0] = "今年完成播种**亩。"  # the context of the first slot changed
    matched = match_rows(report, rows)
    assert [row.number for row, _ in matched.refused] == [2]
    assert [value for _, value in matched.filled] == ["3"]


def test_a_row_typed_in_below_the_table_is_refused_with_a_reason_that_says_so() -> None:
    """A colleague added a row with only 填写: the message said 草稿中“”处的文字已不是“”."""
    report = Report(year=2024, opening=["完成播种**亩。"])
    matched = match_rows(report, [Row(9, "", "", "", "", "12")])
    ((row, reason),) = matched.refused
    assert row.number == 9 and "“”" not in reason and "不知道填到哪里" in reason
    assert matched.filled == []


def _row(number: int, slot: Slot, value: str) -> Row:
    return Row(number, slot.place, slot.before, slot.placeholder, slot.after, value)


def test_a_file_that_is_not_the_table(tmp_path: Path) -> None:
    wrong = tmp_path / "别的.xlsx"
    openpyxl.Workbook().save(wrong)
    with pytest.raises(FiguresFileError, match="第一行"):
        read_xlsx(wrong)
    broken = tmp_path / "坏的.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(FiguresFileError, match="不是能读取的"):
        read_xlsx(broken)


def test_the_draft_is_never_overwritten(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.json"
    save_draft(Report(year=2024, opening=["完成**亩。"]), draft)
    table = tmp_path / "数据.xlsx"
    cli.main(["figures", str(draft), "-o", str(table)])
    assert cli.main(["figures", str(draft), "--fill", str(table), "-o", str(draft)]) == 1
