"""The counter's main window: the intake screen, the actions with their shortcuts, the
status bar, the idle lock and the case search.

Shortcuts are window-wide and win over the line edits' own bindings (Ctrl+K is "delete to
end of line" in a Qt line edit on Linux): ``ShortcutKeys`` hands those keys to the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import ops
from desktop.bridge import assert_ui_thread
from desktop.case_search import CaseSearchDialog
from desktop.citizen.controller import CitizenDesk
from desktop.context import AppContext
from desktop.counter.intake_screen import IntakeScreen
from desktop.messages import for_exception, message
from desktop.pages import PageSpec, visible_pages
from desktop.scanner import ScannerFilter, SerialScannerThread
from desktop.statusbar import StationStatusBar
from intake.changes import Changes
from intake.services.drafts import Draft

log = logging.getLogger(__name__)


class ShortcutKeys(QObject):
    """Lets the window's shortcuts fire while a line edit has focus."""

    def __init__(self, window: QMainWindow, keys: dict[QKeySequence, QAction]) -> None:
        super().__init__(window)
        self._window = window
        self._keys = {k.toString(): a for k, a in keys.items()}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if QApplication.activeWindow() is not self._window:
            return False
        assert isinstance(event, QKeyEvent)
        combo = QKeySequence(event.keyCombination()).toString()
        action = self._keys.get(combo)
        if action is None or not action.isEnabled():
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.ignore()  # not the widget's: the shortcut system will trigger the action
            return True
        action.trigger()
        return True


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: AppContext,
        *,
        on_lock: Callable[[], None],
        on_switch: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._on_lock = on_lock
        self._on_switch = on_switch
        settings = ctx.station.settings
        self.setWindowTitle(self.tr("WindowDesk — {office}").format(office=settings.office_name))
        self.screen_ = IntakeScreen(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("pages")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.screen_, self.tr("Intake"))
        self.page_specs: list[PageSpec] = visible_pages(
            ctx.operator.role if ctx.operator else None, ctx.mode
        )
        self.pages: dict[str, QWidget] = {}  # built on first show
        self._holders: dict[str, QVBoxLayout] = {}  # each page's place in its tab
        for spec in self.page_specs:
            holder = QWidget()
            holder.setObjectName(f"page-{spec.key}")
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            self._holders[spec.key] = layout
            self.tabs.addTab(holder, QCoreApplication.translate("pages", spec.title))
        self._tab_focus: dict[int, QWidget] = {}  # where each page's focus was last
        self.tabs.currentChanged.connect(self._tab_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self.setCentralWidget(self.tabs)
        self.banner: QWidget | None = None
        self.extra_case_actions: list[QAction] = []  # a mode's own, listed in the Case menu
        if ctx.mode == "village":  # the offline/online strip above the pages
            from desktop.village.banner import with_banner

            self.banner = with_banner(self, ctx)
        ctx.open_case = self.open_case
        self.status = StationStatusBar(ctx, settings)
        self.setStatusBar(self.status)
        self.screen_.status.connect(self.status.show_message)
        self.screen_.printed.connect(self.status.printed)
        ctx.listeners.append(self._changed)
        self.citizen = CitizenDesk(ctx, self.screen_, self, office=settings.office_name)
        self._build_actions()
        self.citizen.add_menu(self.menuBar())
        self.scanner = ScannerFilter(ctx, self.open_scanned, self.status.show_message, self)
        if isinstance(app, QApplication):
            app.installEventFilter(self.scanner)  # a receipt scanned anywhere opens its case
        self.serial_scanner: SerialScannerThread | None = None
        if ctx.options.scanner_port:
            port = ctx.options.scanner_port
            self.serial_scanner = SerialScannerThread(
                port,
                ctx.bridge.post,
                self.scanner.scanned,
                lambda _exc: self.status.show_message(
                    message("scanner.unavailable", {"port": port})
                ),
            )
            self.serial_scanner.start()
        self.search_dialog: CaseSearchDialog | None = None
        self.draft_box: QMessageBox | None = None
        ops.outbox_counts(ctx, self.status.set_counts)

    # -- actions --------------------------------------------------------------------------

    def _action(
        self, text: str, keys: list[QKeySequence] | QKeySequence | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcuts(keys if isinstance(keys, list) else [keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        s = self.screen_
        key = QKeySequence
        ctrl_enter = [
            key(Qt.Modifier.CTRL | Qt.Key.Key_Return),
            key(Qt.Modifier.CTRL | Qt.Key.Key_Enter),
        ]
        self.act_new = self._action(
            self.tr("&New intake"), key("Ctrl+N"), lambda: s.new_intake(ask=True)
        )
        self.act_search = self._action(self.tr("&Find a case…"), key("Ctrl+F"), self.open_search)
        self.act_print = self._action(
            self.tr("&Print / reprint the notice"), key("Ctrl+P"), self.reprint
        )
        self.act_preview = self._action(
            self.tr("Pre&view the notice"), key("Ctrl+Shift+P"), self.preview
        )
        self.act_read = self._action(
            self.tr("Read the applicant's &card"), key("F2"), lambda: s.read_card()
        )
        self.act_read_agent = self._action(
            self.tr("Read the &agent's card"), key("Shift+F2"), lambda: s.read_card(agent=True)
        )
        self.act_matter = self._action(self.tr("Choose the &matter"), key("Ctrl+K"), s.focus_search)
        self.act_received = self._action(
            self.tr("Mark required materials &received"), key("F4"), s.mark_required_received
        )
        self.act_decide = self._action(self.tr("&Decide and save…"), ctrl_enter, s.open_decision)
        self.act_sync = self._action(self.tr("&Sync now"), key("F5"), self.sync_now)
        self.act_lock = self._action(self.tr("&Lock"), key("Ctrl+L"), self._on_lock)
        self.act_switch = self._action(self.tr("S&witch operator…"), None, self._on_switch)
        self.act_quit = self._action(self.tr("&Quit"), key("Ctrl+Q"), self.close)
        self.act_keys = self._action(self.tr("&Keyboard shortcuts"), key("F1"), self.show_shortcuts)
        self.page_actions = [
            self._action(self.tr("Go to the intake"), key("Ctrl+1"), lambda: self.show_page(None))
        ]
        # Ctrl+2…9 for the first eight pages; every page is in the View menu (Alt+V), and
        # Ctrl+PgDown / Ctrl+PgUp step through all of them (a supervisor has more than eight).
        for number, spec in enumerate(self.page_specs, start=2):
            self.page_actions.append(
                self._action(
                    self.tr("Go to: {page}").format(
                        page=QCoreApplication.translate("pages", spec.title)
                    ),
                    key(f"Ctrl+{number}") if number <= 9 else None,
                    partial(self.show_page, spec.key),
                )
            )
        self.act_next_page = self._action(
            self.tr("&Next page"), key("Ctrl+PgDown"), partial(self.step_page, 1)
        )
        self.act_previous_page = self._action(
            self.tr("P&revious page"), key("Ctrl+PgUp"), partial(self.step_page, -1)
        )
        bar = self.menuBar()
        case_menu = bar.addMenu(self.tr("&Case"))
        for a in (
            self.act_new,
            self.act_read,
            self.act_read_agent,
            self.act_matter,
            self.act_received,
            self.act_decide,
        ):
            case_menu.addAction(a)
        for a in self.extra_case_actions:
            case_menu.addAction(a)
        case_menu.addSeparator()
        for a in (self.act_search, self.act_print, self.act_preview):
            case_menu.addAction(a)
        station_menu = bar.addMenu(self.tr("&Station"))
        for a in (self.act_sync, self.act_lock, self.act_switch, self.act_quit):
            station_menu.addAction(a)
        view_menu = bar.addMenu(self.tr("&View"))
        for a in (self.act_next_page, self.act_previous_page):
            view_menu.addAction(a)
        view_menu.addSeparator()
        for a in self.page_actions:
            view_menu.addAction(a)
        bar.addMenu(self.tr("&Help")).addAction(self.act_keys)
        keys: dict[QKeySequence, QAction] = {}
        for a in self.actions():
            for k in a.shortcuts():
                keys[k] = a
        self._shortcut_keys = ShortcutKeys(self, keys)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._shortcut_keys)

    # -- pages ----------------------------------------------------------------------------

    def show_page(self, key: str | None) -> QWidget | None:
        """Bring a page to the front (None: the intake); build it the first time. Returns the
        page, or None when this operator does not see it."""
        if key is None:
            self.tabs.setCurrentIndex(0)
            return self.screen_
        for index, spec in enumerate(self.page_specs, start=1):
            if spec.key == key:
                self.tabs.setCurrentIndex(index)
                return self.page(key)
        return None

    def step_page(self, step: int) -> None:
        """The next (+1) or previous (-1) page, wrapping around; built when first shown."""
        index = (self.tabs.currentIndex() + step) % self.tabs.count()
        self.show_page(None if index == 0 else self.page_specs[index - 1].key)

    def page(self, key: str) -> QWidget | None:
        """The page's widget, built now if it was not yet (None: not visible here)."""
        if key in self.pages:
            return self.pages[key]
        for spec in self.page_specs:
            if spec.key == key:
                layout = self._holders[key]
                widget = spec.build(self.ctx, layout.parentWidget())
                layout.addWidget(widget)
                self.pages[key] = widget
                return widget
        return None

    def current_page(self) -> QWidget | None:
        """The page in front (None: the intake)."""
        index = self.tabs.currentIndex()
        if index <= 0:
            return None
        return self.pages.get(self.page_specs[index - 1].key)

    def _tab_changed(self, index: int) -> None:
        back = self._tab_focus.get(index)
        if back is not None and back.isVisibleTo(self):
            back.setFocus()
        if index == 0:
            return
        spec = self.page_specs[index - 1]
        widget = self.page(spec.key)
        shown = getattr(widget, "page_shown", None)
        if callable(shown):
            shown()

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        page = self.tabs.currentWidget()
        if new is not None and page is not None and page.isAncestorOf(new):
            self._tab_focus[self.tabs.currentIndex()] = new

    def open_case(self, case_ref: str) -> None:
        """Open a case wherever it was asked for (search, scanner, follow-ups, inbox)."""
        page = self.show_page("cases")
        opener = getattr(page, "open_case", None)
        if callable(opener):
            opener(case_ref)
        else:
            self.status.show_message(self.tr("Case {ref}").format(ref=case_ref))

    def open_scanned(self, case_number: str) -> None:
        """A receipt scanned anywhere: its case, audited as seen through the scanner."""
        page = self.show_page("cases")
        opener = getattr(page, "open_case", None)
        if callable(opener):
            opener(case_number, via="scanner")
        else:
            self.open_case(case_number)

    # -- what the actions do --------------------------------------------------------------

    def open_search(self) -> None:
        if self.search_dialog is None:
            self.search_dialog = CaseSearchDialog(self.ctx, self)
            self.search_dialog.reprint.connect(self._reprint_case)
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.query.setFocus()

    def reprint(self) -> None:
        number = self.screen_.last_case
        page = self.current_page()
        current = getattr(page, "current_case", None)
        if callable(current):  # a page that shows a case reprints that one
            number = current() or number
        if number is None:
            self.status.show_message(
                self.tr("No case saved on this screen yet: find one with Ctrl+F.")
            )
            return
        self._reprint_case(number)

    def _reprint_case(self, number: str) -> None:
        self.status.show_message(self.tr("Printing case {number}…").format(number=number))
        ops.print_notices(self.ctx, number, None, self.screen_.show_printed)

    def preview(self) -> None:
        number = self.screen_.last_case
        if number is None:
            self.status.show_message(
                self.tr("No case saved on this screen yet: find one with Ctrl+F.")
            )
            return
        ops.preview_notice(self.ctx, number, self._open_preview)

    def _open_preview(self, path: str) -> None:
        self.status.show_message(self.tr("Preview: {path}").format(path=path))
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def sync_now(self) -> None:
        if self.ctx.sync is None:
            self.status.show_message(
                self.tr("This station works offline (no platform configured).")
            )
            return
        self.ctx.sync.sync_now()
        self.status.show_message(self.tr("Sending to the platform…"))

    def show_shortcuts(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(dialog)
        rows = []
        for a in self.actions():
            if a.shortcuts():
                keys = " / ".join(
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts()
                )
                rows.append(f"<tr><td><b>{keys}</b></td><td>{a.text().replace('&', '')}</td></tr>")
        text = QLabel("<table cellspacing=6>" + "".join(rows) + "</table>")
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.exec()

    # -- drafts, changes, closing ---------------------------------------------------------

    def offer_draft(self, draft: Draft | None) -> None:
        """After login: an unfinished intake from before a crash comes back (Enter restores)."""
        assert_ui_thread()
        if draft is None:
            return
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Unfinished intake"))
        box.setText(
            self.tr("An intake was not finished (saved {at}). Restore it?").format(
                at=draft.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            )
        )
        restore = box.addButton(self.tr("Restore (Enter)"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.setEscapeButton(discard)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: object) -> None:
            self.draft_box = None
            if button is restore:
                self.screen_.restore(draft.content)
            else:
                ops.discard_draft(self.ctx)
                self.screen_.applicant.person.name.setFocus()
            QTimer.singleShot(0, self.activateWindow)  # once the box is gone

        box.finished.connect(lambda _result: answered(box.clickedButton()))
        self.draft_box = box
        box.open()
        restore.setFocus()

    def _changed(self, changes: Changes) -> None:
        if changes.outbox:
            ops.outbox_counts(self.ctx, self.status.set_counts)
        if self.search_dialog is not None and changes.cases:
            self.search_dialog.refresh()

    def show_error(self, exc: BaseException) -> None:
        self.status.show_message(for_exception(exc))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.screen_.save_draft_now()  # whatever is on screen survives the exit
        self.citizen.close()
        if self.serial_scanner is not None:
            self.serial_scanner.stop()
        event.accept()
