"""Windows: the fonts folders and the registry's list of installed fonts.

A font is found by the name it is registered under, by the file names Windows and the
vendors give it, and when neither matches, by the family names in the files' own name
tables (``fontnames``); the stand-ins are files every Windows has.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from . import fontnames
from .fontfile import FontFile
from .metrics import FontKey

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


def _windows_dirs() -> list[Path]:
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:  # fonts installed for one user only (Windows 10 1809 and later)
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


# The names Windows registers the fonts under (English on every language of Windows)
WINDOWS_ALIASES: dict[str, tuple[str, ...]] = {
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


def _windows_path(file: str) -> Path:
    """A registry value or file name as a path: relative ones are in a fonts folder."""
    path = Path(file)
    for folder in [] if path.is_absolute() else _windows_dirs():
        if os.path.lexists(folder / file):
            return folder / file
    return path


# (aliases, folders and their times, registry) → (faces found, their sizes and times)
_named: dict[tuple[object, ...], tuple[list[tuple[Path, int]], list[tuple[int, int]]]] = {}


def _by_name_tables(
    registry: dict[str, tuple[str, int]], aliases: tuple[str, ...]
) -> list[tuple[Path, int]]:
    """The registered and installed font faces whose name tables give one of ``aliases``.
    Remembered in this process until a fonts folder or the registry changes: every 体检
    searches the fonts, and a stat of each of a thousand files costs Windows 50–100 ms."""
    folders = []
    for folder in _windows_dirs():
        try:
            folders.append((folder, folder.stat().st_mtime_ns))
        except OSError:
            continue
    key = (aliases, tuple(folders), tuple(sorted(registry.items())))
    held = _named.get(key)
    if held is None or held[1] != _versions(held[0]):  # a font found then changed since
        files = [_windows_path(file) for file, _index in registry.values()]
        for folder, _time in folders:
            try:
                files += sorted(folder.iterdir())
            except OSError:
                continue
        if len(_named) > 16:
            _named.clear()
        found = fontnames.faces_named(dict.fromkeys(files), aliases)
        held = _named[key] = (found, _versions(found))
    return held[0]


def _versions(faces: list[tuple[Path, int]]) -> list[tuple[int, int]]:
    versions = []
    for path, _index in faces:
        try:
            found = path.stat()
        except OSError:
            found = None
        versions.append((found.st_size, found.st_mtime_ns) if found else (-1, -1))
    return versions


def windows_candidates(key: FontKey, name: str) -> list[tuple[FontFile, bool]]:
    """(file, is the font asked for) in the order to try: the font by its registered or
    file name, else by the family names the files give themselves (their name tables),
    then stand-ins."""
    registry = _registry_fonts()
    aliases = WINDOWS_ALIASES.get(name, (name,))
    wanted = [
        (_windows_path(registry[alias][0]), registry[alias][1])
        for alias in aliases
        if alias in registry
    ]
    wanted += [(_windows_path(file), 0) for file in _WINDOWS_FILES.get(name, (name + ".ttf",))]
    wanted = [(path, index) for path, index in wanted if os.path.lexists(path)]
    if not wanted:  # registered under another name, or a file name not in the list
        wanted = _by_name_tables(registry, aliases)
    found = [(FontFile(path, index, name), True) for path, index in wanted]
    for file in _WINDOWS_FALLBACK[key]:
        path = _windows_path(file)
        if os.path.lexists(path):
            found.append((FontFile(path, 0, path.stem), False))
    return found
