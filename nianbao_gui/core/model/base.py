"""What every model class shares (strict validation), the kinds of report, and the limits
and version a draft is checked against."""

from __future__ import annotations

import os
from enum import Enum

from pydantic import BaseModel, ConfigDict

# pydantic looks for plugins (entry points of every installed package) when the first model
# class is built. The program uses none and should not run whatever it finds installed beside
# it; skipping the search saves about 10 ms of every start. A value set from outside wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

SCHEMA_VERSION = 3
"""Bumped whenever a draft written by this version could not be read by an older one.
Older drafts are upgraded by storage.migrations (2: identities of the draft, its sections
and its paragraphs; 3: tables)."""

MAX_DEPTH = 4
"""一、 （一） 1． （1）: the four levels of GB/T 9704-2012."""

MIN_YEAR, MAX_YEAR = 1949, 2200


class ReportKind(str, Enum):
    """The three kinds of report the program writes. The value is the Chinese name."""

    SHUZHI_SHULIAN = "述职述廉报告"
    SHUZHI = "述职报告"
    ZONGJIE = "年度工作总结"

    @property
    def label(self) -> str:
        return self.value


class _Model(BaseModel):
    # validate_assignment: the window assigns field by field through the binder and must get
    # the same checks as a loaded draft. extra="forbid": a misspelt key in a draft is an error,
    # not silently dropped text.
    model_config = ConfigDict(validate_assignment=True, extra="forbid")
