"""Issue 18 items 14 and 21: the command line speaks Chinese.

- ``check --layout`` with an unusable data folder, and ``figures`` on a draft with a
  245-byte name, ended in "程序遇到意外问题" (NotADirectoryError, OSError): the reason now.
- The program's own English notes ("settings: unknown key 'future_key' dropped") were printed
  on stderr by Python's last-resort handler: they go to the log only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_support import good_draft

from nianbao_gui import cli

LONG_STEM = "甲" * 80  # + ".json": a 245-byte name, 10 bytes below the limit


def test_check_layout_without_a_usable_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = good_draft(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(blocker / "nb"))
    code = cli.main(["check", "--layout", str(draft)])
    err = capsys.readouterr().err
    assert "意外问题" not in err, err
    assert code in (cli.EXIT_OK, cli.EXIT_FINDINGS)


def test_figures_on_a_245_byte_name_says_the_name_is_too_long(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = good_draft(tmp_path, f"{LONG_STEM}.json")
    assert len(draft.name.encode("utf-8")) == 245
    capsys.readouterr()
    assert cli.main(["figures", str(draft)]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "意外问题" not in err and "太长" in err, err
    # the filled draft's default name is longer still
    table = tmp_path / "表.xlsx"
    assert cli.main(["figures", str(good_draft(tmp_path)), "-o", str(table)]) == cli.EXIT_OK
    capsys.readouterr()
    assert cli.main(["figures", str(draft), "--fill", str(table)]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "意外问题" not in err and "太长" in err, err


def test_an_os_error_anywhere_is_said_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno

    from nianbao_gui.core import outline

    def refused(report: object) -> str:
        raise OSError(errno.ENAMETOOLONG, "File name too long", "某个文件")

    monkeypatch.setattr(outline, "outline_text", refused)
    assert cli.main(["show", str(good_draft(tmp_path))]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "某个文件" in err and "文件名或路径太长" in err and "too long" not in err


def test_no_english_internals_on_stderr(tmp_path: Path) -> None:
    draft = good_draft(tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"future_key": 1}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIANBAO_")}
    env["NIANBAO_DATA_DIR"] = str(data)
    done = subprocess.run(
        [sys.executable, "-m", "nianbao_gui", "check", "--layout", str(draft)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (cli.EXIT_OK, cli.EXIT_FINDINGS), done.stderr
    assert "settings:" not in done.stderr and "future_key" not in done.stderr, done.stderr
    assert "future_key" in (data / "logs" / "nianbao-cli.log").read_text(encoding="utf-8")


_WARNS = """
import sys, warnings
from nianbao_gui import cli
from nianbao_gui.core import outline

def warned(report):
    warnings.warn("Workbook contains no default style, apply openpyxl's default")
    return "提纲\\n"

outline.outline_text = warned
sys.exit(cli.main(["show", sys.argv[1]]))
"""


def test_a_librarys_warning_goes_to_the_log(tmp_path: Path) -> None:
    draft = good_draft(tmp_path)
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIANBAO_")}
    env["NIANBAO_DATA_DIR"] = str(data)
    done = subprocess.run(
        [sys.executable, "-c", _WARNS, str(draft)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == cli.EXIT_OK, done.stderr
    assert done.stderr == "" and done.stdout == "提纲\n"
    assert "default style" in (data / "logs" / "nianbao-cli.log").read_text(encoding="utf-8")
