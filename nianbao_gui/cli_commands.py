"""``nianbao import|show|export|check``: a report made a draft, shown, exported, checked."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .cli_files import is_draft, load_report, may_write_draft, write_draft
from .core.errors import NianbaoError
from .exit_codes import EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    import argparse

    from .core.checks import Finding
    from .core.model import Report


def cmd_import(args: argparse.Namespace) -> int:
    from .core.errors import ReportImportError
    from .core.importer import import_report

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
    replacing = may_write_draft(output, force=args.force)
    result = import_report(source)
    from .core.model import new_id
    from .core.next_year import origin_text

    result.report.made_from = origin_text(source, output)  # what check --last compares with
    result.report.draft_id = new_id()
    write_draft(result.report, output, replacing=replacing)
    print(f"已导入：{output}")
    for note in result.notes:
        print(f"  提示：{note}", file=sys.stderr)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from .core.layout import to_plain_text
    from .core.outline import outline_text

    report = load_report(Path(args.draft))
    write_stdout(to_plain_text(report) if args.text else outline_text(report))
    return EXIT_OK


def write_stdout(text: str) -> None:
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


# The findings' own marks (checks/report.py) and what stands for them where stdout's encoding
# lacks them: redirected output on a Chinese Windows is GBK, which has neither.
_OWN_MARKS = {
    " › ": " > ",  # between the parts of a field's name
    "␣": "_",  # a space in the quoted text around a finding
}


def _own_marks_for_stdout(text: str) -> str:
    for mark, stand_in in _OWN_MARKS.items():
        try:
            mark.encode(sys.stdout.encoding or "utf-8")
        except (UnicodeEncodeError, LookupError):
            text = text.replace(mark, stand_in)
    return text


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


def cmd_export(args: argparse.Namespace) -> int:
    from .core.export import ExportOptions, export_file

    source = Path(args.draft)
    output = _export_target(source, args.output)
    report = load_report(source)
    options = ExportOptions.from_cli(fonts=args.fonts, level3_bold=args.level3_bold)
    warnings = export_file(report, output, options).warnings  # the extension picks the format
    print(f"已导出：{output}")
    for warning in warnings:
        print(f"  注意：{warning}", file=sys.stderr)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
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
    if is_draft(path):
        report = load_report(path)
        findings = check_report(report)
    else:  # a report is imported first; the importer's notes are shown with the findings
        from .core.importer import import_report

        imported = import_report(path)
        report = imported.report
        findings = check_imported(imported)
    if args.last:
        from .core.checks import compare_with_last

        findings += compare_with_last(report, load_report(Path(args.last)))
    if args.layout:
        findings += _layout_findings(report)
    for problem in load_word_list().problems:  # office IT's edits of the word list
        print(f"  注意：{problem}", file=sys.stderr)
    if not findings:
        print("体检通过：没有发现问题。")
        return EXIT_OK
    write_stdout(_own_marks_for_stdout(format_findings(report, findings)))
    return EXIT_FINDINGS if any(is_problem(finding) for finding in findings) else EXIT_OK


def _layout_findings(report: Report) -> list[Finding]:
    """【版面】 with the fonts the PDF uses (checks/pages.py)."""
    from .core.checks.pages import check_pages
    from .core.pages.fonts import layout_metrics
    from .core.settings import load_settings
    from .core.typeset import ExportOptions

    options = ExportOptions.from_settings(load_settings())
    return check_pages(report, layout_metrics(options.font_set), options)
