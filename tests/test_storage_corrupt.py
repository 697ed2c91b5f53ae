"""Every kind of bad file gives a clear Chinese DraftError and changes nothing on disk."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from nianbao_gui.core.errors import DraftError
from nianbao_gui.core.model import SCHEMA_VERSION, Report, Section
from nianbao_gui.core.storage import MAX_DRAFT_BYTES, load_draft, save_draft

CJK = re.compile(r"[\u4e00-\u9fff]")


def _draft_bytes() -> bytes:
    report = Report(
        title="述职报告", year=2022, sections=[Section(heading="学习", paragraphs=["正文"])]
    )
    data = report.model_dump(mode="json")
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _with(**changes: object) -> bytes:
    data = json.loads(_draft_bytes())
    data.update(changes)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "空文件"),
    "only whitespace": (b"  \r\n\t ", "空文件"),
    "truncated": (_draft_bytes()[: len(_draft_bytes()) // 2], "不完整"),
    "not json": ("这是一封信，不是草稿。".encode(), "损坏"),
    "binary garbage": (bytes(range(256)) * 40, "二进制"),
    "zip (a .docx renamed)": (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 200, "二进制"),
    "gbk bytes": (_draft_bytes().decode("utf-8").encode("gbk"), "GBK"),
    "utf-16 le": (_draft_bytes().decode("utf-8").encode("utf-16"), "UTF-16"),
    "utf-16 be": (b"\xfe\xff" + _draft_bytes().decode("utf-8").encode("utf-16-be"), "UTF-16"),
    "invalid utf-8": (b'{"title": "\xff\xfe\xfd\x80"}', "UTF-8"),
    "a list": (b"[1, 2, 3]", "不是年报助手的草稿"),
    "a string": (b'"hello"', "不是年报助手的草稿"),
    "a number": (b"42", "不是年报助手的草稿"),
    "null": (b"null", "不是年报助手的草稿"),
    "package.json": (
        b'{"name": "left-pad", "version": "1.3.0", "type": "module", "dependencies": {}}',
        "不是年报助手的草稿",
    ),
    "newer schema": (
        _with(schema_version=SCHEMA_VERSION + 1, new_field="x"),
        "请使用更新的年报助手打开",
    ),
    "far newer schema": (_with(schema_version=99), "请使用更新的年报助手打开"),
    "nonsense schema": (_with(schema_version="一"), "格式版本"),
    "negative schema": (_with(schema_version=-1), "格式版本"),
    "year out of range": (_with(year=99999), "年份"),
    "year as text": (_with(year="去年"), "年度：应填写整数"),
    "bad kind": (_with(kind="情况汇报"), "报告类型只能是"),
    "bad date": (_with(date="2022年13月1日"), "日期格式不对"),
    "unknown key": (_with(colour="red"), "不认识的项目"),
    "paragraphs not a list": (
        _with(sections=[{"heading": "x", "paragraphs": "正文"}]),
        "多段文字的列表",
    ),
    "five levels": (
        _with(
            sections=[
                {"children": [{"children": [{"children": [{"children": [{"heading": "五"}]}]}]}]}
            ]
        ),
        "超过四级",
    ),
    "nested thousands deep": (b"[" * 100_000 + b"]" * 100_000, "损坏"),
    "NaN year": (_draft_bytes().replace(b'"year": 2022', b'"year": NaN'), "损坏"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_file_gives_clear_error_and_changes_nothing(name: str, tmp_path: Path) -> None:
    content, expected = BAD_FILES[name]
    path = tmp_path / "草稿.json"
    path.write_bytes(content)
    os.utime(path, (1_600_000_000, 1_600_000_000))
    before = sorted(os.listdir(tmp_path))

    with pytest.raises(DraftError) as info:
        load_draft(path)

    error = info.value
    assert expected in str(error)
    assert CJK.search(error.what) and CJK.search(error.todo), "what happened and what to do"
    assert "Traceback" not in str(error) and "Value error" not in str(error)
    assert error.path == path
    assert path.read_bytes() == content
    assert path.stat().st_mtime == 1_600_000_000
    assert sorted(os.listdir(tmp_path)) == before


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "巨大.json"
    with path.open("wb") as handle:  # sparse: no 50 MB written to the test disk
        handle.truncate(MAX_DRAFT_BYTES + 1)
    with pytest.raises(DraftError, match="MB"):
        load_draft(path)
    assert path.stat().st_size == MAX_DRAFT_BYTES + 1


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="找不到"):
        load_draft(tmp_path / "没有.json")
    with pytest.raises(DraftError, match="文件夹"):
        load_draft(tmp_path)


def test_error_points_to_earlier_versions(tmp_path: Path) -> None:
    path = tmp_path / "草稿.json"
    save_draft(Report(title="一"), path)
    save_draft(Report(title="二"), path)
    path.write_bytes(path.read_bytes()[:40])
    with pytest.raises(DraftError, match="较早版本") as info:
        load_draft(path)
    assert "1 个较早版本" in info.value.todo


def test_unusable_data_folder_does_not_hide_the_real_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "文件").write_text("x", encoding="utf-8")
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "文件" / "data"))
    path = tmp_path / "草稿.json"
    path.write_bytes(b"{")
    with pytest.raises(DraftError, match="不完整"):
        load_draft(path)
