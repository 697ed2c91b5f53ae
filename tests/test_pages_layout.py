"""The page layout in the core: 22 lines a page, 28 characters a line, Chinese line breaking."""

from __future__ import annotations

import datetime as _dt

from export_support import long_report, seed_report
from hypothesis import given, settings
from hypothesis import strategies as st

from nianbao_gui.core.layout import Role
from nianbao_gui.core.model import Report, ReportKind, Section
from nianbao_gui.core.pages import Geometry, NominalMetrics, paginate
from nianbao_gui.core.pages.linebreak import (
    HANGING,
    NO_END,
    NO_START,
    break_lines,
    can_break,
    can_break_chinese,
    chinese_rules,
)
from nianbao_gui.core.pages.metrics import FontKey
from nianbao_gui.core.pages.widths import CHINESE, LATIN, advances, char_widths, scripts

CHAR = 15.75
ROOM = 442.25


def _report(*paragraphs: str, **extra: object) -> Report:
    return Report(kind=ReportKind.SHUZHI, year=2024, opening=list(paragraphs), **extra)  # type: ignore[arg-type]


def _body_lines(report: Report, geometry: Geometry | None = None) -> list[str]:
    laid = paginate(report, NominalMetrics(), geometry=geometry)
    return [
        line.text
        for line in laid.lines
        if not laid.paragraphs[line.paragraph].blank
        and laid.paragraphs[line.paragraph].role is Role.BODY
    ]


def test_full_lines_hold_28_characters_first_lines_26() -> None:
    lines = _body_lines(_report("国" * 100))
    assert [len(t) for t in lines] == [26, 28, 28, 18]


def test_22_lines_on_every_full_page() -> None:
    laid = paginate(long_report(12), NominalMetrics())
    assert len(laid.pages) >= 10
    for page in laid.pages[:-1]:
        assert [line.slot for line in page.lines] == list(range(22))
    assert 1 <= len(laid.pages[-1].lines) <= 22


def test_no_closing_mark_starts_a_line_and_no_opening_mark_ends_one() -> None:
    # "）" would fall at the start of line 2: the line before breaks one character earlier
    text = "国" * 26 + "国（一）" + "国" * 30
    lines = _body_lines(_report(text))
    assert all(line[0] not in NO_START for line in lines)
    assert all(line[-1] not in NO_END for line in lines)
    # an opening mark that would end a line moves to the next one with what it opens
    lines = _body_lines(_report("国" * 25 + "（国）" + "国" * 30))
    assert lines[0].endswith("国") and lines[1].startswith("（")


def test_a_comma_at_a_full_line_goes_down_with_the_character_before_it() -> None:
    """The export writes overflowPunct 1: no hanging in LibreOffice (issue 20)."""
    lines = _body_lines(_report("国" * 26 + "，" + "国" * 10))
    assert lines[0] == "国" * 25 and lines[1].startswith("国，")
    laid = paginate(_report("国" * 26 + "，" + "国" * 10), NominalMetrics())
    assert not any(line.hanging for line in laid.lines)
    # where a paragraph lets marks hang, the comma hangs past the margin
    text = "国" * 26 + "，" + "国" * 10
    bounds = break_lines(text, [CHAR] * len(text), ROOM - 32, ROOM, hang=True)
    assert bounds[0] == (0, 27)


def test_justified_lines_end_at_the_margin_and_digits_stay_together() -> None:
    text = "国" * 20 + "完成2024年目标任务98.5%，“两个维护”落实**项。" * 4
    laid = paginate(_report(text), NominalMetrics())
    metrics = NominalMetrics()
    lines = [line for line in laid.lines if not line.last]
    assert len(lines) >= 3
    for line in lines:
        span = line.spans[-1]
        end = span.xs[-1] + metrics.advance(span.font, span.text[-1]) * span.size
        assert abs(end - laid.geometry.block_width) < 0.01, line.text
        xs = [x for span in line.spans for x in span.xs]
        text_of = line.text
        for k in range(len(text_of) - 1):  # no widening inside a Latin word
            if text_of[k].isascii() and text_of[k + 1].isascii() and text_of[k] != " ":
                assert abs(xs[k + 1] - xs[k] - (7.75 if k + 2 < len(text_of) else 8)) < 0.3


