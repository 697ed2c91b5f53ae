"""Compile ui/*.ui into nianbao_gui/app/forms/ui_*.py with pyside6-uic.

The compiled forms are committed so the program never loads .ui files at run time (faster
start, nothing to find in a bundle). Run after editing a .ui file:

    /work/venv/bin/python tools/compile_ui.py          # or: ./dev ui

tests/test_gui_window_forms.py fails when a committed form differs from what uic makes today.

uic imports some 40 Qt classes into every form whether it uses them or not (QLocale, QGradient,
QPainter …). PySide6 makes a class's Python type, with all its enums, when it is first imported,
so the main window's form cost about 4 % of the start (issue 21). Each form keeps only the
names it uses (``used_imports_only``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
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


_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(([^)]*)\)\n", re.MULTILINE)


def used_imports_only(source: str) -> str:
    """``source`` (a compiled form) with each ``from PySide6.X import (...)`` cut to the names
    the form uses; an import left with none is dropped."""
    code = [line for line in _IMPORT.sub("", source).splitlines() if not line.startswith("#")]
    used = set(re.findall(r"\b\w+\b", "\n".join(code)))

    def trimmed(found: re.Match[str]) -> str:
        names = [name.strip() for name in found[2].split(",") if name.strip() in used]
        if not names:
            return ""
        text = f"from {found[1]} import ({', '.join(names)})"
        return "\n".join(textwrap.wrap(text, 96, subsequent_indent="    ")) + "\n"

    return _IMPORT.sub(trimmed, source)


def compile_one(ui_file: Path, output: Path) -> None:
    subprocess.run([*uic_command(), "--from-imports", str(ui_file), "-o", str(output)], check=True)
    output.write_text(used_imports_only(output.read_text(encoding="utf-8")), encoding="utf-8")


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
