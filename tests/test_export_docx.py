"""The exported .docx read back: page, grid, fonts, styles, footers, language, text."""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from export_support import long_report, seed_lines, seed_report
from lxml import etree

from nianbao_gui.core.export import ExportOptions, export_docx
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.settings import FontChoice

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(name: str) -> str:
    return f"{{{W}}}{name}"


def parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: etree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        }


def export(report: Report, options: ExportOptions | None = None) -> bytes:
    buffer = io.BytesIO()
    export_docx(report, buffer, options)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def long_parts() -> dict[str, etree._Element]:
    return parts(export(long_report(6)))


def style_by_name(styles: etree._Element, name: str) -> etree._Element:
    found = styles.xpath("w:style[w:name/@w:val=$n]", namespaces=NS, n=name)
    assert found, f"style {name} missing"
    return found[0]


def test_page_size_margins_and_line_grid(long_parts: dict[str, etree._Element]) -> None:
    sect = long_parts["word/document.xml"].find(f".//{q('sectPr')}")
    size = sect.find(q("pgSz"))
    assert (size.get(q("w")), size.get(q("h"))) == ("11906", "16838")
    margins = sect.find(q("pgMar"))
    assert {k: margins.get(q(k)) for k in ("top", "bottom", "left", "right")} == {
        "top": "2098",
        "bottom": "1984",
        "left": "1587",
        "right": "1474",
    }
    grid = sect.find(q("docGrid"))
    assert grid.get(q("type")) == "lines"
    assert grid.get(q("linePitch")) == "579"
    assert grid.get(q("charSpace")) is None  # LibreOffice breaks on a character grid


def test_every_run_names_its_font_four_times_without_theme(
    long_parts: dict[str, etree._Element],
) -> None:
    for name, root in long_parts.items():
        for fonts in root.iter(q("rFonts")):
            assert not [a for a in fonts.attrib if a.lower().endswith("theme")], name
    runs = list(long_parts["word/document.xml"].iter(q("r")))
    assert len(runs) > 30
    for run in runs:
        fonts = run.find(f"{q('rPr')}/{q('rFonts')}")
        values = {fonts.get(q(k)) for k in ("ascii", "hAnsi", "eastAsia", "cs")}
        assert len(values) == 1 and None not in values
        assert fonts.get(q("hint")) == "eastAsia"
        assert run.find(f"{q('rPr')}/{q('lang')}").get(q("eastAsia")) == "zh-CN"


def runs_of(document: etree._Element, style_id: str) -> list[etree._Element]:
    return document.xpath(f"//w:p[w:pPr/w:pStyle/@w:val='{style_id}']/w:r", namespaces=NS)


def run_font(run: etree._Element) -> tuple[str, str, bool, str | None]:
    rpr = run.find(q("rPr"))
    spacing = rpr.find(q("spacing"))
    return (
        rpr.find(q("rFonts")).get(q("eastAsia")),
        rpr.find(q("sz")).get(q("val")),
        rpr.find(q("b")) is not None,
        None if spacing is None else spacing.get(q("val")),
    )


@pytest.mark.parametrize(
    ("choice", "fang", "kai"),
    [(FontChoice.GB2312, "仿宋_GB2312", "楷体_GB2312"), (FontChoice.WINDOWS, "仿宋", "楷体")],
)
def test_fonts_and_sizes_per_role(choice: FontChoice, fang: str, kai: str) -> None:
    document = parts(export(long_report(6), ExportOptions(fonts=choice)))["word/document.xml"]
    assert {run_font(r) for r in runs_of(document, "nb-title")} == {
        ("方正小标宋简体", "44", False, None)
    }
    assert {run_font(r) for r in runs_of(document, "nb-author")} == {(kai, "32", False, "-5")}
    assert {run_font(r) for r in runs_of(document, "nb-body")} == {(fang, "32", False, "-5")}
    assert {run_font(r) for r in runs_of(document, "nb-h1")} == {("黑体", "32", False, "-5")}
    # run-in level-2 headings: 楷体 for the heading part, the body font for the text after it
    assert {run_font(r) for r in runs_of(document, "nb-h2")} == {
        (kai, "32", False, "-5"),
        (fang, "32", False, "-5"),
    }
    assert {run_font(r) for r in runs_of(document, "nb-h3")} == {(fang, "32", False, "-5")}
    assert {run_font(r) for r in runs_of(document, "nb-h4")} == {(fang, "32", False, "-5")}
    for style in ("nb-signature", "nb-date"):
        assert {run_font(r) for r in runs_of(document, style)} == {(fang, "32", False, "-5")}


def test_level3_bold_and_title_font_are_options() -> None:
    options = ExportOptions(level3_bold=True, title_font="华文中宋")
    document = parts(export(long_report(6), options))["word/document.xml"]
    assert {run_font(r)[2] for r in runs_of(document, "nb-h3")} == {True}
    assert {run_font(r)[0] for r in runs_of(document, "nb-title")} == {"华文中宋"}


