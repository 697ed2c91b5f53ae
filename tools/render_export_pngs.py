"""Render the exported seed to docs/export-page-1.png and docs/export-page-2.png, and page 3
side by side as the program's PDF draws it and as LibreOffice renders the .docx
(docs/justified-side-by-side.png: both justified, every line flush with the margin).

Uses LibreOffice with tests/fonts/fonts.conf (free fonts standing in for 仿宋_GB2312, 楷体,
黑体, 宋体 and 方正小标宋简体), then pdftoppm and imagemagick.
Run: ``.venv/bin/python tools/render_export_pngs.py``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from export_support import seed_report  # noqa: E402
from pages_support import render_metrics  # noqa: E402
from render_support import FONTS_CONF, to_pdf  # noqa: E402

from nianbao_gui.core.export import ExportOptions, export_docx  # noqa: E402
from nianbao_gui.core.pages.fonts import font_files  # noqa: E402
from nianbao_gui.core.pages.pdf import render_pdf  # noqa: E402


def page_png(pdf: Path, page: int, prefix: Path) -> Path:
    """Page ``page`` of ``pdf`` as ``prefix``.png: 60 dpi, grey (pdftoppm)."""
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-gray",
            "-singlefile",
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    return prefix.with_suffix(".png")


def _grey16(png: Path) -> None:
    from PIL import Image

    with Image.open(png) as image:
        image.convert("L").quantize(16).save(png, optimize=True)


def side_by_side(left: Path, right: Path, target: Path, labels: tuple[str, str]) -> None:
    """Two pages next to each other, each labelled above (Pillow, as pdfplumber brings it)."""
    from PIL import Image, ImageDraw

    with Image.open(left) as a, Image.open(right) as b:
        gap, head = 12, 18
        out = Image.new("L", (a.width + gap + b.width, max(a.height, b.height) + head), 255)
        out.paste(a, (0, head))
        out.paste(b, (a.width + gap, head))
        draw = ImageDraw.Draw(out)
        draw.text((4, 3), labels[0], fill=0)
        draw.text((a.width + gap + 4, 3), labels[1], fill=0)
        out.quantize(16).save(target, optimize=True)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "seed.docx"
        options = ExportOptions()
        export_docx(seed_report(), target, options, metrics=render_metrics(options))
        pdf = to_pdf(target, Path(folder))
        ours = Path(folder) / "ours.pdf"
        fonts = font_files(options.font_set, fontconfig_file=str(FONTS_CONF))
        ours.write_bytes(render_pdf(seed_report(), options, fonts=fonts)[0])
        left = page_png(ours, 3, Path(folder) / "ours")
        right = page_png(pdf, 3, Path(folder) / "lo")
        both = REPO / "docs" / "justified-side-by-side.png"
        side_by_side(left, right, both, ("PDF (nianbao)", "LibreOffice 7.4 (.docx)"))
        print(both)
        for page in (1, 2):
            png = page_png(pdf, page, REPO / "docs" / f"export-page-{page}")
            # 16 grey levels keep the text legible at a quarter of the size
            _grey16(png)
            print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
