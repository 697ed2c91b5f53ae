"""The report's paragraphs (typeset.paragraphs) written out as Word paragraphs and runs.

python-docx opens its default template and gives the package, the footers and the settings;
the paragraphs are written as markup from property elements serialised once per style and
parsed in one go (see bench_export.py: faster than python-docx writing the bare text).
"""

from __future__ import annotations

import copy
import datetime as _dt
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

import docx
from docx.document import Document
from docx.oxml.parser import parse_xml
from lxml import etree

from ...layout import Block, Role, layout
from ...model import Report
from ...typeset import ExportOptions, sanitize
from ...typeset.paragraphs import written
from ...typeset.styles import TABLE, min_row_points
from . import fonttable, page, styles
from .table_xml import write_table
from .xml import W_DECL, el, strip_theme_fonts, w

_ROLE_NAMES = {
    Role.TITLE: "标题",
    Role.AUTHOR: "作者行",
    Role.BODY: "正文",
    Role.HEADING: "标题",
    Role.SIGNATURE: "落款",
    Role.DATE: "日期",
    Role.TABLE: "表格",
}
_LEVEL_NAMES = {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}


@dataclass
class ExportResult:
    """What an export did: Chinese warnings (removed characters …), paragraphs written."""

    warnings: list[str] = field(default_factory=list)
    paragraphs: int = 0


def _where(index: int, block: Block) -> str:
    kind = _LEVEL_NAMES.get(block.level, "标题") if block.role is Role.HEADING else ""
    kind = kind or _ROLE_NAMES[block.role]
    return f"第 {index} 段（{kind}“{sanitize.excerpt(block.full)}”）"


def _xml(element: Any) -> str:
    """An element as markup with the ``w:`` prefix and no namespace declaration."""
    return etree.tostring(element, encoding="unicode").replace(W_DECL, "")


_TEXT_CHUNK = 1_000_000
"""Characters per w:t: at most 4 MB of UTF-8, well under libxml2's 10 MB per text node."""
_MANY = 200
"""Line breaks and tabs in a run above which its paragraph declares ``w:`` (``into``)."""


