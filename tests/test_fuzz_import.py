"""Fuzzing the importers (issue 12): random bytes and text as .txt, random bytes as .docx,
random and mutated .docx parts, text pasted in, and the command line's import. The rules
are in fuzz_support.py; NIANBAO_FUZZ_EXAMPLES sets the examples per test (default 100)."""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import SEED
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from fuzz_support import EXAMPLES, _plain_chinese, fuzz, import_file, outcome
from hostile_support import snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nianbao_gui import cli
from nianbao_gui.core.errors import ReportImportError
from nianbao_gui.core.importer import import_text
from nianbao_gui.core.importer.decode import Decoded, decode_report, read_text_file_decoded
from nianbao_gui.core.importer.docx_chunks import html_lines
from nianbao_gui.core.importer.docx_reader import DocxText, read_docx
from nianbao_gui.core.importer.tables_in import placeholder
from nianbao_gui.core.paths import data_dir
from nianbao_gui.core.storage import load_draft, save_draft
from nianbao_gui.core.tables import row_texts

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


# -- issue 18 items 17 and 18: damaged UTF-8, Big5, and text in every place of a .docx --------


def _mostly_utf8(raw: bytes) -> bool:
    """The oracle for "this is UTF-8 with flaws, not something else": more than twice as
    many good characters beyond ASCII as broken places, and few control characters."""
    text = raw.decode("utf-8", "replace")
    broken = text.count("\ufffd") - raw.count("\ufffd".encode())
    good = sum(1 for char in text if char > "\x7f") - text.count("\ufffd")
    controls = sum(1 for char in text if char < " " and char not in "\t\n\r\f\v")
    return good > 2 * broken and controls * 10 < len(text)


@fuzz
@given(
    strays=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0x80, 0xFF)), max_size=4),
    cut=st.integers(0, 3),
    lines=st.none() | st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=3),
)
def test_utf8_with_stray_bytes_or_cut_short_is_imported(
    tmp_path: Path, strays: list[tuple[int, int]], cut: int, lines: list[str] | None
) -> None:
    """Never refused as "not text" (the whole seed, or a few of its lines); each place the
    note gives holds the U+FFFD shown."""
    raw = bytearray(SEED.read_bytes() if lines is None else "\n".join(lines).encode())
    for at, byte in strays:
        raw.insert(at % (len(raw) + 1), byte)
    data = bytes(raw[: len(raw) - cut])
    path = tmp_path / "报告.txt"
    path.write_bytes(data)
    if _mostly_utf8(data):
        decoded = read_text_file_decoded(path)
        lines = decoded.text.split("\n")
        for line, char in decoded.damaged:
            assert lines[line - 1][char - 1] == "\ufffd"
        valid = True
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            valid = False
        assert valid or decoded.damaged or decoded.encoding != "utf-8"
        assert import_file(path, tmp_path) is not None
    else:
        outcome(import_file(path, tmp_path))


TRADITIONAL = [
    "二零二三年度述職報告",
    "一、加強學習，提高政治站位",
    "今年以來，我認真學習黨的二十大精神，堅持把學習貫穿工作始終。",
    "鄉鎮經濟發展穩中向好，財政收入穩步增長。",
    "鞏固脫貧攻堅成果，全面推進鄉村振興。",
    "全年完成固定資產投資**萬元，同比增長**%。",
    "黨風廉政建設",
    "為人民服務",
    "述職報告",
    "存在的不足和今後打算",
]


@fuzz
@given(lines=st.lists(st.sampled_from(TRADITIONAL), min_size=1, max_size=8))
def test_big5_is_never_mojibake(tmp_path: Path, lines: list[str]) -> None:
    text = "\n".join(lines)
    assert decode_report(text.encode("cp950")) == Decoded(text, "big5")


@fuzz
@given(lines=st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=8))
def test_gbk_is_never_taken_for_big5(tmp_path: Path, lines: list[str]) -> None:
    data = "\n".join(lines).encode("gbk", "ignore")
    assert decode_report(data).encoding != "big5"


_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


