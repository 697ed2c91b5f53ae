"""Time of a full 体检 of a 100-page report (~60,000 characters).

    /work/venv/bin/python benchmarks/bench_checks.py [--runs 21]

The report is the cleaned seed repeated into 10 sections of 5 subsections, with the seed's
real flaws and its placeholders mixed back in so every family of checks has work to do.
Prints the median of the warm runs (wall clock, and CPU time, which stays honest when other
programs load the machine) and the first (cold) run, which also reads and compiles the
wrong-word list; then the same for the report without flaws. Target: median under 100 ms.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from nianbao_gui.core.checks import check_report, load_word_list
from nianbao_gui.core.importer import import_report
from nianbao_gui.core.model import Report, Section
from nianbao_gui.core.outline import char_count

REPO = Path(__file__).resolve().parent.parent
SEED_FIXED = REPO / "tests" / "fixtures" / "checks" / "seed_fixed.txt"
TARGET_CHARS = 60_000
TARGET_MS = 100.0
FLAWS = ("，,", "自已", "。 按", ";", "**", "\u00a0", "一是")


def big_report(flaws: bool = True) -> Report:
    base = import_report(SEED_FIXED).report
    paragraphs = [p for _, s in base.all_sections() for p in s.paragraphs]
    sections: list[Section] = []
    count = 0
    index = 0
    while count < TARGET_CHARS:
        children = []
        for _ in range(5):
            text = paragraphs[index % len(paragraphs)]
            if flaws:
                flaw = FLAWS[index % len(FLAWS)]
                text = text[:40] + flaw + text[40:]  # one flaw per paragraph
            children.append(Section(heading="政法工作。", run_in=True, paragraphs=[text, text]))
            count += 2 * char_count(text)
            index += 1
        sections.append(Section(heading=f"第{len(sections) + 1}部分工作", children=children))
    return Report(
        year=2022,
        title=base.title,
        opening=base.opening,
        sections=sections,
        closing=base.closing,
        signature=base.signature,
        date=base.date,
    )


def _chars(report: Report) -> int:
    texts = [report.title, *report.opening]
    texts += [t for _, s in report.all_sections() for t in (s.heading, *s.paragraphs)]
    return sum(char_count(t) for t in texts)


def _time(report: Report, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each run (CPU time is what the check costs when
    other programs share the processor, as on a busy test machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        check_report(report)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    report = big_report()
    start = time.perf_counter()
    words = load_word_list()
    findings = check_report(report)
    cold = (time.perf_counter() - start) * 1000
    print(f"wrong-word list: {len(words)} entries")
    print(f"cold (first run, list read and compiled): {cold:.1f} ms")
    median = 0.0
    for name, sample in (("with flaws", report), ("clean", big_report(flaws=False))):
        times, cpu = _time(sample, args.runs)
        median = max(median, statistics.median(times))
        print(
            f"{name}: {_chars(sample)} characters (~{_chars(sample) / 616:.0f} pages of 22×28), "
            f"{len(check_report(sample))} findings; median of {args.runs} runs "
            f"{statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f}); "
            f"CPU time median {statistics.median(cpu):.1f} ms"
        )
    print(f"target < {TARGET_MS:.0f} ms: {'OK' if median < TARGET_MS else 'MISSED'}")
    assert findings


if __name__ == "__main__":
    main()
