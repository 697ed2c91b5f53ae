"""Helpers for the 体检 tests: a report around one paragraph or heading, and findings as
comparable tuples."""

from __future__ import annotations

from nianbao_gui.core.checks import Finding, check_report
from nianbao_gui.core.fields import FieldPath
from nianbao_gui.core.model import Closing, Report, Section

PARAGRAPH: FieldPath = ("sections", 0, "paragraphs", 0)
HEADING: FieldPath = ("sections", 0, "heading")
RUN_IN_HEADING: FieldPath = ("sections", 0, "children", 0, "heading")
RUN_IN_TEXT: FieldPath = ("sections", 0, "children", 0, "paragraphs", 0)


def report_with(
    paragraph: str = "我认真履行职责。",
    *,
    heading: str = "强化责任意识，切实认真履职",
    run_in_heading: str = "政法工作。",
    run_in_text: str = "扎实开展普法教育。",
    more: list[str] | None = None,
    closing: Closing | None = None,
    year: int | None = 2022,
) -> Report:
    """A small clean report; the arguments plant what a test needs."""
    child = Section(heading=run_in_heading, run_in=True, paragraphs=[run_in_text])
    return Report(
        year=year,
        sections=[
            Section(heading=heading, paragraphs=[paragraph, *(more or [])], children=[child])
        ],
        closing=closing or Closing(),
    )


def found(report: Report, path: FieldPath | None = None) -> list[Finding]:
    return [f for f in check_report(report) if path is None or f.path == path]


def spans(findings: list[Finding]) -> list[tuple[int, int, str, str | None]]:
    """(start, end, code, fix) of each finding, for exact comparison."""
    return [(f.start, f.end, f.code, f.fix) for f in findings]


def in_paragraph(text: str) -> list[tuple[int, int, str, str | None]]:
    return spans(found(report_with(text), PARAGRAPH))
