"""Common wrong characters of official writing (自已→自己, 布署→部署, 再接再励→再接再厉).

The list is data, not code: ``resources/checks/wrong_words.tsv`` (shipped) and an optional
``wrong_words.tsv`` in the user's data folder that office IT can grow without touching the
program. Columns: wrong, right, note, exceptions (``a|b``: not wrong when one of these follows
in the same sentence). A row whose right form equals the wrong one protects a correct longer
phrase (``不能自已``) from a shorter rule (``自已``): the scan takes the leftmost, longest entry.

Every file is read once and compiled into one regular expression built as a trie, so a whole
report is scanned in one pass however long the list grows. Edited files are read again.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..paths import data_dir, resources_dir
from .finding import Category, Finding, make_finding
from .targets import Target

FILE_NAME = "wrong_words.tsv"
_HEADER_NAMES = {"wrong", "错误写法", "错字", "错误"}
_SENTENCE_END = re.compile("[。！？；!?;\n]")


@dataclass(frozen=True)
class WordRule:
    wrong: str
    right: str
    note: str = ""
    unless: tuple[str, ...] = ()

    @property
    def protects(self) -> bool:
        """A correct phrase listed so that a shorter rule inside it is not applied."""
        return self.wrong == self.right


@dataclass(frozen=True)
class WordList:
    rules: dict[str, WordRule]
    pattern: re.Pattern[str] | None
    problems: list[str] = field(default_factory=list)
    """Lines that could not be read, in Chinese (``wrong_words.tsv 第12行：……``)."""

    def __len__(self) -> int:
        return sum(1 for rule in self.rules.values() if not rule.protects)


def shipped_file() -> Path:
    return resources_dir() / "checks" / FILE_NAME


def default_files() -> list[Path]:
    """The shipped list, then the user's additions (later files win for the same word)."""
    files = [shipped_file()]
    with contextlib.suppress(OSError):  # no data folder (read-only profile): shipped list only
        files.append(data_dir() / FILE_NAME)
    return files


def decode_table(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")  # saved as "ANSI" by Excel/WPS


def read_rules(path: Path) -> tuple[list[WordRule], list[str]]:
    """The rules in one file and the problems met (never raises for a bad line)."""
    try:
        text = decode_table(path.read_bytes())
    except OSError as error:
        return [], [f"{path.name} 无法读取：{error.strerror or error}"]
    rules: list[WordRule] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in (line.split("\t") if "\t" in line else line.split())]
        if cells[0].lower() in _HEADER_NAMES:
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            problems.append(f"{path.name} 第{number}行：应有“错误写法”和“正确写法”两栏，已跳过")
            continue
        note = cells[2] if len(cells) > 2 else ""
        unless = tuple(word for word in (cells[3] if len(cells) > 3 else "").split("|") if word)
        rules.append(WordRule(cells[0], cells[1], note, unless))
    return rules, problems


def _trie_pattern(words: list[str]) -> re.Pattern[str] | None:
    """One regex for all words: ``自(?:已)`` style branches, longest match first."""
    if not words:
        return None
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def regex(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + regex(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            body = f"(?:{body})?"
        return body

    return re.compile(regex(trie))


_cache: dict[tuple[tuple[str, int, int], ...], WordList] = {}


def load_word_list(files: list[Path] | None = None) -> WordList:
    """The merged word list; read again only when one of the files changed."""
    paths = default_files() if files is None else files
    key = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue
        key.append((str(path), stat.st_mtime_ns, stat.st_size))
    cached = _cache.get(tuple(key))
    if cached is not None:
        return cached
    rules: dict[str, WordRule] = {}
    problems: list[str] = []
    if files is None and (not key or key[0][0] != str(shipped_file())):
        problems.append(
            f"随程序发布的错别字表 {shipped_file()} 找不到，错别字检查不完整；请重新安装"
        )
    for name, _, _ in key:
        found, trouble = read_rules(Path(name))
        rules.update((rule.wrong, rule) for rule in found)
        problems += trouble
    word_list = WordList(rules, _trie_pattern(list(rules)), problems)
    _cache.clear()  # only the current version of the files is worth keeping
    _cache[tuple(key)] = word_list
    return word_list


def check(target: Target, words: WordList) -> list[Finding]:
    text = target.text
    if words.pattern is None or not text:
        return []
    findings = []
    for match in words.pattern.finditer(text):
        rule = words.rules[match.group()]
        if rule.protects:
            continue
        if rule.unless:
            stop = _SENTENCE_END.search(text, match.end())
            sentence = text[match.end() : stop.start() if stop else len(text)]
            if any(word in sentence for word in rule.unless):
                continue
        note = f"（{rule.note}）" if rule.note else ""
        findings.append(
            make_finding(
                text,
                target.path,
                match.start(),
                match.end(),
                "word.wrong",
                f"“{rule.wrong}”应为“{rule.right}”{note}",
                Category.WORDING,
                rule.right,
            )
        )
    return findings
