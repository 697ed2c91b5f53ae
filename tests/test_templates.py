"""Templates are read like drafts: office IT may edit them in Notepad (BOM) or copy an old one."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from nianbao_gui.core import templates
from nianbao_gui.core.model import ReportKind


def test_an_edited_template_with_bom_and_no_version_is_offered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = {"type": "年度工作总结", "sections": [{"title": "主要工作", "body": "正文"}]}
    (tmp_path / "template-office.json").write_bytes(
        codecs.BOM_UTF8 + json.dumps(old, ensure_ascii=False).encode("utf-8")
    )
    (tmp_path / "template-broken.json").write_text("{", encoding="utf-8")
    monkeypatch.setattr(templates, "seeds_dir", lambda: tmp_path)
    listed = templates.list_templates()
    assert [t.name for t in listed] == ["年度工作总结"]  # the broken one is skipped
    report = templates.template_for(ReportKind.ZONGJIE)
    assert report.sections[0].heading == "主要工作"
    assert report.sections[0].paragraphs == ["正文"]
    assert templates.template_for(ReportKind.SHUZHI).sections == []
