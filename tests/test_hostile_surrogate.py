"""Issue 12, defect 1: a lone surrogate in a draft (``"\\ud800"`` in the JSON).

It used to open, then make every save, autosave and export raise UnicodeEncodeError, and the
crash dialog claimed the draft was saved. Now the draft keeps it (escaped), 体检 reports it
with a fix, the export removes it and says so, and no message claims a save that failed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_support import good_bytes

from nianbao_gui import cli
from nianbao_gui.app.crash import crash_message
from nianbao_gui.core.checks import apply_fixes, check_report
from nianbao_gui.core.export import export_docx
from nianbao_gui.core.storage import RecoveryStore, load_draft, save_draft

LONE = "\ud800"


def _draft_with_surrogate(tmp_path: Path) -> Path:
    data = json.loads(good_bytes())
    data["sections"][0]["paragraphs"][0] = "廉政" + LONE + "建设。"
    path = tmp_path / "s.json"
    # as a hand-edited or damaged file holds it: JSON's escape (UTF-8 cannot hold it raw)
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    return path


def test_a_draft_with_a_lone_surrogate_saves_and_reopens_unchanged(tmp_path: Path) -> None:
    path = _draft_with_surrogate(tmp_path)
    report = load_draft(path)
    save_draft(report, path)
    assert b"\\ud800" in path.read_bytes()  # kept escaped
    assert load_draft(path) == report
    other = tmp_path / "另存为.json"
    save_draft(report, other)
    assert load_draft(other) == report


def test_a_surrogate_written_raw_by_another_program_is_read_too(tmp_path: Path) -> None:
    data = json.loads(good_bytes())
    data["title"] = "标题" + LONE
    path = tmp_path / "raw.json"
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    assert load_draft(path).title == "标题" + LONE


def test_autosave_keeps_it_too(tmp_path: Path) -> None:
    report = load_draft(_draft_with_surrogate(tmp_path))
    store = RecoveryStore(tmp_path / "recovery")
    store.write("draft:x", report, tmp_path / "s.json")
    (entry,) = store.pending()
    assert store.load(entry) == report


def test_check_reports_it_as_invalid_and_the_fix_removes_it(tmp_path: Path) -> None:
    report = load_draft(_draft_with_surrogate(tmp_path))
    (finding,) = [f for f in check_report(report) if f.code == "space.invalid"]
    assert finding.path == ("sections", 0, "paragraphs", 0)
    assert (finding.start, finding.end, finding.fix) == (2, 3, "")
    assert "无效字符" in finding.message and finding.fix_label() == "删除“无效字符”"
    apply_fixes(report, [finding])
    assert report.sections[0].paragraphs[0] == "廉政建设。"
    assert not [f for f in check_report(report) if f.code == "space.invalid"]


@pytest.mark.parametrize("field", ["title", "author_name"])
def test_export_removes_it_and_says_so(tmp_path: Path, field: str) -> None:
    report = load_draft(_draft_with_surrogate(tmp_path))
    setattr(report, field, "张" + LONE + "三")
    result = export_docx(report, tmp_path / "x.docx")
    assert (tmp_path / "x.docx").stat().st_size > 0
    assert any("残缺字符 U+D800" in warning for warning in result.warnings)


def test_the_command_line_shows_it_as_a_stand_in_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _draft_with_surrogate(tmp_path)
    assert cli.main(["show", str(path), "--text"]) == cli.EXIT_OK
    out, err = capsys.readouterr()
    assert "廉政\ufffd建设。" in out and "1 个无效字符" in err
    assert cli.main(["check", str(path)]) == cli.EXIT_FINDINGS
    assert "无效字符" in capsys.readouterr().out


def test_the_crash_message_never_claims_a_save_that_did_not_happen() -> None:
    failed = crash_message(Path("/logs/nianbao.log"), None)
    assert "已保存在" not in failed and "未能确认草稿已经保存" in failed and "另存为" in failed
    saved = crash_message(Path("/logs/nianbao.log"), "/恢复/a.json")
    assert "您的草稿已保存在 /恢复/a.json" in saved
