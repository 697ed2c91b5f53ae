"""Reports for the export tests and benchmark: the seed, and a long report with every level."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from nianbao_gui.core.model import Closing, Report, ReportKind, Section

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "example-2022-shuzhi-shulian.txt"
SEED_DRAFTS = sorted((REPO / "seeds").glob("*.json"))  # the example as a draft, the templates
FIXTURES = sorted((REPO / "tests" / "fixtures").rglob("*.txt"))  # import and 体检 fixtures


def seed_lines() -> list[str]:
    """The seed's paragraphs as written, without empty lines."""
    return [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def seed_report() -> Report:
    """The seed as the importer reads it (as the window's example does)."""
    from nianbao_gui.core.importer import import_report

    report: Report = import_report(SEED).report
    return report


_SENTENCE = (
    "围绕中心工作，抓住关键环节，认真有序开展各项工作，切实履行职责，"
    "扎实苦干、克己奉公，时刻做到遵纪守法、秉公办事，全年完成任务**项。"
)


def long_report(pages: int = 12) -> Report:
    """About ``pages`` pages: all four heading levels, run-in headings, author, signature."""
    # one body paragraph of ~5 lines; ~4 paragraphs and 4 headings per page
    paragraph = _SENTENCE * 2
    sections = []
    for i in range(max(1, pages // 3)):
        level4 = [Section(heading=f"第四级标题{j}", paragraphs=[paragraph]) for j in range(2)]
        level3 = [
            Section(heading=f"第三级标题{j}", paragraphs=[paragraph], children=level4)
            for j in range(2)
        ]
        level2 = [
            Section(heading=f"政法工作{i}。", run_in=True, paragraphs=[paragraph, paragraph]),
            Section(heading=f"二级标题{i}", paragraphs=[paragraph], children=level3),
        ]
        sections.append(
            Section(heading=f"一级标题第{i + 1}部分", paragraphs=[paragraph], children=level2)
        )
    return Report(
        kind=ReportKind.SHUZHI,
        year=2024,
        title="某某镇人民政府副镇长2024年度述职报告暨党风廉政建设责任制落实情况报告",
        author_name="张三",
        position="副镇长",
        organisation="某某镇人民政府",
        show_author_line=True,
        opening=[paragraph],
        sections=sections,
        closing=Closing(
            shortcomings_heading="存在的不足",
            shortcomings_intro="主要表现在：",
            shortcomings=["理论学习不深不细", "工作安排多，检查督促少", "调查研究不够"],
            plans_heading="今后打算",
            plans=[paragraph],
        ),
        signature="某某镇人民政府",
        date=_dt.date(2025, 1, 5),
    )


def sample_names() -> list[str]:
    """Names of the reports every export test runs on (known without building them)."""
    names = ["seed", "long"]
    names += [f"seeds-{path.stem}" for path in SEED_DRAFTS]
    names += [f"{path.parent.name}-{path.stem}" for path in FIXTURES]
    return names


def sample_reports() -> dict[str, Report]:
    """The seed (imported and as a draft), the templates, every fixture, a 12-page report."""
    from nianbao_gui.core.importer import import_report
    from nianbao_gui.core.storage.codec import decode_report

    reports = {"seed": seed_report(), "long": long_report(12)}
    for path in SEED_DRAFTS:
        reports[f"seeds-{path.stem}"] = decode_report(path.read_bytes(), path)
    for path in FIXTURES:
        reports[f"{path.parent.name}-{path.stem}"] = import_report(path).report
    assert list(reports) == sample_names()
    return reports
