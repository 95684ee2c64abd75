"""The citizen screen at a counter: follows the intake screen, asks for the 信息确认 before a
save, the signature before a promise prints, then the 好差评.

The steps are ``intake.citizen.CitizenSession`` (Qt-free); this class only shows the step
and turns the citizen's taps and the clerk's skip into core writes on the writer thread.
Nothing here blocks the UI thread: the save waits for the citizen as a state, and the clerk
may always skip (Ctrl+Shift+K) with a reason the core records.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QMainWindow, QMenuBar

from desktop.bridge import assert_ui_thread
from desktop.citizen import ops
from desktop.citizen.pad import strokes_png
from desktop.citizen.panel import CitizenPanel
from desktop.citizen.window import CitizenWindow, SkipDialog, TurnedDialog
from desktop.context import AppContext
from desktop.counter.intake_screen import IntakeScreen
from desktop.labels import NOTICE_KINDS, label
from desktop.messages import for_exception, message
from desktop.ops import Saved
from desktop.options import citizen_screen_index
from intake.citizen import CitizenSession, Step, StepError, citizen_view
from intake.confirmation import Confirmation, ConfirmedOn
from intake.evaluation import rating_problems, unrated_departments
from intake.services.attachments import SIGNABLE_DOCUMENTS
from intake.views import CaseView

log = logging.getLogger(__name__)

#: Documents that make the citizen sign on screen before they print.
PROMISES = ("promise", "commitment")
THANKS_MS = 6_000
RATING_IDLE_MS = 120_000  # nobody answers: the case stays 未评价


def signing_documents(case: CaseView, *, receipts: bool = False) -> list[str]:
    """What the on-screen signature goes on: when a promise prints, the promise(s) and the
    decision notice's 签收 line (the same signature); with ``receipts`` (``--citizen-signs
    receipts``) also the 签收 line of a notice printed alone (the citizen signs 已收到);
    nothing otherwise."""
    from printing.service import required_notices

    kinds = required_notices(case)
    if not receipts and not any(k in PROMISES for k in kinds):
        return []
    return [k for k in kinds if k in SIGNABLE_DOCUMENTS]


class CitizenDesk(QObject):
    def __init__(
        self, ctx: AppContext, screen: IntakeScreen, window: QMainWindow, *, office: str = ""
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.office = office  # read once by the main window (settings are a store read)
        self.screen = screen
        self.main = window
        self.session = CitizenSession()
        self.window: CitizenWindow | None = None
        self.dialog: TurnedDialog | None = None
        self.skip_dialog: SkipDialog | None = None
        self._proceed: Callable[[Confirmation], None] | None = None
        self._back: Callable[[], None] | None = None
        self._print: Callable[[], None] | None = None
        self._signing: list[str] = []
        self.mode = self._choose_mode()
        self.act_skip = QAction(self.tr("S&kip the citizen's step (with a reason)…"), window)
        self.act_skip.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.act_skip.triggered.connect(lambda _c=False: self.skip())
        window.addAction(self.act_skip)
        self._thanks = QTimer(self)
        self._thanks.setSingleShot(True)
        self._thanks.setInterval(THANKS_MS)
        self._thanks.timeout.connect(self._next_citizen)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(RATING_IDLE_MS)
        self._idle.timeout.connect(self._walked_away)
        screen.flow_changed.connect(self._flow_changed)
        screen.save_failed.connect(self._save_failed)
        if self.ctx.options.citizen_screen not in ("off", "turn") and self.ctx.mode != "kiosk":
            app = QGuiApplication.instance()
            assert isinstance(app, QGuiApplication)
            app.screenRemoved.connect(self._screen_removed)
            app.screenAdded.connect(self._screen_added)
        self._attach()

    def _attach(self) -> None:
        self.act_skip.setEnabled(self.mode is not None)
        if self.mode is None:
            return
        self.screen.confirmation_gate = self.ask_confirmation
        self.screen.after_save = self.after_save
        if self.window is not None:
            self._wire(self.window.panel)
            self.window.open_full_screen()
        self.session.show(citizen_view(self.screen.flow))
        self._render()

    def _screen_removed(self, gone: QScreen) -> None:
        """The citizen's monitor was unplugged: Qt would move the full-screen window onto
        the clerk's screen, so it closes; whatever was waiting goes on without it (a pending
        confirmation is withdrawn, a promise waiting for its signature prints unsigned)."""
        if self.window is None or gone is not self.window.target:
            return
        if self.session.step is Step.CONFIRMING:
            self._withdraw_confirmation(
                self.tr("The citizen screen was disconnected: decide again to save.")
            )
        elif self.session.step is Step.SIGNING:
            self.session.signed()
            self._print_now()
        self.session.walked_away()
        self.screen.confirmation_gate = None
        self.screen.after_save = None
        window, self.window, self.mode = self.window, None, None
        window.hide()
        window.deleteLater()
        self.act_skip.setEnabled(False)
        self.screen.status.emit(self.tr("The citizen screen was disconnected."))

    def _screen_added(self, _screen: QScreen) -> None:
        """A monitor plugged in (auto or N): the citizen window opens on it."""
        if self.mode is None:
            self.mode = self._choose_mode()
            self._attach()

    # -- where ----------------------------------------------------------------------------

    def _choose_mode(self) -> str | None:
        """ "screen" (a window on the citizen's monitor), "turn" (a dialog on the clerk's) or
        None (off: saves go ahead as before)."""
        spec = self.ctx.options.citizen_screen
        if spec == "off" or self.ctx.mode == "kiosk":
            return None
        if spec == "turn":
            return "turn"
        screens = QGuiApplication.screens()
        primary = QGuiApplication.primaryScreen()
        index = citizen_screen_index(
            spec, len(screens), screens.index(primary) if primary in screens else 0
        )
        if index is None:
            if spec != "auto":
                log.warning("citizen screen %s not found: %d screen(s)", spec, len(screens))
            return None
        self.window = CitizenWindow(screens[index], self.main)
        return "screen"

    @property
    def confirmed_on(self) -> ConfirmedOn:
        return ConfirmedOn.CITIZEN_SCREEN if self.mode == "screen" else ConfirmedOn.CLERK_SCREEN

    @property
    def panel(self) -> CitizenPanel | None:
        if self.window is not None:
            return self.window.panel
        return self.dialog.panel if self.dialog is not None else None

    def _wire(self, panel: CitizenPanel) -> None:
        panel.confirmed.connect(self._confirmed)
        panel.disputed.connect(self._disputed)
        panel.signed.connect(self._signed)
        panel.rated.connect(self._rated)

    def add_menu(self, bar: QMenuBar) -> None:
        if self.mode is not None:
            bar.addMenu(self.tr("C&itizen")).addAction(self.act_skip)

    # -- showing --------------------------------------------------------------------------

    def _render(self, note: str = "") -> None:
        assert_ui_thread()
        step = self.session.step
        if self.mode == "turn":
            self._turned(step in (Step.CONFIRMING, Step.SIGNING, Step.RATING, Step.THANKS))
        panel = self.panel
        if panel is None:
            return
        operator = self.ctx.operator
        panel.set_clerk(
            self.office,
            operator.name if operator else "",
            operator.id if operator else "",
        )
        self._idle.stop()
        if step is Step.SIGNING:
            names = [label(NOTICE_KINDS, k) for k in self._signing if k in PROMISES]
            if names:
                panel.show_signing(names)
            else:  # a notice alone: the citizen signs for its receipt (已收到)
                panel.show_signing([label(NOTICE_KINDS, k) for k in self._signing], receipt=True)
        elif step is Step.RATING:
            panel.show_rating(self.session.department)
            self._idle.start()
        else:
            panel.show_step(step, self.session.view, note)
        if step is Step.THANKS:
            self._thanks.start()

    def _turned(self, show: bool) -> None:
        if show and self.dialog is None:
            self.dialog = TurnedDialog(self.main)
            self._wire(self.dialog.panel)
            self.dialog.skip.connect(self.skip)
            self.dialog.open()
        elif not show and self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.done(0)
            dialog.deleteLater()
            self.main.activateWindow()

    def _flow_changed(self) -> None:
        view = citizen_view(self.screen.flow)
        if self.session.step is Step.CONFIRMING and view != self.session.view:
            # the clerk changed the intake while the citizen was reading it: what they would
            # confirm is no longer what would be saved, so ask again
            self._withdraw_confirmation(
                self.tr("The intake changed: decide again to ask the applicant to confirm.")
            )
            return
        if self.session.step in (Step.RATING, Step.THANKS) and not view.is_empty:
            self.session.walked_away()  # the clerk serves the next citizen: 未评价 stays
        before = self.session.step
        self.session.show(view)
        if self.session.step in (Step.LIVE, Step.WELCOME) or before != self.session.step:
            self._render()

    # -- 信息确认 (before the save) ---------------------------------------------------------

    def ask_confirmation(
        self, proceed: Callable[[Confirmation], None], back: Callable[[], None]
    ) -> None:
        self._proceed, self._back = proceed, back
        self.session.ask_confirmation(citizen_view(self.screen.flow))
        self.screen.status.emit(
            self.tr(
                "Waiting for the applicant to confirm on the citizen screen… (Ctrl+Shift+K skips)"
            )
        )
        self._render()

    def _confirmed(self) -> None:
        try:
            self.session.confirmed()
        except StepError:
            return  # a second tap
        proceed, self._proceed, self._back = self._proceed, None, None
        self._render()
        if proceed is not None:
            proceed(Confirmation(True, self.confirmed_on))

    def _disputed(self) -> None:
        try:
            self.session.disputed_answer()
        except StepError:
            return
        back, self._proceed, self._back = self._back, None, None
        self.screen.status.emit(
            self.tr("The applicant says something is wrong: correct it, then decide again.")
        )
        self._render(self.tr("The clerk will correct it. Thank you."))
        if back is not None:
            back()
        self.main.activateWindow()

    def _withdraw_confirmation(self, why: str) -> None:
        back, self._proceed, self._back = self._back, None, None
        self.session.cancel_confirmation()
        self.session.show(citizen_view(self.screen.flow))
        if back is not None:
            back()
        self.screen.status.emit(why)
        self._render()

    def _save_failed(self, _exc: object) -> None:
        self.session.save_failed()
        self._render()

    # -- after the save: signature, then rating -------------------------------------------

    def after_save(self, saved: Saved, print_now: Callable[[], None]) -> None:
        case = saved.case
        self._signing = signing_documents(
            case, receipts=self.ctx.options.citizen_signs == "receipts"
        )
        self.session.saved(case.case_number, self._signing, unrated_departments(case))
        if self._signing:
            self._print = print_now
            self.screen.status.emit(
                self.tr(
                    "Case {number} saved: the applicant signs on screen, then it prints."
                ).format(number=case.case_number)
            )
        else:
            print_now()
        self._render()

    def _signed(self, strokes: list[Any], count: int) -> None:
        if self.session.step is not Step.SIGNING:
            return
        panel = self.panel
        if panel is not None:
            panel.busy()
        number, documents = self.session.case_number, list(self._signing)

        def store(png: bytes) -> None:
            ops.sign(
                self.ctx,
                number,
                documents,
                png,
                count,
                lambda _view: self._signature_stored(),
                self._citizen_error,
            )

        # the PNG is encoded on a background worker (50+ ms), then stored by the writer
        self.ctx.runner.background(lambda: strokes_png(strokes), store, self._citizen_error)

    def _signature_stored(self) -> None:
        self.session.signed()
        self._print_now()
        self._render()
        self.main.activateWindow()

    def _print_now(self) -> None:
        do_print, self._print = self._print, None
        if do_print is not None:
            do_print()

    def _rated(self, level: int, reasons: tuple[str, ...], comment: str) -> None:
        if self.session.step is not Step.RATING:
            return
        problems = rating_problems(level, reasons, comment)
        panel = self.panel
        if problems:
            if panel is not None:
                panel.show_problem(message(problems[0]))
            self._idle.start()
            return
        if panel is not None:
            panel.busy()
        department = self.session.department
        ops.evaluate(
            self.ctx,
            self.session.case_number,
            department,
            level,
            reasons,
            comment,
            lambda _view: self._rating_stored(department),
            self._citizen_error,
        )

    def _rating_stored(self, department: str) -> None:
        try:
            self.session.rated(department)
        except StepError:
            return
        self._render()
        self.main.activateWindow()

    def _citizen_error(self, exc: BaseException) -> None:
        panel = self.panel
        if panel is not None:
            panel.show_problem(for_exception(exc))
        self.screen.status.emit(for_exception(exc))
        if self.session.step is Step.RATING:
            panel_rating = panel.rating if panel is not None else None
            if panel_rating is not None:
                panel_rating.submit.setEnabled(True)

    def _walked_away(self) -> None:
        if self.session.step is Step.RATING:
            self.session.walked_away()
            self._render()

    def _next_citizen(self) -> None:
        if self.session.step is Step.THANKS:
            self.session.walked_away()
            self.session.show(citizen_view(self.screen.flow))
            self._render()

    # -- the clerk's skip -----------------------------------------------------------------

    def skip(self) -> None:
        """Ctrl+Shift+K: skip what the citizen is asked now; a confirmation or rating skipped
        is recorded with the clerk's reason, a signature skipped prints for a pen on paper."""
        step = self.session.step
        if step is Step.SIGNING:
            self.session.signed()
            self._print_now()
            self.screen.status.emit(
                self.tr("Printed without the on-screen signature: have the paper signed.")
            )
            self._render()
            return
        if step not in (Step.CONFIRMING, Step.RATING) or self.skip_dialog is not None:
            self.screen.status.emit(self.tr("The citizen screen is not waiting for an answer."))
            return
        question = (
            self.tr("Save without the applicant's confirmation. Why?")
            if step is Step.CONFIRMING
            else self.tr("No rating for case {number}. Why?").format(
                number=self.session.case_number
            )
        )
        parent: Any = self.dialog if self.dialog is not None else self.main
        dialog = SkipDialog(question, parent)
        dialog.accepted.connect(lambda: self._skipped(step, dialog.text()))
        dialog.finished.connect(lambda _r: self._skip_closed())
        self.skip_dialog = dialog
        dialog.open()

    def _skip_closed(self) -> None:
        self.skip_dialog = None
        (self.dialog or self.main).activateWindow()

    def _skipped(self, step: Step, reason: str) -> None:
        if step is Step.CONFIRMING and self.session.step is Step.CONFIRMING:
            proceed, self._proceed, self._back = self._proceed, None, None
            self.session.confirmed()
            self._render()
            if proceed is not None:
                proceed(Confirmation.skipped(reason, self.confirmed_on))
        elif step is Step.RATING and self.session.step is Step.RATING:
            number = self.session.case_number
            self.session.walked_away()
            self._render()
            ops.skip_evaluation(
                self.ctx,
                number,
                reason,
                lambda _v: self.screen.status.emit(
                    self.tr("Case {number}: no rating, reason recorded.").format(number=number)
                ),
                lambda exc: self.screen.status.emit(for_exception(exc)),
            )

    def close(self) -> None:
        """The clerk's window closes (quit, another operator): nothing of this citizen stays
        on any screen, and no dialog of a closed window keeps the keyboard."""
        self._thanks.stop()
        self._idle.stop()
        for dialog in (self.skip_dialog, self.dialog):
            if dialog is not None:
                dialog.done(0)
                dialog.deleteLater()
        self.skip_dialog = self.dialog = None
        if self.window is not None:
            self.window.close()

    def lock(self) -> None:
        """The clerk's screen locks: the citizen's data leaves the citizen screen too (a
        confirmation asked is withdrawn; the clerk decides again after logging in)."""
        if self.session.step is Step.CONFIRMING:
            back, self._proceed, self._back = self._back, None, None
            self.session.cancel_confirmation()
            if back is not None:
                back()
        if self.session.step in (Step.LIVE, Step.THANKS, Step.WELCOME):
            self.session.walked_away()
            self.session.view = citizen_view(type(self.screen.flow)(self.screen.flow.catalog))
            self._render()
