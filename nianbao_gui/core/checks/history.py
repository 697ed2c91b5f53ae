"""When an earlier year is history, not a leftover: the exceptions of the leftover-year check.

The data is ``resources/checks/history_years.tsv`` (beside the wrong-word table) and an
optional file of the same name in the user's data folder, so office IT can add a phrase
without touching the program. Each row says where its words stand relative to the year:
just before (``自2019年``), just after ``年`` (``2019年至今``), anywhere in the sentence
(``比上年``), or a span of years named in the sentence (``十四五``: 2021–2025).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import data_dir, resources_dir
from .wording import decode_table

FILE_NAME = "history_years.tsv"
_KINDS = {"前": "before", "后": "after", "句": "sentence", "段": "span"}
_SENTENCE_END = "。！？；!?;\n"


@dataclass(frozen=True)
class HistoryRules:
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    sentence: tuple[str, ...] = ()
    spans: tuple[tuple[str, int, int], ...] = ()
    problems: list[str] = field(default_factory=list)

    def is_history(self, text: str, start: int, year_end: int, year: int) -> bool:
        """Is the year at ``text[start:year_end]`` (followed by ``年``) marked as history?"""
        before = text[max(0, start - 4) : start]
        if any(before.endswith(word) for word in self.before):
            return True
        after_at = text.find("年", year_end) + 1
        if any(text.startswith(word, after_at) for word in self.after):
            return True
        begin = max(text.rfind(mark, 0, start) for mark in _SENTENCE_END) + 1
        ends = [at for mark in _SENTENCE_END if (at := text.find(mark, year_end)) >= 0]
        sentence = text[begin : min(ends, default=len(text))]
        if any(word in sentence for word in self.sentence):
            return True
        return any(first <= year <= last and word in sentence for word, first, last in self.spans)


def shipped_file() -> Path:
    return resources_dir() / "checks" / FILE_NAME


def _read(path: Path, into: dict[str, list[str]], spans: list[tuple[str, int, int]]) -> list[str]:
    try:
        text = decode_table(path.read_bytes())
    except OSError as error:
        return [f"{path.name} 无法读取：{error.strerror or error}"]
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        kind = _KINDS.get(cells[0])
        if cells[0] == "种类":
            continue
        if kind is None or len(cells) < 2 or not cells[1]:
            problems.append(f"{path.name} 第{number}行：第一栏应为“前、后、句、段”之一，已跳过")
        elif kind == "span":
            try:
                spans.append((cells[1], int(cells[2]), int(cells[3])))
            except (IndexError, ValueError):
                problems.append(f"{path.name} 第{number}行：“段”应有起始年和结束年，已跳过")
        else:
            into[kind].append(cells[1])
    return problems


_cache: dict[tuple[tuple[str, int, int], ...], HistoryRules] = {}


def load_history_rules() -> HistoryRules:
    """The shipped rules and the user's additions; read again only when a file changed."""
    paths = [shipped_file()]
    with contextlib.suppress(OSError):  # no data folder (read-only profile): shipped only
        paths.append(data_dir() / FILE_NAME)
    key = []
    for path in paths:
        with contextlib.suppress(OSError):
            stat = path.stat()
            key.append((str(path), stat.st_mtime_ns, stat.st_size))
    cached = _cache.get(tuple(key))
    if cached is not None:
        return cached
    words: dict[str, list[str]] = {"before": [], "after": [], "sentence": []}
    spans: list[tuple[str, int, int]] = []
    problems: list[str] = []
    for name, _, _ in key:
        problems += _read(Path(name), words, spans)
    rules = HistoryRules(
        tuple(words["before"]),
        tuple(words["after"]),
        tuple(words["sentence"]),
        tuple(spans),
        problems,
    )
    _cache.clear()
    _cache[tuple(key)] = rules
    return rules
