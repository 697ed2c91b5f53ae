"""Errors a secretary can read: what happened, and what to do about it.

Every failure the core can meet is raised as a NianbaoError (or a subclass). The window
shows ``str(error)``; the command line prints it to stderr. Neither shows a traceback.
"""

from __future__ import annotations

from pathlib import Path


class NianbaoError(Exception):
    """``what`` happened, ``todo`` is the advice; both in plain Chinese."""

    def __init__(self, what: str, todo: str = "", *, path: Path | str | None = None) -> None:
        self.what = what
        self.todo = todo
        self.path = Path(path) if path is not None else None
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{self.what}\n{self.todo}" if self.todo else self.what

    def __str__(self) -> str:
        return self.message


class DraftError(NianbaoError):
    """A draft file cannot be read: corrupt, from a newer version, or not a draft at all."""


class DraftLockedError(NianbaoError):
    """Someone else (another copy of the program, another PC) has the draft open."""

    def __init__(
        self, what: str, todo: str = "", *, path: Path | str | None = None, owner: str = ""
    ) -> None:
        self.owner = owner
        super().__init__(what, todo, path=path)


class FileAccessError(NianbaoError):
    """A file or folder cannot be written or read: read-only, locked by Word, disk full."""


class ReportImportError(NianbaoError):
    """An existing report (.txt/.docx) cannot be imported."""


class ExportError(NianbaoError):
    """The Word document cannot be written."""
