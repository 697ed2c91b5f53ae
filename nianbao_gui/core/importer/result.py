"""What an import gives back: the report, and what the importer was unsure about."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Report


@dataclass
class ImportResult:
    """``notes`` are Chinese sentences for the secretary: renumbered headings, guesses about
    the year or kind, parts left where they stood. ``encoding`` names how a .txt was read."""

    report: Report
    notes: list[str] = field(default_factory=list)
    encoding: str | None = None
