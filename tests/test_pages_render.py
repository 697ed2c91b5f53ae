"""The page layout agrees with LibreOffice's rendering of the exported .docx.

Same page count, and at least 99 % of the lines break at the same character (95 % on the
random paragraphs of mixed scripts and marks), on the seed, every fixture, a 12-page report
and the random paragraphs. Lines are compared character by character (spaces aside, the
ideographic space too: the PDF's text layer does not keep them all, nor one that hangs at
a line's end). Justified lines: every wrapped line of body text and headings ends within
1.5 pt of the right margin, in LibreOffice's rendering and in the layout (the PDF and the
preview draw its positions).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from export_support import long_report, seed_report
from pages_support import (
    figures_reports,
    fixture_paths,
    fixture_report,
    mixed_report,
    render_metrics,
)
from render_support import (
    BLOCK_RIGHT,
    FONTS_CONF,
    draft_text,
    first_difference,
    read_pages,
    soffice,
    text_on_paper,
    to_pdf,
)

from nianbao_gui.core.export import ExportOptions, export_docx
from nianbao_gui.core.layout import Role
from nianbao_gui.core.model import Report
from nianbao_gui.core.pages import PageLayout, paginate
from nianbao_gui.core.pages.fonts import font_files
from nianbao_gui.core.pages.metrics import FileMetrics
from nianbao_gui.core.pages.paginate import Line
from nianbao_gui.core.pages.pdf import render_pdf
from nianbao_gui.core.settings import FontChoice

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(
        soffice() is None and not os.environ.get("CI"), reason="LibreOffice is not installed"
    ),
]


def _key(text: str) -> str:
    return text.replace(" ", "").replace("\u00a0", "").replace("\u3000", "")


_WINDOWS_BOLD = ExportOptions(fonts=FontChoice.WINDOWS, level3_bold=True)


def _cases() -> list[tuple[str, Report | Path, ExportOptions]]:
    default = ExportOptions()
    cases: list[tuple[str, Report | Path, ExportOptions]] = [
        ("seed", seed_report(), default),
        ("long", long_report(12), default),
        ("long-windows-fonts-bold-level3", long_report(12), _WINDOWS_BOLD),
        ("mixed-random", mixed_report(2), default),
    ]
    cases += [(name, report, default) for name, report in figures_reports().items()]
    cases += [(path.stem, path, default) for path in fixture_paths()]
    return cases


@pytest.mark.parametrize(
    ("name", "source", "options"), [pytest.param(*case, id=case[0]) for case in _cases()]
)
def test_layout_agrees_with_libreoffice(
    name: str, source: Report | Path, options: ExportOptions, tmp_path: Path
) -> None:
    report = source if isinstance(source, Report) else fixture_report(source)
    target = tmp_path / f"{name}.docx"
    metrics = render_metrics(options)
    export_docx(report, target, options, metrics=metrics)
    pages = read_pages(to_pdf(target, tmp_path))
    # every character on paper, in LibreOffice's rendering and in the program's PDF
    expected = draft_text(report)
    got = text_on_paper(pages)
    assert got == expected, first_difference(expected, got)
    ours_pdf = tmp_path / f"{name}-ours.pdf"
    fonts = font_files(options.font_set, fontconfig_file=str(FONTS_CONF))
    ours_pdf.write_bytes(render_pdf(report, options, fonts=fonts)[0])
    ours_pages = read_pages(ours_pdf)
    got = text_on_paper(ours_pages)
    assert got == expected, first_difference(expected, got)
    pdf_lines = [line for page in ours_pages for line in page.body]
    drawn_lines = [line for page in pages for line in page.body]
    drawn = [_key(line.text) for line in drawn_lines]
    laid = paginate(report, metrics, options)
    our_lines = [line for line in laid.lines if line.text.strip()]
    ours = [_key(line.text) for line in our_lines]
    assert len(pdf_lines) == len(our_lines)
    assert len(laid.pages) == len(pages)
    matcher = difflib.SequenceMatcher(a=drawn, b=ours, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    share = same / max(len(drawn), len(ours))
    differing = [
        (drawn[a0:a1], ours[b0:b1])
        for tag, a0, a1, b0, b1 in matcher.get_opcodes()
        if tag != "equal"
    ]
    assert share >= (0.95 if name == "mixed-random" else 0.99), (share, differing)
    # justified: each wrapped line LibreOffice drew (matched with the layout's) and each of
    # the layout's ends at the right margin
    wrapped = 0
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            line = our_lines[block.b + k]
            if _wrapped(laid, line):
                wrapped += 1
                x1 = drawn_lines[block.a + k].x1
                assert abs(x1 - BLOCK_RIGHT) <= 1.5, (x1 - BLOCK_RIGHT, line.text)
                end = _line_end(line, metrics)
                assert abs(end - laid.geometry.block_width) <= 1.5, (end, line.text)
                x1 = pdf_lines[block.b + k].x1  # the program's PDF, line for line
                assert abs(x1 - BLOCK_RIGHT) <= 1.5, (x1 - BLOCK_RIGHT, line.text)
    assert wrapped >= (40 if name in ("seed", "long") else 0)


def _wrapped(laid: PageLayout, line: Line) -> bool:
    """A line of body text or a heading that is not its paragraph's last (nor ends at a
    forced line break): a justified line."""
    paragraph = laid.paragraphs[line.paragraph]
    if paragraph.blank or paragraph.role not in (Role.BODY, Role.HEADING) or line.last:
        return False
    return paragraph.text[line.end : line.end + 1] != "\n" and line.text.strip() != ""


def _line_end(line: Line, metrics: FileMetrics) -> float:
    """Where the layout's line ends (points from the block's left): its last character's
    left edge plus its advance."""
    span = line.spans[-1]
    return span.xs[-1] + metrics.advance(span.font, span.text[-1]) * span.size
