"""PDF export from the page layout, in the official layout (no Qt).

Each character is placed where ``paginate`` put it, so the PDF's lines and pages are the
layout's. Fonts: the files ``fonts.font_files`` finds for the names the .docx writes,
embedded as subsets made by fontTools and cached (``pdffonts``); a font whose licence
forbids embedding is never used. A missing font is named in the result's warnings with
what stands in for it. Page numbers ``— 1 —`` in 4号 宋体 on the outside: odd pages right,
even pages left, one character in, 7 mm below the text block. The PDF's metadata carries
the report's title and author. The file itself is written by ``pdfwrite`` (README says why
not fpdf2: it re-subsets whole CJK fonts on every export, seconds each time).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..errors import ExportError
from ..layout import layout
from ..model import Report
from ..paths import cache_dir
from ..typeset import ExportOptions, sanitize
from .fonts import FontChoice, FontFile, font_files
from .geometry import Geometry
from .metrics import INVISIBLE, FileMetrics, FontKey, _font_widths, nominal_advance
from .paginate import PageLayout, paginate
from .pdffonts import FontRefused, Subset, subset
from .pdfwrite import PdfWriter, actual_text, pdf_date, text_map, text_string

MM = 72 / 25.4
# the baseline of a line below the top of its 28.95 pt grid line (LibreOffice: 21.0 pt for
# 3号, measured in the render test); larger type sits lower by half its extra size
_BASELINE = 21.0
_DASH_INK = 0.28  # the em dash's ink stands 0.28 em above the baseline (measured)
_ORDER = (FontKey.FANG, FontKey.SONG, FontKey.KAI, FontKey.HEI, FontKey.TITLE)
_Where = tuple[Path, int]  # a font file and its face


@dataclass
class PdfResult:
    """What a PDF export did: Chinese warnings (fonts stood in for …), pages written."""

    warnings: list[str] = field(default_factory=list)
    pages: int = 0


class _Glyph(NamedTuple):
    """One character to draw: in which font file, at what size, where (PDF coordinates)."""

    where: _Where
    char: str
    size: float
    x: float
    y: float


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


class _Damaged(ExportError):
    """A font file that passed the search but failed when read in full (its outlines):
    the export tries again without it."""

    def __init__(self, error: ExportError, where: _Where) -> None:
        super().__init__(error.what, error.todo, path=error.path)
        self.where = where


def _without(choices: dict[FontKey, FontChoice], where: _Where) -> dict[FontKey, FontChoice]:
    """``choices`` with every use of the file ``where`` left without a file, said once."""
    left = dict(choices)
    said = False
    for key, choice in choices.items():
        if choice.file is not None and (choice.file.path, choice.file.index) == where:
            name = choice.file.name
            note = f"字体“{name}”（{where[0]}）已损坏，PDF 中没有用它；请重新安装这个字体。"
            left[key] = FontChoice(key, choice.wanted, None, "" if said else note)
            said = True
    return left


def _unreadable(path: Path, error: Exception) -> ExportError:
    if isinstance(error, FileNotFoundError):
        why = "文件不存在"
    elif isinstance(error, IsADirectoryError):
        why = "这是一个文件夹"
    elif isinstance(error, PermissionError):
        why = "没有读取权限"
    elif isinstance(error, OSError):
        why = f"无法读取：{error.strerror or '系统错误'}"
    else:  # sfnt or fontTools: the bytes are not a font they can use
        why = "文件已损坏或不是可用的字体"
    return ExportError(
        f"字体文件 {path} 无法用于 PDF（{why}），PDF 没有导出。",
        "请重新安装这个字体，或导出为 Word 文档后用 WPS 或 Word 另存为 PDF。",
        path=path,
    )


def _covered(files: dict[FontKey, FontFile]) -> dict[FontKey, Mapping[int, float]]:
    covered: dict[FontKey, Mapping[int, float]] = {}
    for key, file in files.items():
        try:
            covered[key] = _font_widths(str(file.path), file.index)
        except Exception as error:  # sfnt or fontTools on a file they cannot read
            raise _Damaged(_unreadable(file.path, error), (file.path, file.index)) from error
    return covered


def render_pdf(
    report: Report,
    options: ExportOptions | None = None,
    *,
    fonts: dict[FontKey, FontChoice] | None = None,
    geometry: Geometry | None = None,
) -> tuple[bytes, PdfResult]:
    """The PDF's bytes and what the export had to change on the way. A font file found
    damaged on the way is left out, said, and the pages laid out again without it."""
    options = options or ExportOptions()
    choices = fonts or font_files(options.font_set)
    while True:
        try:
            return _render(report, options, geometry or Geometry(), choices)
        except _Damaged as damaged:
            left = _without(choices, damaged.where)
            if left == choices or not any(c.file for c in left.values()):
                raise ExportError(damaged.what, damaged.todo, path=damaged.path) from damaged
            choices = left


def _render(
    report: Report,
    options: ExportOptions,
    geometry: Geometry,
    choices: dict[FontKey, FontChoice],
) -> tuple[bytes, PdfResult]:
    files, notes = _usable(choices)
    covered = _covered(files)
    metrics = FileMetrics({key: (f.path, f.index) for key, f in files.items()})
    laid = paginate(report, metrics, options, geometry)
    notes += _removed(report)
    result = PdfResult(warnings=list(dict.fromkeys(notes)), pages=len(laid.pages))

    missing: dict[str, None] = {}  # in the order written: the first ones typed are named
    chosen: dict[tuple[FontKey, str], _Where] = {}
    pages = [
        _page_glyphs(laid, page.number, files, covered, missing, chosen) for page in laid.pages
    ]
    song = files[FontKey.SONG]
    for number, glyphs in enumerate(pages, start=1):
        glyphs += _number_glyphs(geometry, number, (song.path, song.index), covered[FontKey.SONG])
    if missing:
        shown = "".join(list(missing)[:10]) + ("等" if len(missing) > 10 else "")
        result.warnings.append(
            f"有 {len(missing)} 种字符（{shown}）所有字体中都没有，PDF 中可能显示为方框；"
            "Word 文档中不受影响。"
        )
    used: dict[_Where, set[str]] = {}
    for glyphs in pages:
        for glyph in glyphs:
            used.setdefault(glyph.where, set()).add(glyph.char)
    rules = [_rule_ops(geometry, page.rules) for page in laid.pages]
    return _write(report, geometry, pages, _subsets(used), used, rules), result


def _rule_ops(g: Geometry, rules: tuple[tuple[float, float, float, float], ...]) -> str:
    """A page's table borders: 0.5 pt black lines (as the .docx draws them)."""
    if not rules:
        return ""
    ops = ["q 0.5 w 0 G"]
    for x0, y0, x1, y1 in rules:
        a, b = g.left + x0, g.page_height - g.top - y0
        c, d = g.left + x1, g.page_height - g.top - y1
        ops.append(f"{a:.2f} {b:.2f} m {c:.2f} {d:.2f} l S")
    ops.append("Q")
    return "\n".join(ops)


