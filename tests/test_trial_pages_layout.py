"""Found by the pages trial: every character of the draft stands on the page."""

from __future__ import annotations

import datetime as _dt

from nianbao_gui.core.layout import Role
from nianbao_gui.core.model import Report, ReportKind
from nianbao_gui.core.pages import NominalMetrics, paginate


def test_a_signature_longer_than_a_line_keeps_the_date_on_the_page() -> None:
    # 42 characters of 落款 (a joint signature): the date's right indent (35 characters, to
    # start two right of the signature's first character) left it −7 characters of room, so
    # it stood one character a line left of the paper's edge (the PDF and the preview drew
    # nothing; LibreOffice drew it down the left margin, one character a line)
    signature = "某某镇人民政府" * 6
    report = Report(
        kind=ReportKind.SHUZHI,
        year=2024,
        title="述职报告",
        opening=["正文。"],
        signature=signature,
        date=_dt.date(2025, 12, 31),
    )
    laid = paginate(report, NominalMetrics())
    dates = [ln for ln in laid.lines if laid.paragraphs[ln.paragraph].role is Role.DATE]
    assert [ln.text for ln in dates] == ["2025年12月31日"]
    (date,) = dates
    assert min(x for span in date.spans for x in span.xs) >= 0
    # the signature wraps and starts its first line at the left: the date two characters in
    # from there, as GB/T 9704 puts it two right of the signature's first character
    sig = next(ln for ln in laid.lines if laid.paragraphs[ln.paragraph].role is Role.SIGNATURE)
    assert sig.spans[0].xs[0] == 0.0
    assert date.spans[0].xs[0] == 2 * laid.geometry.char_pitch


def test_a_long_run_of_marks_is_laid_out_in_linear_time() -> None:
    # at every line's end the search for the nearest letter or digit walked back to the
    # paragraph's start: 60 000 dashes (98 pages) took ~6 s, a preview's redraw after each
    # pause in typing; the lines are unchanged
    import time

    from nianbao_gui.core.pages.linebreak import break_lines

    report = Report(kind=ReportKind.SHUZHI, year=2024, title="述职报告", opening=["—" * 60000])
    started = time.monotonic()
    laid = paginate(report, NominalMetrics())
    assert time.monotonic() - started < 2.0
    assert len(laid.pages) == 98
    # the language at the cut still comes from before the line when the line has none:
    # 国 (Chinese rules: ，may follow *, the line ends before the last *), not a (Latin)
    text = "a国国*，，*%"
    assert break_lines(text, [8.0] * len(text), 32.0, 32.0) == [(0, 3), (3, 7), (7, 8)]
