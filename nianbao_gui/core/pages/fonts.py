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
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ..typeset import FontSet
from . import fontnames
from .fcfonts import fontconfig_candidates
from .fontfile import FontFile, embeddable, judge
from .metrics import FileMetrics, FontKey
from .winfonts import windows_candidates

__all__ = ["FontChoice", "FontFile", "embeddable", "find_font", "font_files", "layout_metrics"]


@dataclass(frozen=True)
class FontChoice:
    key: FontKey
    wanted: str  # the name the .docx writes
    file: FontFile | None
    note: str = ""  # Chinese: what was missing and what stands in


# what each font draws, for the notes
_USES = {
    FontKey.FANG: "正文",
    FontKey.KAI: "二级标题",
    FontKey.HEI: "一级标题",
    FontKey.SONG: "页码",
    FontKey.TITLE: "标题",
}


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
        candidates = windows_candidates(key, name)
    else:  # the environment's configuration named: fc-match answers are cached by it
        config = fontconfig_file or os.environ.get("FONTCONFIG_FILE") or None
        candidates = fontconfig_candidates(key, name, config)
    problem: _Problem | None = None
    for file, exact in candidates:
        verdict = judge(file)
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
