"""Importing .docx: text in body order (tables included), and untrusted files refused with
a Chinese message — never a traceback or a hang."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from nianbao_gui.core.errors import ReportImportError
from nianbao_gui.core.importer import import_report
from nianbao_gui.core.importer.docx_reader import MAX_DOCX_BYTES, OLE_MAGIC, read_docx
from nianbao_gui.core.importer.tables_in import placeholder
from nianbao_gui.core.layout import to_plain_text


def _make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("2023年度述职报告")
    document.add_paragraph("某某镇副镇长\u3000张三")
    document.add_paragraph("\u3000\u30002023年，我认真履行职责，现报告如下：")
    document.add_paragraph("一、抓好农业生产")
    document.add_paragraph("全年粮食播种面积**亩。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "数量"
    table.cell(1, 0).text = "改厕"
    table.cell(1, 1).text = "**户"
    document.add_paragraph("二、抓好安全工作")
    paragraph = document.add_paragraph("开展检查")
    paragraph.add_run("**次，整改隐患**处。")
    document.add_paragraph("张三")
    document.add_paragraph("2024年1月5日")
    document.save(str(path))
    return path


def test_docx_paragraphs_and_tables_in_body_order(tmp_path: Path) -> None:
    path = _make_docx(tmp_path / "报告.docx")
    read = read_docx(path)
    assert read.tables == 1 and read.numbered_headings == 0
    assert read.found_tables[0].rows == [["项目", "数量"], ["改厕", "**户"]]
    lines = read.text.split("\n")
    assert lines.index(placeholder(0)) == lines.index("全年粮食播种面积**亩。") + 1
    assert lines.index(placeholder(0)) < lines.index("二、抓好安全工作")
    result = import_report(path)
    report = result.report
    assert report.effective_title() == "2023年度述职报告"
    assert report.author_name == "张三" and report.position == "副镇长"
    assert report.opening == ["2023年，我认真履行职责，现报告如下："]
    assert report.sections[0].paragraphs == ["全年粮食播种面积**亩。"]
    assert report.sections[0].tables[0].rows == [["项目", "数量"], ["改厕", "**户"]]
    assert report.sections[1].paragraphs == ["开展检查**次，整改隐患**处。"]
    assert report.signature == "张三"
    assert any("表格" in note for note in result.notes)
    assert "改厕\t**户" in to_plain_text(report)


def test_docx_saved_as_txt_is_still_read(tmp_path: Path) -> None:
    path = _make_docx(tmp_path / "报告.docx").rename(tmp_path / "报告.txt")
    assert import_report(path).report.effective_title() == "2023年度述职报告"


def _refused(path: Path, *words: str) -> str:
    with pytest.raises(ReportImportError) as caught:
        import_report(path)
    message = str(caught.value)
    for word in words:
        assert word in message
    return message


def test_old_doc_format(tmp_path: Path) -> None:
    path = tmp_path / "旧报告.doc"
    path.write_bytes(OLE_MAGIC + b"\x00" * 504)
    _refused(path, ".doc", "另存为", ".docx")


def test_doc_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "报告.docx"
    path.write_bytes(OLE_MAGIC + b"\x00" * 504)
    _refused(path, "旧版", "另存为")


def test_encrypted_docx(tmp_path: Path) -> None:
    path = tmp_path / "加密.docx"
    path.write_bytes(OLE_MAGIC + b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64)
    _refused(path, "密码")


def test_oversized_docx(tmp_path: Path) -> None:
    path = tmp_path / "大.docx"
    with path.open("wb") as handle:
        handle.truncate(MAX_DOCX_BYTES + 1)
    _refused(path, "太大")


def test_text_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "假.docx"
    path.write_text("这不是 Word 文档", encoding="utf-8")
    _refused(path, "不是真正的 Word 文档")


def test_zip_that_is_not_word(tmp_path: Path) -> None:
    path = tmp_path / "表格.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    _refused(path, "Excel")
    plain = tmp_path / "压缩包.docx"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("readme.txt", "hello")
    _refused(plain, "不是 Word 文档")


def test_zip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (8 * 1024 * 1024))
    assert path.stat().st_size < 100 * 1024
    _refused(path, "异常巨大")


def _content_types(main: str) -> str:
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/word/document.xml" ContentType="application/{main}"/></Types>'
    )


WORD_MAIN = "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def test_corrupt_word_xml(tmp_path: Path) -> None:
    path = tmp_path / "坏.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", _content_types(WORD_MAIN))
        archive.writestr("word/document.xml", "<<< not xml")
    _refused(path, "损坏")


@pytest.mark.parametrize(
    ("main", "word"),
    [
        ("vnd.ms-word.document.macroEnabled.main+xml", ".docm"),
        ("vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", "模板"),
    ],
)
def test_macro_documents_and_templates(tmp_path: Path, main: str, word: str) -> None:
    path = tmp_path / "报告.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", _content_types(main))
        archive.writestr("word/document.xml", "<w:document/>")
    _refused(path, word, "另存为")


def test_truncated_docx(tmp_path: Path) -> None:
    good = _make_docx(tmp_path / "好.docx")
    path = tmp_path / "截断.docx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _refused(path, "Word")


def test_other_formats_get_advice(tmp_path: Path) -> None:
    path = tmp_path / "报告.wps"
    path.write_bytes(b"x")
    _refused(path, "WPS", "另存为")


def test_tracked_changes_hyperlinks_and_content_controls(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    document.add_paragraph("开篇。")
    body = document.element.body
    body.insert(
        len(body) - 1,  # before sectPr, which stays last
        parse_xml(
            f"<w:p {w}><w:r><w:t>保留</w:t></w:r>"
            "<w:ins w:id='1' w:author='a'><w:r><w:t>插入的</w:t></w:r></w:ins>"
            "<w:del w:id='2' w:author='a'><w:r><w:delText>删除的</w:delText></w:r></w:del>"
            "<w:hyperlink><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>"
            "<w:r><w:tab/><w:t>。</w:t></w:r></w:p>"
        ),
    )
    body.insert(
        len(body) - 1,
        parse_xml(
            f"<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>内容控件里的段落。</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )
    path = tmp_path / "修订.docx"
    document.save(str(path))
    assert read_docx(path).text.split("\n") == [
        "开篇。",
        "保留插入的链接文字\t。",
        "内容控件里的段落。",
    ]


def test_heading_styles_without_typed_numbers(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("2023年度述职报告", level=1)  # the title, though styled as a heading
    document.add_paragraph("2023年，我认真履行职责。")
    document.add_heading("强化学习意识", level=1)
    document.add_paragraph("全年学习**次。")
    document.add_heading("强化责任意识", level=1)
    document.add_heading("政法工作", level=2)
    document.add_paragraph("化解矛盾**件。")
    document.add_heading("矛盾调处", level=3)
    document.add_heading("信访", level=4)
    document.add_heading("第五层不编号", level=5)
    path = tmp_path / "标题样式.docx"
    document.save(str(path))
    result = import_report(path)
    report = result.report
    assert report.effective_title() == "2023年度述职报告"
    assert [s.heading for s in report.sections] == ["强化学习意识", "强化责任意识"]
    politics = report.sections[1].children[0]
    assert (politics.heading, politics.paragraphs) == ("政法工作", ["化解矛盾**件。"])
    leaf = politics.children[0].children[0]
    assert (leaf.heading, leaf.paragraphs) == ("信访", ["第五层不编号"])
    assert any("标题样式" in note for note in result.notes)


def test_heading_styles_with_typed_numbers_are_read_as_typed(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("开篇。")
    document.add_heading("一、强化学习意识", level=2)
    document.add_paragraph("正文。")
    document.add_heading("三、强化责任意识", level=2)  # a typed skip is kept and noted
    path = tmp_path / "已编号.docx"
    document.save(str(path))
    read = read_docx(path)
    assert read.numbered_headings == 0
    assert read.text.split("\n") == ["开篇。", "一、强化学习意识", "正文。", "三、强化责任意识"]
    result = import_report(path)
    assert any("“三、”" in note for note in result.notes)


def test_exported_report_imports_back_unchanged(tmp_path: Path) -> None:
    """What the program exports, it reads back: the same report, the title still automatic."""
    export = pytest.importorskip("nianbao_gui.core.export")
    from nianbao_gui.core.templates import example_report

    report = example_report()
    path = tmp_path / "导出.docx"
    export.export_docx(report, path)
    result = import_report(path)
    assert result.notes == []
    assert result.report.effective_title() == report.suggested_title()
    assert result.report.title == ""  # the title written was the automatic one: it stays so
    assert result.report == report