class _Body:
    """A random body built from every place text can stand, each piece of text unique."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.visible: list[str] = []
        self.hidden: list[str] = []
        self.notes: list[str] = []

    def _token(self, hidden: bool = False) -> str:
        token = f"{'隐' if hidden else '甲'}{len(self.visible) + len(self.hidden)}乙"
        (self.hidden if hidden else self.visible).append(token)
        return token

    def paragraph(self) -> str:
        runs = []
        for _ in range(self.rng.randint(1, 3)):
            kind = self.rng.choice(["text", "text", "hidden", "sym", "note", "ins", "link"])
            if kind == "hidden":
                runs.append(f"<w:r><w:rPr><w:vanish/></w:rPr><w:t>{self._token(True)}</w:t></w:r>")
            elif kind == "sym":
                font = self.rng.choice(["Symbol", "Wingdings", "Webdings", "宋体", "", "x&amp;"])
                code = self.rng.choice(["F0B1", "F0D6", "F0FC", "F021", "2026", "ZZ", "F000"])
                code = code if self.rng.random() < 0.8 else f"{self.rng.randrange(0x120000):X}"
                runs.append(f"<w:r><w:sym w:font='{font}' w:char='{code}'/></w:r>")
            elif kind == "note":
                number = len(self.notes) + 1
                self.notes.append(f"<w:footnote w:id='{number}'>{self._plain()}</w:footnote>")
                cited = number if self.rng.random() < 0.9 else self.rng.choice([0, -1, 999])
                runs.append(f"<w:r><w:footnoteReference w:id='{cited}'/></w:r>")
            else:
                run = f"<w:r><w:t>{self._token()}</w:t></w:r>"
                wrap = {"ins": "w:ins w:id='1' w:author='a'", "link": "w:hyperlink"}.get(kind)
                runs.append(f"<{wrap}>{run}</{wrap.split()[0]}>" if wrap else run)
        return f"<w:p>{''.join(runs)}</w:p>"

    def _plain(self) -> str:
        return f"<w:p><w:r><w:t>{self._token()}</w:t></w:r></w:p>"

    def _wrap(self, inner: str) -> str:
        kind = self.rng.choice(["none", "none", "sdt", "custom"])
        if kind == "sdt":
            return f"<w:sdt><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
        if kind == "custom":
            return f"<w:customXml w:element='x'>{inner}</w:customXml>"
        return inner

    def blocks(self, depth: int) -> str:
        parts = []
        for _ in range(self.rng.randint(1, 3)):
            if depth < 3 and self.rng.random() < 0.3:
                parts.append(self._wrap(self.table(depth + 1)))
            else:
                parts.append(self._wrap(self.paragraph()))
        return "".join(parts)

    def table(self, depth: int) -> str:
        rows = []
        for _ in range(self.rng.randint(1, 3)):
            cells = [
                self._wrap(f"<w:tc>{self.blocks(depth)}<w:p/></w:tc>")
                for _ in range(self.rng.randint(1, 3))
            ]
            rows.append(self._wrap(f"<w:tr>{''.join(cells)}</w:tr>"))
        return f"<w:tbl>{''.join(rows)}</w:tbl>"


def _with_tables(read: DocxText) -> str:
    """The text read with each table of the body (a placeholder line) written as its rows:
    a cell's text is read once, into the table."""
    text = read.text
    for index, table in enumerate(read.found_tables):
        text = text.replace(placeholder(index), "\n".join(row_texts(table)))
    return text


@fuzz
@given(rng=st.randoms(use_true_random=False), chunk=st.binary(max_size=200))
def test_every_visible_piece_of_a_random_docx_is_read(
    tmp_path: Path, rng: random.Random, chunk: bytes
) -> None:
    """Text in any nesting of tables, content controls, custom XML, footnotes, symbols and
    hidden runs: every visible piece comes in once, no hidden piece does, and each leaving
    out is noted. A merged-in chunk of random bytes never breaks the import."""
    built = _Body(rng)
    body = built.blocks(0) + "<w:altChunk r:id='{chunk}'/>"
    document = docx.Document()
    kind = rng.choice(["text/html", "text/plain", "message/rfc822", "application/rtf"])
    part = Part(PackURI("/word/chunk1.htm"), kind, chunk, document.part.package)
    ids = {"chunk": document.part.relate_to(part, RT.A_F_CHUNK)}
    if built.notes:
        footnotes = f"<w:footnotes {_NS}>{''.join(built.notes)}</w:footnotes>".encode()
        kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
        notes = Part(PackURI("/word/footnotes.xml"), kind, footnotes, document.part.package)
        document.part.relate_to(notes, RT.FOOTNOTES)
    element = document.element.body
    for block in parse_xml(f"<w:body {_NS}>{body.format(**ids)}</w:body>"):
        element.insert(len(element) - 1, block)
    path = tmp_path / "报告.docx"
    document.save(str(path))
    read = read_docx(path)
    cited = set(re.findall(r"footnoteReference w:id='(\d+)'", body))
    uncited = {
        token
        for note in built.notes
        if (found := re.search(r"w:id='(\d+)'", note)) and found.group(1) not in cited
        for token in re.findall(r"甲\d+乙", note)
    }
    text = _with_tables(read)
    for token in built.visible:
        assert text.count(token) == (token not in uncited), token
    for token in built.hidden:
        assert token not in text, token
    assert not built.hidden or any("隐藏文字" in note for note in read.notes)
    outcome(import_file(path, tmp_path))


_TAGS = ["<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<td>", "</td>", "<tr>", "<b>", "</b>"]
_TAGS += ["<table>", "</table>", "<a href='x>y'>", "<!-- c -->", "&amp;", "&#x4e2d;", "<", ">", " "]


@fuzz
@given(pieces=st.lists(st.sampled_from(_TAGS) | st.integers(0, 99), max_size=60))
def test_merged_in_web_page_keeps_every_word(pieces: list[str | int]) -> None:
    """The HTML scan of a w:altChunk: every word outside a tag comes out; never an error."""
    page = "".join(f"字{p}号" if isinstance(p, int) else p for p in pieces)
    text = "".join(html_lines(page.encode()))
    # a stray "<" before the word opens a tag that the next ">" closes: the word is inside
    inside = re.compile(r"<[A-Za-z/!][^>]*>")
    for word in re.findall(r"字\d+号", inside.sub("", page)):
        assert word in text, (word, page)


@fuzz
@given(raw=st.binary(max_size=3000))
def test_merged_in_web_page_of_random_bytes(raw: bytes) -> None:
    html_lines(raw)
