"""Reading a .txt report: bytes to text, whatever Windows program wrote it.

Order matters. A byte-order mark is certain. Then strict UTF-8: GBK text almost never
decodes as valid UTF-8, while the reverse is not true — GB18030 decodes most byte strings,
including UTF-8 Chinese, into plausible-looking nonsense. So UTF-8 first, GB18030 second
(a superset of GBK and GB2312, what Notepad on Chinese Windows calls "ANSI"), and only then
charset-normalizer, whose guesses on short Chinese texts are unreliable. Each strict result
must also look like text (no NUL or other control characters), or the next step is tried.

Two things a strict order gets wrong are caught on the way. A UTF-8 file with a stray byte,
or cut in the middle of its last character, is still UTF-8: it is read so, the bad bytes
shown as U+FFFD and their places noted (refusing it, or reading it as GBK, loses the whole
file). And Big5 (traditional Chinese, Taiwan and Hong Kong) bytes are nearly all valid GBK:
read as GB18030 they become common-looking nonsense, so a file whose GB18030 reading is
mostly characters outside GB2312 while its Big5 reading is mostly common characters is
Big5 (see _big5_rather_than_gb).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from itertools import islice
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
BIG5 = "big5"
"""Traditional Chinese (Taiwan, Hong Kong): read as Big5 (Windows code page 950), noted."""

_ESCAPED = re.compile("[\udc80-\udcff]+")
_HIGH_BYTES = bytes(range(0x80, 0x100))


@dataclass(frozen=True)
class Decoded:
    """A .txt report's text, the encoding it was read with, and where bytes that are not
    UTF-8 were shown as U+FFFD: (line, character) pairs, counted from 1."""

    text: str
    encoding: str
    damaged: tuple[tuple[int, int], ...] = field(default=())


def _utf8_marking(line: bytes) -> tuple[str, list[int], int]:
    """The line as UTF-8, each run of bad bytes one U+FFFD; the 0-based places of those, and
    how many characters beyond ASCII were good. Linear: no re-decoding from each error."""
    escaped = line.decode("utf-8", "surrogateescape")  # a bad byte becomes one lone surrogate
    places: list[int] = []
    pieces: list[str] = []
    shrink = last = bad_bytes = 0
    for match in _ESCAPED.finditer(escaped):
        pieces.append(escaped[last : match.start()])
        places.append(match.start() - shrink)
        pieces.append("\ufffd")
        bad_bytes += len(match.group())
        shrink += len(match.group()) - 1
        last = match.end()
    pieces.append(escaped[last:])
    ascii_chars = len(line.translate(None, _HIGH_BYTES))
    return "".join(pieces), places, len(escaped) - ascii_chars - bad_bytes


def _utf8_with_flaws_or_gb_pieces(data: bytes) -> Decoded | None:
    """A UTF-8 file with a few bad bytes, or with GBK pieces pasted in, decoded line by line.

    A GBK line read as UTF-8 breaks at nearly every Chinese character; a UTF-8 line with a
    stray byte (or a last character cut short) breaks once among many good characters. So a
    line with more than twice as many good characters beyond ASCII as broken places is UTF-8
    with its bad bytes shown as U+FFFD; another is GB18030 if it reads so. The file as a whole
    must be mostly UTF-8, else it is GBK (or not text) and the callers go on guessing.
    """
    lines = data.splitlines(keepends=True)
    decoded: list[str] = []
    damaged: list[tuple[int, int]] = []
    utf8_lines = gb_lines = good_total = broken_total = 0
    for number, line in enumerate(lines, start=1):
        text, places, good = _utf8_marking(line)
        good_total += good
        if not places:
            decoded.append(text)
            utf8_lines += not line.isascii()
            continue
        broken_total += len(places)
        if good <= 2 * len(places):
            try:
                decoded.append(line.decode("gb18030"))
                gb_lines += 1
                continue
            except UnicodeDecodeError:
                pass  # neither: shown as UTF-8 with U+FFFD, if the file is UTF-8 at all
        decoded.append(text)
        utf8_lines += 1
        damaged.extend((number, place + 1) for place in places)
        if len(damaged) > 1000 and good_total <= 2 * len(damaged):
            return None  # not text: give up early on a large file of random bytes
    if gb_lines:
        if utf8_lines <= gb_lines:
            return None
        return Decoded("".join(decoded), MIXED_ENCODING, tuple(damaged))
    if not damaged or good_total <= broken_total:
        return None  # GBK read as UTF-8 has several broken places per good character
    return Decoded("".join(decoded), "utf-8", tuple(damaged))


def _with_a_few_flaws(data: bytes, encoding: str) -> Decoded | None:
    """A file with a byte-order mark and a few bad places (UTF-16 cut in its last
    character, a stray byte): read, each bad place a U+FFFD, when it is text otherwise."""
    text = data.decode(encoding, "replace")
    places = [
        (number, index + 1)
        for number, line in enumerate(normalise_newlines(text).split("\n"), start=1)
        for index, char in enumerate(line)
        if char == "\ufffd"
    ]
    if (len(places) > 3 and len(places) * 100 > len(text)) or not _looks_like_text(text):
        return None
    return Decoded(text, encoding, tuple(places))


def _common_gb(char: str) -> bool:
    """In GB2312's hanzi (rows 16–87) or its punctuation rows (1–3)."""
    try:
        code = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and (0xB0 <= code[0] <= 0xF7 or 0xA1 <= code[0] <= 0xA3)


def _common_big5(char: str) -> bool:
    """In Big5's symbols or its common hanzi (A140–C67E)."""
    try:
        code = char.encode("cp950")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xA140 <= int.from_bytes(code, "big") <= 0xC67E


