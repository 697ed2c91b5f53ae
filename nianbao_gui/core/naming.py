"""Draft file names that carry the leader: ``2025年度述职述廉报告（张明华）.json``.

A secretary who writes for several 副镇长 keeps one draft per leader in one folder; a name
of title and year alone would offer every leader's draft the same file. A name already taken
is never offered: ``……（张明华）（2）.json`` comes next. Who a draft on disk belongs to is
read from it (draft_leader), so a question before replacing it can name both leaders.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .model import Report

# patterns, compiled (and cached by re) at their first use: not at every start (issue 21)
_UNSAFE = r'[\\/:*?"<>|\x00-\x1f]+'
MAX_STEM = 60
_PEEK_BYTES = 4_000_000  # a draft is far smaller; anything bigger is not read to be named


def safe_file_name(text: str, fallback: str = "年报") -> str:
    """Text as a file name on Windows too: no \\ / : * ? " < > |, not too long."""
    name = re.sub(_UNSAFE, "", text).strip(" .")[:MAX_STEM]
    return name or fallback


def draft_stem(report: Report) -> str:
    """``2025年度述职述廉报告（张明华）``; the title alone when no name is filled in."""
    stem = safe_file_name(report.effective_title())
    leader = safe_file_name("".join(report.author_name.split()), "")
    return f"{stem}（{leader}）" if leader else stem


def free_path(folder: Path, stem: str, suffix: str, own: Path | None = None) -> Path:
    """``folder/stem.suffix``, or ``stem（2）.suffix`` … when that name is taken (by a file
    other than ``own``, the draft being saved)."""
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists() and candidate != own:
        candidate = folder / f"{stem}（{number}）{suffix}"
        number += 1
    return candidate


def suggested_draft_path(folder: Path, report: Report, own: Path | None = None) -> Path:
    """The name the save dialog offers: the leader in it, never one already taken."""
    return free_path(folder, draft_stem(report), ".json", own)


def draft_leader(path: Path) -> str | None:
    """The leader (author_name) a draft on disk was written for: ``""`` when it names none,
    None when the file is not a readable draft."""
    try:
        if path.stat().st_size > _PEEK_BYTES:
            return None
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    name = data.get("author_name", data.get("author", ""))  # version 0 called it author
    return name.strip() if isinstance(name, str) else ""
