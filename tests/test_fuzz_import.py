"""Fuzzing the importers (issue 12): random bytes and text as .txt, random bytes as .docx,
random and mutated .docx parts, text pasted in, and the command line's import. The rules
are in fuzz_support.py; NIANBAO_FUZZ_EXAMPLES sets the examples per test (default 100)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import SEED
from fuzz_support import EXAMPLES, _plain_chinese, fuzz, import_file, outcome
from hostile_support import snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nianbao_gui import cli
from nianbao_gui.core.errors import ReportImportError
from nianbao_gui.core.importer import import_text
from nianbao_gui.core.paths import data_dir
from nianbao_gui.core.storage import load_draft, save_draft

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_LINES = SEED_TEXT.splitlines()


def _seed_docx() -> dict[str, bytes]:
    """The parts of a real .docx holding the seed report, as Word would have it."""
    document = docx.Document()
    for line in SEED_LINES:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


PARTS = _seed_docx()
report_text = st.lists(st.sampled_from(SEED_LINES) | st.text(max_size=40), max_size=30).map(
    "\n".join
)


@fuzz
@given(raw=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".docx", ""]))
def test_random_bytes(tmp_path: Path, raw: bytes, suffix: str) -> None:
    path = tmp_path / f"报告{suffix}"
    path.write_bytes(raw)
    outcome(import_file(path, tmp_path))


@fuzz
@given(
    text=report_text,
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "big5", "latin-1"]),
    newline=st.sampled_from(["\n", "\r\n", "\r", "\x0b", "\u2028"]),
)
def test_random_text_in_any_encoding(
    tmp_path: Path, text: str, encoding: str, newline: str
) -> None:
    path = tmp_path / "报告.txt"
    path.write_bytes(text.replace("\n", newline).encode(encoding, errors="replace"))
    outcome(import_file(path, tmp_path))


@fuzz
@given(cut=st.integers(0, len(SEED.read_bytes())), flips=st.lists(st.integers(0, 20_000)))
def test_the_seed_report_cut_and_flipped(tmp_path: Path, cut: int, flips: list[int]) -> None:
    raw = bytearray(SEED.read_bytes()[:cut])
    for at in flips:
        if raw:
            raw[at % len(raw)] ^= 0x80
    path = tmp_path / "报告.txt"
    path.write_bytes(bytes(raw))
    outcome(import_file(path, tmp_path))


def _xml_with_text(texts: list[str]) -> bytes:
    from xml.sax.saxutils import escape

    body = "".join(f"<w:p><w:r><w:t>{escape(t)}</w:t></w:r></w:p>" for t in texts)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
        '"http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode("utf-8", "surrogatepass")


part_change = st.one_of(
    st.tuples(st.just("replace"), st.sampled_from(sorted(PARTS)), st.binary(max_size=300)),
    st.tuples(st.just("delete"), st.sampled_from(sorted(PARTS)), st.just(b"")),
    st.tuples(st.just("cut"), st.sampled_from(sorted(PARTS)), st.binary(min_size=1, max_size=2)),
    st.tuples(
        st.just("text"),
        st.just("word/document.xml"),
        st.lists(st.text(max_size=30) | st.sampled_from(SEED_LINES), max_size=20).map(
            _xml_with_text
        ),
    ),
    st.tuples(st.just("add"), st.text(min_size=1, max_size=20), st.binary(max_size=100)),
)


@fuzz
@given(changes=st.lists(part_change, min_size=1, max_size=3), stored=st.booleans())
def test_random_docx_parts(
    tmp_path: Path, changes: list[tuple[str, str, bytes]], stored: bool
) -> None:
    parts = dict(PARTS)
    for kind, name, data in changes:
        if kind == "delete":
            parts.pop(name, None)
        elif kind == "cut" and name in parts:
            parts[name] = parts[name][: len(parts[name]) * data[0] // 256]
        else:
            parts[name] = data
    path = tmp_path / "报告.docx"
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in parts.items():
            try:
                archive.writestr(name, data)
            except (ValueError, UnicodeEncodeError, IndexError):
                continue  # a name no zip can hold
    outcome(import_file(path, tmp_path))


@fuzz
@given(cut=st.integers(0, 100_000))
def test_a_real_docx_cut_short(tmp_path: Path, cut: int) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in PARTS.items():
            archive.writestr(name, data)
    raw = buffer.getvalue()
    path = tmp_path / "报告.docx"
    path.write_bytes(raw[: cut % (len(raw) + 1)])
    outcome(import_file(path, tmp_path))


@fuzz
@given(text=report_text | st.text())
def test_pasted_text(tmp_path: Path, text: str) -> None:
    try:
        report = import_text(text).report
    except ReportImportError as error:
        _plain_chinese(error)
        return
    save_draft(report, tmp_path / "d.json")
    assert load_draft(tmp_path / "d.json") == report


@settings(
    max_examples=max(10, EXAMPLES // 5),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(raw=st.binary(max_size=2000) | report_text.map(str.encode), exists=st.booleans())
def test_the_command_line_import(
    tmp_path: Path, raw: bytes, exists: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """Says 已导入 only when the draft is there and opens; otherwise writes nothing."""
    source = tmp_path / "r.txt"
    source.write_bytes(raw)
    output = tmp_path / "out.json"
    output.unlink(missing_ok=True)
    if exists:
        output.write_bytes(b"PK\x03\x04 not a draft")
    before = snapshot(tmp_path, data_dir())
    code = cli.main(["import", str(source), "-o", str(output)])
    out, err = capsys.readouterr()
    if code == cli.EXIT_OK:
        assert not exists and "已导入" in out
        load_draft(output)
        written = set(snapshot(tmp_path, data_dir())) - set(before)
        assert written == {str(output)}
    else:
        assert err.startswith("错误：") and "意外问题" not in err and "已导入" not in out
        assert snapshot(tmp_path, data_dir()) == before
