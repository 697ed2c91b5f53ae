"""A field's Chinese name is written once, as the model's ``Field(title=…)``; validation
messages and the form's labels both take it from there."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError
from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from nianbao_gui.core.model import (
    Closing,
    Merge,
    Report,
    Section,
    Table,
    describe_validation_error,
    field_title,
)
from nianbao_gui.core.settings import Settings

MODELS: list[type[BaseModel]] = [Report, Section, Closing, Table, Merge, Settings]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_has_a_chinese_title(model: type[BaseModel]) -> None:
    for name in model.model_fields:
        title = field_title(model, name)
        assert title and all(ord(c) > 0x2E80 for c in title), (name, title)


def test_a_name_shared_by_two_models_has_one_title() -> None:
    seen: dict[str, str] = {}
    for model in (Report, Section, Closing, Table, Merge):
        for name in model.model_fields:
            assert seen.setdefault(name, field_title(model, name)) == field_title(model, name)


@pytest.mark.parametrize(
    ("data", "loc"),
    [
        ({"year": "去年"}, ("year",)),
        ({"show_author_line": "也许"}, ("show_author_line",)),
        ({"date": "昨天"}, ("date",)),
        ({"closing": {"one_paragraph": "也许"}}, ("closing", "one_paragraph")),
        ({"sections": [{"run_in": "也许"}]}, ("sections", "run_in")),
        ({"sections": [{"children": [{"paragraphs": "一段"}]}]}, ("sections", "children")),
    ],
)
def test_validation_messages_name_the_place_by_the_titles(
    data: dict[str, object], loc: tuple[str, ...]
) -> None:
    with pytest.raises(ValidationError) as caught:
        Report.model_validate(data)
    text = describe_validation_error(caught.value)
    models = {"closing": Closing, "sections": Section, "children": Section}
    owner: type[BaseModel] = Report
    for name in loc:
        assert field_title(owner, name) in text
        owner = models.get(name, owner)


def test_validation_messages_follow_a_changed_title(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Report.model_fields["year"], "title", "年")
    with pytest.raises(ValidationError) as caught:
        Report.model_validate({"year": "去年"})
    assert describe_validation_error(caught.value).startswith("年：")


def _row_labels(widget: QLabel | object) -> dict[object, str]:
    """Field widget → the text of its row's label, over every form in the tab."""
    labels: dict[object, str] = {}
    for form in widget.findChildren(QFormLayout):  # type: ignore[attr-defined]
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and field is not None and isinstance(label.widget(), QLabel):
                labels[field.widget()] = label.widget().text()
    return labels


def test_the_basic_info_tab_labels_its_fields_by_their_titles(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nianbao_gui.app.editor.report_editor import ReportEditor

    # a changed title changes the form: the label is not written a second time in the tab
    monkeypatch.setattr(Report.model_fields["signature"], "title", "署名")
    editor = ReportEditor(Settings())
    qtbot.addWidget(editor)
    basic = editor.basic
    labels = _row_labels(basic)
    texts = set(labels.values())
    for name in ("kind", "year", "title", "author_name", "position", "organisation", "date"):
        assert field_title(Report, name) + "：" in texts, name
    assert "署名：" in texts and "落款：" not in texts
    assert labels[basic.fonts] == field_title(Settings, "fonts") + "："
    # the texts the user sees stay those of before
    before = "报告类型： 年度： 标题： 姓名： 职务： 单位： 成文日期： 正文字体："
    assert set(before.split()) <= texts