def _sample(text: str, size: int = 5000) -> list[str]:
    """The first characters beyond ASCII: enough to judge, cheap on a 10 MB file."""
    return list(islice((char for char in text if char > "\x7f" and not char.isspace()), size))


def _big5_rather_than_gb(data: bytes, gb_text: str) -> str | None:
    """The Big5 reading, when the GB18030 one is Big5 read wrongly.

    Real GBK reports keep to GB2312 (all but a rare name); Big5 read as GBK lands outside it
    for about half its characters (every Big5 trail byte below 0x7F, and the common leads A4–A9
    fall in GB2312's kana, Greek and box-drawing rows). Big5 text keeps to Big5's common hanzi.
    """
    try:
        big5 = data.decode("cp950")
    except UnicodeDecodeError:
        return None
    if not _looks_like_text(big5):
        return None
    gb_chars = _sample(gb_text)
    big5_chars = _sample(big5)
    if len(gb_chars) < 2 or not big5_chars:
        return None
    gb_share = sum(map(_common_gb, gb_chars)) / len(gb_chars)
    big5_share = sum(map(_common_big5, big5_chars)) / len(big5_chars)
    return big5 if gb_share < 0.8 and big5_share >= 0.9 else None


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
    decoded = decode_report(data)
    return decoded.text, decoded.encoding


def decode_report(data: bytes) -> Decoded:
    """The text, its encoding, and where bad UTF-8 bytes were replaced (see Decoded)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                flawed = _with_a_few_flaws(data, encoding)
                if flawed is not None:
                    return flawed
                break  # a BOM followed by garbage: let the guesser have a go
    try:
        text = data.decode("utf-8")
        if _looks_like_text(text):
            return Decoded(text, "utf-8")
    except UnicodeDecodeError:
        flawed = _utf8_with_flaws_or_gb_pieces(data.removeprefix(codecs.BOM_UTF8))
        if flawed is not None and count_controls(flawed.text) * 10 < len(flawed.text):
            return flawed  # a few control characters pasted in are noted, as below
    candidate: Decoded | None = None
    try:
        text = data.decode("gb18030")
        if _looks_like_text(text):
            big5 = _big5_rather_than_gb(data, text)
            if big5 is not None:
                return Decoded(big5, BIG5)
            if not _private_use(text):
                return Decoded(text, "gb18030")
            candidate = Decoded(text, "gb18030")  # GBK user-defined characters, or not GB
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _looks_like_text(text) and (candidate is None or not _private_use(text)):
            name = str(best.encoding)
            return Decoded(text, BIG5 if name in ("big5", "cp950", "big5hkscs") else name)
    if candidate is not None:
        return candidate
    if _mostly_text(data):
        # UTF-8 text with a few control characters pasted in from other programs: kept
        # (nothing the user wrote is dropped); the importer notes them, 体检 removes them
        return Decoded(data.decode("utf-8-sig"), "utf-8")
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


def read_text_file_decoded(path: Path | str) -> Decoded:
    """The text of a .txt report with LF line ends, its encoding and damaged places."""
    path = Path(path)
    data = _read_limited(path)
    try:
        decoded = decode_report(data)
    except ReportImportError as error:
        error.path = path
        raise
    return Decoded(normalise_newlines(decoded.text), decoded.encoding, decoded.damaged)


def read_text_file(path: Path | str) -> str:
    """The text of a .txt report with LF line ends; raises ReportImportError in Chinese."""
    return read_text_file_decoded(path).text


_SHOWN_PLACES = 10
_EXPECTED = {"utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-32", "ascii", MIXED_ENCODING, BIG5}
"""What Chinese Windows programs write; any other guess is said to be a guess."""


def encoding_notes(decoded: Decoded) -> list[str]:
    """What the secretary should know about how the file was read (Chinese sentences)."""
    notes: list[str] = []
    if decoded.encoding == MIXED_ENCODING:
        notes.append(
            "这个文件混有两种编码（UTF-8 和 GBK），多半是从不同来源拼接的；"
            "已分段识别，请核对导入后的文字有无乱码。"
        )
    if decoded.encoding == BIG5:
        notes.append(
            "这个文件是繁体中文 Big5 编码（台湾、香港常用），已按 Big5 读取，文字仍是繁体字；"
            "如需简体，请在 WPS 或 Word 中用“繁转简”转换后再导入，或导入后逐处改正。"
        )
    if decoded.encoding.lower().replace("_", "-") not in _EXPECTED:
        notes.append(
            f"这个文件的编码不常见，程序猜测是 {decoded.encoding}，导入的文字可能是乱码，请核对；"
            "如有乱码，请用记事本打开原文件，另存为“UTF-8”编码后再导入。"
        )
    if decoded.damaged:
        shown = decoded.damaged[:_SHOWN_PLACES]
        places = "、".join(f"第{line}行第{char}字" for line, char in shown)
        more = f"等 {len(decoded.damaged)} 处" if len(decoded.damaged) > _SHOWN_PLACES else ""
        last_line = decoded.text.count("\n") + 1
        cut = decoded.text.endswith("\ufffd") and decoded.damaged[-1][0] == last_line
        why = "文件末尾的最后一个字不完整，文件可能没有保存完或被截断" if cut else "文件可能有损坏"
        unicode = next(
            (name for name in ("UTF-16", "UTF-32") if name.lower() in decoded.encoding), "UTF-8"
        )
        notes.append(
            f"文件中有 {len(decoded.damaged)} 处字节不是有效的 {unicode} 文字（{why}），"
            f"已显示为“\ufffd”，在原文件的{places}{more}。请对照原稿改成正确的字。"
        )
    return notes
