"""Reading a .txt report: bytes to text, whatever Windows program wrote it.

Order matters. A byte-order mark is certain. Then strict UTF-8: GBK text almost never
decodes as valid UTF-8, while the reverse is not true — GB18030 decodes most byte strings,
including UTF-8 Chinese, into plausible-looking nonsense. So UTF-8 first, GB18030 second
(a superset of GBK and GB2312, what Notepad on Chinese Windows calls "ANSI"), and only then
charset-normalizer, whose guesses on short Chinese texts are unreliable. Each strict result
must also look like text (no NUL or other control characters), or the next step is tried.
"""

from __future__ import annotations

import codecs
import os
import stat
import unicodedata
from pathlib import Path

from ..errors import ReportImportError
from ..fileinfo import file_in_the_way, not_a_regular_file, read_limited
from ..limits import MAX_TEXT_FILE_BYTES

MAX_TEXT_BYTES = MAX_TEXT_FILE_BYTES  # see core/limits.py

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = set("\t\n\r\f\v")


def _looks_like_text(text: str) -> bool:
    """No NUL or other C0/C1 control characters, which real reports never contain."""
    return not any(
        unicodedata.category(char) == "Cc" for char in text if char not in _ALLOWED_CONTROLS
    )


def _private_use(text: str) -> int:
    """Private-use characters: what Big5 or other non-GB bytes become when read as GB18030."""
    return sum(1 for char in text if unicodedata.category(char) == "Co")


MIXED_ENCODING = "utf-8+gb18030"
"""A UTF-8 file with some GBK pieces pasted in: the importer says so in its notes."""


def _mostly_utf8_with_gb_pieces(data: bytes) -> str | None:
    """A file stitched together from a UTF-8 and a GBK source, decoded line by line.

    Read whole as GB18030 such a file turns all its UTF-8 Chinese into nonsense that looks
    like Chinese. A GBK line is almost never valid UTF-8, so lines that fail UTF-8 are read
    as GB18030 — provided most Chinese lines are valid UTF-8 (else the file is GBK).
    """
    lines = data.splitlines(keepends=True)
    decoded: list[str] = []
    utf8_lines = gb_lines = 0
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError:
            try:
                decoded.append(line.decode("gb18030"))
            except UnicodeDecodeError:
                return None
            gb_lines += 1
    if not gb_lines or utf8_lines <= gb_lines:
        return None
    return "".join(decoded)


def _mostly_text(data: bytes) -> bool:
    """UTF-8 text but for a few control characters (a file of mostly control characters
    is not text at all)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return count_controls(text) * 10 < len(text)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read with (``utf-8``, ``gb18030``, …)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break  # a BOM followed by garbage: let the guesser have a go
    try:
        text = data.decode("utf-8")
        if _looks_like_text(text):
            return text, "utf-8"
    except UnicodeDecodeError:
        mixed = _mostly_utf8_with_gb_pieces(data)
        if mixed is not None and _looks_like_text(mixed):
            return mixed, MIXED_ENCODING
    candidate: tuple[str, str] | None = None
    try:
        text = data.decode("gb18030")
        if _looks_like_text(text):
            if not _private_use(text):
                return text, "gb18030"
            candidate = (text, "gb18030")  # GBK user-defined characters, or not GB at all
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _looks_like_text(text) and (candidate is None or not _private_use(text)):
            return text, str(best.encoding)
    if candidate is not None:
        return candidate
    if _mostly_text(data):
        # UTF-8 text with a few control characters pasted in from other programs: kept
        # (nothing the user wrote is dropped); the importer notes them, 体检 removes them
        return data.decode("utf-8-sig"), "utf-8"
    raise ReportImportError(
        "无法识别这个文本文件的编码，可能不是文字文件。",
        "请用记事本或 WPS 打开它，另存为“UTF-8”编码的 .txt 文件后再导入。",
    )


def count_controls(text: str) -> int:
    """Control characters other than tab and line breaks (which real reports never hold)."""
    return sum(1 for c in text if c not in _ALLOWED_CONTROLS and unicodedata.category(c) == "Cc")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR (old Mac, some pasted text) become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _too_large(size: int, path: Path) -> ReportImportError:
    return ReportImportError(
        f"文件太大（{size / 1024 / 1024:.1f} MB），不像是一篇报告。",
        "请确认选对了文件；报告正文一般不超过几百 KB。",
        path=path,
    )


def _read_limited(path: Path) -> bytes:
    try:
        info = path.stat()
        check_regular_file(path, info)
        if info.st_size > MAX_TEXT_BYTES:
            raise _too_large(info.st_size, path)
        data = read_limited(path, MAX_TEXT_BYTES)
        if len(data) > MAX_TEXT_BYTES:  # grew since, or a file that never ends (/proc)
            raise _too_large(len(data), path)
        return data
    except FileNotFoundError as error:
        raise ReportImportError(
            f"找不到文件：{path}", "请确认文件没有被移动或改名。", path=path
        ) from error
    except IsADirectoryError as error:
        raise ReportImportError(
            f"这是一个文件夹，不是报告文件：{path}", "请选择 .txt 或 .docx 文件。", path=path
        ) from error
    except NotADirectoryError as error:
        raise not_found_through_a_file(path) from error
    except OSError as error:
        raise ReportImportError(
            f"无法读取文件：{path}（{error.strerror or error}）",
            "请确认文件没有被其他程序占用，并且有读取权限。",
            path=path,
        ) from error


def check_regular_file(path: Path, info: os.stat_result) -> None:
    """Refuse a pipe, a device, anything not an ordinary file, before reading it (a pipe
    waits forever, ``/dev/zero`` never ends)."""
    kind = not_a_regular_file(info)
    if kind is not None and not stat.S_ISDIR(info.st_mode):  # folders: IsADirectoryError
        raise ReportImportError(
            f"{path} 是{kind}，不是报告文件，没有读取它。",
            "请选择 .txt 或 .docx 文件。",
            path=path,
        )


def not_found_through_a_file(path: Path) -> ReportImportError:
    blocking = file_in_the_way(path)
    name = f"“{blocking.name}”" if blocking is not None else "路径中的一部分"
    return ReportImportError(
        f"找不到文件：{path}（{name}是一个文件，不是文件夹）。", "请检查路径。", path=path
    )


def read_text_file_with_encoding(path: Path | str) -> tuple[str, str]:
    """The text of a .txt report with LF line ends, and the encoding it was read with."""
    path = Path(path)
    data = _read_limited(path)
    try:
        text, encoding = decode_bytes(data)
    except ReportImportError as error:
        error.path = path
        raise
    return normalise_newlines(text), encoding


def read_text_file(path: Path | str) -> str:
    """The text of a .txt report with LF line ends; raises ReportImportError in Chinese."""
    return read_text_file_with_encoding(path)[0]
