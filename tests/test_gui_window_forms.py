"""The committed forms in nianbao_gui/app/forms are what pyside6-uic makes of ui/*.ui today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import REPO


def _compile_ui() -> object:
    spec = importlib.util.spec_from_file_location("compile_ui", REPO / "tools" / "compile_ui.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _without_version_line(text: str) -> list[str]:
    # uic writes its own version into a comment; a newer uic alone must not fail the test
    return [line for line in text.splitlines() if "Qt User Interface Compiler" not in line]


def test_every_ui_file_has_a_current_compiled_form(tmp_path: Path) -> None:
    tool = _compile_ui()
    sources = sorted((REPO / "ui").glob("*.ui"))
    assert sources, "ui/*.ui missing"
    fresh = tool.compile_all(tmp_path)  # type: ignore[attr-defined]
    assert len(fresh) == len(sources)
    for path in fresh:
        committed = REPO / "nianbao_gui" / "app" / "forms" / path.name
        assert committed.is_file(), f"{path.name} not compiled: run tools/compile_ui.py"
        assert _without_version_line(committed.read_text(encoding="utf-8")) == (
            _without_version_line(path.read_text(encoding="utf-8"))
        ), f"{path.name} is stale: run tools/compile_ui.py"


def test_no_stray_compiled_forms() -> None:
    expected = {f"ui_{ui.stem}.py" for ui in (REPO / "ui").glob("*.ui")}
    on_disk = {p.name for p in (REPO / "nianbao_gui" / "app" / "forms").glob("ui_*.py")}
    assert on_disk == expected


@pytest.mark.parametrize(
    "name", ["main_window", "new_draft_dialog", "drafts_dialog", "about_dialog"]
)
def test_forms_import(name: str) -> None:
    module = importlib.import_module(f"nianbao_gui.app.forms.ui_{name}")
    assert any(attr.startswith("Ui_") for attr in dir(module))
