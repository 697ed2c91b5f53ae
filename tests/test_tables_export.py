"""Tables in the Word export (issue 22 item 5): as wide as the text block and centred, 0.5 pt
borders, widths consistent in w:gridCol, w:tblW and w:tcW, cells 仿宋 at the size set with
single spacing, header rows 黑体 and repeated, rows that do not split, numbers centred, 表题
above; merges written and read back. Every export here is audited (export_support)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from nianbao_gui.core.export import export_bytes
from nianbao_gui.core.importer.api import import_report
from nianbao_gui.core.model import Merge, Report, Section, Table
from nianbao_gui.core.settings import TableFontSize
from nianbao_gui.core.typeset import ExportOptions

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def merged_table(**extra: object) -> Table:
    return Table(
        caption="主要经济指标",
        unit="单位：亿元",
        header_rows=2,
        rows=[
            ["指标", "年度", ""],
            ["", "2024年", "2025年"],
            ["地区生产总值", "28.6", "30.4"],
            ["增幅", "6.2%", "6.3%"],
        ],
        merges=[Merge(top=0, left=0, height=2, width=1), Merge(top=0, left=1, width=2)],
        note="注：数据为快报数。",
        **extra,  # type: ignore[arg-type]
    )


def report_with(*tables: Table, after_last: bool = False) -> Report:
    section = Section(heading="经济发展", paragraphs=["主要指标如下。", "其他。"])
    report = Report(year=2025, sections=[section])
    anchor = section.paragraph_ids[1 if after_last else 0]
    section.tables = [table.model_copy(update={"after": anchor}) for table in tables]
    return Report.model_validate(report.model_dump())


def document_xml(report: Report, options: ExportOptions | None = None) -> etree._Element:
    data, _ = export_bytes(report, options)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
        styles = etree.fromstring(archive.read("word/styles.xml"))
    # each paragraph's style, put beside it for _cell_runs (a cell's properties are its
    # style's, its run names the fonts)
    for p in root.iter(W + "p"):
        style = p.find("w:pPr/w:pStyle", NS)
        if style is not None:
            found = styles.find(f"w:style[@w:styleId='{style.get(W + 'val')}']", NS)
            p.set("style-copy", etree.tostring(found).decode() if found is not None else "")
    return root


def test_the_table_spans_the_text_block_centred_with_consistent_widths() -> None:
    tbl = document_xml(report_with(merged_table())).find(".//w:tbl", NS)
    assert tbl is not None
    width = tbl.find("w:tblPr/w:tblW", NS)
    assert width is not None and width.get(W + "w") == "8844" and width.get(W + "type") == "dxa"
    assert tbl.find("w:tblPr/w:jc", NS).get(W + "val") == "center"  # type: ignore[union-attr]
    grid = [int(col.get(W + "w")) for col in tbl.findall("w:tblGrid/w:gridCol", NS)]
    assert sum(grid) == 8844 and len(grid) == 3
    for tr in tbl.findall("w:tr", NS):
        column = 0
        for tc in tr.findall("w:tc", NS):
            span_el = tc.find("w:tcPr/w:gridSpan", NS)
            span = int(span_el.get(W + "val")) if span_el is not None else 1
            tcw = int(tc.find("w:tcPr/w:tcW", NS).get(W + "w"))  # type: ignore[union-attr]
            assert tcw == sum(grid[column : column + span])
            column += span
        assert column == 3


def test_borders_are_single_half_point_lines() -> None:
    tbl = document_xml(report_with(merged_table())).find(".//w:tbl", NS)
    borders = tbl.find("w:tblPr/w:tblBorders", NS)  # type: ignore[union-attr]
    sides = {el.tag.removeprefix(W): (el.get(W + "val"), el.get(W + "sz")) for el in borders}
    assert sides == {
        side: ("single", "4") for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    }


def test_header_rows_repeat_and_no_row_splits() -> None:
    rows = document_xml(report_with(merged_table())).findall(".//w:tbl/w:tr", NS)
    assert [tr.find("w:trPr/w:tblHeader", NS) is not None for tr in rows] == [1, 1, 0, 0]
    assert all(tr.find("w:trPr/w:cantSplit", NS) is not None for tr in rows)


@pytest.mark.parametrize(("size", "twips"), [(TableFontSize.SI, "504"), (TableFontSize.WU, "378")])
def test_every_row_has_room_above_and_below_its_text(size: TableFontSize, twips: str) -> None:
    """At least 1.8 × the cell size high (rules included; LibreOffice draws exactly that and
    the page layout counts it): single-spaced text no longer touches the rules."""
    options = ExportOptions(table_size=size)
    rows = document_xml(report_with(merged_table()), options).findall(".//w:tbl/w:tr", NS)
    heights = [tr.find("w:trPr/w:trHeight", NS) for tr in rows]
    assert all(h is not None and h.get(W + "hRule") == "atLeast" for h in heights)
    assert {h.get(W + "val") for h in heights if h is not None} == {twips}


def test_a_placeholder_for_a_figure_is_centred_like_the_figure() -> None:
    table = merged_table()
    table.rows[2][2] = "**"
    cells = _cell_runs(document_xml(report_with(table)))
    assert cells["**"][2] == "center" == cells["28.6"][2]


def _prop(p: etree._Element, path: str, attribute: str) -> str | None:
    """A property of paragraph ``p``: written on it (or its first run), else its style's."""
    direct = p.find(path, NS)
    if direct is None and p.get("style-copy"):
        style = etree.fromstring(p.get("style-copy"))  # type: ignore[arg-type]
        direct = style.find(path.replace(".//w:r/", ""), NS)
    return None if direct is None else direct.get(W + attribute)


