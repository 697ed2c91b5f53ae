"""PDF export from the page layout, in the official layout, with fpdf2 (no Qt).

Each character is placed where ``paginate`` put it, so the PDF's lines and pages are the
layout's. Fonts: the files ``fonts.font_files`` finds for the names the .docx writes,
embedded as subsets (fpdf2 subsets every TrueType/OpenType font it embeds); a font whose
licence forbids embedding is never used. A missing font is named in the result's warnings
with what stands in for it. Page numbers ``— 1 —`` in 4号 宋体 on the outside: odd pages
right, even pages left, one character in, 7 mm below the text block. The PDF's metadata
carries the report's title and author.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import atomic_write_bytes
from ..errors import ExportError, FileAccessError
from ..export.options import ExportOptions
from ..model import Report
from .fonts import FontChoice, FontFile, font_files
from .geometry import Geometry
from .metrics import FileMetrics, FontKey, _font_widths
from .paginate import PageLayout, paginate

MM = 72 / 25.4
# the baseline of a line below the top of its 28.95 pt grid line (LibreOffice: 21.0 pt for
# 3号, measured in the render test); larger type sits lower by half its extra size
_BASELINE = 21.0
_DASH_INK = 0.28  # the em dash's ink stands 0.28 em above the baseline (measured)
_ORDER = (FontKey.FANG, FontKey.SONG, FontKey.KAI, FontKey.HEI, FontKey.TITLE)


@dataclass
class PdfResult:
    """What a PDF export did: Chinese warnings (fonts stood in for …), pages written."""

    warnings: list[str] = field(default_factory=list)
    pages: int = 0


def _usable(choices: dict[FontKey, FontChoice]) -> tuple[dict[FontKey, FontFile], list[str]]:
    """A file for every use: a missing one borrows another use's font (said in a warning)."""
    notes = [c.note for c in choices.values() if c.note]
    files = {key: c.file for key, c in choices.items() if c.file is not None}
    if not files:
        raise ExportError(
            "没有找到可以嵌入 PDF 的中文字体，PDF 没有导出。",
            "请安装仿宋、楷体、黑体等中文字体（Windows 自带），或导出为 Word 文档。",
        )
    for key in FontKey:
        if key not in files:
            stand_in = next(files[k] for k in _ORDER if k in files)
            files[key] = stand_in
            notes.append(f"“{choices[key].wanted}”改用“{stand_in.name}”。")
    return files, notes


def render_pdf(
    report: Report,
    options: ExportOptions | None = None,
    *,
    fonts: dict[FontKey, FontChoice] | None = None,
    geometry: Geometry | None = None,
) -> tuple[bytes, PdfResult]:
    """The PDF's bytes and what the export had to change on the way."""
    from fpdf import FPDF

    # fontTools reports tables it drops from a subset (bitmaps), fpdf2 glyphs a font lacks,
    # as warnings on stderr; the result's warnings say what matters, in Chinese
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    logging.getLogger("fpdf").setLevel(logging.ERROR)
    options = options or ExportOptions()
    geometry = geometry or Geometry()
    files, notes = _usable(fonts or font_files(options.font_set))
    metrics = FileMetrics({key: (f.path, f.index) for key, f in files.items()})
    laid = paginate(report, metrics, options, geometry)
    result = PdfResult(warnings=list(dict.fromkeys(notes)), pages=len(laid.pages))

    pdf = FPDF(unit="pt", format=(geometry.page_width, geometry.page_height))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_title(report.effective_title())
    pdf.set_author(report.author_name)
    pdf.set_subject(report.kind.value)
    pdf.set_creator("年报助手")
    pdf.set_lang("zh-CN")
    loaded: dict[tuple[Path, int], str] = {}
    family: dict[FontKey, str] = {}
    for key, file in files.items():
        where = (file.path, file.index)
        if where not in loaded:
            name = f"f{len(loaded)}"
            try:
                pdf.add_font(name, fname=str(file.path), collection_font_number=file.index)
            except Exception as error:  # fpdf2/fontTools on a font file they cannot read
                raise ExportError(
                    f"字体文件 {file.path} 无法用于 PDF（{type(error).__name__}），PDF 没有导出。",
                    "请重新安装这个字体，或导出为 Word 文档后用 WPS 或 Word 另存为 PDF。",
                    path=file.path,
                ) from error
            loaded[where] = name
        family[key] = loaded[where]
    covered = {key: _font_widths(str(f.path), f.index)[0] for key, f in files.items()}
    missing: set[str] = set()
    for page in laid.pages:
        pdf.add_page()
        _draw_page(pdf, laid, page.number, family, covered, missing)
        _draw_number(pdf, geometry, page.number, family[FontKey.SONG])
    if missing:
        shown = "".join(sorted(missing)[:10])
        result.warnings.append(
            f"有 {len(missing)} 种字符（{shown}）所有字体中都没有，PDF 中可能显示为方框；"
            "Word 文档中不受影响。"
        )
    buffer = io.BytesIO()
    pdf.output(buffer)
    return buffer.getvalue(), result


def _draw_page(
    pdf: object,
    laid: PageLayout,
    number: int,
    family: dict[FontKey, str],
    covered: dict[FontKey, dict[int, float]],
    missing: set[str],
) -> None:
    g = laid.geometry
    page = laid.pages[number - 1]
    current: tuple[str, float] | None = None
    for line in page.lines:
        top = g.top + line.slot * g.line_pitch
        for span in line.spans:
            baseline = top + _BASELINE + (span.size - g.body_size) / 2
            for char, x in zip(span.text, span.xs, strict=True):
                if char in " \t\u3000":
                    continue
                key = span.font
                if ord(char) not in covered[key]:
                    key = next((k for k in _ORDER if ord(char) in covered[k]), key)
                    if ord(char) not in covered[key]:
                        missing.add(char)
                want = (family[key], span.size)
                if want != current:
                    pdf.set_font(want[0], size=want[1])  # type: ignore[attr-defined]
                    current = want
                pdf.text(g.left + x, baseline, char)  # type: ignore[attr-defined]


def _draw_number(pdf: object, g: Geometry, number: int, font: str) -> None:
    """``— N —``, odd pages right, even pages left, one character in, 7 mm below the block."""
    text = f"— {number} —"
    pdf.set_font(font, size=g.number_size)  # type: ignore[attr-defined]
    width = float(pdf.get_string_width(text))  # type: ignore[attr-defined]
    right = g.page_width - g.right
    x = right - g.number_indent - width if number % 2 else g.left + g.number_indent
    baseline = g.page_height - g.bottom + 7 * MM + _DASH_INK * g.number_size
    pdf.text(x, baseline, text)  # type: ignore[attr-defined]


def export_pdf(report: Report, target: Path, options: ExportOptions | None = None) -> PdfResult:
    """Write ``report`` as a PDF to ``target`` (atomically); ExportError in Chinese."""
    path = Path(target)
    if path.is_dir():
        raise ExportError(
            f"无法导出到 {path}：这是一个文件夹。", "请指定 PDF 文件名，例如 报告.pdf。", path=path
        )
    data, result = render_pdf(report, options)
    try:
        atomic_write_bytes(path, data)
    except FileAccessError as error:
        raise ExportError(
            f"PDF 没有导出。{error.what}", error.todo + "草稿没有受影响。", path=path
        ) from error
    return result
