"""与去年相同: what this year's draft still has of last year's, unchanged.

Every sentence of the body found word for word in last year's report is listed, and every
figure that kept its words before it and its value. The two reports' years count as the
same (``2025年，我……`` is last year's ``2024年，我……`` with only the year changed).
Text she rewrote is never listed: only exact sentences are matched, and a figure only
outside a sentence already listed. Headings are left out: keeping last year's structure is
the normal way, not a leftover.

Both reports are read once into sets, so a comparison costs a pass over each (100 pages:
a few tens of milliseconds).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Report
from ..tables import is_number
from .finding import Category, Finding, make_finding
from .targets import Kind, Target, targets

_SENTENCE = re.compile(r"[^。！？；!?;]+[。！？；!?;]*")
_FIGURE = re.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?![0-9])(?:%|％)?")
_FIGURE_BEFORE = 6  # the words before a figure that say what it counts
_YEAR = re.compile(r"(?<![0-9])(?:19|20|21)[0-9]{2}(?![0-9])")
MIN_SENTENCE = 8  # 无。 同意。 and the like are not worth a line
_COMPARED = (Kind.BODY, Kind.INTRO, Kind.ITEM, Kind.CELL)


def _year_neutral(text: str, years: tuple[str, ...]) -> str:
    """The two reports' years masked (same length, so offsets stay those of the field)."""
    for year in years:
        text = text.replace(year, "\x00" * len(year))
    return text


def _sentences(text: str) -> Iterator[tuple[int, int, str]]:
    for match in _SENTENCE.finditer(text):
        start = match.start()
        stripped = match.group().strip()
        if len(stripped) >= MIN_SENTENCE:
            start += len(match.group()) - len(match.group().lstrip())
            yield start, start + len(stripped), stripped


def _figures(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, key) of each figure; the key is the words before it and its value."""
    for match in _FIGURE.finditer(text):
        start, end = match.span()
        if text.startswith("年", end) or text.startswith("\x00", start):
            continue  # a year, not a figure
        before = re.sub(r"[0-9.%％\s]", "", text[max(0, start - _FIGURE_BEFORE * 2) : start])
        before = before[-_FIGURE_BEFORE:]
        if len(before) >= 2:
            yield start, end, f"{before}\x01{match.group()}"


def _compared(report: Report) -> list[Target]:
    return [target for target in targets(report) if target.kind in _COMPARED and target.text]


class LastYear:
    """Last year's sentences and figures, read once; asked about this year's texts."""

    def __init__(self, last: Report, year: int | None) -> None:
        self.years = tuple(str(y) for y in {year, last.year} if y)
        self.sentences: set[str] = set()
        self.figures: set[str] = set()
        for target in _compared(last):
            text = _year_neutral(target.text, self.years)
            self.sentences.update(sentence for _, _, sentence in _sentences(text))
            self.figures.update(key for _, _, key in _figures(text))
            if cell := self.cell_key(target, last.year):
                self.figures.add(cell)

    @staticmethod
    def cell_key(target: Target, year: int | None) -> str:
        """A figure cell's row label, column header and value; "" for other texts. Years are
        written relative to the report's own (``2025年`` in a 2025 report is ``Y+0``), so
        this year's 本年 column is compared with last year's 本年 column, not its 上年."""
        if target.kind is not Kind.CELL or not target.context or not is_number(target.text):
            return ""
        context = target.context
        if year:
            context = _YEAR.sub(lambda m: f"Y{int(m.group()) - year:+d}", context)
        return f"{context}\x01{target.text.strip()}"

    def same_sentences(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence of ``text`` that last year's report has too."""
        neutral = _year_neutral(text, self.years)
        return [(a, b) for a, b, sentence in _sentences(neutral) if sentence in self.sentences]

    def same_figures(self, text: str, outside: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """(start, end) of each figure with last year's value and words before it, outside
        the spans given (sentences already listed)."""
        neutral = _year_neutral(text, self.years)
        return [
            (a, b)
            for a, b, key in _figures(neutral)
            if key in self.figures and not any(s <= a < e for s, e in outside)
        ]


def compare(report: Report, last: Report) -> list[Finding]:
    """The sentences and figures of ``report`` that are the same as in ``last``."""
    known = LastYear(last, report.year)
    findings: list[Finding] = []
    for target in _compared(report):
        text = target.text
        listed = known.same_sentences(text)
        findings += [
            _same(
                target, start, end, "same.sentence", "这句与去年的报告一字不差，请核对是否需要改写"
            )
            for start, end in listed
        ]
        findings += [
            _same(
                target,
                start,
                end,
                "same.figure",
                f"数字“{text[start:end]}”与去年相同（前文也相同），请核对是否已更新",
            )
            for start, end in known.same_figures(text, listed)
        ]
        cell = known.cell_key(target, report.year)
        if cell and cell in known.figures:
            start = len(text) - len(text.lstrip())
            end = len(text.rstrip())
            findings.append(
                _same(
                    target,
                    start,
                    end,
                    "same.figure",
                    f"表中数字“{text[start:end]}”与去年同一行同一列相同，请核对是否已更新",
                )
            )
    return findings


def _same(target: Target, start: int, end: int, code: str, message: str) -> Finding:
    return make_finding(target.text, target.path, start, end, code, message, Category.SAME_AS_LAST)
