"""Random table edits through the undo history (issue 22 item 2): each is one step, the table
stays valid with an identity for every cell, and undoing them all gives back the draft
exactly; redoing them all gives the edited draft again. They are asked the way the table
editor asks (TableRequests, issue 21 item 4): the editor's TableEdits makes each step."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from nianbao_gui.app.editor.commands import History
from nianbao_gui.app.editor.report_model import ReportModel
from nianbao_gui.app.editor.table_structure import TableAsk, TableEdits, TableRequests
from nianbao_gui.core import table_edit
from nianbao_gui.core.model import Report, Section, Table

PATH = ("sections", 0, "tables", 0)

operations = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "insert_row",
                "delete_row",
                "move_row",
                "insert_column",
                "delete_column",
                "move_column",
                "merge",
                "split",
                "set",
                "paste",
            ]
        ),
        st.integers(0, 6),
        st.integers(0, 6),
        st.integers(0, 3),
        st.integers(0, 3),
        st.text(alphabet="甲乙12\t\n", max_size=8),
    ),
    max_size=25,
)


def draft() -> Report:
    table = Table(rows=[["指标", "2024年", "2025年"], ["产值", "28.6", "**"]])
    return Report(sections=[Section(heading="经济", paragraphs=["一段。"], tables=[table])])


def ask(table: Table, op: tuple[str, int, int, int, int, str]) -> TableAsk:
    name, a, b, h, w, text = op
    r, c = a % len(table.rows), b % len(table.rows[0])
    if name == "insert_row":
        return TableAsk(name, table_edit.insert_row, (r,))
    if name == "delete_row":
        return TableAsk(name, table_edit.delete_row, (r,))
    if name == "move_row":
        return TableAsk(name, table_edit.move_row, (r, 1 if h % 2 else -1))
    if name == "insert_column":
        return TableAsk(name, table_edit.insert_column, (c,))
    if name == "delete_column":
        return TableAsk(name, table_edit.delete_column, (c,))
    if name == "move_column":
        return TableAsk(name, table_edit.move_column, (c, 1 if w % 2 else -1))
    if name == "merge":
        bottom = min(r + h, len(table.rows) - 1)
        right = min(c + w, len(table.rows[0]) - 1)
        return TableAsk(name, table_edit.merge_cells, (r, c, bottom, right))
    if name == "split":
        return TableAsk(name, table_edit.split_cell, (r, c))
    if name == "set":
        return TableAsk(name, table_edit.set_cell, (r, c, text.replace("\t", "").replace("\n", "")))
    block = table_edit.parse_block(text) or [[""]]
    return TableAsk(name, table_edit.paste_block, (r, c, block))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations)
def test_random_table_edits_undo_back_to_the_original(
    qtbot: QtBot, ops: list[tuple[str, int, int, int, int, str]]
) -> None:
    model = ReportModel(draft())
    history = History(model)
    requests = TableRequests()
    TableEdits(history, lambda _text: True, requests)
    refused: list[str] = []  # said in the form (a merge crossed, the last row …)
    requests.refused.connect(lambda _path, why: refused.append(why))
    original = model.report.model_dump()
    done = 0
    for op in ops:
        table = model.get(PATH)
        said = len(refused)
        requests.change_requested.emit(PATH, ask(table, op))
        new = model.get(PATH)
        if len(refused) > said:
            assert new is table and refused[-1]  # nothing changed, and why is said
            continue
        Table.model_validate(new.model_dump())
        ids = [cid for row in new.cell_ids for cid in row]
        assert len(ids) == len(set(ids)) == len(new.rows) * len(new.rows[0])
        done += new != table
        assert history.stack.count() == done
    edited = model.report.model_dump()
    while history.stack.canUndo():
        history.stack.undo()
    assert model.report.model_dump() == original
    while history.stack.canRedo():
        history.stack.redo()
    assert model.report.model_dump() == edited
