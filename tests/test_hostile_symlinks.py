"""Issue 12, defect 7: a draft opened through a symbolic link. Saving replaced the link with a
plain file (the real draft never changed), and the lock was per link name (two windows could
hold one draft through two links). Now the real file is saved, locked and backed up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nianbao_gui.core.errors import DraftLockedError
from nianbao_gui.core.export import export_docx
from nianbao_gui.core.model import Report
from nianbao_gui.core.storage import (
    DraftLock,
    backups_of,
    key_for,
    load_draft,
    save_draft,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


def _linked(tmp_path: Path, name: str = "link.json") -> tuple[Path, Path]:
    real = tmp_path / "real" / "草稿.json"
    real.parent.mkdir()
    save_draft(Report(title="一"), real)
    link = tmp_path / name
    link.symlink_to(real)
    return real, link


def test_saving_through_a_link_updates_the_real_draft_and_keeps_the_link(
    tmp_path: Path,
) -> None:
    real, link = _linked(tmp_path)
    save_draft(Report(title="二"), link)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert load_draft(real).title == "二"
    assert not list(tmp_path.glob(".*.tmp")) and not list(real.parent.glob(".*.tmp"))


def test_a_chain_of_links_and_a_link_to_a_missing_file(tmp_path: Path) -> None:
    real, link = _linked(tmp_path)
    chain = tmp_path / "chain.json"
    chain.symlink_to(link)
    save_draft(Report(title="三"), chain)
    assert chain.is_symlink() and load_draft(real).title == "三"
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "real" / "新.json")
    save_draft(Report(title="新"), dangling)
    assert dangling.is_symlink() and load_draft(tmp_path / "real" / "新.json").title == "新"


def test_two_links_to_one_draft_share_one_lock(tmp_path: Path) -> None:
    real, first = _linked(tmp_path, "a.json")
    second = tmp_path / "b.json"
    second.symlink_to(real)
    with DraftLock(first):
        with pytest.raises(DraftLockedError):
            DraftLock(second).acquire()
        with pytest.raises(DraftLockedError):
            DraftLock(real).acquire()


def test_earlier_versions_and_recovery_belong_to_the_real_draft(tmp_path: Path) -> None:
    real, link = _linked(tmp_path)
    save_draft(Report(title="二"), link)
    assert backups_of(link) == backups_of(real) and len(backups_of(real)) == 1
    assert key_for(link) == key_for(real)


def test_exporting_through_a_link_replaces_the_target(tmp_path: Path) -> None:
    target = tmp_path / "real.docx"
    target.write_bytes(b"old")
    link = tmp_path / "link.docx"
    link.symlink_to(target)
    export_docx(Report(title="导出"), link)
    assert link.is_symlink() and target.read_bytes().startswith(b"PK")
