"""The command line's parser: its commands and arguments, and argparse's words in Chinese.

Kept apart from cli.py so that starting the window, which needs no parsing, does not build
the parser.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from .exit_codes import EXIT_USAGE

_ARGPARSE_WORDS = (
    # argparse's own words are English and not translatable from outside; these are the
    # ones a user meets. Order matters: longer phrases first.
    (re.compile(r"the following arguments are required: (.+)"), r"缺少参数：\1"),
    (
        re.compile(r"argument (\S+): invalid choice: (\S+) \(choose from (.+)\)"),
        r"参数 \1 的值 \2 无效，可选：\3",
    ),
    (re.compile(r"unrecognized arguments: (.+)"), r"无法识别的参数：\1"),
    (re.compile(r"argument (\S+): expected one argument"), r"参数 \1 后面需要一个值"),
    (re.compile(r"^usage: ", re.MULTILINE), "用法："),
    (re.compile(r"^positional arguments:$", re.MULTILINE), "参数："),
    (re.compile(r"^options:$", re.MULTILINE), "选项："),
    (re.compile(r"show this help message and exit"), "显示本帮助并退出"),
)


def _chinese(text: str) -> str:
    for pattern, replacement in _ARGPARSE_WORDS:
        text = pattern.sub(replacement, text)
    return text


class _ChineseParser(argparse.ArgumentParser):
    def format_usage(self) -> str:
        return _chinese(super().format_usage())

    def format_help(self) -> str:
        return _chinese(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}：错误：{_chinese(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _ChineseParser(
        prog="nianbao",
        description="年报助手：述职报告、述职述廉报告、年度工作总结。不带命令时打开窗口。",
    )
    commands = parser.add_subparsers(dest="command", metavar="命令")

    p = commands.add_parser("import", help="把已有报告（.txt/.docx）导入为草稿")
    p.add_argument("report", help="报告文件（.txt 或 .docx）")
    p.add_argument("-o", "--output", help="草稿文件（.json），默认与报告同名")
    p.add_argument("--force", action="store_true", help="覆盖已有的草稿（原草稿保留为较早版本）")

    p = commands.add_parser("show", help="显示草稿的提纲和字数")
    p.add_argument("draft", help="草稿（.json）或报告（.txt/.docx）")
    p.add_argument("--text", action="store_true", help="输出全文纯文本，便于粘贴")

    p = commands.add_parser("export", help="导出为公文格式的 Word 文档或 PDF")
    p.add_argument("draft", help="草稿（.json）或报告（.txt/.docx）")
    p.add_argument(
        "-o", "--output", help="Word 文件（.docx）或 PDF（.pdf），默认为与草稿同名的 .docx"
    )
    p.add_argument(
        "--fonts",
        choices=["gb2312", "windows"],
        default=None,
        help="字体名称：gb2312（仿宋_GB2312 等）或 windows（仿宋 等），默认用上次的选择",
    )
    p.add_argument("--level3-bold", action="store_true", help="三级标题（1．）加粗")

    p = commands.add_parser("check", help="体检：找出占位符、标点、错别字、编号等问题")
    p.add_argument("report", help="草稿（.json）或报告（.txt/.docx）")
    p.add_argument(
        "--last",
        metavar="去年的草稿",
        help="与去年的草稿或报告（.json/.txt/.docx）对比，列出一字未改的句子和未变的数字",
    )
    p.add_argument(
        "--layout",
        action="store_true",
        help="同时检查版面：单字成行、最后一页只有落款、标题在页末",
    )

    p = commands.add_parser(
        "figures", help="数据：列出待填的数字（**、XX 等），导出为表格或从表格填入"
    )
    p.add_argument("draft", help="草稿（.json）或报告（.txt/.docx）")
    p.add_argument("--fill", metavar="数据.xlsx", help="从填好的表格（“填写”一栏）把数字填入草稿")
    p.add_argument(
        "-o",
        "--output",
        help="导出时：表格文件（.xlsx），默认“草稿名（数据）.xlsx”；"
        "填入时：新草稿（.json），默认“草稿名（已填数据）.json”",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="填入时 -o 指向已有的草稿也覆盖它（原草稿保留为较早版本）",
    )
    p.add_argument(
        "--all-or-nothing",
        action="store_true",
        help="填入时只要有一行不能填入，就一处也不填",
    )
    return parser
