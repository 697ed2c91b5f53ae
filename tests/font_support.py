"""Font files for the font-search tests: real fonts renamed, damaged, or with another
licence, and a fontconfig set-up that finds them (as an installed font is found)."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")  # TrueType, CJK
ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
NOTO_SERIF = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")  # CFF; face 2: SC


def renamed(
    source: Path,
    target: Path,
    family: str,
    *,
    english: str = "",
    fs_type: int | None = None,
    chars: str | None = None,
    index: int = 0,
) -> Path:
    """Face ``index`` of ``source`` saved as ``target`` under the family ``family`` (Windows name
    records only, as the issue's reproduction; ``english`` adds an English record beside
    the Chinese one, as Windows' own fonts have). ``chars``: only these characters kept
    (a small font for the fuzz)."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables._n_a_m_e import NameRecord

    font = TTFont(str(source), fontNumber=index)
    if chars is not None:
        from fontTools import subset

        options = subset.Options()
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[ord(c) for c in chars])
        subsetter.subset(font)
    table = font["name"]
    table.names = [n for n in table.names if n.platformID == 3 and n.nameID not in (1, 4, 16)]
    for name_id in (1, 4):
        for language, text in ((0x0804, family), (0x0409, english)):
            if text:
                record = NameRecord()
                record.nameID, record.platformID, record.platEncID = name_id, 3, 1
                record.langID = language
                record.string = text
                table.names.append(record)
    if fs_type is not None:
        font["OS/2"].fsType = fs_type
    font.save(str(target))
    return target


def short_hmtx(target: Path) -> None:
    """The issue's damage (issue 18 item 9): hhea's numberOfHMetrics set to 22450 and the
    hmtx directory entry's length to 90000, so hmtx is shorter than hhea and maxp say."""
    data = bytearray(target.read_bytes())
    (count,) = struct.unpack_from(">H", data, 4)
    for at in range(12, 12 + 16 * count, 16):
        tag = bytes(data[at : at + 4])
        if tag == b"hhea":
            (offset,) = struct.unpack_from(">I", data, at + 8)
            struct.pack_into(">H", data, offset + 34, 22450)
        elif tag == b"hmtx":
            struct.pack_into(">I", data, at + 12, 90000)
    target.write_bytes(bytes(data))


def fontconfig_for(tmp_path: Path, folder: Path) -> Path:
    """A fontconfig configuration: the system's, and ``folder`` as an installed font folder
    with its cache made (``fc-cache``), as after installing a font."""
    conf = tmp_path / "fonts.conf"
    cache = tmp_path / "fc-cache"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<cachedir>{cache}</cachedir><dir>{folder}</dir>"
        "<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include></fontconfig>",
        encoding="utf-8",
    )
    exe = shutil.which("fc-cache")
    assert exe is not None
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    subprocess.run([exe, "-f", str(folder)], env=env, check=True, capture_output=True)
    return conf