def _removed(report: Report) -> list[str]:
    """What the layout left out (as the .docx export does): characters no text can hold,
    a lone surrogate or a control character, named with the paragraph they were in."""
    found = []
    for index, block in enumerate(layout(report), start=1):
        listed = sanitize.forbidden(block.head + block.text)
        if listed:
            where = f"第 {index} 段（“{sanitize.excerpt(block.full)}”）"
            found.append(f"{where}含有无法显示的字符（{listed}），PDF 中已删除。")
    return found


def _page_glyphs(
    laid: PageLayout,
    number: int,
    files: dict[FontKey, FontFile],
    covered: dict[FontKey, Mapping[int, float]],
    missing: dict[str, None],
    chosen: dict[tuple[FontKey, str], _Where],
) -> list[_Glyph]:
    """The characters of page ``number``; ``chosen`` remembers which font draws each."""
    g = laid.geometry
    page = laid.pages[number - 1]
    glyphs = []
    for line in page.lines:
        top = g.top + line.slot * g.line_pitch
        for span in line.spans:
            baseline = top + _BASELINE + (span.size - g.body_size) / 2
            for char, x in zip(span.text, span.xs, strict=True):
                if char in " \t\u3000" or char in INVISIBLE:  # a soft hyphen is not drawn
                    continue
                where = chosen.get((span.font, char))
                if where is None:
                    key = span.font
                    if ord(char) not in covered[key]:
                        key = next((k for k in _ORDER if ord(char) in covered[k]), key)
                        if ord(char) not in covered[key]:
                            missing[char] = None
                    where = chosen[(span.font, char)] = (files[key].path, files[key].index)
                glyphs.append(_Glyph(where, char, span.size, g.left + x, g.page_height - baseline))
    return glyphs


