"""The family names font files give themselves (their ``name`` table), read once and cached.

Windows registers a font under the name its installer chose, and the file name is the
vendor's (方正小标宋 as ``FZXBSJW.TTF``, ``fzxbs.ttf``, ``方正小标宋简体.TTF``…): when neither
matches the names the document writes, the fonts are found by what they say they are.
Reading the name tables of a fonts folder (hundreds of files) takes a second; the names
read are kept in the cache folder, keyed by path, size and modification time, so that a
later search reads only files that are new or changed.
"""

from __future__ import annotations

import json
import logging
import os
import struct
from collections.abc import Iterable
from pathlib import Path

from ..atomic import atomic_write_bytes
from ..paths import cache_dir
from . import sfnt

_FORMAT = 1
_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")
_MAX_FACES = 64  # a .ttc that says it has more faces is damaged

# path → (size, mtime_ns, family names of each face); loaded from disk once per process
_known: dict[str, tuple[int, int, list[list[str]]]] | None = None


def _cache_file() -> Path:
    return cache_dir() / "font-names.json"


def _load() -> dict[str, tuple[int, int, list[list[str]]]]:
    global _known
    if _known is None:
        _known = {}
        try:
            data = json.loads(_cache_file().read_text(encoding="utf-8"))
            if data.get("format") == _FORMAT:
                for path, (size, mtime, faces) in data["fonts"].items():
                    _known[str(path)] = (
                        int(size),
                        int(mtime),
                        [[str(n) for n in face] for face in faces],
                    )
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            _known = {}  # absent or damaged: read the fonts again
    return _known


def _save(known: dict[str, tuple[int, int, list[list[str]]]]) -> None:
    data = {"format": _FORMAT, "fonts": known}
    try:
        cache_dir().mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(_cache_file(), json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except Exception:  # a cache that cannot be written only costs time
        logging.getLogger(__name__).debug("font name cache not written", exc_info=True)


def _read_faces(path: Path) -> list[list[str]]:
    """The family names of every face of the file ([] for a file that is not a font)."""
    faces: list[list[str]] = []
    for index in range(_MAX_FACES):
        try:
            with sfnt.open_face(path, index) as face:
                faces.append(sfnt.family_names(face))
        except (OSError, ValueError, struct.error):
            break  # past the last face, or not a font
    return faces


def faces_named(paths: Iterable[Path], names: Iterable[str]) -> list[tuple[Path, int]]:
    """The faces among the font files ``paths`` whose family is one of ``names`` (any
    language, letter case aside), in the order of ``paths``."""
    wanted = {name.casefold() for name in names}
    known = _load()
    changed = False
    found: list[tuple[Path, int]] = []
    for path in paths:
        if path.suffix.lower() not in _SUFFIXES:
            continue
        try:
            stat = os.stat(path)
        except (OSError, ValueError):
            continue
        key = str(path)
        held = known.get(key)
        if held is None or held[:2] != (stat.st_size, stat.st_mtime_ns):
            held = known[key] = (stat.st_size, stat.st_mtime_ns, _read_faces(path))
            changed = True
        for index, families in enumerate(held[2]):
            if wanted & {family.casefold() for family in families}:
                found.append((path, index))
    if changed:
        _save(known)
    return found


def display_name(path: Path, index: int) -> str:
    """The name to show for a font file: its Chinese family name, else its English one,
    else the file's name."""
    try:
        with sfnt.open_face(path, index) as face:
            names = sfnt.family_names(face)
    except (OSError, ValueError, struct.error):
        names = []
    return names[0] if names else path.stem


def forget() -> None:
    """Read the cache from disk again at the next search (tests)."""
    global _known
    _known = None
