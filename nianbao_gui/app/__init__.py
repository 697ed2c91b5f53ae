"""The Qt window of 年报助手. The logic lives in ``nianbao_gui.core``; this package shows it."""

# The core the window starts with is imported before PySide6, on purpose. Once PySide6 is
# loaded, its import hook (shibokensupport/feature.py, for `from __feature__ import ...`)
# reads the source of every module imported after it to look for "PySide6"; pydantic's and
# the core's modules imported afterwards cost about 30 ms more at every start.
from ..core import model, settings, storage, templates  # noqa: F401  (isort: skip)