def _number_glyphs(
    g: Geometry, number: int, where: _Where, widths: Mapping[int, float]
) -> list[_Glyph]:
    """``— N —``, odd pages right, even pages left, one character in, 7 mm below the block."""
    text = f"— {number} —"
    size = g.number_size
    advances = [widths.get(ord(c), nominal_advance(c)) * size for c in text]
    right = g.page_width - g.right
    x = right - g.number_indent - sum(advances) if number % 2 else g.left + g.number_indent
    baseline = g.page_height - g.bottom + 7 * MM + _DASH_INK * size
    glyphs = []
    for char, advance in zip(text, advances, strict=True):
        if char != " ":
            glyphs.append(_Glyph(where, char, size, x, g.page_height - baseline))
        x += advance
    return glyphs


def _subsets(used: dict[_Where, set[str]]) -> dict[_Where, Subset]:
    cache = cache_dir() / "pdf-fonts"
    found = {}
    for where, chars in used.items():
        try:
            found[where] = subset(where[0], where[1], chars, cache)
        except FontRefused as error:
            raise ExportError(
                f"字体文件 {where[0]} 不允许嵌入 PDF，PDF 没有导出。",
                "请在设置中换用其他字体，或导出为 Word 文档。",
                path=where[0],
            ) from error
        except Exception as error:  # sfnt or fontTools on a font file they cannot read
            raise _Damaged(_unreadable(where[0], error), where) from error
    return found


def _write(
    report: Report,
    g: Geometry,
    pages: list[list[_Glyph]],
    subsets: dict[_Where, Subset],
    used: dict[_Where, set[str]],
    rules: list[str],
) -> bytes:
    out = PdfWriter()
    names = {where: f"F{n}" for n, where in enumerate(subsets)}
    font_refs = b" ".join(
        b"/%s %d 0 R" % (names[where].encode("ascii"), out.add_font(font, used[where]))
        for where, font in subsets.items()
    )
    resources = out.add(b"<< /Font << " + font_refs + b" >> >>")
    tree = out.reserve()
    kids = []
    shown = {  # the character each code copies as: another one on its glyph is marked
        where: text_map({c: v for c, v in font.codes.items() if c in used[where]})
        for where, font in subsets.items()
    }
    for glyphs, lines in zip(pages, rules, strict=True):
        drawn = _content(glyphs, names, subsets, shown)
        content = out.add_stream(drawn + b"\n" + lines.encode("ascii") if lines else drawn)
        kids.append(
            out.add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources %d 0 R "
                b"/Contents %d 0 R >>" % (tree, g.page_width, g.page_height, resources, content)
            )
        )
    out.put(
        tree,
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % kid for kid in kids), len(kids)),
    )
    root = out.add(
        b"<< /Type /Catalog /Pages %d 0 R /Lang (zh-CN) "
        b"/ViewerPreferences << /DisplayDocTitle true >> >>" % tree
    )
    info = out.add(
        b"<< /Title %s /Author %s /Subject %s /Creator %s /Producer %s /CreationDate %s >>"
        % (
            text_string(report.effective_title()),
            text_string(report.author_name),
            text_string(report.kind.value),
            text_string("年报助手"),
            text_string("年报助手"),
            pdf_date(),
        )
    )
    return out.finish(root, info)


def _content(
    glyphs: list[_Glyph],
    names: dict[_Where, str],
    subsets: dict[_Where, Subset],
    shown: dict[_Where, dict[int, str]],
) -> bytes:
    """One page's drawing: each character placed by its own text matrix; one whose code
    copies as another character (two on one glyph: · and ・) carries its own text."""
    ops = ["BT"]
    current: tuple[_Where, float] | None = None
    for glyph in glyphs:
        if (glyph.where, glyph.size) != current:
            current = (glyph.where, glyph.size)
            ops.append(f"/{names[glyph.where]} {glyph.size:g} Tf")
        code = subsets[glyph.where].codes.get(glyph.char, (0, 0))[0]  # 0: .notdef
        draw = f"1 0 0 1 {glyph.x:.2f} {glyph.y:.2f} Tm <{code:04X}> Tj"
        if shown[glyph.where].get(code) != glyph.char:
            draw = f"{actual_text(glyph.char)} {draw} EMC"
        ops.append(draw)
    ops.append("ET")
    return "\n".join(ops).encode("ascii")
