"""Changes to a table (the form's table commands): each returns a new Table and leaves the
one given as it was, so an undo step can hold the table before and after (app/commands.py).

Cells keep their identities when rows or columns move or others are inserted; a new cell
gets a new one. Merges move with their cells; a row or column deleted through a merge
shrinks it. Text is never dropped silently: merging cells joins their texts in the top-left
cell, splitting a merge leaves the text in the top-left cell.
"""

from __future__ import annotations

from .model import Merge, Table, new_id
from .tables import covered

Grid = list[list[str]]


def _copy(table: Table) -> Table:
    return table.model_copy(deep=True)


def _rebuild(table: Table, rows: Grid, ids: list[list[str]], merges: list[Merge]) -> Table:
    data = table.model_dump()
    data.update(
        rows=rows,
        cell_ids=ids,
        merges=[m.model_dump() for m in merges],
        header_rows=min(table.header_rows, len(rows)),
    )
    return Table.model_validate(data)


def _ids(table: Table) -> list[list[str]]:
    ids = [list(row) for row in table.cell_ids]
    while len(ids) < len(table.rows):
        ids.append([])
    for r, row in enumerate(table.rows):
        ids[r] = (ids[r] + [new_id() for _ in range(len(row) - len(ids[r]))])[: len(row)]
    return ids[: len(table.rows)]


def _shift_merges(merges: list[Merge], axis: str, at: int, delta: int) -> list[Merge]:
    """Merges after a row/column inserted (delta 1) or deleted (delta −1) at ``at``."""
    start_key, size_key = ("top", "height") if axis == "row" else ("left", "width")
    result = []
    for merge in merges:
        start, size = getattr(merge, start_key), getattr(merge, size_key)
        if delta > 0:
            if at <= start:
                start += 1
            elif at < start + size:
                size += 1
        else:
            if at < start:
                start -= 1
            elif at < start + size:
                size -= 1
        if size >= 1 and (merge.height if axis == "col" else merge.width) * size > 1:
            result.append(merge.model_copy(update={start_key: start, size_key: size}))
    return result


def insert_row(table: Table, at: int) -> Table:
    width = len(table.rows[0])
    rows = [list(row) for row in table.rows]
    ids = _ids(table)
    rows.insert(at, [""] * width)
    ids.insert(at, [new_id() for _ in range(width)])
    merges = _shift_merges(table.merges, "row", at, 1)
    result = _rebuild(table, rows, ids, merges)
    if at < table.header_rows:
        result = result.model_copy(update={"header_rows": table.header_rows + 1})
    return result


def delete_row(table: Table, at: int) -> Table:
    """Refused (ValueError) for the last row: a table has at least one."""
    if len(table.rows) <= 1:
        raise ValueError("表格至少要有一行")
    rows = [list(row) for row in _keep_text_of_merges(table, "row", at)]
    ids = _ids(table)
    del rows[at], ids[at]
    merges = _shift_merges(table.merges, "row", at, -1)
    header = table.header_rows - (1 if at < table.header_rows else 0)
    return _rebuild(table, rows, ids, merges).model_copy(update={"header_rows": max(header, 0)})


def insert_column(table: Table, at: int) -> Table:
    rows = [list(row) for row in table.rows]
    ids = _ids(table)
    for row, line in zip(rows, ids, strict=True):
        row.insert(at, "")
        line.insert(at, new_id())
    return _rebuild(table, rows, ids, _shift_merges(table.merges, "col", at, 1))


def delete_column(table: Table, at: int) -> Table:
    if len(table.rows[0]) <= 1:
        raise ValueError("表格至少要有一列")
    rows = [list(row) for row in _keep_text_of_merges(table, "col", at)]
    ids = _ids(table)
    for row, line in zip(rows, ids, strict=True):
        del row[at], line[at]
    return _rebuild(table, rows, ids, _shift_merges(table.merges, "col", at, -1))


