"""``nianbao import`` and ``nianbao show`` from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED

from nianbao_gui import cli
from nianbao_gui.core.importer import import_report
from nianbao_gui.core.layout import to_plain_text
from nianbao_gui.core.storage import load_draft


def test_import_writes_a_draft_and_show_prints_the_outline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "草稿.json"
    assert cli.main(["import", str(SEED), "-o", str(draft)]) == cli.EXIT_OK
    assert "已导入" in capsys.readouterr().out
    saved = load_draft(draft)
    assert saved.made_from == str(SEED.absolute())  # remembered for check --last
    assert saved.draft_id  # a new draft: its own identity
    made = {"made_from": saved.made_from, "draft_id": saved.draft_id}
    assert saved == import_report(SEED).report.model_copy(update=made)
    assert json.loads(draft.read_text(encoding="utf-8"))["year"] == 2022

    assert cli.main(["show", str(draft)]) == cli.EXIT_OK
    outline = capsys.readouterr().out
    assert outline.splitlines()[0] == "2022年度述职述廉报告（述职述廉报告）"
    assert "四、强化责任意识，切实认真履职" in outline
    assert "  （五）驻村工作。" in outline
    assert "全文共" in outline and "字" in outline


def test_show_text_prints_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "草稿.json"
    cli.main(["import", str(SEED), "-o", str(draft)])
    capsys.readouterr()
    assert cli.main(["show", str(draft), "--text"]) == cli.EXIT_OK
    assert capsys.readouterr().out == to_plain_text(import_report(SEED).report)


def test_show_reads_a_report_directly(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["show", str(SEED)]) == cli.EXIT_OK
    assert "（一）政法工作。" in capsys.readouterr().out


def test_import_default_output_next_to_report(tmp_path: Path) -> None:
    report = tmp_path / "去年.txt"
    report.write_bytes(SEED.read_bytes())
    assert cli.main(["import", str(report)]) == cli.EXIT_OK
    assert (tmp_path / "去年.json").is_file()


def test_import_notes_go_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "跳号.txt"
    report.write_text("2021年度述职报告\n开篇。\n一、甲\n正文。\n三、乙\n正文。\n", encoding="gbk")
    assert cli.main(["import", str(report), "-o", str(tmp_path / "d.json")]) == cli.EXIT_OK
    captured = capsys.readouterr()
    assert "“三、”" in captured.err and "提示" in captured.err


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("旧.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, ["错误", ".doc", "另存为"]),
        ("假.docx", "纯文本".encode(), ["错误", "不是真正的 Word 文档"]),
    ],
)
def test_import_errors_go_to_stderr(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    words: list[str],
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert cli.main(["import", str(path), "-o", str(tmp_path / "d.json")]) == cli.EXIT_ERROR
    captured = capsys.readouterr()
    assert captured.out == ""
    for word in words:
        assert word in captured.err
    assert "Traceback" not in captured.err
    assert not (tmp_path / "d.json").exists()


def test_show_missing_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["show", str(tmp_path / "没有.json")]) == cli.EXIT_ERROR
    assert "错误" in capsys.readouterr().err


def _nianbao(*args: str, encoding: str = "utf-8") -> subprocess.CompletedProcess[bytes]:
    """``python -m nianbao_gui.cli args`` in a real process, its console in ``encoding``."""
    return subprocess.run(
        [sys.executable, "-m", "nianbao_gui.cli", *args],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": encoding},
        timeout=120,
        check=False,
    )


def test_real_process(tmp_path: Path) -> None:
    """The installed entry point, as a secretary's IT person would run it."""
    draft = tmp_path / "d.json"
    run = _nianbao("import", str(SEED), "-o", str(draft))
    assert run.returncode == 0, run.stderr.decode("utf-8")
    shown = _nianbao("show", str(draft), "--text")
    assert shown.returncode == 0, shown.stderr.decode("utf-8")
    lines = shown.stdout.decode("utf-8").splitlines()
    assert lines[1].startswith("\u00a02022年，,在镇党委")
    bad = _nianbao("show", str(tmp_path / "无.docx"))
    assert bad.returncode == 1
    err = bad.stderr.decode("utf-8")
    assert "错误" in err and "Traceback" not in err


def test_import_never_overwrites_its_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "去年.txt"
    report.write_bytes(SEED.read_bytes())
    assert cli.main(["import", str(report), "-o", str(report)]) == cli.EXIT_ERROR
    assert report.read_bytes() == SEED.read_bytes()
    assert "不能覆盖原报告" in capsys.readouterr().err
    draft = tmp_path / "d.json"
    cli.main(["import", str(report), "-o", str(draft)])
    before = draft.read_bytes()
    assert cli.main(["import", str(draft)]) == cli.EXIT_ERROR
    assert draft.read_bytes() == before
    assert "已经是草稿文件" in capsys.readouterr().err


def test_show_on_a_gbk_console_explains_unwritable_characters(tmp_path: Path) -> None:
    report = tmp_path / "表情.txt"
    report.write_text("2023年度述职报告\n开篇😀。\n", encoding="utf-8")
    run = _nianbao("show", str(report), "--text", encoding="gbk")
    assert run.returncode == 1
    err = run.stderr.decode("gbk", errors="replace")
    assert "PYTHONIOENCODING" in err and "Traceback" not in err
