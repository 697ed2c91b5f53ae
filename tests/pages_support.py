"""Layout tests: the reports they lay out and the fonts LibreOffice uses in the render test."""

from __future__ import annotations

from pathlib import Path

from render_support import FONTS_CONF

from nianbao_gui.core.model import Report
from nianbao_gui.core.pages.fonts import font_files
from nianbao_gui.core.pages.metrics import FileMetrics
from nianbao_gui.core.typeset import ExportOptions

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


def figures_reports() -> dict[str, Report]:
    """Three reports dense with what leaves a ragged edge: digit runs, ``**`` placeholders
    and quotation marks (issue 20), with a salutation, a signature and a date."""
    import datetime as _dt

    from nianbao_gui.core.model import ReportKind, Section

    texts = {
        "figures-digits": "全镇完成固定资产投资12.6亿元，同比增长8.5%，其中工业投资3.2亿元，"
        "新增规模以上企业4家，实现税收收入2,360万元，城镇居民人均可支配收入42,815元。",
        "figures-stars": "全年召开党委会**次、专题会议*次，发展党员**名，整改问题***个，"
        "走访群众****户，化解矛盾纠纷**件，为民办实事**件，完成“**工程”建设。",
        "figures-quotes": "深入开展“不忘初心、牢记使命”主题教育，落实“三会一课”“主题党日”制度，"
        "推行“一窗受理、集成服务”，打造“15分钟便民服务圈”，建成“党员之家”**个。",
    }
    reports = {}
    for name, text in texts.items():
        sections = [
            Section(heading=f"第{i}项工作", paragraphs=[text * 2, text]) for i in range(1, 4)
        ]
        reports[name] = Report(
            kind=ReportKind.SHUZHI,
            year=2024,
            opening=["各位领导、同志们：", text],
            sections=sections,
            signature="某某镇人民政府",
            date=_dt.date(2025, 1, 5),
        )
    return reports
