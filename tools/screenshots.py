"""Screenshots of every tab of the real window with the example report loaded.

Runs the program's own MainWindow on a virtual X screen (the xcb platform, as on a desktop,
with the system's CJK fonts) and grabs the window after each tab is shown:

    xvfb-run -a -s "-screen 0 1400x900x24" /work/venv/bin/python tools/screenshots.py

Writes docs/screenshots/NN-<tab>.png (1200×800), 体检 with the dock open, the 编辑 menu
open after 全部修复 (edit-menu.png) and the find/replace bar on a match (find-bar.png). With no
DISPLAY it re-runs itself under xvfb-run. A private data folder is used, so the user's
drafts, settings and window position are neither read nor changed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
SIZE = (1200, 800)


def _rerun_under_xvfb() -> int:
    if not shutil.which("xvfb-run"):
        raise SystemExit("no DISPLAY and no xvfb-run: apt-get install xvfb xauth")
    command = ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable, *sys.argv]
    return subprocess.run(command, check=False).returncode


EXTRA = ("edit-menu.png", "find-bar.png")
"""Written after the tabs and 体检: the 编辑 menu naming a step, the find bar with its count."""
FIND_WORD = "领导"  # 7 places in the example report


def _slug(index: int, count: int) -> str:
    """ASCII file names (they are linked from README.md): basic, opening, section-N, closing."""
    if index == 0:
        return "basic"
    if index == 1:
        return "opening"
    if index == count - 1:
        return "closing"
    return f"section-{index - 1}"


def shrink(paths: list[Path]) -> None:
    """96-colour PNG8 without dithering: a third of the size, text as sharp (Pillow; else
    imagemagick's convert; else the PNGs stay as Qt wrote them)."""
    try:
        from PIL import Image
    except ImportError:
        Image = None
    convert = shutil.which("convert")
    for path in paths:
        if Image is not None:
            with Image.open(path) as image:
                small = image.convert("RGB").quantize(96, dither=Image.Dither.NONE)
            small.save(path, optimize=True)
        elif convert is not None:
            subprocess.run(
                [convert, str(path), "-dither", "None", "-colors", "96", f"PNG8:{path}"],
                check=True,
            )


def private_session() -> Path | None:
    """The xcb platform (as on a desktop) and a private data folder, returned, so the user's
    drafts, settings and window position are neither read nor changed. None with no DISPLAY:
    the caller re-runs itself under xvfb-run."""
    if not os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return None
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    data = Path(tempfile.mkdtemp(prefix="nianbao-shots-"))
    os.environ["NIANBAO_DATA_DIR"] = str(data)
    return data


def save_png(
    image: Any, name: str, written: list[Path], size: tuple[int, int] | None = SIZE
) -> None:
    """A grabbed QImage as OUT/name, scaled to ``size`` (a HiDPI screen: stored 1200×800
    all the same; None: kept at its own size)."""
    if size is not None and (image.width(), image.height()) != size:
        from PySide6.QtCore import Qt

        image = image.scaled(
            *size,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    path = OUT / name
    image.save(str(path), "PNG")
    written.append(path)


def finish(window: Any, written: list[Path]) -> int:
    """The draft's changes dropped (nothing is saved), the window closed, the PNGs shrunk and
    listed with their sizes."""
    from PySide6.QtWidgets import QApplication

    if window.document is not None:
        window.document.discard_changes()
    window.close()
    QApplication.processEvents()
    shrink(written)
    for path in written:
        print(path.relative_to(REPO), path.stat().st_size)
    return 0


def main() -> int:
    if private_session() is None:
        return _rerun_under_xvfb()

    from PySide6.QtTest import QTest

    from nianbao_gui.app.main import create_application
    from nianbao_gui.app.main_window import MainWindow

    app = create_application([sys.argv[0]])
    window = MainWindow()
    window.files.open_example()
    window.resize(*SIZE)
    window.move(40, 40)
    window.show()
    for _ in range(5):
        app.processEvents()

    OUT.mkdir(parents=True, exist_ok=True)
    # only this script's own: start-*.png are screenshots_start.py's
    for old in [*OUT.glob("[0-9][0-9]-*.png"), *(OUT / name for name in EXTRA)]:
        old.unlink(missing_ok=True)
    tabs = window.editor.tab_widget()
    written: list[Path] = []

    def grab(name: str, *, screen: bool = False) -> None:
        # settle: a narrowed editor hides its scroll bar only some event-loop turns after
        # the resize (five turns were not always enough with the 体检 dock just opened)
        QTest.qWait(200)
        if screen:  # an open menu is a window of its own: take the screen where the window is
            frame = window.geometry()
            image = (
                window.screen()
                .grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
                .toImage()
            )
        else:
            image = window.grab().toImage()
        save_png(image, name, written)

    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        grab(f"{index + 1:02d}-{_slug(index, tabs.count())}.png")

    # the 体检 dock beside the first section, with the seed's real flaws listed
    # its first group of identical findings opened, and its first row clicked
    tabs.setCurrentIndex(min(2, tabs.count() - 1))
    window.checks.run()
    panel = window.check_panel
    groups = [
        panel.tree.topLevelItem(0).child(i) for i in range(panel.tree.topLevelItem(0).childCount())
    ]
    group = next((g for g in groups if g.childCount() == 0 and g.data(0, 256) is None), None)
    if group is not None:
        group.setExpanded(True)
        panel.tree.scrollToItem(group)
        panel.tree.setCurrentItem(group.child(0))
        panel.tree.itemClicked.emit(group.child(0), 0)
    grab(f"{tabs.count() + 1:02d}-check.png")

    # 全部修复, then the 编辑 menu open: "撤销 全部修复（N 处）"
    panel.fix_all()
    menu = window.ui.menuEdit
    bar = window.menuBar()
    menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft()))
    grab("edit-menu.png", screen=True)
    menu.hide()

    # the find and replace bar (Ctrl+H) on its second match: "第 2 / 7 处"
    window.ui.checkDock.hide()
    tabs.setCurrentIndex(1)
    window.edits.find(replace=True)
    find_bar = window.edits.find_bar
    find_bar.find_edit.setText(FIND_WORD)
    find_bar.find_next()
    find_bar.find_next()
    grab("find-bar.png")

    return finish(window, written)


if __name__ == "__main__":
    sys.exit(main())