def _keep_text_of_merges(table: Table, axis: str, at: int) -> Grid:
    """The grid with the text of a merge's top-left cell moved one down (or right) when the
    row (column) deleted holds it and the merge goes on past it."""
    rows = [list(row) for row in table.rows]
    for merge in table.merges:
        if axis == "row" and merge.top == at and merge.height > 1:
            rows[at + 1][merge.left] = rows[at][merge.left]
        if axis == "col" and merge.left == at and merge.width > 1:
            rows[merge.top][at + 1] = rows[merge.top][at]
    return rows


def move_row(table: Table, at: int, step: int) -> Table:
    """Row ``at`` swapped with its neighbour (step −1 up, +1 down); refused through a merge."""
    other = at + step
    if not 0 <= other < len(table.rows) or at == other:
        raise ValueError("已经在最上（最下）了")
    if _crosses(table, "row", at) or _crosses(table, "row", other):
        raise ValueError("这一行有跨行合并的单元格，请先拆分再移动")
    rows = [list(row) for row in table.rows]
    ids = _ids(table)
    rows[at], rows[other] = rows[other], rows[at]
    ids[at], ids[other] = ids[other], ids[at]
    merges = [_moved(m, "row", at, other) for m in table.merges]
    return _rebuild(table, rows, ids, merges)


def move_column(table: Table, at: int, step: int) -> Table:
    other = at + step
    if not 0 <= other < len(table.rows[0]) or at == other:
        raise ValueError("已经在最左（最右）了")
    if _crosses(table, "col", at) or _crosses(table, "col", other):
        raise ValueError("这一列有跨列合并的单元格，请先拆分再移动")
    rows = [list(row) for row in table.rows]
    ids = _ids(table)
    for row, line in zip(rows, ids, strict=True):
        row[at], row[other] = row[other], row[at]
        line[at], line[other] = line[other], line[at]
    merges = [_moved(m, "col", at, other) for m in table.merges]
    return _rebuild(table, rows, ids, merges)


def _crosses(table: Table, axis: str, index: int) -> bool:
    for merge in table.merges:
        start, size = (merge.top, merge.height) if axis == "row" else (merge.left, merge.width)
        if size > 1 and start <= index < start + size:
            return True
    return False


def _moved(merge: Merge, axis: str, a: int, b: int) -> Merge:
    key = "top" if axis == "row" else "left"
    value = getattr(merge, key)
    if value == a:
        return merge.model_copy(update={key: b})
    if value == b:
        return merge.model_copy(update={key: a})
    return merge


def _joined(texts: list[str]) -> str:
    """Merged cells' texts in one: Chinese runs on as typed, but two figures (or ``**``)
    meeting get a space, so 1520 and 1680 do not become a figure 15201680."""
    out = ""
    for text in texts:
        if out and not _cjk(out[-1]) and not _cjk(text[0]):
            out += " "
        out += text
    return out


def _cjk(char: str) -> bool:
    return ord(char) >= 0x2E80


def merge_cells(table: Table, top: int, left: int, bottom: int, right: int) -> Table:
    """The rectangle (inclusive) as one cell; the texts of its cells joined in the top-left
    one (``_joined``). Merges inside it are absorbed; one reaching out of it is refused."""
    if (top, left) == (bottom, right):
        raise ValueError("请选中两个或更多单元格再合并")

    def inside(m: Merge) -> bool:
        return (
            top <= m.top
            and m.top + m.height - 1 <= bottom
            and (left <= m.left and m.left + m.width - 1 <= right)
        )

    def overlaps(m: Merge) -> bool:
        below = m.top > bottom or m.top + m.height - 1 < top
        return not (below or m.left > right or m.left + m.width - 1 < left)

    if any(overlaps(m) and not inside(m) for m in table.merges):
        raise ValueError("选中的区域与已合并的单元格部分重叠，请调整选区")
    rows = [list(row) for row in table.rows]
    cells = [(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)]
    texts = [rows[r][c] for r, c in cells if rows[r][c]]
    for r in range(top, bottom + 1):
        for c in range(left, right + 1):
            rows[r][c] = ""
    rows[top][left] = _joined(texts)
    merges = [m for m in table.merges if not inside(m)]
    merges.append(Merge(top=top, left=left, height=bottom - top + 1, width=right - left + 1))
    return _rebuild(table, rows, _ids(table), merges)


