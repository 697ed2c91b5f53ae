"""Property: whatever a report holds, save_draft → load_draft gives it back exactly."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nianbao_gui.core.model import MAX_YEAR, MIN_YEAR, Closing, Report, ReportKind, Section
from nianbao_gui.core.storage import RecoveryStore, load_draft, save_draft

# All of Unicode, with the characters that real reports contain and naive code gets wrong
# drawn often. A lone surrogate cannot be UTF-8: drafts keep it as an escape (issue 12).
TRICKY = [
    "\ud800",
    "\u00a0",  # NBSP, as in the seed report
    "\u3000",  # ideographic space, before names
    "\U00020000",  # CJK extension B (rare family names)
    "\U0002a6d6",
    "\U0001f600",  # emoji
    "\u200b",  # zero-width space
    "\ufeff",  # BOM inside text
    "\u2028",  # line separator (breaks some JSON readers)
    "\x00",
    "\x1b",
    "\r",
    "\t",
    '"',
    "\\",
]
PIECES = ["\r\n", "，,", "自已", "一是", "**", "（一）", "\u00a02022年"]
pieces = st.text(alphabet=st.characters() | st.sampled_from(TRICKY), max_size=12)
text = st.lists(pieces | st.sampled_from(PIECES), max_size=4).map("".join)
paragraphs = st.lists(text, max_size=4)


def sections(levels: int) -> st.SearchStrategy[Section]:
    children = st.lists(sections(levels - 1), max_size=2) if levels > 1 else st.just([])
    return st.builds(
        Section, heading=text, run_in=st.booleans(), paragraphs=paragraphs, children=children
    )


closings = st.builds(
    Closing,
    other_work=paragraphs,
    shortcomings_heading=text,
    shortcomings_intro=text,
    shortcomings=paragraphs,
    plans_heading=text,
    plans=paragraphs,
    one_paragraph=st.booleans(),
)

reports = st.builds(
    Report,
    kind=st.sampled_from(ReportKind),
    year=st.none() | st.integers(MIN_YEAR, MAX_YEAR),
    title=text,
    author_name=text,
    position=text,
    organisation=text,
    show_author_line=st.booleans(),
    opening=paragraphs,
    sections=st.lists(sections(4), max_size=3),
    closing=closings,
    signature=text,
    date=st.none() | st.dates(dt.date(1949, 1, 1), dt.date(2200, 12, 31)),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports)
def test_save_then_load_is_exact(report: Report) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "草稿.json"
        save_draft(report, path, keep_backups=0)
        loaded = load_draft(path)
        assert loaded == report
        assert loaded.model_dump() == report.model_dump()
        save_draft(loaded, Path(folder) / "again.json", keep_backups=0)
        assert (Path(folder) / "again.json").read_bytes() == path.read_bytes()  # stable


@settings(max_examples=50, deadline=None)
@given(report=reports)
def test_recovery_round_trip_is_exact(report: Report) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = RecoveryStore(Path(folder))
        store.write("key", report)
        (entry,) = store.pending()
        assert store.load(entry) == report
