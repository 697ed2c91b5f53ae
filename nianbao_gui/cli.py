"""The command line: ``nianbao import|show|export|check``.

Errors are printed to stderr in plain Chinese with a non-zero exit code, never a traceback.
Run without a command it starts the window.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .core.errors import NianbaoError
from .exit_codes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    import argparse

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main"]


def _handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    """Each command's handler, loaded when a command runs: the window's start needs none."""
    from .cli_commands import cmd_check, cmd_export, cmd_import, cmd_show
    from .cli_figures import cmd_figures

    return {
        "import": cmd_import,
        "show": cmd_show,
        "export": cmd_export,
        "check": cmd_check,
        "figures": cmd_figures,
    }


_OPENABLE = (".json", ".txt", ".docx")


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if not given or (len(given) == 1 and given[0].lower().endswith(_OPENABLE)):
        # no command: the window; a draft or report double-clicked, or dropped on the
        # program's icon: the window with it. Decided without building the parser (3 ms).
        from .app.main import main as gui_main

        return int(gui_main(given))
    from .cli_parser import build_parser

    args = build_parser().parse_args(given)
    if args.command is None:  # only options, such as --help, which exits by itself
        from .app.main import main as gui_main

        return int(gui_main([]))
    from .core.logfile import logging_to_file

    try:
        with logging_to_file():  # the program's own notes go to the log, not to the console
            code = int(_handlers()[args.command](args))
    except NianbaoError as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except OSError as error:  # a file the command met: its reason in Chinese, not "意外问题"
        _log_unexpected(error)
        print(f"错误：{os_error_text(error)}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # a bug: logged with its traceback, shown in plain words
        log = _log_unexpected(error)
        logged = (
            f"已记录在 {log}。\n您的文件没有被改动。请把这个记录文件发给维护人员。"
            if log is not None
            else "（记录文件也无法写入。）\n您的文件没有被改动。请把这段文字发给维护人员。"
        )
        print(f"错误：程序遇到意外问题（{type(error).__name__}），{logged}", file=sys.stderr)
        return EXIT_ERROR
    return code


def os_error_text(error: OSError) -> str:
    """What the system refused, in Chinese, naming the file (never its English strerror)."""
    import errno

    reasons = {
        errno.ENAMETOOLONG: ("文件名或路径太长", "请缩短文件名，或换到层次较浅的文件夹。"),
        errno.EACCES: ("没有权限", "请检查文件和文件夹的权限，或换一个位置。"),
        errno.EPERM: ("没有权限", "请检查文件和文件夹的权限，或换一个位置。"),
        errno.EROFS: ("所在的磁盘或文件夹是只读的", "请换一个可以写入的位置。"),
        errno.ENOSPC: ("磁盘已满", "请清理磁盘空间后重试。"),
        errno.ENOENT: ("文件或文件夹不存在", "请检查路径是否正确。"),
        errno.ENOTDIR: ("路径中有一部分是文件，不是文件夹", "请检查路径是否正确。"),
        errno.EISDIR: ("这是一个文件夹，不是文件", "请选择一个文件。"),
    }
    what, todo = reasons.get(
        error.errno or 0,
        (f"系统错误 {errno.errorcode.get(error.errno or 0, '未知')}", "请稍后重试，或换一个位置。"),
    )
    where = f" {error.filename}" if error.filename else ""
    return f"无法访问{where}：{what}。\n{todo}"


def _log_unexpected(error: BaseException) -> Path | None:
    import traceback

    from .core.paths import logs_dir

    try:
        log = logs_dir() / "cli-errors.log"
        with log.open("a", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(error)) + "\n")
        return log
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main())
