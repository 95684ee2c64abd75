"""The case detail: everything recorded about one case, as the clerk reads it.

Built from ``intake.services.case_queries.CaseDetail`` (read on the writer when the case is
opened, since opening is an audited view). A read-only rich text view: it scrolls with the
keyboard, and copying a case number out of it works.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.labels import (
    AUDIT_ACTIONS,
    CASE_EVENTS,
    CASE_SYNC,
    CHANNELS,
    DELIVERY_WAYS,
    DOC_TYPES,
    MATERIAL_STATES,
    NOTICE_KINDS,
    VISIT_KINDS,
    label,
)
from intake.clock import CST
from intake.services.case_queries import CaseDetail
from intake.status import STATUS_LABELS, Status
from intake.views import CaseView, MaterialRecord, MaterialState

OVERDUE = "#b00020"
PAUSED = "#8a6d00"
GOOD = "#1b5e20"


def _when(at: datetime) -> str:
    return at.astimezone(CST).strftime("%Y-%m-%d %H:%M")  # the station's time, on any PC


def _day(d: date | None) -> str:
    return d.isoformat() if d else "—"


def _h3(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _bold(text: str, colour: str = "") -> str:
    style = f" style='color:{colour}'" if colour else ""
    return f"<b{style}>{escape(text)}</b>"


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th align=left>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table cellspacing=0 cellpadding=4 border=1 width=100%><tr>{head}</tr>{body}</table>"


class CaseDetailView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case-detail")
        self.setOpenLinks(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail: CaseDetail | None = None

    def show_detail(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.setHtml(self.html(detail))

    # -- the sections ---------------------------------------------------------------------

    def html(self, d: CaseDetail) -> str:
        c = d.case
        parts = [
            self._header(c),
            self._deadline(c),
            self._supplement_requests(c),
            _h3(self.tr("Status timeline")),
            self._history(c),
            _h3(self.tr("Documents printed")),
            self._prints(d),
            _h3(self.tr("Materials")),
            self._materials(c.materials),
            _h3(self.tr("Form")),
            self._form(c.form_data, d.form_labels),
            _h3(self.tr("Who viewed or handled it (audit log)")),
            self._viewers(d),
        ]
        return "".join(parts)

    def _header(self, c: CaseView) -> str:
        sync = label(CASE_SYNC, c.sync_state)
        color = {"acknowledged": GOOD, "rejected": OVERDUE}.get(c.sync_state, PAUSED)
        who = c.applicant
        rows = [
            (self.tr("Status"), escape(STATUS_LABELS[c.status])),
            (self.tr("Sync"), f"<b style='color:{color}'>{escape(sync)}</b>"),
            (
                self.tr("Applicant"),
                escape(f"{who.name}  {label(DOC_TYPES, who.doc_type)} {who.id_number}"),
            ),
            (self.tr("Phone"), escape(who.phone or "—")),
        ]
        if c.agent is not None:
            rows.append(
                (self.tr("Agent (帮办代办)"), escape(f"{c.agent.name}  {c.agent.id_number}"))
            )
        rows += [
            (self.tr("Channel"), escape(label(CHANNELS, c.channel.value))),
            (self.tr("Received"), escape(f"{_when(c.received_at)}  {c.operator_name}")),
            (self.tr("Departments"), escape("、".join(c.departments))),
        ]
        if c.decision_reason:
            rows.append((self.tr("Reason"), escape(c.decision_reason)))
        if c.refer_to:
            rows.append((self.tr("Told to apply to"), escape(c.refer_to)))
        if c.delivery_choice is not None:
            way = label(DELIVERY_WAYS, c.delivery_choice.way.value)
            rows.append(
                (self.tr("Result delivery"), escape(f"{way}  {c.delivery_choice.address}".strip()))
            )
        table = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{v}</td></tr>" for k, v in rows)
        return (
            f"<h2>{escape(c.case_number)}　{escape(c.title)}</h2>"
            f"<table cellspacing=0 cellpadding=3>{table}</table>"
        )

    def _deadline(self, c: CaseView) -> str:
        info = c.deadline
        if info is None:
            return _p(self.tr("No time limit runs for this case yet."))
        lines = [
            self.tr("Promised by {promised}; legal limit {legal}.").format(
                promised=_day(info.promised_due), legal=_day(info.legal_due)
            )
        ]
        state = ""
        if c.special_procedure:
            state = _bold(self.tr("Clock paused (暂停计时)"), PAUSED)
        elif c.status in (Status.COMPLETED, Status.DELIVERED, Status.WITHDRAWN):
            state = escape(self.tr("Finished."))
        elif info.overdue:
            state = (
                f"<b style='color:{OVERDUE}'>"
                + escape(self.tr("Overdue by {n} working day(s)").format(n=-(info.days_left or 0)))
                + "</b>"
            )
        elif info.days_left is not None:
            state = escape(self.tr("{n} working day(s) left").format(n=info.days_left))
        if info.paused_days:
            lines.append(
                self.tr("The clock stood still for {n} working day(s).").format(n=info.paused_days)
            )
        if info.provisional:
            lines.append(self.tr("Provisional: the official calendar for that year is not out."))
        text = " ".join(escape(x) for x in lines)
        return _h3(self.tr("Deadline")) + f"<p>{state} {text}</p>"

    def _supplement_requests(self, c: CaseView) -> str:
        """What the departments asked for when they sent the case back for 补正."""
        if not c.supplement_requests:
            return ""
        out = [_h3(self.tr("补正 requested by the department"))]
        for r in c.supplement_requests:
            due = _day(r.due) if r.due else self.tr("not stated")
            out.append(
                _p(
                    self.tr("{when} {department}: bring by {due}. {note}").format(
                        when=_when(r.at), department=r.department, due=due, note=r.note
                    )
                )
            )
            rows = [[escape(m.name), escape(m.requirement or "—")] for m in r.materials]
            out.append(_table([self.tr("Material"), self.tr("What is needed")], rows))
        return "".join(out)

    def _history(self, c: CaseView) -> str:
        rows = []
        for h in sorted(c.history, key=lambda h: h.seq):
            if h.event in CASE_EVENTS:
                step = label(CASE_EVENTS, h.event)
            else:
                step = STATUS_LABELS.get(Status(h.status), h.status)
            by = (
                h.operator
                if h.actor == "station"
                else self.tr("platform: {who}").format(who=h.operator)
            )
            note = label(VISIT_KINDS, h.note) if h.event == "visited" else h.note
            rows.append([escape(_when(h.at)), f"<b>{escape(step)}</b>", escape(by), escape(note)])
        return _table([self.tr("When"), self.tr("Step"), self.tr("By"), self.tr("Note")], rows)

    def _materials(self, materials: Sequence[MaterialRecord]) -> str:
        rows = []
        for m in sorted(materials, key=lambda m: m.name):
            state = label(MATERIAL_STATES, m.state)
            more: list[str] = []
            if m.state is MaterialState.DEFERRED:
                more.append(self.tr("promised by {date}").format(date=_day(m.promised_date)))
            if m.state is MaterialState.LICENCE and m.licence_number:
                more.append(self.tr("licence no. {number}").format(number=m.licence_number))
            if m.copies:
                more.append(self.tr("{n} copies").format(n=m.copies))
            if m.attachments:
                more.append(self.tr("{n} scan(s) attached").format(n=len(m.attachments)))
            if m.note:
                more.append(m.note)
            colour = OVERDUE if m.state is MaterialState.MISSING and m.required else ""
            style = f" style='color:{colour}'" if colour else ""
            rows.append(
                [
                    escape(m.name) + ("" if m.required else escape(self.tr(" (optional)"))),
                    f"<span{style}>{escape(state)}</span>",
                    escape("；".join(more)),
                ]
            )
        return _table([self.tr("Material"), self.tr("State"), self.tr("Details")], rows)

    def _form(self, form: Any, labels: Any) -> str:
        if not form:
            return _p(self.tr("No form fields."))
        rows = []
        for key, value in form.items():
            shown = "、".join(map(str, value)) if isinstance(value, list) else str(value)
            if isinstance(value, bool):
                shown = self.tr("yes") if value else self.tr("no")
            rows.append([escape(labels.get(key, key)), escape(shown)])
        return _table([self.tr("Field"), self.tr("Value")], rows)

    def _prints(self, d: CaseDetail) -> str:
        if not d.print_jobs:
            return _p(self.tr("Nothing printed yet."))
        rows = []
        states = {
            "printed": self.tr("printed"),
            "failed": self.tr("NOT printed"),
            "cancelled": self.tr("cancelled"),
        }
        for j in d.print_jobs:
            state = states.get(j.state, self.tr("in progress"))
            if j.state == "failed":
                state = f"<b style='color:{OVERDUE}'>{escape(state)}</b>"
            else:
                state = escape(state)
            kind = label(NOTICE_KINDS, j.kind)
            mark = " " + _bold(self.tr("Reprint (补打)")) if j.reprint else ""
            rows.append(
                [
                    escape(_when(j.created_at)),
                    escape(kind) + mark,
                    escape(f"{j.year}-{j.doc_number:05d}"),
                    state,
                    escape(j.printer or "—"),
                    escape(j.operator_id),
                ]
            )
        headers = [
            self.tr("When"),
            self.tr("Document"),
            self.tr("Number"),
            self.tr("State"),
            self.tr("Printer"),
            self.tr("By"),
        ]
        return _table(headers, rows)

    def _viewers(self, d: CaseDetail) -> str:
        rows = [
            [escape(_when(e.at)), escape(e.operator_id), escape(label(AUDIT_ACTIONS, e.action))]
            for e in reversed(d.audit)
        ]
        return _table([self.tr("When"), self.tr("Operator"), self.tr("What")], rows[:50])
