"""First run on a real station: who it is, where the platform is, which catalog.

With a hub address and the platform's enrolment code, the hub names the station and sends
the catalog on the first sync; when the hub cannot be reached the set-up still finishes and
the station works offline (enrolment is retried from the same dialog next time). The checks
are the core's (``intake.setup``); saving runs on the writer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import for_exception, message
from desktop.tasks import TaskRunner
from intake.setup import LEVELS, SetupValues, apply_setup, check_setup

#: marks a source string for lupdate; typed for mypy (the stub says it returns object)
QT_TRANSLATE_NOOP: Callable[[str, str], str] = QtCore.QT_TRANSLATE_NOOP  # type: ignore[assignment]

LEVEL_NAMES = {
    "county": QT_TRANSLATE_NOOP("SetupDialog", "County service hall"),
    "town": QT_TRANSLATE_NOOP("SetupDialog", "Town service centre"),
    "village": QT_TRANSLATE_NOOP("SetupDialog", "Village service station"),
}


class SetupDialog(QDialog):
    finished_setup = Signal()

    def __init__(self, station: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.runner = runner
        self.setWindowTitle(self.tr("Set up this station"))
        self.setMinimumWidth(560)
        self.office = QLineEdit()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("given by the platform when enrolling"))
        self.area = QLineEdit()
        self.area.setPlaceholderText("430121000000")
        self.level = QComboBox()
        for lv in LEVELS:
            self.level.addItem(self.tr(LEVEL_NAMES[lv]), lv)
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.hub = QLineEdit()
        self.hub.setPlaceholderText("https://zwfw.example.gov.cn")
        self.enrol = QLineEdit()
        self.catalog = QLineEdit()
        self.operator_id = QLineEdit()
        self.operator_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.catalog, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Office name"), self.office)
        form.addRow(self.tr("Station code"), self.code)
        form.addRow(self.tr("Area code (12 digits)"), self.area)
        form.addRow(self.tr("Kind of station"), self.level)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Platform address"), self.hub)
        form.addRow(self.tr("Enrolment code"), self.enrol)
        form.addRow(self.tr("Catalog file (optional)"), row)
        form.addRow(QLabel(self.tr("The first operator (a supervisor):")))
        form.addRow(self.tr("Operator id"), self.operator_id)
        form.addRow(self.tr("Name"), self.operator_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Without a platform address the station works offline.")))
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Catalog file"), "", "JSON (*.json)")
        if path:
            self.catalog.setText(path)

    def values(self) -> SetupValues:
        return SetupValues(
            station_code=self.code.text().strip().upper(),
            office_name=self.office.text().strip(),
            area_code=self.area.text().strip(),
            level=str(self.level.currentData()),
            phone=self.phone.text().strip(),
            address=self.address.text().strip(),
            hub_url=self.hub.text().strip(),
            enrolment_code=self.enrol.text().strip(),
            operator_id=self.operator_id.text().strip(),
            operator_name=self.operator_name.text().strip(),
            password=self.password.text(),
        )

    def save(self) -> None:
        values = self.values()
        problems = check_setup(values)
        texts = [message(p.code) for p in problems]
        if self.password.text() != self.password_again.text():
            texts.append(self.tr("The two passwords differ."))
        if texts:
            self.problems.setText("\n".join(texts))
            return
        catalog_path = self.catalog.text().strip()
        station = self.station

        def work() -> str:
            catalog = Path(catalog_path).read_bytes() if catalog_path else None
            enrolled = ""
            if values.hub_url:
                enrolled = _enrol(station, values)
            final = values if not enrolled else _with_code(values, enrolled)
            if not station.is_set_up:
                apply_setup(station, final, catalog)
            elif catalog is not None:
                station.catalogs.load(catalog)
            return enrolled

        self.problems.setText(self.tr("Saving…"))
        self.runner.write(work, self._saved, self._failed)

    def _saved(self, _enrolled: str) -> None:
        self.accept()
        self.finished_setup.emit()

    def _failed(self, exc: BaseException) -> None:
        self.problems.setText(for_exception(exc))


def _with_code(values: SetupValues, code: str) -> SetupValues:
    from dataclasses import replace

    return replace(values, station_code=code)


def _enrol(station: Any, values: SetupValues) -> str:
    """Enrol with the hub; "" when it cannot be reached (set up offline, enrol later)."""
    from sync.client.credentials import CredentialStore
    from sync.client.engine import enrol
    from sync.client.transport import HubClient, RetryPolicy
    from sync.errors import SyncError

    try:
        with HubClient(values.hub_url) as client:
            answer = enrol(
                client,
                CredentialStore(station.data_dir),
                values.enrolment_code,
                RetryPolicy(attempts=2),
            )
    except SyncError:
        if not values.station_code:
            raise
        return ""
    return str(answer["station_code"])
