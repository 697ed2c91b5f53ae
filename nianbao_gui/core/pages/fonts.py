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
import struct
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..typeset import FontSet
from . import sfnt
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
    FontKey.FANG: ("simfang.ttf", "simsun.ttc", "simkai.ttf", "simhei.ttf"),
    FontKey.KAI: ("simkai.ttf", "simfang.ttf", "simsun.ttc", "simhei.ttf"),
    FontKey.HEI: ("simhei.ttf", "msyh.ttc", "simsun.ttc", "simfang.ttf"),
    FontKey.SONG: ("simsun.ttc", "simfang.ttf", "simhei.ttf"),
    FontKey.TITLE: ("simhei.ttf", "simsun.ttc", "simfang.ttf"),
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
    """False when the font's OS/2 fsType forbids embedding or subsetting. Read from the
    file's tables directly (``sfnt``): importing fontTools for two bytes would cost a first
    export 0.1 s."""
    try:
        fs_type = _fs_type(Path(path), index)
    except (OSError, struct.error, ValueError):  # an unreadable file is as good as absent
        return False
    return not sfnt.embedding_forbidden(fs_type)


def _fs_type(path: Path, index: int) -> int:
    """OS/2 fsType of face ``index`` (0 when the font has no OS/2 table)."""
    with sfnt.open_face(path, index) as face:
        return sfnt.fs_type(face)


def _windows_dirs() -> list[Path]:
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:  # fonts installed for one user only (Windows 10 1809 and later)
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


# The names Windows registers the fonts under (English on every language of Windows)
_WINDOWS_ALIASES: dict[str, tuple[str, ...]] = {
    "仿宋_GB2312": ("仿宋_GB2312", "FangSong_GB2312"),
    "仿宋": ("仿宋", "FangSong"),
    "楷体_GB2312": ("楷体_GB2312", "KaiTi_GB2312"),
    "楷体": ("楷体", "KaiTi"),
    "黑体": ("黑体", "SimHei"),
    "宋体": ("宋体", "SimSun"),
    "方正小标宋简体": (
        "方正小标宋简体",
        "FZXiaoBiaoSong-B05S",
        "方正小标宋_GBK",
        "FZXiaoBiaoSong-B05",
    ),
}


def _registry_fonts() -> dict[str, tuple[str, int]]:
    """Windows' list of installed fonts: face name → (file, face index in a .ttc)."""
    found: dict[str, tuple[str, int]] = {}
    if sys.platform != "win32":
        return found
    import winreg

    key_path = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
    for root in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            with winreg.OpenKey(root, key_path) as key:
                for number in range(winreg.QueryInfoKey(key)[1]):
                    name, value, _ = winreg.EnumValue(key, number)
                    faces = str(name).split(" (")[0].split(" & ")
                    for index, face in enumerate(faces):
                        found.setdefault(face.strip(), (str(value), index))
        except OSError:
            continue
    return found


def _windows_candidates(key: FontKey, name: str) -> list[tuple[FontFile, bool]]:
    """(file, is the font asked for) in the order to try: the font, then stand-ins."""
    registry = _registry_fonts()
    wanted: list[tuple[str, int]] = [
        registry[alias] for alias in _WINDOWS_ALIASES.get(name, (name,)) if alias in registry
    ]
    wanted += [(file, 0) for file in _WINDOWS_FILES.get(name, (name + ".ttf",))]
    found: list[tuple[FontFile, bool]] = []
    for exact, names in ((True, wanted), (False, [(f, 0) for f in _WINDOWS_FALLBACK[key]])):
        for file, index in names:
            path = Path(file)
            for folder in [] if path.is_absolute() else _windows_dirs():
                if (folder / file).is_file():
                    path = folder / file
                    break
            if path.is_file():
                found.append((FontFile(path, index, name if exact else path.stem), exact))
    return found


_FC_FORMAT = "%{file}\n%{index}\n%{family}\n"


@lru_cache(maxsize=64)
def _fc_match(pattern: str, config: str | None) -> FontFile | None:
    from .fcmatch import fc_format

    answer = fc_format(pattern, _FC_FORMAT, config)  # in-process: no 20 ms fc-match run
    if answer is not None:
        return _fc_parse(answer)
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    env = dict(os.environ)
    if config:
        env["FONTCONFIG_FILE"] = config
    try:
        done = subprocess.run(
            [exe, "-f", _FC_FORMAT, pattern],
            capture_output=True,
            text=True,
            timeout=20,
            env=env,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return _fc_parse(done.stdout) if done.returncode == 0 else None


def _fc_parse(answer: str) -> FontFile | None:
    parts = answer.split("\n")
    if len(parts) < 3 or not parts[0]:
        return None
    return FontFile(Path(parts[0]), int(parts[1] or 0), parts[2])


def _fontconfig_candidates(
    key: FontKey, name: str, config: str | None
) -> list[tuple[FontFile, bool]]:
    """The font by its name, or the font the user's fontconfig aliases that name to, then a
    look-alike; fontconfig's default font (its answer to a name it does not know) last."""
    pattern = name + (":weight=bold" if key is FontKey.TITLE else "")
    asked = _fc_match(pattern, config)
    fallback = _fc_match(_FC_FALLBACK[key], config)
    default = _fc_match(_UNKNOWN + (":weight=bold" if key is FontKey.TITLE else ""), config)
    found: list[tuple[FontFile, bool]] = []
    if asked is not None and (asked.is_named(name) or asked != default):
        found.append((asked, asked.is_named(name)))
    if fallback is not None:
        found.append((fallback, False))
    if asked is not None and asked == default and not asked.is_named(name):
        found.append((asked, False))
    return found


_UNKNOWN = "nianbao-no-such-font"  # what fontconfig gives for a name it does not know


def _is_cjk(file: FontFile) -> bool:
    from .metrics import _font_widths

    try:
        widths = _font_widths(str(file.path), file.index)
    except Exception:
        return False
    return ord("国") in widths and ord("，") in widths


def find_font(key: FontKey, name: str, *, fontconfig_file: str | None = None) -> FontChoice:
    """The file for ``name``, or a stand-in with a note that names both, or None with a
    note. A font whose licence forbids embedding (fsType) is passed over."""
    if sys.platform == "win32":
        candidates = _windows_candidates(key, name)
    else:
        candidates = _fontconfig_candidates(key, name, fontconfig_file)
    refused = ""
    for file, exact in candidates:
        if not _is_cjk(file):
            continue
        if not embeddable(file.path, file.index):
            refused = refused or file.name
            continue
        if exact:
            return FontChoice(key, name, file)
        if refused:
            note = f"字体“{refused}”不允许嵌入 PDF，改用“{file.name}”。"
        else:
            note = f"没有找到字体“{name}”，改用“{file.name}”。"
        return FontChoice(key, name, file, note)
    note = f"没有找到可以嵌入的中文字体“{name}”，也没有可替代的字体。"
    return FontChoice(key, name, None, note)


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
