"""Shared by the hostile-input tests (issue 12): a real draft (the seed, imported and saved),
and a look at every file a run left in a folder."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import SEED

from nianbao_gui.core.importer import import_report
from nianbao_gui.core.storage import encode_report, save_draft


def good_draft(folder: Path, name: str = "good.json") -> Path:
    """The seed report saved as a draft: the ``good.json`` of the issue."""
    path = folder / name
    save_draft(import_report(SEED).report, path)
    return path


def good_bytes() -> bytes:
    return encode_report(import_report(SEED).report)


def snapshot(*folders: Path) -> dict[str, bytes]:
    """Every file under ``folders`` with its content: to prove nothing was written."""
    found = {}
    for folder in folders:
        for root, _dirs, files in os.walk(folder):
            for name in files:
                path = Path(root) / name
                try:
                    found[str(path)] = path.read_bytes()
                except OSError:
                    found[str(path)] = b"<unreadable>"
    return found
