"""Time of ``nianbao check DRAFT --last LAST.json`` on two 100-page drafts (~60,000
characters each): loading both drafts, the full 体检 and the 与去年相同 comparison.

    .venv/bin/python benchmarks/bench_same_as_last.py [--runs 11]

Last year's draft is bench_checks.big_report(); this year's is the same carried into the
next year with every third paragraph rewritten (so both sentences and figures are found).
Prints the median of the warm runs and the comparison alone. Target: under 200 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_checks import big_report

from nianbao_gui.core.checks import check_report, compare_with_last
from nianbao_gui.core.next_year import next_year_copy
from nianbao_gui.core.storage import load_draft, save_draft

TARGET_MS = 200.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    runs = parser.parse_args().runs
    last = big_report()
    this = next_year_copy(last)
    for index, (_, section) in enumerate(this.all_sections()):
        if index % 3 == 0 and section.paragraphs:
            section.paragraphs[0] = "本段已按今年情况改写，新增数据" + str(index) + "项。"
    with tempfile.TemporaryDirectory() as folder:
        last_path, this_path = Path(folder) / "2022.json", Path(folder) / "2023.json"
        save_draft(last, last_path)
        save_draft(this, this_path)
        whole, alone = [], []
        found = 0
        for _ in range(runs):
            start = time.perf_counter()
            report, previous = load_draft(this_path), load_draft(last_path)
            findings = check_report(report)
            middle = time.perf_counter()
            same = compare_with_last(report, previous)
            end = time.perf_counter()
            found = len(same)
            whole.append((end - start) * 1000)
            alone.append((end - middle) * 1000)
            del findings
    median = statistics.median(whole[1:] or whole)
    print(f"check --last, two 100-page drafts: median {median:.1f} ms (target < {TARGET_MS:.0f})")
    print(f"  of which the comparison: {statistics.median(alone[1:] or alone):.1f} ms")
    print(f"  与去年相同: {found} findings")


if __name__ == "__main__":
    main()
