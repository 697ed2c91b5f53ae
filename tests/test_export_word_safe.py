"""Word-safe files: openxml-audit finds nothing in any exported .docx.

Besides these tests, every .docx any test exports in-process is audited (the autouse
fixture ``word_safe_exports`` in export_support.py).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from export_support import (
    ExportAudit,
    audit_docx,
    long_report,
    sample_names,
    sample_reports,
)
from hypothesis import HealthCheck, given, settings
from test_storage_property import reports

from nianbao_gui.cli import main
from nianbao_gui.core.export import ExportOptions, export_bytes
from nianbao_gui.core.model import Report
from nianbao_gui.core.settings import FontChoice


@pytest.fixture(scope="module")
def samples() -> dict[str, Report]:
    return sample_reports()


@pytest.mark.parametrize("name", sample_names())
def test_seed_templates_and_fixtures_have_no_findings(
    samples: dict[str, Report], name: str
) -> None:
    assert audit_docx(export_bytes(samples[name])[0]) == []


def test_every_option_has_no_findings() -> None:
    options = ExportOptions(fonts=FontChoice.WINDOWS, title_font="华文中宋", level3_bold=True)
    assert audit_docx(export_bytes(long_report(3), options)[0]) == []


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports)
def test_generated_drafts_have_no_findings(report: Report) -> None:
    """Any text (control characters, emoji, rare characters, line breaks) and any structure."""
    assert audit_docx(export_bytes(report)[0]) == []


def _with_document(data: bytes, change: str, into: str) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                assert change.encode() in content
                content = content.replace(change.encode(), into.encode(), 1)
            target.writestr(item, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("change", "into", "says"),
    [
        (  # schema order: kinsoku belongs after widowControl
            '<w:widowControl w:val="0"/><w:kinsoku w:val="1"/>',
            '<w:kinsoku w:val="1"/><w:widowControl w:val="0"/>',
            "Unexpected element 'widowControl'",
        ),
        ('<w:kinsoku w:val="1"/>', '<w:kinsoku w:val="1" w:hang="1"/>', "'hang' attribute"),
        ('<w:jc w:val="left"/>', '<w:jc w:val="justify"/>', "'justify'"),
    ],
)
def test_the_audit_sees_what_word_would_repair(change: str, into: str, says: str) -> None:
    """The audit is not vacuous: a misplaced element, an unknown attribute, a wrong value."""
    broken = _with_document(export_bytes(long_report(1))[0], change, into)
    findings = audit_docx(broken)
    assert findings and any(says in finding for finding in findings), findings


def test_exports_of_other_tests_are_audited(word_safe_exports: ExportAudit, tmp_path: Path) -> None:
    """The autouse fixture sees exports made through the command line (and so the window's,
    which call the same export_docx)."""
    draft = tmp_path / "草稿.json"
    draft.write_text(long_report(1).to_json(), encoding="utf-8")
    assert main(["export", str(draft), "-o", str(tmp_path / "报告.docx")]) == 0
    assert word_safe_exports.exports == 1 and word_safe_exports.findings == []
