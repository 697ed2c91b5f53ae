"""Entry script of the packaged program (build.spec): a command runs the command line
(``nianbao import|show|export|check``), no command opens the window.

It is a plain script, not ``nianbao_gui/__main__.py``, because PyInstaller runs its entry as
``__main__`` outside the package, where that file's relative imports fail.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    # A windowed Windows executable (nianbao.exe) has no stdout/stderr; printing must not crash.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    # the command line (and the core with it) first: the smoke run imports PySide6, and the
    # import order must be the same as in a normal start (see nianbao_gui/app/__init__.py)
    from nianbao_gui.cli import main as cli_main

    if os.environ.get("NIANBAO_SMOKE_TEST", "") not in ("", "0") and len(sys.argv) == 1:
        from nianbao_gui.app import smoke

        smoke.install()

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
