"""``nianbao figures``: the figures still to fill exported as a table, and the filled table
put back into a copy of the draft (``--fill``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .cli_files import load_report, may_write_draft, write_draft
from .exit_codes import EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    import argparse

    from .core.model import Report


def cmd_figures(args: argparse.Namespace) -> int:
    from .core.errors import NianbaoError
    from .core.figures import find_slots
    from .core.figures_match import TableInfo

    source = Path(args.draft)
    report = load_report(source)
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
    replacing = may_write_draft(output=target, force=args.force, action="填入数据后的草稿")
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
    write_draft(report, target, replacing=replacing)
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
