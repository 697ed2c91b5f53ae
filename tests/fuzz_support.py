"""The oracles of the fuzzing suite (issue 12), shared by the hypothesis tests and the replay
of the corpus of found cases (tests/fuzz_corpus/), and the tests' hypothesis settings.

For any input, the program must
1. never raise past its own error handling: only its Chinese errors (NianbaoError) escape;
2. never write a file it was not asked to write: opening or importing changes nothing on
   disk, neither beside the input nor in the data folder;
3. never say something false: each claim an error message makes about the file is checked
   against the bytes here, independently of how the program came to it; and what opens or
   imports makes a draft that saves and opens again, unchanged, and that 体检 checks and
   the export writes without an error of its own.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import zipfile
from pathlib import Path

from hostile_support import snapshot
from hypothesis import HealthCheck, event, settings

from nianbao_gui.core import limits
from nianbao_gui.core.checks import check_report
from nianbao_gui.core.errors import DraftError, NianbaoError, ReportImportError
from nianbao_gui.core.export import export_bytes
from nianbao_gui.core.importer import import_report
from nianbao_gui.core.model import Report
from nianbao_gui.core.paths import data_dir
from nianbao_gui.core.storage import backups_of, encode_report, load_draft, save_draft

EXAMPLES = int(os.environ.get("NIANBAO_FUZZ_EXAMPLES", "100"))
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
"""Examples per test: NIANBAO_FUZZ_EXAMPLES (default 100; the README gives the long runs)."""


def outcome(report: object) -> None:
    """Shown by --hypothesis-show-statistics: how many inputs opened and how many were refused."""
    event("opened" if report is not None else "refused")


_HAN = re.compile("[\u4e00-\u9fff]")
_ENGLISH_LEAK = re.compile(r"Traceback|Error\b|Exception|errno|Errno|\bline \d+ column")


def _plain_chinese(error: NianbaoError, source: bytes = b"") -> None:
    """Chinese, without the program's internals (words the file itself holds, such as an
    unknown key named "Error", may be quoted)."""
    text = str(error)
    assert _HAN.search(error.what), f"not Chinese: {text!r}"
    quoted = source.decode("utf-8", "replace")
    leaks = [m.group() for m in _ENGLISH_LEAK.finditer(text) if m.group() not in quoted]
    assert not leaks, f"internal words leak out: {text!r}"


def _utf8(raw: bytes) -> str | None:
    """The text, if the bytes are UTF-8 (a lone surrogate written raw counts: drafts keep it)."""
    try:
        return raw.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None


def _json(text: str | None) -> object:
    """The parsed JSON, or the exception parsing raised (Python's parser is the reference)."""
    if text is None:
        return ValueError("not UTF-8")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        return error


def _check_draft_claims(raw: bytes, error: DraftError, path: Path) -> None:
    """Each thing a DraftError says about the file, checked against the file's bytes."""
    what, todo = error.what, error.todo
    body = raw.removeprefix(codecs.BOM_UTF8)
    text = _utf8(body)
    parsed = _json(text.lstrip("\ufeff") if text is not None else None)
    if "空文件" in what:
        assert not body.strip(), what
    if "UTF-16" in what:
        assert body.startswith((b"\xff\xfe", b"\xfe\xff")), what
    if "二进制" in what:
        assert b"\x00" in body, what
    if "GBK" in what or "不是 UTF-8" in what:
        assert text is None, what
    if "GBK" in what:
        body.decode("gb18030")  # the claim: it reads as GBK, and not as UTF-8 with a flaw
        as_utf8 = body.decode("utf-8", "replace")
        broken = as_utf8.count("\ufffd")
        assert sum(1 for char in as_utf8 if char > "\x7f") - broken <= 2 * broken, what
    if "不完整" in what or "已损坏" in what:
        tolerated = ("嵌套过深", "位的数字", "NaN")  # Python's parser accepts, drafts do not
        assert isinstance(parsed, Exception) or any(word in what for word in tolerated), what
    if "NaN" in what:
        assert text is not None and re.search(r"NaN|Infinity", text), what
    if (match := re.search(r"含有一个 (\d+) 位的数字", what)) is not None:
        assert re.search(rf"\d{{{match.group(1)}}}", text or ""), what
    if "嵌套过深" in what:
        assert (text or "").count("[") + (text or "").count("{") > 100, what
    if "其他程序的 JSON" in what:
        assert not isinstance(parsed, Exception), what
    if "内容有误" in what or "较新版本" in what:
        assert isinstance(parsed, dict), what
    if "MB" in what and "上限" in what:
        assert len(raw) > limits.MAX_DRAFT_BYTES, what
    if "个较早版本" in todo:
        assert backups_of(path), todo
    if "没有找到它的较早版本" in todo:
        assert not backups_of(path), todo


def _use(report: Report, folder: Path) -> None:
    """What a user does next: save, open again, check, export."""
    saved = folder / "saved.json"
    save_draft(report, saved)
    assert load_draft(saved) == report
    assert saved.stat().st_size <= limits.MAX_DRAFT_BYTES
    saved.unlink()
    check_report(report)
    export_bytes(report)


def open_draft_bytes(raw: bytes, folder: Path) -> Report | None:
    """Open ``raw`` as a draft file in ``folder`` under the three rules; the report if it
    opened (after checking that it saves and opens again unchanged)."""
    path = folder / "fuzz.json"
    path.write_bytes(raw)
    before = snapshot(folder, data_dir())
    try:
        report = load_draft(path)
    except DraftError as error:
        _plain_chinese(error, raw)
        _check_draft_claims(raw, error, path)
        report = None
    assert snapshot(folder, data_dir()) == before, "opening a draft wrote files"
    if report is not None:
        _use(report, folder)
    return report


def _check_import_claims(path: Path, error: ReportImportError) -> None:
    what = error.what
    raw = path.read_bytes()
    if "文件太大" in what:
        assert len(raw) > min(limits.MAX_TEXT_FILE_BYTES, limits.MAX_DOCX_BYTES), what
    if "不是真正的 Word 文档" in what:
        assert not zipfile.is_zipfile(path), what
    if "旧版 Word" in what or "加密" in what:
        assert raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), what
    if "是年报助手的草稿" in what:
        assert isinstance(_json(_utf8(raw.removeprefix(codecs.BOM_UTF8))), dict), what
    if (match := re.search(r"约 (\d+) 万字", what)) is not None:
        assert int(match.group(1)) * 10_000 <= len(raw), what  # a character is ≥ 1 byte


def import_file(path: Path, folder: Path) -> Report | None:
    """Import ``path`` under the three rules; the report if it imported (after checking that
    its draft is within the open limit, saves, and opens again unchanged)."""
    before = snapshot(folder, data_dir())
    try:
        report = import_report(path).report
    except ReportImportError as error:
        _plain_chinese(error, path.read_bytes())
        _check_import_claims(path, error)
        report = None
    assert snapshot(folder, data_dir()) == before, "importing wrote files"
    if report is not None:
        assert len(encode_report(report)) <= limits.MAX_DRAFT_BYTES
        _use(report, folder)
    return report
