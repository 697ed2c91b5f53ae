"""The floor plus the report model, for bench_bundle.py: before the same bare window as floor.py,
it loads what no window of the program can start without — pydantic, the report model and the
example draft, read and validated. Bundled like the program (floor.spec with
NIANBAO_FLOOR=model), including the run-time hook that imports the core before PyInstaller's
PySide6 hook loads Qt. The difference to the floor is what the model library itself costs."""

from __future__ import annotations

import sys

from floor import main

from nianbao_gui.core.templates import example_report

if __name__ == "__main__":
    example_report()
    sys.exit(main())
