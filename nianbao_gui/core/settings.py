"""User settings that outlive a session: font names, recent drafts, last folder.

Kept as napari keeps its own: a pydantic model with a schema version, stored as JSON in the
data folder and saved whenever a field is assigned (no save calls scattered in the window).
A broken settings file must never stop the program from starting, never hang it, nor cost
more than it must:

- only a regular file of at most ``MAX_SETTINGS_BYTES`` is read (a pipe would wait for ever,
  a link to /dev/zero never end); anything else, and a file that is not JSON (or not a JSON
  object, or nested thousands deep), is moved aside as ``settings.json.bad-<time>`` and
  defaults are used; a UTF-8 byte-order mark (old Notepad) is accepted;
- strings are checked: a font name with a control character or half a character (a lone
  surrogate) is a bad value; recent drafts are trimmed to ``MAX_RECENT`` (100,000 of them
  took 8 s to the first paint);
- a key with a bad value falls back to its default, the others are kept; the file is copied
  aside the same way and rewritten without the bad value;
- an unknown key (from a newer program, or typed by hand) is logged and dropped.

Only settings returned by ``load_settings`` save themselves; a ``Settings()`` made in code
(tests, the command line's one-off changes) stays in memory until ``bind``.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import shutil
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
)

from .atomic import atomic_write_text
from .errors import FileAccessError
from .fileinfo import not_a_regular_file, read_limited
from .paths import settings_path

_log = logging.getLogger(__name__)

MAX_RECENT = 10
MAX_SETTINGS_BYTES = 16 * 1024 * 1024
"""A settings file is under 2 KB; one over 16 MB is damaged (or not ours) and is set aside.
Below that it is read (0.2 s at most) so that a list of recent drafts grown without bound
(100,000: 4 MB) is trimmed without losing the other settings."""
MAX_NAME_CHARS = 100
"""A font name: the longest real ones have about 30 characters."""

SETTINGS_SCHEMA_VERSION = 1
"""Bumped when a field changes its meaning; older files are upgraded by ``_MIGRATIONS``.
Files written before the version existed have none and count as version 0."""

# version → function upgrading the data of that version to the next one
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: lambda data: data,  # version 1 only added schema_version itself
}

SettingsListener = Callable[[str], None]
"""Called with the name of the field that changed, after it was saved."""


class FontChoice(str, Enum):
    """Which font names the exported document asks for (see docs/official-layout.md)."""

    GB2312 = "gb2312"  # 仿宋_GB2312, 楷体_GB2312: the names the standard uses
    WINDOWS = "windows"  # 仿宋, 楷体: what current Windows and WPS ship


class TableFontSize(str, Enum):
    """The size of the text in a table's cells: 四号 by common practice; offices differ."""

    SAN = "三号"
    SI = "四号"
    XIAO_SI = "小四"
    WU = "五号"

    @property
    def half_points(self) -> int:
        return {"三号": 32, "四号": 28, "小四": 24, "五号": 21}[self.value]


