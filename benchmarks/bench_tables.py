"""Tables: a draft with 20 tables of 30 rows exported to Word and laid out on pages, beside
the same text as paragraphs (each row one tab-separated paragraph). Issue 22's target: within
1.5× of the paragraphs. Run: ``.venv/bin/python benchmarks/bench_tables.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from timing import alternating_ms

from nianbao_gui.core.export import export_bytes
from nianbao_gui.core.model import Report, Section, Table
from nianbao_gui.core.pages import NominalMetrics, paginate

TABLES, ROWS, RUNS = 20, 30, 15


def drafts() -> tuple[Report, Report]:
    """(with tables, the same text as paragraphs)."""
    sections, flat = [], []
    for t in range(TABLES):
        rows = [["指标", "2024年", "2025年", "增幅"]]
        rows += [
            [f"第{t}表第{r}项指标（万元）", f"{r * 3.1:.1f}", f"{r * 3.4:.1f}", "6.2%"]
            for r in range(ROWS - 1)
        ]
        section = Section(heading=f"第{t}部分", paragraphs=["主要指标如下。"])
        section.tables.append(Table(caption=f"表{t + 1}", rows=rows, after=""))
        sections.append(section)
        lines = [f"表{t + 1}", *("\t".join(row) for row in rows)]
        flat.append(Section(heading=f"第{t}部分", paragraphs=["主要指标如下。", *lines]))
    with_tables = Report.model_validate(Report(year=2025, sections=sections).model_dump())
    return with_tables, Report(year=2025, sections=flat)


def fastest_ms(*actions: Callable[[], object]) -> list[float]:
    """The fastest of RUNS of each action, the actions taking turns: on a machine shared
    with other work, the runs least disturbed, disturbed alike."""
    return [min(each) for each in alternating_ms(RUNS, *actions)]


def main() -> int:
    tables, paragraphs = drafts()
    metrics = NominalMetrics()
    worst = 0.0
    for what, run in (("export", export_bytes), ("layout", lambda r: paginate(r, metrics))):
        with_tables, flat = fastest_ms(
            lambda run=run: run(tables),  # type: ignore[misc]
            lambda run=run: run(paragraphs),  # type: ignore[misc]
        )
        ratio = with_tables / flat
        worst = max(worst, ratio)
        print(f"{what}: tables {with_tables:.0f} ms, paragraphs {flat:.0f} ms, ratio {ratio:.2f}")
    return 0 if worst <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
