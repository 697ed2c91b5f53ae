"""Starting points for a new draft: one template per kind of report, and the example.

Templates are draft files in ``seeds/`` (``template-*.json``), so office IT can add or edit
one without touching code. The example is the real report in ``seeds/`` (the .txt), shipped
beside it already imported as a draft (the .json): a first start opens it without loading the
importer, which is about 30 ms of start-up. A test keeps the two equal; the .txt is imported
only if the draft is missing or unreadable.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import DraftError
from .model import Report, ReportKind
from .paths import seeds_dir
from .storage import load_draft

EXAMPLE_FILE = "example-2022-shuzhi-shulian.txt"
EXAMPLE_DRAFT = "example-2022-shuzhi-shulian.json"
"""Regenerate after changing the seed or the importer: ``nianbao import seeds/{EXAMPLE_FILE}``."""


@dataclass(frozen=True)
class Template:
    name: str
    path: Path


def _shipped() -> Iterator[tuple[Path, Report]]:
    """Each readable template with its report. Read like any draft (a BOM or GBK from
    Notepad, an older schema); a broken one is skipped, not fatal — tests keep shipped ones
    valid, and office IT's edits must not stop the program."""
    for path in sorted(seeds_dir().glob("template-*.json")):
        try:
            yield path, load_draft(path)
        except DraftError:
            continue


def list_templates() -> list[Template]:
    """The templates shipped in seeds/, by their title (kind of report)."""
    return [Template(report.kind.value, path) for path, report in _shipped()]


def load_template(path: Path) -> Report:
    return load_draft(path)


def template_for(kind: ReportKind) -> Report:
    for _path, report in _shipped():
        if report.kind is kind:
            return report
    return Report(kind=kind)


def example_path() -> Path:
    return seeds_dir() / EXAMPLE_FILE


def example_draft_path() -> Path:
    return seeds_dir() / EXAMPLE_DRAFT


def example_report() -> Report:
    """The example report (the seed, a real 2022 述职述廉报告) as a draft."""
    try:
        report = load_draft(example_draft_path())
        report.made_from = ""  # the seed it was imported from is no "last year" of hers
        return report
    except DraftError:
        pass
    from .importer import import_report  # late: the importer is needed only without the draft

    return import_report(example_path()).report
