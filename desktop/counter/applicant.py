"""The applicant (and the optional agent) part of the intake screen.

The card fills it at once (F2; Shift+F2 for the agent); every field can also be typed, and
each shows its own problem under it as the clerk types (the core's rules, via the flow).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.labels import DOC_TYPES, SEXES, label
from desktop.widgets.fields import NextLineEdit, ProblemLabel, mark_invalid
from intake.identity import DocType

PERSON_KEYS = ("name", "doc_type", "id_number", "sex", "birth_date", "phone", "address")


class PersonFields(QWidget):
    """Name, document, sex, birth date, phone, address: one person's editable fields."""

    changed = Signal()

    def __init__(self, *, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.name = NextLineEdit()
        self.name.setMaxLength(64)
        self.doc_type = QComboBox()
        for dt in DocType:
            self.doc_type.addItem(label(DOC_TYPES, dt), dt.value)
        self.id_number = NextLineEdit()
        self.id_number.setMaxLength(40)
        self.id_number.setInputMethodHints(
            Qt.InputMethodHint.ImhPreferNumbers | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.phone = NextLineEdit()
        self.phone.setMaxLength(20)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.sex = QComboBox()
        self.sex.addItem("", None)
        for code in ("1", "2", "9"):
            self.sex.addItem(label(SEXES, code), code)
        self.birth_date = NextLineEdit()
        self.birth_date.setPlaceholderText("YYYY-MM-DD")
        self.birth_date.setMaxLength(10)
        self.address = NextLineEdit()
        self.address.setMaxLength(200)
        self.problems = {key: ProblemLabel() for key in PERSON_KEYS}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        rows: list[tuple[str, QWidget, str, QWidget | None]] = [
            (self.tr("Name"), self.name, "name", None),
            (self.tr("Document"), self.doc_type, "doc_type", None),
            (self.tr("Number"), self.id_number, "id_number", None),
            (self.tr("Phone"), self.phone, "phone", None),
        ]
        if not compact:
            rows[0] = (self.tr("Name"), self.name, "name", self.sex)
            rows.insert(3, (self.tr("Born"), self.birth_date, "birth_date", None))
            rows.append((self.tr("Address"), self.address, "address", None))
        r = 0
        for text, widget, key, extra in rows:
            caption = QLabel(text)
            caption.setBuddy(widget)
            grid.addWidget(caption, r, 0)
            if extra is not None:
                line = QHBoxLayout()
                line.addWidget(widget, 3)
                line.addWidget(extra, 1)
                grid.addLayout(line, r, 1)
            else:
                grid.addWidget(widget, r, 1)
            grid.addWidget(self.problems[key], r + 1, 1)
            r += 2
        for edit in (self.name, self.id_number, self.phone, self.birth_date, self.address):
            edit.textEdited.connect(self._edited)
        self.doc_type.currentIndexChanged.connect(self._edited)
        self.sex.currentIndexChanged.connect(self._edited)

    def _edited(self, *_: object) -> None:
        if not self._filling:
            self.changed.emit()

    def value(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "doc_type": self.doc_type.currentData(),
            "id_number": self.id_number.text().strip(),
            "sex": self.sex.currentData(),
            "birth_date": self.birth_date.text().strip() or None,
            "phone": self.phone.text().strip(),
            "address": self.address.text().strip(),
        }

    def set_value(self, person: Mapping[str, Any] | None) -> None:
        person = person or {}
        self._filling = True
        try:
            self.name.setText(str(person.get("name") or ""))
            index = self.doc_type.findData(person.get("doc_type") or DocType.RESIDENT.value)
            self.doc_type.setCurrentIndex(max(index, 0))
            self.id_number.setText(str(person.get("id_number") or ""))
            self.sex.setCurrentIndex(max(self.sex.findData(person.get("sex")), 0))
            self.birth_date.setText(str(person.get("birth_date") or ""))
            self.phone.setText(str(person.get("phone") or ""))
            self.address.setText(str(person.get("address") or ""))
        finally:
            self._filling = False

    def show_problems(self, by_key: Mapping[str, list[str]]) -> None:
        for key, widget in self.problems.items():
            texts = by_key.get(key, [])
            widget.show_problems(texts)
        for key, edit in (
            ("name", self.name),
            ("id_number", self.id_number),
            ("phone", self.phone),
            ("birth_date", self.birth_date),
            ("address", self.address),
        ):
            mark_invalid(edit, bool(by_key.get(key)))


class ApplicantPanel(QGroupBox):
    """申请人 with the card photo, and 代办人 (帮办代办) below it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Applicant — F2 reads the ID card"))
        self.person = PersonFields()
        self.photo = QLabel()
        self.photo.setFixedSize(82, 102)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border: 1px solid #bbb; color: #777;")
        self.photo.setWordWrap(True)
        self.notice = QLabel()  # card warnings, the returning applicant
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #0b5394;")
        self.agent_box = QCheckBox(self.tr("An agent acts for the applicant (帮办代办) — Shift+F2"))
        self.agent = PersonFields(compact=True)
        self.agent.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.person, 1)
        top.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.agent_box)
        layout.addWidget(self.agent)
        self.agent_box.toggled.connect(self._agent_toggled)
        self.person.changed.connect(self.changed)
        self.agent.changed.connect(self.changed)
        self.clear()

    def _agent_toggled(self, on: bool) -> None:
        self.agent.setVisible(on)
        if on:
            self.agent.name.setFocus()
        self.changed.emit()

    def clear(self) -> None:
        self.person.set_value(None)
        self.agent.set_value(None)
        self.agent_box.setChecked(False)
        self.set_photo(None)
        self.notice.clear()
        self.person.show_problems({})
        self.agent.show_problems({})

    def set_photo(self, photo: bytes | None) -> None:
        image = QImage.fromData(photo) if photo else QImage()
        if not image.isNull():
            self.photo.setPixmap(
                QPixmap.fromImage(image).scaled(80, 100, Qt.AspectRatioMode.KeepAspectRatio)
            )
        elif photo:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("Photo on the card (encrypted)"))
        else:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("No photo"))

    def agent_value(self) -> dict[str, Any] | None:
        return self.agent.value() if self.agent_box.isChecked() else None

    def set_agent(self, person: Mapping[str, Any] | None) -> None:
        self.agent_box.setChecked(person is not None)
        self.agent.set_value(person)
