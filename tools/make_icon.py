"""Draw the program icon with QPainter: a red seal-like square with 年 in white.

Run once (needs a CJK font, e.g. fonts-noto-cjk); the PNG/ICO files it writes are committed
into resources/icons/, so the program never draws its icon at run time.

    QT_QPA_PLATFORM=offscreen /work/venv/bin/python tools/make_icon.py
"""

from __future__ import annotations

import struct
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

SIZES = (16, 24, 32, 48, 64, 128, 256)
FOLDER = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size * 0.04
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c8161d"))  # the red of official documents' headers
    painter.drawRoundedRect(box, size * 0.16, size * 0.16)
    if size >= 32:  # an inner line, as on a seal; too fine to see on small icons
        inset = size * 0.11
        pen = QPen(QColor(255, 255, 255, 200))
        pen.setWidthF(max(1.0, size * 0.025))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(
            box.adjusted(inset, inset, -inset, -inset), size * 0.08, size * 0.08
        )
    font = QFont(["Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UMing CN", "WenQuanYi Zen Hei"])
    font.setPixelSize(int(size * (0.62 if size >= 32 else 0.78)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "年")
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def write_ico(path: Path, sizes: tuple[int, ...]) -> None:
    """An .ico holding PNG images (Vista+ format): small, every size sharp."""
    images = [png_bytes(draw(size)) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    path.write_bytes(header + entries + b"".join(images))


def main() -> None:
    QGuiApplication([])
    FOLDER.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        draw(size).save(str(FOLDER / f"nianbao-{size}.png"))
    draw(256).save(str(FOLDER / "nianbao.png"))
    write_ico(FOLDER / "nianbao.ico", (16, 24, 32, 48, 64, 256))  # for the Windows .exe
    for path in sorted(FOLDER.glob("nianbao*")):
        print(path.name, path.stat().st_size)


if __name__ == "__main__":
    main()
