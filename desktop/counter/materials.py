"""The one material checklist (merged for bundles): how each material was received.

Each row offers only the states the catalog allows for that material: 容缺 where it may be
deferred (with the promised date), 电子证照 where a licence type can replace it (with its
number), 告知承诺 where the catalog allows a commitment, 不适用 for optional ones. F4 marks
every required material received in the form the catalog asks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.labels import MATERIAL_FORMS, MATERIAL_STATES, label
from desktop.widgets.fields import NextLineEdit, ProblemLabel, mark_invalid
from intake.catalog.merge import MergedRequirements
from intake.catalog.model import MaterialRequirement
from intake.flow import MISSING
from intake.requests import MaterialInput
from intake.views import MaterialState


def allowed_states(need: MaterialRequirement) -> list[MaterialState]:
    states = [MaterialState.ORIGINAL, MaterialState.COPY, MaterialState.MISSING]
    if need.may_defer:
        states.append(MaterialState.DEFERRED)
    if need.material.licence_type:
        states.append(MaterialState.LICENCE)
    commitment = getattr(need, "commitment", None)
    if commitment is not None and getattr(commitment, "allowed", False):
        states.append(MaterialState.COMMITMENT)
    if not need.required:
        states.append(MaterialState.NOT_APPLICABLE)
    return states


class _Row:
    def __init__(self, need: MaterialRequirement, parent: QWidget) -> None:
        self.need = need
        mark = "＊" if need.required else ""
        shared = f"（{len(need.matters)}）" if len(need.matters) > 1 else ""
        self.name = QLabel(f"{mark}{need.material.name}{shared}", parent)
        self.name.setWordWrap(True)
        self.asked = QLabel(f"{label(MATERIAL_FORMS, need.form)} ×{need.copies}", parent)
        self.state = QComboBox(parent)
        for st in allowed_states(need):
            self.state.addItem(label(MATERIAL_STATES, st), st.value)
        self.extra = NextLineEdit(parent)
        self.extra.setMaxLength(60)
        self.extra.hide()
        self.problem = ProblemLabel(parent)
        self.name.setBuddy(self.state)

    def current(self) -> MaterialState:
        return MaterialState(self.state.currentData())


class MaterialsPanel(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Materials — F4 marks every required one received"))
        self._rows: dict[str, _Row] = {}
        self._entries: dict[str, MaterialInput] = {}
        self._filling = False
        self._body = QWidget()
        self._grid = QGridLayout(self._body)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(2, 2)
        self._grid.setColumnStretch(3, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._body)
        self.empty = QLabel(self.tr("Choose a matter to see its materials."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)

    def set_requirements(
        self, merged: MergedRequirements | None, entries: Mapping[str, MaterialInput]
    ) -> None:
        for row in self._rows.values():
            for w in (row.name, row.asked, row.state, row.extra, row.problem):
                w.deleteLater()
        self._rows = {}
        self.empty.setVisible(merged is None)
        if merged is None:
            return
        for i, need in enumerate(merged.materials):
            row = _Row(need, self._body)
            self._grid.addWidget(row.name, i * 2, 0)
            self._grid.addWidget(row.asked, i * 2, 1)
            self._grid.addWidget(row.state, i * 2, 2)
            self._grid.addWidget(row.extra, i * 2, 3)
            self._grid.addWidget(row.problem, i * 2 + 1, 0, 1, 4)
            row.state.currentIndexChanged.connect(lambda _i, r=row: self._state_changed(r))
            row.extra.textEdited.connect(lambda _t, r=row: self._extra_changed(r))
            self._rows[need.id] = row
        for r in range(self._grid.rowCount()):
            self._grid.setRowStretch(r, 0)
        self._grid.setRowStretch(len(merged.materials) * 2, 1)  # rows stay at the top
        self.set_entries(entries)

    def set_entries(self, entries: Mapping[str, MaterialInput]) -> None:
        self._filling = True
        try:
            self._entries = dict(entries)
            for material_id, row in self._rows.items():
                entry = self._entries.get(material_id, MISSING)
                index = row.state.findData(entry.state.value)
                row.state.setCurrentIndex(max(index, 0))
                if entry.state is MaterialState.DEFERRED:
                    row.extra.setText(
                        entry.promised_date.isoformat() if entry.promised_date else ""
                    )
                elif entry.state is MaterialState.LICENCE:
                    row.extra.setText(entry.licence_number)
                self._show_extra(row)
        finally:
            self._filling = False

    def entries(self) -> dict[str, MaterialInput]:
        return dict(self._entries)

    def first_state_widget(self) -> QComboBox | None:
        return next((r.state for r in self._rows.values()), None)

    def _show_extra(self, row: _Row) -> None:
        state = row.current()
        row.extra.setVisible(state in (MaterialState.DEFERRED, MaterialState.LICENCE))
        if state is MaterialState.DEFERRED:
            row.extra.setPlaceholderText(self.tr("promised date YYYY-MM-DD"))
        elif state is MaterialState.LICENCE:
            row.extra.setPlaceholderText(self.tr("licence number"))

    def _state_changed(self, row: _Row) -> None:
        self._show_extra(row)
        if self._filling:
            return
        old = self._entries.get(row.need.id, MISSING)
        state = row.current()
        copies = row.need.copies if state in (MaterialState.ORIGINAL, MaterialState.COPY) else 0
        self._entries[row.need.id] = replace(
            old, state=state, copies=copies, promised_date=None, licence_number=""
        )
        row.extra.clear()
        if row.extra.isVisible():
            row.extra.setFocus()
        self.changed.emit()

    def _extra_changed(self, row: _Row) -> None:
        if self._filling:
            return
        old = self._entries.get(row.need.id, MISSING)
        text = row.extra.text().strip()
        if old.state is MaterialState.DEFERRED:
            try:
                promised: date | None = date.fromisoformat(text)
            except ValueError:
                promised = None
            self._entries[row.need.id] = replace(old, promised_date=promised)
        elif old.state is MaterialState.LICENCE:
            self._entries[row.need.id] = replace(old, licence_number=text)
        self.changed.emit()

    def show_problems(self, by_id: Mapping[str, list[str]]) -> None:
        for material_id, row in self._rows.items():
            texts = by_id.get(material_id, [])
            row.problem.show_problems(texts)
            mark_invalid(row.state, bool(texts))
