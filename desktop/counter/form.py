"""The merged application form, generated from the catalog's field definitions.

One widget per field type (text, multi-line text, number, money, date, phone, ID number,
choice, multiple choice, yes/no, address), each with its problem under it, live. Enter
moves to the next field like Tab; multi-line text keeps Enter for new lines and Tab moves.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.fields import NextLineEdit, ProblemLabel, mark_invalid
from intake.catalog.model import FieldRequirement, FieldType


class _Field:
    """One form field's widget, and how its value is read and written."""

    def __init__(self, req: FieldRequirement, on_change: Any) -> None:
        self.req = req
        f = req.field
        self.widget: QWidget
        if f.type is FieldType.TEXTAREA:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(60)
            edit.textChanged.connect(on_change)
            self.widget = edit
        elif f.type is FieldType.SELECT:
            combo = QComboBox()
            combo.addItem("", None)
            for option in f.options:
                combo.addItem(option, option)
            combo.currentIndexChanged.connect(on_change)
            self.widget = combo
        elif f.type is FieldType.MULTISELECT:
            box = QListWidget()
            for option in f.options:
                item = QListWidgetItem(option)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                box.addItem(item)
            box.setFixedHeight(min(22 * len(f.options) + 6, 96))
            box.itemChanged.connect(on_change)
            self.widget = box
        elif f.type is FieldType.BOOL:
            check = QCheckBox()
            check.toggled.connect(on_change)
            self.widget = check
        else:
            line = NextLineEdit()
            if f.max_length:
                line.setMaxLength(f.max_length)
            if f.type is FieldType.NUMBER:
                line.setValidator(QIntValidator(line))
            elif f.type is FieldType.MONEY:
                line.setValidator(QDoubleValidator(0, 1e12, 2, line))
            elif f.type is FieldType.DATE:
                line.setPlaceholderText("YYYY-MM-DD")
                line.setMaxLength(10)
            elif f.type in (FieldType.PHONE, FieldType.ID_NUMBER):
                line.setInputMethodHints(
                    Qt.InputMethodHint.ImhPreferNumbers | Qt.InputMethodHint.ImhNoPredictiveText
                )
            if f.help:
                line.setPlaceholderText(f.help)
            line.textEdited.connect(on_change)
            self.widget = line
        self.widget.setObjectName(f"field_{req.key}")
        self.problem = ProblemLabel()

    def value(self) -> Any:
        w, f = self.widget, self.req.field
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QListWidget):
            return [
                w.item(i).text()
                for i in range(w.count())
                if w.item(i).checkState() == Qt.CheckState.Checked
            ]
        if isinstance(w, QCheckBox):
            return w.isChecked()
        text = w.text().strip()  # type: ignore[attr-defined]
        if f.type is FieldType.NUMBER and text.lstrip("-").isdigit():
            return int(text)
        return text

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(str(value or ""))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(w.findData(value), 0))
        elif isinstance(w, QListWidget):
            chosen = set(value or [])
            for i in range(w.count()):
                item = w.item(i)
                item.setCheckState(
                    Qt.CheckState.Checked if item.text() in chosen else Qt.CheckState.Unchecked
                )
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        else:
            w.setText("" if value is None else str(value))  # type: ignore[attr-defined]


class FormPanel(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Application form"))
        self._fields: dict[str, _Field] = {}
        self._filling = False
        self._body = QWidget()
        self._layout = QFormLayout(self._body)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._layout.setVerticalSpacing(2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._body)
        self.empty = QLabel(self.tr("The form appears when a matter is chosen."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)

    def set_fields(
        self, fields: tuple[FieldRequirement, ...] | None, values: Mapping[str, Any]
    ) -> None:
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._fields = {}
        self.empty.setVisible(not fields)
        for req in fields or ():
            field = _Field(req, self._changed)
            mark = "＊" if req.required else ""
            caption = QLabel(f"{mark}{req.field.label}")
            caption.setBuddy(field.widget)
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(0)
            inner.addWidget(field.widget)
            inner.addWidget(field.problem)
            self._layout.addRow(caption, box)
            self._fields[req.key] = field
        self.set_values(values)

    def set_values(self, values: Mapping[str, Any]) -> None:
        self._filling = True
        try:
            for key, field in self._fields.items():
                field.set_value(values.get(key))
        finally:
            self._filling = False

    def values(self) -> dict[str, Any]:
        return {key: f.value() for key, f in self._fields.items()}

    def widget_for(self, key: str) -> QWidget | None:
        field = self._fields.get(key)
        return field.widget if field else None

    def _changed(self, *_: object) -> None:
        if not self._filling:
            self.changed.emit()

    def show_problems(self, by_key: Mapping[str, list[str]]) -> None:
        for key, field in self._fields.items():
            texts = by_key.get(key, [])
            field.problem.show_problems(texts)
            mark_invalid(field.widget, bool(texts))
