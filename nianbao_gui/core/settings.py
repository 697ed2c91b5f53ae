"""User settings that outlive a session: font names, recent drafts, last folder.

Stored as JSON in the data folder. A settings file that cannot be read is kept aside as
``settings.json.bad`` and defaults are used: a broken settings file must never stop the
program from starting.
"""

from __future__ import annotations

import contextlib
import json
from enum import Enum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .atomic import atomic_write_text
from .errors import FileAccessError
from .paths import settings_path

MAX_RECENT = 10


class FontChoice(str, Enum):
    """Which font names the exported document asks for (see docs/official-layout.md)."""

    GB2312 = "gb2312"  # 仿宋_GB2312, 楷体_GB2312: the names the standard uses
    WINDOWS = "windows"  # 仿宋, 楷体: what current Windows and WPS ship


class Settings(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="ignore")

    fonts: FontChoice = FontChoice.GB2312
    title_font: str = "方正小标宋简体"
    level3_bold: bool = False
    recent_files: list[str] = Field(default_factory=list)
    last_folder: str = ""
    export_folder: str = ""  # where the last Word file was exported (import leaves it alone)

    def add_recent(self, path: Path) -> None:
        text = str(path)
        self.recent_files = [text, *(p for p in self.recent_files if p != text)][:MAX_RECENT]


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError:
        return Settings()
    try:
        return Settings.model_validate(json.loads(raw))
    except (ValueError, ValidationError):
        with contextlib.suppress(OSError):
            path.replace(path.with_name(path.name + ".bad"))
        return Settings()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Save; a failure (read-only profile) is swallowed: settings are a convenience."""
    with contextlib.suppress(FileAccessError):
        atomic_write_text(path or settings_path(), settings.model_dump_json(indent=2))