def test_indent_spacing_and_no_widow_control(long_parts: dict[str, etree._Element]) -> None:
    document = long_parts["word/document.xml"]
    for style in ("nb-body", "nb-h1", "nb-h2", "nb-h3", "nb-h4"):
        ppr = document.xpath(f"//w:pPr[w:pStyle/@w:val='{style}']", namespaces=NS)[0]
        assert ppr.find(q("ind")).get(q("firstLineChars")) == "200"
        spacing = ppr.find(q("spacing"))
        assert (spacing.get(q("before")), spacing.get(q("after"))) == ("0", "0")
        assert (spacing.get(q("line")), spacing.get(q("lineRule"))) == ("579", "exact")
        assert ppr.find(q("widowControl")).get(q("val")) == "0"
        assert ppr.find(q("keepNext")) is None
    title = document.xpath("//w:pPr[w:pStyle/@w:val='nb-title']", namespaces=NS)[0]
    assert title.find(q("jc")).get(q("val")) == "center"


def test_lines_justified_with_kinsoku_and_overflow_punct_1(
    long_parts: dict[str, etree._Element],
) -> None:
    """Justified body and headings; ``overflowPunct`` 1 written out: LibreOffice reads it as
    "no hanging" and then draws every mark of a justified line (docs/page-layout.md)."""
    for part in ("word/document.xml", "word/styles.xml"):
        root = long_parts[part]
        for style in ("nb-body", "nb-h1", "nb-h2", "nb-h3", "nb-h4"):
            if part == "word/document.xml":
                xpath = f"//w:pPr[w:pStyle/@w:val='{style}']"
            else:
                xpath = f"//w:style[@w:styleId='{style}']/w:pPr"
            found = root.xpath(xpath, namespaces=NS)
            assert found, (part, style)
            for ppr in found:
                assert ppr.find(q("jc")).get(q("val")) == "both", (part, style)
                assert ppr.find(q("kinsoku")).get(q("val")) == "1", (part, style)
                assert ppr.find(q("overflowPunct")).get(q("val")) == "1", (part, style)
    compat = long_parts["word/settings.xml"].find(f".//{q('compat')}")
    assert compat[0].tag == q("doNotWrapTextWithPunct")  # Word on a character grid


def test_font_table_names_a_substitute_for_each_chinese_font() -> None:
    """word/fontTable.xml: each CJK font with its altName, charset 86 (GB2312), family and
    pitch: what Word uses when the font is missing (issue 20)."""
    wanted = {
        FontChoice.GB2312: {
            "仿宋_GB2312": "仿宋",
            "楷体_GB2312": "楷体",
            "黑体": "SimHei",
            "宋体": "SimSun",
            "方正小标宋简体": "宋体",
            "仿宋": "FangSong",
            "楷体": "KaiTi",
        },
        FontChoice.WINDOWS: {"仿宋": "FangSong", "楷体": "KaiTi", "方正小标宋简体": "宋体"},
    }
    for choice, alts in wanted.items():
        table = parts(export(long_report(3), ExportOptions(fonts=choice)))["word/fontTable.xml"]
        fonts = {f.get(q("name")): f for f in table.findall(q("font"))}
        for name, alt in alts.items():
            font = fonts[name]
            assert font.find(q("altName")).get(q("val")) == alt, name
            assert font.find(q("charset")).get(q("val")) == "86", name
            assert font.find(q("family")).get(q("val")) in ("modern", "auto"), name
            assert font.find(q("pitch")).get(q("val")) in ("fixed", "variable"), name
        assert fonts["仿宋"].find(q("panose1")).get(q("val")) == "02010609060101010101"
        assert list(fonts).count("仿宋") == 1
    # another title font from the settings: charset 86, no altName
    table = parts(export(long_report(3), ExportOptions(title_font="华文中宋")))[
        "word/fontTable.xml"
    ]
    other = next(f for f in table.findall(q("font")) if f.get(q("name")) == "华文中宋")
    assert other.find(q("charset")).get(q("val")) == "86" and other.find(q("altName")) is None


def test_salutation_flush_left() -> None:
    report = Report(year=2024, opening=["各位领导、同志们：", "现将一年来的工作汇报如下："])
    document = docx.Document(io.BytesIO(export(report)))
    salutation = next(p for p in document.paragraphs if p.text == "各位领导、同志们：")
    text = next(p for p in document.paragraphs if p.text.startswith("现将"))
    assert salutation.style.name == "称呼"
    assert salutation.paragraph_format.first_line_indent == 0
    assert text.paragraph_format.first_line_indent.twips == 640


def test_settings_no_compression_and_word_2013_layout(
    long_parts: dict[str, etree._Element],
) -> None:
    settings = long_parts["word/settings.xml"]
    (control,) = settings.xpath("w:characterSpacingControl", namespaces=NS)
    assert control.get(q("val")) == "doNotCompress"
    (mode,) = settings.xpath("w:compat/w:compatSetting[@w:name='compatibilityMode']", namespaces=NS)
    assert mode.get(q("val")) == "15"


