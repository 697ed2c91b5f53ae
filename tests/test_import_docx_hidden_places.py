"""Issue 18 item 17: text in the less common places of a .docx is read, or the import note
says what was left out and where — 不丢字. Each reproduction is injected before w:sectPr."""

from __future__ import annotations

import base64
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from nianbao_gui.core.importer import import_report
from nianbao_gui.core.importer.docx_reader import read_docx
from nianbao_gui.core.importer.tables_in import placeholder
from nianbao_gui.core.layout import to_plain_text

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _docx(path: Path, *blocks: str, parts: dict[str, tuple[str, str, bytes]] | None = None) -> Path:
    """A document "开篇。" followed by the blocks (XML, {rid} filled from parts) and "结束。"."""
    document = docx.Document()
    document.add_paragraph("开篇。")
    ids = {}
    for key, (name, content_type, blob) in (parts or {}).items():
        reltype = RT.FOOTNOTES if key == "footnotes" else RT.A_F_CHUNK
        part = Part(PackURI(name), content_type, blob, document.part.package)
        ids[key] = document.part.relate_to(part, reltype)
    body = document.element.body
    for block in blocks:
        for element in parse_xml(f"<w:body {NS}>{block.format(**ids)}</w:body>"):
            body.insert(len(body) - 1, element)  # before sectPr, which stays last
    body.insert(len(body) - 1, parse_xml(f"<w:p {NS}><w:r><w:t>结束。</w:t></w:r></w:p>"))
    document.save(str(path))
    return path


def _lines(path: Path) -> list[str]:
    return read_docx(path).text.split("\n")


def test_content_control_inside_a_table_cell(tmp_path: Path) -> None:
    cell = f"<w:tc><w:sdt><w:sdtContent>{_p('单元格控件里的字')}</w:sdtContent></w:sdt></w:tc>"
    table = f"<w:tbl><w:tr><w:tc>{_p('项目')}</w:tc>{cell}</w:tr></w:tbl>"
    path = _docx(tmp_path / "a.docx", table)
    assert _lines(path) == ["开篇。", placeholder(0), "结束。"]  # the table, kept as one
    assert read_docx(path).found_tables[0].rows == [["项目", "单元格控件里的字"]]
    assert "单元格控件里的字" in to_plain_text(import_report(path).report)


def test_content_control_around_table_cells_and_rows(tmp_path: Path) -> None:
    row_sdt = (
        "<w:tr><w:sdt><w:sdtContent>"
        f"<w:tc>{_p('行控件甲')}</w:tc><w:tc>{_p('行控件乙')}</w:tc>"
        "</w:sdtContent></w:sdt></w:tr>"
    )
    rows_sdt = (
        f"<w:sdt><w:sdtContent><w:tr><w:tc>{_p('整行控件')}</w:tc></w:tr></w:sdtContent></w:sdt>"
    )
    custom_cell = (
        f"<w:tr><w:customXml w:element='c'><w:tc>{_p('自定义单元格')}</w:tc></w:customXml></w:tr>"
    )
    nested = (
        f"<w:tr><w:tc><w:tbl><w:tr><w:tc>{_p('嵌套表格')}</w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr>"
    )
    path = _docx(tmp_path / "b.docx", f"<w:tbl>{row_sdt}{rows_sdt}{custom_cell}{nested}</w:tbl>")
    expected = [["行控件甲", "行控件乙"], ["整行控件", ""], ["自定义单元格", ""], ["嵌套表格", ""]]
    assert _lines(path) == ["开篇。", placeholder(0), "结束。"]
    assert read_docx(path).found_tables[0].rows == expected


def test_block_level_custom_xml(tmp_path: Path) -> None:
    block = f"<w:customXml w:element='x'>{_p('自定义XML里的段落。')}</w:customXml>"
    path = _docx(tmp_path / "c.docx", block)
    assert _lines(path) == ["开篇。", "自定义XML里的段落。", "结束。"]


def test_alt_chunk_html_is_read(tmp_path: Path) -> None:
    html = (
        "<html><head><title>不是正文</title><style>p {color: red}</style></head><body>"
        "<p>嵌入网页的第一段。</p><div>第二段&amp;<b>加粗</b>\n  接着</div>"
        "<table><tr><td>甲</td><td>乙</td></tr></table></body></html>"
    ).encode()
    parts = {"chunk": ("/word/afchunk1.htm", "text/html", html)}
    path = _docx(tmp_path / "d.docx", "<w:altChunk r:id='{chunk}'/>", parts=parts)
    assert _lines(path) == ["开篇。", "嵌入网页的第一段。", "第二段&加粗 接着", "甲\t乙", "结束。"]
    result = import_report(path)
    assert any("嵌入" in note and "网页" in note for note in result.notes)


