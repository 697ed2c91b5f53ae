"""Real font files for the PDF and the preview, found by the names the .docx writes.

- Windows: the fonts folder (simfang.ttf, simkai.ttf, simhei.ttf, simsun.ttc; 方正小标宋
  when installed), by the names Word knows them under.
- Elsewhere: fontconfig (``fc-match``), which also applies the user's aliases.

A font that is missing is replaced by another one that has Chinese characters, and the
result says which (``FontChoice.note``); a font whose OS/2 ``fsType`` forbids embedding is
skipped, so the PDF never carries a font its licence keeps out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..export.options import FontSet
from .metrics import FileMetrics, FontKey

# Windows file names by the names the document writes (GB/T 9704's and Windows' own)
_WINDOWS_FILES: dict[str, tuple[str, ...]] = {
    "仿宋_GB2312": ("simfang.ttf", "FS_GB2312.ttf", "仿宋_GB2312.ttf"),
    "仿宋": ("simfang.ttf",),
    "楷体_GB2312": ("simkai.ttf", "KT_GB2312.ttf", "楷体_GB2312.ttf"),
    "楷体": ("simkai.ttf",),
    "黑体": ("simhei.ttf",),
    "宋体": ("simsun.ttc",),
    "方正小标宋简体": ("FZXBSJW.TTF", "方正小标宋简体.ttf", "FZXBSK.TTF"),
}
# what stands in when a font is missing on Windows (each file ships with Windows)
_WINDOWS_FALLBACK: dict[FontKey, tuple[str, ...]] = {
    FontKey.FANG: ("simfang.ttf", "simsun.ttc"),
    FontKey.KAI: ("simkai.ttf", "simsun.ttc"),
    FontKey.HEI: ("simhei.ttf", "msyh.ttc", "simsun.ttc"),
    FontKey.SONG: ("simsun.ttc",),
    FontKey.TITLE: ("simhei.ttf", "simsun.ttc"),
}
# fontconfig: when the name itself is unknown, ask for a family that looks alike
_FC_FALLBACK: dict[FontKey, str] = {
    FontKey.FANG: "serif:lang=zh-cn",
    FontKey.KAI: "serif:lang=zh-cn",
    FontKey.HEI: "sans-serif:lang=zh-cn",
    FontKey.SONG: "serif:lang=zh-cn",
    FontKey.TITLE: "serif:lang=zh-cn:weight=bold",
}


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int  # the face in a .ttc collection
    family: str  # as the file names itself (fontconfig: all its names, comma-separated)

    @property
    def name(self) -> str:
        return self.family.split(",")[0]

    def is_named(self, name: str) -> bool:
        return name in self.family.split(",")


@dataclass(frozen=True)
class FontChoice:
    key: FontKey
    wanted: str  # the name the .docx writes
    file: FontFile | None
    note: str = ""  # Chinese: what was missing and what stands in


def embeddable(path: Path, index: int = 0) -> bool:
    """False when the font's OS/2 fsType is 2 (Restricted License embedding)."""
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(str(path), fontNumber=index, lazy=True)
    except Exception:  # an unreadable file is as good as absent
        return False
    try:
        os2 = font.get("OS/2")
        fs_type = int(getattr(os2, "fsType", 0))
    finally:
        font.close()
    # bits 0–3: 0 installable, 2 restricted (no embedding), 4 preview & print, 8 editable;
    # bit 8 (0x100) forbids subsetting, which a PDF of a few characters relies on
    return fs_type & 0x000F != 0x0002 and not fs_type & 0x0100


def _windows_dirs() -> list[Path]:
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:  # fonts installed for one user only (Windows 10 1809 and later)
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _windows_file(names: tuple[str, ...]) -> FontFile | None:
    for folder in _windows_dirs():
        for name in names:
            path = folder / name
            if path.is_file():
                return FontFile(path, 0, path.stem)
    return None


@lru_cache(maxsize=64)
def _fc_match(pattern: str, config: str | None) -> FontFile | None:
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    env = dict(os.environ)
    if config:
        env["FONTCONFIG_FILE"] = config
    try:
        done = subprocess.run(
            [exe, "-f", "%{file}\n%{index}\n%{family}\n", pattern],
            capture_output=True,
            text=True,
            timeout=20,
            env=env,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    parts = done.stdout.split("\n")
    if done.returncode != 0 or len(parts) < 3 or not parts[0]:
        return None
    return FontFile(Path(parts[0]), int(parts[1] or 0), parts[2])


def _is_cjk(file: FontFile) -> bool:
    from .metrics import _font_widths

    try:
        widths, _ = _font_widths(str(file.path), file.index)
    except Exception:
        return False
    return ord("国") in widths and ord("，") in widths


def find_font(key: FontKey, name: str, *, fontconfig_file: str | None = None) -> FontChoice:
    """The file for ``name`` (or a stand-in, with a note), or None with a note."""
    found: FontFile | None = None
    if sys.platform == "win32":
        found = _windows_file(_WINDOWS_FILES.get(name, (name + ".ttf",)))
        exact = found is not None
        if found is None:
            found = _windows_file(_WINDOWS_FALLBACK[key])
    else:
        pattern = name + (":weight=bold" if key is FontKey.TITLE else "")
        found = _fc_match(pattern, fontconfig_file)
        exact = found is not None and found.is_named(name) and _is_cjk(found)
        if found is None or not _is_cjk(found):
            found = _fc_match(_FC_FALLBACK[key], fontconfig_file)
    if found is not None and not (_is_cjk(found) and embeddable(found.path, found.index)):
        found = None
        exact = False
    if found is None:
        note = f"没有找到可以嵌入的中文字体“{name}”，也没有可替代的字体。"
        return FontChoice(key, name, None, note)
    note = "" if exact else f"没有找到字体“{name}”，改用“{found.name}”。"
    return FontChoice(key, name, found, note)


def font_files(fonts: FontSet, *, fontconfig_file: str | None = None) -> dict[FontKey, FontChoice]:
    """The five fonts of the layout, by use."""
    names = {
        FontKey.FANG: fonts.fang,
        FontKey.KAI: fonts.kai,
        FontKey.HEI: fonts.hei,
        FontKey.SONG: fonts.song,
        FontKey.TITLE: fonts.title,
    }
    return {
        key: find_font(key, name, fontconfig_file=fontconfig_file) for key, name in names.items()
    }


def layout_metrics(fonts: FontSet) -> FileMetrics:
    """The widths of the fonts the PDF and the preview use (nominal for a missing one)."""
    choices = font_files(fonts)
    return FileMetrics({k: (c.file.path, c.file.index) for k, c in choices.items() if c.file})
