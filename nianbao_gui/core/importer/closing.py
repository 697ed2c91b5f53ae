"""The closing of a report: other work, shortcomings (一是……；二是……。) and plans.

Every split is checked by writing it back with the same rules as layout(): a split that would
not give back the paragraphs character for character is not used. The importer then keeps
the paragraphs where they stood, so an unusual closing costs structure, never text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..layout import shortcomings_sentence
from ..numbering import ordinal
from .patterns import OTHER_WORK_CUE, PLANS_CUE, SENTENCE_END, SHORTCOMING_CUE

_ITEM_END = re.compile("[；。]")


@dataclass
class TailClosing:
    other_work: list[str] = field(default_factory=list)
    intro: str = ""
    items: list[str] = field(default_factory=list)
    plans: list[str] = field(default_factory=list)
    one_paragraph: bool = False
    notes: list[str] = field(default_factory=list)

    def blocks(self) -> list[str]:
        """The paragraphs layout() writes for this closing (without headings)."""
        listed = shortcomings_sentence(self.intro, self.items)
        if self.one_paragraph:
            joined = "".join([*self.other_work, listed, *self.plans])
            return [joined] if joined else []
        return [*self.other_work, *([listed] if listed else []), *self.plans]


@dataclass(frozen=True)
class InlineList:
    start: int  # where 一是 begins
    end: int  # just after the final 。
    items: list[str]


def sentence_start(text: str, before: int) -> int:
    """Where the sentence containing position ``before`` begins."""
    ends = [text.rfind(mark, 0, before) for mark in SENTENCE_END]
    return max(ends) + 1


def _parse_list_at(text: str, start: int) -> InlineList | None:
    items: list[str] = []
    pos = start
    while True:
        marker = ordinal(len(items) + 1)
        if not text.startswith(marker, pos):
            return None
        found = _ITEM_END.search(text, pos + len(marker))
        if not found:
            return None
        items.append(text[pos + len(marker) : found.start()])
        pos = found.end()
        if found.group() == "。":
            return InlineList(start, pos, items) if len(items) >= 2 else None


MAX_LIST_STARTS = 20
"""How many 一是 in one paragraph are tried as the start of a list: a real paragraph has a
few; a pathological one (thousands) must not make the import quadratic."""


def find_shortcomings_list(text: str) -> InlineList | None:
    """The first 一是……；二是……。 list whose lead-in sentence speaks of shortcomings."""
    start = text.find(ordinal(1))
    for _attempt in range(MAX_LIST_STARTS):
        if start == -1:
            break
        found = _parse_list_at(text, start)
        lead = text[sentence_start(text, start) : start]
        if found and SHORTCOMING_CUE.search(lead):
            return found
        start = text.find(ordinal(1), start + 1)
    return None


def _sentences(text: str) -> list[str]:
    parts = re.findall(rf"[^{SENTENCE_END}]*[{SENTENCE_END}]+|[^{SENTENCE_END}]+$", text)
    return [part for part in parts if part]


def first_sentence(text: str) -> str:
    parts = _sentences(text)
    return parts[0] if parts else text


def has_closing_cue(paragraph: str) -> bool:
    """Does this paragraph start the closing: other work, shortcomings or plans?"""
    return bool(
        OTHER_WORK_CUE.match(paragraph)
        or SHORTCOMING_CUE.search(first_sentence(paragraph))
        or PLANS_CUE.match(paragraph)
        or find_shortcomings_list(paragraph)
    )


def _split_one_paragraph(text: str) -> TailClosing:
    """The seed's style: other work, shortcomings and plans in a single paragraph."""
    found = find_shortcomings_list(text)
    if found:
        begin = sentence_start(text, found.start)
        return TailClosing(
            other_work=[text[:begin]] if begin else [],
            intro=text[begin : found.start],
            items=found.items,
            plans=[text[found.end :]] if found.end < len(text) else [],
            one_paragraph=True,
        )
    sentences = _sentences(text)
    cut = len(sentences)
    plans_at = len(sentences)
    for index, sentence in enumerate(sentences):
        if cut == len(sentences) and SHORTCOMING_CUE.search(sentence):
            cut = index
        elif PLANS_CUE.match(sentence):
            plans_at = index
            break
    cut = min(cut, plans_at)
    return TailClosing(
        other_work=["".join(sentences[:cut])] if cut else [],
        intro="".join(sentences[cut:plans_at]),
        plans=["".join(sentences[plans_at:])] if plans_at < len(sentences) else [],
        one_paragraph=True,
    )


def _split_paragraphs(paragraphs: list[str]) -> TailClosing:
    """One paragraph per part: other work …, the shortcomings paragraph, plans …"""
    at = next(
        (
            i
            for i, p in enumerate(paragraphs)
            if find_shortcomings_list(p) or SHORTCOMING_CUE.search(first_sentence(p))
        ),
        None,
    )
    if at is None:
        plans_at = next(
            (i for i, p in enumerate(paragraphs) if PLANS_CUE.match(p)), len(paragraphs)
        )
        return TailClosing(other_work=paragraphs[:plans_at], plans=paragraphs[plans_at:])
    text = paragraphs[at]
    closing = TailClosing(other_work=paragraphs[:at], plans=paragraphs[at + 1 :])
    found = find_shortcomings_list(text)
    if found and found.end == len(text):
        closing.intro, closing.items = text[: found.start], found.items
    else:
        closing.intro = text
        if found:
            closing.notes.append(
                "结尾“存在的不足”一段在“一是……；二是……”之后还有文字，无法拆成逐条的不足，已整段保留"
            )
    return closing


def parse_tail(
    paragraphs: list[str],
    *,
    allow_shortcomings: bool = True,
    allow_plans: bool = True,
    allow_one_paragraph: bool = True,
) -> TailClosing | None:
    """The closing read from the last paragraphs, or None if it cannot be kept exactly."""
    if not paragraphs:
        return None
    candidates = []
    if len(paragraphs) == 1 and allow_one_paragraph:
        candidates.append(_split_one_paragraph(paragraphs[0]))
    candidates.append(_split_paragraphs(paragraphs))
    for closing in candidates:
        if closing.one_paragraph:
            listed = shortcomings_sentence(closing.intro, closing.items)
            # one part only: a paragraph of its own either way; the simpler form is kept
            parts = [*closing.other_work, listed, *closing.plans]
            closing.one_paragraph = sum(1 for part in parts if part) > 1
        if not allow_shortcomings and (closing.intro or closing.items):
            continue
        if not allow_plans and closing.plans:
            continue
        if closing.blocks() == paragraphs:
            return closing
    return None


def list_paragraph(text: str) -> tuple[str, list[str]] | None:
    """A shortcomings section's paragraph written as intro + 一是……；二是……。 exactly."""
    start = text.find(ordinal(1))
    for _attempt in range(MAX_LIST_STARTS):
        if start == -1:
            break
        found = _parse_list_at(text, start)
        if found and found.end == len(text):
            intro = text[:start]
            if shortcomings_sentence(intro, found.items) == text:
                return intro, found.items
        start = text.find(ordinal(1), start + 1)
    return None