def test_alt_chunk_that_cannot_be_read_is_noted_with_its_place(tmp_path: Path) -> None:
    parts = {"chunk": ("/word/afchunk1.rtf", "application/rtf", b"{\\rtf1 \\ansi x}")}
    path = _docx(tmp_path / "e.docx", "<w:altChunk r:id='{chunk}'/>", parts=parts)
    result = import_report(path)
    note = next(note for note in result.notes if "嵌入" in note)
    assert "没有导入" in note and "“开篇。”之后" in note


FOOTNOTES = (
    f"<w:footnotes {NS}>"
    "<w:footnote w:type='separator' w:id='-1'><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
    "<w:footnote w:type='continuationSeparator' w:id='0'><w:p><w:r><w:continuationSeparator/>"
    "</w:r></w:p></w:footnote>"
    "<w:footnote w:id='1'><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space='preserve'>"
    " 数据来源：县统计局。</w:t></w:r></w:p></w:footnote>"
    "</w:footnotes>"
).encode()


def test_footnotes_are_read_after_their_paragraph(tmp_path: Path) -> None:
    paragraph = (
        "<w:p><w:r><w:t>全年增长**%</w:t></w:r>"
        "<w:r><w:footnoteReference w:id='1'/></w:r><w:r><w:t>。</w:t></w:r></w:p>"
    )
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    parts = {"footnotes": ("/word/footnotes.xml", kind, FOOTNOTES)}
    path = _docx(tmp_path / "f.docx", paragraph, parts=parts)
    assert _lines(path) == ["开篇。", "全年增长**%①。", "①数据来源：县统计局。", "结束。"]
    result = import_report(path)
    assert "数据来源：县统计局" in to_plain_text(result.report)
    assert any("脚注" in note for note in result.notes)


def test_symbol_font_characters(tmp_path: Path) -> None:
    def sym(font: str, char: str) -> str:
        return f"<w:r><w:sym w:font='{font}' w:char='{char}'/></w:r>"

    paragraph = (
        f"<w:p><w:r><w:t>增长</w:t></w:r>{sym('Symbol', 'F0B1')}<w:r><w:t>5%，</w:t></w:r>"
        f"{sym('Symbol', 'F0B4')}{sym('Symbol', 'F0B8')}{sym('Symbol', 'F0B0')}"
        f"{sym('Symbol', 'F0A3')}{sym('Symbol', 'F0B3')}{sym('Symbol', 'F0B9')}"
        f"{sym('Symbol', 'F0D6')}{sym('Wingdings', 'F0FC')}{sym('Times New Roman', 'F0B1')}"
        f"{sym('宋体', '2026')}{sym('Webdings', 'F021')}</w:p>"
    )
    path = _docx(tmp_path / "g.docx", paragraph)
    assert _lines(path)[1] == "增长±5%，×÷°≤≥≠√✓±…\ufffd"
    result = import_report(path)
    note = next(note for note in result.notes if "符号" in note)
    assert "Webdings" in note and "F021" in note and "增长±5%" in note


def test_hidden_text_is_left_out_and_noted(tmp_path: Path) -> None:
    paragraph = (
        "<w:p><w:r><w:t>看得见的字</w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的字</w:t></w:r>"
        "<w:r><w:rPr><w:vanish w:val='0'/></w:rPr><w:t>不隐藏</w:t></w:r></w:p>"
    )
    path = _docx(tmp_path / "h.docx", paragraph)
    assert _lines(path) == ["开篇。", "看得见的字不隐藏", "结束。"]
    result = import_report(path)
    note = next(note for note in result.notes if "隐藏" in note)
    assert "隐藏的字" in note and "看得见的字" in note
    assert "隐藏的字" not in to_plain_text(result.report)


def test_text_in_a_place_the_reader_does_not_know_is_kept_at_the_end(tmp_path: Path) -> None:
    # run-level elements straight in the body (the schema allows w:ins there) are read in
    # place; a hyperlink there (it does not) is still not lost: it comes last, with a note
    inserted = "<w:ins w:id='9' w:author='a'><w:r><w:t>正文里的插入</w:t></w:r></w:ins>"
    stray = "<w:hyperlink><w:r><w:t>不认识的位置</w:t></w:r></w:hyperlink>"
    path = _docx(tmp_path / "i.docx", inserted, stray)
    assert _lines(path) == ["开篇。", "正文里的插入", "结束。", "不认识的位置"]
    result = import_report(path)
    assert "正文里的插入" in to_plain_text(result.report)
    assert any("不认识" in note and "不认识的位置" in note for note in result.notes)


