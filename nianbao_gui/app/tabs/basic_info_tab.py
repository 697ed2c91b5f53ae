"""基本信息: kind, year, title, the reporter, signature and date, and the export fonts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.fields import FieldPath
from ...core.model import Report, ReportKind, field_title
from ...core.settings import FontChoice, Settings, TableFontSize
from ..editor.binder import optional_int
from ..widgets.inputs import EnumCombo, OptionalDateEdit
from ..widgets.look import em, mute
from .base import TabPage, count_texts

FONT_LABELS = {
    FontChoice.GB2312: "仿宋_GB2312、楷体_GB2312（公文标准写法）",
    FontChoice.WINDOWS: "仿宋、楷体（Windows 和 WPS 自带）",
}
_TEXT_FIELDS = ("title", "author_name", "position", "organisation", "signature")


def _label(name: str, model: type[Report] | type[Settings] = Report) -> str:
    """A row's label: the field's title in the model, the one place its name is written."""
    return field_title(model, name) + "："


def _hint(text: str) -> QLabel:
    return mute(QLabel(text))


class _Form(QFormLayout):
    """A form whose labels share one width, so that the fields of all groups line up."""

    def __init__(self, box: QGroupBox, label_width: int) -> None:
        super().__init__(box)
        self.label_width = label_width
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

    def row(self, label: str, field: QWidget, max_chars: int = 0) -> None:
        text = QLabel(label)
        text.setMinimumWidth(self.label_width)
        if max_chars:
            field.setMaximumWidth(self.label_width * max_chars // 5)
        self.addRow(text, field)


def _form(title: str, em_: int) -> tuple[QGroupBox, _Form]:
    box = QGroupBox(title)
    return box, _Form(box, em_ * 5)


def _with_error(widget: QWidget, error: QLabel) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(error)
    return holder


class BasicInfoTab(TabPage):
    prefixes = tuple(
        (name,)
        for name in ("kind", "year", *_TEXT_FIELDS, "show_author_line", "author_name_first", "date")
    )

    def title(self) -> str:
        return "基本信息"

    def model_count(self) -> int:
        report = self.report()
        return count_texts([getattr(report, name) for name in _TEXT_FIELDS])

    def build(self, layout: QVBoxLayout) -> None:
        binder = self.ctx.binder
        em_ = em(self)
        box, form = _form("报告", em_)
        self.kind = EnumCombo(list(ReportKind))
        binder.bind(self.kind, ("kind",))
        form.row(_label("kind"), self.kind)
        self.year = QLineEdit()
        self.year.setPlaceholderText("如 2025")
        self.year.setMaximumWidth(em_ * 8)
        self.year_error = QLabel()
        binder.bind(
            self.year,
            ("year",),
            to_model=optional_int,
            error_label=self.year_error,
        )
        form.row(_label("year"), _with_error(self.year, self.year_error))
        self.title_edit = QLineEdit()
        binder.bind(self.title_edit, ("title",))
        form.row(_label("title"), self.title_edit, 36)
        form.row("", _hint("标题留空时，按年度和报告类型自动生成（即框中灰色文字）。"))
        layout.addWidget(box)

        box, form = _form("报告人", em_)
        self.author_name = QLineEdit()
        self.author_name.setPlaceholderText("如：张三")
        self.position = QLineEdit()
        self.position.setPlaceholderText("如：副镇长")
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText("如：某某镇人民政府")
        for widget, name, width in (
            (self.author_name, "author_name", 12),
            (self.position, "position", 24),
            (self.organisation, "organisation", 24),
        ):
            binder.bind(widget, (name,))
            form.row(_label(name), widget, width)
        self.show_author_line = QCheckBox("在标题下方写出单位、职务和姓名")
        binder.bind(self.show_author_line, ("show_author_line",))
        form.row("", self.show_author_line)
        self.author_name_first = QCheckBox("姓名在前（如“张三　某某村党支部书记”）")
        binder.bind(self.author_name_first, ("author_name_first",))
        form.row("", self.author_name_first)
        layout.addWidget(box)

        box, form = _form("落款与日期", em_)
        self.signature = QLineEdit()
        self.signature.setPlaceholderText("如：张三（留空则不写落款）")
        binder.bind(self.signature, ("signature",))
        form.row(_label("signature"), self.signature, 24)
        self.date = OptionalDateEdit("写上成文日期")
        binder.bind(self.date, ("date",))
        form.row(_label("date"), self.date)
        layout.addWidget(box)

        box, form = _form("导出 Word 的字体（本机设置，对所有报告有效）", em_)
        self.fonts = EnumCombo(list(FontChoice), FONT_LABELS)
        binder.bind(self.fonts, ("fonts",), scope="settings")
        form.row(_label("fonts", Settings), self.fonts)
        self.level3_bold = QCheckBox("三级标题（1．）加粗")
        binder.bind(self.level3_bold, ("level3_bold",), scope="settings")
        form.row("", self.level3_bold)
        self.table_font_size = EnumCombo(list(TableFontSize))
        binder.bind(self.table_font_size, ("table_font_size",), scope="settings")
        form.row(_label("table_font_size", Settings), self.table_font_size)
        form.row(
            "",
            _hint("没有安装 GB2312 字体的电脑上，选“仿宋、楷体”可避免 Word 换用其他字体。"),
        )
        layout.addWidget(box)
        self.update_placeholder()

    def follow(self, path: FieldPath) -> None:
        if self.built and path in ((), ("kind",), ("year",)):
            self.update_placeholder()

    def update_placeholder(self) -> None:
        self.title_edit.setPlaceholderText(self.report().suggested_title())

    def locate(self, path: FieldPath) -> QWidget | None:
        widgets: dict[FieldPath, QWidget] = {
            ("title",): self.title_edit,
            ("author_name",): self.author_name,
            ("position",): self.position,
            ("organisation",): self.organisation,
            ("signature",): self.signature,
            ("year",): self.year,
            ("date",): self.date.date_edit,  # a 体检 or 【版面】 row on the date
        }
        widget = widgets.get(path)
        if widget is not None:
            self.scroll_to(widget)
        return widget
