"""Issue 12, defect 5: export failed completely when the data folder could not be created
("意外问题…（无法写入日志）"). Export needs only its input and output; no command needs
the data folder to do its work; and a log that cannot be written is not claimed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED
from hostile_support import good_draft

from nianbao_gui import cli


@pytest.fixture
def no_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(blocker / "nb"))  # like /dev/null/nb
    return blocker


def test_export_needs_no_data_folder(
    tmp_path: Path, no_data_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = good_draft(tmp_path)  # saved while the data folder is unusable: no version kept
    out = tmp_path / "x.docx"
    assert cli.main(["export", str(draft), "-o", str(out)]) == cli.EXIT_OK, capsys.readouterr()
    assert out.stat().st_size > 0
    assert cli.main(["export", str(draft), "-o", str(out), "--fonts", "windows"]) == cli.EXIT_OK


@pytest.mark.parametrize("command", ["show", "check"])
def test_reading_commands_need_no_data_folder(
    tmp_path: Path, no_data_folder: Path, command: str
) -> None:
    assert cli.main([command, str(good_draft(tmp_path))]) in (cli.EXIT_OK, cli.EXIT_FINDINGS)
    assert cli.main([command, str(SEED)]) in (cli.EXIT_OK, cli.EXIT_FINDINGS)


def test_a_log_that_cannot_be_written_is_not_claimed(
    no_data_folder: Path, buggy_show: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["show", str(SEED)]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "意外问题（RuntimeError）" in err and "已记录在" not in err
    assert "记录文件也无法写入" in err


def test_the_window_starts_logging_without_a_data_folder(
    no_data_folder: Path, tmp_path: Path
) -> None:
    import logging

    from nianbao_gui.app.crash import CrashHandler, setup_logging

    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        log = setup_logging()  # used to raise: the window could not start at all
        assert str(no_data_folder) not in str(log)
        shown: list[str] = []
        missing = tmp_path / "nowhere" / "nianbao.log"
        handler = CrashHandler(missing, lambda: None, shown.append)
        try:
            raise RuntimeError("boom")
        except RuntimeError as error:
            handler(type(error), error, error.__traceback__)
        assert "日志文件无法写入" in shown[0] and "已记录在" not in shown[0]
    finally:
        for added in set(root.handlers) - set(handlers):
            root.removeHandler(added)
            added.close()
