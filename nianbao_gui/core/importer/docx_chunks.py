"""The text of a ``w:altChunk``: a piece of another document Word merges in when it opens
the file (web pages pasted by other programs, mail merges). Word shows it; python-docx does
not know it. HTML (also inside an .mht) and plain text are read; other kinds are named so
the import note can say what was left out."""

from __future__ import annotations

import codecs
import email
import html
import re
from email.message import Message

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "tr", "table", "ul", "ol", "blockquote", "pre", "section"}
    | {"article", "dt", "dd", "hr", "address", "center", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_SKIPPED_TAGS = frozenset({"script", "style", "title", "template"})
_SPACE = re.compile(r"[ \t\r\n\f]+")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


_TAG_NAME = re.compile(r"/?\s*([A-Za-z][A-Za-z0-9]*)")
_TAG_START = re.compile(r"[A-Za-z/!?]")


def _html_parts(text: str) -> list[str]:
    """Visible text: a line break for each block, a tab between table cells.

    A scan of its own rather than html.parser, which is quadratic on some broken markup
    ("<a<a<a…" takes minutes): each character here is looked at a bounded number of times.
    """
    parts: list[str] = []
    cells = pos = 0
    skip_until = ""
    while pos < len(text):
        start = text.find("<", pos)
        if start < 0:
            start = len(text)
        if not skip_until:
            parts.append(_SPACE.sub(" ", html.unescape(text[pos:start])))
        if start == len(text):
            break
        if not _TAG_START.match(text, start + 1):
            parts.append("<" if not skip_until else "")  # "<" before a space or 字 is text
            pos = start + 1
            continue
        if text.startswith("<!--", start):
            end = text.find("-->", start + 4)
            pos = len(text) if end < 0 else end + 3
            continue
        end = text.find(">", start + 1)
        if end < 0:  # a tag never closed: what follows is kept as text (不丢字)
            parts.append("" if skip_until else _SPACE.sub(" ", html.unescape(text[start:])))
            break
        pos = end + 1
        match = _TAG_NAME.match(text, start + 1, end)
        if match is None:
            continue
        name = match.group(1).lower()
        closing = text[start + 1] == "/"
        if skip_until:
            if closing and name == skip_until:
                skip_until = ""
            continue
        if name in _SKIPPED_TAGS and not closing:
            skip_until = name
        elif name in ("td", "th") and not closing:
            if cells:
                parts.append("\t")
            cells += 1
        elif name in _BLOCK_TAGS:
            parts.append("\n")
            if name == "tr":
                cells = 0
    return parts


def _lines(parts: list[str]) -> list[str]:
    lines = (re.sub(" *\t *", "\t", line).strip(" ") for line in "".join(parts).split("\n"))
    return [line for line in lines if line.strip()]


def _decode(data: bytes, declared: str | None = None) -> str:
    """HTML or text bytes: a BOM, UTF-8, the declared charset, else GB18030 (never fails)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16")):
        if data.startswith(bom) or (bom == codecs.BOM_UTF16_LE and data[:2] == b"\xfe\xff"):
            return data.decode(name, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _CHARSET.search(data[:4096])
    for charset in (declared, match.group(1).decode("ascii") if match else None):
        if charset:
            try:
                return data.decode(charset, "replace")
            except (LookupError, ValueError):
                continue  # unknown, or not a text encoding ("zlib")
    return data.decode("gb18030", "replace")


def html_lines(data: bytes, declared: str | None = None) -> list[str]:
    return _lines(_html_parts(_decode(data, declared)))


def _mht_lines(data: bytes) -> list[str] | None:
    message = email.message_from_bytes(data)
    for part in message.walk():
        if isinstance(part, Message) and part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return html_lines(payload, part.get_content_charset())
    return None


HTML_TYPES = ("text/html", "application/xhtml+xml")
MHT_TYPES = ("message/rfc822", "multipart/related", "application/x-mimearchive")


def chunk_lines(content_type: str, data: bytes) -> list[str] | None:
    """The lines of an embedded chunk, or None when its kind is not read here."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in HTML_TYPES:
        return html_lines(data)
    if kind == "text/plain":
        text = _decode(data).replace("\r\n", "\n").replace("\r", "\n")
        return [line for line in text.split("\n") if line.strip()]
    if kind in MHT_TYPES:
        return _mht_lines(data)
    return None


def chunk_kind(content_type: str, partname: str) -> str:
    """What an unread chunk is, in words a secretary knows."""
    kind = content_type.lower()
    name = partname.lower()
    if "rtf" in kind or name.endswith(".rtf"):
        return "RTF 文档"
    if "wordprocessingml" in kind or name.endswith((".docx", ".docm", ".dotx")):
        return "Word 文档"
    if "xml" in kind:
        return "XML 文件"
    return "文件"
