"""Issue 18 item 20: a ``.R.pdf.*.tmp`` left beside an exported PDF by a kill stayed for ever;
a name's own leftovers now go when that name is written again (any atomic write: a save, a
PDF or Word export, a table). And, for Windows: a rename refused because another program
holds the target open is tried again for a moment, then said in Chinese, the old file kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_support import good_draft

from nianbao_gui import cli
from nianbao_gui.core import atomic
from nianbao_gui.core.atomic import atomic_write_bytes
from nianbao_gui.core.errors import FileAccessError

_KILLED_WRITER = """
import os, signal, sys, tempfile
from pathlib import Path
from nianbao_gui.core.atomic import TEMP_MARK, host_tag, temp_prefix
target = Path(sys.argv[1])
fd, name = tempfile.mkstemp(prefix=temp_prefix(target),
    suffix=f"{TEMP_MARK}{os.getpid()}-{host_tag()}.tmp", dir=target.parent)
os.write(fd, b"%PDF-1.7 half written")
os.kill(os.getpid(), signal.SIGKILL)
"""


def _killed_mid_write(target: Path) -> Path:
    """What a kill during an atomic write of ``target`` leaves: its temporary file."""
    before = set(target.parent.iterdir())
    subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(target)], timeout=60)
    (left,) = set(target.parent.iterdir()) - before
    assert left.name.startswith(f".{target.name}.") and left.name.endswith(".tmp")
    return left


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_exporting_a_name_again_removes_what_a_kill_left(tmp_path: Path, suffix: str) -> None:
    draft = good_draft(tmp_path)
    out = tmp_path / f"R{suffix}"
    assert cli.main(["export", str(draft), "-o", str(out)]) == cli.EXIT_OK
    _killed_mid_write(out)
    assert len(_temps(tmp_path)) == 1
    assert cli.main(["export", str(draft), "-o", str(out)]) == cli.EXIT_OK
    assert _temps(tmp_path) == []  # stayed for ever before


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_live_writers_file_and_other_names_are_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "R.pdf"
    other = _killed_mid_write(tmp_path / "S.pdf")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = tmp_path / f".R.pdf.abc{atomic.TEMP_MARK}{sleeper.pid}-{atomic.host_tag()}.tmp"
        live.write_bytes(b"being written")
        atomic_write_bytes(target, b"%PDF")
        assert live.exists() and other.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_rename_refused_for_a_moment_is_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "述职.json"
    target.write_bytes(b"old")
    real = os.replace
    refusals = [PermissionError(13, "sharing violation")] * 3  # Word lets go after 3 tries

    def held_open(src: object, dst: object) -> None:
        if refusals:
            raise refusals.pop()
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic, "REPLACE_WAITS", (0.0,) * 5)
    monkeypatch.setattr(os, "replace", held_open)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new" and _temps(tmp_path) == []


def test_a_rename_refused_for_good_is_said_and_the_old_file_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "述职.json"
    target.write_bytes(b"old")
    tries: list[object] = []

    def held_open(src: object, dst: object) -> None:
        tries.append(dst)
        raise PermissionError(13, "sharing violation")

    monkeypatch.setattr(atomic, "REPLACE_WAITS", (0.0,) * 5)
    monkeypatch.setattr(os, "replace", held_open)
    with pytest.raises(FileAccessError) as caught:
        atomic_write_bytes(target, b"new")
    assert len(tries) == 6
    assert "正被其他程序" in str(caught.value) and "sharing" not in str(caught.value)
    assert target.read_bytes() == b"old" and _temps(tmp_path) == []
