"""Import timings: the seed (.txt and as .docx) and a 100-page report.

Run: /work/venv/bin/python benchmarks/bench_import.py
A GB/T 9704 page holds 22 lines of 28 characters, so 100 pages are about 62,000 characters.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx

from nianbao_gui.core.importer import import_report, import_text
from nianbao_gui.core.numbering import heading_number
from nianbao_gui.core.templates import example_path

PAGE_CHARS = 22 * 28


def _median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up: imports, regex compilation
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def hundred_pages() -> str:
    paragraph = (
        "我始终把讲政治、强信念摆在首位，把维护核心作为最高的觉悟，不断强化“四个意识”，"
        "坚定“四个自信”，做到“两个维护”。突出抓好上级党委领导指示精神的学习贯彻，"
        "通过集中组学、录像导学、讨论研学的方式参加主题党日活动，进一步提升理论素养。"
    )
    lines = ["2024年度述职述廉报告", "某某镇副镇长\u3000张三", "2024年，我认真履行职责。"]
    section = 0
    while sum(len(line) for line in lines) < 100 * PAGE_CHARS:
        section += 1
        lines.append(f"{heading_number(1, section)}强化学习意识，提高理论素养")
        for sub in range(1, 6):
            lines.append(f"{heading_number(2, sub)}政法工作。{paragraph}")
            lines.append(paragraph)
    lines += [
        "在做好本职工作的同时，我还完成了其他工作。但也存在一些不足：一是学习不深；"
        "二是督促不够。今后，我将继续努力。",
        "张三",
        "2025年1月5日",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    seed = example_path()
    seed_ms = _median_ms(lambda: import_report(seed), 50)
    print(f"seed .txt ({seed.stat().st_size} bytes): {seed_ms:.1f} ms (median of 50)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seed.docx"
        document = docx.Document()
        for line in seed.read_text(encoding="utf-8").splitlines():
            document.add_paragraph(line)
        document.save(str(path))
        print(f"seed .docx: {_median_ms(lambda: import_report(path), 20):.1f} ms (median of 20)")
    text = hundred_pages()
    result = import_text(text)
    pages = len(text) / PAGE_CHARS
    print(
        f"100-page text ({len(text)} characters, about {pages:.0f} pages, "
        f"{len(result.report.all_sections())} headings): "
        f"{_median_ms(lambda: import_text(text), 5):.0f} ms (median of 5)"
    )


if __name__ == "__main__":
    main()
