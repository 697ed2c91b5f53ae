"""A table in a section's body and its merged cells (where a table stands and the order of
the body: ``core/tables.py``)."""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import _Model


class Merge(_Model):
    """Cells merged into one: ``height`` rows × ``width`` columns from (``top``, ``left``).
    The text is the top-left cell's; the cells it covers stay in the grid, empty."""

    top: int = Field(0, ge=0, title="起始行")
    left: int = Field(0, ge=0, title="起始列")
    height: int = Field(1, ge=1, title="所占行数")
    width: int = Field(1, ge=1, title="所占列数")


class Table(_Model):
    """A table in a section's body: 表题, unit line, header rows, a grid of cells, 注.

    ``rows`` is a full grid (every row as long as the first); merged cells are listed in
    ``merges``. ``cell_ids`` beside ``rows`` gives each cell its identity (like
    ``paragraph_ids``), so a figure of a cell finds its cell after rows moved.
    """

    table_id: str = Field("", title="表格编号")
    after: str = Field("", title="表格所在位置")
    caption: str = Field("", title="表题")
    unit: str = Field("", title="计量单位")
    header_rows: int = Field(1, ge=0, title="表头行数")
    rows: list[list[str]] = Field(default_factory=lambda: [[""]], title="表格行")
    cell_ids: list[list[str]] = Field(default_factory=list, title="单元格的编号")
    merges: list[Merge] = Field(default_factory=list, title="合并单元格")
    note: str = Field("", title="表注")

    @model_validator(mode="after")
    def _grid(self) -> Table:
        if not self.rows or not self.rows[0]:
            raise ValueError("表格至少要有一行一列")
        width = len(self.rows[0])
        for number, row in enumerate(self.rows, start=1):
            if len(row) != width:
                raise ValueError(f"表格第{number}行有{len(row)}格，第1行有{width}格，应一样多")
        if self.header_rows > len(self.rows):
            raise ValueError(f"表头行数（{self.header_rows}）超过了表格的行数（{len(self.rows)}）")
        taken: set[tuple[int, int]] = set()
        for merge in self.merges:
            if merge.top + merge.height > len(self.rows) or merge.left + merge.width > width:
                raise ValueError(f"合并单元格（第{merge.top + 1}行第{merge.left + 1}列）超出了表格")
            cells = {
                (r, c)
                for r in range(merge.top, merge.top + merge.height)
                for c in range(merge.left, merge.left + merge.width)
            }
            if cells & taken:
                raise ValueError(
                    f"合并单元格（第{merge.top + 1}行第{merge.left + 1}列）与另一处重叠"
                )
            taken |= cells
        return self
