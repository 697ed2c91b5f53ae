"""PyInstaller run-time hook (build.spec): import the program's core before PySide6.

PyInstaller's own hook for PySide6 imports PySide6.QtCore before the program starts. From then
on PySide6's import hook (shibokensupport/feature.py) inspects every module imported after it,
looking for its source; in the bundle that made importing pydantic and the core about 100 ms
slower at every start. Run-time hooks named in the spec run before PyInstaller's own, so the
core is already loaded when PySide6 arrives (nianbao_gui/app/__init__.py does the same when the
program runs from source).
"""

import nianbao_gui.app  # noqa: F401
