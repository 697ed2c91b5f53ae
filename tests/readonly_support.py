"""A folder that really cannot be written, also by root: a bind mount remounted read-only
(issue 18 item 6; chmod does not stop root). Skips the test where mounting is not allowed
(no root, a container without CAP_SYS_ADMIN, Windows)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def _run(*command: str) -> bool:
    try:
        done = subprocess.run(command, capture_output=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """``folder`` mounted read-only over itself for the ``with`` block."""
    if sys.platform == "win32" or shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root on Linux")
    if not _run("mount", "--bind", str(folder), str(folder)):
        pytest.skip("mount --bind is not permitted here")
    try:
        if not _run("mount", "-o", "remount,bind,ro", str(folder)):
            pytest.skip("remounting read-only is not permitted here")
        probe = folder / ".probe"
        with contextlib.suppress(OSError):
            probe.write_bytes(b"")
            probe.unlink()
            pytest.skip("the read-only mount still takes writes")
        yield folder
    finally:
        if not _run("umount", str(folder)):
            _run("umount", "-l", str(folder))