class _Builder:
    """Collects the paragraphs as markup and puts them into the body in one parse.

    Property elements are serialised once per style; a paragraph is then string joins.
    Measured (bench_export.py): three times faster than building and copying lxml elements
    per run, which matters for a 100-page report.
    """

    def __init__(self, specs: dict[str, styles.StyleSpec]) -> None:
        self.parts: list[str] = []
        self._opened: int | None = None  # where the open paragraph's <w:p> is
        self.pprs: dict[str, Any] = {}
        self.ppr_xml: dict[str, str] = {}
        self.rpr_xml: dict[str, str] = {}
        for key, spec in specs.items():
            ppr = copy.deepcopy(spec.ppr)
            ppr.insert(0, el("pStyle", val=spec.style_id))
            self.pprs[key] = ppr
            self.ppr_xml[key] = _xml(ppr)
            self.rpr_xml[key] = _xml(spec.rpr)
        # a table's cells: the style says it all but the fonts (which WPS wants on the run,
        # see styles.py); thousands of cells stay a fraction of the markup (bench_tables.py)
        self.cell_ppr_xml = {
            key: f'<w:pPr><w:pStyle w:val="{spec.style_id}"/></w:pPr>'
            for key, spec in specs.items()
            if key.startswith("cell")
        }
        self.cell_rpr_xml = {
            key: "<w:rPr>" + _xml(spec.rpr.find(w("rFonts"))) + "</w:rPr>"
            for key, spec in specs.items()
            if key.startswith("cell")
        }

    def cell(self, key: str, text: str) -> None:
        """A cell's paragraph in style ``key``: the style's properties, the run's fonts."""
        if not text:
            self.parts.append(f"<w:p>{self.cell_ppr_xml[key]}</w:p>")
        elif "\t" not in text and sanitize.BREAK not in text and text == text.strip():
            # one run, one w:t, no space to keep (the common cell): written at once
            self.parts.append(
                f"<w:p>{self.cell_ppr_xml[key]}<w:r>{self.cell_rpr_xml[key]}"
                f"<w:t>{escape(text)}</w:t></w:r></w:p>"
            )
        else:
            self.parts.append("<w:p>" + self.cell_ppr_xml[key])
            self.run(text, key, self.cell_rpr_xml[key])
            self.parts.append("</w:p>")

    def paragraph(self, key: str, ppr: Any = None) -> None:
        self._opened = len(self.parts)  # a run with many nodes declares w: here (into)
        self.parts.append("<w:p>")
        self.parts.append(self.ppr_xml[key] if ppr is None else _xml(ppr))

    def end(self) -> None:
        self.parts.append("</w:p>")
        self._opened = None

    def run(self, text: str, key: str, rpr: str = "") -> None:
        """A run in the fonts of style ``key`` (or with ``rpr``); tabs and line breaks
        become w:tab and w:br."""
        if not text:
            return
        out = self.parts
        if self._opened is not None and text.count(sanitize.BREAK) + text.count("\t") > _MANY:
            out[self._opened] = f"<w:p{W_DECL}>"
        out.append("<w:r>")
        out.append(rpr or self.rpr_xml[key])
        for line_no, line in enumerate(text.split(sanitize.BREAK)):
            if line_no:
                out.append("<w:br/>")
            for part_no, part in enumerate(line.split("\t")):
                if part_no:
                    out.append("<w:tab/>")
                # libxml2 refuses a text node over 10 MB (a paragraph of a few million
                # characters): such text goes into several w:t, which Word joins.
                for at in range(0, len(part), _TEXT_CHUNK):
                    out.append('<w:t xml:space="preserve">')
                    out.append(escape(part[at : at + _TEXT_CHUNK]))
                    out.append("</w:t>")
        out.append("</w:r>")

    def into(self, document: Document) -> None:
        """The markup parsed once and its paragraphs and tables moved before the sectPr.

        lxml (6.0) fixes a moved element's namespaces node by node, in time that grows with
        the square of the element's nodes unless the element declares ``w:`` itself: then
        its declaration, redundant in the document, is dropped and every node below finds
        the document's at once. So a table (thousands of nodes) declares it (table_xml.py),
        and so does a paragraph of many line breaks or tabs. Measured (bench_tables.py):
        moving 20 tables of 30 rows took 20 ms, as long as parsing them; with the
        declaration, under 1 ms."""
        body = document.element.body
        sect_pr = body.find(w("sectPr"))
        fragment = parse_xml(f"<w:body{W_DECL}>{''.join(self.parts)}</w:body>")
        for paragraph in list(fragment):
            sect_pr.addprevious(paragraph)


def _indent_ppr(builder: _Builder, key: str, left_points: float) -> Any:
    ppr = copy.deepcopy(builder.pprs[key])
    ind = ppr.find(w("ind"))
    ind.set(w("left"), str(round(left_points * 20)))  # twips
    return ppr


def _closing_lefts(
    blocks: list[Block], options: ExportOptions, metrics: Any
) -> tuple[float, float]:
    """Left indents (points) of the signature and the date, by the widths the page layout
    measures (pages/closing.py): the fonts' own advances, the PDF's fonts by default."""
    signature = next((b.text for b in blocks if b.role is Role.SIGNATURE), "")
    date = next((b.text for b in blocks if b.role is Role.DATE), "")
    if not (signature or date):
        return 0.0, 0.0
    from ...pages.closing import closing_lefts  # loaded only when there is a closing
    from ...pages.geometry import Geometry

    if metrics is None:
        metrics = _layout_metrics(options)
    return closing_lefts(signature, date, metrics, Geometry())


def _layout_metrics(options: ExportOptions) -> Any:
    """The widths the PDF and the preview use; nominal ones when no font file can be read."""
    from ...pages.metrics import NominalMetrics

    try:
        from ...pages.fonts import layout_metrics

        return layout_metrics(options.font_set)
    except Exception:  # a font lookup that fails must not stop the Word export
        return NominalMetrics()