def _cell_runs(root: etree._Element) -> dict[str, tuple[str | None, ...]]:
    """Each cell's text → (font, size, alignment, line rule), direct or from its style."""
    found = {}
    for tc in root.iterfind(".//w:tc", NS):
        p = tc.find("w:p", NS)
        assert p is not None
        text = "".join(p.itertext())
        if text:
            found[text] = (
                _prop(p, ".//w:r/w:rPr/w:rFonts", "eastAsia"),
                _prop(p, ".//w:r/w:rPr/w:sz", "val"),
                _prop(p, "w:pPr/w:jc", "val"),
                _prop(p, "w:pPr/w:spacing", "lineRule"),
            )
    return found


def test_cells_fonts_sizes_and_alignment() -> None:
    cells = _cell_runs(document_xml(report_with(merged_table())))
    assert cells["指标"] == ("黑体", "28", "center", "auto")  # header
    assert cells["地区生产总值"] == ("仿宋_GB2312", "28", "left", "auto")
    assert cells["28.6"] == ("仿宋_GB2312", "28", "center", "auto")  # numbers centred
    assert cells["6.2%"][2] == "center"


@pytest.mark.parametrize(
    ("size", "half_points"),
    [(TableFontSize.SAN, "32"), (TableFontSize.XIAO_SI, "24"), (TableFontSize.WU, "21")],
)
def test_the_cell_size_follows_the_setting(size: TableFontSize, half_points: str) -> None:
    options = ExportOptions(table_size=size)
    assert _cell_runs(document_xml(report_with(merged_table()), options))["28.6"][1] == half_points


def test_caption_above_centred_in_hei_unit_right_note_below() -> None:
    body = document_xml(report_with(merged_table())).find("w:body", NS)
    children = list(body)  # type: ignore[arg-type]
    index = next(i for i, el in enumerate(children) if el.tag == W + "tbl")
    caption, unit, note = children[index - 2], children[index - 1], children[index + 1]
    assert "".join(caption.itertext()) == "主要经济指标"
    assert caption.find("w:pPr/w:pStyle", NS).get(W + "val") == "nb-table_caption"  # type: ignore[union-attr]
    assert caption.find(".//w:rFonts", NS).get(W + "eastAsia") == "黑体"  # type: ignore[union-attr]
    assert caption.find(".//w:sz", NS).get(W + "val") == "32"  # type: ignore[union-attr]
    assert "".join(unit.itertext()) == "单位：亿元"
    assert "".join(note.itertext()) == "注：数据为快报数。"
    assert "".join(children[index - 3].itertext()) == "主要指标如下。"


def test_two_tables_in_a_row_stay_two_and_a_last_table_is_followed_by_a_paragraph() -> None:
    plain = Table(rows=[["甲", "乙"], ["1", "2"]])
    report = report_with(plain, plain, after_last=True)
    report.closing.other_work = []
    body = document_xml(report).find("w:body", NS)
    tags = [el.tag.removeprefix(W) for el in body]  # type: ignore[union-attr]
    assert tags.count("tbl") == 2
    first = tags.index("tbl")
    assert tags[first + 1] == "p" and tags[first + 2] == "tbl" and tags[first + 3] == "p"


def test_exported_and_imported_again_the_table_has_the_same_cells_and_merges(
    tmp_path: Path,
) -> None:
    report = report_with(merged_table())
    path = tmp_path / "导出.docx"
    path.write_bytes(export_bytes(report)[0])
    again = import_report(path).report.sections[0].tables[0]
    table = report.sections[0].tables[0]
    assert again.rows == table.rows and again.merges == table.merges
    assert again.header_rows == 2