def test_digits_are_half_width_and_stay_together() -> None:
    # 22 characters, then 2022 (two characters' room) and 年: 26 on the first line (Word)
    word = Geometry(autospace=0.0)
    lines = _body_lines(_report("国" * 22 + "2022" + "年" * 40), word)
    assert lines[0] == "国" * 22 + "2022" + "年" * 2
    # LibreOffice puts 0.2 em on each side of 2022: one 年 less
    lines = _body_lines(_report("国" * 22 + "2022" + "年" * 40))
    assert lines[0] == "国" * 22 + "2022" + "年"
    # a number is not split across lines
    lines = _body_lines(_report("国" * 25 + "123456" + "国" * 30))
    assert lines[0] == "国" * 25 and lines[1].startswith("123456")


def test_libreoffice_adds_space_between_chinese_and_digits() -> None:
    fonts = [FontKey.FANG] * 4
    plain = char_widths("国22国", fonts, NominalMetrics(), 16, -0.25, 0.0)
    spaced = char_widths("国22国", fonts, NominalMetrics(), 16, -0.25, 0.2)
    # no −0.25 pt after the last character of a script run (nor of the paragraph)
    assert plain == [16.0, 7.75, 8.0, 16.0]
    assert spaced == [16.0 + 3.2, 7.75, 8.0 + 3.2, 16.0]


def _lines(text: str, first: float, rest: float = ROOM) -> list[str]:
    """``text`` broken as LibreOffice breaks 3号 仿宋 body text (nominal widths)."""
    fonts = [FontKey.FANG] * len(text)
    widths = char_widths(text, fonts, NominalMetrics(), 16, -0.25, 0.2)
    needs = advances(text, fonts, NominalMetrics(), 16)
    return [text[a:b] for a, b in break_lines(text, widths, first, rest, needs)]


def test_placeholder_splits_after_chinese_only_where_its_first_half_fits() -> None:
    # 国 × 10 end at 157.75 pt (the last one, before Latin script, without the −0.25 pt)
    text = "国" * 10 + "**万亩以上"
    # the first * fits by its advance (8 pt): LibreOffice breaks by the zh-CN rules of the
    # Chinese before the cut and splits "**" (fixture chinese-year-plans-section)
    assert _lines(text, 170.0)[:2] == ["国" * 10 + "*", "*万亩以上"]
    # 165.6 pt: the * fits with its −0.25 pt spacing but not by its advance: "**" goes to
    # the next line whole (fixture fullwidth-year-name-first, short by 0.25 pt there too)
    assert _lines(text, 165.6)[:2] == ["国" * 10, "**万亩以上"]
    # after Latin text the en-US rules hold: "a**" is not split
    assert _lines("国" * 10 + "a**万亩", 180.0)[:2] == ["国" * 10, "a**万亩"]


def test_the_language_at_the_cut_is_that_of_the_nearest_letter_or_digit() -> None:
    assert chinese_rules("在**万", 2)  # back past * to 在
    assert chinese_rules("在**%", 3)
    assert not chinese_rules("在a*", 2)
    assert not chinese_rules("98.2%，", 5)  # back to 2: no comma hangs after Latin text
    assert chinese_rules("２０％", 2)  # full-width digits are Chinese script
    # zh-CN: only LibreOffice's forbidden marks hold a break back
    assert all(can_break_chinese(pair, 1) for pair in ("**", "……", "——", "日％", "日…"))
    assert not can_break_chinese("日）", 1) and not can_break_chinese("“日", 1)
    assert not can_break_chinese('日"', 1) and not can_break_chinese("日”", 1)


def test_after_chinese_ellipsis_and_percent_split_and_question_marks_hang() -> None:
    room = 16 * 15.75 + 16 + 0.25  # 17 国 fit (the last by its advance), 0.25 pt to spare
    assert _lines("国" * 16 + "……国国", room)[:2] == ["国" * 16 + "…", "…国国"]
    assert _lines("国" * 16 + "２％国", room)[:2] == ["国" * 16 + "２", "％国"]
    assert _lines("国" * 17 + "？国", room)[:2] == ["国" * 17 + "？", "国"]
    assert _lines("国" * 17 + "！国", room)[:2] == ["国" * 17 + "！", "国"]


