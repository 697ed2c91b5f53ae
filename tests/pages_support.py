"""Layout tests: the reports they lay out and the fonts LibreOffice uses in the render test."""

from __future__ import annotations

from pathlib import Path

from render_support import FONTS_CONF

from nianbao_gui.core.export.options import ExportOptions
from nianbao_gui.core.model import Report
from nianbao_gui.core.pages.fonts import font_files
from nianbao_gui.core.pages.metrics import FileMetrics

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_paths() -> list[Path]:
    return sorted(FIXTURES.rglob("*.txt"))


def fixture_report(path: Path) -> Report:
    from nianbao_gui.core.importer import import_report

    report: Report = import_report(path).report
    return report


def render_metrics(options: ExportOptions | None = None) -> FileMetrics:
    """The advance widths of the fonts tests/fonts/fonts.conf gives LibreOffice."""
    choices = font_files((options or ExportOptions()).font_set, fontconfig_file=str(FONTS_CONF))
    files = {key: (c.file.path, c.file.index) for key, c in choices.items() if c.file}
    return FileMetrics(files)


def mixed_report(seed: int, paragraphs: int = 60) -> Report:
    """Paragraphs of random Chinese, digits, Latin letters and marks of every kind (``**``
    placeholders, full-width digits, dashes, ellipses, quotes): line ends fall on every
    pair of them, where the fixtures' prose rarely goes."""
    import random

    from nianbao_gui.core.model import ReportKind

    rnd = random.Random(seed)
    alphabet = list("国家政府工作乡镇村党员群众建设发展") * 4
    alphabet += list("（）“”，。、；：？！《》…—％２０") + list("2024AB%*.")
    alphabet += ["**", "2025年", "98.5%", "……", "——"]
    texts = [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(20, 80))) + "。"
        for _ in range(paragraphs)
    ]
    return Report(kind=ReportKind.SHUZHI, year=2024, opening=texts)
