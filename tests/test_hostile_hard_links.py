"""Issue 18 item 19: two hard links to one draft opened in two windows without a lock
conflict, and the first save split them. The lock now follows the file's identity (device
and inode; on Windows volume serial and file ID) while it has other names; a save still
replaces the name it saves (atomic: never half a draft), so the other names keep the old
file, and the save says so (decided and documented in core/storage/identity.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from qt_helpers import ScriptedPrompts, close_window, edit_report, make_window

from nianbao_gui.app.dialogs.messages import LockAnswer
from nianbao_gui.core.errors import DraftLockedError
from nianbao_gui.core.model import Report
from nianbao_gui.core.storage import DraftLock, load_draft, save_draft

pytestmark = pytest.mark.skipif(not hasattr(os, "link"), reason="hard links")


def _linked(tmp_path: Path, other_folder: bool = False) -> tuple[Path, Path]:
    first = tmp_path / "述职.json"
    save_draft(Report(year=2024, title="原来的标题"), first)
    folder = tmp_path / "别处" if other_folder else tmp_path
    folder.mkdir(exist_ok=True)
    second = folder / "述职-副本.json"
    os.link(first, second)
    return first, second


@pytest.mark.parametrize("other_folder", [False, True])
def test_two_names_of_one_draft_are_one_lock(tmp_path: Path, other_folder: bool) -> None:
    first, second = _linked(tmp_path, other_folder)
    with DraftLock(first):
        with pytest.raises(DraftLockedError) as caught:
            DraftLock(second).acquire()  # was taken without a word
        assert "述职.json" in str(caught.value) and "同一个文件" in str(caught.value)
    with DraftLock(second):  # released with the first: free again
        pass


_HOLDER = """
import sys, time
from pathlib import Path
from nianbao_gui.core.storage import DraftLock
lock = DraftLock(Path(sys.argv[1]))
lock.acquire()
print("held", flush=True)
time.sleep(60)
"""


def test_another_copy_of_the_program_holding_the_other_name(tmp_path: Path) -> None:
    first, second = _linked(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(first)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(DraftLockedError):
            DraftLock(second).acquire()
    finally:
        holder.kill()
        holder.wait()
    with DraftLock(second):  # its holder is gone: the lock is stale, taken over silently
        pass


def test_taking_over_through_the_other_name_is_noticed(tmp_path: Path) -> None:
    first, second = _linked(tmp_path)
    mine = DraftLock(first)
    mine.acquire()
    theirs = DraftLock(second)
    theirs.acquire(take_over=True)  # 强行接管 through the other name
    with pytest.raises(DraftLockedError):
        mine.refresh()
    theirs.release()


def test_two_windows_and_the_first_save(qtbot, tmp_path: Path, _private_data_dir: Path) -> None:
    first, second = _linked(tmp_path)
    one = make_window(qtbot)
    assert one.files.open_path(first)
    prompts = ScriptedPrompts()
    prompts.lock_answers.append(LockAnswer.READ_ONLY)
    two = make_window(qtbot, prompts)
    assert two.files.open_path(second)
    assert [name for name, _ in prompts.calls] == ["ask_lock_conflict"]  # no question before
    assert two.document.read_only
    close_window(two)

    edit_report(one, lambda r: setattr(r, "title", "新标题"))
    assert one.files.save()
    said = one.statusBar().currentMessage()
    assert "硬链接" in said and "述职.json" in said, said
    assert load_draft(first).title == "新标题"
    assert load_draft(second).title == "原来的标题"  # the other name keeps the old file
    assert os.stat(first).st_nlink == 1
    # now two separate drafts: the other name opens without a conflict, and the first
    # window still holds its own
    three = make_window(qtbot)
    assert three.files.open_path(second)
    assert not three.document.read_only
    with pytest.raises(DraftLockedError):
        DraftLock(first).acquire()
    close_window(three)
    close_window(one)
    assert not list(tmp_path.glob("~$*.lock"))
    assert not list((_private_data_dir / "locks").iterdir())  # no lock by identity left


def test_another_pc_naming_the_share_differently_is_not_called_a_hard_link(
    tmp_path: Path,
) -> None:
    import json

    from nianbao_gui.core.storage import lock_path_for

    draft = tmp_path / "述职.json"
    save_draft(Report(year=2024), draft)
    theirs = DraftLock(draft)
    theirs.acquire()
    data = json.loads(lock_path_for(draft).read_text(encoding="utf-8"))
    data.update(host="另一台电脑", path="Z:\\共享\\述职.json")
    lock_path_for(draft).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DraftLockedError) as caught:
        DraftLock(draft).acquire()
    assert "硬链接" not in str(caught.value)
