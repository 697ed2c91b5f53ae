"""Time to load the PDF code (the page layout and its PDF writer) in a new process.

Until issue 21 the page layout read its values from the Word writer's package, so loading
the preview or the PDF code loaded python-docx too. Printed: the median over alternating
runs of ``import nianbao_gui.core.pages.pdf`` in a fresh interpreter (CPU time of the
process, steadier than the clock on a machine shared with other work; the clock's time
after it), beside the floor every
export pays anyway (``nianbao_gui.core.model``: pydantic), and whether python-docx was
loaded. ``--before COMMIT`` measures that commit's tree (``git archive``) alternately with
this checkout. Run: ``.venv/bin/python benchmarks/bench_pdf_import.py [--before fc4bc27]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_TIMED = """
import sys, time
cpu, wall = time.process_time(), time.perf_counter()
import {module}
cpu, wall = (time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000
print(f"{{cpu:.1f}} {{wall:.1f}} {{'docx' in sys.modules}}")
"""

MODULES = {
    "floor (core.model)": "nianbao_gui.core.model",
    "page layout (core.pages)": "nianbao_gui.core.pages",
    "PDF code (core.pages.pdf)": "nianbao_gui.core.pages.pdf",
}


def load_ms(tree: Path, module: str) -> tuple[float, float, bool]:
    """Milliseconds (CPU, clock) to import ``module`` from ``tree`` in a new interpreter, and
    whether python-docx was loaded."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-c", _TIMED.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tempfile.gettempdir(),  # not the checkout: PYTHONPATH decides which tree loads
    )
    cpu, wall, docx = done.stdout.split()
    return float(cpu), float(wall), docx == "True"


def measure(trees: dict[str, Path], runs: int) -> None:
    floor: dict[str, float] = {}
    for label, module in MODULES.items():
        cpu: dict[str, list[float]] = {name: [] for name in trees}
        wall: dict[str, list[float]] = {name: [] for name in trees}
        docx: dict[str, bool] = {}
        for _ in range(runs):
            for name, tree in trees.items():  # alternating: the machine's load hits both
                ms, clock, docx[name] = load_ms(tree, module)
                cpu[name].append(ms)
                wall[name].append(clock)
        shown = []
        for name in trees:
            median = statistics.median(cpu[name])
            text = f"{name} {median:.0f} ms"
            if name in floor:
                text += f" ({median - floor[name]:+.0f} ms over the floor)"
            else:
                floor[name] = median
            text += f" [clock {statistics.median(wall[name]):.0f} ms]"
            shown.append(text + (", python-docx loaded" if docx[name] else ""))
        print(f"{label}: " + "; ".join(shown))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", help="a commit to measure beside this checkout")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as before:
        trees = {"now": REPO}
        if args.before:
            archive = subprocess.run(
                ["git", "-C", str(REPO), "archive", args.before, "nianbao_gui"],
                capture_output=True,
                check=True,
            ).stdout
            subprocess.run(["tar", "-x", "-C", before], input=archive, check=True)
            trees = {f"before ({args.before})": Path(before), "now": REPO}
        print(f"CPU time to import, median of {args.runs} new processes each, alternating:")
        measure(trees, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
