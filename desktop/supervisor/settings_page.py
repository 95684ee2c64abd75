"""Station settings (supervisors only; the page is absent for a clerk and the core refuses
one anyway). Identity, 机关代字, the platform address with "test connection" and enrolment,
the card reader with "find readers" and "test read", a printer and masking per document with
a test page, paper, idle lock and kiosk timeouts.

Every value is checked by the core (``intake.services.local_settings.check``): a bad value
never saves, and the problem is shown next to its field in Chinese. Saving writes one audit
row per changed setting, old → new. Keys: Ctrl+S saves, Ctrl+T tests the connection,
Ctrl+Shift+T test-reads a card, Ctrl+Shift+P prints a test page for the selected document.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.labels import NOTICE_KINDS, label
from desktop.messages import for_exception, message
from desktop.options import ReaderSpec
from desktop.supervisor.words import BACKENDS, CONNECTION
from intake.errors import ProblemsError
from intake.masking import mask_name
from intake.services.local_settings import (
    DOCUMENT_KINDS,
    MASKABLE,
    PAPER_SIZES,
    PUBLIC_DOCUMENTS,
    READER_BACKENDS,
    SettingsView,
)

PROBE_SECONDS = 15.0


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: SettingsView | None = None
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._printer_choices: list[str] = []

        # -- station ------------------------------------------------------------------------
        station = QGroupBox(self.tr("Station"))
        station_form = QFormLayout(station)
        for key, text in (
            ("office_name", self.tr("Office name")),
            ("station_code", self.tr("Station code")),
            ("area_code", self.tr("Area code (12 digits)")),
            ("phone", self.tr("Phone")),
            ("address", self.tr("Address")),
            ("agency_abbr", self.tr("机关代字 (document numbers)")),
        ):
            station_form.addRow(text, self._field(key))

        # -- platform -----------------------------------------------------------------------
        platform = QGroupBox(self.tr("Platform"))
        platform_form = QFormLayout(platform)
        platform_form.addRow(self.tr("Hub address"), self._field("hub_url"))
        self.test_button = QPushButton(self.tr("Test connection (Ctrl+T)"))
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.connection = QLabel()
        self.connection.setObjectName("connectionResult")
        self.connection.setWordWrap(True)
        platform_form.addRow(self.test_button, self.connection)
        self.enrol_code = QLineEdit()
        self.enrol_code.setObjectName("enrolCode")
        self.enrol_code.setPlaceholderText(self.tr("the platform's one-time code"))
        self.enrol_button = QPushButton(self.tr("Enrol"))
        self.enrol_button.clicked.connect(self.enrol)
        enrol_row = QHBoxLayout()
        enrol_row.addWidget(self.enrol_code, 1)
        enrol_row.addWidget(self.enrol_button)
        platform_form.addRow(self.tr("Enrolment code"), enrol_row)

        # -- card reader --------------------------------------------------------------------
        reader = QGroupBox(self.tr("Card reader"))
        reader_form = QFormLayout(reader)
        self.backend = QComboBox()
        self.backend.setObjectName("readerBackend")
        for value in READER_BACKENDS:
            self.backend.addItem(label(BACKENDS, value), value)
        self.port = QComboBox()
        self.port.setObjectName("readerPort")
        self.port.setEditable(True)
        reader_form.addRow(self.tr("Reader"), self.backend)
        reader_form.addRow(self.tr("Port / name"), self.port)
        self.errors["reader_port"] = self._error_label()
        reader_form.addRow("", self.errors["reader_port"])
        find = QPushButton(self.tr("Find readers"))
        find.clicked.connect(self.find_readers)
        self.read_button = QPushButton(self.tr("Test read (Ctrl+Shift+T)"))
        self.read_button.clicked.connect(self.test_read)
        reader_buttons = QHBoxLayout()
        reader_buttons.addWidget(find)
        reader_buttons.addWidget(self.read_button)
        reader_form.addRow(reader_buttons)
        self.reader_result = QLabel()
        self.reader_result.setObjectName("readerResult")
        self.reader_result.setWordWrap(True)
        reader_form.addRow(self.reader_result)

        # -- times --------------------------------------------------------------------------
        times = QGroupBox(self.tr("Times"))
        times_form = QFormLayout(times)
        self.idle = QSpinBox()
        self.idle.setObjectName("idleLock")
        self.idle.setRange(0, 999)  # the core decides what is allowed (0-120)
        self.idle.setSuffix(self.tr(" min (0: never)"))
        self.kiosk = QSpinBox()
        self.kiosk.setObjectName("kioskTimeout")
        self.kiosk.setRange(0, 9999)
        self.kiosk.setSuffix(self.tr(" s"))
        self.paper = QComboBox()
        self.paper.setObjectName("paperSize")
        for value in PAPER_SIZES:
            self.paper.addItem(value.upper(), value)
        times_form.addRow(self.tr("Lock after idle"), self.idle)
        self.errors["idle_lock_minutes"] = self._error_label()
        times_form.addRow("", self.errors["idle_lock_minutes"])
        times_form.addRow(self.tr("Kiosk session ends after"), self.kiosk)
        self.errors["kiosk_timeout_seconds"] = self._error_label()
        times_form.addRow("", self.errors["kiosk_timeout_seconds"])
        times_form.addRow(self.tr("Paper for notices"), self.paper)

        # -- documents ----------------------------------------------------------------------
        documents = QGroupBox(self.tr("Printers and masking per document"))
        self.documents = QTableWidget(len(DOCUMENT_KINDS), 2 + len(MASKABLE))
        self.documents.setObjectName("documentTable")
        self.documents.setHorizontalHeaderLabels(
            [
                self.tr("Document"),
                self.tr("Printer"),
                self.tr("Mask name"),
                self.tr("Mask ID number"),
                self.tr("Mask phone"),
            ]
        )
        self.documents.verticalHeader().setVisible(False)
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.printer_boxes: dict[str, QComboBox] = {}
        for row, kind in enumerate(DOCUMENT_KINDS):
            name = QTableWidgetItem(label(NOTICE_KINDS, kind))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.documents.setItem(row, 0, name)
            box = QComboBox()
            box.setEditable(True)
            self.printer_boxes[kind] = box
            self.documents.setCellWidget(row, 1, box)
            for col in range(len(MASKABLE)):
                item = QTableWidgetItem()
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if kind not in PUBLIC_DOCUMENTS:  # a public ticket is always masked
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                item.setFlags(flags)
                item.setCheckState(Qt.CheckState.Checked)
                self.documents.setItem(row, 2 + col, item)
        self.documents.resizeColumnsToContents()
        self.documents.setColumnWidth(1, 220)
        self.documents.horizontalHeader().setStretchLastSection(True)
        self.test_page_button = QPushButton(self.tr("Print a test page (Ctrl+Shift+P)"))
        self.test_page_button.clicked.connect(self.test_page)
        self.printer_result = QLabel()
        self.printer_result.setObjectName("printerResult")
        self.printer_result.setWordWrap(True)
        doc_layout = QVBoxLayout(documents)
        doc_layout.addWidget(self.documents)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_page_button)
        test_row.addWidget(self.printer_result, 1)
        doc_layout.addLayout(test_row)

        # -- page ---------------------------------------------------------------------------
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setObjectName("saveSettings")
        self.save_button.clicked.connect(self.save)
        reload_button = QPushButton(self.tr("Discard changes"))
        reload_button.clicked.connect(self.reload)
        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(reload_button)
        bottom.addWidget(self.status, 1)

        grid = QGridLayout()
        grid.addWidget(station, 0, 0)
        grid.addWidget(platform, 1, 0)
        grid.addWidget(reader, 0, 1)
        grid.addWidget(times, 1, 1)
        grid.addWidget(documents, 2, 0, 1, 2)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        for keys, slot in (
            ("Ctrl+S", self.save),
            ("Ctrl+T", self.test_connection),
            ("Ctrl+Shift+T", self.test_read),
            ("Ctrl+Shift+P", self.test_page),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.reload()
        self.find_readers()
        self._find_printers()

    def _error_label(self) -> QLabel:
        error = QLabel()
        error.setStyleSheet("color: #b00020;")
        error.setWordWrap(True)
        error.setVisible(False)
        return error

    def _field(self, key: str) -> QWidget:
        edit = QLineEdit()
        edit.setObjectName(f"setting-{key}")
        self.edits[key] = edit
        self.errors[key] = self._error_label()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(edit)
        column.addWidget(self.errors[key])
        return holder

    def page_shown(self) -> None:
        if self.view is None:
            self.reload()

    # -- load -----------------------------------------------------------------------------

    def reload(self) -> None:
        self.ctx.runner.read(self.ctx.station.local_settings.current, self._show)

    def _show(self, view: SettingsView) -> None:
        self.view = view
        for key, edit in self.edits.items():
            value = view.value(key)
            edit.setText("" if value is None else str(value))
        self.edits["station_code"].setReadOnly(view.station_code_locked)
        if view.station_code_locked:
            self.edits["station_code"].setToolTip(message("settings.station_code_locked"))
        local = view.local
        self.backend.setCurrentIndex(max(0, self.backend.findData(local.reader_backend)))
        self.port.setCurrentText(local.reader_port)
        self.idle.setValue(local.idle_lock_minutes)
        self.kiosk.setValue(local.kiosk_timeout_seconds)
        self.paper.setCurrentIndex(max(0, self.paper.findData(local.paper_size)))
        for row, kind in enumerate(DOCUMENT_KINDS):
            self._fill_printers(kind, local.printers.get(kind, ""))
            masked = local.masked_on(kind)
            for col, fieldname in enumerate(MASKABLE):
                item = self.documents.item(row, 2 + col)
                assert item is not None
                state = fieldname in masked
                item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
        self._clear_problems()

    def _fill_printers(self, kind: str, current: str) -> None:
        box = self.printer_boxes[kind]
        box.clear()
        box.addItem(self.tr("(station default)"), "")
        for target in self._printer_choices:
            box.addItem(target, target)
        if current and box.findData(current) < 0:
            box.addItem(current, current)
        box.setCurrentIndex(max(0, box.findData(current)))

    def _find_printers(self) -> None:
        def work() -> list[str]:
            from printing.backends import list_printers

            found = [p.target for p in list_printers()]
            if self.ctx.printer_target and self.ctx.printer_target not in found:
                found.insert(0, self.ctx.printer_target)
            return found

        def done(found: list[str]) -> None:
            self._printer_choices = found
            for kind in DOCUMENT_KINDS:
                self._fill_printers(kind, self._printer_of(kind))

        self.ctx.runner.background(work, done, lambda _exc: None)

    def _printer_of(self, kind: str) -> str:
        box = self.printer_boxes[kind]
        text = box.currentText().strip()
        return "" if text == self.tr("(station default)") else text

    def find_readers(self) -> None:
        def work() -> list[str]:
            from devices.backends import discover

            ports: list[str] = []
            for backend in discover():
                for r in backend.get("readers", []):
                    name = r.get("port") or r.get("name") or r.get("reader") or r.get("library")
                    if name:
                        ports.append(str(name))
            return ports

        def done(ports: list[str]) -> None:
            current = self.port.currentText()
            self.port.clear()
            self.port.addItems(ports)
            self.port.setCurrentText(current)
            if not ports:
                self.reader_result.setText(self.tr("No reader found on this computer."))

        self.ctx.runner.background(
            work, done, lambda exc: self.reader_result.setText(for_exception(exc))
        )

    # -- save -----------------------------------------------------------------------------

    def changes(self) -> dict[str, Any]:
        """What differs from the saved settings (as typed: the core checks it)."""
        assert self.view is not None
        typed: dict[str, Any] = {k: e.text().strip() for k, e in self.edits.items()}
        typed["reader_backend"] = self.backend.currentData()
        typed["reader_port"] = self.port.currentText().strip()
        typed["idle_lock_minutes"] = self.idle.value()
        typed["kiosk_timeout_seconds"] = self.kiosk.value()
        typed["paper_size"] = self.paper.currentData()
        typed["printers"] = {
            kind: self._printer_of(kind) for kind in DOCUMENT_KINDS if self._printer_of(kind)
        }
        masking: dict[str, list[str]] = {}
        for row, kind in enumerate(DOCUMENT_KINDS):
            masked = [name for col, name in enumerate(MASKABLE) if self._checked(row, 2 + col)]
            if tuple(masked) != MASKABLE:
                masking[kind] = masked
        typed["masking"] = masking
        out: dict[str, Any] = {}
        for key, value in typed.items():
            old = self.view.value(key)
            if key == "hub_url":
                old = old or ""
            if key == "masking":
                old = {k: list(v) for k, v in old.items()}
            if key == "printers":
                old = dict(old)
            if value != old:
                out[key] = value
        return out

    def _checked(self, row: int, col: int) -> bool:
        item = self.documents.item(row, col)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def save(self) -> None:
        if self.view is None:
            return
        changes = self.changes()
        if not changes:
            self.status.setText(self.tr("Nothing changed."))
            return
        self._clear_problems()
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        service, by = self.ctx.station.local_settings, self.ctx.operator_id

        def done(view: SettingsView) -> None:
            self.save_button.setEnabled(True)
            self._show(view)
            self.status.setStyleSheet("color: #1b5e20;")
            self.status.setText(
                self.tr("Saved: {n} setting(s) changed (each one is in the audit log).").format(
                    n=len(changes)
                )
            )

        self.ctx.runner.write(lambda: service.save(by, changes), done, self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.setStyleSheet("color: #b00020;")
        if isinstance(exc, ProblemsError):
            for problem in exc.problems:
                key = problem.where.split(".", 1)[0]
                target = self.errors.get(key)
                if target is not None:
                    target.setText(message(problem.code, problem.params))
                    target.setVisible(True)
            self.status.setText(
                self.tr("Not saved — correct the marked values:") + "\n" + for_exception(exc)
            )
        else:
            self.status.setText(for_exception(exc))

    def _clear_problems(self) -> None:
        for error in self.errors.values():
            error.clear()
            error.setVisible(False)

    # -- checks ---------------------------------------------------------------------------

    def test_connection(self) -> None:
        url = self.edits["hub_url"].text().strip()
        if not url:
            self.connection.setText(self.tr("Enter the hub address first."))
            return
        self.test_button.setEnabled(False)
        self.connection.setStyleSheet("")
        self.connection.setText(self.tr("Testing {url}…").format(url=url))

        def work() -> Any:
            from sync.client.connectivity import check_hub

            return check_hub(url)

        def done(check: Any) -> None:
            self.test_button.setEnabled(True)
            text = label(CONNECTION, check.state)
            if check.ok and check.clock_offset_s is not None:
                text += " " + self.tr("Clock difference: {s} s.").format(
                    s=f"{round(check.clock_offset_s):+d}"
                )
            self.connection.setStyleSheet("color: #1b5e20;" if check.ok else "color: #b00020;")
            self.connection.setText(text)

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self.connection.setText(for_exception(exc))

        self.ctx.runner.background(work, done, failed)

    def enrol(self) -> None:
        url, code = self.edits["hub_url"].text().strip(), self.enrol_code.text().strip()
        if not url or not code:
            self.connection.setText(self.tr("Enter the hub address and the enrolment code."))
            return
        data_dir = self.ctx.station.data_dir
        self.enrol_button.setEnabled(False)
        self.connection.setText(self.tr("Enrolling…"))

        def work() -> Any:
            from sync.client.commands import enroll_station

            return enroll_station(data_dir, url, code)

        def done(enrolled: Any) -> None:
            self.enrol_button.setEnabled(True)
            self.enrol_code.clear()
            self.connection.setStyleSheet("color: #1b5e20;")
            self.connection.setText(
                self.tr("Enrolled as station {code}.").format(code=enrolled.station_code)
            )
            audit, by = self.ctx.station.audit, self.ctx.operator_id
            detail = f"hub_url: enrolled {enrolled.station_code} at {url}"
            self.ctx.runner.write(lambda: audit.record(by, "settings.change", None, detail))
            self.reload()
            if self.ctx.sync is not None:
                self.ctx.sync.sync_now()

        def failed(exc: BaseException) -> None:
            self.enrol_button.setEnabled(True)
            self.connection.setStyleSheet("color: #b00020;")
            self.connection.setText(for_exception(exc))

        self.ctx.runner.background(work, done, failed)

    def test_read(self) -> None:
        backend = self.backend.currentData()
        port = self.port.currentText().strip()
        if backend == "none":
            self.reader_result.setText(self.tr("Choose a reader first."))
            return
        self.read_button.setEnabled(False)
        self.reader_result.setStyleSheet("")
        self.reader_result.setText(self.tr("Place a card on the reader…"))
        running = self.ctx.devices
        if running is not None and running.health.backend == backend:
            future = running.read()

            def work() -> Any:
                return future.result(timeout=PROBE_SECONDS)
        else:

            def work() -> Any:
                from desktop.app import open_reader

                reader = open_reader(ReaderSpec(backend, port or None))
                reader.open()
                try:
                    return reader.read()
                finally:
                    reader.close()

        def done(identity: Any) -> None:
            self.read_button.setEnabled(True)
            self.reader_result.setStyleSheet("color: #1b5e20;")
            self.reader_result.setText(
                self.tr("Read OK: {name}.").format(name=mask_name(identity.name))
            )

        def failed(exc: BaseException) -> None:
            self.read_button.setEnabled(True)
            self.reader_result.setStyleSheet("color: #b00020;")
            if isinstance(exc, concurrent.futures.TimeoutError | TimeoutError):
                self.reader_result.setText(
                    self.tr("No card was read within {s} seconds.").format(s=int(PROBE_SECONDS))
                )
            else:
                self.reader_result.setText(for_exception(exc))

        self.ctx.runner.background(work, done, failed)

    def test_page(self) -> None:
        row = max(0, self.documents.currentRow())
        kind = DOCUMENT_KINDS[row]
        target = self._printer_of(kind) or self.ctx.printer_target or ""
        if not target:
            self.printer_result.setText(self.tr("No printer is set for this document."))
            return
        office = self.edits["office_name"].text().strip()
        printing, paper = self.ctx.printing, self.paper.currentData()
        self.printer_result.setStyleSheet("")
        self.printer_result.setText(self.tr("Printing a test page on {p}…").format(p=target))

        def work() -> str:
            from printing.model import Paper
            from printing.testpage import print_test_page

            fonts: Callable[[], Any] = lambda: printing.fonts  # noqa: E731
            return print_test_page(target, office, fonts, paper=Paper(paper))

        def done(_handle: str) -> None:
            self.printer_result.setStyleSheet("color: #1b5e20;")
            self.printer_result.setText(self.tr("Test page printed on {p}.").format(p=target))

        def failed(exc: BaseException) -> None:
            self.printer_result.setStyleSheet("color: #b00020;")
            self.printer_result.setText(for_exception(exc))

        self.ctx.runner.print(work, done, failed)
