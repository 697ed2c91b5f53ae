"""Python compiled from ``ui/*.ui`` by pyside6-uic (``python tools/compile_ui.py``). Do not edit."""
