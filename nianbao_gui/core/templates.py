"""Starting points for a new draft: one template per kind of report, and the example.

Templates are draft files in ``seeds/`` (``template-*.json``), so office IT can add or edit
one without touching code. The example is the real report in ``seeds/`` imported at run time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import DraftError
from .model import Report, ReportKind
from .paths import seeds_dir

EXAMPLE_FILE = "example-2022-shuzhi-shulian.txt"


@dataclass(frozen=True)
class Template:
    name: str
    path: Path


def list_templates() -> list[Template]:
    """The templates shipped in seeds/, by their title (kind of report)."""
    found = []
    for path in sorted(seeds_dir().glob("template-*.json")):
        try:
            report = Report.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue  # a broken template is skipped, not fatal; tests keep shipped ones valid
        found.append(Template(report.kind.value, path))
    return found


def load_template(path: Path) -> Report:
    try:
        return Report.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as error:
        raise DraftError(
            f"模板 {path.name} 无法读取：{error}", "请重新安装年报助手。", path=path
        ) from error


def template_for(kind: ReportKind) -> Report:
    for template in list_templates():
        if template.name == kind.value:
            return load_template(template.path)
    return Report(kind=kind)


def example_path() -> Path:
    return seeds_dir() / EXAMPLE_FILE


def example_report() -> Report:
    """The example report (the seed, a real 2022 述职述廉报告) imported as a draft."""
    from .importer import import_report  # late: templates are listed without the importer

    return import_report(example_path()).report
