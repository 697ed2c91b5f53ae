"""What the packaged program leaves out, shared by build.spec and benchmarks/floor/floor.spec
(so the floor is built "the same way"), and the Windows version resource.

The program uses QtCore, QtGui, QtWidgets and QtPrintSupport (打印, 打印预览) only. PyInstaller's Qt hooks collect every plugin
type those modules *may* load and every translation; most are dead weight here.
Standard-library modules are never excluded: shiboken imports some (e.g. ``logging``) at run
time, invisibly to PyInstaller, and the bundle then dies at start.
"""

from __future__ import annotations

import re
from pathlib import PurePath

# Third-party modules some hook or optional import may drag in; the program uses none of them.
EXCLUDED_MODULES = [
    "numpy",
    "PIL",  # nothing imports it (a stray import would bring 10 MB of image codecs)
    "pytest",
    "hypothesis",
    "mypy",
    "ruff",
    "_pytest",
    "pytestqt",
    # python-docx uses lxml.etree only; these are 4 MB of compiled extensions.
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "lxml.sax",
    # Qt modules beyond QtCore/QtGui/QtWidgets/QtPrintSupport (a stray import would pull their
    # libraries, plugins and QML files in).
    *(
        f"PySide6.{module}"
        for module in [
            "QtNetwork",
            "QtQml",
            "QtQuick",
            "QtQuickControls2",
            "QtQuickWidgets",
            "QtQuickTest",
            "QtPdf",
            "QtPdfWidgets",
            "QtSql",
            "QtTest",
            "QtDesigner",
            "QtHelp",
            "QtUiTools",
            "QtOpenGL",
            "QtOpenGLWidgets",
            "QtSvg",
            "QtSvgWidgets",
            "QtXml",
            "QtConcurrent",
            "QtDBus",
            "QtQmlFeatures",
            "QtLabsStyleKit",
            "QtWebEngineCore",
            "QtWebEngineWidgets",
            "QtMultimedia",
            "QtCharts",
        ]
    ),
]

# Qt plugins kept, by plugin type; types not listed are dropped whole. Names without the
# platform's prefix/suffix ("qxcb" = libqxcb.so = qxcb.dll).
KEPT_PLUGINS: dict[str, set[str]] = {
    # Linux: X11, Wayland, and offscreen (tests, smoke runs); Windows: the native platform.
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qwindows"},
    # Wayland needs a shell integration to open a window at all.
    "wayland-shell-integration": {"xdg-shell"},
    # Window decorations on Wayland compositors without server-side ones (GNOME).
    "wayland-decoration-client": {"bradient"},
    # The native Windows look (Qt 6.7+: qmodernwindowsstyle; older: qwindowsvistastyle).
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle"},
    # PNG is built into QtGui; .ico for the window icon on Windows.
    "imageformats": {"qico"},
    # Chinese input methods on Linux talk to Qt through these (IBus; compose for dead keys).
    "platforminputcontexts": {
        "ibusplatforminputcontextplugin",
        "composeplatforminputcontextplugin",
    },
    # Native file dialogs through the desktop portal (no GTK libraries needed).
    "platformthemes": {"qxdgdesktopportal"},
    # Printing on Linux goes through CUPS (Windows prints inside QtPrintSupport itself).
    "printsupport": {"cupsprintersupport"},
    # OpenGL integration of the xcb platform plugin (small; it warns without them).
    "xcbglintegrations": {"qxcb-glx-integration", "qxcb-egl-integration"},
}

# Only the Chinese translations of Qt's own dialogs and buttons.
KEPT_TRANSLATIONS = {"qtbase_zh_CN.qm", "qt_zh_CN.qm"}

# Windows: ANGLE and the software OpenGL renderer (opengl32sw.dll, 20 MB) serve OpenGL and
# Qt Quick; QtWidgets paints without OpenGL.
_DROPPED_WINDOWS_DLLS = re.compile(r"^(opengl32sw|libEGL|libGLESv2|d3dcompiler_\d+)\.dll$", re.I)


def _plugin_name(filename: str) -> str:
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_plugin(plugin_type: str, filename: str, *, svg_icon: bool = False) -> bool:
    kept = set(KEPT_PLUGINS.get(plugin_type, set()))
    if svg_icon and plugin_type in ("imageformats", "iconengines"):
        kept |= {"qsvg", "qsvgicon"}
    return _plugin_name(filename) in kept


def install_plugin_filter(*, svg_icon: bool = False) -> None:
    """Make PyInstaller's Qt hooks collect only the kept plugins.

    Filtering after Analysis would be too late: the libraries the dropped plugins link to
    (GTK, Qt Network, EGL device integration...) are already collected by then.
    """
    from PyInstaller.utils.hooks.qt import QtLibraryInfo

    original = QtLibraryInfo.collect_plugins
    if getattr(original, "nianbao_filter", False):
        return

    def collect_plugins(self: object, plugin_type: str) -> list[tuple[str, str]]:
        found = original(self, plugin_type)
        return [
            (src, dest)
            for src, dest in found
            if keep_plugin(plugin_type, PurePath(src).name, svg_icon=svg_icon)
        ]

    collect_plugins.nianbao_filter = True  # type: ignore[attr-defined]
    QtLibraryInfo.collect_plugins = collect_plugins


def keep(dest: str, *, svg_icon: bool = False) -> bool:
    """Whether a collected file (its destination path in the bundle) stays in the bundle.

    A second line of defence after install_plugin_filter(); also trims translations.
    """
    parts = PurePath(dest.replace("\\", "/")).parts
    name = parts[-1]
    if _DROPPED_WINDOWS_DLLS.match(name):
        return False
    if "PySide6" not in parts:
        return True
    if "translations" in parts:
        return name in KEPT_TRANSLATIONS
    if "plugins" in parts:
        plugin_type = parts[parts.index("plugins") + 1]
        return keep_plugin(plugin_type, name, svg_icon=svg_icon)
    return "qml" not in parts


def trim(toc: list[tuple[str, str, str]], *, svg_icon: bool = False) -> list[tuple[str, str, str]]:
    return [entry for entry in toc if keep(entry[0], svg_icon=svg_icon)]


def read_version(init_file: str) -> str:
    """``__version__`` of the package, read without importing it."""
    with open(init_file, encoding="utf-8") as handle:
        match = re.search(r'^__version__\s*=\s*"([^"]+)"', handle.read(), re.MULTILINE)
    if not match:
        raise ValueError(f"no __version__ in {init_file}")
    return match.group(1)


def version_resource(version: str, *, internal_name: str, description: str) -> object:
    """The Windows version resource (Explorer → Properties → Details) from the package version."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    numbers += [0] * (4 - len(numbers))
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=tuple(numbers), prodvers=tuple(numbers)),
        kids=[
            StringFileInfo(
                [
                    # 0804 = Simplified Chinese, 04B0 = Unicode (code page 1200).
                    StringTable(
                        "080404B0",
                        [
                            StringStruct("CompanyName", "nianbao"),
                            StringStruct("FileDescription", description),
                            StringStruct("FileVersion", version),
                            StringStruct("InternalName", internal_name),
                            StringStruct("OriginalFilename", f"{internal_name}.exe"),
                            StringStruct("ProductName", "年报助手"),
                            StringStruct("ProductVersion", version),
                            StringStruct("LegalCopyright", "MIT License"),
                        ],
                    )
                ]
            ),
            VarFileInfo([VarStruct("Translation", [0x0804, 1200])]),
        ],
    )
