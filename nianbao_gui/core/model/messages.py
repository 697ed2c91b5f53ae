"""The Chinese names of the model's fields and what a validation error says, in Chinese."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from .base import ReportKind
from .report import Closing, Report, Section
from .table import Merge, Table

# pydantic's own messages are English; a secretary gets these instead.
_MESSAGES: dict[str, str] = {
    "int_parsing": "应填写整数",
    "int_type": "应填写整数",
    "int_from_float": "应填写整数",
    "string_type": "应为文字",
    "bool_type": "应为“是”或“否”",
    "bool_parsing": "应为“是”或“否”",
    "date_type": "日期格式不对，应为 2025-01-05 这样的日期",
    "date_parsing": "日期格式不对，应为 2025-01-05 这样的日期",
    "date_from_datetime_parsing": "日期格式不对，应为 2025-01-05 这样的日期",
    "list_type": "应为多段文字的列表",
    "missing": "缺少此项",
    "extra_forbidden": "不认识的项目（可能来自其他程序或更新的版本）",
    "enum": "报告类型只能是：" + "、".join(kind.value for kind in ReportKind),
    "model_type": "格式不对",
    "model_attributes_type": "格式不对",
    "finite_number": "应为有限的数字",
    "int_parsing_size": "数字太大",
    "string_too_long": "文字太长",
    "string_unicode": "含有无效字符（残缺的半个字符）",
}


def field_title(model: type[BaseModel], name: str) -> str:
    """The Chinese name of a field, from its ``Field(title=…)``: the one place it is written."""
    title = model.model_fields[name].title
    if title is None:
        raise LookupError(f"{model.__name__}.{name} has no title")
    return title


def title_of(name: str) -> str:
    """The title of the field ``name`` in whichever model of the report has it.

    Names shared by two models share their title too (a test checks), so a step of a place
    is named by its key alone; this also serves errors of a single section or closing (the
    binder assigns to those directly).
    """
    for model in (Report, Section, Closing, Table, Merge):
        field = model.model_fields.get(name)
        if field is not None and field.title:
            return field.title
    return name


def _place(loc: tuple[int | str, ...]) -> str:
    """``("sections", 0, "paragraphs", 2)`` → ``一级标题第1项 › 段第3项``."""
    parts: list[str] = []
    for step in loc:
        if isinstance(step, int) and parts:
            parts[-1] += f"第{step + 1}项"
        else:
            parts.append(title_of(str(step)))
    return " › ".join(parts) or "草稿"


def describe_validation_error(error: ValidationError) -> str:
    """One Chinese line per problem: where it is, and what is wrong."""
    lines = []
    for item in error.errors():
        where = _place(tuple(item["loc"]))
        message = _MESSAGES.get(item["type"], "")
        if not message:  # our validators speak Chinese; pydantic's other words are English
            is_ours = item["type"] == "value_error"
            message = str(item["msg"]).removeprefix("Value error, ") if is_ours else "格式不对"
        lines.append(f"{where}：{message}")
    return "\n".join(lines)
