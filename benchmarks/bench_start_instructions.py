"""Start-up work counted in instructions: the program, the floor, the floor with the model.

    QT_QPA_PLATFORM=offscreen /work/venv/bin/python benchmarks/bench_start_instructions.py

Wall-clock start times on a shared virtual machine vary by ±40 % from run to run, and the
median ratio to the floor by ±0.15× between whole runs of bench_gui_window.py: too much to
tell whether a change of a few per cent helped. valgrind's callgrind counts the instructions
a process executes, which is the same for the same code whatever the machine is doing. Each
child (start_child.py: the program as ``python -m nianbao_gui`` starts it on a fresh data
folder, the program given the example draft to open, the bare PySide6 window, the bare window
with the model) runs once without valgrind, so that
bytecode is compiled and cached, then once under callgrind until its first paint, where it
ends without teardown.

Instructions are not time: the program also touches more memory (85 against 60 MiB), which
costs time no instruction count shows. On this machine the wall-clock ratio has been about
0.1× above the instruction ratio. Needs valgrind (Debian: apt-get install valgrind); about
two minutes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_gui_window import child_env, example_tab_count  # noqa: E402

KINDS = {
    "年报助手, first start (welcome page)": "program-exit-at-paint",
    "年报助手 opening the example draft": "draft-exit-at-paint",
    "bare PySide6 window (floor)": "floor",
    "floor + model and example draft": "floor+model",
}
COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(kind: str, tabs: int) -> int:
    command = [sys.executable, str(HERE / "start_child.py"), kind, str(tabs)]
    env = child_env()
    subprocess.run(command, env=env, cwd=HERE.parent, capture_output=True, check=True)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
            env=child_env(),
            cwd=HERE.parent,
            capture_output=True,
            text=True,
            check=False,
        )
    found = COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"{kind} under valgrind failed:\n{done.stderr[-3000:]}")
    return int(found.group(1))


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    tabs = example_tab_count()
    counts = {label: instructions(kind, tabs) for label, kind in KINDS.items()}
    floor = counts["bare PySide6 window (floor)"]
    with_model = counts["floor + model and example draft"]
    print(f"instructions from start to first paint ({tabs} tabs), callgrind:")
    print("  (target, issue 21: the first start ≤ 1.25× the floor + model)")
    for label, count in counts.items():
        ratios = f"{count / floor:.2f}× the floor, {count / with_model:.2f}× floor + model"
        print(f"  {label:<36}{count / 1e6:>8.0f} M  {ratios}")


if __name__ == "__main__":
    main()
