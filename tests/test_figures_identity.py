"""数据 tables filled back by identity (issue 18 items 1-5, 7, 8, 13; issue 17 item 7), with
the issue's reproductions run through ``nianbao figures``."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest
from conftest import REPO
from figures_support import fill_cells, set_cell_xml, table_rows, write_rows

from nianbao_gui import cli
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.storage import backups_of, load_draft, save_draft

EXAMPLE = REPO / "seeds" / "example-2022-shuzhi-shulian.json"
TAIL = "党支部今年以来认真落实各项工作部署，全年完成固定资产投资**万元，同比增长**%。"
A, B = "城关村" + TAIL, "新华村" + TAIL


def _draft(tmp_path: Path, *paragraphs: str, name: str = "草稿.json", **fields: object) -> Path:
    report = Report(year=2025, sections=[Section(heading="抓好发展", paragraphs=list(paragraphs))])
    for key, value in fields.items():
        setattr(report, key, value)
    path = tmp_path / name
    save_draft(report, path)
    return path


def _export(draft: Path, table: Path) -> None:
    assert cli.main(["figures", str(draft), "-o", str(table)]) == cli.EXIT_OK


def _fill(draft: Path, table: Path, out: Path, *extra: str) -> int:
    return cli.main(["figures", str(draft), "--fill", str(table), "-o", str(out), *extra])


def _edit(draft: Path, change) -> None:  # type: ignore[no-untyped-def]
    """A change made in the window between export and fill: the paragraph list with the
    identities beside it, as the window's commands keep them."""
    report = load_draft(draft)
    change(report.sections[0])
    save_draft(report, draft)


def _swap(section: Section) -> None:
    section.paragraphs = section.paragraphs[::-1]
    if hasattr(section, "paragraph_ids"):  # 上移: each keeps its own
        section.paragraph_ids = section.paragraph_ids[::-1]


def _copy_a_above(section: Section) -> None:
    section.paragraphs = [section.paragraphs[0], *section.paragraphs]
    if hasattr(section, "paragraph_ids"):  # a new paragraph
        section.paragraph_ids = ["copy-of-a", *section.paragraph_ids]


@pytest.mark.parametrize("change", [_swap, _copy_a_above], ids=["swap", "copy of A above A"])
def test_figures_never_land_in_the_other_village(tmp_path: Path, change, capsys) -> None:  # type: ignore[no-untyped-def]
    """Item 1: two paragraphs that differ only in the village's name."""
    draft, table, out = tmp_path / "草稿.json", tmp_path / "数据.xlsx", tmp_path / "已填.json"
    _draft(tmp_path, A, B)
    _export(draft, table)
    fill_cells(table, {2: "100", 3: "5", 4: "200", 5: "6"})
    _edit(draft, change)
    assert _fill(draft, table, out) == cli.EXIT_OK
    texts = load_draft(out).sections[0].paragraphs
    assert "城关村" + TAIL.replace("**", "100", 1).replace("**", "5") in texts
    assert "新华村" + TAIL.replace("**", "200", 1).replace("**", "6") in texts
    if change is _copy_a_above:
        assert texts[0] == A  # the copy is not the paragraph the table was made for
    assert "已填入 4 处" in capsys.readouterr().out


def test_a_row_of_a_deleted_paragraph_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    draft, table, out = tmp_path / "草稿.json", tmp_path / "数据.xlsx", tmp_path / "已填.json"
    _draft(tmp_path, A, B)
    _export(draft, table)
    fill_cells(table, {2: "100", 3: "5", 4: "200", 5: "6"})

    def delete_a(section: Section) -> None:
        section.paragraphs = section.paragraphs[1:]
        if hasattr(section, "paragraph_ids"):
            section.paragraph_ids = section.paragraph_ids[1:]

    _edit(draft, delete_a)
    assert _fill(draft, table, out) == cli.EXIT_FINDINGS
    err = capsys.readouterr().err
    assert "第2行" in err and "第3行" in err and "段落已经删除" in err
    assert load_draft(out).sections[0].paragraphs == [B.replace("**", "200", 1).replace("**", "6")]


