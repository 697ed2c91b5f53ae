"""Run as a script: fill a draft from mutated 数据 tables (zips with bytes flipped or cut,
XML parts with spans deleted, doubled or replaced by hostile snippets, parts removed).

Each case must end in the filled draft (which then opens) or the program's own refusal
(NianbaoError), within 2 s. Prints one line of JSON: cases, refusals, fills, the slowest case
and the peak memory (ru_maxrss) of this process, for tests/test_figures_fuzz.py to check.

    python tests/figures_fuzz.py WORKDIR CASES SEED
"""

from __future__ import annotations

import io
import json
import random
import resource
import sys
import time
import traceback
import zipfile
from pathlib import Path

SNIPPETS = [
    b'<c r="E2" t="e"><v>#REF!</v></c>',
    b'<c r="E3" t="b"><v>1</v></c>',
    b'<c r="E4" t="n"><v>1E999</v></c>',
    b'<c r="E5"><f>SUM(A1)</f></c>',
    b'<c r="E6" t="s"><v>999</v></c>',
    b'<c r="E7" t="n" s="999"><v>0.125</v></c>',
    b'<c r="ZZZZ99999999" t="inlineStr"><is><t>x</t></is></c>',
    b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>y</t></is></c></row>',
    b'<dimension ref="A1:XFD1048576"/>',
    b"&#1;",
    b"\xed\xa0\x80",
    b"9" * 400,
    b"<si><t>" + "大".encode() * 5000 + b"</t></si>",
    b"<is><t>" + "\u2028".encode() + b"</t></is>",
    '<sheet name="数据" sheetId="9" r:id="rId99"/>'.encode(),
    b"<!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'>]>",
    b"",
    b"<",
    b"]]>",
    b'<c r="E2" t="d"><v>2025-03-05T10:00:00</v></c>',
]


def _base(workdir: Path) -> tuple[Path, bytes]:
    from nianbao_gui import cli
    from nianbao_gui.core.model import Closing, Report, Section
    from nianbao_gui.core.storage import save_draft

    draft = workdir / "草稿.json"
    report = Report(
        year=2025,
        author_name="张三",
        opening=["全年完成投资**万元，增长**%。"],
        sections=[
            Section(heading="抓好XX工作", paragraphs=["城关村完成**亩。", "新华村完成**亩。"]),
            Section(heading="稳定", paragraphs=["结案**件，调解**起，覆盖XX村。"]),
        ],
        closing=Closing(plans=["明年新建**所。"]),
    )
    report.draft_id = "fuzz"
    save_draft(report, draft)
    table = workdir / "数据.xlsx"
    assert cli.main(["figures", str(draft), "-o", str(table)]) == 0
    import openpyxl

    book = openpyxl.load_workbook(table)
    sheet = book["数据"]
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=5).value = str(row * 7)
    book.save(table)
    return draft, table.read_bytes()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def mutate(data: bytes, rnd: random.Random) -> bytes:
    kind = rnd.randrange(6)
    if kind == 0:  # bytes flipped anywhere in the zip
        raw = bytearray(data)
        for _ in range(rnd.randint(1, 20)):
            raw[rnd.randrange(len(raw))] = rnd.randrange(256)
        return bytes(raw)
    if kind == 1:  # cut short
        return data[: rnd.randrange(len(data))]
    parts = _parts(data)
    name = rnd.choice(sorted(parts))
    xml = parts[name]
    if kind == 2:  # a part removed
        del parts[name]
        return _zip(parts)
    for _ in range(rnd.randint(1, 4)):
        at, to = sorted(rnd.randrange(len(xml) + 1) for _ in range(2))
        choice = rnd.randrange(3)
        if choice == 0:
            xml = xml[:at] + xml[to:]  # a span deleted
        elif choice == 1:
            xml = xml[:to] + xml[at:to] * rnd.randint(1, 50) + xml[to:]  # doubled
        else:
            xml = xml[:at] + rnd.choice(SNIPPETS) + xml[at:]
    if kind == 5 and b"sheet" in name.encode():
        xml = xml.replace(b'r="E', b'r="E', 1).replace(b"<row", b"<row", 1)
    parts[name] = xml
    return _zip(parts)


def run(workdir: Path, cases: int, seed: int) -> dict[str, object]:
    from nianbao_gui.core.errors import NianbaoError
    from nianbao_gui.core.fields import set_text
    from nianbao_gui.core.figures import filled_texts
    from nianbao_gui.core.figures_match import match_rows, other_draft
    from nianbao_gui.core.figures_xlsx import read_table
    from nianbao_gui.core.storage import load_draft, save_draft

    draft, base = _base(workdir)
    rnd = random.Random(seed)
    table, out = workdir / "变异.xlsx", workdir / "已填.json"
    refused = filled = 0
    slowest = 0.0
    crashes: list[str] = []
    for case in range(cases):
        data = mutate(base, rnd)
        table.write_bytes(data)
        out.unlink(missing_ok=True)
        started = time.monotonic()
        try:
            report = load_draft(draft)
            read = read_table(table)
            if other_draft(report, read.info):
                raise NianbaoError("另一份草稿的表格")
            matched = match_rows(report, read.rows)
            for path, text in filled_texts(report, matched.filled):
                set_text(report, path, text)
            save_draft(report, out)
            load_draft(out)  # what it wrote, it opens
            filled += 1
        except NianbaoError:
            refused += 1
        except Exception:  # anything else is a defect: keep the case to reproduce it
            kept = workdir / f"crash-{case}.xlsx"
            kept.write_bytes(data)
            crashes.append(f"{kept}: {traceback.format_exc(limit=3)}")
        slowest = max(slowest, time.monotonic() - started)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "cases": cases,
        "refused": refused,
        "filled": filled,
        "slowest": slowest,
        "peak_mb": peak_mb,
        "crashes": crashes[:5],
    }


if __name__ == "__main__":
    found = run(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
    print(json.dumps(found, ensure_ascii=False))