class Settings(BaseModel):
    # validate_assignment: the form assigns field by field; a bad value never gets in.
    model_config = ConfigDict(validate_assignment=True, extra="ignore")

    schema_version: int = Field(SETTINGS_SCHEMA_VERSION, title="设置格式版本")
    fonts: FontChoice = Field(FontChoice.GB2312, title="正文字体")
    title_font: str = Field("方正小标宋简体", title="标题字体")
    level3_bold: bool = Field(False, title="三级标题加粗")
    table_font_size: TableFontSize = Field(TableFontSize.SI, title="表格字号")
    # a tuple, so that a change is always an assignment (which saves), never an append
    recent_files: tuple[str, ...] = Field((), title="最近打开的草稿")
    last_folder: str = Field("", title="上次使用的文件夹")
    # where the last Word file was exported (an import leaves it alone)
    export_folder: str = Field("", title="上次导出的文件夹")

    @field_validator("title_font")
    @classmethod
    def _a_font_name(cls, value: str) -> str:
        if not value.strip() or len(value) > MAX_NAME_CHARS or not _clean(value):
            raise ValueError("不是可用的字体名")
        return value

    @field_validator("last_folder", "export_folder")
    @classmethod
    def _a_folder(cls, value: str) -> str:
        return value if _clean(value) else ""  # assigned by the window: never refused

    @field_validator("recent_files", mode="before")
    @classmethod
    def _recent(cls, value: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            return value  # refused as a whole, as any bad value
        kept: list[str] = []
        for item in value:
            if isinstance(item, str) and item and _clean(item) and item not in kept:
                kept.append(item)
                if len(kept) == MAX_RECENT:
                    break
        return tuple(kept)

    _path: Path | None = PrivateAttr(None)
    _listeners: list[SettingsListener] = PrivateAttr(default_factory=list)

    def __eq__(self, other: object) -> bool:
        # the values only: where they are saved and who listens is not part of them
        return isinstance(other, Settings) and self.model_dump() == other.model_dump()

    def bind(self, path: Path) -> None:
        """From now on, save to ``path`` whenever a field is assigned a different value."""
        self._path = path

    def observe(self, listener: SettingsListener) -> None:
        self._listeners.append(listener)

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_"):
            super().__setattr__(name, value)
            return
        before = getattr(self, name, None)
        super().__setattr__(name, value)
        if getattr(self, name) != before:
            self._changed(name)

    def _changed(self, name: str) -> None:
        if self._path is not None:
            save_settings(self, self._path)
        for listener in list(self._listeners):
            listener(name)

    def add_recent(self, path: Path) -> None:
        text = str(path)
        self.recent_files = (text, *(p for p in self.recent_files if p != text))[:MAX_RECENT]


def _clean(text: str) -> bool:
    """No control character (NUL breaks every Word export) and no lone surrogate (it cannot
    be written as UTF-8, nor drawn)."""
    return not any(ord(char) < 32 or "\ud800" <= char <= "\udfff" for char in text)


def _backup_name(path: Path) -> Path:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.bad-{stamp}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bad-{stamp}-{number}")
        number += 1
    return candidate


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("schema_version", 0)
    if type(version) is not int or not 0 <= version <= SETTINGS_SCHEMA_VERSION:
        # a newer program's file (or a damaged version): read what this version knows
        _log.warning(
            "settings: schema version %r, this program knows %d", version, SETTINGS_SCHEMA_VERSION
        )
        return data
    while version < SETTINGS_SCHEMA_VERSION:
        data = _MIGRATIONS[version](data)
        version += 1
    data["schema_version"] = SETTINGS_SCHEMA_VERSION
    return data


def _validate_leniently(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """The settings from ``data`` with every unknown key and every bad value left out.

    Returns them with the names of the keys whose values were bad.
    """
    known = {}
    for key, value in data.items():
        if key in Settings.model_fields:
            known[key] = value
        else:
            _log.warning("settings: unknown key %r dropped", key)
    known["schema_version"] = SETTINGS_SCHEMA_VERSION
    bad: list[str] = []
    while True:
        try:
            return Settings.model_validate(known), bad
        except ValidationError as error:
            keys = {str(item["loc"][0]) for item in error.errors() if item["loc"]}
            if not keys & known.keys():  # cannot happen: every error names a field
                return Settings(), sorted(known)
            for key in sorted(keys & known.keys()):
                _log.warning("settings: bad value for %r dropped: %r", key, known.pop(key))
                bad.append(key)


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, bound to their file (they save themselves on every change)."""
    try:
        path = path or settings_path()
    except OSError:  # no data folder at all: defaults, kept in memory only
        _log.warning("settings: no data folder, defaults used and not saved")
        return Settings()
    settings = _read(path)
    settings.bind(path)
    return settings


def _set_aside(path: Path, reason: object) -> Settings:
    backup = _backup_name(path)
    _log.warning("settings: %s unreadable (%s), moved to %s", path, reason, backup.name)
    try:
        path.replace(backup)
    except OSError:
        _log.warning("settings: could not move %s aside", path)
    return Settings()


def _read(path: Path) -> Settings:
    try:
        info = path.stat()
    except OSError:  # missing (first start) or unreadable: defaults, nothing to keep aside
        return Settings()
    kind = not_a_regular_file(info)
    if kind is not None or info.st_size > MAX_SETTINGS_BYTES:
        return _set_aside(path, "not a regular file" if kind else f"{info.st_size} bytes")
    try:
        raw = read_limited(path, MAX_SETTINGS_BYTES)  # it may grow between stat and read
    except OSError:
        return Settings()
    if len(raw) > MAX_SETTINGS_BYTES:
        return _set_aside(path, "too large")
    try:
        data = json.loads(raw.decode("utf-8-sig"))  # UnicodeDecodeError is a ValueError
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except (ValueError, RecursionError) as error:
        return _set_aside(path, error)
    settings, bad = _validate_leniently(_migrate(data))
    if bad:
        backup = _backup_name(path)
        try:
            shutil.copyfile(path, backup)
        except OSError:
            _log.warning("settings: could not copy %s aside", path)
        else:
            _log.warning("settings: %s had bad values, copied to %s", path, backup.name)
            # without the bad values, so the next start neither warns nor copies again
            save_settings(settings, path)
    elif _trimmed(data, settings):
        save_settings(settings, path)  # the long list of recent drafts, read once more only
    return settings


def _trimmed(data: dict[str, Any], settings: Settings) -> bool:
    recent = data.get("recent_files")
    return isinstance(recent, list) and len(recent) != len(settings.recent_files)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Save; a failure (read-only profile) is logged and ignored: settings are a convenience."""
    target = path or settings_path()
    try:
        atomic_write_text(target, settings.model_dump_json(indent=2))
    except (FileAccessError, ValueError) as error:  # ValueError: text that is not UTF-8
        _log.warning("settings: not saved to %s: %s", target, error)
