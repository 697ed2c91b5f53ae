"""fontconfig's best match for a pattern, in this process (ctypes), as ``fc-match -f`` says.

Running ``fc-match`` costs 15–20 ms a pattern (it loads fontconfig's configuration each
time) and a PDF export asks up to ten patterns; the library, loaded once, answers each in
well under a millisecond. Same steps as fc-match: parse, config and default substitution,
match, format. None when the library is not there (then the caller runs fc-match).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from functools import lru_cache

_lock = threading.Lock()  # one fontconfig call at a time: configs are not shared safely


@lru_cache(maxsize=1)
def _library() -> ctypes.CDLL | None:
    try:  # by its usual name first: find_library runs ldconfig or a compiler (5–50 ms)
        lib = ctypes.CDLL("libfontconfig.so.1")
    except OSError:
        name = ctypes.util.find_library("fontconfig")
        if name is None:
            return None
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            return None
    try:
        vp, cp = ctypes.c_void_p, ctypes.c_char_p
        lib.FcInitLoadConfigAndFonts.restype = vp
        lib.FcConfigCreate.restype = vp
        lib.FcConfigParseAndLoad.argtypes = [vp, cp, ctypes.c_int]
        lib.FcConfigParseAndLoad.restype = ctypes.c_int
        lib.FcConfigBuildFonts.argtypes = [vp]
        lib.FcConfigBuildFonts.restype = ctypes.c_int
        lib.FcNameParse.argtypes = [cp]
        lib.FcNameParse.restype = vp
        lib.FcConfigSubstitute.argtypes = [vp, vp, ctypes.c_int]
        lib.FcConfigSubstitute.restype = ctypes.c_int
        lib.FcDefaultSubstitute.argtypes = [vp]
        lib.FcFontMatch.argtypes = [vp, vp, ctypes.POINTER(ctypes.c_int)]
        lib.FcFontMatch.restype = vp
        lib.FcPatternFormat.argtypes = [vp, cp]
        lib.FcPatternFormat.restype = vp  # a string fontconfig allocated: freed below
        lib.FcStrFree.argtypes = [vp]
        lib.FcPatternDestroy.argtypes = [vp]
    except (OSError, AttributeError):
        return None
    return lib


@lru_cache(maxsize=8)
def _config(file: str | None) -> int | None:
    """fontconfig's configuration: the user's (FONTCONFIG_FILE and all), or ``file``'s."""
    lib = _library()
    if lib is None:
        return None
    if file is None:
        config = lib.FcInitLoadConfigAndFonts()
    else:
        config = lib.FcConfigCreate()
        if config and not (
            lib.FcConfigParseAndLoad(config, file.encode(), 1) and lib.FcConfigBuildFonts(config)
        ):
            return None  # kept: a config object is small, and fontconfig may still hold it
    return int(config) if config else None


_MATCH_PATTERN = 0  # FcMatchPattern


def fc_format(pattern: str, form: str, config_file: str | None) -> str | None:
    """``fc-match -f form pattern`` (with FONTCONFIG_FILE=config_file), or None when the
    library cannot answer."""
    with _lock:
        lib = _library()
        config = _config(config_file or os.environ.get("FONTCONFIG_FILE") or None)
        if lib is None or config is None:
            return None
        parsed = lib.FcNameParse(pattern.encode())
        if not parsed:
            return None
        try:
            if not lib.FcConfigSubstitute(config, parsed, _MATCH_PATTERN):
                return None
            lib.FcDefaultSubstitute(parsed)
            result = ctypes.c_int(0)
            found = lib.FcFontMatch(config, parsed, ctypes.byref(result))
            if not found:
                return None
            try:
                text = lib.FcPatternFormat(found, form.encode())
                if not text:
                    return None
                try:
                    return ctypes.string_at(text).decode("utf-8", "replace")
                finally:
                    lib.FcStrFree(text)
            finally:
                lib.FcPatternDestroy(found)
        finally:
            lib.FcPatternDestroy(parsed)
