"""Render the exported seed to docs/export-page-1.png and docs/export-page-2.png.

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
from render_support import to_pdf  # noqa: E402

from nianbao_gui.core.export import export_docx  # noqa: E402


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


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "seed.docx"
        export_docx(seed_report(), target)
        pdf = to_pdf(target, Path(folder))
        for page in (1, 2):
            png = page_png(pdf, page, REPO / "docs" / f"export-page-{page}")
            # 16 grey levels keep the text legible at a quarter of the size (imagemagick)
            subprocess.run(
                ["convert", str(png), "-colors", "16", "-strip", f"PNG8:{png}"], check=True
            )
            print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