def test_named_styles_and_normal(long_parts: dict[str, etree._Element]) -> None:
    styles = long_parts["word/styles.xml"]
    for name in ("标题", "作者", "正文", "一级标题", "二级标题", "三级标题", "四级标题", "落款"):
        style_by_name(styles, name)
    style_by_name(styles, "日期")
    heading = style_by_name(styles, "一级标题")
    assert heading.find(f"{q('rPr')}/{q('rFonts')}").get(q("eastAsia")) == "黑体"
    normal = styles.xpath("w:style[@w:styleId='Normal']", namespaces=NS)[0]
    rpr = normal.find(q("rPr"))
    assert rpr.find(q("sz")).get(q("val")) == "32"
    assert rpr.find(q("rFonts")).get(q("eastAsia")) == "仿宋_GB2312"
    assert rpr.find(q("lang")).get(q("eastAsia")) == "zh-CN"
    spacing = normal.find(f"{q('pPr')}/{q('spacing')}")
    assert (spacing.get(q("after")), spacing.get(q("line"))) == ("0", "240")
    tables = styles.xpath("w:style[@w:type='table']/@w:styleId", namespaces=NS)
    assert tables == ["TableNormal"]  # the template's 99 table styles are left out
    defaults = styles.find(q("docDefaults"))
    assert defaults.find(f".//{q('lang')}").get(q("eastAsia")) == "zh-CN"
    assert defaults.find(f".//{q('spacing')}").get(q("after")) == "0"


def test_odd_and_even_footers_with_page_fields(long_parts: dict[str, etree._Element]) -> None:
    settings = long_parts["word/settings.xml"]
    assert settings.find(q("evenAndOddHeaders")) is not None
    sect = long_parts["word/document.xml"].find(f".//{q('sectPr')}")
    refs = {ref.get(q("type")) for ref in sect.findall(q("footerReference"))}
    assert {"default", "even"} <= refs
    footers = [root for name, root in long_parts.items() if "footer" in name]
    jcs = set()
    for footer in footers:
        kinds = [f.get(q("fldCharType")) for f in footer.iter(q("fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        assert [t.text.strip() for t in footer.iter(q("instrText"))] == ["PAGE"]
        texts = "".join(t.text for t in footer.iter(q("t")))
        assert texts.startswith("— ") and texts.endswith(" —")
        assert {run_font(r)[:2] for r in footer.iter(q("r"))} == {("宋体", "28")}
        ppr = footer.find(f".//{q('pPr')}")
        jc = ppr.find(q("jc")).get(q("val"))
        ind = ppr.find(q("ind"))
        side = "right" if jc == "right" else "left"
        assert ind.get(q(side)) == "280"  # one 4号 character in
        jcs.add(jc)
    assert jcs == {"left", "right"}


def test_signature_and_date_right_with_blank_line_before() -> None:
    report = long_report(3)
    document = docx.Document(io.BytesIO(export(report)))
    texts = [p.text for p in document.paragraphs]
    at = texts.index("某某镇人民政府")
    assert texts[at - 1] == "" and texts[at + 1] == "2025年1月5日"
    sig, date = document.paragraphs[at], document.paragraphs[at + 1]
    assert sig.style.name == "落款" and date.style.name == "日期"
    # left indents by measured widths (pages/closing.py): the date's first character two
    # characters (630 twips) right of the signature's, whatever the fonts
    sig_left = sig.paragraph_format.left_indent.twips
    assert date.paragraph_format.left_indent.twips - sig_left == 2 * 315
    assert sig.alignment == date.alignment == 0  # left


def test_seed_text_read_back_in_order(tmp_path: Path) -> None:
    target = tmp_path / "seed.docx"
    export_docx(seed_report(), target)
    paragraphs = [p.text.strip(" \u00a0") for p in docx.Document(str(target)).paragraphs]
    paragraphs = [p for p in paragraphs if p]
    assert paragraphs[0] == "2022年度述职述廉报告"
    assert paragraphs[1:] == [line.strip(" \u00a0") for line in seed_lines()]


def test_long_title_is_one_paragraph_broken_in_balanced_lines() -> None:
    document = docx.Document(io.BytesIO(export(long_report(3))))
    title = document.paragraphs[0]
    assert title.style.name == "标题"
    lines = title.text.split("\n")
    assert lines == ["某某镇人民政府副镇长2024年度述职报告", "暨党风廉政建设责任制落实情况报告"]


def test_date_without_zero_padding() -> None:
    report = Report(year=2024, opening=["正文。"], signature="张三", date=_dt.date(2025, 1, 5))
    texts = [p.text for p in docx.Document(io.BytesIO(export(report))).paragraphs]
    assert texts[-1] == "2025年1月5日"


def test_empty_report_and_empty_sections_export() -> None:
    report = Report(sections=[Section(), Section(children=[Section()])])
    texts = [p.text for p in docx.Document(io.BytesIO(export(report))).paragraphs]
    assert texts[0] == "述职述廉报告"
    assert "一、" in texts and "二、" in texts and "（一）" in texts


def test_file_properties_are_the_reports() -> None:
    data = export(long_report(3))
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title.startswith("某某镇人民政府副镇长2024年度述职报告")
    assert props.author == "张三"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not [n for n in archive.namelist() if "thumbnail" in n]
