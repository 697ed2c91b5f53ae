"""PySide6-Essentials 6.12.0 loses a reference to ``True`` on every ``emit()`` called from
Python. On CPython 3.10 and 3.11 the count of ``True`` falls to zero after about 3,000 emits
(as many as the open window holds references to it; the form emits on every keystroke) and
Python aborts the whole program ("Fatal Python error: bool_dealloc"); from 3.12 on ``True`` is
immortal and the lost references do no harm.

Measured (Linux x86-64, a scratch venv per version, the session below): 6.12.0 aborts on 3.10
and 3.11 and not on 3.12 and 3.13; 6.6.0, 6.6.3.1, 6.7.3, 6.8.3, 6.9.3, 6.10.3, 6.11.0 and
6.11.3 do not lose references on 3.11 (6.11.3 also checked on 3.10, 3.12, 3.13). So
pyproject.toml excludes 6.12.0 on Pythons before 3.12 instead of the program patching
reference counts, and these tests keep it so.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from conftest import REPO
from packaging.requirements import Requirement
from packaging.version import Version

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

SESSION = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal
    app = QCoreApplication([])

    class Source(QObject):
        edited = Signal(str)

    source = Source()
    source.edited.connect(lambda text: None)
    before = sys.getrefcount(True)
    for i in range(50_000):  # a long afternoon of typing
        source.edited.emit("字")
    print("alive, lost references:", before - sys.getrefcount(True))
    """
)


def _pyside_requirements(python: str) -> list[Requirement]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    found = [Requirement(text) for text in config["project"]["dependencies"]]
    return [
        r
        for r in found
        if r.name.lower() == "pyside6-essentials"
        and (r.marker is None or r.marker.evaluate({"python_version": python}))
    ]


@pytest.mark.parametrize("python", ["3.10", "3.11"])
def test_the_broken_release_is_excluded_where_it_aborts(python: str) -> None:
    (requirement,) = _pyside_requirements(python)
    assert not requirement.specifier.contains("6.12.0")
    assert requirement.specifier.contains("6.11.3")
    assert requirement.specifier.contains("6.12.1")  # a fixed release is not kept out


@pytest.mark.parametrize("python", ["3.12", "3.13"])
def test_the_release_is_allowed_where_true_is_immortal(python: str) -> None:
    (requirement,) = _pyside_requirements(python)
    assert requirement.specifier.contains("6.12.0")


def test_the_installed_pyside6_is_not_the_excluded_release() -> None:
    import PySide6

    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    (requirement,) = _pyside_requirements(python)
    assert requirement.specifier.contains(Version(PySide6.__version__).public)


def test_a_long_session_of_emits_survives() -> None:
    """The abort itself, in a child process: with 6.12.0 on Python 3.11 this dies."""
    result = subprocess.run(
        [sys.executable, "-c", SESSION],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "alive, lost references: 0" in result.stdout


VOID_CALLS = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QTableWidgetItem
    app = QApplication([])
    item = QTableWidgetItem("x")
    before = sys.getrefcount(None)
    for _ in range(200_000):  # a day of filling tables: each call returns nothing
        item.setToolTip("说明")
    print("alive, lost references:", before - sys.getrefcount(None))
    """
)


def test_calls_that_return_nothing_keep_none_alive() -> None:
    """6.12.0 on 3.10/3.11 also loses a reference to None on every call that returns nothing
    (the 数据 panel aborted with "none_dealloc"); the excluded release covers this too."""
    result = subprocess.run(
        [sys.executable, "-c", VOID_CALLS],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "alive" in result.stdout, result.stderr[-2000:]
    lost = int(result.stdout.rsplit(":", 1)[1])
    assert lost < 100
