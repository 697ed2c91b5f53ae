"""The command line: ``nianbao import|show|export|check``.

Errors are printed to stderr in plain Chinese with a non-zero exit code, never a traceback.
Run without a command it starts the window.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .core.errors import NianbaoError
from .core.model import Report
from .exit_codes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    import argparse

    from .core.checks import Finding

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main"]


def _is_draft(path: Path) -> bool:
    """A .json file, or a draft under another name (the content says so)."""
    from .core.storage import is_draft_file

    return path.suffix.lower() == ".json" or bool(is_draft_file(path))


def _load(path: Path) -> Report:
    """A draft as it is; a report (.txt/.docx) imported on the fly."""
    if _is_draft(path):
        from .core.storage import load_draft

        draft: Report = load_draft(path)
        return draft
    from .core.importer import import_report

    imported: Report = import_report(path).report
    return imported


def _cmd_import(args: argparse.Namespace) -> int:
    from .core.errors import ReportImportError
    from .core.importer import import_report
    from .core.storage import save_draft

    source = Path(args.report)
    if source.suffix.lower() == ".json":
        raise ReportImportError(
            f"{source} 已经是草稿文件，不需要导入。",
            "直接在程序中打开它，或用 nianbao show 查看。",
            path=source,
        )
    output = Path(args.output) if args.output else source.with_suffix(".json")
    if output.resolve() == source.resolve():  # -o naming the report would overwrite it
        raise ReportImportError(
            f"草稿不能覆盖原报告 {source}。", "请用 -o 指定另一个文件名（.json）。", path=output
        )
    replacing = _may_write_draft(output, force=args.force)
    result = import_report(source)
    from .core.model import new_id
    from .core.next_year import origin_text

    result.report.made_from = origin_text(source, output)  # what check --last compares with
    result.report.draft_id = new_id()
    if replacing:
        _keep_replaced_draft(output)
    save_draft(result.report, output)
    print(f"已导入：{output}")
    for note in result.notes:
        print(f"  提示：{note}", file=sys.stderr)
    return EXIT_OK


def _may_write_draft(output: Path, *, force: bool, action: str = "") -> bool:
    """``import -o`` (and ``figures --fill -o``) writes a draft: never over something that is
    not a draft; over a draft only when the user says so (asked at a console, else
    ``--force``). True when a draft will be replaced."""
    from .core.errors import ReportImportError
    from .core.storage import is_draft_file

    made = action or "导入的内容"

    if output.suffix.lower() != ".json":
        raise ReportImportError(
            f"草稿文件名必须以 .json 结尾，“{output.name}”不是。",
            "请用 -o 指定一个 .json 文件名，例如 -o 述职报告.json。",
            path=output,
        )
    existing = is_draft_file(output)
    if existing is None:
        return False
    if not existing:
        raise ReportImportError(
            f"{output} 已经存在，而且不是年报助手的草稿，"
            + ("导入不会覆盖它。" if not action else "没有覆盖它。"),
            "请用 -o 指定另一个文件名。",
            path=output,
        )
    if force or _confirm(f"草稿 {output} 已经存在，要用{made}覆盖它吗？"):
        return True
    raise ReportImportError(
        f"草稿 {output} 已经存在，没有覆盖它。",
        "要覆盖请加 --force（原草稿会保留为较早版本），或用 -o 指定另一个文件名。",
        path=output,
    )


def _keep_replaced_draft(output: Path) -> None:
    """The draft about to be replaced, kept as an earlier version; no version, no overwrite."""
    from .core.errors import FileAccessError
    from .core.storage import backups_of, keep_version

    try:
        old = output.read_bytes()
    except OSError as error:
        raise FileAccessError(
            f"无法读取已有的草稿 {output}（{error.strerror or error}），没有覆盖它。",
            "请用 -o 指定另一个文件名。",
            path=output,
        ) from error
    kept = keep_version(output, old)
    if kept is None:
        newest = backups_of(output)[:1]
        if not (newest and _read_or_none(newest[0]) == old):  # not kept before either
            raise FileAccessError(
                f"无法为已有的草稿 {output} 保留较早版本（数据文件夹不能写入），没有覆盖它。",
                "请用 -o 指定另一个文件名。",
                path=output,
            )
        kept = newest[0]
    print(f"  原草稿保留为较早版本：{kept}", file=sys.stderr)


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _confirm(question: str) -> bool:
    """Ask at a console; without one (a script, a pipe) the answer is no."""
    if not (sys.stdin is not None and sys.stdin.isatty()):
        return False
    try:
        answer = input(f"{question}（输入 y 覆盖，直接回车取消）")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是")


def _cmd_show(args: argparse.Namespace) -> int:
    from .core.layout import to_plain_text
    from .core.outline import outline_text

    report = _load(Path(args.draft))
    _write_stdout(to_plain_text(report) if args.text else outline_text(report))
    return EXIT_OK


def _write_stdout(text: str) -> None:
    invalid = sum(1 for char in text if "\ud800" <= char <= "\udfff")
    if invalid:
        # A lone surrogate cannot be written in any encoding: show a stand-in and say so,
        # rather than blame the console's encoding.
        text = "".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in text)
        print(
            f"  注意：报告中有 {invalid} 个无效字符（残缺的半个字符），显示为“\ufffd”；"
            "nianbao check 会指出位置，可删除。",
            file=sys.stderr,
        )
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError as error:
        # Redirected output on Chinese Windows is GBK: emoji or rare characters cannot be
        # written. Say so rather than drop or replace them (text pasted on must be whole).
        raise NianbaoError(
            f"报告中有当前命令行编码（{sys.stdout.encoding}）无法输出的字符"
            f"“{error.object[error.start : error.end]}”。",
            "请设置环境变量 PYTHONIOENCODING=utf-8（或先执行 chcp 65001）后再运行。",
        ) from error


def _export_target(source: Path, output: str | None) -> Path:
    """``-o`` as given, else the draft's name with .docx; never the report read from.

    The extension of ``-o`` decides the format (core/export/formats.py): an unknown one is
    refused before the draft is read, not written as a .docx under another name.
    """
    from .core.errors import ExportError
    from .core.export.formats import export_format

    if output:
        target = Path(output)
        export_format(target)
        if target.resolve() == source.resolve():
            raise ExportError(
                f"导出的文件不能覆盖原报告 {source}。",
                "请用 -o 指定另一个文件名。",
                path=target,
            )
        return target
    target = source.with_suffix(".docx")
    if target.resolve() == source.resolve():  # exporting an imported .docx
        target = source.with_name(f"{source.stem}（公文格式）.docx")
    return target


def _cmd_export(args: argparse.Namespace) -> int:
    from .core.export import ExportOptions, export_file

    source = Path(args.draft)
    output = _export_target(source, args.output)
    report = _load(source)
    options = ExportOptions.from_cli(fonts=args.fonts, level3_bold=args.level3_bold)
    warnings = export_file(report, output, options).warnings  # the extension picks the format
    print(f"已导出：{output}")
    for warning in warnings:
        print(f"  注意：{warning}", file=sys.stderr)
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from .core.checks import (
        check_imported,
        check_report,
        format_findings,
        is_problem,
        load_word_list,
    )

    path = Path(args.report)
    if args.last and Path(args.last).resolve() == path.resolve():  # as 对比去年 in the window
        raise NianbaoError(
            f"“{args.last}”就是要体检的草稿，不能和它自己对比。",
            "--last 请给出去年的草稿（.json）或去年的报告（.docx、.txt）。",
        )
    if _is_draft(path):
        report = _load(path)
        findings = check_report(report)
    else:  # a report is imported first; the importer's notes are shown with the findings
        from .core.importer import import_report

        imported = import_report(path)
        report = imported.report
        findings = check_imported(imported)
    if args.last:
        from .core.checks import compare_with_last

        findings += compare_with_last(report, _load(Path(args.last)))
    if args.layout:
        findings += _layout_findings(report)
    for problem in load_word_list().problems:  # office IT's edits of the word list
        print(f"  注意：{problem}", file=sys.stderr)
    if not findings:
        print("体检通过：没有发现问题。")
        return EXIT_OK
    _write_stdout(format_findings(report, findings))
    return EXIT_FINDINGS if any(is_problem(finding) for finding in findings) else EXIT_OK


def _cmd_figures(args: argparse.Namespace) -> int:
    from .core.errors import NianbaoError
    from .core.figures import find_slots
    from .core.figures_match import TableInfo

    source = Path(args.draft)
    report = _load(source)
    if args.fill:
        return _fill_figures(report, source, Path(args.fill), args)
    from .core.figures_xlsx import check_replaceable, write_xlsx

    output = Path(args.output) if args.output else source.with_name(f"{source.stem}（数据）.xlsx")
    if output.suffix.lower() != ".xlsx":
        raise NianbaoError(f"表格文件应以 .xlsx 结尾：{output}", "请用 -o 指定 .xlsx 文件名。")
    from .core.atomic import check_writable

    check_writable(output, "导出")  # a name too long, a folder gone: said in Chinese
    check_replaceable(output)  # the window's file dialog asks; here nobody would
    slots = find_slots(report)
    write_xlsx(slots, output, TableInfo.of(report))
    print(f"已导出 {len(slots)} 处待填数据：{output}")
    print("请在“填写”一栏填数，其余各栏不要改动；填好后用 --fill 填入草稿。")
    return EXIT_OK


def _fill_figures(report: Report, source: Path, table: Path, args: argparse.Namespace) -> int:
    from .core.errors import NianbaoError
    from .core.fields import set_text
    from .core.figures import filled_texts, find_slots
    from .core.figures_match import match_rows, other_draft, summary
    from .core.figures_xlsx import read_table
    from .core.storage import save_draft

    output = args.output
    target = Path(output) if output else source.with_name(f"{source.stem}（已填数据）.json")
    if target.suffix.lower() != ".json" or target.absolute() == source.absolute():
        raise NianbaoError(
            f"填入数据后的草稿应另存为新的 .json 文件，不能是 {target}。",
            "请用 -o 指定一个新的文件名（.json），核对后再替换原草稿。",
        )
    if target.exists() and target.resolve() == source.resolve():
        raise NianbaoError(
            f"填入数据后的草稿应另存为新的文件，{target} 就是原草稿。",
            "请用 -o 指定一个新的文件名（.json），核对后再替换原草稿。",
        )
    replacing = _may_write_draft(output=target, force=args.force, action="填入数据后的草稿")
    read = read_table(table)
    mismatch = other_draft(report, read.info)
    if mismatch:
        todo = "请从这份草稿重新导出表格（nianbao figures 草稿），填好后再填入。"
        raise NianbaoError(mismatch, todo)
    matched = match_rows(report, read.rows)
    reasons = [reason for _row, reason in matched.refused]
    if matched.refused and args.all_or_nothing:
        print(
            f"没有填入：{len(matched.refused)} 行不能填入（原因见下），按 --all-or-nothing "
            "一处也没有填，草稿没有另存。",
        )
        for line in summary(reasons).splitlines():
            print(f"  未填入：{line}", file=sys.stderr)
        return EXIT_FINDINGS
    for path, text in filled_texts(report, matched.filled):
        set_text(report, path, text)
    if replacing:
        _keep_replaced_draft(target)
    save_draft(report, target)
    left = len(find_slots(report))
    print(f"已填入 {len(matched.filled)} 处，另存为：{target}（仍有 {left} 处待填）")
    for line in summary(reasons).splitlines() if reasons else []:
        print(f"  未填入：{line}", file=sys.stderr)
    if matched.refused:
        print(
            f"  共 {len(matched.refused)} 行未填入（原因见上）。"
            "请在窗口的“数据”中手工填写，或重新导出表格。",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    return EXIT_OK


def _layout_findings(report: Report) -> list[Finding]:
    """【版面】 with the fonts the PDF uses (checks/pages.py)."""
    from .core.checks.pages import check_pages
    from .core.pages.fonts import layout_metrics
    from .core.settings import load_settings
    from .core.typeset import ExportOptions

    options = ExportOptions.from_settings(load_settings())
    return check_pages(report, layout_metrics(options.font_set), options)


HANDLERS = {
    "import": _cmd_import,
    "show": _cmd_show,
    "export": _cmd_export,
    "check": _cmd_check,
    "figures": _cmd_figures,
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
            code = int(HANDLERS[args.command](args))
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
