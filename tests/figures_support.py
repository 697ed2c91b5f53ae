"""Helpers for the 数据 table tests: edit a table's cells as Excel would, or its XML by hand
(what openpyxl will not write: an ``inf``, a formula without its result, a shared string)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl

SHEET_XML = "xl/worksheets/sheet1.xml"


def fill_cells(table: Path, values: dict[int, Any], column: int = 5) -> None:
    book = openpyxl.load_workbook(table)
    sheet = book["数据"]
    for row, value in values.items():
        sheet.cell(row=row, column=column).value = value
    book.save(table)


def table_rows(table: Path) -> list[list[Any]]:
    book = openpyxl.load_workbook(table)
    return [list(row) for row in book["数据"].iter_rows(values_only=True)]


def write_rows(table: Path, rows: list[list[Any]]) -> None:
    """The 数据 sheet's rows replaced (the hidden sheet kept)."""
    book = openpyxl.load_workbook(table)
    sheet = book["数据"]
    sheet.delete_rows(1, sheet.max_row)
    for row in rows:
        sheet.append(row)
    book.save(table)


def rewrite_part(table: Path, name: str, change: Any) -> None:
    """Rewrite one part of the zip with ``change(text) -> text`` (None: remove the part)."""
    with zipfile.ZipFile(table) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    text = parts[name].decode("utf-8") if name in parts else ""
    new = change(text)
    if new is None:
        parts.pop(name, None)
    else:
        parts[name] = new.encode("utf-8")
    with zipfile.ZipFile(table, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)


def set_cell_xml(table: Path, ref: str, xml: str) -> None:
    """Put ``xml`` (a whole ``<c …>…</c>``) where the cell ``ref`` is in the 数据 sheet."""

    def change(text: str) -> str:
        pattern = re.compile(rf'<c r="{ref}"(?:[^>]*/>|[^>]*>.*?</c>)', re.S)
        assert pattern.search(text), ref
        return pattern.sub(lambda _m: xml, text, count=1)

    rewrite_part(table, SHEET_XML, change)


def repeated_part(head: bytes, chunk: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """``head + chunk * times + tail`` deflated without compressing it all: each chunk is a
    block of its own (a full flush), so the block can be repeated. (data, size, crc)."""
    import zlib

    def block(data: bytes) -> bytes:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        return packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH)

    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    final = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = block(head) + block(chunk) * times + final.compress(tail) + final.flush()
    return data, len(head) + len(chunk) * times + len(tail), crc


def write_zip(path: Path, parts: dict[str, bytes | tuple[bytes, int, int]]) -> None:
    """A zip of ``parts``: plain bytes are deflated here; a (data, size, crc) triple is
    already deflated (repeated_part). Sizes must stay under 4 GiB (no zip64)."""
    import struct
    import zlib

    out = bytearray()
    central = bytearray()
    for name, part in parts.items():
        if isinstance(part, bytes):
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            part = (packer.compress(part) + packer.flush(), len(part), zlib.crc32(part))
        data, size, crc = part
        encoded = name.encode()
        offset = len(out)
        out += (
            struct.pack(
                "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0
            )
            + encoded
            + data
        )
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = len(out)
    out += central
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central), start, 0
    )
    path.write_bytes(bytes(out))


def zip_parts(table: Path) -> dict[str, bytes | tuple[bytes, int, int]]:
    with zipfile.ZipFile(table) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


SHARED_STRINGS_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
SHARED_STRINGS_REL = (
    '<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)


def with_shared_strings(
    parts: dict[str, bytes | tuple[bytes, int, int]], strings: bytes | tuple[bytes, int, int]
) -> dict[str, bytes | tuple[bytes, int, int]]:
    types = parts["[Content_Types].xml"]
    rels = parts["xl/_rels/workbook.xml.rels"]
    assert isinstance(types, bytes) and isinstance(rels, bytes)
    parts["[Content_Types].xml"] = types.replace(b"</Types>", SHARED_STRINGS_TYPE.encode())
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        b"</Relationships>", SHARED_STRINGS_REL.encode()
    )
    parts["xl/sharedStrings.xml"] = strings
    return parts
