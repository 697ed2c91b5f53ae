"""Shared test set-up: Qt offscreen, and a private data folder so no test touches the user's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from export_support import word_safe_exports  # noqa: F401  (autouse: every export audited)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "example-2022-shuzhi-shulian.txt"


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(path))
    return path


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
