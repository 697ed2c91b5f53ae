"""Compile ui/*.ui into nianbao_gui/app/forms/ui_*.py with pyside6-uic.

The compiled forms are committed so the program never loads .ui files at run time (faster
start, nothing to find in a bundle). Run after editing a .ui file:

    /work/venv/bin/python tools/compile_ui.py          # or: ./dev ui

tests/test_gui_window_forms.py fails when a committed form differs from what uic makes today.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UI_DIR = REPO / "ui"
FORMS_DIR = REPO / "nianbao_gui" / "app" / "forms"


def uic_command() -> list[str]:
    """pyside6-uic next to this Python (the venv), else on PATH."""
    beside = Path(sys.executable).with_name("pyside6-uic")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    raise SystemExit("pyside6-uic not found: install PySide6 into this Python")


def target_name(ui_file: Path) -> str:
    return f"ui_{ui_file.stem}.py"


def compile_one(ui_file: Path, output: Path) -> None:
    subprocess.run([*uic_command(), "--from-imports", str(ui_file), "-o", str(output)], check=True)


def compile_all(output_dir: Path = FORMS_DIR) -> list[Path]:
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        output = output_dir / target_name(ui_file)
        compile_one(ui_file, output)
        written.append(output)
    return written


if __name__ == "__main__":
    for path in compile_all():
        print(path.relative_to(REPO))
