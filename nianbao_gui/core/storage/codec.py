"""Draft bytes to Report and back, with a Chinese message for every way a file can be wrong.

Writing: pretty UTF-8 JSON (``ensure_ascii=False``, two-space indent, the model's field
order, ``schema_version`` first) so that office IT can read a draft in Notepad and a diff
shows what changed. Reading: accepts a UTF-8 byte-order mark (Notepad adds one); refuses,
with what happened and what to do, everything else that is not a draft of a version this
program knows. Nothing here touches the disk.
"""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import DraftError, FileAccessError
from ..limits import MAX_DRAFT_BYTES
from ..model import Report, describe_validation_error
from .migrations import is_draft_data, migrate

_UTF8_BOM = b"\xef\xbb\xbf"
_RESTORE_HINT = "可以打开它的较早版本（如果有），或换一份草稿。"
"""Only "if any": whether there are earlier versions is said by load_draft, which looks."""


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogate(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_bytes(text: str) -> bytes:
    """UTF-8 bytes of JSON text; a lone surrogate (half of an emoji cut by another program,
    or typed into a hand-edited draft) cannot be UTF-8, so it is written as JSON's ``\\udXXX``
    escape: the draft reads back exactly as it was, and 体检 reports the character
    (``space.invalid``) so that the user can remove it. JSON text holds characters only
    inside strings, so the escape is always in a string."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub(_escape_surrogate, text).encode("utf-8")


def encode_report(report: Report, *, pretty: bool = True) -> bytes:
    """The bytes of a draft file. ``pretty=False`` is for recovery files (cheaper, smaller)."""
    data = report.model_dump(mode="json")
    data = {"schema_version": data.pop("schema_version"), **data}
    if pretty:
        return json_bytes(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return json_bytes(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def _name(path: Path | None) -> str:
    return f"“{path.name}”" if path is not None else "草稿"


def _refuse(what: str, todo: str, path: Path | None) -> DraftError:
    return DraftError(what, todo, path=path)


def decode_text(raw: bytes, path: Path | None = None) -> str:
    """UTF-8 text of a draft (BOM accepted), or a DraftError naming the real encoding problem."""
    name = _name(path)
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _refuse(
            f"{name}是 UTF-16（“Unicode”）编码的，年报助手的草稿是 UTF-8 编码。",
            "如果是用记事本改过：请用记事本打开它，“另存为”时编码选“UTF-8”后再打开。",
            path,
        )
    if not raw.strip():
        raise _refuse(
            f"{name}是空文件，里面没有草稿内容（可能保存时被其他程序清空了）。",
            _RESTORE_HINT,
            path,
        )
    if b"\x00" in raw:
        raise _refuse(
            f"{name}不是文本文件，也不是年报助手的草稿（里面有二进制内容）。",
            "请确认选择的文件是否正确。" + _RESTORE_HINT,
            path,
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        with contextlib.suppress(UnicodeDecodeError):
            # a lone surrogate written raw (by other programs' JSON writers) rather than
            # escaped: UTF-8 in all else; kept, as this program keeps it (see json_bytes)
            return raw.decode("utf-8", "surrogatepass")
        if _cut_in_a_character(raw, error):
            raise _refuse(_incomplete(name), _RESTORE_HINT, path) from error
        # a UTF-8 draft with a damaged byte is not a GBK one, though GB18030 may read it
        if _mostly_utf8(raw) or not _reads_as(raw, "gb18030"):
            what = (
                f"{name}不是 UTF-8 编码的文本，可能已损坏"
                f"（第 {error.start + 1} 个字节处无法识别）。"
            )
            todo = _RESTORE_HINT
        else:
            what = f"{name}是 GBK（“ANSI”）编码的，年报助手的草稿是 UTF-8 编码。"
            todo = "如果是用记事本改过：请用记事本打开它，“另存为”时编码选“UTF-8”后再打开。"
        raise _refuse(what, todo, path) from error


def _reads_as(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(raw: bytes) -> bool:
    """More valid UTF-8 characters beyond ASCII than broken sequences: a GBK file read as
    UTF-8 breaks at nearly every Chinese character."""
    text = raw.decode("utf-8", "replace")
    broken = text.count("\ufffd")
    return sum(1 for char in text if char > "\x7f") - broken > 2 * broken


def _cut_in_a_character(raw: bytes, error: UnicodeDecodeError) -> bool:
    """A UTF-8 file that ends in the middle of a character (a Chinese character is three
    bytes) was cut short; read as GBK it would be blamed on its encoding."""
    return error.start >= len(raw) - 3 and error.end == len(raw)


def _incomplete(name: str) -> str:
    return f"{name}不完整：文件在中途结束了（可能复制或保存时被中断），内容缺了一部分。"


_CUT_VALUE = re.compile(r"-|-?\d+\.|-?\d+(?:\.\d+)?[eE][+-]?")
"""The start of a number that a cut left unfinished (``-``, ``3.``, ``1e``)."""


def _cut_short(text: str, error: json.JSONDecodeError) -> bool:
    """Whether the JSON error comes from the text ending too early."""
    rest = text[error.pos :].rstrip()
    if not rest or error.msg.startswith("Unterminated string"):
        return True  # "Unterminated string" is only raised at the end of the text
    # cut inside true, false, null or a number: the parser stops where the value starts
    return any(word.startswith(rest) for word in ("true", "false", "null")) or bool(
        _CUT_VALUE.fullmatch(rest)
    )


class _BadNumber(ValueError):
    """A number no draft holds; the message is the Chinese reason."""


_MAX_DIGITS = 30


def _parse_int(digits: str) -> int:
    # Python refuses over 4,300 digits with a ValueError that would read as "NaN"; no
    # field of a report needs more than a few.
    if len(digits.lstrip("-")) > _MAX_DIGITS:
        raise _BadNumber(f"含有一个 {len(digits.lstrip('-'))} 位的数字")
    return int(digits)


def _parse_float(text: str) -> float:
    if len(text) > _MAX_DIGITS * 2:
        raise _BadNumber(f"含有一个 {len(text)} 位的数字")
    return float(text)


def _reject_constant(name: str) -> Any:
    # NaN and Infinity are not JSON; Python accepts them, the model would then complain in
    # English ("finite number").
    raise ValueError(name)


def parse_json(text: str, path: Path | None = None) -> Any:
    name = _name(path)
    try:
        return json.loads(
            text,
            parse_constant=_reject_constant,
            parse_int=_parse_int,
            parse_float=_parse_float,
        )
    except json.JSONDecodeError as error:
        if _cut_short(text, error):
            what = _incomplete(name)
        else:
            what = (
                f"{name}已损坏，不是有效的草稿格式（第 {error.lineno} 行第 {error.colno} 列出错）。"
            )
        raise _refuse(what, _RESTORE_HINT, path) from error
    except _BadNumber as error:
        what = f"{name}已损坏，不是有效的草稿格式（{error}）。"
        raise _refuse(what, _RESTORE_HINT, path) from error
    except ValueError as error:  # NaN, Infinity
        what = f"{name}已损坏，不是有效的草稿格式（含有 NaN 等非法数值）。"
        raise _refuse(what, _RESTORE_HINT, path) from error
    except RecursionError as error:  # "[[[[…" nested thousands deep
        raise _refuse(
            f"{name}已损坏，不是有效的草稿格式（嵌套过深）。", _RESTORE_HINT, path
        ) from error


def report_from_data(data: Any, path: Path | None = None) -> Report:
    """Migrate and validate parsed JSON; DraftError in Chinese when it is not a usable draft."""
    name = _name(path)
    if not isinstance(data, dict) or not is_draft_data(data):
        raise _refuse(
            f"{name}不是年报助手的草稿（它是其他程序的 JSON 文件）。",
            "请选择年报助手保存的草稿文件（.json）。",
            path,
        )
    try:
        upgraded = migrate(data)
    except DraftError as error:
        raise DraftError(error.what, error.todo, path=path) from error
    try:
        return Report.from_json_data(upgraded)
    except ValidationError as error:
        raise _refuse(
            f"{name}的内容有误，无法打开：\n{describe_validation_error(error)}",
            "如果草稿被手工改过，请改回；" + _RESTORE_HINT,
            path,
        ) from error
    except RecursionError as error:
        raise _refuse(f"{name}的层次嵌套过深，不是有效的草稿。", _RESTORE_HINT, path) from error


def decode_report(raw: bytes, path: Path | None = None) -> Report:
    """The whole way from file bytes to a validated, migrated Report."""
    if len(raw) > MAX_DRAFT_BYTES:
        raise too_large(len(raw), path)
    return report_from_data(parse_json(decode_text(raw, path), path), path)


def too_large(size: int, path: Path | None) -> DraftError:
    return _refuse(
        f"{_name(path)}有 {size / 1024 / 1024:.0f} MB，远大于任何一份报告草稿"
        f"（上限 {MAX_DRAFT_BYTES // 1024 // 1024} MB），不是草稿或已损坏。",
        "请确认选择的文件是否正确。",
        path,
    )


def check_openable(data: bytes, path: Path | None, *, what: str = "草稿") -> None:
    """Refuse to write what the program would then refuse to open (the limits of
    core/limits.py, checked at open by ``decode_report`` and the recovery store): a
    FileAccessError before anything is written, so the file on disk stays as it was."""
    if len(data) <= MAX_DRAFT_BYTES:
        return
    limit = MAX_DRAFT_BYTES // 1024 // 1024
    name = _name(path) if what == "草稿" else what
    raise FileAccessError(
        f"没有保存{name}：内容有 {len(data) / 1024 / 1024:.0f} MB，"
        f"超过草稿的上限 {limit} MB，保存后将无法再打开（一份报告的草稿通常不到 1 MB）。",
        "多半是某一处粘贴或填入了大量文字：请用“查找”或“体检”找到它，删去后再保存。",
        path=path,
    )


__all__ = [
    "MAX_DRAFT_BYTES",
    "check_openable",
    "decode_report",
    "decode_text",
    "encode_report",
    "json_bytes",
    "parse_json",
    "report_from_data",
    "too_large",
]
