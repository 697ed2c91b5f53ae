"""Shared test set-up: Qt offscreen, and a private data folder so no test touches the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from export_support import word_safe_exports  # noqa: F401  (autouse: every export audited)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "example-2022-shuzhi-shulian.txt"


@pytest.fixture(scope="session", autouse=True)
def _private_session_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Fixtures wider than one test (a module's PDFs) run before ``_private_data_dir``: they
    keep to a private folder too (the PDF's font caches live under it)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NIANBAO_DATA_DIR", str(tmp_path_factory.mktemp("session-data")))
        yield


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(path))
    # the export's 年报助手 folder in the documents: a private one too
    monkeypatch.setenv("NIANBAO_DOCUMENTS_DIR", str(tmp_path_factory.mktemp("documents")))
    return path


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def buggy_show(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug behind ``nianbao show``: the outline raises RuntimeError("boom")."""
    from nianbao_gui.core import outline

    def broken(report: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(outline, "outline_text", broken)
