"""Size and start time of the packaged program beside its floor, a bare PySide6 window (8 tabs of
line edits, benchmarks/floor/) bundled the same way (same exclusions, Qt trimming, stripping).

    /work/venv/bin/python benchmarks/bench_bundle.py [--rebuild]
    .venv/bin/python benchmarks/bench_bundle.py --windows   (after ./dev bundle-windows)

A third bundle, the floor that first loads the report model and the example draft
(benchmarks/floor/floor_model.py), shows how much of the program's start is pydantic and the
model themselves, which no window of this program can start without.

Start time = from just before the process is spawned until the window's first paint, which the
bundle reports itself with its wall-clock time (NIANBAO_SMOKE_TEST=1, offscreen; it then exits).
The time until the process has exited is printed beside it: it adds one event-loop turn and the
teardown, which is not start time but is what a user waits for when the program closes.
Warm: median of 7 after one unmeasured run. Cold: the bundle's files are evicted from the page
cache with posix_fadvise(DONTNEED) before each run (dropping all caches needs privileges); median
of 3. Runs alternate between the bundles, so that a change in the machine's load hits all
alike. Targets: size within 1.25x of the floor, start within 1.5x.

--windows: the Windows bundle (dist/windows, built through Wine) beside the floor built the
same way under Wine (build/windows/bench-floor), both started under Wine offscreen in the build
prefix; start = from before ``wine`` is spawned to the first paint (Wine's own start is in
both), median of 5 after one unmeasured run each.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DIST = REPO / "dist" / ("windows" if sys.platform == "win32" else "nianbao")
FLOOR_SPEC = REPO / "benchmarks" / "floor" / "floor.spec"
FLOOR_DIST = REPO / "build" / "bench-floor" / "dist" / "floor"
MODEL_DIST = REPO / "build" / "bench-floor-model" / "dist" / "floor-model"
SUFFIX = ".exe" if sys.platform == "win32" else ""
SIZE_TARGET, START_TARGET = 1.25, 1.5


def pyinstaller(spec: Path, distpath: Path | None = None, **env: str) -> None:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", str(spec)]
    if distpath is not None:
        command += ["--distpath", str(distpath), "--workpath", str(distpath.parent / "work")]
    environment = {**os.environ, **env}
    subprocess.run(command, cwd=REPO, check=True, capture_output=True, env=environment)


def size_mib(folder: Path) -> float:
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 2**20


def evict(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


PAINTED_AT = re.compile(r"smoke: first paint of .*\(at (\d+\.\d+)[,)]")


def start_once(exe: Path, env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(ms until the first paint, ms until the process has exited)."""
    began = time.time()
    result = subprocess.run([str(exe)], env=env, cwd=cwd, capture_output=True, timeout=120)
    ended = time.time()
    stderr = result.stderr.decode(errors="replace")
    if result.returncode != 0:
        raise SystemExit(f"{exe} exited {result.returncode}: {stderr[-2000:]}")
    painted = PAINTED_AT.search(stderr)
    if painted is None:
        raise SystemExit(f"{exe} did not report its first paint: {stderr[-2000:]}")
    return (float(painted.group(1)) - began) * 1000, (ended - began) * 1000


def start_times(bundles: dict[str, tuple[Path, Path]]) -> dict[str, tuple[float, float, float]]:
    """Median cold and warm start (to the first paint), and warm time to exit, of each bundle;
    runs alternate between the bundles so that a change in the machine's load hits all alike."""
    cold: dict[str, list[float]] = {name: [] for name in bundles}
    warm: dict[str, list[tuple[float, float]]] = {name: [] for name in bundles}
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "NIANBAO_"))},
            "QT_QPA_PLATFORM": "offscreen",
            "NIANBAO_SMOKE_TEST": "1",
            "NIANBAO_DATA_DIR": str(Path(tmp) / "data"),
        }
        for _ in range(3):
            for name, (folder, exe) in bundles.items():
                evict(folder)
                cold[name].append(start_once(exe, env, Path(tmp))[0])
        for _folder, exe in bundles.values():
            start_once(exe, env, Path(tmp))
        for _ in range(7):
            for name, (_folder, exe) in bundles.items():
                warm[name].append(start_once(exe, env, Path(tmp)))
    return {
        name: (
            statistics.median(cold[name]),
            statistics.median(paint for paint, _exit in warm[name]),
            statistics.median(exit_ for _paint, exit_ in warm[name]),
        )
        for name in bundles
    }


def count_files(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file())


