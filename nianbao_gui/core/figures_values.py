"""What a cell of a 数据 table holds, as the text to put into a slot, or why it is none.

A slot holds a figure or a name. Excel's error values (#DIV/0!, #REF!, #N/A …), TRUE/FALSE,
infinities, durations and times of day are no figures and are refused with the reason; so are
line breaks (U+2028 and U+0085 too) and long texts. A date is written as 2025年3月5日, and kept
apart (``kind``) so that it is refused where a count is meant (figures_match). A percentage is
read as Excel shows it (0.125 formatted ``0.0%`` is 12.5%).
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from .limits import MAX_FIGURE_CHARS

ERRORS = frozenset(
    {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!"}
)
_PERCENT_DECIMALS = re.compile(r"0\.(0+)")


def plain(value: Any) -> str:
    """A context column's cell as text (these are written as text; a number if retyped)."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isfinite(value):
        return _number(value)
    return str(value)


def _number(value: float) -> str:
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # Excel keeps 1200 as 1200.0
    text = f"{value:.15g}"  # as Excel shows it: 15 significant digits, not 0.30000000000000004
    if "e" in text:
        text = format(Decimal(text), "f")
    return text


def _percent(value: float, number_format: str) -> str:
    match = _PERCENT_DECIMALS.search(number_format.split("%")[0])
    places = len(match.group(1)) if match else 0
    try:
        shown = (Decimal(repr(value)) * 100).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    except InvalidOperation:
        return _number(value * 100) + "%"
    return f"{shown}%"


def cell_value(cell: Any) -> tuple[str, str, str]:
    """``(text, problem, kind)`` of a 填写 cell: kind is text, number, percent or date;
    ``formula?`` for an empty cell (it may be a formula saved without its result)."""
    value = getattr(cell, "value", None)
    data_type = getattr(cell, "data_type", "")
    number_format = str(getattr(cell, "number_format", "") or "")
    if value is None:
        return "", "", "formula?"
    if data_type == "e" or (isinstance(value, str) and value.strip().upper() in ERRORS):
        return "", f"“填写”是 Excel 的错误值“{str(value)[:20]}”（公式算不出结果），不是数字", "text"
    if isinstance(value, bool):
        return "", f"“填写”是逻辑值 {'TRUE' if value else 'FALSE'}，不是数字", "text"
    if isinstance(value, _dt.timedelta):
        return "", "“填写”是一段时长（如 5:00:00），不是数字；请把单元格设为“文本”后重填", "text"
    if isinstance(value, _dt.time) or (
        isinstance(value, _dt.datetime) and value.time() != _dt.time()
    ):
        return "", "“填写”是一个时刻（几点几分），不是数字；请把单元格设为“文本”后重填", "text"
    if isinstance(value, (_dt.date, _dt.datetime)):  # Excel turned 2025/3/5 into a date
        return f"{value.year}年{value.month}月{value.day}日", "", "date"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return "", f"“填写”是“{value}”，不是有限的数", "text"
        if "%" in number_format:
            return _percent(float(value), number_format), "", "percent"
        return _number(float(value)) if isinstance(value, float) else str(value), "", "number"
    text = str(value)
    stripped = text.strip()
    if len(stripped.splitlines()) > 1:  # Alt+Enter, or U+2028 / U+0085 from another program
        return "", "“填写”里有换行，请把它写成一行", "text"
    if len(stripped) > MAX_FIGURE_CHARS:
        return (
            "",
            f"“填写”有 {len(stripped)} 个字，太长，不像一个数字或名称"
            f"（最多 {MAX_FIGURE_CHARS} 字）",
            "text",
        )
    return text, "", "text"
