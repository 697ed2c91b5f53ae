"""Issue 12, defect 3: ``nianbao import r.txt -o v.docx`` overwrote any file without asking.

Now ``-o`` must name a .json file, a file that is not a draft is never overwritten, and an
existing draft is replaced only when the user agrees (console) or passes ``--force``; the
replaced draft is kept as an earlier version first."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import SEED
from hostile_support import good_draft

from nianbao_gui import cli
from nianbao_gui.core.model import Report
from nianbao_gui.core.storage import backups_of, load_draft, save_draft


def _import(*args: str) -> int:
    return cli.main(["import", str(SEED), *args])


@pytest.mark.parametrize("name", ["v.docx", "v.txt", "v"])
def test_output_must_be_a_json_file(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / name
    target.write_bytes(b"PK\x03\x04 a Word document")
    assert _import("-o", str(target)) == cli.EXIT_ERROR
    assert ".json" in capsys.readouterr().err
    assert target.read_bytes() == b"PK\x03\x04 a Word document"
    assert not backups_of(target)


def test_a_json_file_that_is_not_a_draft_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "package.json"
    target.write_text('{"name": "x"}', encoding="utf-8")
    assert _import("-o", str(target), "--force") == cli.EXIT_ERROR
    assert "不是年报助手的草稿" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == '{"name": "x"}'


def test_an_existing_draft_is_not_replaced_without_asking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "d.json"
    save_draft(Report(title="我的草稿"), target)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    assert _import("-o", str(target)) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "没有覆盖" in err and "--force" in err
    assert load_draft(target).title == "我的草稿"


def test_force_replaces_a_draft_and_keeps_it_as_an_earlier_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "d.json"
    save_draft(Report(title="我的草稿"), target)
    assert _import("-o", str(target), "--force") == cli.EXIT_OK
    (version,) = backups_of(target)
    assert load_draft(version).title == "我的草稿"
    assert str(version) in capsys.readouterr().err
    assert load_draft(target).title != "我的草稿"


@pytest.mark.parametrize("command", ["import", "figures"])
def test_force_never_replaces_a_draft_the_window_has_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """The window holds the draft's lock: ``--force`` may replace a draft, not one open in
    the program (its next save would silently undo the replacement, or the reverse)."""
    from nianbao_gui.core.storage import DraftLock

    target = tmp_path / "d.json"
    save_draft(Report(title="我的草稿"), target)
    before = target.read_bytes()
    held = DraftLock(target)
    held.acquire()  # the window (another program on this PC) has it open
    try:
        if command == "import":
            code = _import("-o", str(target), "--force")
        else:
            source = tmp_path / "源.json"
            save_draft(load_draft(SEED.with_suffix(".json")), source)
            table = tmp_path / "数据.xlsx"
            assert cli.main(["figures", str(source), "-o", str(table)]) == cli.EXIT_OK
            code = cli.main(
                ["figures", str(source), "--fill", str(table), "-o", str(target), "--force"]
            )
    finally:
        held.release()
    assert code == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "正由" in err and "没有覆盖" in err and "关闭" in err
    assert target.read_bytes() == before
    assert backups_of(target) == []


@pytest.mark.parametrize(("answer", "replaced"), [("y", True), ("", False), ("n", False)])
def test_at_a_console_the_user_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str, replaced: bool
) -> None:
    target = good_draft(tmp_path, "d.json")
    save_draft(Report(title="我的草稿"), target)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda q: asked.append(q) or answer)
    code = _import("-o", str(target))
    assert asked and "已经存在" in asked[0]
    assert (code == cli.EXIT_OK) is replaced
    assert (load_draft(target).title == "我的草稿") is not replaced


def test_the_default_output_beside_the_report_follows_the_same_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "r.txt"
    report.write_bytes(SEED.read_bytes())
    beside = tmp_path / "r.json"
    beside.write_text("[1, 2, 3]", encoding="utf-8")
    assert cli.main(["import", str(report), "--force"]) == cli.EXIT_ERROR
    assert beside.read_text(encoding="utf-8") == "[1, 2, 3]"


def test_no_overwrite_when_the_earlier_version_cannot_be_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "d.json"
    save_draft(Report(title="我的草稿"), target)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(blocker / "data"))
    assert _import("-o", str(target), "--force") == cli.EXIT_ERROR
    assert "没有覆盖" in capsys.readouterr().err
    assert load_draft(target).title == "我的草稿"
