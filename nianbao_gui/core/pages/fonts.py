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
import stat
import struct
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..typeset import FontSet
from . import fontnames, sfnt
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
    shown: str = ""  # the name a note gives it (Chinese when the font has one)

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


def _windows_candidates(key: FontKey, name: str) -> list[tuple[FontFile, bool]]:
    """(file, is the font asked for) in the order to try: the font by its registered or
    file name, else by the family names the files give themselves (their name tables),
    then stand-ins."""
    registry = _registry_fonts()
    aliases = _WINDOWS_ALIASES.get(name, (name,))
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


_FC_FORMAT = "%{file}\n%{index}\n%{family}\n%{familylang}\n"


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
    families = parts[2].split(",")
    languages = parts[3].split(",") if len(parts) > 3 else []
    by_language = dict(zip(languages, families, strict=False))
    shown = next((by_language[lang] for lang in ("zh-cn", "zh-sg") if lang in by_language), "")
    shown = shown or next((f for f in families if any(c >= "\u4e00" for c in f)), "")
    index = int(parts[1]) if parts[1].isdigit() else 0
    return FontFile(Path(parts[0]), index, parts[2], shown)


def _fontconfig_candidates(
    key: FontKey, name: str, config: str | None
) -> list[tuple[FontFile, bool]]:
    """The font by its name or another name it is known under (fontconfig knows each file
    by the names in its name table), or the font the user's fontconfig aliases that name
    to, then a look-alike; fontconfig's default font (its answer to a name it does not
    know) last."""
    bold = ":weight=bold" if key is FontKey.TITLE else ""
    asked = _fc_match(_fc_escape(name) + bold, config)
    fallback = _fc_match(_FC_FALLBACK[key], config)
    default = _fc_match(_UNKNOWN + bold, config)
    found: list[tuple[FontFile, bool]] = []
    for alias in _WINDOWS_ALIASES.get(name, (name,)):
        other = asked if alias == name else _fc_match(_fc_escape(alias) + bold, config)
        if other is not None and other.is_named(alias):
            found.append((FontFile(other.path, other.index, other.family, other.shown), True))
            break
    if asked is not None and asked != default and not found:
        found.append((asked, False))  # the user's alias for the name
    if fallback is not None:
        found.append((fallback, False))
    if asked is not None and asked == default and not asked.is_named(name):
        found.append((asked, False))
    return found


def _fc_escape(family: str) -> str:
    """A family name inside a fontconfig pattern: "-" would start the size
    (FZXiaoBiaoSong-B05S), ":" the properties, "," the next family."""
    return "".join("\\" + c if c in "\\-:," else c for c in family)


_UNKNOWN = "nianbao-no-such-font"  # what fontconfig gives for a name it does not know

# what each font draws, for the notes
_USES = {
    FontKey.FANG: "正文",
    FontKey.KAI: "二级标题",
    FontKey.HEI: "一级标题",
    FontKey.SONG: "页码",
    FontKey.TITLE: "标题",
}


class _Verdict(NamedTuple):
    usable: bool
    problem: str = ""  # "missing", "damaged", "refused", "" (usable, or not a Chinese font)
    why: str = ""  # Chinese: what is wrong with the file


_verdicts: dict[tuple[object, ...], _Verdict] = {}


def _judge(file: FontFile) -> _Verdict:
    """Whether ``file`` can be used: there, a regular file, readable by the layout (its
    cmap, hmtx…) and by the PDF subsetter, with Chinese characters, and embeddable.
    Judged once per file version (path, size, modification time)."""
    try:
        found = os.stat(file.path)
    except FileNotFoundError:
        return _Verdict(False, "missing")
    except (OSError, ValueError):
        return _Verdict(False, "damaged", "无法读取")
    key = (str(file.path), file.index, found.st_mode, found.st_size, found.st_mtime_ns)
    if key not in _verdicts:
        while len(_verdicts) > 256:
            _verdicts.pop(next(iter(_verdicts)))
        _verdicts[key] = _judge_file(file, found)
    return _verdicts[key]


