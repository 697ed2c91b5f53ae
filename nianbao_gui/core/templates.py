"""Starting points for a new draft: one template per kind of report, and the example.

Templates are draft files in ``seeds/`` (``template-*.json``), so office IT can add or edit
one without touching code. The example is the real report in ``seeds/`` imported at run time.
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


def example_report() -> Report:
    """The example report (the seed, a real 2022 述职述廉报告) imported as a draft."""
    from .importer import import_report  # late: templates are listed without the importer

    return import_report(example_path()).report
