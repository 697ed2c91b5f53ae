"""Upgrading drafts written by older builds, one version step at a time.

Version 0 is what the pre-release builds wrote (no ``schema_version`` key). It differs from
version 1 in names and in two shapes:

- top level: ``type`` → ``kind``, ``author`` → ``author_name``, ``organization`` →
  ``organisation``; ``date`` could be written as ``2022年12月30日`` (now ISO ``2022-12-30``);
- sections: ``title`` → ``heading``, ``subsections`` → ``children``, and the text was one
  string ``body`` with a line break between paragraphs (now the list ``paragraphs``);
- closing: ``problems`` → ``shortcomings``, ``problems_intro`` → ``shortcomings_intro``.

Version 2 adds identities: ``draft_id``, each section's ``id`` and each list of paragraphs'
ids beside it (``paragraph_ids`` …, see model.ID_KEYS). A version-1 draft gets them derived
from positions, the same every time it is read, so a 数据 table exported from it before it
is saved again still finds its slots; its text is unchanged. A version-2 draft cannot be
read by a version-1 program (extra keys), hence the new version.

Version 3 adds tables (``tables`` of a section, model.Table). A version-2 draft has none
and reads unchanged; a version-3 draft with a table would lose it in a version-2 program,
hence the new version.

A new version adds one function to ``_STEPS``; ``migrate`` runs every step from the draft's
version up. Drafts from a newer program are refused, never half-read and saved back.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from ..errors import DraftError
from ..model import SCHEMA_VERSION

_DRAFT_KEYS = frozenset({"sections", "opening", "closing"})
"""Every draft of every version has these (the model writes defaults too); a JSON file from
another program (package.json, a list, settings) has none of them."""

_NEWER_TODO = "请使用更新的年报助手打开（可向单位信息化管理员索取最新版本）。"


def is_draft_data(data: dict[str, Any]) -> bool:
    return "schema_version" in data or bool(_DRAFT_KEYS & data.keys())


def _rename(mapping: dict[str, Any], old: str, new: str) -> None:
    # The new name wins if both are present; the old key then stays and validation reports it.
    if old in mapping and new not in mapping:
        mapping[new] = mapping.pop(old)


_CHINESE_DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")


def _v0_section(section: Any) -> Any:
    if not isinstance(section, dict):
        return section  # validation explains what is wrong
    _rename(section, "title", "heading")
    _rename(section, "subsections", "children")
    if "body" in section and "paragraphs" not in section:
        body = section.pop("body")
        if isinstance(body, str):
            body = [line for line in body.replace("\r\n", "\n").split("\n") if line.strip()]
        section["paragraphs"] = body
    if isinstance(section.get("children"), list):
        section["children"] = [_v0_section(child) for child in section["children"]]
    return section


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    _rename(data, "type", "kind")
    _rename(data, "author", "author_name")
    _rename(data, "organization", "organisation")
    date = data.get("date")
    if isinstance(date, str):
        match = _CHINESE_DATE.match(date)
        if match:
            year, month, day = (int(part) for part in match.groups())
            data["date"] = f"{year:04d}-{month:02d}-{day:02d}"
    if isinstance(data.get("sections"), list):
        data["sections"] = [_v0_section(section) for section in data["sections"]]
    closing = data.get("closing")
    if isinstance(closing, dict):
        _rename(closing, "problems", "shortcomings")
        _rename(closing, "problems_intro", "shortcomings_intro")
    return data


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    # Nothing to rename: the ids are derived by the model (model.ensure_ids) from positions,
    # the same every time the file is read; draft_id stays empty (none was given).
    return data


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    return data  # no draft before version 3 has a table: sections get an empty list


_STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: _v0_to_v1,
    1: _v1_to_v2,
    2: _v2_to_v3,
}
"""Version n → n+1."""


def draft_version(data: dict[str, Any]) -> int:
    """The schema version a draft says it has (0 when absent); DraftError when nonsense."""
    version = data.get("schema_version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise DraftError(
            f"草稿的格式版本“{version}”无法识别，文件可能被改坏了。",
            "请从较早版本恢复，或换一份草稿。",
        )
    return version


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """An upgraded copy of ``data`` at SCHEMA_VERSION (the input is not changed).

    Raises DraftError for a draft from a newer program or with a nonsensical version.
    """
    version = draft_version(data)
    if version > SCHEMA_VERSION:
        raise DraftError(
            f"这份草稿由更新版本的年报助手保存（格式版本 {version}，"
            f"本程序只认识到版本 {SCHEMA_VERSION}），为免丢失内容，不能在此打开。",
            _NEWER_TODO,
        )
    upgraded = copy.deepcopy(data)
    while version < SCHEMA_VERSION:
        upgraded = _STEPS[version](upgraded)
        version += 1
        upgraded["schema_version"] = version
    # schema_version first, as save_draft writes it
    return {"schema_version": SCHEMA_VERSION, **upgraded}
