"""落款 and 成文日期 (GB/T 9704-2012 7.3.5.2): the date's first character stands two
characters right of the signature's first, within a quarter character, in LibreOffice's
rendering of the .docx and in the program's PDF (pdfplumber's character positions), for
short and long signatures; and the 称呼 flush left. Chinese-numeral dates cannot come from
a draft (the date is a date, written in Arabic digits): test_pages_layout checks the
placement for them."""

from __future__ import annotations

import datetime as _dt
import io
import os
import shutil

import pdfplumber
import pytest
from pages_support import render_metrics
from render_support import BLOCK_LEFT, FONTS_CONF, read_pages, soffice, to_pdfs

from nianbao_gui.core.export import ExportOptions, export_docx
from nianbao_gui.core.model import Report, ReportKind
from nianbao_gui.core.pages.fonts import font_files
from nianbao_gui.core.pages.pdf import render_pdf

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(
        soffice() is None and not os.environ.get("CI"), reason="LibreOffice is not installed"
    ),
    pytest.mark.skipif(shutil.which("fc-match") is None, reason="needs fontconfig"),
]

TWO = 2 * 15.75  # two characters of 3号 with −0.25 pt spacing
QUARTER = 15.75 / 4
SALUTATION = "各位领导、同志们："
CASES = {
    "short": ("某某镇人民政府", _dt.date(2025, 12, 25)),  # the date is the longer
    "long": ("中共某某县某某镇委员会副书记、镇长李四", _dt.date(2025, 1, 5)),
    "wrapped": (
        "中共某某县某某镇委员会、某某县某某镇人民政府、某某县某某镇纪律检查委员会",
        _dt.date(2024, 11, 30),
    ),
}


def _report(signature: str, date: _dt.date) -> Report:
    text = "2024年以来，我镇完成各项目标任务**项，“两个维护”落实有力。" * 3
    return Report(
        kind=ReportKind.SHUZHI,
        year=2024,
        opening=[SALUTATION, text],
        signature=signature,
        date=date,
    )


def _starts(lines: list[tuple[str, float]], signature: str, date: str) -> tuple[float, float]:
    """x of the signature's first line and of the date line."""
    sig = next(x for text, x in lines if len(text) >= 6 and signature.startswith(text))
    dat = next(x for text, x in lines if text.startswith(date) and text.endswith("日"))
    return sig, dat


def _pdf_lines(data: bytes) -> list[tuple[str, float]]:
    """(text, x of its first character) of every line of the last page."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[-1]
        rows: dict[float, list[dict]] = {}  # type: ignore[type-arg]
        for char in page.chars:
            key = next((k for k in rows if abs(k - char["top"]) < 3), char["top"])
            rows.setdefault(key, []).append(char)
        out = []
        for key in sorted(rows):
            chars = sorted(rows[key], key=lambda c: c["x0"])
            out.append(("".join(c["text"] for c in chars), float(chars[0]["x0"])))
        return out


@pytest.fixture(scope="module")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, float]]]:
    folder = tmp_path_factory.mktemp("closing")
    options = ExportOptions()
    targets = []
    for name, (signature, date) in CASES.items():
        target = folder / f"{name}.docx"
        export_docx(_report(signature, date), target, options, metrics=render_metrics(options))
        targets.append(target)
    found = {}
    for target, pdf in zip(targets, to_pdfs(targets, folder), strict=True):
        pages = read_pages(pdf)
        found[target.stem] = [(line.text, line.x0) for page in pages for line in page.body]
    return found


@pytest.mark.parametrize("name", list(CASES))
def test_date_two_characters_right_of_the_signature_in_libreoffice(
    libreoffice: dict[str, list[tuple[str, float]]], name: str
) -> None:
    signature, date = CASES[name]
    sig, dat = _starts(libreoffice[name], signature, f"{date.year}年")
    assert abs(dat - sig - TWO) <= QUARTER, (name, dat - sig)


@pytest.mark.parametrize("name", list(CASES))
def test_date_two_characters_right_of_the_signature_in_the_pdf(name: str) -> None:
    signature, date = CASES[name]
    fonts = font_files(ExportOptions().font_set, fontconfig_file=str(FONTS_CONF))
    data, _ = render_pdf(_report(signature, date), fonts=fonts)
    sig, dat = _starts(_pdf_lines(data), signature, f"{date.year}年")
    assert abs(dat - sig - TWO) <= QUARTER, (name, dat - sig)


def test_salutation_flush_left_in_libreoffice(
    libreoffice: dict[str, list[tuple[str, float]]],
) -> None:
    x = next(line[1] for line in libreoffice["short"] if line[0] == SALUTATION)
    assert abs(x - BLOCK_LEFT) < 1, x
    body = next(line for line in libreoffice["short"] if line[0].startswith("2024年以来"))
    assert abs(body[1] - (BLOCK_LEFT + 32)) < 1, body  # the text after it indented two


def test_signature_ends_two_characters_in_from_the_right(
    libreoffice: dict[str, list[tuple[str, float]]],
) -> None:
    """The long signature's right end, by the measured widths: two characters in."""
    lines = libreoffice["long"]
    signature = CASES["long"][0]
    x = next(x for text, x in lines if text == signature)
    width = len(signature) * 15.75 - 0.25
    assert abs(x + width - (BLOCK_LEFT + 442.2 - TWO)) < 2, x