def _repeated(path: Path, pattern: str, times: int) -> Path:
    """The first element matching the pattern written "times" times in the document's XML
    (python-docx inserting each one would take minutes)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["word/document.xml"].decode()
    found = re.search(pattern, xml)
    assert found is not None
    xml = xml[: found.start()] + found.group() * times + xml[found.end() :]
    parts["word/document.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_a_footnote_or_chunk_repeated_many_times_is_refused_early(tmp_path: Path) -> None:
    """What is read in is counted as it is read: a cited footnote or a merged-in page is
    text the document does not hold itself, so repeating it must not build gigabytes
    (20,000 × a 10,000-character page would be 200 million characters)."""
    import time

    import pytest

    from nianbao_gui.core.errors import ReportImportError

    page = ("<p>" + "网页文字" * 2500 + "</p>").encode()
    parts = {"chunk": ("/word/afchunk1.htm", "text/html", page)}
    path = _docx(tmp_path / "j.docx", "<w:altChunk r:id='{chunk}'/>", parts=parts)
    _repeated(path, r"<w:altChunk [^>]*/>", 20_000)
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    long_note = FOOTNOTES.replace("数据来源：县统计局。".encode(), "脚注文字".encode() * 2500)
    cite = "<w:r><w:footnoteReference w:id='1'/></w:r>"
    notes = _docx(
        tmp_path / "k.docx",
        f"<w:p>{cite}</w:p>",
        parts={"footnotes": ("/word/footnotes.xml", kind, long_note)},
    )
    _repeated(notes, r"<w:r><w:footnoteReference [^>]*/></w:r>", 20_000)
    for each in (path, notes):
        started = time.monotonic()
        with pytest.raises(ReportImportError) as caught:
            import_report(each)
        assert "文字太多" in str(caught.value) and time.monotonic() - started < 10


def test_smartart_and_charts_are_named_in_the_note(tmp_path: Path) -> None:
    """Their words live in parts of their own, which are not read: the note says so."""
    graphic = (
        "<w:p><w:r><w:t>组织架构如下：</w:t></w:r><w:r><w:drawing>"
        "<a:graphic xmlns:a='http://schemas.openxmlformats.org/drawingml/2006/main'>"
        "<a:graphicData uri='http://schemas.openxmlformats.org/drawingml/2006/diagram'>"
        "<dgm:relIds xmlns:dgm='http://schemas.openxmlformats.org/drawingml/2006/diagram'"
        " r:dm='rId90' r:lo='rId91' r:qs='rId92' r:cs='rId93'/>"
        "</a:graphicData></a:graphic></w:drawing></w:r></w:p>"
    )
    result = import_report(_docx(tmp_path / "l.docx", graphic))
    note = next(note for note in result.notes if "SmartArt" in note)
    assert "组织架构如下" in note and "没有导入" in note


def test_a_merged_in_page_of_broken_markup_is_read_in_linear_time() -> None:
    """html.parser took minutes on "<a<a<a…"; the scan looks at each character a bounded
    number of times (the largest page read is MAX_CHUNK_BYTES, 2 MB)."""
    import time

    from nianbao_gui.core.importer.docx_chunks import html_lines

    for page in (b"<a" * 1_000_000, b"<" * 2_000_000, b"<!--" * 500_000, b"<a " + b"x" * 2_000_000):
        started = time.monotonic()
        html_lines(page)
        assert time.monotonic() - started < 5, page[:8]
    assert html_lines("<字和 < 号<b>加粗</b".encode()) == ["<字和 < 号加粗</b"]


def test_endnotes_and_a_merged_in_mht_page(tmp_path: Path) -> None:
    endnotes = (
        FOOTNOTES.decode()
        .replace("footnotes", "endnotes")
        .replace("footnote", "endnote")
        .replace("数据来源：县统计局。", "尾注文字。")
        .encode()
    )
    mht = (
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n"
        b"--b\r\nContent-Type: text/html; charset=\"gb2312\"\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes("<p>网页存档的段落。</p>".encode("gb2312"))
        + b"\r\n--b--\r\n"
    )
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"
    paragraph = "<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:endnoteReference w:id='1'/></w:r></w:p>"
    document = docx.Document()
    part = Part(PackURI("/word/endnotes.xml"), kind, endnotes, document.part.package)
    document.part.relate_to(part, RT.ENDNOTES)
    chunk = Part(PackURI("/word/page.mht"), "message/rfc822", mht, document.part.package)
    rid = document.part.relate_to(chunk, RT.A_F_CHUNK)
    body = document.element.body
    blocks = f"{paragraph}<w:altChunk r:id='{rid}'/>"
    for element in parse_xml(f"<w:body {NS}>{blocks}</w:body>"):
        body.insert(len(body) - 1, element)
    path = tmp_path / "m.docx"
    document.save(str(path))
    assert _lines(path) == ["正文①", "①尾注文字。", "网页存档的段落。"]
