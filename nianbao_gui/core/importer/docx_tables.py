"""A table of a Word document's body as a model Table: its grid, merged cells and header
rows; and the rows or cells of a table, also where content controls or custom XML wrap them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..fields import one_line
from ..model import Merge, Table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WRAPPERS = (W + "customXml", W + "smartTag")
"""Elements around blocks, rows or cells that are none themselves."""


def _int_of(props: Any, name: str, default: int) -> int:
    found = props.find(W + name) if props is not None else None
    value = found.get(W + "val", "") if found is not None else ""
    return int(value) if value.isdigit() and 0 < int(value) < 1000 else default


def unwrapped(container: Any, tag: str) -> Iterator[Any]:
    """Children with the tag, also inside content controls and custom XML."""
    for child in container:
        if child.tag == tag:
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from unwrapped(content, tag)
        elif child.tag in WRAPPERS:
            yield from unwrapped(child, tag)


def table_model(element: Any, cell_text: Callable[[Any], str]) -> Table:
    """A w:tbl as a model Table: the grid of cells, horizontal (gridSpan) and vertical
    (vMerge) merges, the header rows (w:tblHeader, and at least the first row).
    ``cell_text`` reads a cell's paragraphs (text boxes, notes… as the body's)."""
    grid: list[list[str]] = []
    merges: list[list[int]] = []  # top, left, height, width
    open_merges: dict[int, list[int]] = {}  # column → a vertical merge still going on
    headers = 0
    for r, row in enumerate(unwrapped(element, W + "tr")):
        row_props = row.find(W + "trPr")
        if (
            headers == r
            and row_props is not None
            and row_props.find(W + "tblHeader") is not None
        ):
            headers += 1
        cells: list[str] = [""] * _int_of(row_props, "gridBefore", 0)
        for cell in unwrapped(row, W + "tc"):
            props = cell.find(W + "tcPr")
            span = _int_of(props, "gridSpan", 1)
            vmerge = props.find(W + "vMerge") if props is not None else None
            column = len(cells)
            text = cell_text(cell)
            going = open_merges.get(column)
            restart = vmerge is not None and vmerge.get(W + "val") == "restart"
            if vmerge is not None and not restart and going is not None:
                going[2] += 1
                if text:  # text in a continued cell: kept with the merged cell's
                    top, left = going[0], going[1]
                    grid[top][left] = one_line(grid[top][left] + "\n" + text)
                cells.extend([""] * going[3])
                continue
            open_merges.pop(column, None)
            cells.append(text)
            cells.extend([""] * (span - 1))
            if span > 1 or restart:
                merge = [r, column, 1, span]
                merges.append(merge)
                if restart:
                    open_merges[column] = merge
        for column in [c for c in open_merges if c >= len(cells)]:
            del open_merges[column]  # a row too short to continue it
        grid.append(cells)
    width = max((len(row) for row in grid), default=0)
    if not grid or not width:
        return Table(rows=[[""]], header_rows=0)
    rows = [row + [""] * (width - len(row)) for row in grid]
    kept = [m for m in merges if m[2] > 1 or m[3] > 1]
    if kept:
        headers = max([headers, 1] + [m[2] for m in kept if m[0] == 0])
    return Table(
        rows=rows,
        header_rows=min(max(headers, 1), len(rows)),
        merges=[Merge(top=t, left=c, height=h, width=w) for t, c, h, w in kept],
    )