def _seed_for(tmp_path: Path, name: str, author: str) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["author_name"] = author
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_table_made_for_another_draft_is_refused_naming_both(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Item 2: 张三's table filled into 李四's draft made from the same text."""
    zhang = _seed_for(tmp_path, "张三.json", "张三")
    li = _seed_for(tmp_path, "李四.json", "李四")
    table, out = tmp_path / "张三（数据）.xlsx", tmp_path / "李四（已填）.json"
    _export(zhang, table)
    fill_cells(table, {row: str(row) for row in range(2, 40)})
    assert _fill(li, table, out) == 1
    err = capsys.readouterr().err
    assert "张三" in err and "李四" in err and "不是同一份草稿" in err
    assert not out.exists()
    assert _fill(zhang, table, out) == cli.EXIT_OK  # her own draft takes it


def test_duplicate_rows_with_different_values_are_a_conflict(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Item 3: the 38 rows twice, shuffled; one pair disagrees."""
    table, out = tmp_path / "数据.xlsx", tmp_path / "已填.json"
    _export(EXAMPLE, table)
    rows = table_rows(table)
    header, body = rows[0], rows[1:]
    for number, row in enumerate(body, start=2):
        row[4] = str(number * 10)
    twice = [list(row) for row in body] + [list(row) for row in body]
    twice[38 + 3][4] = "99999"  # the 4th slot's second row says another figure
    random.Random(5).shuffle(twice)
    write_rows(table, [header, *twice])
    assert _fill(EXAMPLE, table, out) == cli.EXIT_FINDINGS
    captured = capsys.readouterr()
    err = captured.err
    assert "已填入 37 处" in captured.out
    conflict = [line for line in err.splitlines() if "给同一处填了不同的数" in line]
    numbers = sorted(n for n, row in enumerate(twice, start=2) if row[4] in ("50", "99999"))
    assert len(conflict) == 2 and f"第{numbers[0]}行和第{numbers[1]}行" in conflict[0]
    assert "文字已不是" not in err


def test_a_value_typed_in_the_panel_first_shifts_no_row(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Item 4: one slot filled in the panel after the export; the table's rows stay put."""
    draft, table, out = tmp_path / "草稿.json", tmp_path / "数据.xlsx", tmp_path / "已填.json"
    _draft(tmp_path, "新建**、新建**、新建**、新建**。")
    _export(draft, table)
    fill_cells(table, {2: "R1", 3: "R2", 4: "R3", 5: "R4"})
    report = load_draft(draft)
    report.sections[0].paragraphs[0] = "新建甲、新建**、新建**、新建**。"  # typed in the panel
    save_draft(report, draft)
    assert _fill(draft, table, out) == cli.EXIT_FINDINGS
    assert load_draft(out).sections[0].paragraphs == ["新建甲、新建R2、新建R3、新建R4。"]
    err = capsys.readouterr().err
    assert "第2行" in err and "已经填" in err


def test_a_shared_string_of_a_million_characters_is_no_figure(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Item 5: the 填写 cells E2..E39 point to one shared string of 1,000,000 × 大."""
    table, out = tmp_path / "数据.xlsx", tmp_path / "已填.json"
    _export(EXAMPLE, table)
    for row in range(2, 40):
        set_cell_xml(table, f"E{row}", f'<c r="E{row}" t="s"><v>0</v></c>')
    _add_shared_strings(table, "大" * 1_000_000)
    code = _fill(EXAMPLE, table, out)
    assert code in (1, cli.EXIT_FINDINGS)
    assert "太长" in capsys.readouterr().err
    if out.exists():
        assert out.stat().st_size < 1_000_000
        load_draft(out)


def _add_shared_strings(table: Path, text: str) -> None:
    from figures_support import rewrite_part

    rewrite_part(
        table,
        "xl/sharedStrings.xml",
        lambda _old: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="1" uniqueCount="1"><si><t>{text}</t></si></sst>',
    )
    rewrite_part(
        table,
        "[Content_Types].xml",
        lambda old: old.replace(
            "</Types>",
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        ),
    )
    rewrite_part(
        table,
        "xl/_rels/workbook.xml.rels",
        lambda old: old.replace(
            "</Relationships>",
            '<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        ),
    )


def test_fill_o_over_a_draft_or_another_file_follows_import_o(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Item 7: -o naming an existing file."""
    draft, table = tmp_path / "草稿.json", tmp_path / "数据.xlsx"
    _draft(tmp_path, "完成播种**亩。")
    _export(draft, table)
    fill_cells(table, {2: "800"})
    other = tmp_path / "package.json"
    other.write_text('{"name": "x"}', encoding="utf-8")
    assert _fill(draft, table, other) == 1
    assert other.read_text(encoding="utf-8") == '{"name": "x"}'
    assert "不是年报助手的草稿" in capsys.readouterr().err
    leader = _draft(tmp_path, "李四的报告。", name="李四.json", author_name="李四")
    before = leader.read_bytes()
    assert _fill(draft, table, leader) == 1
    assert leader.read_bytes() == before
    assert "--force" in capsys.readouterr().err
    assert _fill(draft, table, leader, "--force") == cli.EXIT_OK
    assert load_draft(leader).sections[0].paragraphs == ["完成播种800亩。"]
    assert "原草稿保留为较早版本" in capsys.readouterr().err
    assert any(path.read_bytes() == before for path in backups_of(leader))


def test_cells_that_are_no_figures_are_refused_with_reasons(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Item 8 (and issue 17 item 7: TRUE, a date before 件)."""
    draft, table, out = tmp_path / "草稿.json", tmp_path / "数据.xlsx", tmp_path / "已填.json"
    lines = [f"第{i}项工作完成**件。" for i in range(1, 10)]
    _draft(tmp_path, *lines, "同比增长**%。", "完成率为**。", "结案**件。", "于**召开大会。")
    _export(draft, table)
    fill_cells(
        table,
        {
            2: "#DIV/0!",
            3: "#REF!",
            4: "#N/A",
            5: True,
            7: dt.timedelta(hours=5),
            8: dt.time(9, 30),
            9: "12\u2028" + "34",
            10: "56\u0085" + "78",
            11: 0.125,
            12: 0.125,
            13: dt.datetime(2025, 3, 5),
            14: dt.datetime(2025, 3, 5),
        },
    )
    import openpyxl

    book = openpyxl.load_workbook(table)
    for row in (11, 12):
        book["数据"].cell(row=row, column=5).number_format = "0.0%"
    book.save(table)
    set_cell_xml(table, "E6", '<c r="E6" t="n"><v>1E999</v></c>')  # read as inf
    set_cell_xml(table, "E10", '<c r="E10"><f>SUM(1,2)</f></c>')  # no cached result
    assert _fill(draft, table, out) == cli.EXIT_FINDINGS
    err = capsys.readouterr().err
    texts = load_draft(out).sections[0].paragraphs
    assert texts[:9] == lines  # none of rows 2-10 filled
    assert texts[9:11] == ["同比增长12.5%。", "完成率为12.5%。"]  # as Excel shows 0.125
    assert texts[11:] == ["结案**件。", "于2025年3月5日召开大会。"]
    for number, word in [
        (2, "#DIV/0!"),
        (3, "#REF!"),
        (4, "#N/A"),
        (5, "TRUE"),
        (6, "有限"),
        (7, "时长"),
        (8, "时刻"),
        (9, "换行"),
        (10, "公式"),
        (13, "日期"),
    ]:
        (line,) = [line for line in err.splitlines() if f"第{number}行" in line]
        assert word in line, (number, line)
    assert "True" not in "".join(texts) and "inf" not in "".join(texts)


def test_all_or_nothing_fills_nothing_when_a_row_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    draft, table, out = tmp_path / "草稿.json", tmp_path / "数据.xlsx", tmp_path / "已填.json"
    _draft(tmp_path, "结案**件。", "完成播种**亩。")
    _export(draft, table)
    fill_cells(table, {2: dt.datetime(2025, 3, 5), 3: "800"})
    assert _fill(draft, table, out, "--all-or-nothing") == cli.EXIT_FINDINGS
    assert not out.exists()
    captured = capsys.readouterr()
    assert "一处也没有填" in captured.out and "第2行" in captured.err
    assert _fill(draft, table, out) == cli.EXIT_FINDINGS  # without it: the rest is filled
    assert load_draft(out).sections[0].paragraphs == ["结案**件。", "完成播种800亩。"]


def test_a_lone_surrogate_next_to_a_slot_exports_and_fills(tmp_path: Path) -> None:
    """Item 13: ``figures -o`` with a lone surrogate beside a slot."""
    draft, table, out = tmp_path / "草稿.json", tmp_path / "数据.xlsx", tmp_path / "已填.json"
    _draft(tmp_path, "完成\ud800播种**亩。")
    _export(draft, table)
    fill_cells(table, {2: "800"})
    assert _fill(draft, table, out) == cli.EXIT_OK
    assert load_draft(out).sections[0].paragraphs == ["完成\ud800播种800亩。"]


def test_rows_copied_out_of_another_drafts_table_are_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Item 2 without the hidden 草稿 sheet (rows copied into a new workbook)."""
    from figures_support import rewrite_part

    draft, table, out = tmp_path / "草稿.json", tmp_path / "数据.xlsx", tmp_path / "已填.json"
    _draft(tmp_path, A, draft_id="zhang")
    _export(draft, table)
    fill_cells(table, {2: "100", 3: "5"})
    _draft(tmp_path, A, draft_id="li")  # another draft, same text
    rewrite_part(table, "xl/workbook.xml", lambda text: text.replace('state="hidden"', ""))
    import openpyxl

    book = openpyxl.load_workbook(table)
    del book["草稿"]
    book.save(table)
    assert _fill(draft, table, out) == cli.EXIT_FINDINGS
    assert "为另一份草稿导出" in capsys.readouterr().err
    assert load_draft(out).sections[0].paragraphs == [A]


def test_a_version_1_draft_exports_and_fills_before_it_is_saved_again(tmp_path: Path) -> None:
    """Its ids are derived from positions, the same at export and at fill."""
    draft, table, out = tmp_path / "旧.json", tmp_path / "数据.xlsx", tmp_path / "已填.json"
    old = {"schema_version": 1, "year": 2024, "sections": [{"heading": "一", "paragraphs": [A, B]}]}
    draft.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    _export(draft, table)
    fill_cells(table, {2: "100", 3: "5", 4: "200", 5: "6"})
    assert _fill(draft, table, out) == cli.EXIT_OK
    assert load_draft(out).sections[0].paragraphs[0].startswith("城关村党支部")
    assert "100万元" in load_draft(out).sections[0].paragraphs[0]
    assert json.loads(draft.read_text(encoding="utf-8")) == old  # the old draft untouched


def test_a_paragraph_longer_than_a_cell_fills_by_its_words(tmp_path: Path) -> None:
    """An Excel cell holds 32,767 characters: such a paragraph is not kept in 原文 (Excel
    would cut it), and its slot is found by the words around it."""
    draft, table, out = tmp_path / "草稿.json", tmp_path / "数据.xlsx", tmp_path / "已填.json"
    long = "工作" * 20_000 + "完成播种**亩。"
    _draft(tmp_path, long)
    _export(draft, table)
    assert table_rows(table)[1][7] in (None, "")
    fill_cells(table, {2: "800"})
    assert _fill(draft, table, out) == cli.EXIT_OK
    assert load_draft(out).sections[0].paragraphs == [long.replace("**", "800")]
