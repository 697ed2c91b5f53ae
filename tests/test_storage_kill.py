"""Proof that saving is atomic: kill a writing process at random moments, hundreds of times,
and check that every file left behind — drafts, earlier versions, recovery files — opens
and is exactly one of the versions that were written.

The writer is a forked child of the test process (a fork costs a millisecond where starting
Python costs hundreds), so 200 kills take seconds. A control run with a naive writer shows
that the same harness does catch broken files.
"""

from __future__ import annotations

import json
import os
import random
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from nianbao_gui.core import storage
from nianbao_gui.core.errors import DraftError
from nianbao_gui.core.model import Closing, Report, Section
from nianbao_gui.core.paths import data_dir
from nianbao_gui.core.storage import RecoveryStore, load_draft, save_draft
from nianbao_gui.core.storage.codec import report_from_data

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

KILLS = int(os.environ.get("NIANBAO_KILLS", "200"))  # the README gives a 1,000-kill run
PARAGRAPH = "深入开展矛盾纠纷排查化解，各村（社区）调解组织开展排查**次，成功调解各类纠纷**件。"
SIZES = (1, 40, 400, 3000)  # paragraphs: from 1.5 KB to ~270 KB on disk


def make_version(number: int) -> Report:
    """The report written as version ``number``: size and text derived from the number."""
    rng = random.Random(number)
    count = rng.choice(SIZES)
    paragraphs = [
        f"{number}-{i}{PARAGRAPH[: rng.randint(5, len(PARAGRAPH))]}" for i in range(count)
    ]
    per = max(1, count // 8)
    sections = [
        Section(heading=f"第{k}部分", paragraphs=paragraphs[k * per : (k + 1) * per])
        for k in range(8)
    ]
    return Report(
        title=f"版本{number}",
        year=2000 + number % 100,
        sections=sections,
        closing=Closing(plans=[f"计划{number}"]),
    )


def _version_of(report: Report) -> int:
    assert report.title.startswith("版本"), report.title
    return int(report.title.removeprefix("版本"))


def _writer(folder: Path, start: int, save: Callable[[Report, Path], None]) -> None:
    """Runs in the child until killed: save drafts and recovery files, one after another."""
    store = RecoveryStore(folder / "recovery")
    number = start
    while True:
        number += 1
        report = make_version(number)
        target = folder / f"草稿{number % 3}.json"
        if number % 4 == 0:
            store.write(f"key{number % 2}", report, target)
        else:
            save(report, target)


def _run_and_kill(
    folder: Path, start: int, save: Callable[[Report, Path], None], delay: float
) -> None:
    pid = os.fork()
    if pid == 0:  # child
        try:
            _writer(folder, start, save)
        finally:
            os._exit(0)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status), "the writer must have been killed, not have stopped"


def _files(folder: Path) -> list[Path]:
    """Every file the program would ever open: drafts, earlier versions, recovery files."""
    found = [p for p in folder.glob("*.json")]
    found += [p for p in (folder / "recovery").glob("*.json")]
    found += [p for p in (data_dir() / "backups").glob("*/*.json")]
    return found


def _temp_files(folder: Path) -> int:
    """Temporary files left by interrupted atomic writes (never opened by the program)."""
    places = (folder, folder / "recovery", *(data_dir() / "backups").glob("*"))
    return sum(len(list(place.glob(".*.tmp"))) for place in places)


def _open(path: Path) -> Report:
    if path.parent.name == "recovery":
        data = json.loads(path.read_bytes().decode("utf-8"))
        assert data["format"] == "nianbao-recovery"
        return report_from_data(data["report"], path)
    return load_draft(path)


def _check_changed(folder: Path, seen: dict[Path, tuple[int, int, int]]) -> list[str]:
    """Open every file that changed since the last look; return what is wrong with any."""
    problems = []
    for path in _files(folder):
        try:
            info = path.stat()
        except FileNotFoundError:
            continue  # pruned version
        signature = (info.st_ino, info.st_size, info.st_mtime_ns)
        if seen.get(path) == signature:
            continue
        seen[path] = signature
        try:
            report = _open(path)
        except (DraftError, ValueError, KeyError) as error:
            problems.append(f"{path.name}: {error}")
            continue
        if report != make_version(_version_of(report)):
            problems.append(f"{path.name}: content is not version {_version_of(report)}")
    return problems


def test_killing_a_saving_process_never_leaves_a_broken_file(tmp_path: Path) -> None:
    rng = random.Random(20221230)
    seen: dict[Path, tuple[int, int, int]] = {}
    interrupted = 0  # kills that landed while a temporary file was being written
    for round_number in range(KILLS):
        temps_before = _temp_files(tmp_path)
        _run_and_kill(tmp_path, round_number * 10_000, save_draft, rng.uniform(0.0, 0.06))
        interrupted += _temp_files(tmp_path) > temps_before
        problems = _check_changed(tmp_path, seen)
        assert not problems, f"after kill {round_number + 1}: {problems}"
    drafts = list(tmp_path.glob("*.json"))
    versions = list((data_dir() / "backups").glob("*/*.json"))
    left = _temp_files(tmp_path)
    _next_start(tmp_path)
    after = _temp_files(tmp_path)
    print(
        f"\n{KILLS} kills, {interrupted} in the middle of writing a file; "
        f"{len(seen)} file versions checked ({len(drafts)} drafts, {len(versions)} versions); "
        f"{left} temporary files left, {after} after the next start"
    )
    assert len(drafts) == 3 and len(versions) >= 5, "the writer must have got going"
    assert interrupted > 0, "no kill hit a write in progress: the test proved nothing"
    assert after == 0, "the next start must remove every file the kills left behind"
    assert not _check_changed(tmp_path, {}), "the clean-up must not touch a real file"


def _next_start(folder: Path) -> None:
    """What the next start of the program does: list the unsaved work (removing what crashed
    writes left in the data folder), and save each draft again (which cleans its folder)."""
    RecoveryStore().pending()
    RecoveryStore(folder / "recovery").pending()
    for draft in folder.glob("*.json"):
        save_draft(load_draft(draft), draft)


def _naive_save(report: Report, path: Path) -> None:
    # What a first attempt looks like: write straight into the draft, streaming the JSON.
    with path.open("w", encoding="utf-8") as handle:
        json.dump(report.model_dump(mode="json"), handle, ensure_ascii=False, indent=2)


def test_the_harness_catches_a_non_atomic_writer(tmp_path: Path) -> None:
    rng = random.Random(7)
    seen: dict[Path, tuple[int, int, int]] = {}
    for round_number in range(KILLS):
        _run_and_kill(tmp_path, round_number * 10_000, _naive_save, rng.uniform(0.0, 0.06))
        if _check_changed(tmp_path, seen):
            return  # caught: the harness can tell a broken writer from an atomic one
    pytest.fail("the kill harness never caught the naive writer leaving a broken file")


def test_make_version_is_deterministic_and_varied() -> None:
    assert make_version(5) == make_version(5)
    sizes = {len(storage.encode_report(make_version(n))) for n in range(40)}
    assert min(sizes) < 5_000 and max(sizes) > 200_000
