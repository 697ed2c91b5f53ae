"""Heading numbers and ordinals of official writing: 一、 （一） 1． （1） and 一是 二是."""

from __future__ import annotations

from functools import cache

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (n from 1 to 9999)."""
    if not 1 <= n <= 9999:
        raise ValueError(f"编号超出范围：{n}")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    parts: list[str] = []
    units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    pending_zero = False
    for value, unit in units:
        digit = (n // value) % 10
        if digit:
            if pending_zero and parts:
                parts.append("零")
            parts.append(_DIGITS[digit] + unit)
            pending_zero = False
        elif parts:
            pending_zero = True
    return "".join(parts)


def parse_chinese_numeral(text: str) -> int | None:
    """Inverse of chinese_numeral for 一 … 九百九十九; None if ``text`` is not one."""
    return _parsed().get(text)


def heading_number(level: int, index: int) -> str:
    """The number written before a heading: level 1–4, index from 1."""
    if level == 1:
        return f"{chinese_numeral(index)}、"
    if level == 2:
        return f"（{chinese_numeral(index)}）"
    if level == 3:
        return f"{index}．"
    if level == 4:
        return f"（{index}）"
    raise ValueError(f"标题层次只有一到四级，不是 {level}")


def ordinal(index: int) -> str:
    """一是 二是 三是 … for enumerations inside a paragraph (index from 1)."""
    return f"{chinese_numeral(index)}是"


@cache
def _parsed() -> dict[str, int]:
    # built at the first use, not at import: 999 numerals were ~1 % of every start (issue 21)
    return {chinese_numeral(n): n for n in range(1, 1000)}
