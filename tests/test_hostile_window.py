"""Issue 12 in the window: a draft with a lone surrogate opens, is edited and saved (it used
to end in the crash dialog); a truncated draft is called incomplete, with its earlier version
offered."""

from __future__ import annotations

import json
from pathlib import Path

from hostile_support import good_bytes
from qt_helpers import ScriptedPrompts, close_window, edit_report, make_window

from nianbao_gui.core.model import Report
from nianbao_gui.core.storage import load_draft, save_draft


def test_a_draft_with_a_lone_surrogate_is_edited_and_saved(qtbot, tmp_path: Path) -> None:
    data = json.loads(good_bytes())
    data["sections"][0]["paragraphs"][0] = "廉政\ud800建设。"
    draft = tmp_path / "s.json"
    draft.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    assert window.files.open_path(draft)
    edit_report(window, lambda r: setattr(r, "title", "改过的标题"))
    window.ui.actionSave.trigger()
    assert not window.isWindowModified() and not prompts.errors
    saved = load_draft(draft)
    assert saved.title == "改过的标题"
    assert saved.sections[0].paragraphs[0] == "廉政\ud800建设。"
    close_window(window)


def test_a_truncated_draft_is_incomplete_and_its_earlier_version_offered(
    qtbot, tmp_path: Path
) -> None:
    draft = tmp_path / "d.json"
    save_draft(Report(title="一"), draft)
    save_draft(Report(title="二"), draft)
    draft.write_bytes(draft.read_bytes()[:60])
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    assert not window.files.open_path(draft)
    (error,) = prompts.errors
    assert "不完整" in error.what and "GBK" not in error.what
    assert "1 个较早版本" in error.todo
    close_window(window)


def test_the_start_removes_what_killed_saves_left_in_the_data_folder(qtbot) -> None:
    import subprocess
    import sys

    from nianbao_gui.core.atomic import host_tag
    from nianbao_gui.core.paths import data_dir

    dead = int(
        subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    folders = [data_dir() / "recovery", data_dir() / "backups" / "草稿-12345678"]
    left = []
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        left.append(folder / f".x.json.abc.pid{dead}-{host_tag()}.tmp")
        left[-1].write_bytes(b"half a save")
    window = make_window(qtbot)
    window.files.start()
    assert not [path for path in left if path.exists()]
    close_window(window)