def split_cell(table: Table, row: int, column: int) -> Table:
    """The merge that holds the cell undone (its text stays in the top-left cell)."""
    hidden = covered(table)
    anchor = hidden.get((row, column), (row, column))
    merges = [m for m in table.merges if (m.top, m.left) != anchor]
    if len(merges) == len(table.merges):
        raise ValueError("这个单元格没有合并，无需拆分")
    return _rebuild(table, [list(r) for r in table.rows], _ids(table), merges)


def set_cell(table: Table, row: int, column: int, text: str) -> Table:
    rows = [list(r) for r in table.rows]
    rows[row][column] = text
    return _rebuild(table, rows, _ids(table), list(table.merges))


def clear_cells(table: Table, cells: list[tuple[int, int]]) -> Table:
    """The texts of ``cells`` emptied (Delete on selected cells, as in a spreadsheet)."""
    rows = [list(r) for r in table.rows]
    for row, column in cells:
        rows[row][column] = ""
    return _rebuild(table, rows, _ids(table), list(table.merges))


def set_field(table: Table, name: str, value: object) -> Table:
    """表题, unit, 注 or the number of header rows set (validated like the whole table)."""
    return Table.model_validate(table.model_dump() | {name: value})


def parse_block(text: str) -> Grid:
    """A block copied from Excel or WPS 表格: rows by line, cells by tab (a last empty line
    dropped; a cell in quotes with line breaks, as Excel copies it, is one cell), every row
    as long as the longest (a short one ends in empty cells)."""
    rows = parse_rows(text)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def spreadsheet_block(text: str) -> Grid | None:
    """Pasted text that is a spreadsheet block as a full grid: two or more rows, each with a
    tab (an empty first or last cell is a column too); None when it is anything else."""
    rows = parse_rows(text)
    if len(rows) < 2 or any(len(row) < 2 for row in rows):
        return None
    return parse_block(text)


def parse_rows(text: str) -> Grid:
    """``parse_block``'s rows as they were copied: a short row stays short (pasted into
    cells, it writes only its own)."""
    rows: Grid = []
    row: list[str] = []
    cell = ""
    quoted = False
    i = 0
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    while i < len(text):
        char = text[i]
        if quoted:
            if char == '"' and text[i + 1 : i + 2] == '"':
                cell += '"'
                i += 1
            elif char == '"':
                quoted = False
            else:
                cell += char
        elif char == '"' and not cell:
            quoted = True
        elif char == "\t":
            row.append(cell)
            cell = ""
        elif char == "\n":
            row.append(cell)
            rows.append(row)
            row, cell = [], ""
        else:
            cell += char
        i += 1
    if cell or row:
        row.append(cell)
        rows.append(row)
    return rows


def is_block(text: str) -> bool:
    """Text that is a spreadsheet block: two or more rows, or a row with a tab."""
    grid = parse_block(text)
    return bool(grid) and (len(grid) >= 2 or len(grid[0]) >= 2) and any(len(r) >= 2 for r in grid)


def paste_block(table: Table, row: int, column: int, block: Grid) -> Table:
    """``block`` written into the cells from (row, column), the table grown to hold it.
    Cells a merge hides are skipped (their text would not be seen); a row shorter than the
    others leaves the cells after it as they were."""
    result = table
    while len(result.rows) < row + len(block):
        result = insert_row(result, len(result.rows))
    width = max((len(r) for r in block), default=0)
    while len(result.rows[0]) < column + width:
        result = insert_column(result, len(result.rows[0]))
    rows = [list(r) for r in result.rows]
    hidden = covered(result)
    for dr, line in enumerate(block):
        for dc, text in enumerate(line):
            if (row + dr, column + dc) not in hidden:
                rows[row + dr][column + dc] = text
    return _rebuild(result, rows, _ids(result), list(result.merges))


def table_from_block(block: Grid) -> Table:
    return Table(rows=block, header_rows=1)
