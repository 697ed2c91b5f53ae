"""Issue 12, defect 4: a truncated draft is called incomplete, never blamed on its encoding,
and the newest earlier version and the unsaved work kept for it are offered."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_support import good_bytes, good_draft

from nianbao_gui import cli
from nianbao_gui.core.errors import DraftError
from nianbao_gui.core.model import Report
from nianbao_gui.core.storage import RecoveryStore, key_for, load_draft, save_draft
from nianbao_gui.core.storage.codec import decode_report


def test_the_cut_of_the_issue_is_called_incomplete(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = good_draft(tmp_path)
    cut = tmp_path / "t.json"
    cut.write_bytes(good.read_bytes()[:38])  # head -c 38 good.json > t.json
    assert cli.main(["show", str(cut)]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "不完整" in err
    assert "GBK" not in err and "记事本" not in err


def test_every_cut_point_of_a_real_draft_is_called_incomplete() -> None:
    raw = good_bytes()
    wrong = []
    for cut in range(1, len(raw) - 1):  # the last byte is the final newline: still whole
        with pytest.raises(DraftError) as info:
            decode_report(raw[:cut])
        if "不完整" not in info.value.what:
            wrong.append((cut, info.value.what))
    assert not wrong, wrong[:5]
    assert decode_report(raw[:-1]) == decode_report(raw)


def test_the_newest_earlier_version_is_offered(tmp_path: Path) -> None:
    path = good_draft(tmp_path)
    save_draft(Report(title="新的"), path)  # the seed's draft is now an earlier version
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(DraftError) as info:
        load_draft(path)
    assert "不完整" in info.value.what
    assert "1 个较早版本" in info.value.todo and "可以直接打开它" in info.value.todo


def test_the_unsaved_work_kept_for_it_is_offered(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_bytes(good_bytes()[:500])
    RecoveryStore().write(key_for(path), Report(title="未保存"), path)
    with pytest.raises(DraftError) as info:
        load_draft(path)
    assert "自动保存的内容" in info.value.todo
    assert str(RecoveryStore().file_for(key_for(path))) in info.value.todo
