"""Title lines (梯形/菱形) and the place of signature and date."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nianbao_gui.core.typeset.title import split_title, text_width


def test_short_title_one_line() -> None:
    assert split_title("2022年度述职述廉报告") == ["2022年度述职述廉报告"]


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        (
            "某某镇人民政府副镇长2024年度述职报告暨党风廉政建设责任制落实情况报告",
            ["某某镇人民政府副镇长2024年度述职报告", "暨党风廉政建设责任制落实情况报告"],
        ),
        (
            "关于2024年度某某镇党风廉政建设责任制落实情况的报告",
            ["关于2024年度某某镇党风廉政建设", "责任制落实情况的报告"],
        ),
    ],
)
def test_two_lines_upper_not_shorter(title: str, lines: list[str]) -> None:
    assert split_title(title) == lines


def test_three_lines_diamond() -> None:
    title = (
        "中共某某县某某镇委员会关于二〇二四年度落实全面从严治党主体责任情况暨党风廉政建设工作的报告"
    )
    lines = split_title(title)
    assert len(lines) == 3 and "".join(lines) == title
    widths = [text_width(line) for line in lines]
    assert widths[1] >= widths[0] and widths[1] >= widths[2]


@given(st.text(alphabet="某镇年度述职报告工作总结关于的2024、，", min_size=1, max_size=90))
def test_lines_fit_and_keep_every_character(title: str) -> None:
    lines = split_title(title)
    assert "".join(lines) == title.strip()
    assert all(text_width(line) <= 20 for line in lines)


def test_numbers_and_words_are_not_split() -> None:
    for line in split_title("某某镇2024年度党建工作述职报告和下一年度工作计划安排情况"):
        assert not line.endswith(("20", "202", "述职述")) and not line.startswith(("24", "年度"))

