"""Drafts on disk: saving and opening, earlier versions, crash recovery, locks, upgrades.

- ``save_draft`` / ``load_draft`` (drafts.py): atomic pretty-JSON draft files; every way a
  file can be wrong becomes a Chinese DraftError and nothing on disk changes.
- ``backups_of`` (backups.py): the last versions of a draft, kept in the data folder.
- ``RecoveryStore`` (recovery.py): unsaved edits, offered back after a crash.
- ``DraftLock`` (lock.py): who has a draft open, across programs and PCs.
- ``migrate`` (migrations.py): older drafts upgraded step by step to SCHEMA_VERSION.
- ``list_drafts`` (listing.py): the drafts in a folder, broken ones marked.
"""

from __future__ import annotations

from .backups import DEFAULT_KEEP, backup_dir, backups_of, keep_version
from .codec import MAX_DRAFT_BYTES, decode_report, encode_report
from .drafts import is_draft_file, load_draft, save_draft
from .listing import DraftInfo, list_drafts
from .lock import STALE_AFTER, DraftLock, LockOwner, lock_path_for, read_owner
from .migrations import migrate
from .recovery import RecoveryEntry, RecoveryStore, key_for

__all__ = [
    "DEFAULT_KEEP",
    "MAX_DRAFT_BYTES",
    "STALE_AFTER",
    "DraftInfo",
    "DraftLock",
    "LockOwner",
    "RecoveryEntry",
    "RecoveryStore",
    "backup_dir",
    "backups_of",
    "decode_report",
    "encode_report",
    "is_draft_file",
    "keep_version",
    "key_for",
    "list_drafts",
    "load_draft",
    "lock_path_for",
    "migrate",
    "read_owner",
    "save_draft",
]
