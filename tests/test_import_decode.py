"""Reading .txt reports in every encoding and line ending Windows programs write."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from nianbao_gui.core.errors import ReportImportError
from nianbao_gui.core.importer import decode_bytes, import_report, read_text_file
from nianbao_gui.core.importer.decode import MAX_TEXT_BYTES
from nianbao_gui.core.layout import to_plain_text

TEXT = "2022年度述职述廉报告\n一、强化学习意识\n我坚持学习“四个意识”，做到“两个维护”。\n"
RARE = "𠀀𪚥（生僻字）"  # U+20000 and U+2A6A5: in GB18030, not in GBK


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "报告.txt"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb2312"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM (Notepad "Unicode")
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-32"), "utf-32"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    assert decode_bytes(data) == (TEXT, encoding)


def test_gb18030_four_byte_characters() -> None:
    data = (TEXT + RARE).encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gbk")
    assert decode_bytes(data) == (TEXT + RARE, "gb18030")


def test_utf8_is_tried_before_gb18030() -> None:
    # UTF-8 Chinese also decodes as GB18030 (as nonsense); the order must pick UTF-8
    data = "我的工作报告".encode()
    assert data.decode("gb18030") == "鎴戠殑宸ヤ綔鎶ュ憡"
    assert decode_bytes(data) == ("我的工作报告", "utf-8")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings(tmp_path: Path, newline: str) -> None:
    path = _write(tmp_path, TEXT.replace("\n", newline).encode("gbk"))
    assert read_text_file(path) == TEXT


def test_gbk_crlf_with_bom_less_utf8_mix_of_endings(tmp_path: Path) -> None:
    path = _write(tmp_path, "甲\r\n乙\r丙\n".encode())
    assert read_text_file(path) == "甲\n乙\n丙\n"


def test_fallback_guesser_for_big5() -> None:
    # Big5 bytes decode as GB18030 too, but into private-use characters; then the guesser
    # is asked, and its answer is taken because it has none
    text = "這是繁體中文的報告，內容很長，我們認真總結一年來的工作。\n" * 3
    data = text.encode("big5")
    assert any(0xE000 <= ord(char) <= 0xF8FF for char in data.decode("gb18030"))
    decoded, encoding = decode_bytes(data)
    assert decoded == text
    assert encoding in ("big5", "big5hkscs", "cp950")


def test_binary_garbage_is_refused() -> None:
    with pytest.raises(ReportImportError) as caught:
        decode_bytes(bytes(range(0, 32)) * 50)
    assert "编码" in str(caught.value)


def test_huge_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "大.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_TEXT_BYTES + 1)  # sparse: no need to write 10 MB
    with pytest.raises(ReportImportError) as caught:
        import_report(path)
    assert "太大" in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReportImportError) as caught:
        import_report(tmp_path / "没有.txt")
    assert "找不到" in str(caught.value)


def test_folder_instead_of_file(tmp_path: Path) -> None:
    folder = tmp_path / "文件夹.txt"
    folder.mkdir()
    with pytest.raises(ReportImportError) as caught:
        import_report(folder)
    assert "文件夹" in str(caught.value)


def test_import_report_records_encoding(tmp_path: Path) -> None:
    result = import_report(_write(tmp_path, TEXT.replace("\n", "\r\n").encode("gbk")))
    assert result.encoding == "gb18030"
    assert result.report.effective_title() == "2022年度述职述廉报告"
    assert result.report.sections[0].heading == "强化学习意识"


def test_a_utf8_file_with_gbk_pieces_is_read_piece_by_piece(tmp_path: Path) -> None:
    # stitched from two sources: read whole as GB18030 the UTF-8 part became 骞村害… nonsense
    data = "2023年度工作总结\n一、主要工作\n".encode() + "（一）农业工作。\n".encode("gbk")
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    result = import_report(path)
    text = to_plain_text(result.report)
    assert "2023年度工作总结" in text and "（一）农业工作。" in text
    assert result.encoding == "utf-8+gb18030"
    assert "混有两种编码" in result.notes[0]


def test_a_pure_gbk_file_is_not_taken_for_mixed(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("2023年度工作总结\n一、主要工作\n完成任务。\n".encode("gbk"))
    assert import_report(path).encoding == "gb18030"


def _seed_bytes() -> bytes:
    from conftest import SEED

    return SEED.read_bytes()


@pytest.mark.parametrize("stray", [b"\xff", b"\x80", b"\xb0"])
def test_a_utf8_file_with_one_stray_byte_is_imported_with_the_place_noted(
    tmp_path: Path, stray: bytes
) -> None:
    """Issue 18 item 18: refused as "not a text file" before."""
    raw = _seed_bytes()
    lines = raw.decode("utf-8").split("\n")
    line = next(i for i, text in enumerate(lines) if len(text) > 30)  # a body line
    at = sum(len(text.encode()) + 1 for text in lines[:line]) + len(lines[line][:12].encode())
    path = _write(tmp_path, raw[:at] + stray + raw[at:])
    result = import_report(path)
    assert result.encoding == "utf-8"
    expected = lines[line][:12] + "\ufffd" + lines[line][12:]
    assert expected.strip() in to_plain_text(result.report).replace("\u3000", "")
    assert f"第{line + 1}行第13字" in result.notes[0] and "\ufffd" in result.notes[0]


def test_a_utf8_file_cut_in_its_last_character(tmp_path: Path) -> None:
    text = "2023年度工作总结\n一、主要工作\n完成各项任务。"
    path = _write(tmp_path, text.encode()[:-2])  # "。" is three bytes: one is left
    result = import_report(path)
    assert to_plain_text(result.report).rstrip().endswith("完成各项任务\ufffd")
    assert "第3行第7字" in result.notes[0] and "最后一个字不完整" in result.notes[0]


def test_a_stray_byte_beside_a_gbk_piece(tmp_path: Path) -> None:
    data = "2023年度工作总结\n一、主要工作\n".encode() + "（一）农业工作。\n".encode("gbk")
    data += "全年完成任务".encode() + b"\xff" + "。\n".encode()
    result = import_report(_write(tmp_path, data))
    text = to_plain_text(result.report)
    assert "（一）农业工作。" in text and "全年完成任务\ufffd。" in text
    assert result.encoding == "utf-8+gb18030"
    assert "混有两种编码" in result.notes[0] and "第4行第7字" in result.notes[1]


def test_gbk_with_no_flaw_is_not_read_as_damaged_utf8() -> None:
    data = "（一）农业工作。\n全年粮食播种面积**亩。\n".encode("gbk")
    assert decode_bytes(data)[1] == "gb18030"


@pytest.mark.parametrize(
    "text",
    ["鄉鎮經濟發展", "述職報告", "繁體中文", "認真學習貫徹黨的精神", "為人民服務", "黨風廉政建設"],
)
def test_big5_is_read_as_big5_not_as_mojibake(tmp_path: Path, text: str) -> None:
    """Issue 18 item 18: these came in as GB18030 (秏马竒蕾祇甶), cp949 or UTF-16 nonsense."""
    assert decode_bytes(text.encode("cp950")) == (text, "big5")
    result = import_report(_write(tmp_path, f"2023年度{text}\n".encode("cp950")))
    assert text in to_plain_text(result.report)
    assert "繁体中文 Big5" in result.notes[0]


def test_gbk_report_lines_are_never_taken_for_big5() -> None:
    from conftest import SEED

    for line in SEED.read_text(encoding="utf-8").splitlines():
        data = line.encode("gbk", "ignore")  # the seed holds a no-break space GBK lacks
        if not data.isascii():
            assert decode_bytes(data)[1] in ("gb18030", "utf-8"), line


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_a_unicode_file_with_a_bom_cut_in_its_last_character(tmp_path: Path, encoding: str) -> None:
    """Notepad's "Unicode" file cut short was refused as not text, like UTF-8's."""
    text = "2023年度工作总结\n一、主要工作\n完成各项任务。"
    result = import_report(_write(tmp_path, text.encode(encoding)[:-1]))
    assert to_plain_text(result.report).rstrip().endswith("完成各项任务\ufffd")
    assert "第3行第7字" in result.notes[0] and "最后一个字不完整" in result.notes[0]
    assert f"有效的 {encoding[:6].upper().rstrip('-')} 文字" in result.notes[0]


def test_a_short_utf8_file_with_a_stray_byte_is_not_read_as_cyrillic(tmp_path: Path) -> None:
    """ "我\\xff们" came in as "цИС ф╗м" (charset-normalizer's cp1125) without a word."""
    result = import_report(_write(tmp_path, b"abc\n\xe6\x88\x91\xff\xe4\xbb\xac\n"))
    assert "我\ufffd们" in to_plain_text(result.report)
    assert "第2行第2字" in result.notes[0]


def test_an_unusual_encoding_guessed_is_said_to_be_a_guess(tmp_path: Path) -> None:
    data = "Ceci est un résumé écrit à l'été, très détaillé.\n".encode("cp1252")
    result = import_report(_write(tmp_path, data))
    assert result.encoding not in ("utf-8", "gb18030", "big5")
    assert any("编码不常见" in note and result.encoding in note for note in result.notes)
