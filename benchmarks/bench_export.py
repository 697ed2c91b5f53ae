"""Export time: the seed and a 100-page report, beside python-docx writing the same text bare.

The floor is python-docx's default template with one ``add_paragraph(text)`` per paragraph,
no fonts, no styles, saved to memory. The target is to stay within 1.5× of that floor.
Run: ``.venv/bin/python benchmarks/bench_export.py``.
"""

from __future__ import annotations

import io
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

import docx  # noqa: E402
from export_support import long_report, seed_report  # noqa: E402
from timing import alternating_ms  # noqa: E402

from nianbao_gui.core.export import export_bytes  # noqa: E402
from nianbao_gui.core.layout import layout  # noqa: E402
from nianbao_gui.core.model import Report  # noqa: E402

RUNS = 9


def median_ms(*actions: Callable[[], object]) -> list[float]:
    """Median time of each action; the actions alternate so that load from other processes
    falls on all of them alike."""
    return [statistics.median(t) for t in alternating_ms(RUNS, *actions)]


def floor(report: Report) -> bytes:
    document = docx.Document()
    for block in layout(report):
        document.add_paragraph(block.full)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main() -> int:
    reports = {"seed": seed_report(), "100 pages": long_report(100)}
    print(
        f"{'report':<10} {'paragraphs':>10} {'chars':>8} {'floor ms':>9} {'export ms':>10} "
        f"{'ratio':>6} {'KB':>6}"
    )
    for name, report in reports.items():
        blocks = layout(report)
        chars = sum(len(b.full) for b in blocks)
        floor_ms, export_ms = median_ms(lambda r=report: floor(r), lambda r=report: export_bytes(r))
        size = len(export_bytes(report)[0]) / 1024
        print(
            f"{name:<10} {len(blocks):>10} {chars:>8} {floor_ms:>9.1f} {export_ms:>10.1f} "
            f"{export_ms / floor_ms:>6.2f} {size:>6.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
