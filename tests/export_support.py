"""Reports for the export tests and benchmark (the seed, the fixtures, a long report with every
level) and the Word-safety audit every exported .docx goes through (``word_safe_exports``)."""

from __future__ import annotations

import datetime as _dt
import functools
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

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


@functools.cache
def _validator() -> Any:
    from openxml_audit import OpenXmlValidator

    return OpenXmlValidator(max_errors=0)  # 0: every finding, not the first hundred


def audit_docx(docx: bytes | Path) -> list[str]:
    """Everything openxml-audit finds in a .docx: elements out of schema order, unknown
    attributes or values, broken relationships and parts (what Word repairs or refuses
    while LibreOffice opens the file silently). Errors, warnings and notes alike."""
    if isinstance(docx, Path):
        return [str(finding) for finding in _validator().validate(docx).errors]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "audit.docx"
        path.write_bytes(docx)
        return [str(finding) for finding in _validator().validate(path).errors]


@dataclass
class ExportAudit:
    """What ``word_safe_exports`` saw in one test: how many exports, and the findings."""

    exports: int = 0
    findings: list[str] = field(default_factory=list)


@pytest.fixture(autouse=True)
def word_safe_exports(monkeypatch: pytest.MonkeyPatch) -> Iterator[ExportAudit]:
    """Every .docx a test exports in-process (library, command line, window) is audited.

    All exports go through ``core.export.export_bytes``; its result is audited on the way
    and the findings are collected, then asserted empty when the test ends (an assertion
    inside the export would be caught by the window's error handling).
    """
    from nianbao_gui.core import export

    original = export.export_bytes
    audit = ExportAudit()

    def audited(*args: Any, **kwargs: Any) -> tuple[bytes, Any]:
        data, result = original(*args, **kwargs)
        audit.exports += 1
        audit.findings.extend(audit_docx(data))
        return data, result

    monkeypatch.setattr(export, "export_bytes", audited)
    yield audit
    assert not audit.findings, "openxml-audit: " + "\n".join(audit.findings[:20])
