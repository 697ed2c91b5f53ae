"""A small PDF 1.7 writer: numbered objects, streams, Type0 fonts, the cross-reference.

Only what the export draws: pages of positioned characters in composite (Type0,
Identity-H) fonts with their subsets embedded, a ToUnicode map for the text layer, and
the document information. Kept this small because a general PDF library spent seconds
re-reading and re-subsetting the fonts on every export (README, PDF section).
"""

from __future__ import annotations

import unicodedata
import zlib
from datetime import datetime, timezone

from .pdffonts import Subset


def text_string(value: str) -> bytes:
    """A PDF text string in UTF-16BE with its byte-order mark (any language). A lone
    surrogate (a damaged draft) has no UTF-16 form: it is left out, as in the .docx."""
    data = value.encode("utf-16-be", "surrogatepass").decode("utf-16-be", "ignore")
    return b"<FEFF" + data.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _utf16_hex(char: str) -> str:
    return char.encode("utf-16-be").hex().upper()


class PdfWriter:
    def __init__(self) -> None:
        self._objects: list[bytes | None] = []

    def reserve(self) -> int:
        self._objects.append(None)
        return len(self._objects)

    def put(self, number: int, body: bytes) -> None:
        self._objects[number - 1] = body

    def add(self, body: bytes) -> int:
        self._objects.append(body)
        return len(self._objects)

    def add_stream(self, data: bytes, entries: bytes = b"", *, deflated: bool = False) -> int:
        """A stream object; compressed here unless ``deflated`` says it already is."""
        if not deflated:
            data = zlib.compress(data, 6)
        head = b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(data), entries)
        return self.add(head + data + b"\nendstream")

    def add_font(self, font: Subset, used: set[str]) -> int:
        """A Type0 font with its subset embedded; returns the Type0 font's object number.
        Widths and the text map name the ``used`` characters only (a subset reused from
        an earlier export may hold more)."""
        codes = {char: code for char, code in font.codes.items() if char in used}
        if font.cff:
            program = self.add_stream(font.program, b"/Subtype /CIDFontType0C ", deflated=True)
            file_entry = b"/FontFile3 %d 0 R" % program
        else:
            program = self.add_stream(font.program, deflated=True)
            file_entry = b"/FontFile2 %d 0 R" % program
        name = font.name.encode("ascii")
        descriptor = self.add(
            b"<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [%d %d %d %d] "
            b"/ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80 %s >>"
            % (name, *font.bbox, font.ascent, font.descent, font.cap_height, file_entry)
        )
        widths = b" ".join(b"%d [%d]" % pair for pair in sorted(set(codes.values())))
        registry, ordering, supplement = font.ros
        kind = b"/CIDFontType0" if font.cff else b"/CIDFontType2 /CIDToGIDMap /Identity"
        cid_font = self.add(
            b"<< /Type /Font /Subtype %s /BaseFont /%s /CIDSystemInfo << /Registry (%s) "
            b"/Ordering (%s) /Supplement %d >> /FontDescriptor %d 0 R /DW 1000 /W [%s] >>"
            % (
                kind,
                name,
                registry.encode("ascii", "replace"),
                ordering.encode("ascii", "replace"),
                supplement,
                descriptor,
                widths,
            )
        )
        to_unicode = self.add_stream(_to_unicode(codes))
        return self.add(
            b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "
            b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (name, cid_font, to_unicode)
        )

    def finish(self, root: int, info: int) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self._objects, start=1):
            assert body is not None, number
            offsets.append(len(out))
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        start = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\n" % (
            len(offsets) + 1,
            root,
            info,
        )
        out += b"startxref\n%d\n%%%%EOF\n" % start
        return bytes(out)


def text_map(codes: dict[str, tuple[int, int]]) -> dict[int, str]:
    """Code → the character the text layer gives it (``ToUnicode``). Two characters on one
    glyph (心 and the Kangxi radical ⼼, · and ・) share a code: the map names the usual
    one, and the page marks the other with its own text (``ActualText``)."""
    usual = sorted(
        codes.items(), key=lambda item: unicodedata.normalize("NFKC", item[0]) == item[0]
    )
    return {code: char for char, (code, _) in usual}


def actual_text(char: str) -> str:
    """The marked-content operator that makes one drawn glyph copy as ``char``."""
    return f"/Span << /ActualText <FEFF{_utf16_hex(char)}> >> BDC"


def _to_unicode(codes: dict[str, tuple[int, int]]) -> bytes:
    """The CMap that turns the codes back into text (copy, search, screen readers)."""
    pairs = sorted(text_map(codes).items())
    blocks = []
    for start in range(0, len(pairs), 100):  # at most 100 entries a block
        chunk = pairs[start : start + 100]
        lines = "".join(f"<{code:04X}> <{_utf16_hex(char)}>\n" for code, char in chunk)
        blocks.append(f"{len(chunk)} beginbfchar\n{lines}endbfchar\n")
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "".join(blocks)
        + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def pdf_date(moment: datetime | None = None) -> bytes:
    moment = moment or datetime.now(timezone.utc)
    return b"(D:" + moment.strftime("%Y%m%d%H%M%S").encode("ascii") + b"Z)"