def test_the_space_between_chinese_and_latin_is_not_needed_at_a_line_end() -> None:
    room = 16 * 15.75 + 16 + 0.25
    # the 17th 国 fits; the 3.2 pt before 2022 would not, but 2022 goes to the next line
    assert _lines("国" * 17 + "2022年", room)[:2] == ["国" * 17, "2022年"]
    assert _lines("国" * 15 + "ab国国", 256.0)[:2] == ["国" * 15 + "ab", "国国"]


def test_an_ideographic_space_at_the_cut_ends_the_line() -> None:
    room = 16 * 15.75 + 16 + 0.25
    assert _lines("国" * 17 + "\u3000万亩", room)[:2] == ["国" * 17 + "\u3000", "万亩"]


def test_space_between_scripts_comes_between_letters_or_digits_only() -> None:
    def widths(text: str) -> list[float]:
        return char_widths(text, [FontKey.FANG] * len(text), NominalMetrics(), 16, -0.25, 0.2)

    # a full-width digit is Chinese script: spaced from A and 0 as 国 is (LibreOffice's PDF)
    assert widths("A０0国") == [8.0 + 3.2, 16.0 + 3.2, 8.0 + 3.2, 16.0]
    # no space next to a mark: 会**次, 。2022
    assert widths("会**次") == [16.0, 7.75, 8.0, 16.0]
    assert widths("。20") == [16.0, 7.75, 8.0]


def test_weak_marks_take_the_script_before_them() -> None:
    assert scripts("2022—2025") == [LATIN] * 9  # one Latin portion: spacing inside it
    assert scripts("国——国") == [CHINESE] * 4
    assert scripts("“国”a") == [CHINESE, CHINESE, CHINESE, LATIN]
    fonts = [FontKey.FANG] * 6
    assert char_widths("0—工", fonts, NominalMetrics(), 16, -0.25, 0.2) == [7.75, 16.0, 16.0]


def test_no_break_between_a_digit_and_an_opening_bracket() -> None:
    assert not can_break("国2（国", 2) and can_break("国2（国", 1)
    assert _lines("国" * 16 + "2（B国", 16 * 15.75 + 16 + 8)[:2] == ["国" * 16, "2（B国"]


def test_title_lines_blank_lines_signature_and_date() -> None:
    report = long_report(3)
    laid = paginate(report, NominalMetrics())
    first = laid.pages[0].lines
    assert first[0].text.startswith("某某镇人民政府副镇长2024年度述职报告")
    assert first[1].text.startswith("暨党风廉政建设")
    assert first[0].spans[0].font is FontKey.TITLE and first[0].spans[0].size == 22
    assert first[2].spans[0].font is FontKey.KAI  # the author line
    assert laid.paragraphs[first[3].paragraph].blank
    last = laid.lines[-3:]
    assert laid.paragraphs[last[0].paragraph].blank
    assert (last[1].text, last[2].text) == ("某某镇人民政府", "2025年1月5日")
    # the date (with LibreOffice's space around digits) is longer than the signature: it
    # ends two characters in from the right, and starts two right of the signature's start
    sig, date = last[1].spans[0], last[2].spans[-1]
    assert abs(date.xs[0] - sig.xs[0] - 2 * CHAR) < 0.01
    assert abs(date.xs[-1] + 16 - (ROOM - 2 * CHAR)) < 0.5


def test_closing_placed_by_measured_widths() -> None:
    """GB/T 9704-2012 7.3.5.2 by the widths the layout measures, Arabic and Chinese-numeral
    dates, short, long and wrapped signatures: the date starts two characters right of the
    signature's start; the longer of the two ends two characters in from the right."""
    from nianbao_gui.core.pages.closing import closing_lefts, extent

    g, m = Geometry(), NominalMetrics()
    for signature, date in (
        ("某某镇人民政府", "2025年1月5日"),
        ("某某镇人民政府", "二〇二五年一月五日"),
        ("中共某某县某某镇委员会副书记、镇长李四", "二〇二五年十二月二十五日"),
        ("中共某某县某某镇委员会副书记、镇长李四", "2025年12月25日"),
    ):
        sig_left, date_left = closing_lefts(signature, date, m, g)
        assert abs(date_left - sig_left - 2 * CHAR) < 0.01
        right = max(sig_left + extent(signature, m, g), date_left + extent(date, m, g))
        assert abs(right - (g.block_width - 2 * CHAR)) < 0.01, (signature, date)
    # a digit is not ½ em here: LibreOffice's space between Chinese and digits counts
    assert extent("2025年1月5日", m, g) > 6 * CHAR
    # a signature longer than a line starts at the left, the date two characters in
    long = "某某县某某镇人民政府" * 3
    assert closing_lefts(long, "2025年1月5日", m, g) == (0.0, 2 * CHAR)


