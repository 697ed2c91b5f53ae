"""One font file: which face of it, the names it goes by, and whether the PDF may use it.

A file is judged once per version (path, size, modification time): there, readable by the
layout and the subsetter, with Chinese characters, its outlines complete, and its OS/2
``fsType`` allowing embedding.
"""

from __future__ import annotations

import os
import stat
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from . import sfnt


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


class Verdict(NamedTuple):
    usable: bool
    problem: str = ""  # "missing", "damaged", "refused", "" (usable, or not a Chinese font)
    why: str = ""  # Chinese: what is wrong with the file


_verdicts: dict[tuple[object, ...], Verdict] = {}


def judge(file: FontFile) -> Verdict:
    """Whether ``file`` can be used: there, a regular file, readable by the layout (its
    cmap, hmtx…) and by the PDF subsetter, with Chinese characters, and embeddable.
    Judged once per file version (path, size, modification time)."""
    try:
        found = os.stat(file.path)
    except FileNotFoundError:
        return Verdict(False, "missing")
    except (OSError, ValueError):
        return Verdict(False, "damaged", "无法读取")
    key = (str(file.path), file.index, found.st_mode, found.st_size, found.st_mtime_ns)
    if key not in _verdicts:
        while len(_verdicts) > 256:
            _verdicts.pop(next(iter(_verdicts)))
        _verdicts[key] = _judge_file(file, found)
    return _verdicts[key]


def _judge_file(file: FontFile, found: os.stat_result) -> Verdict:
    if stat.S_ISDIR(found.st_mode):
        return Verdict(False, "damaged", "那里是一个文件夹")
    if not stat.S_ISREG(found.st_mode):
        return Verdict(False, "damaged", "那里不是普通文件")
    if found.st_size == 0:
        return Verdict(False, "damaged", "文件是空的")
    from .metrics import Widths, _read_font_with_fonttools

    try:
        with sfnt.open_face(file.path, file.index) as face:
            try:
                widths: Mapping[int, float] = Widths(face)
            except sfnt.UnknownCmap:
                widths = _read_font_with_fonttools(str(file.path), file.index)
            cjk = ord("国") in widths and ord("，") in widths
            if not cjk:
                return Verdict(False)
            _outlines(face)
            if sfnt.embedding_forbidden(sfnt.fs_type(face)):
                return Verdict(False, "refused")
    except PermissionError:
        return Verdict(False, "damaged", "没有读取权限")
    except Exception:  # sfnt, struct or fontTools on bytes that are not a usable font
        return Verdict(False, "damaged")
    return Verdict(True)


def _outlines(face: sfnt.Face) -> None:
    """ValueError unless the face has outlines the PDF can embed, their index complete."""
    if b"glyf" in face and b"loca" in face:
        long_loca = struct.unpack_from(">h", face.table(b"head"), 50)[0]
        need = (sfnt.glyph_count(face) + 1) * (4 if long_loca else 2)
        if face.places[b"loca"][1] < need:
            raise ValueError("loca shorter than maxp says")
    elif b"CFF " not in face:
        raise ValueError("outlines neither TrueType nor CFF")
