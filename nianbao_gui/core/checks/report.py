"""Findings as text: for the command line, and the pieces the window's panel shows
(``location``, ``excerpt``, ``group_by_category``, ``summary``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..fields import FieldPath, get_text, iter_text_fields, label_of
from ..model import Report
from ..numbering import heading_number
from .finding import FONT_STAND_IN, IMPORT_NOTE, Category, Finding

_REPORT_LABELS: dict[FieldPath, str] = {(): "导入", ("date",): "日期", ("year",): "年份"}
_HEADING_ENDS = "。．.，,；;：:"


def field_labels(report: Report) -> dict[FieldPath, str]:
    """Chinese label of every field (``四、强化责任意识…… › （一）政法工作。 · 第1段``)."""
    labels = dict(_REPORT_LABELS)
    labels.update((field.path, field.label) for field in iter_text_fields(report))
    return labels


def _text_of(report: Report, path: FieldPath) -> str | None:
    try:
        return get_text(report, path)
    except (KeyError, IndexError, AttributeError, TypeError):
        return None


def position(report: Report, finding: Finding) -> str:
    """``第12字`` / ``末尾`` / ``""`` (report-level findings and empty fields)."""
    text = _text_of(report, finding.path)
    if not text or not text.strip():
        return ""
    if finding.start >= len(text.rstrip()) and finding.start == finding.end:
        return "末尾"
    return f"第{finding.start + 1}字"


def location(report: Report, finding: Finding, labels: dict[FieldPath, str] | None = None) -> str:
    """Where the finding is, as the user reads it: the field's label and the position."""
    if finding.code == FONT_STAND_IN:  # about this computer's fonts, not a place in the text
        return "字体"
    label = (labels or field_labels(report)).get(finding.path)
    if label is None:
        label = "/".join(str(step) for step in finding.path)
    where = position(report, finding)
    return f"{label}：{where}" if where else label


def excerpt(report: Report, finding: Finding, width: int = 8) -> tuple[str, str, str]:
    """(text before, the text found, text after), at most ``width`` characters each side,
    from the text the check saw (else the field's current text); for the panel to show
    with the middle highlighted."""
    text = finding.text if finding.text is not None else _text_of(report, finding.path)
    if text is None or text[finding.start : finding.end] != finding.seen:
        return finding.before, finding.seen, finding.after
    before = text[max(0, finding.start - width) : finding.start]
    after = text[finding.end : finding.end + width]
    if finding.start > width:
        before = "…" + before
    if finding.end + width < len(text):
        after += "…"
    return before, finding.seen, after


def short_label(report: Report, path: FieldPath, width: int = 8) -> str:
    """A place short enough for a narrow panel that still tells it apart:
    ``四、（一）政法工作 · 第1段`` (numbers of every level as written, then the nearest heading
    without its full stop, cut to ``width`` characters) where field_labels says
    ``四、强化责任意识…… › （一）政法工作。 · 第1段``."""
    if path in _REPORT_LABELS or not path or path[0] != "sections":
        return _label_of(report, path)
    numbers: list[str] = []
    node: Any = report
    level = 0
    steps = list(path)
    while len(steps) >= 2 and steps[0] in ("sections", "children") and isinstance(steps[1], int):
        level += 1
        index = steps[1]
        siblings = node.sections if level == 1 else node.children
        if not 0 <= index < len(siblings):
            return _label_of(report, path)
        node = siblings[index]
        numbers.append(heading_number(level, index + 1))
        steps = steps[2:]
    # the heading's own full stop before " · 第1段" read as a sentence ended (一（一）安全生产。)
    heading = node.heading.strip().rstrip(_HEADING_ENDS)
    if len(heading) > width:
        heading = heading[:width].rstrip(_HEADING_ENDS) + "…"
    if steps == ["heading"]:
        tail = "标题"
    elif len(steps) == 2 and steps[0] == "paragraphs" and isinstance(steps[1], int):
        tail = f"第{steps[1] + 1}段"
    elif steps and steps[0] == "tables":  # 表1 第3行 第2列, 表1 表题: the label's own end
        tail = _label_of(report, path).rsplit(" · ", 1)[-1]
    else:
        return _label_of(report, path)
    return f"{''.join(numbers)}{heading} · {tail}"


def _label_of(report: Report, path: FieldPath) -> str:
    """The label of one field (field_labels' entry), or the path spelt out."""
    return _REPORT_LABELS.get(path) or label_of(report, path)


def group_by_category(findings: Sequence[Finding]) -> dict[Category, list[Finding]]:
    """Findings by family, families in the order of ``Category`` (empty ones left out)."""
    grouped: dict[Category, list[Finding]] = {category: [] for category in Category}
    for finding in findings:
        grouped[finding.category].append(finding)
    return {category: items for category, items in grouped.items() if items}


def summary(findings: Sequence[Finding]) -> str:
    """``共 12 处问题：占位符与空白 5 处，标点 3 处……；其中 7 处可以自动修改。``"""
    problems = [finding for finding in findings if not finding.is_hint]
    imported = sum(1 for finding in findings if finding.code == IMPORT_NOTE)
    fonts = len(findings) - len(problems) - imported
    hint_text = (f"另有导入提示 {imported} 条，请核对。" if imported else "") + (
        f"另有字体说明 {fonts} 条（本机缺少公文字体，导出的 .docx 不受影响）。" if fonts else ""
    )
    if not problems:
        return "体检通过：没有发现问题。" + hint_text
    parts = "，".join(
        f"{category.label} {len(items)} 处"
        for category, items in group_by_category(problems).items()
    )
    fixable = sum(1 for finding in problems if finding.fixable)
    tail = f"；其中 {fixable} 处可以自动修改" if fixable else ""
    return f"共 {len(problems)} 处问题：{parts}{tail}。{hint_text}"


def _shown(text: str) -> str:
    return "".join(
        "␣" if char == " " else "·" if not char.isprintable() or char.isspace() else char
        for char in text
    )


def format_findings(report: Report, findings: Sequence[Finding]) -> str:
    """One line per finding, grouped by family, with the count summary at the end:
    ``  位置：第N字：消息　〔前文【原文】后文〕　→ 改为“，”``."""
    labels = field_labels(report)
    lines: list[str] = []
    for category, items in group_by_category(findings).items():
        lines.append(f"【{category.label}】{len(items)} 处")
        for finding in items:
            line = f"  {location(report, finding, labels)}：{finding.message}"
            if finding.path and finding.path != ("date",):
                before, seen, after = excerpt(report, finding)
                if before or seen or after:
                    line += f"　〔{_shown(before)}【{_shown(seen)}】{_shown(after)}〕"
            if finding.fixable:
                line += f"　→ {finding.fix_label()}"
            lines.append(line)
        lines.append("")
    lines.append(summary(findings))
    return "\n".join(lines) + "\n"
