"""The page layout agrees with LibreOffice's rendering of the exported .docx.

Same page count, and at least 95 % of the lines break at the same character, on the seed,
every fixture, a 12-page report and random paragraphs of mixed scripts and marks. Lines
are compared character by character (spaces aside, the ideographic space too: the PDF's
text layer does not keep them all, nor one that hangs at a line's end).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from export_support import long_report, seed_report
from pages_support import fixture_paths, fixture_report, mixed_report, render_metrics
from render_support import read_pages, soffice, to_pdf

from nianbao_gui.core.export import ExportOptions, export_docx
from nianbao_gui.core.model import Report
from nianbao_gui.core.pages import paginate
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
    export_docx(report, target, options)
    pages = read_pages(to_pdf(target, tmp_path))
    drawn = [_key(line.text) for page in pages for line in page.body]
    laid = paginate(report, render_metrics(options), options)
    ours = [_key(line.text) for line in laid.lines if line.text.strip()]
    assert len(laid.pages) == len(pages)
    matcher = difflib.SequenceMatcher(a=drawn, b=ours, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    share = same / max(len(drawn), len(ours))
    differing = [
        (drawn[a0:a1], ours[b0:b1])
        for tag, a0, a1, b0, b1 in matcher.get_opcodes()
        if tag != "equal"
    ]
    assert share >= 0.95, differing
