"""What the bundle tests (test_bundle.py, test_windows_bundle.py) share: a built program is
reused while it is newer than every file it is built from, else rebuilt with ./dev."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import REPO

# Everything the bundle is built from; a bundle older than any of these is stale.
SOURCES = [
    *("nianbao_gui", "packaging", "resources", "seeds", "requirements"),
    *("build.spec", "pyproject.toml"),
]


def newest_source_mtime() -> float:
    newest = 0.0
    for name in SOURCES:
        path = REPO / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        newest = max([newest, *(f.stat().st_mtime for f in files if "__pycache__" not in f.parts)])
    return newest


def rebuild_if_stale(built: Path, command: str, *, timeout: float) -> bool:
    """``./dev <command>`` when ``built`` is missing or older than a source file (``./dev``
    builds in its own venv from requirements/bundle.lock, not with the test environment's
    packages). True when it was rebuilt."""
    if built.is_file() and built.stat().st_mtime >= newest_source_mtime():
        return False
    result = subprocess.run(
        ["bash", str(REPO / "dev"), command],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return True
