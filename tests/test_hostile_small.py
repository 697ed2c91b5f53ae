"""Issue 12, defect 9 (the smaller ones):

- a FIFO given as a draft hung forever: anything that is not a regular file is refused before
  reading, also a ``.txt`` linked to ``/dev/zero``;
- a draft without a ``.json`` suffix was taken as report text: the content decides;
- a 5,000-digit year got the "NaN" message;
- the parent of a path that is a file was called "文件夹不存在".
(The read-only .docx is in test_hostile_export.py.)
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_support import good_bytes, good_draft

from nianbao_gui import cli
from nianbao_gui.core.errors import DraftError, FileAccessError, ReportImportError
from nianbao_gui.core.importer import import_report
from nianbao_gui.core.model import Report
from nianbao_gui.core.storage import load_draft, save_draft

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev/zero")


def _finishes(run: Callable[[], object], fifo: Path | None = None, seconds: float = 20) -> object:
    """``run()``'s result, failing (not hanging) if it does not finish in time."""
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(run()), daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if fifo is not None:  # release the reader so that the thread can end
            with open(fifo, "wb"):
                pass
            thread.join(5)
        pytest.fail("hung on a file that is not a regular file")
    return result[0] if result else None


@posix_only
@pytest.mark.parametrize(
    "argv",
    [
        ["show", "{fifo}.json"],
        ["check", "{fifo}.txt"],
        ["import", "{fifo}.txt"],
        ["export", "{fifo}.json"],
        ["show", "{fifo}"],
    ],
)
def test_a_fifo_is_refused_without_reading(
    tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    base = tmp_path / "pipe"
    fifo = Path(argv[1].format(fifo=base))
    os.mkfifo(fifo)
    command = [argv[0], str(fifo)]
    assert _finishes(lambda: cli.main(command), fifo) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "管道" in err and "意外问题" not in err


@posix_only
@pytest.mark.parametrize("command", ["show", "import", "check"])
def test_a_txt_linked_to_dev_zero_is_refused(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    assert _finishes(lambda: cli.main([command, str(link)])) == cli.EXIT_ERROR
    assert "设备" in capsys.readouterr().err


@posix_only
def test_saving_onto_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "d.json"
    os.mkfifo(fifo)

    def save() -> str:
        try:
            save_draft(Report(), fifo)
        except FileAccessError as error:
            return error.what
        return "saved"

    assert "管道" in str(_finishes(save, fifo))


def test_a_draft_under_another_name_is_opened_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = good_draft(tmp_path)
    renamed = tmp_path / "草稿.txt"
    renamed.write_bytes(good.read_bytes())
    no_suffix = tmp_path / "草稿"
    no_suffix.write_bytes(good.read_bytes())
    assert cli.main(["show", str(good)]) == cli.EXIT_OK
    expected = capsys.readouterr().out
    for path in (renamed, no_suffix):
        assert cli.main(["show", str(path)]) == cli.EXIT_OK
        assert capsys.readouterr().out == expected
    with pytest.raises(ReportImportError, match="是年报助手的草稿"):
        import_report(renamed)


def test_a_five_thousand_digit_year_is_not_called_nan(tmp_path: Path) -> None:
    path = tmp_path / "y.json"
    text = good_bytes().decode("utf-8")
    data = json.loads(text)
    data["year"] = 0
    path.write_text(json.dumps(data).replace('"year": 0', '"year": ' + "9" * 5000), "utf-8")
    with pytest.raises(DraftError) as info:
        load_draft(path)
    assert "NaN" not in info.value.what and "5000 位的数字" in info.value.what


def test_a_path_through_a_file_names_the_file(tmp_path: Path) -> None:
    blocker = tmp_path / "报告.txt"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(FileAccessError) as saved:
        save_draft(Report(), blocker / "子文件夹" / "d.json")
    assert "“报告.txt”是一个文件" in saved.value.what and "不存在" not in saved.value.what
    with pytest.raises(DraftError, match=r"“报告\.txt”是一个文件"):
        load_draft(blocker / "d.json")
    with pytest.raises(ReportImportError, match=r"“报告\.txt”是一个文件"):
        import_report(blocker / "r.txt")
