"""The packaged program (build.spec) built and run as a secretary's PC runs it: no Python, the
command line and the window from the bundle folder, nothing written next to the program.

Building takes about a minute, so these tests run only with NIANBAO_BUNDLE_TEST=1 (.ci/run sets
it). A bundle in dist/nianbao newer than every source file (and the lock file) is reused;
otherwise it is rebuilt with ./dev bundle, from requirements/bundle.lock.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from bundle_support import rebuild_if_stale
from conftest import REPO, SEED
from export_support import seed_lines

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("NIANBAO_BUNDLE_TEST", "") in ("", "0"),
        reason="builds the PyInstaller bundle (about a minute): set NIANBAO_BUNDLE_TEST=1 "
        "(.ci/run does)",
    ),
]

# build.spec: dist/windows (年报助手.exe windowed, nianbao.exe the console) on Windows
DIST = REPO / "dist" / ("windows" if sys.platform == "win32" else "nianbao")
EXE_NAME = "nianbao.exe" if sys.platform == "win32" else "nianbao"
RUN_TIMEOUT = 120


@pytest.fixture(scope="session")
def bundle() -> Path:
    exe = DIST / EXE_NAME
    rebuild_if_stale(exe, "bundle", timeout=1200)  # in .venv-bundle, from the lock file
    assert exe.is_file()
    return DIST


def test_the_build_venv_holds_exactly_the_lock_files_packages(bundle: Path) -> None:
    """Two builds of one commit hold the same packages: the venv the bundle is built in has
    the lock's versions and nothing else (pip itself aside, which the bundle does not use)."""
    from packaging.utils import canonicalize_name
    from test_bundle_lock import _lock_entries

    venv = REPO / os.environ.get("NIANBAO_BUNDLE_VENV", ".venv-bundle")
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    if not python.is_file():
        pytest.skip(f"the bundle in dist/ was not built here by ./dev bundle (no {venv.name})")
    listed = subprocess.run(
        [str(python), "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    )
    installed = {
        canonicalize_name(p["name"]): p["version"]
        for p in json.loads(listed.stdout)
        if canonicalize_name(p["name"]) != "pip"
    }
    locked = {
        canonicalize_name(r.name): next(iter(r.specifier)).version
        for r, _hashes in _lock_entries()
        if r.marker is None or r.marker.evaluate()
    }
    assert installed == locked


def _run(
    folder: Path, *args: str, cwd: Path, data_dir: Path, **env: str
) -> subprocess.CompletedProcess[str]:
    # A clean environment like a double-click: no venv, no PYTHONPATH, only what Qt needs.
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "NIANBAO_"))
    }
    environment.update(QT_QPA_PLATFORM="offscreen", NIANBAO_DATA_DIR=str(data_dir), **env)
    return subprocess.run(
        [str(folder / EXE_NAME), *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=RUN_TIMEOUT,
    )


def _ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


def test_bundle_ships_resources_seeds_and_only_the_qt_it_uses(bundle: Path) -> None:
    internal = bundle / "_internal"
    for seed in (REPO / "seeds").iterdir():
        assert (internal / "seeds" / seed.name).read_bytes() == seed.read_bytes()
    for resource in (p for p in (REPO / "resources").rglob("*") if p.is_file()):
        assert (internal / resource.relative_to(REPO)).is_file(), resource
    qt = internal / "PySide6" / "Qt"
    assert {p.name for p in (qt / "translations").iterdir()} == {"qtbase_zh_CN.qm", "qt_zh_CN.qm"}
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqoffscreen.so"} <= platforms
    plugin_types = {p.name for p in (qt / "plugins").iterdir()}
    assert plugin_types.isdisjoint({"sqldrivers", "tls", "qmltooling", "designer", "generic"})
    names = {p.name for p in internal.rglob("*")}
    for unused in ("libQt6Network.so.6", "libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6Pdf.so.6"):
        assert unused not in names
    assert not any(name.startswith(("numpy", "PIL", "tkinter", "_tkinter")) for name in names)
    dangling = [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []


def test_every_module_of_the_program_is_in_the_archive(bundle: Path) -> None:
    """Lazily imported modules (cli subcommands) and the compiled forms are all bundled."""
    from PyInstaller.archive.readers import CArchiveReader

    package = CArchiveReader(str(bundle / EXE_NAME))
    pyz_name = next(name for name in package.toc if name.endswith(".pyz"))
    bundled = set(package.open_embedded_archive(pyz_name).toc)
    expected = set()
    for source in (REPO / "nianbao_gui").rglob("*.py"):
        parts = source.relative_to(REPO).with_suffix("").parts
        expected.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    assert "nianbao_gui.app.forms.ui_main_window" in expected
    assert expected - bundled == set()


def test_bundled_program_imports_and_exports_the_seed(
    bundle: Path, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ok(_run(bundle, "import", str(SEED), "-o", "x.json", cwd=tmp_path, data_dir=data_dir))
    result = _ok(_run(bundle, "export", "x.json", "-o", "x.docx", cwd=tmp_path, data_dir=data_dir))
    assert "已导出" in result.stdout
    exported = (tmp_path / "x.docx").read_bytes()

    # Checked like any export: the text of the seed, A4 with the official margins.
    document = docx.Document(io.BytesIO(exported))
    text = "\n".join(p.text for p in document.paragraphs)
    for line in seed_lines()[1:-1]:
        assert line.strip().replace("，,", "，")[:12] in text
    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.5)
    assert section.top_margin.mm == pytest.approx(37, abs=0.5)
    assert section.left_margin.mm == pytest.approx(28, abs=0.5)

    # ...and byte for byte what the program exports when run from source: the bundle has
    # every data file python-docx and the exporter need (the export tests check that output).
    from nianbao_gui.core.export import ExportOptions, export_docx
    from nianbao_gui.core.storage import load_draft

    monkeypatch.setenv("NIANBAO_DATA_DIR", str(data_dir))  # the same remembered settings
    in_process = io.BytesIO()
    options = ExportOptions.from_cli(fonts=None, level3_bold=False)
    export_docx(load_draft(tmp_path / "x.json"), in_process, options)
    with zipfile.ZipFile(io.BytesIO(exported)) as a, zipfile.ZipFile(in_process) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
        for name in a.namelist():
            if name != "docProps/core.xml":  # may carry the time of export
                assert a.read(name) == b.read(name), name


def test_bundled_program_exports_a_pdf(bundle: Path, tmp_path: Path, data_dir: Path) -> None:
    """The PDF writer and fontTools work in the bundle (fontTools subsets the fonts)."""
    _ok(_run(bundle, "import", str(SEED), "-o", "x.json", cwd=tmp_path, data_dir=data_dir))
    result = _run(bundle, "export", "x.json", "-o", "x.pdf", cwd=tmp_path, data_dir=data_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    pdf = (tmp_path / "x.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000  # fonts embedded: not a stub


def test_bundled_check_command_runs(bundle: Path, tmp_path: Path, data_dir: Path) -> None:
    result = _run(bundle, "check", str(SEED), cwd=tmp_path, data_dir=data_dir)
    # The seed has real flaws (，, and 自已): findings, reported in Chinese, exit code 3.
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "自已" in result.stdout


def test_window_starts_offscreen_paints_and_quits(
    bundle: Path, tmp_path: Path, data_dir: Path
) -> None:
    result = _ok(_run(bundle, cwd=tmp_path, data_dir=data_dir, NIANBAO_SMOKE_TEST="1"))
    assert "smoke: first paint of" in result.stderr
    assert "年报助手" in result.stderr  # the main window's title
    assert "Cancel button reads '取消'" in result.stderr  # qtbase_zh_CN.qm found and loaded
    # packaging/rthook_core_first.py ran before PyInstaller's hook for PySide6 (start-up time)
    assert "core imported before PySide6" in result.stderr


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (Debian: xvfb)")
def test_window_starts_on_x11(bundle: Path, tmp_path: Path, data_dir: Path) -> None:
    """The xcb platform plugin and the X libraries it needs are in the bundle."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    environment.update(QT_QPA_PLATFORM="xcb", NIANBAO_DATA_DIR=str(data_dir))
    environment["NIANBAO_SMOKE_TEST"] = "1"
    result = subprocess.run(
        ["xvfb-run", "-a", str(bundle / EXE_NAME)],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke: first paint of" in result.stderr


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in folder.rglob("*")
    }


@contextlib.contextmanager
def _read_only_view(folder: Path, mount_point: Path) -> Iterator[Path]:
    """``folder`` bind-mounted read-only (root can write through chmod a-w); else ``folder``."""
    mount_point.mkdir()
    mounted = False
    if shutil.which("mount") and os.geteuid() == 0:
        bind = subprocess.run(["mount", "--bind", str(folder), str(mount_point)], check=False)
        if bind.returncode == 0:
            mounted = True
            remount = ["mount", "-o", "remount,bind,ro", str(mount_point)]
            if subprocess.run(remount, check=False).returncode != 0:
                subprocess.run(["umount", str(mount_point)], check=False)
                mounted = False
    try:
        yield mount_point if mounted else folder
    finally:
        if mounted:
            subprocess.run(["umount", str(mount_point)], check=True)


def test_bundle_writes_nothing_next_to_itself(bundle: Path, tmp_path: Path, data_dir: Path) -> None:
    before = _snapshot(bundle)
    work = tmp_path / "work"
    work.mkdir()
    with _read_only_view(bundle, tmp_path / "ro") as folder:
        if folder != bundle:
            probe = folder / "probe"
            with pytest.raises(OSError):
                probe.write_text("x")
        _ok(_run(folder, "import", str(SEED), "-o", "x.json", cwd=work, data_dir=data_dir))
        _ok(_run(folder, "export", "x.json", "-o", "x.docx", cwd=work, data_dir=data_dir))
        _ok(_run(folder, cwd=work, data_dir=data_dir, NIANBAO_SMOKE_TEST="1"))
    assert _snapshot(bundle) == before
    # What the program keeps (logs, recovery) went to the user's data folder instead.
    assert any(data_dir.rglob("*"))
