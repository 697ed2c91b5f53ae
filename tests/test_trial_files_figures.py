"""Hostile trial of ``nianbao figures`` and its spreadsheet (helper trial t4).

- ``figures -o 数据.xlsx`` (or its default name, the same every time) replaced a table the
  colleagues had already filled, without a word: the figures they typed were gone. A table
  with something in “填写”, or a file that is not such a table, is now not replaced.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest

from nianbao_gui import cli
from nianbao_gui.core.model import Report, Section


def _draft(folder: Path) -> Path:
    from nianbao_gui.core.storage import save_draft

    path = folder / "草稿.json"
    report = Report(
        year=2025,
        sections=[Section(heading="经济", paragraphs=["全年完成产值**万元，新增企业**家。"])],
    )
    save_draft(report, path)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_filled_table_is_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _draft(tmp_path)
    table = tmp_path / "草稿（数据）.xlsx"
    assert cli.main(["figures", str(draft)]) == cli.EXIT_OK
    book = openpyxl.load_workbook(table)
    book["数据"]["E2"] = "1200"
    book.save(table)
    before = _digest(table)
    capsys.readouterr()
    assert cli.main(["figures", str(draft)]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "已经填了 1 处" in err and "没有覆盖" in err
    assert _digest(table) == before
    assert cli.main(["figures", str(draft), "--fill", str(table)]) == cli.EXIT_OK


def test_a_file_that_is_no_such_table_is_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _draft(tmp_path)
    other = tmp_path / "工资.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "工资"])  # type: ignore[union-attr]
    book.save(other)
    before = _digest(other)
    assert cli.main(["figures", str(draft), "-o", str(other)]) == cli.EXIT_ERROR
    assert "没有覆盖" in capsys.readouterr().err
    assert _digest(other) == before


def test_a_blank_table_is_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # exported again after the draft changed: nothing of the colleagues' is in it yet
    draft = _draft(tmp_path)
    assert cli.main(["figures", str(draft)]) == cli.EXIT_OK
    assert cli.main(["figures", str(draft)]) == cli.EXIT_OK
    assert "已导出 2 处待填数据" in capsys.readouterr().out


def test_a_failed_write_keeps_the_old_table_and_says_why_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The table was written straight over the old one: a full disk left half a zip (and
    # "No space left on device"). A full disk shows at the flush; the old table must stay.
    import errno
    import os

    from nianbao_gui.core import atomic
    from nianbao_gui.core.figures import find_slots
    from nianbao_gui.core.figures_xlsx import FiguresFileError, write_xlsx
    from nianbao_gui.core.storage import load_draft

    slots = find_slots(load_draft(_draft(tmp_path)))
    table = tmp_path / "数据.xlsx"
    write_xlsx(slots, table)
    before = _digest(table)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(FiguresFileError) as info:
        write_xlsx(slots, table)
    assert "磁盘已满" in info.value.what and "No space" not in str(info.value)
    assert _digest(table) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["数据.xlsx", "草稿.json"]


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs FIFOs")
def test_a_pipe_given_as_the_table_is_refused_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # --fill with a FIFO hung for ever (openpyxl waited for a writer), /dev/zero too
    import os

    draft = _draft(tmp_path)
    fifo = tmp_path / "数据.xlsx"
    os.mkfifo(fifo)
    assert cli.main(["figures", str(draft), "--fill", str(fifo)]) == cli.EXIT_ERROR
    assert "管道（FIFO）" in capsys.readouterr().err
    zero = tmp_path / "零.xlsx"
    zero.symlink_to("/dev/zero")
    assert cli.main(["figures", str(draft), "--fill", str(zero)]) == cli.EXIT_ERROR
    assert "设备" in capsys.readouterr().err


def test_a_missing_table_or_a_folder_is_said_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _draft(tmp_path)
    assert cli.main(["figures", str(draft), "--fill", str(tmp_path / "无.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "找不到表格" in err and "No such file" not in err
    (tmp_path / "夹.xlsx").mkdir()
    assert cli.main(["figures", str(draft), "--fill", str(tmp_path / "夹.xlsx")]) == 1
    assert "文件夹" in capsys.readouterr().err
