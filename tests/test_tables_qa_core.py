"""Table defects found walking through issue 22 as a secretary would (QA pass), in the core."""

from __future__ import annotations

import pytest

from nianbao_gui.core import table_edit
from nianbao_gui.core.model import Table
from nianbao_gui.core.tables import centred


@pytest.mark.parametrize("text", ["**%", "＊＊％", "+**%", "**.*"])
def test_a_placeholder_for_a_percentage_is_centred_like_the_figure(text: str) -> None:
    """"**%" stands for "6.2%": set left while the figures around it are centred, the column
    jumped when it was filled."""
    assert centred(text) and centred("6.2%")


@pytest.mark.parametrize("text", ["产值", "**村", "%"])
def test_text_stays_set_left(text: str) -> None:
    assert not centred(text)


@pytest.mark.parametrize(
    ("texts", "merged"),
    [
        (["1520", "1680"], "1520 1680"),  # not a figure 15201680 that was never written
        (["**", "**"], "** **"),
        (["完成", "情况"], "完成情况"),  # Chinese runs on, as typed
        (["2024年", "2025年"], "2024年2025年"),
        (["数量", "120"], "数量120"),
    ],
)
def test_merged_texts_do_not_run_together_into_a_new_figure(
    texts: list[str], merged: str
) -> None:
    table = Table(rows=[[*texts, "x"], ["a", "b", "c"]])
    assert table_edit.merge_cells(table, 0, 0, 0, 1).rows[0][0] == merged
