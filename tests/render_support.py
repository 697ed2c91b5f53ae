"""Converting an exported .docx to PDF with LibreOffice and measuring the pages with pdfplumber.

Fonts: tests/fonts/fonts.conf maps the names the document asks for (仿宋_GB2312, 楷体, 黑体,
宋体, 方正小标宋简体 …) onto free fonts, each onto a different one, so the PDF tells which
font each line asked for. It is used through FONTCONFIG_FILE for LibreOffice only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nianbao_gui.core.model import Report

FONTS_CONF = Path(__file__).resolve().parent / "fonts" / "fonts.conf"
PT_PER_MM = 72 / 25.4

# the text block of GB/T 9704-2012 on A4, in points from the top left of the page
BLOCK_TOP = 37 * PT_PER_MM
BLOCK_BOTTOM = (297 - 35) * PT_PER_MM
BLOCK_LEFT = 28 * PT_PER_MM
BLOCK_RIGHT = (210 - 26) * PT_PER_MM
LINE_PITCH = 28.95


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdfs(docx_paths: list[Path], out_dir: Path) -> list[Path]:
    """All documents converted in one LibreOffice run (start-up is most of a conversion)."""
    profile = Path("/tmp") / f"lo-profile-{os.getpid()}-{uuid.uuid4().hex}"
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
    command = [
        str(soffice()),
        "--headless",
        f"-env:UserInstallation=file://{profile}",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        *(str(path) for path in docx_paths),
    ]
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdfs = [out_dir / (path.stem + ".pdf") for path in docx_paths]
    missing = [pdf.name for pdf in pdfs if not pdf.exists()]
    assert not missing, f"LibreOffice wrote no PDF for {missing}"
    return pdfs


def to_pdf(docx_path: Path, out_dir: Path) -> Path:
    return to_pdfs([docx_path], out_dir)[0]


@dataclass
class Line:
    baseline: float  # points from the top of the page
    x0: float
    x1: float
    text: str
    fonts: list[str]  # font of each character
    size: float

    @property
    def font(self) -> str:
        return max(set(self.fonts), key=self.fonts.count)


@dataclass
class Page:
    number: int
    body: list[Line]  # lines inside the text block, top to bottom
    footer: list[Line]  # lines below it
    width: float


def read_pages(pdf_path: Path) -> list[Page]:
    import pdfplumber

    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            rows: dict[float, list[dict[str, object]]] = defaultdict(list)
            for char in page.chars:
                baseline = float(page.height) - float(char["matrix"][5])
                # a heading and its run-in text in other fonts sit within a point of each other
                key = next((k for k in rows if abs(k - baseline) < 3), round(baseline, 1))
                rows[key].append(char)
            lines = []
            for baseline in sorted(rows):
                chars = sorted(rows[baseline], key=lambda c: float(c["x0"]))  # type: ignore[arg-type]
                lines.append(
                    Line(
                        baseline=baseline,
                        x0=float(chars[0]["x0"]),  # type: ignore[arg-type]
                        x1=float(chars[-1]["x1"]),  # type: ignore[arg-type]
                        text="".join(str(c["text"]) for c in chars),
                        fonts=[str(c["fontname"]).split("+")[-1] for c in chars],
                        size=float(chars[0]["size"]),  # type: ignore[arg-type]
                    )
                )
            pages.append(
                Page(
                    number=number,
                    body=[line for line in lines if line.baseline < BLOCK_BOTTOM],
                    footer=[line for line in lines if line.baseline >= BLOCK_BOTTOM],
                    width=float(page.width),
                )
            )
    return pages


def grid_slots(page: Page) -> list[float]:
    """Each body line's position on the 28.95 pt grid (0 = the first line of the block)."""
    first_baseline = BLOCK_TOP + 21.0  # measured: the first 3号 line's baseline
    return [(line.baseline - first_baseline) / LINE_PITCH for line in page.body]


def char_units(text: str) -> float:
    import unicodedata

    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


_PAGE_NUMBER = re.compile(r"—\s*\d+\s*—")


def squeeze(text: str) -> str:
    """``text`` without any whitespace (spaces, tabs, line breaks, U+3000, no-break spaces)."""
    return "".join(text.split())


def text_on_paper(pages: list[Page]) -> str:
    """Every character the PDF's text layer holds, in reading order, page numbers removed.

    Lines are read top to bottom, characters left to right (a closing mark hanging in the
    margin is on its line's baseline); a footer line loses its ``— N —`` only.
    """
    parts = []
    for page in pages:
        parts.extend(line.text for line in page.body)
        parts.extend(_PAGE_NUMBER.sub("", line.text, count=1) for line in page.footer)
    return squeeze("".join(parts))


def draft_text(report: Report) -> str:
    """The draft's text as the export must put it on paper: every block, head and text, in
    order, without the characters Word cannot hold (the export reports those) and whitespace."""
    from nianbao_gui.core.layout import layout
    from nianbao_gui.core.typeset.sanitize import clean

    return squeeze(
        "".join(clean(block.head).text + clean(block.text).text for block in layout(report))
    )


def first_difference(expected: str, got: str, context: int = 12) -> str:
    """Where two texts part, for an assertion message: ``…expected… / …on paper…``."""
    at = next(
        (i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b),
        min(len(expected), len(got)),
    )
    start = max(0, at - context)
    return (
        f"at character {at}: draft …{expected[start : at + context]}… / "
        f"paper …{got[start : at + context]}… (lengths {len(expected)} / {len(got)})"
    )
