"""Draft names carry the leader; save never offers a taken name nor replaces another
leader's draft without a question naming both."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qt_helpers import ScriptedPrompts, close_window, make_window

from nianbao_gui.core.model import Report
from nianbao_gui.core.naming import draft_leader, draft_stem, suggested_draft_path
from nianbao_gui.core.paths import drafts_dir
from nianbao_gui.core.storage import load_draft, save_draft


def _report(name: str) -> Report:
    return Report(year=2025, author_name=name, opening=[f"{name}的报告。"])


def test_the_name_carries_the_leader() -> None:
    assert draft_stem(_report("张明华")) == "2025年度述职述廉报告（张明华）"
    assert draft_stem(_report("")) == "2025年度述职述廉报告"
    assert draft_stem(_report("张 明/华")) == "2025年度述职述廉报告（张明华）"  # safe on Windows


def test_a_taken_name_is_never_offered(tmp_path: Path) -> None:
    report = _report("张明华")
    first = suggested_draft_path(tmp_path, report)
    assert first.name == "2025年度述职述廉报告（张明华）.json"
    save_draft(report, first)
    assert suggested_draft_path(tmp_path, report).name == "2025年度述职述廉报告（张明华）（2）.json"
    assert suggested_draft_path(tmp_path, report, own=first) == first  # its own name is fine


def test_draft_leader_reads_who_a_draft_is_for(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    save_draft(_report("李四"), path)
    assert draft_leader(path) == "李四"
    (tmp_path / "b.json").write_text("不是草稿", encoding="utf-8")
    assert draft_leader(tmp_path / "b.json") is None
    assert draft_leader(tmp_path / "missing.json") is None


def _saving_over_lisi(qtbot, other: Path, *, replace: bool) -> tuple[Any, ScriptedPrompts]:
    """李四's draft saved at ``other``; a window on a new report by 张明华, whose 另存为
    dialog will pick ``other`` and whose replace question will be answered ``replace``."""
    save_draft(_report("李四"), other)
    prompts = ScriptedPrompts()
    window = make_window(qtbot, prompts)
    window.files.start_new(_report("张明华"))
    prompts.paths.append(other)
    prompts.replace_answers.append(replace)
    return window, prompts


def test_save_offers_the_leaders_name_and_asks_before_replacing_another(
    qtbot, tmp_path: Path
) -> None:
    taken = drafts_dir() / "2025年度述职述廉报告（张明华）.json"
    save_draft(_report("张明华"), taken)
    other = drafts_dir() / "2025年度述职述廉报告（李四）.json"
    # she picks 李四's draft in the dialog and answers 换个名字
    window, prompts = _saving_over_lisi(qtbot, other, replace=False)
    prompts.paths.append(None)  # 换个名字 opens the dialog again; she closes it
    assert not window.files.save_as()
    suggested, again = prompts.asked("save_path")
    assert suggested.name == "2025年度述职述廉报告（张明华）（2）.json"
    assert again == suggested  # a name of her own leader, free, in the folder she chose
    assert prompts.asked("confirm_replace_draft") == [(other, "李四", "张明华")]
    assert load_draft(other).author_name == "李四"  # untouched
    # a free name: saved without a question
    prompts.paths.append(suggested)
    assert window.files.save_as()
    assert load_draft(suggested).author_name == "张明华"
    assert len(prompts.asked("confirm_replace_draft")) == 1
    close_window(window)


def test_replacing_after_the_question(qtbot, tmp_path: Path) -> None:
    other = tmp_path / "李四.json"
    window, _prompts = _saving_over_lisi(qtbot, other, replace=True)
    assert window.files.save_as()
    assert load_draft(other).author_name == "张明华"
    close_window(window)


def test_replacing_is_refused_when_the_promised_earlier_version_cannot_be_kept(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """The question says 原文件会作为早期版本留在……backups 中: with a data folder that cannot
    take it, 李四's draft stays as it was and the message says so."""
    from nianbao_gui.core import storage

    other = tmp_path / "李四.json"
    window, prompts = _saving_over_lisi(qtbot, other, replace=True)
    before = other.read_bytes()
    monkeypatch.setattr(storage.backups, "backup_dir", lambda _p: other / "x")  # cannot be made
    assert not window.files.save_as()
    assert other.read_bytes() == before
    (error,) = prompts.errors
    assert "没有替换" in str(error) and "早期版本" in str(error)
    assert window.document.path is None  # still her report, not saved anywhere
    close_window(window)


def test_the_question_names_both_leaders(monkeypatch) -> None:
    from nianbao_gui.app.dialogs.messages import Prompts

    seen: list[str] = []

    def choose(self, text, informative, buttons, default, otherwise):  # type: ignore[no-untyped-def]
        seen.extend([text, informative, *(label for label, _, _ in buttons)])
        return otherwise

    monkeypatch.setattr(Prompts, "_choose", choose)
    assert not Prompts(None).confirm_replace_draft(Path("2025年度.json"), "李四", "张明华")
    assert "李四的草稿" in seen[0] and "张明华的报告" in seen[1] and "换个名字" in seen


def test_another_name_after_the_question_saves_under_it(qtbot, tmp_path: Path) -> None:
    other = tmp_path / "李四.json"
    window, prompts = _saving_over_lisi(qtbot, other, replace=False)
    mine = tmp_path / "张明华.json"
    prompts.paths.append(mine)  # 换个名字: the dialog again, and she types a new name
    assert window.files.save_as()
    assert load_draft(mine).author_name == "张明华" and load_draft(other).author_name == "李四"
    assert window.document.path == mine
    close_window(window)
