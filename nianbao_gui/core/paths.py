"""Where things are: shipped resources and seeds, and the user's data folder.

The program writes nothing next to itself (it may run from a read-only network share):
drafts, settings, recovery files and logs go to the user's data folder from platformdirs,
or to ``NIANBAO_DATA_DIR`` when that is set (tests, portable use).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "nianbao"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _shipped_dir(name: str) -> Path:
    """``resources`` or ``seeds``: inside the bundle, the installed package, or the source tree."""
    candidates = []
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        candidates.append(Path(bundle_root) / name)
    candidates.append(_PACKAGE_DIR / name)  # installed wheel: mapped into the package
    candidates.append(_PACKAGE_DIR.parent / name)  # source tree / editable install
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def resources_dir() -> Path:
    return _shipped_dir("resources")


def seeds_dir() -> Path:
    return _shipped_dir("seeds")


def data_dir() -> Path:
    """The user's data folder (created on first use)."""
    override = os.environ.get("NIANBAO_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def drafts_dir() -> Path:
    path = data_dir() / "drafts"
    path.mkdir(parents=True, exist_ok=True)
    return path


def logs_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings_path() -> Path:
    return data_dir() / "settings.json"
