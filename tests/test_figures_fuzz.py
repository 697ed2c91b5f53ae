"""A fuzz of 数据 tables (issue 18): mutated zips and XML parts never raise anything but the
program's own refusal, never take more than 2 s or 500 MB, and never write a draft the
program would refuse to open (tests/figures_fuzz.py, in a process of its own to measure)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

CASES = int(os.environ.get("NIANBAO_FUZZ_XLSX_CASES", "300"))


@pytest.mark.slow
def test_mutated_tables_are_filled_or_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tests" / "figures_fuzz.py"), str(tmp_path), str(CASES), "18"],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["crashes"] == [], "\n".join(report["crashes"])
    assert report["refused"] + report["filled"] == CASES
    assert report["refused"] > CASES // 10 and report["filled"] > CASES // 10  # both ways tried
    assert report["slowest"] < 2, report
    assert report["peak_mb"] < 500, report
