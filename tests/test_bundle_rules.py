"""What build.spec keeps and leaves out (packaging/bundle_rules.py), and the Windows version
resource; quick checks that need no bundle build (tests/test_bundle.py builds one)."""

from __future__ import annotations

import importlib.metadata
import sys
import types

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "packaging"))
import bundle_rules

import nianbao_gui


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/imageformats/libqico.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qt_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtdeclarative_zh_CN.qm", False),
        ("PySide6\\opengl32sw.dll", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("lxml/etree.cpython-311-x86_64-linux-gnu.so", True),
        ("seeds/example-2022-shuzhi-shulian.txt", True),
    ],
)
def test_kept_and_dropped_files(dest: str, kept: bool) -> None:
    assert bundle_rules.keep(dest) is kept


def test_svg_image_plugins_only_for_an_svg_icon() -> None:
    dest = "PySide6/Qt/plugins/iconengines/libqsvgicon.so"
    assert not bundle_rules.keep(dest)
    assert bundle_rules.keep(dest, svg_icon=True)


def test_no_standard_library_module_is_excluded() -> None:
    """shiboken imports stdlib modules invisibly to PyInstaller; excluding one kills the bundle."""
    stdlib = set(getattr(sys, "stdlib_module_names", ()))
    excluded_tops = {name.split(".")[0] for name in bundle_rules.EXCLUDED_MODULES}
    assert excluded_tops & stdlib == set()
    assert "PySide6" in excluded_tops  # only sub-modules of it, never the package:
    assert "PySide6" not in bundle_rules.EXCLUDED_MODULES
    for used in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "lxml.etree"):
        assert used not in bundle_rules.EXCLUDED_MODULES


def test_version_comes_from_the_package() -> None:
    version = bundle_rules.read_version(str(REPO / "nianbao_gui" / "__init__.py"))
    assert version == nianbao_gui.__version__ == importlib.metadata.version("nianbao")


def test_windows_version_resource_carries_the_package_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compat = pytest.importorskip("PyInstaller.compat")
    if not hasattr(compat, "win32api"):
        # Off Windows: only writing the resource into an .exe needs pefile and win32api;
        # building the structure does not.
        monkeypatch.setattr(compat, "win32api", None, raising=False)
        monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
        monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32 import versioninfo

    resource = bundle_rules.version_resource(
        "1.2.3", internal_name="nianbao", description="年报助手"
    )
    assert isinstance(resource, versioninfo.VSVersionInfo)
    assert (resource.ffi.fileVersionMS, resource.ffi.fileVersionLS) == ((1 << 16) | 2, 3 << 16)
    decoded = resource
    if sys.platform == "win32":  # PyInstaller encodes with the platform's C long: Windows only
        decoded = versioninfo.VSVersionInfo()
        decoded.fromRaw(resource.toRaw())  # what Explorer reads from the .exe
    text = str(decoded)
    for expected in ("'ProductVersion', '1.2.3'", "'ProductName', '年报助手'", "nianbao.exe"):
        assert expected in text