def windows_main(rebuild: bool) -> int:
    sys.path.insert(0, str(REPO / "tests"))
    from wine_support import BUILD, Wine

    wine = Wine(BUILD / "prefix")
    program = REPO / "dist" / "windows"
    floor = BUILD / "bench-floor" / "dist" / "floor"
    if not (program / "nianbao.exe").is_file():
        raise SystemExit("no dist/windows: run ./dev bundle-windows first")
    if rebuild or not (floor / "floor.exe").is_file():
        print("building the floor under Wine ...", flush=True)
        work = floor.parent.parent / "work"
        result = wine.run(
            r"C:\bundle-venv\Scripts\python.exe", "-m", "PyInstaller", "--noconfirm", "--clean",
            "--distpath", wine.windows(floor.parent), "--workpath", wine.windows(work),
            wine.windows(FLOOR_SPEC), timeout=1800,
        )  # fmt: skip
        if result.returncode != 0:
            raise SystemExit(result.output[-3000:])
    exes = {"nianbao": program / "年报助手.exe", "floor (bare window)": floor / "floor.exe"}
    runs: dict[str, list[float]] = {name: [] for name in exes}
    with tempfile.TemporaryDirectory() as tmp:
        env = {"QT_QPA_PLATFORM": "offscreen", "NIANBAO_SMOKE_TEST": "1"}
        env["NIANBAO_DATA_DIR"] = wine.windows(Path(tmp))
        for round_ in range(6):
            for name, exe in exes.items():
                began = time.time()
                result = wine.run(wine.windows(exe), timeout=300, **env)
                painted = PAINTED_AT.search(result.stderr)
                if result.returncode != 0 or painted is None:
                    raise SystemExit(f"{exe} exited {result.returncode}: {result.output[-2000:]}")
                if round_:  # the first round warms the caches
                    runs[name].append((float(painted.group(1)) - began) * 1000)
    print(f"{'Windows bundle':<22}{'size MiB':>10}{'files':>8}{'start ms':>10}")
    rows = {}
    for name, exe in exes.items():
        rows[name] = (size_mib(exe.parent), count_files(exe.parent), statistics.median(runs[name]))
        print(f"{name:<22}{rows[name][0]:>10.1f}{rows[name][1]:>8}{rows[name][2]:>10.0f}")
    (size, files, start), (fsize, ffiles, fstart) = rows.values()
    for label, ratio, target in (
        ("size", size / fsize, SIZE_TARGET),
        ("files", files / ffiles, SIZE_TARGET),
        ("start under Wine", start / fstart, START_TARGET),
    ):
        verdict = "ok" if ratio <= target else "OVER TARGET"
        print(f"{label}: {ratio:.2f}x the floor (target {target}x) {verdict}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="rebuild the bundles first")
    parser.add_argument("--windows", action="store_true", help="the Windows bundle, under Wine")
    args = parser.parse_args()
    if args.windows:
        return windows_main(args.rebuild)
    if args.rebuild or not (DIST / f"nianbao{SUFFIX}").is_file():
        print("building dist/nianbao ...", flush=True)
        pyinstaller(REPO / "build.spec")
    if args.rebuild or not (FLOOR_DIST / f"floor{SUFFIX}").is_file():
        print("building the floor ...", flush=True)
        pyinstaller(FLOOR_SPEC, FLOOR_DIST.parent)
    if args.rebuild or not (MODEL_DIST / f"floor-model{SUFFIX}").is_file():
        print("building the floor with the model ...", flush=True)
        pyinstaller(FLOOR_SPEC, MODEL_DIST.parent, NIANBAO_FLOOR="model")

    bundles = {
        "nianbao": (DIST, DIST / f"nianbao{SUFFIX}"),
        "floor (bare window)": (FLOOR_DIST, FLOOR_DIST / f"floor{SUFFIX}"),
        "floor + model": (MODEL_DIST, MODEL_DIST / f"floor-model{SUFFIX}"),
    }
    times = start_times(bundles)
    rows = {name: (size_mib(folder), *times[name]) for name, (folder, _exe) in bundles.items()}

    print(f"{'bundle':<22}{'size MiB':>10}{'cold ms':>10}{'warm ms':>10}{'to exit ms':>12}")
    for name, (size, cold, warm, to_exit) in rows.items():
        print(f"{name:<22}{size:>10.1f}{cold:>10.0f}{warm:>10.0f}{to_exit:>12.0f}")
    (size, cold, warm, to_exit), (fsize, fcold, fwarm, fto_exit), model = rows.values()
    _msize, mcold, mwarm, _mto_exit = model
    checks = [
        ("size", size / fsize, SIZE_TARGET),
        ("cold start", cold / fcold, START_TARGET),
        ("warm start", warm / fwarm, START_TARGET),
    ]
    for label, ratio, target in checks:
        verdict = "ok" if ratio <= target else "OVER TARGET"
        print(f"{label}: {ratio:.2f}x the floor (target {target}x) {verdict}")
    print(f"start to exit (warm): {to_exit / fto_exit:.2f}x the floor (no target)")
    print(
        f"floor + model (pydantic, the model, the example draft; no program window): "
        f"warm start {mwarm / fwarm:.2f}x the floor, cold {mcold / fcold:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
