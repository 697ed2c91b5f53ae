"""The window at 100 %–200 % display scaling, on the screens office PCs have.

Each screen runs in its own process: Qt's offscreen platform, given a screen of that size
and scale (its ``configfile`` option, as Windows or a Linux desktop would report them), and
a first start. The smallest is a 1920×1080 laptop at 200 %: 960×540 logical pixels.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from qt_helpers import run_python

_PROBE = """
import json, sys
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from nianbao_gui.app.main import create_application
from nianbao_gui.app.main_window import MainWindow

app = create_application([sys.argv[0]])
window = MainWindow()
window.files.open_example()
window.show()
tabs = window.editor.tab_widget()
clipped = []
for index in range(tabs.count()):  # every tab built and laid out at this scale
    tabs.setCurrentIndex(index)
    app.processEvents()
    for label in window.findChildren(QLabel):
        fixed = label.minimumWidth() == label.maximumWidth()
        if fixed and label.isVisible() and label.text():
            if label.fontMetrics().horizontalAdvance(label.text()) > label.width():
                clipped.append(label.text())
window.checks.run()
app.processEvents()
screen = window.screen()
available = screen.availableGeometry()
frame = window.frameGeometry()
icon = app.windowIcon()
print(json.dumps({
    "ratio": screen.devicePixelRatio(),
    "logical": [available.width(), available.height()],
    "inside": available.contains(frame),
    "fits": window.minimumSizeHint().width() <= available.width()
    and window.minimumSizeHint().height() <= available.height(),
    "clipped": clipped,
    "icon_sizes": [size.width() for size in icon.availableSizes()],
}))
window.document.discard_changes()
"""


SCREENS = [  # width, height in device pixels, scale
    (1366, 768, 1.0),  # an older office PC
    (1920, 1080, 1.25),
    (1920, 1080, 1.5),  # a laptop's usual setting
    (1920, 1080, 2.0),
    (3840, 2160, 2.0),  # a 4K monitor
]


@pytest.mark.parametrize(("width", "height", "scale"), SCREENS)
def test_window_fits_and_nothing_is_cut_off_at_each_scale(
    tmp_path: Path, width: int, height: int, scale: float
) -> None:
    screen = {"name": "screen", "x": 0, "y": 0, "width": width, "height": height}
    # as Windows and X11 report a scale: in the DPI (96 is 100 %), on a screen measured in
    # device pixels (offscreen's "dpr" key would instead mean a screen measured in points)
    screen.update(logicalDpi=96 * scale, logicalBaseDpi=96, dpr=1)
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    # the scale comes from the screen alone (an outside QT_SCALE_FACTOR would multiply it)
    platform = f"offscreen:configfile={config}"
    result = run_python(tmp_path, "-c", _PROBE, QT_QPA_PLATFORM=platform, QT_SCALE_FACTOR="1")
    found = json.loads(result.stdout.strip().splitlines()[-1])
    # fractional scales are passed through, not rounded to 1 or 2 (main.create_application)
    assert found["ratio"] == pytest.approx(scale)
    assert found["logical"] == [round(width / scale), round(height / scale)]
    assert found["inside"], "the window overflows the screen"
    assert found["fits"], "the window cannot shrink to the screen"
    assert found["clipped"] == []
    # a sharp icon in the title bar and the taskbar: drawn sizes for 16 and 24 logical
    # pixels at 100 %, 150 % and 200 % (16, 24, 32, 48), not a small one blown up
    assert {16, 24, 32, 48} <= set(found["icon_sizes"])
