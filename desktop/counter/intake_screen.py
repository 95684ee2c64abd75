"""The clerk's intake screen: applicant, matter, materials, form, decision — one page.

The screen is a view of ``intake.flow.IntakeFlow``: every edit goes into the flow, the
flow is checked with the store's own rules (no I/O: the catalog is in memory), and each
panel shows the problems at its own fields. Saving, drafts, lookups and printing go
through ``desktop.ops`` (off the UI thread); the screen only shows their answers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import ops
from desktop.bridge import assert_ui_thread
from desktop.context import AppContext
from desktop.counter.applicant import ApplicantPanel
from desktop.counter.decision import DecisionChoice, DecisionDialog
from desktop.counter.form import FormPanel
from desktop.counter.materials import MaterialsPanel
from desktop.counter.matters import MatterPicker
from desktop.counter.situations import SituationsDialog
from desktop.labels import NOTICE_KINDS, label
from desktop.messages import for_exception, message
from intake.clock import local_date, now
from intake.confirmation import Confirmation
from intake.errors import Problem, WindowDeskError
from intake.flow import FlowCheck, IntakeFlow, rejection_choices
from intake.identity import Identity
from intake.notice_rules import offered_ways, referral_for
from intake.views import Channel, Decision

log = logging.getLogger(__name__)

#: problems shown in the bar's "still needed" list rather than in red at an empty field
_BLANK = ("request.required", "form.required", "request.matters")
DRAFT_DELAY_MS = 800


class IntakeScreen(QWidget):
    saved = Signal(object)  # desktop.ops.Saved
    printed = Signal(object)  # desktop.ops.Printed
    status = Signal(str)  # a one-line message for the status bar
    flow_changed = Signal()  # the flow was re-checked (the citizen screen shows it live)
    save_failed = Signal(object)  # the exception: nothing was written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        assert ctx.catalog is not None
        channel = Channel.VILLAGE if ctx.mode == "village" else Channel.COUNTER
        self.flow = IntakeFlow(ctx.catalog, channel=channel)
        self.last_check: FlowCheck | None = None
        self.last_case: str | None = None  # the case number Ctrl+P reprints
        self._saving = False
        self._pending_read: str | None = None  # "applicant" / "agent" while F2 waits
        #: 帮办代办: who every new intake starts with as the agent (a village agent's own card)
        self.default_agent: dict[str, Any] | None = None
        self.decision_dialog: DecisionDialog | None = None
        self.situations_dialog: SituationsDialog | None = None
        self.confirm_box: QMessageBox | None = None
        #: The citizen screen's 信息确认 before a save (desktop.citizen): called with "save
        #: with this confirmation" and "back to editing"; None saves at once.
        self.confirmation_gate: (
            Callable[[Callable[[Confirmation], None], Callable[[], None]], None] | None
        ) = None
        #: After a save, before printing (the citizen signs the promise first); None prints.
        self.after_save: Callable[[ops.Saved, Callable[[], None]], None] | None = None
        self.applicant = ApplicantPanel()
        self.picker = MatterPicker()
        self.materials = MaterialsPanel()
        self.form = FormPanel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("decisionSummary")
        self.decide_button = QPushButton(self.tr("Decide… (Ctrl+Enter)"))
        self.decide_button.clicked.connect(self.open_decision)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.applicant)
        top.addWidget(self.picker)
        top.setStretchFactor(0, 4)
        top.setStretchFactor(1, 6)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.materials)
        bottom.addWidget(self.form)
        bottom.setStretchFactor(0, 5)
        bottom.setStretchFactor(1, 5)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.decide_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(bottom)
        body.setStretchFactor(0, 5)
        body.setStretchFactor(1, 6)
        layout.addWidget(body, 1)
        layout.addLayout(bar)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft_now)
        self.applicant.changed.connect(self._applicant_edited)
        self.picker.chosen.connect(self.choose)
        self.materials.changed.connect(self._materials_edited)
        self.form.changed.connect(self._form_edited)
        if ctx.choices is not None:
            self.picker.set_index(ctx.catalog, ctx.choices)
        self.refresh()

    # -- keyboard entry points (the main window's actions call these) ---------------------

    def focus_search(self) -> None:
        self.picker.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.picker.search.selectAll()

    def read_card(self, *, agent: bool = False) -> None:
        devices = self.ctx.devices
        if devices is None:
            self.status.emit(message("reader.none"))
            return
        target = "agent" if agent else "applicant"
        self._pending_read = target
        self.status.emit(self.tr("Reading the card…"))
        future = devices.read()
        future.add_done_callback(lambda f: self.ctx.bridge.post(lambda: self._card_read(target, f)))

    def _card_read(self, target: str, future: Any) -> None:
        assert_ui_thread()
        self._pending_read = None
        exc = future.exception()
        if exc is not None:
            self.status.emit(for_exception(exc))
            return
        self.apply_identity(future.result(), agent=target == "agent")

    def card_event(self, identity: Identity) -> None:
        """A card placed on a reader that reads by itself (not after F2)."""
        if self._pending_read is None:
            self.apply_identity(identity)

    def apply_identity(self, identity: Identity, *, agent: bool = False) -> None:
        assert_ui_thread()
        self._collect()
        self.flow.fill_from_identity(identity, agent=agent)
        if agent:
            self.applicant.set_agent(self.flow.agent)
            self.status.emit(self.tr("The agent's card was read."))
        else:
            self.applicant.person.set_value(self.flow.applicant)
            self.applicant.set_photo(self.flow.photo)
            warnings = [message(w) for w in self.flow.card_warnings]
            self.applicant.notice.setText("；".join(warnings))
            self.status.emit(self.tr("The applicant's card was read."))
            ops.returning_applicant(
                self.ctx, identity.id_number, identity.doc_type.value, self._returning
            )
        self.form.set_values(self.flow.form)
        self.refresh()

    def _returning(self, back: Any) -> None:
        if not back.cases:
            return
        filled = self.flow.offer_phone(back.phone)
        if filled:
            self.applicant.person.set_value(self.flow.applicant)
            self.form.set_values(self.flow.form)
        lines = [self.tr("Returning applicant: {n} earlier case(s)").format(n=len(back.cases))]
        if filled:
            lines.append(self.tr("phone filled in from the last case"))
        lines.append("；".join(f"{c.case_number} {c.title}" for c in back.cases[:3]))
        notice = self.applicant.notice.text()
        self.applicant.notice.setText("；".join(x for x in (notice, *lines) if x))
        self.refresh()

    def choose(self, kind: str, code: str, answers: Mapping[str, str] | None = None) -> None:
        """Take the chosen matter or bundle; a bundle with 情形 asks them first."""
        self._collect()
        situations = self.flow.situations(code) if kind == "bundle" else ()
        if situations and answers is None:
            self._ask_situations(code, situations)
            return
        try:
            if kind == "bundle":
                merged = self.flow.choose_bundle(code, answers)
            else:
                merged = self.flow.choose_matter(code)
        except WindowDeskError as exc:
            self.status.emit(for_exception(exc))
            return
        self.materials.set_requirements(merged, self.flow.materials)
        self.form.set_fields(merged.fields, self.flow.form)
        self.refresh()
        self._schedule_draft()
        key = self.flow.first_empty_required_field()
        widget = self.form.widget_for(key) if key else self.materials.first_state_widget()
        self.window().activateWindow()  # back from the 情形 dialog, if there was one
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ask_situations(self, code: str, situations: tuple[Any, ...]) -> None:
        assert self.ctx.catalog is not None
        dialog = SituationsDialog(self.ctx.catalog.bundles[code].name, situations, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.choose("bundle", code, dialog.answers()))
        dialog.rejected.connect(self.window().activateWindow)
        self.situations_dialog = dialog
        dialog.open()

    def mark_required_received(self) -> None:
        changed = self.flow.mark_required_received()
        self.materials.set_entries(self.flow.materials)
        self.refresh()
        self._schedule_draft()
        self.status.emit(self.tr("{n} material(s) marked received.").format(n=len(changed)))

    # -- edits ----------------------------------------------------------------------------

    def _collect(self) -> None:
        """The panels' current values into the flow."""
        self.flow.applicant = {**self.flow.applicant, **self.applicant.person.value()}
        self.flow.agent = self.applicant.agent_value()

    def _applicant_edited(self) -> None:
        self._collect()
        self.flow.prefill_form()
        self.form.set_values(self.flow.form)
        self.refresh()
        self._schedule_draft()

    def _materials_edited(self) -> None:
        self.flow.materials.update(self.materials.entries())
        self.refresh()
        self._schedule_draft()

    def _form_edited(self) -> None:
        self.flow.form = {
            k: v for k, v in self.form.values().items() if v not in (None, "", [], False)
        }
        self.refresh()
        self._schedule_draft()

    def check(
        self,
        decision: Decision | None = None,
        reason: str = "",
        legal_basis: str = "",
        choice: DecisionChoice | None = None,
    ) -> FlowCheck:
        return self.flow.check(
            self.ctx.station.cases.check,
            operator=self.ctx.operator_id,
            today=local_date(now()),
            decision=decision,
            reason=reason,
            legal_basis=legal_basis,
            reason_kind=choice.reason_kind if choice else "",
            refer_to=choice.refer_to if choice else "",
            delivery=choice.delivery if choice else None,
        )

    def refresh(self) -> None:
        """Re-check and show every problem where it belongs."""
        result = self.check()
        self.last_check = result
        shown = [p for p in result.problems if p.code not in _BLANK]
        self.applicant.person.show_problems(_by_key(shown, "applicant."))
        self.applicant.agent.show_problems(_by_key(shown, "agent."))
        self.materials.show_problems(_by_key(shown, "materials.", first_only=True))
        self.form.show_problems(_by_key(shown, ""))
        self.summary.setText(self._summary(result))
        self.flow_changed.emit()

    def _summary(self, result: FlowCheck) -> str:
        if self.flow.merged is None:
            return self.tr(
                "F2 reads the card · Ctrl+K chooses the matter · F4 marks materials"
                " · Ctrl+Enter decides"
            )
        if result.allowed is Decision.ACCEPT:
            head = self.tr("The materials allow: accept (受理).")
        else:
            head = self.tr("Missing: {names} — the materials allow a 补正 notice.").format(
                names="、".join(result.missing)
            )
        blanks = [p for p in result.problems if p.code in _BLANK]
        other = len(result.problems) - len(blanks)
        parts = [head]
        if blanks:
            names = "、".join(dict.fromkeys(_blank_name(p) for p in blanks))
            parts.append(self.tr("Still needed: {names}.").format(names=names))
        if other:
            parts.append(self.tr("{n} problem(s) marked in red.").format(n=other))
        return " ".join(parts)

    # -- decide and save ------------------------------------------------------------------

    def open_decision(self) -> None:
        if self._saving:
            return
        self._collect()
        if self.flow.merged is None:
            self.status.emit(message("request.matters"))
            self.focus_search()
            return
        self.refresh()
        assert self.last_check is not None
        dialog = DecisionDialog(
            allowed=self.last_check.allowed,
            missing=self.last_check.missing,
            rejection_choices=rejection_choices(self.flow.merged),
            check=lambda c: self.check(c.decision, c.reason, c.legal_basis, c),
            summary=self._decision_summary(),
            delivery_ways=offered_ways(self.flow.merged),
            way=str(self.flow.form.get("delivery_choice") or ""),
            address=str(
                self.flow.form.get("postal_address") or self.flow.applicant.get("address") or ""
            ),
            referral=referral_for(self.flow.merged),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._decided(dialog.choice()))
        dialog.rejected.connect(self.window().activateWindow)
        self.decision_dialog = dialog
        dialog.open()

    def _decision_summary(self) -> str:
        merged = self.flow.merged
        title = ""
        if merged is not None:
            title = (
                merged.bundle.name if merged.bundle else "、".join(m.name for m in merged.matters)
            )
        name = str(self.flow.applicant.get("name") or "")
        return self.tr("Applicant: {name} · Matter: {title}").format(name=name, title=title)

    def _decided(self, choice: DecisionChoice) -> None:
        self.decision_dialog = None
        request = self.flow.request_json(
            choice.decision,
            operator=self.ctx.operator_id,
            reason=choice.reason,
            legal_basis=choice.legal_basis,
            reason_kind=choice.reason_kind,
            refer_to=choice.refer_to,
            delivery=choice.delivery,
        )
        self._saving = True
        self.decide_button.setEnabled(False)
        self._draft_timer.stop()
        if self.confirmation_gate is not None:  # the citizen confirms first (never blocks)
            self.confirmation_gate(lambda c: self._save(request, c), self._not_confirmed)
            return
        self._save(request, None)

    def _save(self, request: dict[str, Any], confirmation: Confirmation | None) -> None:
        self.status.emit(self.tr("Saving…"))
        ops.save_intake(
            self.ctx, request, self._saved, self._save_failed, confirmation=confirmation
        )

    def _not_confirmed(self) -> None:
        """The citizen answered 有误 (or the clerk went back): nothing saved, keep editing."""
        self._saving = False
        self.decide_button.setEnabled(True)
        self._schedule_draft()

    def _saved(self, saved: ops.Saved) -> None:
        self._saving = False
        self.decide_button.setEnabled(True)
        self.last_case = saved.case.case_number
        self.status.emit(
            self.tr("Saved: case {number}. Printing…").format(number=saved.case.case_number)
        )
        self.saved.emit(saved)
        self.new_intake(ask=False)
        number = saved.case.case_number

        def print_now() -> None:
            ops.print_notices(self.ctx, number, None, self.show_printed)

        if self.after_save is not None:
            self.after_save(saved, print_now)
        else:
            print_now()

    def _save_failed(self, exc: BaseException) -> None:
        """Nothing was written: the screen keeps everything, the clerk fixes and saves again."""
        self._saving = False
        self.decide_button.setEnabled(True)
        if not isinstance(exc, WindowDeskError):
            log.error("saving an intake failed", exc_info=exc)
        self.save_failed.emit(exc)
        QMessageBox.warning(self, self.tr("Not saved"), for_exception(exc))

    def show_printed(self, printed: ops.Printed) -> None:
        self.printed.emit(printed)
        if not printed.jobs:
            self.status.emit(
                self.tr("Case {number}: nothing to print.").format(number=printed.case_number)
            )
        elif printed.failed:
            job = printed.failed[0]
            self.status.emit(
                self.tr("Case {number}: {kind} NOT printed — {why}").format(
                    number=printed.case_number,
                    kind=label(NOTICE_KINDS, job.kind),
                    why=message(job.error or "printer.failed"),
                )
            )
        else:
            kinds = "、".join(label(NOTICE_KINDS, j.kind) for j in printed.jobs)
            self.status.emit(
                self.tr("Case {number}: printed {kinds}.").format(
                    number=printed.case_number, kinds=kinds
                )
            )

    # -- new intake, drafts ---------------------------------------------------------------

    def new_intake(self, *, ask: bool = True) -> bool:
        """A clean screen for the next citizen; asks first when something would be lost
        (the answer arrives later: returns False while the question is open)."""
        self._collect()
        if ask and not self.flow.is_empty:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("New intake"),
                self.tr("Discard the intake on the screen?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            )
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.accepted.connect(self._discard_and_clear)
            self.confirm_box = box
            box.open()
            return False
        self._clear()
        return True

    def _discard_and_clear(self) -> None:
        self.confirm_box = None
        ops.discard_draft(self.ctx)
        self._clear()

    def _clear(self) -> None:
        self._draft_timer.stop()
        assert self.ctx.catalog is not None
        self.flow = IntakeFlow(self.ctx.catalog, channel=self.flow.channel)
        self.applicant.clear()
        self.picker.clear()
        self.materials.set_requirements(None, {})
        self.form.set_fields(None, {})
        self.use_default_agent()
        self.refresh()
        self.window().activateWindow()  # back from the decision dialog
        self.applicant.person.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def use_default_agent(self) -> None:
        """Start with the default agent (if any) when no agent is on the screen yet."""
        if self.default_agent is not None and not self.flow.agent:
            self.flow.agent = dict(self.default_agent)
            self.applicant.set_agent(self.flow.agent)

    def restore(self, content: Mapping[str, Any]) -> None:
        assert self.ctx.catalog is not None
        self.flow = IntakeFlow.from_draft(self.ctx.catalog, content)
        self.applicant.person.set_value(self.flow.applicant)
        self.applicant.set_agent(self.flow.agent)
        self.materials.set_requirements(self.flow.merged, self.flow.materials)
        self.form.set_fields(self.flow.merged.fields if self.flow.merged else None, self.flow.form)
        self.refresh()
        key = self.flow.first_empty_required_field()
        widget = self.form.widget_for(key) if key else None
        (widget or self.applicant.person.name).setFocus(Qt.FocusReason.OtherFocusReason)
        self.status.emit(self.tr("The unfinished intake was restored."))

    def _schedule_draft(self) -> None:
        self._draft_timer.start()

    def save_draft_now(self) -> None:
        self._draft_timer.stop()
        self._collect()
        if not self.flow.is_empty and not self._saving and not self.ctx.runner.closed:
            ops.save_draft(self.ctx, self.flow.to_draft())

    def has_unsaved_work(self) -> bool:
        self._collect()
        return not self.flow.is_empty


def _by_key(
    problems: list[Problem], prefix: str, *, first_only: bool = False
) -> dict[str, list[str]]:
    """Problem texts keyed by the field below ``prefix`` ("materials.x.state" → "x")."""
    out: dict[str, list[str]] = {}
    for p in problems:
        if prefix and not p.where.startswith(prefix):
            continue
        if not prefix and "." in p.where:
            continue
        key = p.where[len(prefix) :]
        if first_only:
            key = key.split(".", 1)[0]
        out.setdefault(key, []).append(message(p.code, p.params))
    return out


def _blank_name(p: Problem) -> str:
    if p.code == "form.required":
        return str(p.params.get("label", p.where))
    if p.code == "request.matters":
        return QCoreApplication.translate("IntakeScreen", "the matter")
    names = {
        "applicant.name": QCoreApplication.translate("IntakeScreen", "applicant's name"),
        "applicant.id_number": QCoreApplication.translate("IntakeScreen", "document number"),
        "applicant.phone": QCoreApplication.translate("IntakeScreen", "applicant's phone"),
        "agent.name": QCoreApplication.translate("IntakeScreen", "agent's name"),
        "agent.id_number": QCoreApplication.translate("IntakeScreen", "agent's document number"),
    }
    return names.get(p.where, p.where)
