"""Save and load times of drafts (ms, median of N runs): the seed report and a 100-page one.

Run: ``/work/venv/bin/python benchmarks/bench_storage.py`` (uses a temporary data folder).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from nianbao_gui.core.fields import iter_text_fields
from nianbao_gui.core.model import Closing, Report, ReportKind, Section

N = 21
PAGE_CHARS = 22 * 28  # GB/T 9704: 22 lines of 28 characters

PARAGRAPHS = [
    "我始终把讲政治、强信念摆在首位，把维护核心作为最高的觉悟，不断强化“四个意识”，坚定“四个自信”，"
    "做到“两个维护”。突出抓好习近平总书记系列重要讲话精神与上级党委领导指示精神的学习贯彻。",
    "一是探索推进乡村治理社会化。注重发挥党建统领作用，以党建贯穿、引领、保障基层治理。大力发扬村民自治。"
    "各村都因地制宜、自下而上制定了“村规民约”，引导广大群众在依法依规、民主协商中实现自我管理。",
    "切实做好了低保户、五保户、精神病人、危重病人等弱势群体救助工作。今年共救助对象**多人，"
    "共发放救助资金**多万元。同时认真贯彻落实优抚政策，按时刷卡发放优抚金共计约**多万元。",
    "对镇区道路进行了综合改造，完善了交通标线；加大公路“安保”工程实施力度，对危险路段进行了全面治理。"
    "开展道路交通上路巡查**次，查处超速、超载、疲劳驾驶、酒后驾驶等交通违法行为*人次。",
]


def seed_report() -> tuple[Report, str]:
    """The seed report through the importer; by hand with the same shape if it is missing."""
    try:
        from nianbao_gui.core.importer import import_report
        from nianbao_gui.core.templates import example_path

        return import_report(example_path()).report, "imported seed"
    except ImportError:
        pass
    sections = [Section(heading=f"强化意识{i}", paragraphs=[PARAGRAPHS[i % 4]]) for i in range(4)]
    sections[3].children = [
        Section(heading=f"分管工作{i}。", run_in=True, paragraphs=[PARAGRAPHS[i % 4] * 2])
        for i in range(5)
    ]
    report = Report(
        kind=ReportKind.SHUZHI_SHULIAN,
        year=2022,
        opening=["\u00a02022年，,在镇党委、政府的正确领导下……"],
        sections=sections,
        closing=Closing(shortcomings=["理论学习不深不细", "检查督促少", "调查研究不够"]),
    )
    return report, "hand-built seed (importer missing)"


def long_report(pages: int = 100) -> Report:
    """About ``pages`` pages of body text, spread over sections and subsections."""
    target, written, counter = pages * PAGE_CHARS, 0, 0  # counts paragraph text only
    sections: list[Section] = []
    while written < target:
        section = Section(heading=f"第{len(sections) + 1}方面工作", paragraphs=[PARAGRAPHS[0]])
        written += len(PARAGRAPHS[0])
        for child in range(5):
            texts = [PARAGRAPHS[(counter + k) % 4] for k in range(3)]
            counter += 1
            written += sum(map(len, texts))
            section.children.append(Section(heading=f"分项{child + 1}", paragraphs=texts))
        sections.append(section)
    return Report(year=2022, title="长篇报告", sections=sections)


def text_chars(report: Report) -> int:
    """Characters in every text field (title, opening, headings, paragraphs, closing)."""
    return sum(len(field.text) for field in iter_text_fields(report))


def median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(N):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["NIANBAO_DATA_DIR"] = str(Path(folder) / "data")
        from nianbao_gui.core.storage import (
            RecoveryStore,
            encode_report,
            list_drafts,
            load_draft,
            save_draft,
        )

        seed, origin = seed_report()
        long = long_report()
        print(f"storage benchmark, median of {N} runs, files in {folder}")
        for name, report in ((origin, seed), ("100-page draft", long)):
            path = Path(folder) / f"{name}.json"
            size = len(encode_report(report))
            changed = [report.model_copy(update={"title": f"v{i}"}) for i in range(2)]
            flip = iter(range(10**6))

            def save() -> None:
                # a changed report each time, so every save also keeps an earlier version
                save_draft(changed[next(flip) % 2], path)  # noqa: B023

            save_ms = median_ms(save)
            plain_ms = median_ms(lambda: save_draft(report, path, keep_backups=0))  # noqa: B023
            load_ms = median_ms(lambda: load_draft(path))  # noqa: B023
            store = RecoveryStore()
            recovery_ms = median_ms(lambda: store.write("k", report))  # noqa: B023
            print(
                f"{name:<36} {text_chars(report):>6} chars {size / 1024:>6.0f} KB  "
                f"save {save_ms:6.1f} ms (with version kept; {plain_ms:5.1f} without)  "
                f"load {load_ms:6.1f} ms  recovery write {recovery_ms:6.1f} ms"
            )
        many = Path(folder) / "many"
        many.mkdir()
        for i in range(50):
            save_draft(seed.model_copy(update={"title": f"草稿{i}"}), many / f"{i}.json")
        print(f"list_drafts of 50 seed-sized drafts: {median_ms(lambda: list_drafts(many)):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
