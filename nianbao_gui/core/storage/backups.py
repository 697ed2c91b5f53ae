"""Earlier versions of a draft, kept in the data folder.

Where: ``<data folder>/backups/<draft name>-<8 hex of the draft's full path>/`` with one file
per version, ``<draft name>.<YYYYMMDD-HHMMSS-ffffff>.json`` named after the time that version
was saved. Each version is a complete draft that opens like any other.

Why the data folder and not beside the draft: the draft stays one self-contained file that a
user can copy, mail or move alone (nothing beside it is needed or left half-copied); Windows
does not hide dot-folders, so a backup folder beside the draft would sit in the secretary's
folder and invite editing the wrong file; a draft on a USB stick or a shared folder keeps
earlier versions on this PC when the stick is lost or a colleague overwrites the share; and
every user's versions stay their own. The folder name carries the draft's name so office IT
can find it by eye; ``source.txt`` inside names the draft's full path.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import logging
import os
import re
from pathlib import Path

from ..atomic import atomic_write_bytes, link_target
from ..paths import data_dir

DEFAULT_KEEP = 5
_log = logging.getLogger(__name__)
_STAMP = re.compile(r"\.(\d{8}-\d{6}-\d{6})(?:-(\d+))?\.json$")


def _draft_key(path: Path) -> str:
    full = os.path.normcase(str(link_target(Path(path).expanduser()).absolute()))
    return hashlib.sha256(full.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _short_stem(path: Path) -> str:
    # File names are limited to 255 bytes (NTFS: 255 characters); a long draft name plus the
    # time stamp must still fit. The hash in the folder name keeps shortened names apart.
    return path.stem[:40]


def backup_dir(path: Path) -> Path:
    """The folder holding the earlier versions of the draft at ``path`` (may not exist yet)."""
    path = link_target(path)
    return data_dir() / "backups" / f"{_short_stem(path)}-{_draft_key(path)}"


def backups_of(path: Path) -> list[Path]:
    """The kept earlier versions of the draft at ``path``, newest first."""
    try:
        folder = backup_dir(Path(path))
        names = os.listdir(folder)
    except OSError:  # no versions yet, or no data folder at all (read-only profile)
        return []
    stamped = []
    for name in names:
        match = _STAMP.search(name)
        if match and not name.startswith("."):
            stamped.append(((match.group(1), int(match.group(2) or 0)), folder / name))
    return [file for _, file in sorted(stamped, reverse=True)]


def _stamp(moment: _dt.datetime) -> str:
    return moment.strftime("%Y%m%d-%H%M%S-%f")


def keep_version(path: Path, old: bytes, *, keep: int = DEFAULT_KEEP) -> Path | None:
    """Store ``old`` (the draft's bytes before this save) as a version; prune to ``keep``.

    Never raises: a failing backup (full or read-only data folder) must not stop the save
    the user asked for. Returns the new version's path, or None when nothing was kept.
    """
    path = link_target(path)
    if keep <= 0:
        return None
    try:
        existing = backups_of(path)
        if existing and existing[0].read_bytes() == old:
            return None  # saved twice without a change in between
        folder = backup_dir(path)
        folder.mkdir(parents=True, exist_ok=True)
        source = folder / "source.txt"
        if not source.exists():
            atomic_write_bytes(source, f"{Path(path).absolute()}\n".encode())
        try:
            when = _dt.datetime.fromtimestamp(path.stat().st_mtime)
        except OSError:
            when = _dt.datetime.now()
        stem = _short_stem(path)
        target = folder / f"{stem}.{_stamp(when)}.json"
        counter = 0
        while target.exists():  # same mtime twice (coarse clocks on FAT, copies)
            counter += 1
            target = folder / f"{stem}.{_stamp(when)}-{counter}.json"
        atomic_write_bytes(target, old)
        for stale in backups_of(path)[keep:]:
            with contextlib.suppress(OSError):
                stale.unlink()
        return target
    except Exception:  # see docstring: the save itself matters more than its backup
        _log.warning("could not keep an earlier version of %s", path, exc_info=True)
        return None
