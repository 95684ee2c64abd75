"""One citizen's session at the kiosk: card → life event or search → guide → form →
pre-intake and ticket. Everything personal lives in this widget and its ``IntakeFlow``;
the kiosk window throws the whole widget away to wipe a session (nothing is cleared field
by field, so nothing can be forgotten).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import queue_ops
from desktop.context import AppContext
from desktop.counter.form import FormPanel
from desktop.counter.matters import guide_html
from desktop.kiosk.keyboard import KeyboardFollower, hint_digits, hint_id_number
from desktop.messages import for_exception, message
from intake.appointments import Appointment, CheckInState, check_in_state
from intake.catalog.model import FieldType, Situation
from intake.clock import local_date, now
from intake.errors import RequestError, WindowDeskError
from intake.flow import PREFILL, IntakeFlow
from intake.identity import Identity
from intake.kiosk import (
    KioskChoice,
    LifeEvent,
    life_event_choices,
    life_events,
    needs_priority,
    queue_for,
)
from intake.masking import mask_id_number, mask_name
from intake.services.queue import ServiceQueue
from intake.views import Channel, Decision

log = logging.getLogger(__name__)

#: The operator a kiosk request names for the rules' check (never saved: no case is made).
KIOSK_OPERATOR = "kiosk"
COLUMNS = 4


def _button(text: str, *, primary: bool = False, tile: bool = False) -> QPushButton:
    b = QPushButton(text)
    b.setProperty("primary", primary)
    b.setProperty("tile", tile)
    b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return b


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("kioskTitle")
    label.setWordWrap(True)
    return label


class KioskSession(QWidget):
    finished = Signal(object, object)  # KioskReceipt, TicketPrinted
    started = Signal()  # the session holds something now: the idle wipe is armed
    restart = Signal()  # the citizen tapped "start over"
    read_requested = Signal()

    def __init__(
        self, ctx: AppContext, queues: Sequence[ServiceQueue], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert ctx.catalog is not None
        self.ctx = ctx
        self.queues = list(queues)
        self.flow = IntakeFlow(ctx.catalog, channel=Channel.KIOSK)
        self.identity: Identity | None = None
        self.choice: KioskChoice | None = None
        self.busy = False
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.welcome = self._welcome_page()
        self.events = self._events_page()
        self.choices_page, self.choices_title, self.choices_box = self._choices_page()
        self.guide_page = self._guide_page()
        self.form_page = self._form_page()
        for page in (self.welcome, self.events, self.choices_page, self.guide_page):
            self.stack.addWidget(page)
        self.stack.addWidget(self.form_page)

    # -- pages ----------------------------------------------------------------------------

    def _welcome_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(80, 40, 80, 40)
        v.addStretch(1)
        v.addWidget(_title(self.tr("Welcome to self-service")))
        hint = QLabel(
            self.tr(
                "Place your ID card on the reader below the screen, or tap the button. "
                "You will find the guide for your business, fill in the application here, "
                "and a clerk finishes it at the counter."
            )
        )
        hint.setWordWrap(True)
        v.addWidget(hint)
        v.addSpacing(30)
        self.read_button = _button(self.tr("Read my ID card"), primary=True, tile=True)
        self.read_button.clicked.connect(self.read_requested.emit)
        v.addWidget(self.read_button)
        self.no_card_button = _button(self.tr("No card with me: take a queue ticket only"))
        self.no_card_button.clicked.connect(self.continue_without_card)
        v.addWidget(self.no_card_button)
        self.card_problem = QLabel()
        self.card_problem.setObjectName("kioskProblem")
        self.card_problem.setWordWrap(True)
        v.addWidget(self.card_problem)
        v.addStretch(2)
        return page

    def _events_page(self) -> QWidget:
        assert self.ctx.catalog is not None
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(40, 0, 40, 10)
        self.greeting = _title("")
        top = QHBoxLayout()
        top.addWidget(self.greeting, 1)
        # 预约: the check-in button beside the greeting, what was booked in the hint's place
        # (the page must still fit 768 px)
        self.check_in_button = _button(self.tr("Check in my appointment"), primary=True)
        self.check_in_button.setObjectName("checkIn")
        self.check_in_button.clicked.connect(self.check_in)
        self.check_in_button.hide()
        top.addWidget(self.check_in_button)
        v.addLayout(top)
        self.choose_hint = self.tr("What is your business about? Choose a life event, or search.")
        self.appointment_text = QLabel(self.choose_hint)
        self.appointment_text.setObjectName("appointmentText")
        self.appointment_text.setWordWrap(True)
        self.appointment: Appointment | None = None
        v.addWidget(self.appointment_text)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.event_buttons: dict[str, QPushButton] = {}
        for i, event in enumerate(life_events(self.ctx.catalog)):
            b = _button(event.name, tile=True)
            b.setObjectName(f"event_{event.key}")
            b.clicked.connect(lambda _c=False, e=event: self.show_event(e))
            grid.addWidget(b, i // COLUMNS, i % COLUMNS)
            self.event_buttons[event.key] = b
        v.addLayout(grid)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search a matter, e.g. 社保卡"))
        self.search.returnPressed.connect(self.run_search)
        row.addWidget(self.search, 1)
        go = _button(self.tr("Search"), primary=True)
        go.clicked.connect(self.run_search)
        row.addWidget(go)
        v.addLayout(row)
        v.addStretch(1)
        bottom = QHBoxLayout()
        again = _button(self.tr("Start over"))
        again.clicked.connect(self.restart.emit)
        bottom.addWidget(again)
        bottom.addStretch(1)
        just = _button(self.tr("Other business: a ticket for the general window"))
        just.clicked.connect(lambda: self.take_ticket(general=True))
        bottom.addWidget(just)
        v.addLayout(bottom)
        return page

    def _choices_page(self) -> tuple[QWidget, QLabel, QVBoxLayout]:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(40, 20, 40, 20)
        title = _title("")
        v.addWidget(title)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        box = QVBoxLayout(body)
        box.setSpacing(12)
        scroll.setWidget(body)
        v.addWidget(scroll, 1)
        back = _button(self.tr("Back"))
        back.clicked.connect(lambda: self.stack.setCurrentWidget(self.events))
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        v.addLayout(row)
        return page, title, box

    def _guide_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(40, 10, 40, 10)
        split = QHBoxLayout()
        self.guide = QTextBrowser()
        self.guide.setOpenLinks(False)
        split.addWidget(self.guide, 1)
        side = QScrollArea()
        side.setWidgetResizable(True)
        side.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        self.situations_box = QVBoxLayout()
        column.addLayout(self.situations_box)
        self.priority_button = _button(self.tr("Priority service (elderly, disabled, pregnant)"))
        self.priority_button.setCheckable(True)
        column.addWidget(self.priority_button)
        self.guide_problem = QLabel()
        self.guide_problem.setObjectName("kioskProblem")
        self.guide_problem.setWordWrap(True)
        column.addWidget(self.guide_problem)
        column.addStretch(1)
        side.setWidget(body)
        split.addWidget(side, 1)
        v.addLayout(split, 1)
        row = QHBoxLayout()
        back = _button(self.tr("Back"))
        back.clicked.connect(lambda: self.stack.setCurrentWidget(self.events))
        row.addWidget(back)
        row.addStretch(1)
        self.ticket_button = _button(self.tr("Just take a ticket"))
        self.ticket_button.clicked.connect(lambda: self.take_ticket())
        row.addWidget(self.ticket_button)
        self.fill_button = _button(self.tr("Fill in the application"), primary=True)
        self.fill_button.clicked.connect(self.show_form)
        row.addWidget(self.fill_button)
        v.addLayout(row)
        self.situation_groups: dict[str, QButtonGroup] = {}
        return page

    def _form_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(40, 20, 40, 0)
        self.form_title = _title("")
        v.addWidget(self.form_title)
        self.applicant_line = QLabel()
        v.addWidget(self.applicant_line)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        body = QWidget()
        inner = QVBoxLayout(body)
        phone_row = QHBoxLayout()
        phone_row.addWidget(QLabel(self.tr("＊Your mobile phone")))
        self.phone = QLineEdit()
        self.phone.setObjectName("kioskPhone")
        self.phone.setMaxLength(13)
        hint_digits(self.phone)
        self.phone.textEdited.connect(self._phone_edited)
        phone_row.addWidget(self.phone, 1)
        inner.addLayout(phone_row)
        self.phone_problem = QLabel()
        self.phone_problem.setObjectName("kioskProblem")
        inner.addWidget(self.phone_problem)
        self.form = FormPanel()
        inner.addWidget(self.form)
        self.form_scroll.setWidget(body)
        v.addWidget(self.form_scroll, 1)
        self.form_problem = QLabel()
        self.form_problem.setObjectName("kioskProblem")
        self.form_problem.setWordWrap(True)
        v.addWidget(self.form_problem)
        row = QHBoxLayout()
        back = _button(self.tr("Back"))
        back.clicked.connect(lambda: self.stack.setCurrentWidget(self.guide_page))
        row.addWidget(back)
        row.addStretch(1)
        self.submit_button = _button(self.tr("Submit and take a ticket"), primary=True)
        self.submit_button.clicked.connect(self.submit)
        row.addWidget(self.submit_button)
        v.addLayout(row)
        spacer = QWidget()
        v.addWidget(spacer)
        self.keyboard = KeyboardFollower(
            self.form_scroll, spacer, (self.form_title, self.applicant_line)
        )
        return page

    # -- the citizen's steps --------------------------------------------------------------

    def card_read(self, identity: Identity) -> None:
        self.flow.fill_from_identity(identity)
        self.identity = identity
        self.card_problem.clear()
        self.greeting.setText(self.tr("Hello, {name}").format(name=mask_name(identity.name)))
        self.appointment_text.setText(
            self.tr("{appointment} {next}").format(
                appointment=self.tr("Looking for your appointment today…"), next=self.choose_hint
            )
        )
        self.stack.setCurrentWidget(self.events)
        self.started.emit()
        queue_ops.appointment_for(self.ctx, identity.id_number, self._appointment_found)

    def _gone(self) -> bool:
        """Whether this session was wiped while an answer was on its way (its widgets are
        being deleted: the answer is dropped, nothing of it is shown)."""
        return not shiboken6.isValid(self) or self.identity is None

    def _appointment_found(self, appointment: Appointment | None) -> None:
        if self._gone():
            return
        self.appointment = appointment
        self.check_in_button.hide()
        if appointment is None:
            self.appointment_text.setText(
                self.tr("No appointment today for this card. Choose your business below.")
            )
            return
        state = check_in_state(appointment, now())
        what = self.tr("Your appointment today: {title}, {slot}.").format(
            title=appointment.title, slot=appointment.slot
        )
        texts = {
            CheckInState.OPEN: self.tr(
                "Tap “Check in” for your number, or choose other business below."
            ),
            CheckInState.TOO_EARLY: self.tr(
                "Check-in opens at {opens}, 30 minutes before your slot: please come back then."
            ).format(opens=f"{appointment.opens_at:%H:%M}"),
            CheckInState.MISSED: self.tr(
                "Your slot has passed: the appointment can no longer be checked in. "
                "Take an ordinary ticket below."
            ),
            CheckInState.DONE: self.tr("Already checked in: your number is {number}.").format(
                number=appointment.ticket_number or "—"
            ),
            CheckInState.CANCELLED: self.tr("This appointment was cancelled."),
        }
        self.appointment_text.setText(
            self.tr("{appointment} {next}").format(appointment=what, next=texts[state])
        )
        self.check_in_button.setVisible(state is CheckInState.OPEN)
        if state is CheckInState.OPEN:
            self.check_in_button.setFocus()

    def check_in(self) -> None:
        """预约签到: the appointment's ticket, printed; then the session ends as after any
        ticket (the window wipes it)."""
        if self.busy or self.appointment is None or self.identity is None:
            return
        self.busy = True
        self.check_in_button.setEnabled(False)
        self.appointment_text.setText(self.tr("Checking in…"))

        ctx = self.ctx

        def checked(receipt: Any) -> None:
            if self._gone():  # checked in all the same: its ticket still prints
                queue_ops.print_ticket(ctx, receipt, False, lambda _p: None)
                return
            self.appointment_text.setText(self.tr("Printing your ticket…"))
            queue_ops.print_ticket(
                self.ctx, receipt, False, lambda p: self.finished.emit(receipt, p)
            )

        def refused(exc: BaseException) -> None:
            if self._gone():
                return
            self.busy = False
            self.check_in_button.hide()
            self.check_in_button.setEnabled(True)
            self.appointment_text.setText(for_exception(exc))

        queue_ops.check_in(self.ctx, self.appointment.id, self.identity.id_number, checked, refused)

    def card_failed(self, exc: BaseException) -> None:
        self.card_problem.setText(for_exception(exc))

    def continue_without_card(self) -> None:
        self.greeting.setText(self.tr("Without a card you can read the guides and take a ticket."))
        self.stack.setCurrentWidget(self.events)
        self.started.emit()

    def show_event(self, event: LifeEvent) -> None:
        assert self.ctx.catalog is not None
        self._show_choices(event.name, life_event_choices(self.ctx.catalog, event))

    def run_search(self) -> None:
        index = self.ctx.choices
        text = self.search.text().strip()
        if index is None or not text:
            return
        found = [KioskChoice(c.kind, c.code, c.name) for c in index.search(text, limit=12)]
        self._show_choices(self.tr("Search: {text}").format(text=text), found)

    def _show_choices(self, title: str, choices: list[KioskChoice]) -> None:
        self.choices_title.setText(title)
        while self.choices_box.count():
            item = self.choices_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        if not choices:
            self.choices_box.addWidget(QLabel(self.tr("Nothing found: try other words.")))
        for c in choices:
            prefix = self.tr("一件事 · ") if c.kind == "bundle" else ""
            b = _button(prefix + c.name)
            b.setObjectName(f"choice_{c.code}")
            b.clicked.connect(lambda _c=False, choice=c: self.show_guide(choice))
            self.choices_box.addWidget(b)
        self.choices_box.addStretch(1)
        self.stack.setCurrentWidget(self.choices_page)

    def show_guide(self, choice: KioskChoice, answers: dict[str, str] | None = None) -> None:
        self.choice = choice
        try:
            if choice.kind == "bundle":
                merged = self.flow.choose_bundle(choice.code, answers or None)
            else:
                merged = self.flow.choose_matter(choice.code)
        except WindowDeskError as exc:
            self.guide_problem.setText(for_exception(exc))
            return
        self.guide.setHtml(guide_html(merged, choice.name))
        if answers is None:
            self._build_situations(
                self.flow.situations(choice.code) if choice.kind == "bundle" else ()
            )
        today = local_date(now())
        auto = needs_priority(self.identity, today)
        self.priority_button.setChecked(auto or self.priority_button.isChecked())
        self.fill_button.setVisible(self.identity is not None)
        self._refresh_guide_buttons()
        self.stack.setCurrentWidget(self.guide_page)

    def _build_situations(self, situations: tuple[Situation, ...]) -> None:
        while self.situations_box.count():
            item = self.situations_box.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.setParent(None)
                w.deleteLater()
        self.situation_groups = {}
        for s in situations:
            box = QWidget()
            row = QVBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 8)
            row.setSpacing(6)
            question = QLabel(s.question)
            question.setWordWrap(True)
            row.addWidget(question)
            options = QHBoxLayout()
            row.addLayout(options)
            vertical = len(s.options) > 2 or any(len(o.label) > 8 for o in s.options)
            if vertical:
                options.setDirection(QHBoxLayout.Direction.TopToBottom)
            group = QButtonGroup(box)
            group.setExclusive(True)
            for option in s.options:
                b = _button(option.label)
                b.setCheckable(True)
                b.setObjectName(f"situation_{s.key}_{option.value}")
                b.setProperty("value", option.value)
                group.addButton(b)
                options.addWidget(b)
            group.buttonClicked.connect(lambda _b: self._answered())
            self.situation_groups[s.key] = group
            self.situations_box.addWidget(box)

    def answers(self) -> dict[str, str]:
        out = {}
        for key, group in self.situation_groups.items():
            checked = group.checkedButton()
            if checked is not None:
                out[key] = str(checked.property("value"))
        return out

    def _answered(self) -> None:
        answers = self.answers()
        if self.choice is not None and len(answers) == len(self.situation_groups):
            self.show_guide(self.choice, answers)  # only what this situation needs
        self._refresh_guide_buttons()

    def _refresh_guide_buttons(self) -> None:
        complete = len(self.answers()) == len(self.situation_groups)
        self.fill_button.setEnabled(complete)
        self.guide_problem.setText("" if complete else self.tr("Answer the questions above first."))

    def show_form(self) -> None:
        merged = self.flow.merged
        if merged is None or self.identity is None or self.choice is None:
            return
        self.form_title.setText(self.choice.name)
        self.applicant_line.setText(
            self.tr("Applicant: {name} · {number}").format(
                name=mask_name(self.identity.name), number=mask_id_number(self.identity.id_number)
            )
        )
        self.phone.setText(str(self.flow.applicant.get("phone") or ""))
        self.form.set_fields(merged.fields, self.flow.form)
        for req in merged.fields:
            widget = self.form.widget_for(req.key)
            if isinstance(widget, QLineEdit):
                if req.field.type is FieldType.PHONE:
                    hint_digits(widget)
                elif req.field.type is FieldType.ID_NUMBER:
                    hint_id_number(widget)
        self.form_problem.clear()
        self.phone_problem.clear()
        self.stack.setCurrentWidget(self.form_page)
        self.phone.setFocus(Qt.FocusReason.OtherFocusReason)

    def _phone_edited(self) -> None:
        """The form's own phone fields follow the one typed here while they are empty."""
        before = str(self.flow.applicant.get("phone") or "")
        self._collect()
        for key, source in PREFILL.items():
            if source == "phone" and str(self.flow.form.get(key) or "") in ("", before):
                self.flow.form.pop(key, None)
        self.flow.prefill_form()
        self.form.set_values(self.flow.form)

    def _collect(self) -> None:
        self.flow.applicant["phone"] = self.phone.text().strip()
        self.flow.form = {
            k: v for k, v in self.form.values().items() if v not in (None, "", [], False)
        }

    # -- the ticket -----------------------------------------------------------------------

    def priority(self) -> bool:
        return needs_priority(
            self.identity, local_date(now()), asked=self.priority_button.isChecked()
        )

    def _queue(self, *, general: bool = False) -> str:
        merged = None if general else self.flow.merged
        return queue_for(self.queues, merged, priority=self.priority())

    def submit(self) -> None:
        """The pre-intake (the flow as a draft) and its ticket, saved at once."""
        if self.busy or self.choice is None:
            return
        self._collect()
        request = self.flow.request_json(Decision.RECEIVE, operator=KIOSK_OPERATOR)
        self._send(self.flow.to_draft(), request, self._queue(), self.choice.name)

    def take_ticket(self, *, general: bool = False) -> None:
        if self.busy:
            return
        title = "" if general or self.choice is None else self.choice.name
        self._send(None, None, self._queue(general=general), title)

    def _send(
        self, content: dict[str, Any] | None, request: dict[str, Any] | None, queue: str, title: str
    ) -> None:
        self.busy = True
        self.submit_button.setEnabled(False)
        self.form_problem.setText(self.tr("Saving…"))
        priority = self.priority()

        def saved(receipt: Any) -> None:
            self.form_problem.setText(self.tr("Printing your ticket…"))
            queue_ops.print_ticket(
                self.ctx, receipt, priority, lambda p: self.finished.emit(receipt, p)
            )

        queue_ops.submit_pre_intake(self.ctx, content, request, queue, title, saved, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.submit_button.setEnabled(True)
        if isinstance(exc, RequestError):
            by_key: dict[str, list[str]] = {}
            for p in exc.problems:
                if p.where == "applicant.phone":
                    self.phone_problem.setText(message(p.code, p.params))
                by_key.setdefault(p.where, []).append(message(p.code, p.params))
            self.form.show_problems(by_key)
            texts = "；".join(dict.fromkeys(message(p.code, p.params) for p in exc.problems))
            self.form_problem.setText(
                self.tr("Please correct what is marked in red: {problems}").format(problems=texts)
            )
        else:
            log.error("a kiosk pre-intake was not saved", exc_info=exc)
            self.form_problem.setText(for_exception(exc))
        self.guide_problem.setText(self.form_problem.text())


Callback = Callable[[], None]
