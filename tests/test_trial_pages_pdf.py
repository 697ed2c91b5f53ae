"""Found by the pages trial: what 导出 PDF says about characters no font has."""

from __future__ import annotations

from render_support import FONTS_CONF

from nianbao_gui.core.model import Report
from nianbao_gui.core.pages.fonts import font_files
from nianbao_gui.core.pages.pdf import render_pdf
from nianbao_gui.core.typeset import ExportOptions

PDF_FONTS_CONF = FONTS_CONF.with_name("pdf-fonts.conf")  # TrueType fonts (test_export_pdf)


def test_missing_characters_are_named_in_the_order_written_and_the_list_says_when_it_stops() -> (
    None
):
    # 24 kinds: the warning showed the first 10 by code point (Arabic and Thai before the
    # emoji the user typed first) with no sign that 14 more were left out
    text = "表情😀符号👍，阿拉伯文مرحبا、泰文สวัสดี、家庭👨👩👧。"
    fonts = font_files(ExportOptions().font_set, fontconfig_file=str(PDF_FONTS_CONF))
    _data, result = render_pdf(Report(opening=[text]), fonts=fonts)
    (warning,) = [w for w in result.warnings if "所有字体中都没有" in w]
    assert "（😀👍مرحباสวั" in warning and "等）" in warning
    _data, result = render_pdf(Report(opening=["表情😀符号。"]), fonts=fonts)
    (warning,) = [w for w in result.warnings if "所有字体中都没有" in w]
    assert "有 1 种字符（😀）" in warning