def _judge_file(file: FontFile, found: os.stat_result) -> _Verdict:
    if stat.S_ISDIR(found.st_mode):
        return _Verdict(False, "damaged", "那里是一个文件夹")
    if not stat.S_ISREG(found.st_mode):
        return _Verdict(False, "damaged", "那里不是普通文件")
    if found.st_size == 0:
        return _Verdict(False, "damaged", "文件是空的")
    from .metrics import Widths, _read_font_with_fonttools

    try:
        with sfnt.open_face(file.path, file.index) as face:
            try:
                widths: Mapping[int, float] = Widths(face)
            except sfnt.UnknownCmap:
                widths = _read_font_with_fonttools(str(file.path), file.index)
            cjk = ord("国") in widths and ord("，") in widths
            if not cjk:
                return _Verdict(False)
            _outlines(face)
            if sfnt.embedding_forbidden(sfnt.fs_type(face)):
                return _Verdict(False, "refused")
    except PermissionError:
        return _Verdict(False, "damaged", "没有读取权限")
    except Exception:  # sfnt, struct or fontTools on bytes that are not a usable font
        return _Verdict(False, "damaged")
    return _Verdict(True)


def _outlines(face: sfnt.Face) -> None:
    """ValueError unless the face has outlines the PDF can embed, their index complete."""
    if b"glyf" in face and b"loca" in face:
        long_loca = struct.unpack_from(">h", face.table(b"head"), 50)[0]
        need = (sfnt.glyph_count(face) + 1) * (4 if long_loca else 2)
        if face.places[b"loca"][1] < need:
            raise ValueError("loca shorter than maxp says")
    elif b"CFF " not in face:
        raise ValueError("outlines neither TrueType nor CFF")


class _Problem(NamedTuple):
    kind: str  # "missing", "damaged" or "refused"
    why: str
    path: Path
    who: str  # the font's name


def _note(key: FontKey, name: str, stand_in: FontFile, problem: _Problem) -> str:
    """One sentence: which font is not used and why, what stands in for it, for what."""
    use = _USES[key]
    shown = stand_in.shown or (
        stand_in.name
        if stand_in.family != stand_in.path.stem
        else fontnames.display_name(stand_in.path, stand_in.index)
    )
    kind, why, path, who = problem
    if kind == "refused":
        return f"字体“{who}”不允许嵌入 PDF，{use}用“{shown}”代替。"
    if kind == "damaged":
        detail = f"（{why}）" if why else ""
        return (
            f"字体“{name}”的文件 {path} 已损坏{detail}，{use}用“{shown}”代替。"
            "请重新安装这个字体。"
        )
    return (
        f"本机没有“{name}”，{use}用“{shown}”代替；"
        "在装有该字体的电脑上用 Word 打开 .docx 会是正确字体。"
    )


def find_font(key: FontKey, name: str, *, fontconfig_file: str | None = None) -> FontChoice:
    """The file for ``name``, or a stand-in with a note that names both, or None with a
    note. A font whose licence forbids embedding (fsType), or whose file is damaged (said
    in the note: once, by the use that asked for it by name), is passed over."""
    if sys.platform == "win32":
        candidates = _windows_candidates(key, name)
    else:  # the environment's configuration named: fc-match answers are cached by it
        config = fontconfig_file or os.environ.get("FONTCONFIG_FILE") or None
        candidates = _fontconfig_candidates(key, name, config)
    problem: _Problem | None = None
    for file, exact in candidates:
        verdict = _judge(file)
        # a damaged stand-in is passed over in silence: the use that asks for it says it
        if verdict.problem == "refused" or (exact and verdict.problem == "damaged"):
            who = name if exact else file.shown or file.name
            problem = problem or _Problem(verdict.problem, verdict.why, file.path, who)
        if not verdict.usable:
            continue
        if exact:
            return FontChoice(key, name, file)
        note = _note(key, name, file, problem or _Problem("missing", "", file.path, name))
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
    """The widths of the fonts the PDF and the preview use (nominal for a missing one),
    with the notes of the search (【版面】 shows them)."""
    choices = font_files(fonts)
    files = {k: (c.file.path, c.file.index) for k, c in choices.items() if c.file}
    notes = tuple(dict.fromkeys(c.note for c in choices.values() if c.note))
    return FileMetrics(files, notes)