def test_salutation_flush_left() -> None:
    laid = paginate(_report("各位领导、同志们：", "现将一年来的工作汇报如下："), NominalMetrics())
    body = [line for line in laid.lines if line.text.strip()][1:]
    assert body[0].text == "各位领导、同志们：" and body[0].spans[0].xs[0] == 0.0
    assert body[1].spans[0].xs[0] == 32.0  # the text after it keeps its indent


def test_run_in_heading_keeps_its_font() -> None:
    report = _report(
        sections=[
            Section(
                heading="履行职责",
                children=[
                    Section(heading="政法工作。", run_in=True, paragraphs=["一是" + "国" * 40])
                ],
            )
        ]
    )
    laid = paginate(report, NominalMetrics())
    heading = next(line for line in laid.lines if line.text.startswith("一、"))
    run_in = next(line for line in laid.lines if line.text.startswith("（一）"))
    assert heading.spans[0].font is FontKey.HEI
    assert [s.font for s in run_in.spans] == [FontKey.KAI, FontKey.FANG]
    assert run_in.spans[0].text == "（一）政法工作。"


def test_seed_lays_out_on_five_pages_with_every_character() -> None:
    report = seed_report()
    laid = paginate(report, NominalMetrics())
    assert len(laid.pages) == 5
    for number, paragraph in enumerate(laid.paragraphs):
        lines = [line for line in laid.lines if line.paragraph == number]
        assert "".join(line.text for line in lines) == paragraph.text.replace("\n", "")


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("国家政府工作（）“”，。、；：？！2024AB%* —…")),
        min_size=1,
        max_size=200,
    )
)
def test_breaking_keeps_every_character_and_the_rules(text: str) -> None:
    fonts = [FontKey.FANG] * len(text)
    widths = char_widths(text, fonts, NominalMetrics(), 16, -0.25, 0.2)
    needs = advances(text, fonts, NominalMetrics(), 16)
    bounds = break_lines(text, widths, ROOM - 32, ROOM, needs)
    assert "".join(text[a:b] for a, b in bounds) == text
    for number, (a, b) in enumerate(bounds):
        room = ROOM - (32 if number == 0 else 0)
        end = b
        while end > a + 1 and text[end - 1] == " ":  # trailing spaces may pass the margin
            end -= 1
        if text[end - 1] in HANGING and end - a > 1:
            end -= 1
        # the last character by its advance: the spacing after it is not needed
        width = sum(widths[a : end - 1]) + needs[end - 1]
        assert end - a == 1 or width <= room + 0.01, (number, text[a:b])
        if number + 1 == len(bounds) or text[b - 1] == " " or text[b - 1] in HANGING:
            continue
        if not (can_break(text, b) or can_break_chinese(text, b)):
            # only where the line had nowhere else to break, by the rules in force
            zh = any(can_break_chinese(text, k) for k in range(a + 1, b + 1))
            en = any(can_break(text, k) for k in range(a + 1, b + 1))
            assert not zh or not en, text[a:b]


def test_date_is_on_the_last_page() -> None:
    report = _report("国" * 30, signature="某某镇", date=_dt.date(2025, 1, 5))
    laid = paginate(report, NominalMetrics())
    assert laid.lines[-1].text == "2025年1月5日"


def test_a_mark_hanging_at_the_paragraph_end_leaves_no_empty_line() -> None:
    text = "国" * 54 + "。"
    assert break_lines(text, [CHAR] * 55, ROOM - 32, ROOM, hang=True) == [(0, 26), (26, 55)]
    laid = paginate(_report(text, "国"), NominalMetrics())  # no hanging: 国。 goes down
    assert [line.text for line in laid.lines[-4:]] == ["国" * 26, "国" * 27, "国。", "国"]
    assert break_lines("国\n", [16.0, 0.0], 400, 400) == [(0, 1), (2, 2)]
    assert break_lines("", [], 400, 400) == [(0, 0)]
