"""Peak memory and time of importing hostile files at and beyond the import limits
(core/limits.py), and the size of the draft each accepted import makes.

    .venv/bin/python benchmarks/bench_limits.py

Each case runs in a fresh process; its peak resident memory is VmHWM from /proc (Linux), not
ru_maxrss, which keeps the parent's high-water mark across fork and exec. A case either is
refused with its reason, or makes a draft that is saved and opened again (its size printed).
"""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx

from nianbao_gui.core import limits

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WORDS = ["深入开展", "矛盾纠纷", "排查化解", "各村", "社区", "调解组织", "乡村振兴", "党风廉政"]


def _docx_with_body(path: Path, paragraphs: list[str]) -> Path:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("x")
    document.save(buffer)
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}">'
        f"<w:body>{''.join(paragraphs)}<w:sectPr/></w:body></w:document>"
    )
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = xml.encode() if item.filename == "word/document.xml" else source.read(item)
            out.writestr(item.filename, data)
    return path


def _text_paragraphs(xml_bytes: int, chars: int, formatted: bool) -> list[str]:
    """Paragraphs of Chinese text adding up to about ``xml_bytes`` of XML; ``formatted`` puts
    each few characters in a run of its own with properties, as Word does after much editing."""
    rng = random.Random(1)
    out, size = [], 0
    while size < xml_bytes:
        text = "".join(rng.choice(_WORDS) for _ in range(chars // 4))[:chars]
        if formatted:
            runs = "".join(
                f'<w:r><w:rPr><w:rFonts w:eastAsia="仿宋"/><w:sz w:val="32"/></w:rPr>'
                f"<w:t>{text[i : i + 4]}</w:t></w:r>"
                for i in range(0, len(text), 4)
            )
        else:
            runs = f"<w:r><w:t>{text}</w:t></w:r>"
        paragraph = f"<w:p>{runs}</w:p>"
        out.append(paragraph)
        size += len(paragraph.encode())
    return out


CHILD = """
import sys, time
from pathlib import Path
from nianbao_gui.core.errors import NianbaoError
from nianbao_gui.core.importer import import_report
from nianbao_gui.core.storage import load_draft, save_draft
start = time.perf_counter()
try:
    result = import_report(sys.argv[1])
except NianbaoError as error:
    outcome = "refused: " + error.what
else:
    draft = Path(sys.argv[1] + ".json")
    save_draft(result.report, draft)
    load_draft(draft)
    outcome = f"draft {draft.stat().st_size / 1e6:.1f} MB, opens"
status = Path("/proc/self/status").read_text()
peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(f"{peak:.0f} MB peak, {time.perf_counter() - start:.1f} s: {outcome}")
"""


def _measure(path: Path) -> str:
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=False
    )
    return (run.stdout or run.stderr).strip().splitlines()[-1]


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    xml_limit = limits.MAX_DOCX_XML_BYTES
    cases = {
        "txt: 9.9 MB of vertical tabs between letters": (
            folder / "vt.txt",
            lambda p: p.write_bytes(b"a\x0b" * (int(9.9 * 1024 * 1024) // 2)),
        ),
        "txt: 0.99 M characters, half of them vertical tabs": (
            folder / "vt-limit.txt",
            lambda p: p.write_bytes(b"a\x0b" * (limits.MAX_REPORT_CHARS // 2 - 100)),
        ),
        "txt: 20,000 lines of one character": (
            folder / "lines.txt",
            lambda p: p.write_bytes("字\n".encode() * (limits.MAX_REPORT_PARAGRAPHS - 1)),
        ),
        "docx: XML just under the limit, plain text (far over the character limit)": (
            folder / "plain.docx",
            lambda p: _docx_with_body(p, _text_paragraphs(xml_limit - 2**20, 200, False)),
        ),
        "docx: XML just under the limit, heavily formatted, under the character limit": (
            folder / "formatted.docx",
            lambda p: _docx_with_body(p, _text_paragraphs(xml_limit - 2**20, 200, True)),
        ),
        "docx: XML at 190 MB (the issue's file)": (
            folder / "huge.docx",
            lambda p: _docx_with_body(p, _text_paragraphs(190 * 2**20, 200, False)),
        ),
    }
    print(json.dumps({k: v for k, v in vars(limits).items() if k.startswith("MAX_")}))
    for name, (path, make) in cases.items():
        make(path)
        print(f"{name} ({path.stat().st_size / 1e6:.1f} MB on disk): {_measure(path)}")


if __name__ == "__main__":
    main()