def build_document(
    report: Report, options: ExportOptions, metrics: Any = None
) -> tuple[Document, ExportResult]:
    """The whole document in memory, and what had to be changed on the way. ``metrics``
    (pages.Metrics): the widths that place the signature and the date; by default those of
    the fonts this computer has for the PDF."""
    result = ExportResult()
    document = docx.Document()
    specs = styles.style_specs(options)
    styles_root = document.styles.element
    styles.set_defaults(styles_root, options.font_set.fang)
    styles.drop_table_styles(styles_root)
    strip_theme_fonts(styles_root)
    styles.add_styles(styles_root, specs)
    _drop_styles_with_effects(document)
    _set_properties(document, report)
    page.setup_section(document)
    page.add_page_numbers(document, specs["page_number"])
    _tune_settings(document)
    fonttable.add_fonts(document, options.font_set)

    builder = _Builder(specs)
    blocks = layout(report)
    sig_left, date_left = _closing_lefts(blocks, options, metrics)
    for para in written(blocks):
        if para.blank:
            builder.paragraph(para.style)
            builder.end()
            continue
        block = blocks[para.block]
        for warning in para.warnings:
            result.warnings.append(_where(para.block + 1, block) + warning)
        if para.style == TABLE and block.table is not None:
            warnings = write_table(
                builder.parts, block.table, builder.cell, min_row_points(options)
            )
            result.warnings += [_where(para.block + 1, block) + warning for warning in warnings]
            continue
        key = para.style
        if block.role is Role.SIGNATURE:
            builder.paragraph(key, _indent_ppr(builder, key, sig_left))
        elif block.role is Role.DATE:
            builder.paragraph(key, _indent_ppr(builder, key, date_left))
        else:
            builder.paragraph(key)
        builder.run(para.head, key)  # a heading's own text (after a run-in head) is body text
        builder.run(para.text, "body" if block.role is Role.HEADING else key)
        builder.end()
        result.paragraphs += 1
    builder.into(document)
    return document, result


def _drop_styles_with_effects(document: Document) -> None:
    """The template's Word 2010 copy of the styles still names theme fonts: leave it out."""
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(r_id)


def _set_properties(document: Document, report: Report) -> None:
    """File properties (shown by Explorer and Word): the report's, not python-docx's."""
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props = document.core_properties
    # the text's own warnings are given where it is written; a property just loses them
    title = _property_text(report.effective_title())
    author = _property_text(report.author_name)
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.comments = ""
    props.keywords = ""
    props.subject = report.kind.value
    props.created = props.modified = now
    props.revision = 1
    # the template's thumbnail shows a blank page in Explorer's preview
    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[r_id]


_PROPERTY_LIMIT = 255  # python-docx refuses longer core properties (Word's own limit)


def _property_text(text: str) -> str:
    """One line of text XML can hold, at most 255 characters (a control character in the
    author name, or a title over 255 characters, once crashed the export): forbidden
    characters removed, line breaks made spaces, a long title cut with an ellipsis. The
    document's text keeps all of it."""
    line = sanitize.clean(text).text.replace(sanitize.BREAK, " ").replace("\t", " ")
    return line if len(line) <= _PROPERTY_LIMIT else line[: _PROPERTY_LIMIT - 1] + "…"


def _tune_settings(document: Document) -> None:
    settings = document.settings.element
    # the template says ja-JP: Word would pick Japanese glyph forms and line-break rules
    for lang in settings.iter(w("themeFontLang")):
        lang.set(w("eastAsia"), "zh-CN")
    for tab in settings.iter(w("defaultTabStop")):
        tab.set(w("val"), str(2 * 320))  # two characters, not half an inch
    # No punctuation compression: Word would otherwise fit more than 28 characters on a line
    # with two marks side by side (“。”” …), off the 22 × 28 grid.
    for control in settings.iter(w("characterSpacingControl")):
        control.set(w("val"), "doNotCompress")
    # Word: no closing mark hangs past a character grid (ECMA-376 Part 4 9.7.3.19; the
    # grid a user sets in 页面设置 to 28 a line): it goes down with the character before it,
    # as in LibreOffice with overflowPunct 1 (docs/page-layout.md, *Justified lines*)
    for compat in settings.iter(w("compat")):
        if compat.find(w("doNotWrapTextWithPunct")) is None:
            # first: CT_Compat orders it before useFELayout and the compatSettings, all the
            # template's compat holds (openxml-audit checks the order)
            compat.insert(0, el("doNotWrapTextWithPunct"))
    # Word 2013 and later lay out in mode 15; 14 (the template's) opens as 兼容模式 in the title
    # bar. LibreOffice 7.4 lays the seed and every fixture out the same in both modes.
    for setting in settings.iter(w("compatSetting")):
        if setting.get(w("name")) == "compatibilityMode":
            setting.set(w("val"), "15")
