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
    from nianbao_gui.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
