"""Elsewhere than Windows: fontconfig's answers (``fcmatch`` in this process, else the
``fc-match`` program), which also apply the user's aliases."""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from .fontfile import FontFile
from .metrics import FontKey
from .winfonts import WINDOWS_ALIASES

# fontconfig: when the name itself is unknown, ask for a family that looks alike
_FC_FALLBACK: dict[FontKey, str] = {
    FontKey.FANG: "serif:lang=zh-cn",
    FontKey.KAI: "serif:lang=zh-cn",
    FontKey.HEI: "sans-serif:lang=zh-cn",
    FontKey.SONG: "serif:lang=zh-cn",
    FontKey.TITLE: "serif:lang=zh-cn:weight=bold",
}

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


def fontconfig_candidates(
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
    for alias in WINDOWS_ALIASES.get(name, (name,)):
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
