"""Where things are: shipped resources and seeds, and the user's data folder.

The program writes nothing next to itself (it may run from a read-only network share):
drafts, settings, recovery files and logs go to the user's data folder from platformdirs,
or to ``NIANBAO_DATA_DIR`` when that is set (tests, portable use).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir, user_documents_dir

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


def cache_dir() -> Path:
    """What can be made again (font subsets for the PDF): the user's cache folder, or
    ``cache`` in ``NIANBAO_DATA_DIR`` when that is set. Not created here."""
    override = os.environ.get("NIANBAO_DATA_DIR")
    return Path(override) / "cache" if override else Path(user_cache_dir(APP_NAME, appauthor=False))


def drafts_dir() -> Path:
    """Where drafts go unless the user picks a place; the documents folder when it cannot be
    made (a read-only or missing data folder): the save dialog must still open."""
    try:
        path = data_dir() / "drafts"
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return documents_dir()
    return path


def logs_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings_path() -> Path:
    return data_dir() / "settings.json"


EXPORT_FOLDER_NAME = "年报助手"


def documents_dir() -> Path:
    """The user's documents folder if it exists (``NIANBAO_DOCUMENTS_DIR`` instead, for tests
    and portable use), else the home folder: a file dialog must start in a folder that
    exists (a fresh Linux account has no ``Documents``)."""
    override = os.environ.get("NIANBAO_DOCUMENTS_DIR")
    documents = Path(override) if override else Path(user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def export_home() -> Path:
    """Where exported Word files go the first time: ``年报助手`` in the user's documents
    (``NIANBAO_DOCUMENTS_DIR`` instead, for tests and portable use), created so that the
    save dialog opens in a folder that exists; the home folder if it cannot be made."""
    override = os.environ.get("NIANBAO_DOCUMENTS_DIR")
    documents = Path(override) if override else Path(user_documents_dir())
    path = documents / EXPORT_FOLDER_NAME
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.home()
    return path


def export_folder(last: str) -> Path:
    """The folder the export dialog starts in: the one used for the last export while it
    exists, else export_home(). Never the folder a report was imported from (a U 盘,
    下载): an import does not set ``last``."""
    if last and Path(last).is_dir():
        return Path(last)
    return export_home()
