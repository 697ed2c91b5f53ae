"""The drafts in a folder, for the drafts list window."""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import DraftError
from ..paths import drafts_dir
from .drafts import load_draft


@dataclass(frozen=True)
class DraftInfo:
    """One row of the drafts list. ``error`` (Chinese) is set for a file that cannot be
    opened; ``title`` is then the file name."""

    path: Path
    title: str
    year: int | None
    person: str
    modified: _dt.datetime
    kind: str = ""
    error: str | None = None

    @property
    def broken(self) -> bool:
        return self.error is not None


def _is_candidate(name: str) -> bool:
    # Lock files (~$…), temporary files of a save in progress (.…tmp), hidden files.
    return name.lower().endswith(".json") and not name.startswith(("~$", "."))


def list_drafts(folder: Path | None = None) -> list[DraftInfo]:
    """Every draft in ``folder`` (default: the drafts folder), most recently changed first.

    Files that cannot be opened are listed with ``error`` set, never raised.
    """
    folder = Path(folder) if folder is not None else drafts_dir()
    try:
        entries = [entry for entry in os.scandir(folder) if _is_candidate(entry.name)]
    except OSError:
        return []
    found = []
    for entry in entries:
        path = Path(entry.path)
        try:
            if not entry.is_file():
                continue
            modified = _dt.datetime.fromtimestamp(entry.stat().st_mtime)
        except OSError:
            continue  # vanished while listing
        try:
            report = load_draft(path)
        except DraftError as error:
            found.append(
                DraftInfo(path, path.stem, None, "", modified, error=error.what.splitlines()[0])
            )
            continue
        found.append(
            DraftInfo(
                path,
                report.effective_title(),
                report.year,
                report.author_name,
                modified,
                kind=report.kind.value,
            )
        )
    return sorted(found, key=lambda info: (info.modified, info.path.name), reverse=True)
